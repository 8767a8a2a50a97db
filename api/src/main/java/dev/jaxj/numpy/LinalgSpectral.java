package dev.jaxj.numpy;

import dev.jaxj.Jax;
import dev.jaxj.Linalg.EigResult;
import dev.jaxj.Linalg.EighResult;
import dev.jaxj.Linalg.LstsqResult;
import dev.jaxj.Linalg.QrResult;
import dev.jaxj.Linalg.SvdResult;
import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * {@code jnp.linalg}'s functions built on the QR, eigh and SVD primitives, with JAX's
 * semantics: operands promote to floating, matrices are the trailing two axes, tolerances
 * default as JAX's do.
 */
public final class LinalgSpectral {
    private LinalgSpectral() {}

    /** An operand promoted to floating, of rank at least 2. */
    static Array matrices(String op, Array x) {
        if (x.ndim() < 2) throw new ShapeError(op, "needs an array of rank >= 2 ([..., m, n]), got " + x.aval());
        return Operands.inexact(x);
    }

    private static Array squareMatrices(String op, Array x) {
        Array a = matrices(op, x);
        if (a.shape().dim(-1) != a.shape().dim(-2)) throw new ShapeError(op, "needs square matrices [..., n, n], got " + x.aval());
        return a;
    }

    /** The last two axes swapped. */
    public static Array mT(Array x) { return Manipulation.swapaxes(x, -1, -2); }

    public static Array mm(Array a, Array b) { return NumpyOps.matmul(a, b); }

    private static double eps(DType d) { return Math.ulp(d == DType.F32 ? 1f : 1.0); }

    // QR ------------------------------------------------------------------------------------------

    /** {@code jnp.linalg.qr}: mode {@code reduced} (also {@code full}, as JAX), {@code complete}. */
    public static QrResult qr(Array x, String mode) {
        Array a = matrices("qr", x);
        boolean full = switch (mode) {
            case "reduced", "full" -> false;
            case "complete" -> true;
            case "r" -> throw new ArgumentError("qr", "mode 'r' returns only r: call Linalg.qrR(x), got mode '" + mode + "' for " + x.aval());
            default -> throw new ArgumentError("qr", "mode must be 'reduced', 'complete' or 'r', got '" + mode + "' for " + x.aval());
        };
        Seq<Array> qr = Lax.qr(a, full);
        return new QrResult(qr.get(0), qr.get(1));
    }

    /** {@code jnp.linalg.qr(x, mode='r')}: the reduced {@code r} alone. */
    public static Array qrR(Array x) { return Lax.qr(matrices("qr", x), false).get(1); }

    // Symmetric eigenproblems ---------------------------------------------------------------------

    /** {@code jnp.linalg.eigh}: {@code uplo} "L" or "U" names the triangle used after symmetrizing, as JAX. */
    public static EighResult eigh(Array x, String uplo, boolean symmetrizeInput) {
        Array a = squareMatrices("eigh", x);
        boolean lower = switch (uplo) {
            case "L" -> true;
            case "U" -> false;
            default -> throw new ArgumentError("eigh", "UPLO must be 'L' or 'U', got '" + uplo + "' for " + x.aval());
        };
        if (symmetrizeInput) a = symmetrize(a);
        Seq<Array> vw = Lax.eigh(a, lower, true);
        return new EighResult(vw.get(1), vw.get(0));
    }

    static Array symmetrize(Array a) { return Operands.mul(Lax.add(a, mT(a)), 0.5); }

    // General eigenproblems -----------------------------------------------------------------------

    /** {@code jnp.linalg.eig}: eigenvalues and right eigenvectors, complex; integers promote to the default float. */
    public static EigResult eig(Array x) {
        Seq<Array> wv = Lax.eig(generalMatrices("eig", x), false, true, false);
        return new EigResult(wv.get(0), wv.get(1));
    }

    /** {@code jnp.linalg.eigvals}: the eigenvalues alone, complex. */
    public static Array eigvals(Array x) { return Lax.eig(generalMatrices("eigvals", x), false, false, false).get(0); }

    /** Square matrices of any inexact dtype, complex ones kept (JAX's {@code promote_dtypes_inexact}). */
    private static Array generalMatrices(String op, Array x) {
        if (x.dtype().isComplex() && x.ndim() >= 2 && x.shape().dim(-1) == x.shape().dim(-2)) return x;
        return squareMatrices(op, x);
    }

