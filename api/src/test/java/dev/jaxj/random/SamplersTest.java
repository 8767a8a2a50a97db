package dev.jaxj.random;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static dev.jaxj.random.ThreefryMode.LEGACY;
import static dev.jaxj.random.ThreefryMode.PARTITIONABLE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The continuous samplers against JAX's published values and, where JAX publishes none for a
 * mode, against {@link JaxReference}. Sources: [D] the "PRNG keys" section of the jax.random
 * module documentation (docs.jax.dev/en/latest/jax.random.html; JAX >= 0.5 prints the
 * partitionable values, JAX 0.4.x docs printed the legacy ones); [G] JAX
 * docs/notebooks/Common_Gotchas_in_JAX.ipynb, "Random Numbers" (legacy); [V] JAX
 * tests/random_test.py {@code _RANDOM_VALUES_CASES}, run under
 * {@code skipIf(jax_threefry_partitionable)} with key {@code PRNGKey(zlib.adler32(name + "threefry2x32"))}.
 */
class SamplersTest {

    static Key key(long seed, ThreefryMode mode) { return new Key(Threefry.seed(seed), mode); }

    static Key valuesCaseKey(String name) { return key(ThreefryTest.adler(name), LEGACY); }

    static long[] refKey(long seed) { return JaxReference.key(seed); }

    static Array f(double v) { return Array.scalar(v, DType.F32); }

    // uniform ----------------------------------------------------------------------------------

    @Test
    void shouldDrawTheDocumentedUniformsInPartitionableMode() {
        // [D] JAX >= 0.5: random.uniform(random.key(0)) -> 0.947667; after key, subkey = split(key): 0.00729382.
        Key k = key(0, PARTITIONABLE);
        Expect.printedAs("0.947667", Samplers.uniform(k, Shape.SCALAR, DType.F32, 0, 1).floatValue());
        Key sub = new Key(Threefry.split(k, Shape.of(2)), PARTITIONABLE).get(1);
        Expect.printedAs("0.00729382", Samplers.uniform(sub, Shape.SCALAR, DType.F32, 0, 1).floatValue());
    }

    @Test
    void shouldDrawTheDocumentedUniformsInLegacyMode() {
        // [D] JAX 0.4.x: random.uniform(random.key(0)) -> 0.41845703; after split, the subkey gives 0.10536897.
        Key k = key(0, LEGACY);
        Expect.printedAs("0.41845703", Samplers.uniform(k, Shape.SCALAR, DType.F32, 0, 1).floatValue());
        Key sub = new Key(Threefry.split(k, Shape.of(2)), LEGACY).get(1);
        Expect.printedAs("0.10536897", Samplers.uniform(sub, Shape.SCALAR, DType.F32, 0, 1).floatValue());
        // [V] "uniform", shape (5,), float32.
        double[] v = {0.298671, 0.073213, 0.873356, 0.260549, 0.412797};
        Expect.sixDecimals(v, Samplers.uniform(valuesCaseKey("uniform"), Shape.of(5), DType.F32, 0, 1).toFloatArray());
    }

    @Test
    void shouldDrawUniformsBitForBitLikeTheReference() {
        // [R] f32 with bounds and f64, both modes, including a matrix shape.
        for (ThreefryMode mode : ThreefryMode.values()) {
            boolean p = mode == PARTITIONABLE;
            Array u = Samplers.uniform(key(42, mode), Shape.of(4, 5), DType.F32, -3, 7.5);
            assertEquals(Shape.of(4, 5), u.shape());
            Expect.sameBits(JaxReference.uniform(refKey(42), 20, p, -3f, 7.5f), u.toFloatArray());
            double[] d = Samplers.uniform(key(42, mode), Shape.of(7), DType.F64, -1, 2).toDoubleArray();
            assertArrayEquals(JaxReference.uniform64(refKey(42), 7, p, -1, 2), d, 0.0);
        }
    }

