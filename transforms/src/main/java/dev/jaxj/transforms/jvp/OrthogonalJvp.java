package dev.jaxj.transforms.jvp;

import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.errors.NotDifferentiable;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.Eigh;
import dev.jaxj.ir.Primitive.Orthogonal;
import dev.jaxj.ir.Primitive.Qr;
import dev.jaxj.ir.Primitive.Svd;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static dev.jaxj.transforms.jvp.Tangents.like;
import static dev.jaxj.transforms.jvp.Tangents.zerosLike;

/**
 * The JVP rules of QR, eigh and SVD, JAX's {@code qr_jvp_rule}, {@code _eigh_jvp_rule} and
 * {@code _svd_jvp_rule} written with {@link Lax}, over leading batch axes:
 * <ul>
 * <li>QR ({@code m >= n}, or {@code m < n} through the square leading block): with
 * {@code X = dX R^{-1}}, {@code C = Q^T X} and {@code Ω = tril(C, -1) - tril(C, -1)^T},
 * {@code dQ = Q (Ω - C) + X} and {@code dR = (C - Ω) R}; full matrices with {@code m > n} are
 * not differentiable, as in JAX.
 * <li>eigh: {@code dw = diag(V^T dA V)}, {@code dV = V (F ∘ V^T dA V)} with
 * {@code F_ij = 1/(w_j - w_i)} off the diagonal, evaluated at the symmetrized input; repeated
 * eigenvalues give infinite {@code F} entries and non-finite {@code dV}, exactly as in JAX.
 * <li>SVD: {@code ds = diag(U^T dA V)} and JAX's {@code dU}, {@code dVt} for reduced (or square)
 * factors; full rectangular factors are not differentiable, as in JAX.
 * </ul>
 */
final class OrthogonalJvp {
    private OrthogonalJvp() {}

    static JvpRules.Result jvp(Orthogonal p, Array x, Array t) {
        return switch (p) {
            case Qr q -> qr(q, x, t);
            case Eigh e -> eigh(e, x, t);
            case Svd s -> svd(s, x, t);
        };
    }

    private static JvpRules.Result zeroTangents(Seq<Array> out) {
        return new JvpRules.Result(out, out.map(Tangents::zerosLike));
    }

    private static JvpRules.Result qr(Qr p, Array x, Array dx) {
        int m = x.shape().dim(-2), n = x.shape().dim(-1);
        Seq<Array> out = Lax.qr(x, p.fullMatrices());
        if (x.size() == 0) return zeroTangents(out);
        if (p.fullMatrices() && m > n) {
            throw new NotDifferentiable("qr", "the derivative of full_matrices=True QR of a tall matrix (m > n) is not defined, as in JAX; got "
                    + x.aval() + " (use full_matrices=False)");
        }
        Array q = out.get(0), r = out.get(1);
        if (m >= n) {
            Array[] d = thinQr(q, r, dx);
            return new JvpRules.Result(out, Vector.of(d[0], d[1]));
        }
        // Wide: X = Q [R1 R2] with X1 = Q R1 square, and R2 = Q^T X2.
        Array x2 = cols(x, m, n), dx1 = cols(dx, 0, m), dx2 = cols(dx, m, n), r1 = cols(r, 0, m);
        Array[] d = thinQr(q, r1, dx1);
        Array dr2 = Lax.add(mm(mT(d[0]), x2), mm(mT(q), dx2));
        return new JvpRules.Result(out, Vector.of(d[0], Lax.concatenate(Vector.of(d[1], dr2), x.ndim() - 1)));
    }

    /** {@code (dQ, dR)} for {@code X = QR} with square invertible {@code R}. */
    private static Array[] thinQr(Array q, Array r, Array dx) {
        Array dxRinv = mm(dx, inverse(r));
        Array c = mm(mT(q), dxRinv);
        Array low = tril(c, -1);
        Array omega = Lax.sub(low, mT(low));
        Array dq = Lax.add(mm(q, Lax.sub(omega, c)), dxRinv);
        Array dr = mm(Lax.sub(c, omega), r);
        return new Array[] {dq, dr};
    }

    /**
     * {@code R^{-1}} from the SVD of {@code R}, {@code V diag(1/s) U^T}: exact for the invertible
     * {@code R} the rule needs, and differentiable again.
     */
    private static Array inverse(Array r) {
        Seq<Array> usv = Lax.svd(r, false, true);
        Array s = usv.get(0), u = usv.get(1), vt = usv.get(2);
        Array scaledV = Lax.div(mT(vt), rowVector(s, vt.shape().dim(-1)));
        return mm(scaledV, mT(u));
    }

    private static JvpRules.Result eigh(Eigh p, Array a, Array da) {
        Array sym = Lax.mul(Lax.add(a, mT(a)), like(a, 0.5));
        Seq<Array> out = Lax.eigh(sym, p.lower(), p.sortEigenvalues());
        if (a.size() == 0) return zeroTangents(out);
        Array v = out.get(0), w = out.get(1);
        int n = a.shape().dim(-1);
        Array eye = eye(v);
        Array wRow = rowVector(w, n), wCol = colVector(w, n);
        Array f = Lax.sub(Lax.div(like(v, 1), Lax.sub(Lax.add(eye, wRow), wCol)), eye);
        Array vdav = mm(mm(mT(v), da), v);
        Array dv = mm(v, Lax.mul(f, vdav));
        return new JvpRules.Result(out, Vector.of(dv, diagonal(vdav)));
    }

