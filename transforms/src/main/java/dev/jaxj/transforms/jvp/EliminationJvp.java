package dev.jaxj.transforms.jvp;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.Cholesky;
import dev.jaxj.ir.Primitive.DotDimensionNumbers;
import dev.jaxj.ir.Primitive.Elimination;
import dev.jaxj.ir.Primitive.Lu;
import dev.jaxj.ir.Primitive.PadConfig;
import dev.jaxj.ir.Primitive.TriangularSolve;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.transforms.jvp.JvpRules.Result;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * JVP rules of Cholesky, LU and the triangular solve, as JAX defines them, written with
 * {@link Lax} (so they trace and transpose: every tangent enters a triangular solve as its
 * right-hand side, or a product with a primal).
 */
final class EliminationJvp {
    private EliminationJvp() {}

    static Result jvp(Elimination p, Seq<Array> x, Seq<Array> t) {
        return switch (p) {
            case Cholesky c -> cholesky(c, x.get(0), t.get(0));
            case Lu _ -> lu(x.get(0), t.get(0));
            case TriangularSolve s -> triangularSolve(s, x.get(0), x.get(1), t.get(0), t.get(1));
        };
    }

    /**
     * {@code dL = L Φ(L^-1 dA L^-T)}, where {@code Φ} keeps the lower triangle and halves the
     * diagonal (Murray, arXiv:1602.07527). The whole of {@code dA} is used, as in JAX's
     * {@code cholesky_p}; a symmetrizing Cholesky symmetrizes the tangent first, as JAX's
     * operations before {@code cholesky_p} do.
     */
    private static Result cholesky(Cholesky p, Array a, Array da) {
        Array l = Lax.cholesky(a, p.symmetrizeInput());
        if (p.symmetrizeInput()) da = Lax.mul(Lax.add(da, swapLast(da)), Tangents.like(da, 0.5));
        Array right = Lax.triangularSolve(l, da, false, true, true, true, false);
        Array inner = Lax.triangularSolve(l, right, true, true, false, false, false);
        Array phi = Lax.mul(band(inner, true, 0), Lax.sub(Tangents.like(inner, 1), Lax.mul(eye(inner, 0), Tangents.like(inner, 0.5))));
        return Result.of(l, matmul(l, phi));
    }

    /**
     * De Hoog, Anderssen and Lukas: with {@code X = L^-1 P dA U^-1},
     * {@code dL = L tril(X, -1)} and {@code dU = triu(X) U}; {@code d(lu) = dL + dU}. Pivots and
     * permutation are integers with zero tangents.
     */
    private static Result lu(Array a, Array da) {
        Seq<Array> out = Lax.lu(a);
        Array lu = out.get(0), perm = out.get(2);
        int r = a.ndim(), m = a.shape().dim(-2), n = a.shape().dim(-1), k = Math.min(m, n);
        Array rows = Lax.broadcastInDim(perm, a.shape(), Vector.range(0, r - 1));
        Array pda = a.size() == 0 ? da : Composites.takeAlongAxis(da, rows, r - 2);
        // Unit-lower m x m and upper n x n factors, padded with the identity where lu has no entries.
        Array l = Lax.add(band(padLast(slice(lu, r - 1, k), r - 1, m - k), true, -1), eye(zeros(lu, m, m), 0));
        Array uTop = padLast(slice(lu, r - 2, k), r - 2, n - k);
        Array u = Lax.add(band(uTop, false, 0), Lax.mul(eye(zeros(lu, n, n), 0), diagonalFrom(zeros(lu, n, n), k)));
        Array la = Lax.triangularSolve(l, pda, true, true, false, false, true);
        Array lau = Lax.triangularSolve(u, la, false, false, false, false, false);
        Array dlu = Lax.add(matmul(l, band(lau, true, -1)), matmul(band(lau, false, 0), u));
        return new Result(out, Vector.of(dlu, Tangents.zerosLike(out.get(1)), Tangents.zerosLike(perm)));
    }