    // SVD -----------------------------------------------------------------------------------------

    /** {@code jnp.linalg.svd} with {@code compute_uv=True}; {@code hermitian} decomposes through eigh, as JAX. */
    public static SvdResult svd(Array x, boolean fullMatrices, boolean hermitian) {
        Array a = matrices("svd", x);
        if (hermitian) return hermitianSvd(squareMatrices("svd", a));
        Seq<Array> suv = Lax.svd(a, fullMatrices, true);
        return new SvdResult(suv.get(1), suv.get(0), suv.get(2));
    }

    /** The singular values {@code [..., min(m, n)]}, descending ({@code svd(compute_uv=False)}, {@code svdvals}). */
    public static Array svdvals(Array x) { return Lax.svd(matrices("svdvals", x), false, false).get(0); }

    /** A symmetric matrix's SVD from its eigendecomposition: {@code s = |w|} descending, {@code u = v}, {@code vh = (v sign(w))^T}. */
    private static SvdResult hermitianSvd(Array a) {
        Seq<Array> vw = Lax.eigh(a, true, true);
        Array v = vw.get(0), w = vw.get(1);
        Array s = Lax.abs(w), sign = Lax.sign(w);
        Array idx = Lax.iota(DType.I32, s.shape(), s.ndim() - 1);
        Seq<Array> sorted = Lax.sort(Vector.of(Lax.neg(s), idx, sign), s.ndim() - 1, true, 1);
        Array sDesc = Lax.neg(sorted.get(0)), order = sorted.get(1), signs = sorted.get(2);
        // u = v P with the permutation matrix P[i, j] = (order[j] == i): exact, and batched for free.
        Array perm = Lax.convertElementType(Lax.eq(Lax.iota(DType.I32, v.shape(), v.ndim() - 2),
                NumpyOps.broadcastTo(Manipulation.expandDims(order, -2), v.shape())), v.dtype());
        Array u = mm(v, perm);
        Array vh = mT(Elementwise.multiply(u, Manipulation.expandDims(signs, -2)));
        return new SvdResult(u, sDesc, vh);
    }

    // Least squares, pseudo-inverse, rank, condition number ----------------------------------------

    /** {@code jnp.linalg.lstsq}: the SVD solution with singular values below {@code rcond·s_max} dropped. */
    public static LstsqResult lstsq(Array a0, Array b0, Double rcond) {
        Vector<Array> ab = NumpyOps.promote("lstsq", dev.jaxj.array.Promotion.Kind.INEXACT, Vector.of(a0, b0)).toVector();
        Array a = ab.get(0), b = ab.get(1);
        if (a.ndim() != 2) throw new ShapeError("lstsq", "a must be a matrix [m, n], got " + Operands.avals(a0, b0));
        if (b.ndim() != 1 && b.ndim() != 2) throw new ShapeError("lstsq", "b must be [m] or [m, k], got " + Operands.avals(a0, b0));
        if (a.shape().dim(0) != b.shape().dim(0)) {
            throw new ShapeError("lstsq", "leading dimensions of a and b must agree, got " + Operands.avals(a0, b0));
        }
        boolean vector = b.ndim() == 1;
        if (vector) b = Manipulation.expandDims(b, 1);
        int m = a.shape().dim(0), n = a.shape().dim(1);
        Array x, s, rank;
        if (a.size() == 0) {
            s = Creation.full(dev.jaxj.ir.Shape.of(0), 0.0, a.dtype());
            rank = Array.scalar(0, DType.I32);
            x = Creation.full(dev.jaxj.ir.Shape.of(n, b.shape().dim(1)), 0.0, a.dtype());
        } else {
            double rc = rcond == null ? eps(a.dtype()) * Math.max(m, n) : rcond < 0 ? eps(a.dtype()) : rcond;
            Seq<Array> suv = Lax.svd(a, false, true);
            s = suv.get(0);
            Array u = suv.get(1), vt = suv.get(2);
            Array cutoff = Operands.mul(Lax.slice(s, Vector.of(0), Vector.of(1), Vector.of(1)), rc);
            Array mask = Lax.ge(s, Lax.broadcastInDim(Lax.reshape(cutoff, dev.jaxj.ir.Shape.SCALAR), s.shape(), Vector.empty()));
            rank = Reductions.sum(Lax.convertElementType(mask, DType.I32), false, 0);
            Array safe = Lax.select(mask, s, Operands.fullLike(s, 1));
            Array sInv = Lax.select(mask, Lax.div(Operands.fullLike(s, 1), safe), Operands.fullLike(s, 0));
            Array utb = mm(mT(u), b);
            x = mm(mT(vt), Elementwise.multiply(Manipulation.expandDims(sInv, 1), utb));
        }
        Array r = Lax.sub(b, mm(a, x));
        Array resid = Reductions.sum(Lax.mul(r, r), false, 0);
        if (vector) x = Manipulation.ravel(x);
        return new LstsqResult(x, resid, rank, s);
    }

