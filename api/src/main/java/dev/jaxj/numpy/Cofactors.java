package dev.jaxj.numpy;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;
import dev.jaxj.numpy.LinalgSolvers.LuFactor;
import io.vavr.collection.Vector;

/**
 * {@code det(a) · a^-1 b} computed so that it stays finite where {@code a} is singular: the
 * derivative of the determinant, {@code d det = trace(adj(a) da)}, as JAX's
 * {@code _cofactor_solve}. For rank {@code n-1} the last pivot of {@code U} is zero; it is
 * replaced by the reciprocal of the product of the others, and every entry of the forward
 * solution but the last is scaled by the (zero) determinant, which leaves the rank-one adjugate
 * term. For lower ranks the adjugate is zero, and the solves' infinities are masked to zero.
 */
final class Cofactors {
    private Cofactors() {}

    /** {@return {@code det(a) · a^-1 b}} for {@code a, b [..., n, n]} */
    static Array solve(Array a, Array b) {
        int n = a.shape().dim(-1), r = a.ndim();
        // adj of a 1 x 1 matrix is [[1]] (and of a 0 x 0 one, empty): det(a) a^-1 b = b.
        if (n <= 1) return b;
        LuFactor f = LinalgSolvers.luFactor(a);
        Array lu = f.lu();
        Array diag = Matrices.diagonal(lu, 0, -2, -1);
        Array partial = Lax.mul(Lax.cumprod(diag, r - 2, false), Lax.broadcastInDim(LinalgSolvers.pivotSign(f), diag.shape(), Vector.range(0, r - 2)));
        Array full = LinalgSolvers.take(Lax.rev(partial, Vector.of(r - 2)), r - 2, 1);              // [..., 1]
        Array beforeLast = Lax.slice(partial, Vector.fill(r - 2, 0).append(n - 2), partial.shape().toSeq().update(r - 2, n - 1),
                Vector.fill(r - 1, 1));                                                            // [..., 1]
        // lu[..., n-1, n-1] = 1 / (det(u) / u_nn).
        Array corner = Lax.div(Operands.fullLike(beforeLast, 1), beforeLast);
        // Every entry but the bottom-right corner keeps lu's value.
        Array rows = Lax.iota(DType.I32, lu.shape(), r - 2), cols = Lax.iota(DType.I32, lu.shape(), r - 1);
        Array notCorner = Lax.ne(Lax.add(rows, cols), Operands.fullLike(rows, 2 * (n - 1)));
        Array cornerFull = Lax.broadcastInDim(Lax.reshape(corner, lu.shape().without(r - 2, r - 1)), lu.shape(), Vector.range(0, r - 2));
        lu = Lax.select(notCorner, lu, cornerFull);
        // Matrices of rank below n - 1: the solve with U overflows; their adjugate is zero.
        Array ones = Operands.fullLike(LinalgSolvers.take(b, r - 1, 1), 1);
        Array probe = Lax.triangularSolve(lu, ones, true, false, false, false, false);
        Array bad = Reductions.any(Lax.not(Lax.isFinite(probe)), true, r - 2, r - 1);
        Array zeros = Operands.fullLike(b, 0);
        Array badFull = Lax.broadcastInDim(Lax.reshape(bad, b.shape().without(r - 2, r - 1)), b.shape(), Vector.range(0, r - 2));
        Array x = Lax.select(badFull, zeros, b);
        x = LinalgSolvers.rows(x, f.permutation());
        x = Lax.triangularSolve(lu, x, true, true, false, false, true);
        Array scale = Lax.broadcastInDim(Lax.reshape(full, b.shape().without(r - 2, r - 1)), b.shape(), Vector.range(0, r - 2));
        Array bRows = Lax.iota(DType.I32, b.shape(), r - 2);
        Array notLast = Lax.lt(bRows, Operands.fullLike(bRows, n - 1));
        x = Lax.select(notLast, Lax.mul(x, scale), x);
        x = Lax.triangularSolve(lu, x, true, false, false, false, false);
        return Lax.select(badFull, zeros, x);
    }
}
