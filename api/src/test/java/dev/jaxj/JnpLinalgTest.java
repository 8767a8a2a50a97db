package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Products, einsum and norms against brute-force loops over every index. */
class JnpLinalgTest {

    /**
     * A brute-force einsum for explicit, letters-only subscripts: loops over every assignment of
     * every label and accumulates the product of the operands into the output element.
     */
    static double[] bruteEinsum(String spec, Shape outShape, Array... ops) {
        String[] io = spec.split("->", -1);
        String[] ins = io[0].split(",", -1);
        String out = io[1];
        Map<Character, Integer> size = new LinkedHashMap<>();
        double[][] data = new double[ops.length][];
        for (int k = 0; k < ops.length; k++) {
            data[k] = ops[k].toDoubleArray();
            for (int i = 0; i < ins[k].length(); i++) size.put(ins[k].charAt(i), ops[k].shape().dim(i));
        }
        char[] labels = new char[size.size()];
        int n = 0;
        for (char c : size.keySet()) labels[n++] = c;
        double[] result = new double[outShape.size()];
        int[] at = new int[labels.length];
        while (true) {
            double prod = 1;
            for (int k = 0; k < ops.length; k++) prod *= data[k][index(ins[k], labels, at, ops[k].shape())];
            if (outShape.size() > 0) result[index(out, labels, at, outShape)] += prod;
            int d = labels.length - 1;
            while (d >= 0 && ++at[d] == size.get(labels[d])) at[d--] = 0;
            if (d < 0) return result;
        }
    }

    private static int index(String term, char[] labels, int[] at, Shape shape) {
        int[] idx = new int[term.length()];
        for (int i = 0; i < idx.length; i++) idx[i] = at[new String(labels).indexOf(term.charAt(i))];
        return flat(shape, idx);
    }

    private static Array rand(long seed, int... dims) { return random(seed, DType.F64, Shape.of(dims), -2, 2); }

    /** Checks {@code Jnp.einsum(spec)} against the brute force of {@code explicit} (the same contraction, spelled out). */
    private static void checkEinsum(String spec, String explicit, Array... ops) {
        Array r = Jnp.einsum(spec, ops);
        assertNear(r, DType.F64, r.shape(), 1e-13, bruteEinsum(explicit, r.shape(), ops));
    }

    @Test
    void shouldFollowNumpyDotForEveryRankCombination() {
        Array v = rand(1, 3), w = rand(2, 3), m = rand(3, 2, 3), n = rand(4, 3, 4), t = rand(5, 2, 2, 3), u = rand(6, 5, 3, 2);
        assertNear(Jnp.dot(v, w), DType.F64, Shape.SCALAR, 1e-14, bruteEinsum("i,i->", Shape.SCALAR, v, w));
        assertNear(Jnp.dot(m, n), DType.F64, Shape.of(2, 4), 1e-14, bruteEinsum("ij,jk->ik", Shape.of(2, 4), m, n));
        assertNear(Jnp.dot(m, v), DType.F64, Shape.of(2), 1e-14, bruteEinsum("ij,j->i", Shape.of(2), m, v));
        assertNear(Jnp.dot(v, n), DType.F64, Shape.of(4), 1e-14, bruteEinsum("j,jk->k", Shape.of(4), v, n));
        assertNear(Jnp.dot(t, u), DType.F64, Shape.of(2, 2, 5, 2), 1e-14, bruteEinsum("abj,cjd->abcd", Shape.of(2, 2, 5, 2), t, u));
        assertNear(Jnp.dot(v, Jnp.scalar(2, DType.F64)), DType.F64, Shape.of(3), 1e-15, Jnp.multiply(v, 2.0).toDoubleArray());
        assertError(ShapeError.class, "dot", () -> Jnp.dot(m, m), "f64[2,3]");
    }

