package dev.jaxj.numpy;

import dev.jaxj.Jax;
import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.array.Promotion;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.GatherDimensionNumbers;
import dev.jaxj.ir.Primitive.GatherScatterMode;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * Solvers built on the Cholesky, LU and triangular-solve primitives: {@code jnp.linalg}'s
 * {@code cholesky}, {@code solve}, {@code inv}, {@code det}, {@code slogdet} and
 * {@code jax.scipy.linalg}'s factor-once forms. Every function takes leading batch axes
 * ({@code [..., n, n]}); integer operands promote to the default float, as in JAX.
 */
public final class LinalgSolvers {
    private LinalgSolvers() {}

    /** An LU factorization: {@code lu} packs unit-lower L and U; {@code a[..., permutation, :] = L U}. */
    public record LuFactor(Array lu, Array pivots, Array permutation) {}

    /** The sign (±1, or 0 for a singular matrix) and the natural log of the absolute value of a determinant. */
    public record SignLogDet(Array sign, Array logabsdet) {}

    /** {@return {@code a} promoted to an inexact dtype}, checked to be {@code [..., n, n]} */
    static Array square(String op, Array a) {
        if (a.ndim() < 2 || a.shape().dim(-1) != a.shape().dim(-2)) {
            throw new ShapeError(op, "needs square matrices [..., n, n], got " + a.aval());
        }
        return Operands.inexact(a);
    }

    /** {@return {@code x} with its last two axes swapped} */
    static Array mT(Array x) {
        int r = x.ndim();
        return Lax.transpose(x, Vector.range(0, r - 2).append(r - 1).append(r - 2));
    }

    // Cholesky ---------------------------------------------------------------------------------

    public static Array cholesky(Array a, boolean upper) {
        Array x = square("cholesky", a);
        // As jax.lax.linalg.cholesky: the factor of the symmetric part, so the derivative is symmetric too.
        Array l = Lax.cholesky(x, true);
        return upper ? mT(l) : l;
    }

    /** {@code x} solving {@code (c c^T) x = b} for a Cholesky factor {@code c} (lower) or {@code c^T c} (upper). */
    public static Array choSolve(Array c, boolean lower, Array b) {
        Array f = square("cho_solve", c);
        Rhs r = Rhs.of("cho_solve", f, b);
        Array y = Lax.triangularSolve(r.a(), r.b(), true, lower, !lower, false, false);
        return r.result(Lax.triangularSolve(r.a(), y, true, lower, lower, false, false));
    }

    // LU ---------------------------------------------------------------------------------------

    public static LuFactor luFactor(Array a) {
        if (a.ndim() < 2) throw new ShapeError("lu_factor", "needs matrices [..., m, n], got " + a.aval());
        Seq<Array> out = Lax.lu(Operands.inexact(a));
        return new LuFactor(out.get(0), out.get(1), out.get(2));
    }

    /** {@return {@code x} solving {@code a x = b} ({@code trans} 0) or {@code a^T x = b} (1 or 2: real dtypes), given {@code a}'s LU} */
    public static Array luSolve(LuFactor f, Array b, int trans) {
        if (trans < 0 || trans > 2) throw new ArgumentError("lu_solve", "trans must be 0, 1 or 2, got " + trans);
        Array lu = square("lu_solve", f.lu());
        Rhs r = Rhs.of("lu_solve", lu, b);
        Array perm = NumpyOps.broadcastTo(f.permutation(), r.a().shape().without(r.a().ndim() - 1));
        if (trans == 0) {
            Array x = rows(r.b(), perm);
            x = Lax.triangularSolve(r.a(), x, true, true, false, false, true);
            return r.result(Lax.triangularSolve(r.a(), x, true, false, false, false, false));
        }
        Array x = Lax.triangularSolve(r.a(), r.b(), true, false, true, false, false);
        x = Lax.triangularSolve(r.a(), x, true, true, true, false, true);
        return r.result(rows(x, inverse(perm)));
    }

