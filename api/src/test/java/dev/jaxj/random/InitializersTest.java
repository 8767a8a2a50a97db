package dev.jaxj.random;

import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import static dev.jaxj.random.ThreefryMode.LEGACY;
import static dev.jaxj.random.ThreefryMode.PARTITIONABLE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** jax.nn.initializers semantics: fans, the f32 arithmetic of variance_scaling, and the resulting spreads. */
class InitializersTest {

    static Key key(long seed, ThreefryMode mode) { return new Key(Threefry.seed(seed), mode); }

    @Test
    void shouldComputeFansLikeJax() {
        // Dense (in, out) and a 3x3 convolution kernel (h, w, in, out): the window multiplies both fans.
        assertArrayEquals(new double[] {784, 128}, Initializers.fans(Shape.of(784, 128), Vector.of(-2), Vector.of(-1), Vector.empty()), 0);
        assertArrayEquals(new double[] {144, 288}, Initializers.fans(Shape.of(3, 3, 16, 32), Vector.of(-2), Vector.of(-1), Vector.empty()), 0);
        assertArrayEquals(new double[] {16, 32}, Initializers.fans(Shape.of(5, 16, 32), Vector.of(-2), Vector.of(-1), Vector.of(0)), 0);
        assertThrows(ShapeError.class, () -> Initializers.glorotUniform().apply(key(0, LEGACY), 10));
    }

    @Test
    void shouldScaleUniformsWithJaxsFloat32Arithmetic() {
        // glorot_uniform = uniform(key, shape, f32, -1) * sqrt(3 * f32(1 / fan_avg)), all in f32.
        for (ThreefryMode mode : ThreefryMode.values()) {
            float[] u = JaxReference.uniform(JaxReference.key(3), 784 * 128, mode == PARTITIONABLE, -1f, 1f);
            float variance = (float) (1.0 / ((784 + 128) / 2.0));
            float scale = (float) Math.sqrt(3f * variance);
            float[] expected = new float[u.length];
            for (int i = 0; i < u.length; i++) expected[i] = u[i] * scale;
            Expect.sameBits(expected, Initializers.glorotUniform().apply(key(3, mode), 784, 128).toFloatArray());
        }
    }

    @Test
    void shouldBoundUniformInitializersBySqrtOfThreeVariances() {
        float[] he = Initializers.heUniform().apply(key(4, PARTITIONABLE), Shape.of(3, 3, 8, 16), DType.F32).toFloatArray();
        double bound = Math.sqrt(6.0 / 72);
        for (float v : he) assertTrue(Math.abs(v) < bound, "he_uniform value " + v);
        float[] lecun = Initializers.lecunUniform().apply(key(4, LEGACY), 200, 50).toFloatArray();
        for (float v : lecun) assertTrue(Math.abs(v) < Math.sqrt(3.0 / 200), "lecun_uniform value " + v);
    }

    @Test
    void shouldGiveTruncatedNormalInitializersTheirVariance() {
        // The truncated normal is rescaled by its own stddev (0.8796...), so the variance is exactly scale / fan.
        int fanIn = 400, fanOut = 100;
        for (ThreefryMode mode : ThreefryMode.values()) {
            check(Initializers.heNormal().apply(key(5, mode), fanIn, fanOut).toFloatArray(), 2.0 / fanIn);
            check(Initializers.lecunNormal().apply(key(6, mode), fanIn, fanOut).toFloatArray(), 1.0 / fanIn);
            check(Initializers.glorotNormal().apply(key(7, mode), fanIn, fanOut).toFloatArray(), 2.0 / (fanIn + fanOut));
        }
    }

    private static void check(float[] w, double variance) {
        double bound = 2 * Math.sqrt(variance) / Samplers.TRUNCATED_STDDEV;
        double sum = 0;
        for (float v : w) {
            assertTrue(Math.abs(v) < bound * (1 + 1e-6), "value " + v + " beyond two truncated stddevs " + bound);
            sum += v * (double) v;
        }
        double var = sum / w.length;
        // 40000 draws: the relative standard error of a variance is about sqrt(2/n) = 0.7%; allow 4%.
        assertEquals(variance, var, 0.04 * variance, "variance");
    }

    @Test
    void shouldScaleTheSimpleInitializersAndIgnoreKeysForConstants() {
        Key k = key(8, PARTITIONABLE);
        float[] n = Samplers.normal(k, Shape.of(5, 4), DType.F32).toFloatArray();
        float[] scaled = Initializers.normal(0.01).apply(k, 5, 4).toFloatArray();
        for (int i = 0; i < n.length; i++) assertEquals(n[i] * 0.01f, scaled[i], 0f);
        float[] u = Initializers.uniform(0.5).apply(k, Shape.of(7), DType.F64).toFloatArray();
        for (float v : u) assertTrue(v >= 0 && v < 0.5, "uniform(0.5) value " + v);
        assertArrayEquals(new float[6], Initializers.zeros().apply(k, 2, 3).toFloatArray());
        assertArrayEquals(new double[] {1, 1}, Initializers.ones().apply(k, Shape.of(2), DType.F64).toDoubleArray());
        float[] t = Initializers.truncatedNormal(0.1).apply(k, 1000).toFloatArray();
        for (float v : t) assertTrue(Math.abs(v) < 0.2, "truncated_normal(0.1) value " + v);
    }
}
