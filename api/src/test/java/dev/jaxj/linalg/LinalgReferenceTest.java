package dev.jaxj.linalg;

import dev.jaxj.Jax;
import dev.jaxj.Linalg;
import dev.jaxj.ReferenceFile;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.scipy.Linalg.LuFactor;
import io.vavr.collection.Seq;
import org.junit.jupiter.api.Test;

import static dev.jaxj.ArrayAssertions.arr;
import static dev.jaxj.ArrayAssertions.assertNear;

/**
 * jnp.linalg and jax.scipy.linalg against NumPy/SciPy results stored by
 * {@code linalg_reference.py} (float64; f32 where stated, at f32's accuracy).
 */
class LinalgReferenceTest {
    private static final ReferenceFile REF = ReferenceFile.load(LinalgReferenceTest.class, "/dev/jaxj/linalg/linalg_reference.txt");
    private static final double TOL = 1e-11;

    private static Array in(String name, DType d, int... shape) { return arr(d, Shape.of(shape), REF.get("in." + name)); }

    private static Array in(String name, int... shape) { return in(name, DType.F64, shape); }

    private static void check(Array actual, String name, int... shape) { check(actual, name, TOL, shape); }

    private static void check(Array actual, String name, double tol, int... shape) {
        assertNear(actual, actual.dtype(), Shape.of(shape), tol, REF.get(name));
    }

    @Test
    void choleskyShouldMatchNumpy() {
        check(Linalg.cholesky(in("spd", 4, 4)), "cholesky.spd", 4, 4);
        check(Linalg.cholesky(in("spd", 4, 4), true), "cholesky_upper.spd", 4, 4);
        check(Linalg.cholesky(in("spd", DType.F32, 4, 4)), "cholesky.spd", 1e-5, 4, 4);
        // Hilbert(6), condition number 1.5e7: the factor itself is well conditioned.
        check(Linalg.cholesky(in("hilbert", 6, 6)), "cholesky.hilbert", 1e-9, 6, 6);
        check(dev.jaxj.scipy.Linalg.cholesky(in("spd", 4, 4), true), "cholesky.spd", 4, 4);
        check(dev.jaxj.scipy.Linalg.cholesky(in("spd", 4, 4)), "cholesky_upper.spd", 4, 4);
    }

    @Test
    void solveAndInverseShouldMatchNumpy() {
        check(Linalg.solve(in("gen", 4, 4), in("b", 4, 2)), "solve.gen.b", 4, 2);
        check(Linalg.solve(in("gen", 4, 4), in("bv", 4)), "solve.gen.bv", 4);
        check(Linalg.solve(in("batch", 2, 3, 3), in("bbatch", 2, 3, 2)), "solve.batch", 2, 3, 2);
        check(Linalg.solve(in("gen", DType.F32, 4, 4), in("b", DType.F32, 4, 2)), "solve.gen.b", 1e-4, 4, 2);
        // Hilbert(6): NumPy's own answer carries ~1e7 ε of error, so only ~1e-8 agreement is meaningful.
        check(Linalg.solve(in("hilbert", 6, 6), arr(DType.F64, Shape.of(6), 1, 1, 1, 1, 1, 1)), "solve.hilbert", 1e-7, 6);
        check(Linalg.inv(in("gen", 4, 4)), "inv.gen", 4, 4);
        check(Linalg.inv(in("batch", 2, 3, 3)), "inv.batch", 2, 3, 3);
        check(dev.jaxj.scipy.Linalg.inv(in("gen", 4, 4)), "inv.gen", 4, 4);
        check(dev.jaxj.scipy.Linalg.solve(in("gen", 4, 4), in("b", 4, 2)), "solve.gen.b", 4, 2);
        check(dev.jaxj.scipy.Linalg.solve(in("spd", 4, 4), in("b", 4, 2), "pos"), "solve.pos", 4, 2);
    }

