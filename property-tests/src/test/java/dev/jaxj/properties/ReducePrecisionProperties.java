package dev.jaxj.properties;

import dev.jaxj.Jax;
import dev.jaxj.array.Array;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.testing.Domain;
import dev.jaxj.testing.GradCheck;
import dev.jaxj.testing.JaxjArbitraries;
import dev.jaxj.testing.Tol;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The {@code reduce_precision} primitive (CPU only so far, so outside the device-checked op
 * tables; its vmap row is in {@link VmapElementwiseCases}): derivatives against f64 central
 * differences, {@code jit} bit-equal to eager, and values equal to Java's own IEEE conversions
 * ({@code double -> float}, {@code float -> float16}), which round to nearest-even independently.
 */
class ReducePrecisionProperties {
    @Provide
    Arbitrary<Shape> shapes() { return JaxjArbitraries.shapes(); }

    private static Array rp(Array x, int e, int m) { return Lax.reducePrecision(x, e, m); }

    @Property(tries = 30)
    void derivativesMatchCentralDifferences(@ForAll("shapes") Shape s, @ForAll long seed) {
        Seq<Array> args = Domain.REAL.arrays(new SplittableRandom(seed), Vector.of(s), DType.F64);
        // f64's own format is the identity: exact in the f64 run of the differences too.
        GradCheck same = GradCheck.of("reduce_precision[11,52]", xs -> rp(xs.head(), 11, 52));
        same.assertJvpMatchesCentralDifferences(args, seed);
        same.assertVjpMatchesCentralDifferences(args, seed);
        same.assertVjpIsTransposeOfJvp(args, seed);
        same.assertSecondOrder(args, seed);
        // f32's format rounds in the differences (ulp 1.2e-7 over a step 1e-4), as narrowing conversions do.
        GradCheck narrow = GradCheck.of("reduce_precision[8,23]", xs -> rp(xs.head(), 8, 23)).withTol(Tol.DEFAULT.withGrad(DType.F64, 5e-3));
        narrow.assertJvpMatchesCentralDifferences(args, seed);
        narrow.assertVjpIsTransposeOfJvp(args, seed);
    }

    @Property(tries = 40)
    void roundsLikeJavasConversionsAndJitsBitExactly(@ForAll("shapes") Shape s, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[s.size()];
        for (int i = 0; i < v.length; i++) v[i] = (r.nextBoolean() ? 1 : -1) * Math.pow(2, r.nextDouble(-20, 20)) * (1 + r.nextDouble());
        Array x64 = Array.fromHost(dev.jaxj.ir.ShapedArray.of(DType.F64, s), dev.jaxj.accel.host.HostData.own(v.clone()));
        double[] toFloat = Lax.reducePrecision(x64, 8, 23).toDoubleArray();
        Array x32 = Lax.convertElementType(x64, DType.F32);
        double[] toHalf = rp(x32, 5, 10).toDoubleArray();
        float[] f = x32.toFloatArray();
        for (int i = 0; i < v.length; i++) {
            assertEquals(Double.doubleToRawLongBits((float) v[i]), Double.doubleToRawLongBits(toFloat[i]), "(8, 23) of " + v[i]);
            float h = Float.float16ToFloat(Float.floatToFloat16(f[i]));
            // XLA's format has no subnormals: what rounds below the smallest normal half becomes a signed zero.
            float want = Math.abs(h) < 0x1p-14f ? Math.copySign(0f, f[i]) : h;
            assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits((float) toHalf[i]), "(5, 10) of " + f[i]);
        }
        Array jitted = Jax.jit((Array a) -> rp(a, 5, 10)).apply(x32);
        assertEquals(Vector.ofAll(toHalf), Vector.ofAll(jitted.toDoubleArray()), "jit equals eager");
        assertEquals(x32.aval(), jitted.aval());
    }

    @Example
    void keepsNansAndInfinitiesAndTheOperandsAval() {
        Array x = Array.fromHost(dev.jaxj.ir.ShapedArray.of(DType.F32, 4),
                dev.jaxj.accel.host.HostData.own(new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f}));
        float[] y = rp(x, 5, 2).toFloatArray();
        assertEquals(Float.floatToRawIntBits(Float.NaN), Float.floatToRawIntBits(y[0]));
        assertEquals(Float.POSITIVE_INFINITY, y[1]);
        assertEquals(Float.NEGATIVE_INFINITY, y[2]);
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(y[3]));
        Array weak = Array.scalar(1.5);
        assertEquals(weak.aval(), rp(weak, 8, 7).aval(), "the weak type is kept");
        assertThrows(DTypeError.class, () -> rp(Array.scalar(3L), 8, 7));
    }
}