    /** {@return {@code p, l, u}} with {@code a = p l u} ({@code jax.scipy.linalg.lu}): {@code p [..., m, m]}, {@code l [..., m, k]}, {@code u [..., k, n]} */
    public static Seq<Array> lu(Array a) {
        LuFactor f = luFactor(a);
        Array lu = f.lu();
        int m = lu.shape().dim(-2), n = lu.shape().dim(-1), k = Math.min(m, n), r = lu.ndim();
        Array l = Lax.add(Matrices.tril(take(lu, r - 1, k), -1), eyeLike(lu, m, k));
        Array u = Matrices.triu(take(lu, r - 2, k), 0);
        // p[i, j] = 1 where permutation[j] = i: the transpose of the permutation's one-hot rows.
        Shape pm = lu.shape().with(r - 1, m);
        Array cols = Lax.broadcastInDim(f.permutation(), pm, Vector.range(0, r - 2).append(r - 1));
        Array p = Lax.convertElementType(Lax.eq(cols, Lax.iota(DType.I32, pm, r - 2)), lu.dtype());
        return Vector.of(p, l, u);
    }

    /** {@code op(a) x = b} for triangular {@code a}: {@code trans} 0 is {@code a}, 1 and 2 its transpose (real dtypes). */
    public static Array solveTriangular(Array a, Array b, int trans, boolean lower, boolean unitDiagonal) {
        if (trans < 0 || trans > 2) throw new ArgumentError("solve_triangular", "trans must be 0, 1 or 2, got " + trans);
        Vector<Array> p = NumpyOps.promote("solve_triangular", Promotion.Kind.ANY, Vector.of(Operands.inexact(a), Operands.inexact(b))).toVector();
        Rhs r = Rhs.of("solve_triangular", square("solve_triangular", p.get(0)), p.get(1));
        return r.result(Lax.triangularSolve(r.a(), r.b(), true, lower, trans != 0, false, unitDiagonal));
    }

    // Solve, inverse ---------------------------------------------------------------------------

    public static Array solve(Array a, Array b) {
        Vector<Array> p = NumpyOps.promote("solve", Promotion.Kind.ANY, Vector.of(Operands.inexact(a), Operands.inexact(b))).toVector();
        Array x = square("solve", p.get(0));
        return luSolve(luFactor(x), p.get(1), 0);
    }

    public static Array inv(Array a) {
        Array x = square("inv", a);
        int n = x.shape().dim(-1);
        return solve(x, NumpyOps.broadcastTo(Creation.eye(n, n, 0, x.dtype()), x.shape()));
    }

    /** {@code solve} with {@code assume_a}: {@code "gen"} (LU) or {@code "pos"} (Cholesky); {@code "sym"}/{@code "her"} take the general path. */
    public static Array solve(Array a, Array b, String assumeA) {
        return switch (assumeA) {
            case "gen", "sym", "her" -> solve(a, b);
            case "pos" -> {
                Vector<Array> p = NumpyOps.promote("solve", Promotion.Kind.ANY, Vector.of(Operands.inexact(a), Operands.inexact(b))).toVector();
                yield choSolve(cholesky(p.get(0), false), true, p.get(1));
            }
            default -> throw new ArgumentError("solve", "assume_a must be \"gen\", \"sym\", \"her\" or \"pos\", got \"" + assumeA + "\"");
        };
    }

    // Determinants -----------------------------------------------------------------------------

    public static SignLogDet slogdet(Array a) {
        LuFactor f = luFactor(square("slogdet", a));
        Array diag = Matrices.diagonal(f.lu(), 0, -2, -1);
        Array sign = Lax.mul(pivotSign(f), Reductions.prod(Lax.sign(diag), false, -1));
        return new SignLogDet(sign, Reductions.sum(Lax.log(Lax.abs(diag)), false, -1));
    }

    public static Array det(Array a) {
        return DETERMINANT.apply(square("det", a));
    }

    /** The determinant with JAX's derivative, {@code trace(adj(a) da)}: defined at matrices of rank n-1 too. */
    private static final UnaryOperator<Array> DETERMINANT = Jax.customJvp(LinalgSolvers::detValue,
            (x, t) -> new Jax.JvpResult<>(detValue(x), Matrices.trace(Cofactors.solve(x, t), 0, -2, -1)));

    /** {@code ±prod(diag(U))}, the sign from the parity of the row swaps. */
    static Array detValue(Array x) {
        LuFactor f = luFactor(x);
        return Lax.mul(pivotSign(f), Reductions.prod(Matrices.diagonal(f.lu(), 0, -2, -1), false, -1));
    }