    @Test
    void determinantsShouldMatchNumpy() {
        check(Linalg.det(in("gen", 4, 4)), "det.gen");
        check(Linalg.det(in("batch", 2, 3, 3)), "det.batch", 2);
        check(Linalg.det(in("singular", 3, 3)), "det.singular", 1e-12);
        check(dev.jaxj.scipy.Linalg.det(in("gen", 4, 4)), "det.gen");
        Linalg.SignLogDet s = Linalg.slogdet(in("gen", 4, 4));
        double[] e = REF.get("slogdet.gen");
        assertNear(s.sign(), DType.F64, Shape.SCALAR, 0, e[0]);
        assertNear(s.logabsdet(), DType.F64, Shape.SCALAR, TOL, e[1]);
        Linalg.SignLogDet sb = Linalg.slogdet(in("batch", 2, 3, 3));
        double[] eb = REF.get("slogdet.batch");
        assertNear(sb.sign(), DType.F64, Shape.of(2), 0, eb[0], eb[1]);
        assertNear(sb.logabsdet(), DType.F64, Shape.of(2), TOL, eb[2], eb[3]);
    }

    /** d det(a)/da = adj(a)^T, also at singular matrices, where JAX's cofactor rule keeps it finite. */
    @Test
    void determinantGradientShouldBeTheAdjugateEvenWhereSingular() {
        check(Jax.grad(Linalg::det).apply(in("gen", 4, 4)), "det_grad.gen", 1e-10, 4, 4);
        check(Jax.grad(Linalg::det).apply(in("singular", 3, 3)), "det_grad.singular", 1e-10, 3, 3);
        check(Jax.grad(Linalg::det).apply(in("rank1", 3, 3)), "det_grad.rank1", 1e-10, 3, 3);
    }

    @Test
    void matrixFunctionsShouldMatchNumpy() {
        check(Linalg.matrixPower(in("gen", 4, 4), 3), "matrix_power.gen.3", 4, 4);
        check(Linalg.matrixPower(in("gen", 4, 4), -2), "matrix_power.gen.-2", 1e-10, 4, 4);
        check(Linalg.matrixPower(in("gen", 4, 4), 0), "matrix_power.gen.0", 4, 4);
        check(Linalg.multiDot(in("x1", 2, 5), in("x2", 5, 3), in("x3", 3, 4)), "multi_dot", 2, 4);
        double[] x1 = REF.get("in.x1"), x3 = REF.get("in.x3");
        Array row = arr(DType.F64, Shape.of(5), java.util.Arrays.copyOf(x1, 5)), col = arr(DType.F64, Shape.of(3), x3[0], x3[4], x3[8]);
        check(Linalg.multiDot(row, in("x2", 5, 3), col), "multi_dot.vectors");
        check(Linalg.tensorsolve(in("t", 2, 3, 6), in("tb", 2, 3)), "tensorsolve", 1e-10, 6);
        check(Linalg.tensorinv(dev.jaxj.Jnp.reshape(in("gen", 4, 4), 2, 2, 2, 2), 2), "tensorinv", 1e-10, 2, 2, 2, 2);
        check(dev.jaxj.scipy.Linalg.expm(Linalg.matrixTranspose(Linalg.matrixTranspose(in("gen", 4, 4))).mul(0.5)), "expm.gen", 1e-12, 4, 4);
        check(dev.jaxj.scipy.Linalg.expm(in("big", 4, 4)), "expm.big", 1e-10, 4, 4);
        check(dev.jaxj.scipy.Linalg.expm(arr(DType.F64, Shape.of(3, 3), new double[9])), "expm.zero", 3, 3);
        check(dev.jaxj.scipy.Linalg.expm(in("gen", DType.F32, 4, 4).mul(0.5)), "expm.gen", 1e-5, 4, 4);
        Array seven = arr(DType.F64, Shape.of(1, 1), 7);
        check(dev.jaxj.scipy.Linalg.blockDiag(in("x1", 2, 5), in("c1", 2, 3), seven), "block_diag", 0.0, 5, 9);
    }