    /**
     * {@code jnp.linalg.pinv}: {@code V diag(1/s) U^T} with singular values at or below
     * {@code rtol·s_max} (default {@code 10·max(m, n)·ε}) dropped, differentiated by JAX's
     * custom rule (Golub and Pereyra) rather than through the SVD.
     */
    public static Array pinv(Array x, Double rtol, boolean hermitian) {
        Array a = matrices("pinv", x);
        int m = a.shape().dim(-2), n = a.shape().dim(-1);
        if (m == 0 || n == 0) return Creation.full(mT(a).shape(), 0.0, a.dtype());
        double tol = rtol == null ? 10.0 * Math.max(m, n) * eps(a.dtype()) : rtol;
        return Jax.customJvp(y -> pinvValue(y, tol, hermitian), (p, t) -> {
            Array pi = pinvValue(p, tol, hermitian);
            Array eyeM = identityLike(mm(p, pi)), eyeN = identityLike(mm(pi, p));
            Array d = Lax.neg(mm(mm(pi, t), pi));
            d = Lax.add(d, mm(mm(mm(pi, mT(pi)), mT(t)), Lax.sub(eyeM, mm(p, pi))));
            d = Lax.add(d, mm(mm(mm(Lax.sub(eyeN, mm(pi, p)), mT(t)), mT(pi)), pi));
            return new Jax.JvpResult<>(pi, d);
        }).apply(a);
    }

    private static Array pinvValue(Array a, double rtol, boolean hermitian) {
        SvdResult usv = hermitian ? hermitianSvd(a) : svd(a, false, false);
        Array s = usv.s();
        int r = s.ndim();
        Array sMax = Lax.slice(s, Vector.fill(r, 0), Vector.ofAll(s.shape().toArray()).update(r - 1, 1), Vector.fill(r, 1));
        Array cutoff = Operands.mul(sMax, rtol);
        Array kept = Lax.select(Lax.gt(s, NumpyOps.broadcastTo(cutoff, s.shape())), s, Operands.fullLike(s, Double.POSITIVE_INFINITY));
        return mm(mT(usv.vh()), Elementwise.divide(mT(usv.u()), Manipulation.expandDims(kept, -1)));
    }

    /** {@code V diag(1/s) U^T} with nothing dropped: infinite or NaN entries for a singular matrix, as an inverse by LU has. */
    private static Array inverse(Array a) {
        SvdResult usv = svd(a, false, false);
        return mm(mT(usv.vh()), Elementwise.divide(mT(usv.u()), Manipulation.expandDims(usv.s(), -1)));
    }

    private static Array identityLike(Array square) {
        Array row = Lax.iota(DType.I32, square.shape(), square.ndim() - 2), col = Lax.iota(DType.I32, square.shape(), square.ndim() - 1);
        return Lax.convertElementType(Lax.eq(row, col), square.dtype());
    }

    /**
     * {@code jnp.linalg.matrix_rank}: the count of singular values above {@code rtol·s_max}
     * ({@code rtol} defaults to {@code max(m, n)·ε}); of a vector or scalar, whether any element
     * is non-zero.
     */
    public static Array matrixRank(Array x, Double rtol) {
        Array a = Operands.inexact(x);
        if (a.ndim() < 2) return Lax.convertElementType(Reductions.any(Operands.truthy(a), false), DType.I32);
        Array s = svdvals(a);
        int m = a.shape().dim(-2), n = a.shape().dim(-1);
        if (s.shape().dim(-1) == 0) return Creation.full(s.shape().without(s.ndim() - 1), 0L, DType.I32);
        double tol = rtol != null ? rtol : Math.max(m, n) * eps(s.dtype());
        Array cut = NumpyOps.broadcastTo(Operands.mul(Reductions.max(s, true, -1), tol), s.shape());
        return Reductions.sum(Lax.convertElementType(Lax.gt(s, cut), DType.I32), false, -1);
    }

