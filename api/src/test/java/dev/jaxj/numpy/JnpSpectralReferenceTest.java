package dev.jaxj.numpy;

import dev.jaxj.Jnp;
import dev.jaxj.Linalg;
import dev.jaxj.ReferenceFile;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import org.junit.jupiter.api.Test;

import static dev.jaxj.ArrayAssertions.arr;
import static dev.jaxj.ArrayAssertions.assertError;
import static dev.jaxj.ArrayAssertions.assertNear;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The QR, eigh and SVD based functions of {@code jnp.linalg} and {@code jax.scipy.linalg}
 * against LAPACK's results through NumPy/SciPy, stored in {@code spectral_reference.txt} by
 * {@code spectral_reference.py} beside it. Factors defined up to sign are compared after the
 * same normalization on both sides (each column's largest entry positive); a repeated
 * eigenvalue's eigenvectors through the projector onto their span. f64 agrees to 1e-10
 * relative, or to {@code κ·1e-13} for the ill-conditioned Vandermonde matrix.
 */
class JnpSpectralReferenceTest {
    private static final ReferenceFile REF = ReferenceFile.load(JnpSpectralReferenceTest.class, "spectral_reference.txt");
    private static final double TOL = 1e-10;

    private static Array in(String name, int... dims) { return arr(DType.F64, Shape.of(dims), REF.get(name)); }

    private static void near(Array actual, String name, double tol) {
        assertNear(actual, DType.F64, actual.shape(), tol, REF.get(name));
    }

    /** Columns scaled so that each one's largest-magnitude entry is positive (the stored convention). */
    private static Array colSigns(Array m) {
        double[] v = m.toDoubleArray();
        int rows = m.shape().dim(0), cols = m.shape().dim(1);
        for (int c = 0; c < cols; c++) {
            int best = 0;
            for (int r = 1; r < rows; r++) if (Math.abs(v[r * cols + c]) > Math.abs(v[best * cols + c])) best = r;
            double s = v[best * cols + c] < 0 ? -1 : 1;
            for (int r = 0; r < rows; r++) v[r * cols + c] *= s;
        }
        return arr(DType.F64, m.shape(), v);
    }

    @Test
    void qrShouldMatchLapackWithPositiveDiagonal() {
        int[][] shapes = {{5, 3}, {3, 5}, {4, 4}, {5, 5}};
        String[] names = {"tall", "wide", "square", "ill"};
        for (int i = 0; i < names.length; i++) {
            Array a = in(names[i], shapes[i]);
            Linalg.QrResult qr = Linalg.qr(a);
            int k = Math.min(shapes[i][0], shapes[i][1]);
            assertEquals(Shape.of(shapes[i][0], k), qr.q().shape());
            assertEquals(Shape.of(k, shapes[i][1]), qr.r().shape());
            double[] r = qr.r().toDoubleArray(), q = qr.q().toDoubleArray();
            int n = shapes[i][1], m = shapes[i][0];
            for (int row = 0; row < k; row++) {
                double s = r[row * n + row] < 0 ? -1 : 1;
                for (int c = 0; c < n; c++) r[row * n + c] *= s;
                for (int rr = 0; rr < m; rr++) q[rr * k + row] *= s;
            }
            double tol = names[i].equals("ill") ? 1e-9 : TOL;
            assertNear(arr(DType.F64, qr.q().shape(), q), DType.F64, qr.q().shape(), tol, REF.get("qr_" + names[i] + "_q"));
            assertNear(arr(DType.F64, qr.r().shape(), r), DType.F64, qr.r().shape(), tol, REF.get("qr_" + names[i] + "_r"));
        }
    }

    @Test
    void completeQrShouldBeSquareAndKeepTheReducedR() {
        Array a = in("tall", 5, 3);
        Linalg.QrResult full = Linalg.qr(a, "complete");
        assertEquals(Shape.of(5, 5), full.q().shape());
        assertEquals(Shape.of(5, 3), full.r().shape());
        near(Jnp.abs(Jnp.diagonal(full.r())), "qr_complete_tall_r_absdiag", TOL);
        // The rows of r below the top 3 are zero, and q is orthogonal.
        near(Jnp.matmul(Linalg.qr(a, "complete").q(), full.r()), "tall", TOL);
        assertNear(Jnp.matmul(LinalgSpectral.mT(full.q()), full.q()), DType.F64, Shape.of(5, 5), 1e-13, Jnp.eye(5, 5, 0, DType.F64).toDoubleArray());
        assertEquals(Shape.of(3, 3), Linalg.qrR(a).shape());
        assertEquals(Shape.of(5, 3), dev.jaxj.scipy.Linalg.qrR(a).shape());
        assertError(ArgumentError.class, "qr", () -> Linalg.qr(a, "raw"), "'raw'", "f64[5,3]");
        assertError(ShapeError.class, "qr", () -> Linalg.qr(Jnp.ones(3)), "rank >= 2");
    }

    @Test
    void eighShouldMatchLapack() {
        Array sym = in("eigh_sym_in", 4, 4);
        Linalg.EighResult e = Linalg.eigh(sym);
        near(e.eigenvalues(), "eigh_sym_w", TOL);
        near(colSigns(e.eigenvectors()), "eigh_sym_v", 1e-9);
        near(Linalg.eigvalsh(sym), "eigh_sym_w", TOL);
        Array spd = in("eigh_ill_in", 5, 5);
        Linalg.EighResult f = Linalg.eigh(spd);
        near(f.eigenvalues(), "eigh_ill_w", 1e-9);
    }

    @Test
    void repeatedEigenvaluesShouldSpanTheEigenspace() {
        Linalg.EighResult e = Linalg.eigh(in("rep", 4, 4));
        near(e.eigenvalues(), "eigh_rep_w", TOL);
        Array v2 = dev.jaxj.lax.Lax.slice(e.eigenvectors(), io.vavr.collection.Vector.of(0, 1), io.vavr.collection.Vector.of(4, 3), io.vavr.collection.Vector.of(1, 1));
        near(Jnp.matmul(v2, LinalgSpectral.mT(v2)), "eigh_rep_p2", 1e-9);
    }

    @Test
    void eighShouldReadTheUpperTriangleWhenAsked() {
        // Only the upper triangle of `sym` is meaningful here: the lower one is garbage.
        Array sym = in("sym", 4, 4);
        Array garbage = Jnp.add(Jnp.triu(sym, 0), Jnp.tril(Jnp.full(Shape.of(4, 4), 100.0, DType.F64), -1));
        near(Linalg.eigh(garbage, "U", false).eigenvalues(), "eigh_U_w", TOL);
        near(dev.jaxj.scipy.Linalg.eigvalsh(Jnp.add(Jnp.triu(sym, 0), LinalgSpectral.mT(Jnp.triu(sym, 1))), false), "scipy_eigh_upper_w", TOL);
        assertError(ArgumentError.class, "eigh", () -> Linalg.eigh(sym, "X"), "'X'");
        assertError(ShapeError.class, "eigh", () -> Linalg.eigh(in("tall", 5, 3)), "square", "f64[5,3]");
    }

    @Test
    void svdShouldMatchLapack() {
        int[][] shapes = {{5, 3}, {3, 5}, {4, 4}, {5, 5}};
        String[] names = {"tall", "wide", "square", "ill"};
        for (int i = 0; i < names.length; i++) {
            Array a = in(names[i], shapes[i]);
            Linalg.SvdResult usv = Linalg.svd(a, false);
            double tol = names[i].equals("ill") ? 1e-8 : 1e-9;
            near(usv.s(), "svd_" + names[i] + "_s", TOL);
            near(colSigns(usv.u()), "svd_" + names[i] + "_u", tol);
            near(LinalgSpectral.mT(colSigns(LinalgSpectral.mT(usv.vh()))), "svd_" + names[i] + "_vh", tol);
            near(Linalg.svdvals(a), "svd_" + names[i] + "_s", TOL);
        }
        Linalg.SvdResult full = Linalg.svd(in("tall", 5, 3));
        assertEquals(Shape.of(5, 5), full.u().shape());
        assertEquals(Shape.of(3, 3), full.vh().shape());
        assertNear(Jnp.matmul(LinalgSpectral.mT(full.u()), full.u()), DType.F64, Shape.of(5, 5), 1e-13, Jnp.eye(5, 5, 0, DType.F64).toDoubleArray());
        // Rank 2: two singular values at the level of rounding.
        double[] s = Linalg.svdvals(in("rankdef", 5, 4)).toDoubleArray(), ref = REF.get("svd_rankdef_s");
        for (int i = 0; i < 2; i++) assertEquals(ref[i], s[i], 1e-12 * ref[0]);
        for (int i = 2; i < 4; i++) assertEquals(0, s[i], 1e-13 * ref[0]);
    }

    @Test
    void lstsqShouldMatchNumpy() {
        Array b = in("lstsq_b", 5, 2);
        Linalg.LstsqResult r = Linalg.lstsq(in("tall", 5, 3), b);
        near(r.x(), "lstsq_x", TOL);
        near(r.residuals(), "lstsq_res", 1e-9);
        assertEquals((int) REF.get("lstsq_rank")[0], r.rank().intValue());
        assertEquals(DType.I32, r.rank().dtype());
        near(r.s(), "lstsq_s", TOL);
        Linalg.LstsqResult d = Linalg.lstsq(in("rankdef", 5, 4), b);
        near(d.x(), "lstsq_rankdef_x", 1e-9);
        assertEquals((int) REF.get("lstsq_rankdef_rank")[0], d.rank().intValue());
        assertEquals(Shape.of(3), Linalg.lstsq(in("tall", 5, 3), Jnp.ones(5)).x().shape());
        assertError(ShapeError.class, "lstsq", () -> Linalg.lstsq(in("tall", 5, 3), Jnp.ones(4)), "leading dimensions");
    }

    @Test
    void pinvRankAndCondShouldMatchNumpy() {
        near(Linalg.pinv(in("tall", 5, 3)), "pinv_tall", TOL);
        near(Linalg.pinv(in("wide", 3, 5)), "pinv_wide", TOL);
        near(Linalg.pinv(in("rankdef", 5, 4)), "pinv_rankdef", 1e-9);
        near(Linalg.pinv(in("sym", 4, 4), true), "pinv_sym_hermitian", TOL);
        double[] ranks = {
            Linalg.matrixRank(in("tall", 5, 3)).intValue(), Linalg.matrixRank(in("wide", 3, 5)).intValue(),
            Linalg.matrixRank(in("square", 4, 4)).intValue(), Linalg.matrixRank(in("rankdef", 5, 4)).intValue(),
            Linalg.matrixRank(in("ill", 5, 5)).intValue()};
        assertNear(Jnp.array(ranks), DType.F64, Shape.of(5), 0, REF.get("rank"));
        assertNear(Jnp.array(new double[] {Linalg.matrixRank(in("rankdef", 5, 4), 0.5).intValue(),
                Linalg.matrixRank(in("square", 4, 4), 0.5).intValue()}), DType.F64, Shape.of(2), 0, REF.get("rank_rtol"));
        Array sq = in("square", 4, 4);
        String[] ps = {null, "2", "-2", "fro", "nuc", "1", "-1", "inf", "-inf"};
        double[] conds = new double[ps.length];
        for (int i = 0; i < ps.length; i++) conds[i] = (ps[i] == null ? Linalg.cond(sq) : Linalg.cond(sq, ps[i])).doubleValue();
        assertNear(Jnp.array(conds), DType.F64, Shape.of(ps.length), 1e-10, REF.get("cond_square"));
        near(Jnp.reshape(Linalg.cond(in("ill", 5, 5)), 1), "cond_ill", 1e-7);
        Array tall = in("tall", 5, 3);
        assertNear(Jnp.array(new double[] {Linalg.cond(tall).doubleValue(), Linalg.cond(tall, "-2").doubleValue()}),
                DType.F64, Shape.of(2), 1e-10, REF.get("cond_tall"));
        assertError(ShapeError.class, "cond", () -> Linalg.cond(tall, "fro"), "square");
        assertEquals(Double.POSITIVE_INFINITY, Linalg.cond(Jnp.array(new double[][] {{1, 2}, {2, 4}}), "1").doubleValue());
    }

    @Test
    void spectralNormsShouldMatchNumpy() {
        Array sq = in("square", 4, 4);
        double[] norms = {Jnp.norm(sq, 2).doubleValue(), Jnp.norm(sq, -2).doubleValue(),
            Linalg.norm(sq, "nuc", new int[0], false).doubleValue(), Linalg.norm(sq, "fro", new int[0], false).doubleValue()};
        assertNear(Jnp.array(norms), DType.F64, Shape.of(4), TOL, REF.get("norm_square"));
        Array stack = in("norm_stack_in", 2, 3, 4);
        near(Linalg.norm(stack, 2, new int[] {1, 2}, false), "norm_stack_2", TOL);
        near(Linalg.norm(stack, "nuc", new int[] {0, 2}, false), "norm_stack_nuc_02", TOL);
        assertEquals(Shape.of(1, 3, 1), Linalg.norm(stack, "nuc", new int[] {0, 2}, true).shape());
        near(Linalg.matrixNorm(stack, "nuc", false), "matrix_norm_stack", TOL);
    }

    @Test
    void polarShouldMatchScipy() {
        var right = dev.jaxj.scipy.Linalg.polar(in("square", 4, 4));
        near(right.unitary(), "polar_right_u", TOL);
        near(right.posdef(), "polar_right_p", TOL);
        var left = dev.jaxj.scipy.Linalg.polar(in("tall", 5, 3), "left");
        near(left.unitary(), "polar_left_u", TOL);
        near(left.posdef(), "polar_left_p", TOL);
    }
}