    @Test
    void lastAxisFunctionsShouldMatchNumpy() {
        Array batch = in("batch", 2, 3, 3);
        check(Linalg.matrixTranspose(batch), "matrix_transpose.batch", 0.0, 2, 3, 3);
        check(Linalg.diagonal(batch), "diagonal.batch", 0.0, 2, 3);
        check(Linalg.diagonal(batch, 1), "diagonal.batch.1", 0.0, 2, 2);
        check(Linalg.trace(batch), "trace.batch", 2);
        check(Linalg.vecdot(in("c1", 2, 3), in("c2", 2, 3)), "vecdot", 2);
        check(Linalg.cross(in("c1", 2, 3), in("c2", 2, 3)), "cross", 2, 3);
        for (String o : new String[] {"2", "1", "inf", "-inf", "0", "3"}) {
            check(Linalg.vectorNorm(batch, ord(o), new int[0], false), "vector_norm." + o);
        }
        check(Linalg.vectorNorm(batch, 2, new int[] {1}, false), "vector_norm.axis1", 2, 3);
        check(Linalg.matrixNorm(batch), "matrix_norm.fro", 2);
        for (String o : new String[] {"1", "-1", "inf", "-inf"}) check(Linalg.matrixNorm(batch, ord(o), false), "matrix_norm." + o, 2);
    }

    @Test
    void scipyFactorizationsShouldMatchScipy() {
        luMatches("gen", 4, 4);
        luMatches("rect", 3, 5);
        Seq<Array> t = dev.jaxj.scipy.Linalg.lu(Linalg.matrixTranspose(in("rect", 3, 5)));
        check(t.get(0), "lu.rectT.p", 0.0, 5, 5);
        check(t.get(1), "lu.rectT.l", 5, 3);
        check(t.get(2), "lu.rectT.u", 3, 3);
        LuFactor f = dev.jaxj.scipy.Linalg.luFactor(in("gen", 4, 4));
        check(f.lu(), "lu_factor.gen.lu", 4, 4);
        assertNear(f.pivots(), DType.I32, Shape.of(4), 0, REF.get("lu_factor.gen.piv"));
        check(dev.jaxj.scipy.Linalg.luSolve(f, in("b", 4, 2)), "lu_solve.gen.b", 4, 2);
        check(dev.jaxj.scipy.Linalg.luSolve(f, in("b", 4, 2), 1), "lu_solve.gen.b.trans1", 4, 2);
        check(dev.jaxj.scipy.Linalg.solveTriangular(in("gen", 4, 4), in("b", 4, 2), true), "solve_triangular.lower", 4, 2);
        check(dev.jaxj.scipy.Linalg.solveTriangular(in("gen", 4, 4), in("b", 4, 2), 1, false, false), "solve_triangular.upper.trans1", 4, 2);
        check(dev.jaxj.scipy.Linalg.solveTriangular(in("gen", 4, 4), in("bv", 4), 0, true, true), "solve_triangular.lower.unit", 4);
        var c = dev.jaxj.scipy.Linalg.choFactor(in("spd", 4, 4), true);
        check(dev.jaxj.scipy.Linalg.choSolve(c, in("b", 4, 2)), "cho_solve.lower", 4, 2);
        check(dev.jaxj.scipy.Linalg.choSolve(dev.jaxj.scipy.Linalg.choFactor(in("spd", 4, 4)), in("b", 4, 2)), "cho_solve.lower", 4, 2);
    }

    private static void luMatches(String name, int m, int n) {
        Seq<Array> plu = dev.jaxj.scipy.Linalg.lu(in(name, m, n));
        int k = Math.min(m, n);
        check(plu.get(0), "lu." + name + ".p", 0.0, m, m);
        check(plu.get(1), "lu." + name + ".l", m, k);
        check(plu.get(2), "lu." + name + ".u", k, n);
    }

    private static double ord(String o) {
        return switch (o) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(o);
        };
    }
}