    /** {@return -1 where the LU's row swaps are odd in number, else 1}, in the factor's dtype */
    static Array pivotSign(LuFactor f) {
        Array swaps = Reductions.sum(Lax.convertElementType(Lax.ne(f.pivots(), iotaLike(f.pivots())), DType.I32), false, -1);
        Array odd = Lax.convertElementType(Lax.and(swaps, Operands.fullLike(swaps, 1)), f.lu().dtype());
        return Lax.sub(Operands.fullLike(odd, 1), Operands.mul(odd, 2));
    }

    // Helpers ----------------------------------------------------------------------------------

    /** A right-hand side made a batch of matrices matching {@code a}'s batch axes; {@link #result} undoes it. */
    record Rhs(Array a, Array b, boolean vector) {
        static Rhs of(String op, Array a, Array b) {
            int n = a.shape().dim(-1);
            boolean vector = b.ndim() == 1;
            Array bm = vector ? Lax.expandDims(b, Vector.of(b.ndim())) : b;
            if (bm.ndim() < 2 || bm.shape().dim(-2) != n) {
                throw new ShapeError(op, "b must be [n] or [..., n, k] for a of shape [..., n, n], got a " + a.aval() + " and b " + b.aval());
            }
            Shape batch = NumpyOps.broadcast(Vector.of(batchOf(a), batchOf(bm))).getOrElseThrow(() -> new ShapeError(op,
                    "the batch axes of a and b must broadcast, got a " + a.aval() + " and b " + b.aval()));
            Array ab = NumpyOps.broadcastTo(a, append(batch, n, n));
            Array bb = NumpyOps.broadcastTo(bm, append(batch, n, bm.shape().dim(-1)));
            return new Rhs(ab, Lax.convertElementType(bb, ab.dtype()), vector);
        }

        Array result(Array x) { return vector ? Lax.squeeze(x, Vector.of(x.ndim() - 1)) : x; }
    }

    private static Shape batchOf(Array x) {
        return Shape.of(Arrays.copyOf(x.shape().toArray(), x.ndim() - 2));
    }

    private static Shape append(Shape s, int... dims) {
        int[] a = Arrays.copyOf(s.toArray(), s.rank() + dims.length);
        System.arraycopy(dims, 0, a, s.rank(), dims.length);
        return Shape.of(a);
    }

    /** {@code out[..., i, :] = x[..., perm[..., i], :]}. */
    static Array rows(Array x, Array perm) {
        if (x.size() == 0) return x;
        int r = x.ndim();
        // One window per row (a whole row), not one per element: the batch axes pair up, the row axis is gathered.
        Array idx = Lax.broadcastInDim(perm, x.shape().without(r - 1), Vector.range(0, r - 1));
        Seq<Integer> batch = Vector.range(0, r - 2);
        var dn = new GatherDimensionNumbers(Vector.of(r - 1), Vector.of(r - 2), Vector.of(r - 2), batch, batch);
        Seq<Integer> window = Vector.fill(r - 1, 1).append(x.shape().dim(r - 1));
        return Lax.gather(x, Lax.expandDims(idx, Vector.of(r - 1)), dn, window, GatherScatterMode.PROMISE_IN_BOUNDS);
    }

    /** The inverse of a permutation along the last axis. */
    static Array inverse(Array perm) {
        Array iota = iotaLike(perm);
        return Lax.sort(Vector.of(perm, iota), perm.ndim() - 1, false, 1).get(1);
    }

    private static Array iotaLike(Array x) {
        return Lax.iota(x.dtype(), x.shape(), x.ndim() - 1);
    }

    /** The first {@code size} entries of {@code axis}. */
    static Array take(Array x, int axis, int size) {
        return Lax.slice(x, Vector.fill(x.ndim(), 0), x.shape().toSeq().update(axis, size), Vector.fill(x.ndim(), 1));
    }

    /** An identity {@code [rows, cols]} broadcast over {@code like}'s batch axes, in its dtype. */
    static Array eyeLike(Array like, int rows, int cols) {
        Shape s = append(batchOf(like), rows, cols);
        return NumpyOps.broadcastTo(Creation.eye(rows, cols, 0, like.dtype()), s);
    }
}