    /**
     * Linear in {@code b}; in {@code a}, {@code d op(a)} enters as {@code -op(a)^-1 op(da) x}
     * (left) or {@code -x op(da) op(a)^-1} (right), the solve applied to whichever of the
     * product's operands is cheaper, as JAX does.
     */
    private static Result triangularSolve(TriangularSolve s, Array a, Array b, Array da, Array db) {
        Array x = Lax.triangularSolve(a, b, s.leftSide(), s.lower(), s.transposeA(), s.conjugateA(), s.unitDiagonal());
        Array viaB = solve(s, a, db);
        int k = s.unitDiagonal() ? 1 : 0;
        Array g = Lax.neg(s.lower() ? band(da, true, -k) : band(da, false, k));
        if (s.transposeA()) g = swapLast(g);
        int m = b.shape().dim(-2), n = b.shape().dim(-1);
        Array viaA = s.leftSide()
                ? (m > n ? solve(s, a, matmul(g, x)) : matmul(solve(s, a, g), x))
                : (m < n ? solve(s, a, matmul(x, g)) : matmul(x, solve(s, a, g)));
        return Result.of(x, Lax.add(viaB, viaA));
    }

    private static Array solve(TriangularSolve s, Array a, Array rhs) {
        return Lax.triangularSolve(a, rhs, s.leftSide(), s.lower(), s.transposeA(), s.conjugateA(), s.unitDiagonal());
    }

    /** The batched product of {@code [..., m, k]} and {@code [..., k, n]}. */
    static Array matmul(Array a, Array b) {
        int r = a.ndim();
        Vector<Integer> batch = Vector.range(0, r - 2);
        return Lax.dotGeneral(a, b, new DotDimensionNumbers(Vector.of(r - 1), Vector.of(r - 2), batch, batch));
    }

    static Array swapLast(Array x) {
        int r = x.ndim();
        return Lax.transpose(x, Vector.range(0, r - 2).append(r - 1).append(r - 2));
    }

    /**
     * {@return {@code x} with the elements outside a triangle zeroed}: {@code lowerPart} keeps
     * {@code col - row <= k} (tril), otherwise {@code col - row >= k} (triu)
     */
    static Array band(Array x, boolean lowerPart, int k) {
        Array offset = offsets(x);
        Array kk = Tangents.full(x.shape(), DType.I32, k);
        Array keep = lowerPart ? Lax.le(offset, kk) : Lax.ge(offset, kk);
        return Lax.select(keep, x, Tangents.zerosLike(x));
    }

    /** {@return ones where {@code col - row == k}, zeros elsewhere, shaped like {@code x}} */
    static Array eye(Array x, int k) {
        Array on = Lax.eq(offsets(x), Tangents.full(x.shape(), DType.I32, k));
        return Lax.convertElementType(on, x.dtype());
    }

    /** {@code col - row} at every index of the trailing two axes of {@code x}'s shape. */
    private static Array offsets(Array x) {
        int r = x.ndim();
        return Lax.sub(Lax.iota(DType.I32, x.shape(), r - 1), Lax.iota(DType.I32, x.shape(), r - 2));
    }

    /** {@return ones where the row index is at least {@code k}} */
    private static Array diagonalFrom(Array x, int k) {
        int r = x.ndim();
        Array row = Lax.iota(DType.I32, x.shape(), r - 2);
        return Lax.convertElementType(Lax.ge(row, Tangents.full(x.shape(), DType.I32, k)), x.dtype());
    }

    /** {@return zeros of {@code like}'s batch axes and dtype, with trailing {@code [rows, cols]}} */
    private static Array zeros(Array like, int rows, int cols) {
        Shape s = like.shape();
        int[] dims = s.toArray();
        dims[dims.length - 2] = rows;
        dims[dims.length - 1] = cols;
        return Tangents.full(Shape.of(dims), like.dtype(), 0);
    }

    /** The first {@code size} entries of {@code axis}. */
    private static Array slice(Array x, int axis, int size) {
        Vector<Integer> start = Vector.fill(x.ndim(), 0), limit = x.shape().toSeq().update(axis, size);
        return Lax.slice(x, start, limit, Vector.fill(x.ndim(), 1));
    }

    /** {@code x} padded with {@code extra} zeros at the end of {@code axis}. */
    private static Array padLast(Array x, int axis, int extra) {
        if (extra == 0) return x;
        Seq<PadConfig> cfg = Vector.range(0, x.ndim()).map(d -> new PadConfig(0, d == axis ? extra : 0, 0));
        return Lax.pad(x, Array.scalar(0, x.dtype()), cfg);
    }
}
