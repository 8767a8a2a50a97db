package dev.jaxj.linalg;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.Linalg;
import dev.jaxj.ReferenceFile;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ConcretizationError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.function.Function;

import static dev.jaxj.ArrayAssertions.arr;
import static dev.jaxj.ArrayAssertions.assertError;
import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code jnp.linalg.eig}, {@code eigvals}, {@code jnp.roots} and {@code jnp.poly} of a matrix
 * against NumPy results stored by {@code eig_reference.py}: eigenvalues as multisets (the order
 * is the solver's), each eigenvector up to the unit complex factor that both sides leave free
 * within LAPACK's normalization, aligned by the inner product of the two unit vectors.
 */
class EigReferenceTest {
    private static final ReferenceFile REF = ReferenceFile.load(EigReferenceTest.class, "/dev/jaxj/linalg/eig_reference.txt");

    private static Array in(String name, DType d, int... shape) { return arr(d, Shape.of(shape), REF.get("in." + name)); }

    private static Array complexIn(String name, int... shape) {
        return Lax.complex(in(name + ".re", DType.F64, shape), in(name + ".im", DType.F64, shape));
    }

    private static double[][] parts(Array x) {
        return new double[][] {Jnp.real(x).toDoubleArray(), Jnp.imag(x).toDoubleArray()};
    }

    private static double[][] expected(String name) { return new double[][] {REF.get(name + ".re"), REF.get(name + ".im")}; }

    /**
     * {@return for each computed value {@code i}, the index of the expected value it matches}
     * (greedy nearest), after checking each pair within {@code tol · max(1, |expected|)}
     */
    static int[] assertSameMultiset(double[][] actual, double[][] expected, double tol, int from, int n) {
        int[] match = new int[n];
        boolean[] used = new boolean[n];
        for (int i = 0; i < n; i++) {
            int best = -1;
            for (int j = 0; j < n; j++) {
                if (!used[j] && (best < 0 || dist(actual, from + i, expected, from + j) < dist(actual, from + i, expected, from + best))) best = j;
            }
            used[best] = true;
            match[i] = best;
            double scale = Math.max(1, Math.hypot(expected[0][from + best], expected[1][from + best]));
            assertTrue(dist(actual, from + i, expected, from + best) <= tol * scale, "eigenvalue " + actual[0][from + i] + "+"
                    + actual[1][from + i] + "i has no match within " + tol + " among " + Arrays.toString(expected[0]) + " + i" + Arrays.toString(expected[1]));
        }
        return match;
    }

    private static double dist(double[][] a, int i, double[][] b, int j) { return Math.hypot(a[0][i] - b[0][j], a[1][i] - b[1][j]); }

    /** Column {@code k} of {@code v} against column {@code match[k]} of the expected, both unit vectors, up to a unit factor. */
    private static void assertSameVectors(double[][] v, double[][] e, int[] match, int n, int offset, double tol) {
        for (int k = 0; k < n; k++) {
            int m = match[k];
            // c = <e_m, v_k>: the factor taking e_m onto v_k; |c| = 1 for equal lines.
            double cr = 0, ci = 0;
            for (int i = 0; i < n; i++) {
                int a = offset + i * n + k, b = offset + i * n + m;
                cr += e[0][b] * v[0][a] + e[1][b] * v[1][a];
                ci += e[0][b] * v[1][a] - e[1][b] * v[0][a];
            }
            double c = Math.hypot(cr, ci);
            assertEquals(1, c, tol, "column " + k + " spans another line than NumPy's column " + m);
            for (int i = 0; i < n; i++) {
                int a = offset + i * n + k, b = offset + i * n + m;
                double er = (e[0][b] * cr - e[1][b] * ci) / c, ei = (e[0][b] * ci + e[1][b] * cr) / c;
                assertEquals(er, v[0][a], tol, "re v[" + i + ", " + k + "]");
                assertEquals(ei, v[1][a], tol, "im v[" + i + ", " + k + "]");
            }
        }
    }

    private static void checkEig(Array a, String name, int batch, int n, double valueTol, double vectorTol) {
        Linalg.EigResult r = Linalg.eig(a);
        DType complex = a.dtype().complexType();
        assertEquals(complex, r.eigenvalues().dtype());
        assertEquals(complex, r.eigenvectors().dtype());
        double[][] w = parts(r.eigenvalues()), v = parts(r.eigenvectors()), ew = expected("eig." + name + ".w"), ev = expected("eig." + name + ".v");
        double[][] only = parts(Linalg.eigvals(a));
        for (int b = 0; b < batch; b++) {
            int[] match = assertSameMultiset(w, ew, valueTol, b * n, n);
            assertSameMultiset(only, ew, valueTol, b * n, n);
            assertSameVectors(v, ev, match, n, b * n * n, vectorTol);
        }
    }

    @Test
    void eigMatchesNumpyOnRealComplexAndBatchedMatrices() {
        checkEig(in("gen", DType.F64, 5, 5), "gen", 1, 5, 1e-12, 1e-11);
        checkEig(in("batch", DType.F64, 2, 3, 3), "batch", 2, 3, 1e-12, 1e-11);
        checkEig(complexIn("cplx", 4, 4), "cplx", 1, 4, 1e-12, 1e-11);
        checkEig(in("rotation", DType.F64, 2, 2), "rotation", 1, 2, 1e-15, 1e-15);
        checkEig(in("gen", DType.F32, 5, 5), "gen", 1, 5, 1e-5, 1e-5);
    }

    @Test
    void eigMatchesNumpyOnIllConditionedMatrices() {
        // Hilbert(6): eigenvalues from 1.1e-7 to 1.6, so eigenvectors of the small ones are only
        // determined to about ε·||A|| / gap (~1e-9).
        checkEig(in("hilbert", DType.F64, 6, 6), "hilbert", 1, 6, 1e-14, 1e-8);
        // Entries spanning 1e-12..1e12: balancing keeps the eigenvalues to high relative accuracy.
        checkEig(in("graded", DType.F64, 4, 4), "graded", 1, 4, 1e-10, 1e-8);
    }

    @Test
    void rootsMatchNumpy() {
        for (String p : new String[] {"cubic", "x2p1", "random", "leading_zeros", "trailing_zero"}) {
            double[] c = REF.get("in.poly." + p);
            double[][] e = expected("roots." + p);
            Array r = Jnp.roots(arr(DType.F64, Shape.of(c.length), c));
            assertEquals(DType.C128, r.dtype());
            assertEquals(e[0].length, r.size(), p);
            assertSameMultiset(parts(r), e, 1e-12, 0, e[0].length);
        }
    }

    @Test
    void rootsWithoutStrippingGiveANaNPerLeadingZeroAndTrace() {
        double[] c = REF.get("in.poly.leading_zeros");
        double[][] e = expected("roots.leading_zeros");
        Function<Array, Array> f = p -> Jnp.roots(p, false);
        for (Function<Array, Array> g : java.util.List.of(f, Jax.jit(f))) {
            double[][] r = parts(g.apply(arr(DType.F64, Shape.of(5), c)));
            assertEquals(4, r[0].length);
            // The two roots first, then the NaNs of the two leading zeros.
            assertSameMultiset(new double[][] {Arrays.copyOf(r[0], 2), Arrays.copyOf(r[1], 2)}, e, 1e-12, 0, 2);
            for (int i = 2; i < 4; i++) assertTrue(Double.isNaN(r[0][i]) && Double.isNaN(r[1][i]));
        }
        // Without leading zeros nothing is NaN, and a zero root stays a root.
        double[] t = REF.get("in.poly.trailing_zero");
        double[][] r = parts(Jax.jit(f).apply(arr(DType.F64, Shape.of(4), t)));
        assertSameMultiset(r, expected("roots.trailing_zero"), 1e-12, 0, 3);
        // All zeros: every root is undefined.
        double[] z = parts(f.apply(Jnp.zeros(Shape.of(3), DType.F64)))[0];
        assertTrue(Double.isNaN(z[0]) && Double.isNaN(z[1]));
    }

    @Test
    void rootsEdgeCasesAndErrors() {
        assertEquals(Shape.of(0), Jnp.roots(arr(DType.F64, Shape.of(1), 3)).shape());
        assertEquals(DType.C64, Jnp.roots(arr(DType.F32, Shape.of(3), 1, 0, -4)).dtype());
        assertError(ConcretizationError.class, "roots", () -> Jax.jit((Function<Array, Array>) Jnp::roots).apply(arr(DType.F64, Shape.of(3), 1, 2, 3)),
                "stripZeros = false", "f64[3]");
        assertError(dev.jaxj.errors.ShapeError.class, "roots", () -> Jnp.roots(Jnp.zeros(Shape.of(2, 2), DType.F64)), "rank-1", "f64[2,2]");
    }

    @Test
    void polyOfAMatrixIsItsCharacteristicPolynomial() {
        Array p = Jnp.poly(in("gen", DType.F64, 5, 5));
        assertEquals(DType.C128, p.dtype());
        double[][] actual = parts(p), e = expected("poly.gen");
        for (int i = 0; i < 6; i++) {
            assertEquals(e[0][i], actual[0][i], 1e-11, "re p[" + i + "]");
            assertEquals(e[1][i], actual[1][i], 1e-11, "im p[" + i + "]");
        }
    }
}
