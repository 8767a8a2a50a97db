package dev.jaxj.random;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static dev.jaxj.random.ThreefryMode.LEGACY;
import static dev.jaxj.random.ThreefryMode.PARTITIONABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultivariateNormalTest {

    static Key key(long seed, ThreefryMode mode) { return new Key(Threefry.seed(seed), mode); }

    @Test
    void shouldDrawJaxsValueCase() {
        // JAX tests/random_test.py _RANDOM_VALUES_CASES "multivariate_normal" (legacy, x32): shape (2,),
        // mean ones((1, 3)), cov eye(3), key PRNGKey(zlib.adler32(b"multivariate_normalthreefry2x32")).
        Key k = key(ThreefryTest.adler("multivariate_normal"), LEGACY);
        Array x = MultivariateNormal.sample(k, Jnp.ones(1, 3), Jnp.eye(3), Option.some(Shape.of(2)), Option.none());
        assertEquals(Shape.of(2, 3), x.shape());
        Expect.sixDecimals(new double[] {1.067826, 1.215599, 0.234166, -0.237534, 1.32591, 1.413987}, x.toFloatArray());
    }

    @Test
    void shouldFactorPositiveDefiniteMatricesAndBatches() {
        double[][] a = {{4, 2, 0.4}, {2, 5, 1}, {0.4, 1, 3}};
        double[] l = MultivariateNormal.cholesky(Jnp.array(a)).toDoubleArray();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (j > i) assertEquals(0, l[3 * i + j], 0.0, "upper triangle");
                double s = 0;
                for (int k = 0; k < 3; k++) s += l[3 * i + k] * l[3 * j + k];
                assertEquals(a[i][j], s, 1e-12, "L L^T at " + i + "," + j);
            }
        }
        // A batch of two 2x2 matrices, factored independently: [[1,0],[0,4]] -> diag(1,2); [[4,2],[2,2]] -> [[2,0],[1,1]].
        Array batch = Jnp.array(new float[][][] {{{1, 0}, {0, 4}}, {{4, 2}, {2, 2}}});
        float[] lb = MultivariateNormal.cholesky(batch).toFloatArray();
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {1, 0, 0, 2, 2, 0, 1, 1}, lb, 1e-6f);
    }

    @Test
    void shouldHaveTheRequestedMeanAndCovariance() {
        float[][] cov = {{2, 0.8f}, {0.8f, 1}};
        for (ThreefryMode mode : ThreefryMode.values()) {
            float[] x = MultivariateNormal.sample(key(1, mode), Jnp.array(new float[] {1, -3}), Jnp.array(cov),
                    Option.some(Shape.of(20000)), Option.none()).toFloatArray();
            double m0 = 0, m1 = 0;
            for (int i = 0; i < 20000; i++) { m0 += x[2 * i]; m1 += x[2 * i + 1]; }
            m0 /= 20000;
            m1 /= 20000;
            double c00 = 0, c01 = 0, c11 = 0;
            for (int i = 0; i < 20000; i++) {
                double d0 = x[2 * i] - m0, d1 = x[2 * i + 1] - m1;
                c00 += d0 * d0; c01 += d0 * d1; c11 += d1 * d1;
            }
            // Standard errors at n = 20000 are about 0.01-0.02; 0.06 is over 3 of them.
            assertEquals(1, m0, 0.05, mode + " mean 0");
            assertEquals(-3, m1, 0.05, mode + " mean 1");
            assertEquals(2, c00 / 19999, 0.06, mode + " var 0");
            assertEquals(0.8, c01 / 19999, 0.06, mode + " cov");
            assertEquals(1, c11 / 19999, 0.06, mode + " var 1");
        }
    }

    @Test
    void shouldBroadcastBatchShapesAndCheckThem() {
        Key k = key(2, PARTITIONABLE);
        Array mean = Jnp.zeros(Shape.of(4, 1, 3), DType.F32);
        Array cov = Jnp.eye(3);
        assertEquals(Shape.of(4, 1, 3), MultivariateNormal.sample(k, mean, cov, Option.none(), Option.none()).shape());
        assertEquals(Shape.of(4, 5, 3), MultivariateNormal.sample(k, mean, cov, Option.some(Shape.of(4, 5)), Option.none()).shape());
        assertEquals(DType.F64, MultivariateNormal.sample(k, mean, cov, Option.none(), Option.some(DType.F64)).dtype());
        assertThrows(ShapeError.class, () -> MultivariateNormal.sample(k, mean, Jnp.eye(2), Option.none(), Option.none()));
        assertThrows(ShapeError.class, () -> MultivariateNormal.sample(k, Array.scalar(0f, DType.F32), cov, Option.none(), Option.none()));
    }

    @Test
    void shouldGiveNansForMatricesThatAreNotPositiveDefinite() {
        float[] l = MultivariateNormal.cholesky(Jnp.array(new float[][] {{1, 2}, {2, 1}})).toFloatArray();
        assertTrue(Float.isNaN(l[3]), "the second pivot is sqrt(-3)");
    }
}