    @Test
    void shouldPromoteAndHandleIntegerAndBoolProducts() {
        Array a = arr(DType.I32, Shape.of(2, 2), 1, 2, 3, 4), b = arr(DType.F32, Shape.of(2), 1, 0.5);
        assertArray(Jnp.dot(a, b), DType.F32, Shape.of(2), 2, 5);
        assertArray(Jnp.matmul(a, a), DType.I32, Shape.of(2, 2), 7, 10, 15, 22);
        Array p = Jnp.array(new boolean[][] {{true, false}, {false, false}}), q = Jnp.array(new boolean[][] {{false, true}, {true, false}});
        assertBools(Jnp.dot(p, q), Shape.of(2, 2), false, true, false, false);
        assertBools(Jnp.matmul(p, q), Shape.of(2, 2), false, true, false, false);
        assertBools(Jnp.einsum("ij,jk->ik", p, q), Shape.of(2, 2), false, true, false, false);
    }

    @Test
    void shouldBroadcastMatmulBatchesAndTreatVectorsAsVectors() {
        Array a = rand(7, 2, 1, 3, 4), b = rand(8, 5, 4, 2);
        Array r = Jnp.matmul(a, b);
        assertEquals(Shape.of(2, 5, 3, 2), r.shape());
        double[] e = new double[r.size()];
        double[] x = a.toDoubleArray(), y = b.toDoubleArray();
        for (int i = 0; i < 2; i++) for (int j = 0; j < 5; j++) for (int p = 0; p < 3; p++) for (int q = 0; q < 2; q++) {
            double s = 0;
            for (int k = 0; k < 4; k++) s += x[flat(a.shape(), i, 0, p, k)] * y[flat(b.shape(), j, k, q)];
            e[flat(r.shape(), i, j, p, q)] = s;
        }
        assertNear(r, DType.F64, r.shape(), 1e-14, e);
        Array v = rand(9, 4);
        assertEquals(Shape.of(5, 2), Jnp.matmul(v, b).shape());
        assertEquals(Shape.of(2, 1, 3), Jnp.matmul(a, v).shape());
        assertError(ShapeError.class, "matmul", () -> Jnp.matmul(b, b), "f64[5,4,2]");
    }

    @Test
    void shouldComputeVdotInnerOuterAndTensordot() {
        Array a = rand(10, 2, 3), b = rand(11, 3, 2), c = rand(12, 4, 3);
        assertNear(Jnp.vdot(a, b), DType.F64, Shape.SCALAR, 1e-14, bruteEinsum("i,i->", Shape.SCALAR, Jnp.ravel(a), Jnp.ravel(b)));
        assertNear(Jnp.inner(a, c), DType.F64, Shape.of(2, 4), 1e-14, bruteEinsum("ik,jk->ij", Shape.of(2, 4), a, c));
        assertNear(Jnp.outer(a, c), DType.F64, Shape.of(6, 12), 1e-15, bruteEinsum("i,j->ij", Shape.of(6, 12), Jnp.ravel(a), Jnp.ravel(c)));
        Array t = rand(13, 2, 3, 4), s = rand(14, 3, 4, 5);
        assertNear(Jnp.tensordot(t, s, 2), DType.F64, Shape.of(2, 5), 1e-14, bruteEinsum("ijk,jkl->il", Shape.of(2, 5), t, s));
        assertNear(Jnp.tensordot(t, s, 0), DType.F64, Shape.of(2, 3, 4, 3, 4, 5), 1e-15,
                bruteEinsum("abc,def->abcdef", Shape.of(2, 3, 4, 3, 4, 5), t, s));
        Array s2 = rand(15, 4, 5, 2);
        assertNear(Jnp.tensordot(t, s2, new int[] {-1, 0}, new int[] {0, 2}), DType.F64, Shape.of(3, 5), 1e-14,
                bruteEinsum("ijk,kli->jl", Shape.of(3, 5), t, s2));
        assertError(ShapeError.class, "tensordot", () -> Jnp.tensordot(t, s, new int[] {0}, new int[] {0}), "f64[2,3,4]", "f64[3,4,5]");
        assertError(ArgumentError.class, "tensordot", () -> Jnp.tensordot(t, s, 4), "f64[2,3,4]");
        assertError(ShapeError.class, "vdot", () -> Jnp.vdot(a, c), "f64[2,3]", "f64[4,3]");
    }

