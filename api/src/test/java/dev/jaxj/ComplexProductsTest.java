package dev.jaxj;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.Function;

import static dev.jaxj.ArrayAssertions.arr;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Products and running products of complex arrays ({@code reduce_prod} and {@code cumprod},
 * lowered to trees and scans of complex multiplies) against sequential products in Java
 * doubles; their derivatives against the closed form {@code d prod z = sum_i v_i prod_{j != i} z_j},
 * which holds with zeros in {@code z}.
 */
class ComplexProductsTest {
    /** Products of up to 30 factors near the unit circle: a few ulps per factor. */
    private static final double TOL_C128 = 1e-13, TOL_C64 = 1e-5;

    static Array complexArray(DType d, Shape s, double... reIm) {
        Array z = Array.fromHost(ShapedArray.of(DType.C128, s), HostData.ownStorage(DType.C128, reIm.clone()));
        return d == DType.C128 ? z : z.astype(d);
    }

    /** Interleaved parts of {@code n} numbers with moduli in [0.5, 1.5] and any phase. */
    private static double[] draw(int n, long seed) {
        Random r = new Random(seed);
        double[] z = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double m = 0.5 + r.nextDouble(), phase = 2 * Math.PI * r.nextDouble();
            z[2 * i] = m * Math.cos(phase);
            z[2 * i + 1] = m * Math.sin(phase);
        }
        return z;
    }

    private static void assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol * Math.max(1, Math.abs(expected[i])), what + ": element " + i);
        }
    }

    /** The products of a [2, 3, 5] array over the listed axes, in row-major order of the kept axes, multiplied one by one. */
    private static double[] sequentialProduct(double[] z, int[] dims, boolean[] reduced) {
        int keptSize = 1;
        for (int a = 0; a < dims.length; a++) if (!reduced[a]) keptSize *= dims[a];
        double[] out = new double[2 * keptSize];
        for (int k = 0; k < keptSize; k++) out[2 * k] = 1;
        int total = z.length / 2;
        for (int flat = 0; flat < total; flat++) {
            int rem = flat, kept = 0, stride = 1;
            int[] idx = new int[dims.length];
            for (int a = dims.length - 1; a >= 0; a--) { idx[a] = rem % dims[a]; rem /= dims[a]; }
            for (int a = dims.length - 1; a >= 0; a--) {
                if (reduced[a]) continue;
                kept += idx[a] * stride;
                stride *= dims[a];
            }
            double re = out[2 * kept], im = out[2 * kept + 1];
            out[2 * kept] = re * z[2 * flat] - im * z[2 * flat + 1];
            out[2 * kept + 1] = re * z[2 * flat + 1] + im * z[2 * flat];
        }
        return out;
    }

    @Test
    void prodOverAxesIsTheSequentialProduct() {
        int[] dims = {2, 3, 5};
        double[] z = draw(30, 1);
        int[][] axesSets = {{0}, {2}, {1, 2}, {0, 2}, {0, 1, 2}};
        for (DType d : new DType[] {DType.C128, DType.C64}) {
            Array x = complexArray(d, Shape.of(dims), z);
            double tol = d == DType.C128 ? TOL_C128 : TOL_C64;
            for (int[] axes : axesSets) {
                boolean[] reduced = new boolean[3];
                for (int a : axes) reduced[a] = true;
                double[] expected = sequentialProduct(z, dims, reduced);
                Array eager = Jnp.prod(x, axes);
                assertEquals(d, eager.dtype());
                assertClose(expected, eager.toComplexArray(), tol, d + " prod over " + java.util.Arrays.toString(axes));
                Array jitted = Jax.jit((Function<Array, Array>) v -> Jnp.prod(v, axes)).apply(x);
                assertClose(expected, jitted.toComplexArray(), tol, d + " jit prod over " + java.util.Arrays.toString(axes));
            }
        }
    }

    @Test
    void prodOfAnEmptyAxisIsOne() {
        Array x = complexArray(DType.C64, Shape.of(3, 0), new double[0]);
        Array p = Jnp.prod(x, 1);
        assertEquals(Shape.of(3), p.shape());
        assertClose(new double[] {1, 0, 1, 0, 1, 0}, p.toComplexArray(), 0, "empty prod");
    }

    @Test
    void cumprodRunsForwardAndInReverse() {
        double[] z = draw(15, 2);
        Array x = complexArray(DType.C128, Shape.of(3, 5), z);
        double[] forward = new double[30], reverse = new double[30];
        for (int row = 0; row < 3; row++) {
            double fr = 1, fi = 0, rr = 1, ri = 0;
            for (int j = 0; j < 5; j++) {
                int f = 2 * (row * 5 + j), b = 2 * (row * 5 + 4 - j);
                double t = fr * z[f] - fi * z[f + 1];
                fi = fr * z[f + 1] + fi * z[f];
                fr = t;
                forward[f] = fr;
                forward[f + 1] = fi;
                t = rr * z[b] - ri * z[b + 1];
                ri = rr * z[b + 1] + ri * z[b];
                rr = t;
                reverse[b] = rr;
                reverse[b + 1] = ri;
            }
        }
        assertClose(forward, Jnp.cumprod(x, 1).toComplexArray(), TOL_C128, "cumprod");
        assertClose(forward, Jax.jit((Function<Array, Array>) v -> Jnp.cumprod(v, -1)).apply(x).toComplexArray(), TOL_C128, "jit cumprod");
        assertClose(reverse, Lax.cumprod(x, 1, true).toComplexArray(), TOL_C128, "reverse cumprod");
        assertClose(forward, Jnp.cumprod(x.astype(DType.C64), 1).toComplexArray(), TOL_C64, "c64 cumprod");
    }

    @Test
    void vmapOfProdIsTheProductOfEachRow() {
        double[] z = draw(12, 3);
        Array x = complexArray(DType.C128, Shape.of(4, 3), z);
        double[] expected = sequentialProduct(z, new int[] {4, 3}, new boolean[] {false, true});
        assertClose(expected, Jax.vmap((Function<Array, Array>) Jnp::prod).apply(x).toComplexArray(), TOL_C128, "vmap prod");
        double[] firstOfCumprod = Jax.vmap((Function<Array, Array>) Jnp::cumprod).apply(x).toComplexArray();
        for (int row = 0; row < 4; row++) {
            assertEquals(z[6 * row], firstOfCumprod[6 * row], 0, "cumprod starts with the first element");
            assertEquals(expected[2 * row], firstOfCumprod[6 * row + 4], TOL_C128, "cumprod ends with the product");
        }
    }

    /** {@return sum_i v_i prod_{j != i} z_j}, the derivative of the product along v, by brute force */
    private static double[] productDerivative(double[] z, double[] v) {
        int n = z.length / 2;
        double sr = 0, si = 0;
        for (int i = 0; i < n; i++) {
            double pr = v[2 * i], pi = v[2 * i + 1];
            for (int j = 0; j < n; j++) {
                if (j == i) continue;
                double t = pr * z[2 * j] - pi * z[2 * j + 1];
                pi = pr * z[2 * j + 1] + pi * z[2 * j];
                pr = t;
            }
            sr += pr;
            si += pi;
        }
        return new double[] {sr, si};
    }

    @Test
    void jvpOfProdMatchesTheClosedFormWithZeros() {
        double[] v = draw(5, 4);
        for (int zeros : new int[] {0, 1, 2}) {
            double[] z = draw(5, 5);
            for (int k = 0; k < zeros; k++) { z[2 * (2 * k + 1)] = 0; z[2 * (2 * k + 1) + 1] = 0; }
            Array x = complexArray(DType.C128, Shape.of(5), z), t = complexArray(DType.C128, Shape.of(5), v);
            Jax.JvpResult<Array> r = Jax.jvp((Function<Array, Array>) Jnp::prod, x, t);
            assertClose(sequentialProduct(z, new int[] {5}, new boolean[] {true}), r.primal().toComplexArray(), TOL_C128, zeros + " zeros: primal");
            assertClose(productDerivative(z, v), r.tangent().toComplexArray(), TOL_C128, zeros + " zeros: tangent");
            // The last running product is the whole product, so its tangent is the same.
            Array last = Jax.jvp((Function<Array, Array>) a -> Lax.slice(Jnp.cumprod(a), Vector.of(4), Vector.of(5), Vector.of(1)), x, t).tangent();
            assertClose(productDerivative(z, v), last.toComplexArray(), TOL_C128, zeros + " zeros: cumprod tangent");
        }
    }

    @Test
    void gradOfTheRealPartOfAProductIsTheConjugateDerivative() {
        // z = complex(p[:4], p[4:]) and L = Re(prod z): dL/dx_i = Re(g_i), dL/dy_i = -Im(g_i) with g_i = prod_{j != i} z_j.
        double[] z = draw(4, 6);
        z[2] = 0;
        z[3] = 0;
        double[] p = new double[8];
        for (int i = 0; i < 4; i++) { p[i] = z[2 * i]; p[4 + i] = z[2 * i + 1]; }
        Function<Array, Array> loss = q -> Lax.real(Jnp.prod(Lax.complex(Lax.slice(q, Vector.of(0), Vector.of(4), Vector.of(1)),
                Lax.slice(q, Vector.of(4), Vector.of(8), Vector.of(1)))));
        double[] expected = new double[8];
        for (int i = 0; i < 4; i++) {
            double[] unit = new double[8];
            unit[2 * i] = 1;
            double[] g = productDerivative(z, unit);
            expected[i] = g[0];
            expected[4 + i] = -g[1];
        }
        Array x = arr(DType.F64, Shape.of(8), p);
        assertClose(expected, Jax.grad(loss).apply(x).toDoubleArray(), TOL_C128, "grad");
        assertClose(expected, Jax.jit(Jax.grad(loss)).apply(x).toDoubleArray(), TOL_C128, "jit grad");
    }
}
