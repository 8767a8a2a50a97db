package dev.jaxj.numpy;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code matmul} of a stacked operand by a matrix, as a dense layer applies its weights to a
 * batch of sequences: one {@code dot_general} contracting the last axis with the matrix's
 * first, with no batch axes and no broadcast copy of the matrix (jnp.matmul's lowering), and
 * values and weight gradients against loops written here.
 */
class MatmulByMatrixTest {
    private static final int B = 3, S = 4, K = 5, N = 6;

    private static double[] uniform(int n, long seed) {
        var r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextDouble(-1, 1);
        return v;
    }

    @Test
    void shouldContractTheLastAxisWithTheMatrixInOneProduct() {
        Array x = Jnp.array(uniform(B * S * K, 1), DType.F64, B, S, K), w = Jnp.array(uniform(K * N, 2), DType.F64, K, N);
        Jaxpr j = Jax.makeJaxpr((Vector<Array> in) -> in.get(0).matmul(in.get(1)), Vector.of(x, w));
        assertEquals(1, j.eqns().size(), "one equation in " + j);
        var dot = (Primitive.DotGeneral) j.eqns().head().prim();
        assertEquals(Vector.of(2), dot.dimensionNumbers().lhsContracting().toVector());
        assertEquals(Vector.of(0), dot.dimensionNumbers().rhsContracting().toVector());
        assertEquals(0, dot.dimensionNumbers().lhsBatch().size());
        // The gradient with respect to the matrix is one product too, not a sum of per-batch copies.
        Jaxpr g = Jax.makeJaxpr((Vector<Array> in) -> Jax.grad((Array v) -> in.get(0).matmul(v).sum()).apply(in.get(1)), Vector.of(x, w));
        var stacked = dev.jaxj.ir.Shape.of(B, K, N);
        assertEquals(0, g.eqns().count(e -> e.out().exists(v -> v.aval().shape().equals(stacked))), "no stacked copies of the matrix in " + g);
    }

    @Test
    void shouldMatchLoopsForValuesAndGradients() {
        double[] xs = uniform(B * S * K, 3), ws = uniform(K * N, 4), cs = uniform(B * S * N, 5);
        Array x = Jnp.array(xs, DType.F64, B, S, K), w = Jnp.array(ws, DType.F64, K, N), c = Jnp.array(cs, DType.F64, B, S, N);
        double[] want = new double[B * S * N];
        for (int r = 0; r < B * S; r++)
            for (int n = 0; n < N; n++)
                for (int k = 0; k < K; k++) want[r * N + n] += xs[r * K + k] * ws[k * N + n];
        assertArrayEquals(want, x.matmul(w).toDoubleArray(), 1e-12);
        assertArrayEquals(want, Jax.jit((Array v) -> x.matmul(v)).apply(w).toDoubleArray(), 1e-12);
        // d/dw sum((x @ w) * c) = sum over rows of x[r, k] c[r, n].
        double[] dw = new double[K * N];
        for (int r = 0; r < B * S; r++)
            for (int k = 0; k < K; k++)
                for (int n = 0; n < N; n++) dw[k * N + n] += xs[r * K + k] * cs[r * N + n];
        assertArrayEquals(dw, Jax.grad((Array v) -> x.matmul(v).mul(c).sum()).apply(w).toDoubleArray(), 1e-12);
        // A vector on the right: [B, S, K] @ [K] is [B, S].
        Array v = Jnp.array(uniform(K, 6), DType.F64, K);
        double[] vs = v.toDoubleArray(), wantV = new double[B * S];
        for (int r = 0; r < B * S; r++) for (int k = 0; k < K; k++) wantV[r] += xs[r * K + k] * vs[k];
        Array xv = x.matmul(v);
        assertArrayEquals(new int[] {B, S}, xv.shape().toArray());
        assertArrayEquals(wantV, xv.toDoubleArray(), 1e-12);
    }
}