    @Test
    void shouldBroadcastArrayBoundsAgainstTheShape() {
        Array lo = Jnp.array(new float[] {0, 10, 100}), hi = Jnp.array(new float[] {1, 20, 200});
        float[] u = Samplers.uniform(key(1, PARTITIONABLE), Shape.of(4, 3), DType.F32, lo, hi).toFloatArray();
        float[] unit = JaxReference.uniform(refKey(1), 12, true, 0f, 1f);
        for (int i = 0; i < 12; i++) {
            float a = new float[] {0, 10, 100}[i % 3], b = new float[] {1, 20, 200}[i % 3];
            assertEquals(Math.max(a, unit[i] * (b - a) + a), u[i], 0f, "element " + i);
        }
        assertThrows(ShapeError.class, () -> Samplers.uniform(key(1, PARTITIONABLE), Shape.of(4, 2), DType.F32, lo, hi));
    }

    @Test
    void shouldHandleZeroSizeShapesAndRejectIntegerDtypes() {
        assertEquals(Shape.of(0, 3), Samplers.uniform(key(1, LEGACY), Shape.of(0, 3), DType.F32, 0, 1).shape());
        assertEquals(Shape.of(2, 0), Samplers.normal(key(1, PARTITIONABLE), Shape.of(2, 0), DType.F32).shape());
        assertThrows(DTypeError.class, () -> Samplers.uniform(key(1, LEGACY), Shape.of(2), DType.I32, 0, 1));
        assertThrows(DTypeError.class, () -> Samplers.normal(key(1, LEGACY), Shape.of(2), DType.U32));
    }

    // normal -----------------------------------------------------------------------------------

    @Test
    void shouldDrawTheDocumentedNormalsInLegacyMode() {
        // [G] random.normal(PRNGKey(0), shape=(1,)) -> [-0.20584226]; the subkeys of the first two splits
        // give [-1.2515389] and [-0.58665055]; key, *subkeys = split(key, 4) then gives the last three.
        Expect.printedAs("-0.20584226", Samplers.normal(key(0, LEGACY), Shape.of(1), DType.F32).floatValue());
        Expect.printedAs("-1.2515389", Samplers.normal(new Key(Bits.u32s((int) 2718843009L, 1272950319), LEGACY), Shape.of(1), DType.F32).floatValue());
        Key k2 = new Key(Bits.u32s((int) 2384771982L, (int) 3928867769L), LEGACY);
        Expect.printedAs("-0.58665055", Samplers.normal(new Key(Bits.u32s(1278412471, (int) 2182328957L), LEGACY), Shape.of(1), DType.F32).floatValue());
        Key four = new Key(Threefry.split(k2, Shape.of(4)), LEGACY);
        String[] printed = {"-0.37533438", "0.98645043", "0.14553197"};
        for (int i = 1; i < 4; i++) Expect.printedAs(printed[i - 1], Samplers.normal(four.get(i), Shape.of(1), DType.F32).floatValue());
        // [V] "normal", shape (5,), float32.
        double[] v = {-1.173234, -1.511662, 0.070593, -0.099764, 1.052845};
        Expect.sixDecimals(v, Samplers.normal(valuesCaseKey("normal"), Shape.of(5), DType.F32).toFloatArray());
    }

    @Test
    void shouldDrawNormalsFromTheReferenceUniformsInBothModes() {
        // [R] sqrt(2) * erf_inv(u) with u the reference's exact uniform on (-1, 1) and erf_inv as
        // XLA's ErfInv32 evaluates it: bit for bit.
        for (ThreefryMode mode : ThreefryMode.values()) {
            float[] u = JaxReference.uniform(refKey(9), 200, mode == PARTITIONABLE, Math.nextUp(-1f), 1f);
            float[] expected = new float[u.length];
            for (int i = 0; i < u.length; i++) expected[i] = (float) Math.sqrt(2) * JaxReference.erfInv(u[i]);
            Expect.sameBits(expected, Samplers.normal(key(9, mode), Shape.of(200), DType.F32).toFloatArray());
        }
    }