    private static JvpRules.Result svd(Svd p, Array a, Array da) {
        int m = a.shape().dim(-2), n = a.shape().dim(-1);
        Seq<Array> primal = Lax.svd(a, p.fullMatrices(), p.computeUv());
        if (a.size() == 0) return zeroTangents(primal);
        if (p.computeUv() && p.fullMatrices() && m != n) {
            throw new NotDifferentiable("svd", "the derivative of full_matrices=True SVD of a non-square matrix is not defined, as in JAX; got "
                    + a.aval() + " (use full_matrices=False)");
        }
        Seq<Array> reduced = p.computeUv() ? primal : Lax.svd(a, false, true);
        Array s = reduced.get(0), u = reduced.get(1), vt = reduced.get(2);
        Array ut = mT(u), v = mT(vt);
        int k = s.shape().dim(-1);
        Array ds = mm(mm(ut, da), v);
        Array dsDiag = diagonal(ds);
        if (!p.computeUv()) return JvpRules.Result.of(s, dsDiag);
        Array sRow = rowVector(s, k), sCol = colVector(s, k), eye = eye(ds);
        Array diffs = Lax.mul(Lax.add(sRow, sCol), Lax.sub(sRow, sCol));
        Array f = Lax.sub(Lax.div(like(diffs, 1), Lax.add(diffs, eye)), eye);
        Array dss = Lax.mul(sRow, ds), sds = Lax.mul(sCol, ds);
        // JAX's 0.5 (dS - dS^H) diag(1/s) term vanishes for real matrices: its diagonal is zero.
        Array du = mm(u, Lax.mul(f, Lax.add(dss, mT(dss))));
        Array dv = mm(v, Lax.mul(f, Lax.add(sds, mT(sds))));
        if (m > n) {
            Array dav = mm(da, v);
            du = Lax.add(du, Lax.div(Lax.sub(dav, mm(u, mm(ut, dav))), rowVector(s, m)));
        }
        if (n > m) {
            Array dau = mm(mT(da), u);
            dv = Lax.add(dv, Lax.div(Lax.sub(dau, mm(v, mm(vt, dau))), rowVector(s, n)));
        }
        return new JvpRules.Result(primal, Vector.of(dsDiag, du, mT(dv)));
    }

    // Batched matrix helpers over the trailing two axes ----------------------------------------

    static Array mm(Array a, Array b) { return NumpyOps.matmul(a, b); }

    static Array mT(Array x) {
        int r = x.ndim();
        return Lax.transpose(x, Vector.range(0, r - 2).append(r - 1).append(r - 2));
    }

    /** Columns {@code [from, to)} of the trailing axis. */
    private static Array cols(Array x, int from, int to) {
        int r = x.ndim();
        Vector<Integer> start = Vector.fill(r, 0).update(r - 1, from), limit = Vector.ofAll(x.shape().toArray()).update(r - 1, to);
        return Lax.slice(x, start, limit, Vector.fill(r, 1));
    }

    /** {@code x} where {@code col <= row + k}, else 0. */
    static Array tril(Array x, int k) {
        Array row = Lax.iota(DType.I32, x.shape(), x.ndim() - 2), col = Lax.iota(DType.I32, x.shape(), x.ndim() - 1);
        return Lax.select(Lax.le(col, Lax.add(row, Lax.broadcastInDim(Array.scalar(k, DType.I32), x.shape(), Vector.empty()))), x, zerosLike(x));
    }

    /** The identity broadcast to {@code x}'s (square) matrix shape and dtype. */
    static Array eye(Array x) {
        Array row = Lax.iota(DType.I32, x.shape(), x.ndim() - 2), col = Lax.iota(DType.I32, x.shape(), x.ndim() - 1);
        return Lax.convertElementType(Lax.eq(row, col), x.dtype());
    }

    /** The diagonal {@code [..., n]} of square matrices {@code [..., n, n]}. */
    static Array diagonal(Array x) {
        return Lax.reduceSum(Lax.mul(x, eye(x)), x.ndim() - 1);
    }

    /** {@code v [..., k]} as rows: {@code out[..., i, j] = v[..., j]}, {@code i < rows}. */
    static Array rowVector(Array v, int rows) {
        int r = v.ndim();
        var shape = v.shape().insert(r - 1, rows);
        return Lax.broadcastInDim(v, shape, Vector.range(0, r - 1).append(r));
    }

    /** {@code v [..., k]} as columns: {@code out[..., i, j] = v[..., i]}, {@code j < k}. */
    static Array colVector(Array v, int cols) {
        int r = v.ndim();
        var shape = v.shape().insert(r, cols);
        return Lax.broadcastInDim(v, shape, Vector.range(0, r));
    }
}