    @Test
    void shouldContractEinsumLikeMatmulAndBatchedMatmul() {
        Array a = rand(20, 2, 3), b = rand(21, 3, 4), x = rand(22, 5, 2, 3), y = rand(23, 5, 3, 4);
        checkEinsum("ij,jk->ik", "ij,jk->ik", a, b);
        checkEinsum("ij,jk", "ij,jk->ik", a, b);
        checkEinsum("bij,bjk->bik", "bij,bjk->bik", x, y);
        checkEinsum("bij,bjk->kib", "bij,bjk->kib", x, y);
        checkEinsum("ij,jk,kl->il", "ij,jk,kl->il", a, b, rand(24, 4, 2));
    }

    @Test
    void shouldTransposeSumAndTakeTracesInEinsum() {
        Array m = rand(30, 3, 3), r = rand(31, 2, 3, 4);
        checkEinsum("ij->ji", "ij->ji", m);
        checkEinsum("ijk->kij", "ijk->kij", r);
        checkEinsum("ij->", "ij->", m);
        checkEinsum("ijk->j", "ijk->j", r);
        assertNear(Jnp.einsum("ii", m), DType.F64, Shape.SCALAR, 1e-15, Jnp.trace(m).toDoubleArray());
        assertArray(Jnp.einsum("ii->i", m), DType.F64, Shape.of(3), Jnp.diagonal(m).toDoubleArray());
        Array d = arr(DType.I32, Shape.of(2, 2, 3), 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertArray(Jnp.einsum("iij->ji", d), DType.I32, Shape.of(3, 2), 0, 9, 1, 10, 2, 11);
        assertNear(Jnp.einsum("ii,ij->j", m, rand(32, 3, 2)), DType.F64, Shape.of(2), 1e-14,
                bruteEinsum("i,ij->j", Shape.of(2), Jnp.diagonal(m), rand(32, 3, 2)));
    }

    @Test
    void shouldFormOuterProductsAndImplicitOutputsInEinsum() {
        Array u = rand(40, 3), v = rand(41, 4);
        checkEinsum("i,j->ij", "i,j->ij", u, v);
        checkEinsum("i,j", "i,j->ij", u, v);
        checkEinsum("j,i", "j,i->ij", u, v);
        assertEquals(Shape.of(4, 3), Jnp.einsum("bA", rand(42, 3, 4)).shape());
        checkEinsum("i,i", "i,i->", u, u);
    }

    @Test
    void shouldBroadcastEllipsisAxesInEinsum() {
        Array a = rand(50, 2, 1, 2, 3), b = rand(51, 5, 3, 4);
        Array r = Jnp.einsum("...ij,...jk->...ik", a, b);
        assertEquals(Shape.of(2, 5, 2, 4), r.shape());
        Array wideA = Jnp.broadcastTo(a, 2, 5, 2, 3);
        assertNear(r, DType.F64, r.shape(), 1e-13, bruteEinsum("xyij,yjk->xyik", r.shape(), wideA, b));
        assertEquals(Shape.of(2, 5, 2, 4), Jnp.einsum("...ij,...jk", a, b).shape());
        Array m = rand(52, 4, 2, 3), v = rand(53, 3);
        checkEinsum("...ij,j->...i", "bij,j->bi", m, v);
        checkEinsum("i...j->j...", "ibj->jb", m);
        checkEinsum("...ij->ij", "bij->ij", m);
    }

    @Test
    void shouldRejectMalformedEinsumSubscripts() {
        Array m = rand(60, 2, 3);
        assertError(ArgumentError.class, "einsum", () -> Jnp.einsum("ij,jk->ik", m), "ij,jk->ik", "f64[2,3]");
        assertError(ArgumentError.class, "einsum", () -> Jnp.einsum("i1->i", m), "'1'");
        assertError(ArgumentError.class, "einsum", () -> Jnp.einsum("ij->iz", m), "'z'");
        assertError(ArgumentError.class, "einsum", () -> Jnp.einsum("ij->ii", m), "repeats");
        assertError(ArgumentError.class, "einsum", () -> Jnp.einsum("i..j->i", m), "...");
        assertError(ShapeError.class, "einsum", () -> Jnp.einsum("ijk->i", m), "f64[2,3]");
        assertError(ShapeError.class, "einsum", () -> Jnp.einsum("ij,ij->i", m, rand(61, 2, 4)), "'j'", "f64[2,4]");
        assertError(ShapeError.class, "einsum", () -> Jnp.einsum("ii->i", m), "f64[2,3]");
    }

    @Test
    void shouldComputeVectorAndMatrixNorms() {
        double inf = Double.POSITIVE_INFINITY;
        Array v = f64(3, -4, 0);
        assertArray(Jnp.norm(v), DType.F64, Shape.SCALAR, 5);
        assertArray(Jnp.norm(v, 1), DType.F64, Shape.SCALAR, 7);
        assertArray(Jnp.norm(v, inf), DType.F64, Shape.SCALAR, 4);
        assertArray(Jnp.norm(v, -inf), DType.F64, Shape.SCALAR, 0);
        assertArray(Jnp.norm(v, 0), DType.F64, Shape.SCALAR, 2);
        assertNear(Jnp.norm(v, 3), DType.F64, Shape.SCALAR, 1e-15, Math.cbrt(27 + 64));
        Array m = arr(DType.F32, Shape.of(2, 2), 1, -2, 3, 4);
        assertArray(Jnp.norm(m), DType.F32, Shape.SCALAR, Math.sqrt(30));
        assertArray(Jnp.norm(m, 1), DType.F32, Shape.SCALAR, 6);
        assertArray(Jnp.norm(m, inf), DType.F32, Shape.SCALAR, 7);
        assertArray(Jnp.norm(m, -1), DType.F32, Shape.SCALAR, 4);
        assertArray(Jnp.norm(m, -inf), DType.F32, Shape.SCALAR, 3);
        assertArray(Jnp.norm(m, 2, new int[] {1}, true), DType.F32, Shape.of(2, 1), Math.sqrt(5), 5);
        assertArray(Jnp.norm(m, new int[] {0}, false), DType.F32, Shape.of(2), Math.sqrt(10), Math.sqrt(20));
        assertArray(Jnp.norm(i32(3, 4)), DType.F32, Shape.SCALAR, 5);
        // The spectral norms of [[1, -2], [3, 4]]: sqrt((30 ± sqrt(30² - 4 det²)) / 2), det = 10.
        assertNear(Jnp.norm(m, 2), DType.F32, Shape.SCALAR, 1e-6, Math.sqrt((30 + Math.sqrt(500)) / 2));
        assertNear(Jnp.norm(m, -2), DType.F32, Shape.SCALAR, 1e-6, Math.sqrt((30 - Math.sqrt(500)) / 2));
        assertError(ArgumentError.class, "norm", () -> Jnp.norm(m, 3), "f32[2,2]");
        assertError(ArgumentError.class, "norm", () -> Jnp.norm(Jnp.zeros(2, 2, 2), 1), "f32[2,2,2]");
    }

    @Test
    void shouldContractZeroSizeAndRankZeroOperands() {
        assertArray(Jnp.dot(Jnp.zeros(2, 0), Jnp.zeros(0, 3)), DType.F32, Shape.of(2, 3), 0, 0, 0, 0, 0, 0);
        assertArray(Jnp.einsum("ij,jk->ik", Jnp.zeros(2, 0), Jnp.zeros(0, 3)), DType.F32, Shape.of(2, 3), 0, 0, 0, 0, 0, 0);
        assertArray(Jnp.einsum("ij->j", Jnp.zeros(0, 2)), DType.F32, Shape.of(2), 0, 0);
        assertArray(Jnp.einsum("ij->ji", Jnp.zeros(0, 2)), DType.F32, Shape.of(2, 0));
        Array s = Jnp.scalar(3, DType.F64), t = Jnp.scalar(-2, DType.F64);
        assertArray(Jnp.einsum(",", s, t), DType.F64, Shape.SCALAR, -6);
        assertArray(Jnp.einsum(",i->i", s, f64(1, 2)), DType.F64, Shape.of(2), 3, 6);
        assertArray(Jnp.einsum("->", s), DType.F64, Shape.SCALAR, 3);
        assertArray(Jnp.matmul(f32(), f32()), DType.F32, Shape.SCALAR, 0);
        assertArray(Jnp.norm(Jnp.zeros(0)), DType.F32, Shape.SCALAR, 0);
    }
}