    @Test
    void shouldDrawF64NormalsFromF64Uniforms() {
        double[] u = JaxReference.uniform64(refKey(5), 10, true, Math.nextUp(-1.0), 1.0);
        double[] z = Samplers.normal(key(5, PARTITIONABLE), Shape.of(10), DType.F64).toDoubleArray();
        // erf(z / sqrt 2) must give back u: checks the f64 path end to end to 1e-12.
        for (int i = 0; i < 10; i++) assertEquals(u[i], JaxReference.erf(z[i] / Math.sqrt(2)), 1e-12, "element " + i);
    }

    // truncated normal and the inverse-transform samplers ---------------------------------------

    @Test
    void shouldDrawJaxsValueCasesForTheOtherSamplers() {
        // [V] each case: shape (5,), float32, legacy mode.
        Expect.sixDecimals(new double[] {0.582807, 1.709771, 0.159513, 0.861376, 0.36148},
                Samplers.truncatedNormal(valuesCaseKey("truncated_normal"), 0, 2, Shape.of(5), DType.F32).toFloatArray());
        Expect.sixDecimals(new double[] {0.526067, 0.043046, 0.039932, 0.46427, 0.123886},
                Samplers.exponential(valuesCaseKey("exponential"), Shape.of(5), DType.F32).toFloatArray());
        Expect.sixDecimals(new double[] {2.06701, 0.911726, 0.145736, 0.185427, -0.00711},
                Samplers.gumbel(valuesCaseKey("gumbel"), Shape.of(5), DType.F32).toFloatArray());
        Expect.sixDecimals(new double[] {0.578939, -0.204902, 0.555733, 0.911053, -0.96456},
                Samplers.laplace(valuesCaseKey("laplace"), Shape.of(5), DType.F32).toFloatArray());
        Expect.sixDecimals(new double[] {0.19611, -1.709053, -0.274093, -0.208322, -1.675489},
                Samplers.logistic(valuesCaseKey("logistic"), Shape.of(5), DType.F32).toFloatArray());
        assertArrayEquals(new boolean[] {false, true, true, true, false},
                Samplers.bernoulli(valuesCaseKey("bernoulli"), f(0.5), Option.some(Shape.of(5))).toBooleanArray());
    }

    @Test
    void shouldTransformTheReferenceUniformsInBothModes() {
        // [R] the same f32 formulas applied to the reference's exact uniforms; log and log1p are the
        // kernels' f32 functions, so allow 4 ulp plus 1e-6 absolute (an inner ulp grows near zero).
        for (ThreefryMode mode : ThreefryMode.values()) {
            boolean p = mode == PARTITIONABLE;
            int n = 40;
            float[] uExp = JaxReference.uniform(refKey(11), n, p, 0f, 1f);
            float[] uGum = JaxReference.uniform(refKey(11), n, p, Float.MIN_NORMAL, 1f);
            float[] uLap = JaxReference.uniform(refKey(11), n, p, -1f + 0x1p-24f, 1f);
            float[] uLog = JaxReference.uniform(refKey(11), n, p, 0x1p-23f, 1f);
            float[] exp = new float[n], gum = new float[n], lap = new float[n], log = new float[n];
            for (int i = 0; i < n; i++) {
                exp[i] = -(float) Math.log1p(-uExp[i]);
                gum[i] = -(float) Math.log(-(float) Math.log(uGum[i]));
                lap[i] = Math.signum(uLap[i]) * (float) Math.log1p(-Math.abs(uLap[i]));
                log[i] = (float) Math.log(uLog[i] / (1f - uLog[i]));
            }
            Key k = key(11, mode);
            close(exp, Samplers.exponential(k, Shape.of(n), DType.F32).toFloatArray());
            close(gum, Samplers.gumbel(k, Shape.of(n), DType.F32).toFloatArray());
            close(lap, Samplers.laplace(k, Shape.of(n), DType.F32).toFloatArray());
            close(log, Samplers.logistic(k, Shape.of(n), DType.F32).toFloatArray());
            boolean[] bern = Samplers.bernoulli(k, f(0.3), Option.some(Shape.of(n))).toBooleanArray();
            for (int i = 0; i < n; i++) assertEquals(uExp[i] < 0.3f, bern[i], "bernoulli " + i);
        }
    }