    /**
     * {@code jnp.linalg.cond}: {@code p} null or "2" gives {@code s_max / s_min}, "-2" its inverse,
     * and "fro", "nuc", "inf", "-inf", "1", "-1" give {@code norm(x, p)·norm(inv(x), p)} on square
     * matrices, NaN turned to inf where {@code x} has none (a singular matrix).
     */
    public static Array cond(Array x0, String p) {
        Array x = matrices("cond", x0);
        if (p == null || p.equals("2")) {
            Array s = svdvals(x);
            return Lax.div(lastAxisAt(s, 0), lastAxisAt(s, s.shape().dim(-1) - 1));
        }
        Array r;
        if (p.equals("-2")) {
            Array s = svdvals(x);
            r = Lax.div(lastAxisAt(s, s.shape().dim(-1) - 1), lastAxisAt(s, 0));
        } else {
            squareMatrices("cond", x0);
            int[] ax = {-2, -1};
            r = Lax.mul(matrixNorm(x, p, ax, false), matrixNorm(inverse(x), p, ax, false));
        }
        Array xNan = Reductions.any(Logic.isnan(x), false, -2, -1);
        return Lax.select(Lax.and(Logic.isnan(r), Lax.not(xNan)), Operands.fullLike(r, Double.POSITIVE_INFINITY), r);
    }

    private static Array lastAxisAt(Array s, int i) {
        int r = s.ndim();
        Array one = Lax.slice(s, Vector.fill(r, 0).update(r - 1, i), Vector.ofAll(s.shape().toArray()).update(r - 1, i + 1), Vector.fill(r, 1));
        return Lax.squeeze(one, Vector.of(r - 1));
    }

    // Norms needing the singular values ------------------------------------------------------------

    /**
     * A matrix norm over {@code axes} (two of them) named as NumPy's {@code ord}: "fro", "nuc",
     * "2", "-2", "1", "-1", "inf", "-inf".
     */
    public static Array matrixNorm(Array x, String ord, int[] given, boolean keepdims) {
        // No axes: a matrix's own two, as JAX's axis=None.
        if (given.length == 0 && x.ndim() != 2) {
            throw new ArgumentError("norm", "ord '" + ord + "' is a matrix norm: give two axes for an array of rank " + x.ndim() + ", got " + x.aval());
        }
        int[] axes = given.length == 0 ? new int[] {0, 1} : given;
        return switch (ord) {
            case "fro" -> Linalg.frobenius(x, axes, keepdims);
            case "nuc" -> spectralNorm(x, axes, keepdims, "nuc");
            case "2", "-2" -> spectralNorm(x, axes, keepdims, ord);
            case "1" -> Linalg.norm(x, 1, axes, keepdims);
            case "-1" -> Linalg.norm(x, -1, axes, keepdims);
            case "inf" -> Linalg.norm(x, Double.POSITIVE_INFINITY, axes, keepdims);
            case "-inf" -> Linalg.norm(x, Double.NEGATIVE_INFINITY, axes, keepdims);
            default -> throw new ArgumentError("norm", "matrix ord must be 'fro', 'nuc', 2, -2, 1, -1, inf or -inf, got '" + ord + "' for " + x.aval());
        };
    }

    /** The largest (2), smallest (-2) or summed (nuc) singular value of the matrices on {@code axes}. */
    static Array spectralNorm(Array x0, int[] axes, boolean keepdims, String which) {
        Array x = Operands.inexact(x0);
        Vector<Integer> ax = Axes.normalizeUnique("norm", axes, x.ndim(), x);
        if (ax.size() != 2) throw new ArgumentError("norm", "ord '" + which + "' is a matrix norm and needs 2 axes, got " + ax.size() + " for " + x0.aval());
        int row = ax.get(0), col = ax.get(1);
        Array moved = Manipulation.moveaxis(x, new int[] {row, col}, new int[] {-2, -1});
        Array s = svdvals(moved);
        Array r = switch (which) {
            case "2" -> Reductions.max(s, false, -1);
            case "-2" -> Reductions.min(s, false, -1);
            default -> Reductions.sum(s, false, -1);
        };
        if (!keepdims) return r;
        int[] sorted = {Math.min(row, col), Math.max(row, col)};
        return Manipulation.expandDims(r, sorted);
    }
}