    @Test
    void shouldKeepTruncatedNormalsInsideTheOpenInterval() {
        for (ThreefryMode mode : ThreefryMode.values()) {
            float[] x = Samplers.truncatedNormal(key(3, mode), -0.3, 0.3, Shape.of(2000), DType.F32).toFloatArray();
            for (float v : x) assertTrue(v > -0.3f && v < 0.3f, "value " + v);
        }
        // Array bounds broadcast; with no shape the result takes their broadcast shape.
        Array lower = Jnp.array(new float[] {-1, 0}), upper = f(3);
        Array t = Samplers.truncatedNormal(key(3, LEGACY), lower, upper, Option.none(), DType.F32);
        assertEquals(Shape.of(2), t.shape());
    }

    @Test
    void shouldShapeBernoulliDrawsLikeP() {
        // JAX testBernoulliShape: p of shape (2,) with shape (3, 2).
        Array p = Jnp.array(new float[] {0.2f, 0.3f});
        assertEquals(Shape.of(3, 2), Samplers.bernoulli(key(0, LEGACY), p, Option.some(Shape.of(3, 2))).shape());
        assertEquals(Shape.of(2), Samplers.bernoulli(key(0, LEGACY), p, Option.none()).shape());
        assertEquals(DType.BOOL, Samplers.bernoulli(key(0, LEGACY), p, Option.none()).dtype());
        assertThrows(DTypeError.class, () -> Samplers.bernoulli(key(0, LEGACY), Jnp.array(new int[] {1}), Option.none()));
        assertThrows(ShapeError.class, () -> Samplers.bernoulli(key(0, LEGACY), p, Option.some(Shape.of(3))));
    }

    // categorical ------------------------------------------------------------------------------

    @Test
    void shouldPickTheArgmaxOfGumbelNoisePlusLogits() {
        // [R] categorical is argmax(gumbel(key, shape + (k,)) + logits) in both modes.
        Array logits = Jnp.array(new float[] {0.1f, -2f, 1.5f, 0f});
        for (ThreefryMode mode : ThreefryMode.values()) {
            Key k = key(21, mode);
            int[] drawn = Samplers.categorical(k, logits, -1, Option.some(Shape.of(6))).toIntArray();
            float[] g = Samplers.gumbel(k, Shape.of(6, 4), DType.F32).toFloatArray();
            float[] l = logits.toFloatArray();
            for (int i = 0; i < 6; i++) {
                int best = 0;
                for (int c = 1; c < 4; c++) if (g[4 * i + c] + l[c] > g[4 * i + best] + l[best]) best = c;
                assertEquals(best, drawn[i], "draw " + i);
            }
        }
    }

    @Test
    void shouldDrawCategoricalsAlongAnyAxisWithBatchShapes() {
        Array logits = Jnp.array(new float[][] {{0, 0}, {0, 0}, {0, 0}});    // (3, 2)
        Key k = key(2, PARTITIONABLE);
        assertEquals(Shape.of(3), Samplers.categorical(k, logits, 1, Option.none()).shape());
        assertEquals(Shape.of(2), Samplers.categorical(k, logits, 0, Option.none()).shape());
        assertEquals(Shape.of(5, 3), Samplers.categorical(k, logits, -1, Option.some(Shape.of(5, 3))).shape());
        assertEquals(DType.I32, Samplers.categorical(k, logits, -1, Option.none()).dtype());
        assertThrows(ShapeError.class, () -> Samplers.categorical(k, logits, -1, Option.some(Shape.of(4))));
    }

    /** 4 ulp plus 1e-6 absolute: the tolerance of the transcendental kernels, as explained where used. */
    static void close(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) {
            float tol = 4 * Math.ulp(expected[i]) + 1e-6f;
            int k = i;
            assertTrue(Math.abs(expected[i] - actual[i]) <= tol, () -> "element " + k + ": expected " + expected[k] + ", got " + actual[k]);
        }
    }
}
