package dev.jaxj.numpy;

import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.PadConfig;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.Function;

/**
 * Functions of matrices: {@code matrix_power}, {@code multi_dot} (in the cheapest order),
 * {@code expm} (Padé approximants with scaling and squaring, as JAX) and {@code block_diag}.
 */
public final class MatrixFunctions {
    private MatrixFunctions() {}

    /** {@code a^n} by repeated squaring; {@code n < 0} inverts first, {@code n == 0} gives the identity. */
    public static Array matrixPower(Array a, int n) {
        if (a.ndim() < 2 || a.shape().dim(-1) != a.shape().dim(-2)) {
            throw new ShapeError("matrix_power", "needs square matrices [..., n, n], got " + a.aval());
        }
        int size = a.shape().dim(-1);
        if (n == 0) return NumpyOps.broadcastTo(Creation.eye(size, size, 0, a.dtype()), a.shape());
        Array base = n < 0 ? LinalgSolvers.inv(a) : a;
        long k = Math.abs((long) n);
        Array result = null;
        while (k > 0) {
            if ((k & 1) == 1) result = result == null ? base : NumpyOps.matmul(result, base);
            k >>= 1;
            if (k > 0) base = NumpyOps.matmul(base, base);
        }
        return result;
    }

    /**
     * The product of the arrays in the order of fewest multiplications (dynamic programming
     * over the chain, as NumPy's {@code multi_dot}); the first may be 1-d (a row vector), the
     * last 1-d (a column vector), the others 2-d.
     */
    public static Array multiDot(Seq<Array> arrays) {
        int n = arrays.size();
        if (n < 2) throw new ArgumentError("multi_dot", "needs at least two arrays, got " + n);
        Vector<Array> xs = Vector.ofAll(arrays);
        boolean rowFirst = xs.head().ndim() == 1, colLast = xs.last().ndim() == 1;
        if (rowFirst) xs = xs.update(0, Lax.expandDims(xs.head(), Vector.of(0)));
        if (colLast) xs = xs.update(n - 1, Lax.expandDims(xs.last(), Vector.of(1)));
        for (Array x : xs) {
            if (x.ndim() != 2) throw new ShapeError("multi_dot", "needs 2-d arrays (the first and last may be 1-d), got " + x.aval());
        }
        long[] dims = new long[n + 1];
        for (int i = 0; i < n; i++) dims[i] = xs.get(i).shape().dim(0);
        dims[n] = xs.last().shape().dim(1);
        int[][] split = chainOrder(dims);
        Array out = chain(xs, split, 0, n - 1);
        if (rowFirst) out = Lax.squeeze(out, Vector.of(0));
        if (colLast) out = Lax.squeeze(out, Vector.of(out.ndim() - 1));
        return out;
    }

    /** Matrix-chain order: {@code split[i][j]} is where the product of matrices {@code i..j} splits. */
    private static int[][] chainOrder(long[] d) {
        int n = d.length - 1;
        long[][] cost = new long[n][n];
        int[][] split = new int[n][n];
        for (int len = 1; len < n; len++) {
            for (int i = 0; i + len < n; i++) {
                int j = i + len;
                cost[i][j] = Long.MAX_VALUE;
                for (int k = i; k < j; k++) {
                    long c = cost[i][k] + cost[k + 1][j] + d[i] * d[k + 1] * d[j + 1];
                    if (c < cost[i][j]) {
                        cost[i][j] = c;
                        split[i][j] = k;
                    }
                }
            }
        }
        return split;
    }

    private static Array chain(Vector<Array> xs, int[][] split, int i, int j) {
        if (i == j) return xs.get(i);
        int k = split[i][j];
        return Linalg.matmul(chain(xs, split, i, k), chain(xs, split, k + 1, j));
    }

    // expm -------------------------------------------------------------------------------------

    private static final double[] PADE3 = {120., 60., 12., 1.};
    private static final double[] PADE5 = {30240., 15120., 3360., 420., 30., 1.};
    private static final double[] PADE7 = {17297280., 8648640., 1995840., 277200., 25200., 1512., 56., 1.};
    private static final double[] PADE9 = {17643225600., 8821612800., 2075673600., 302702400., 30270240., 2162160., 110880., 3960., 90., 1.};
    private static final double[] PADE13 = {64764752532480000., 32382376266240000., 7771770303897600., 1187353796428800.,
            129060195264000., 10559470521600., 670442572800., 33522128640., 1323241920., 40840800., 960960., 16380., 182., 1.};
    private static final int MAX_SQUARINGS = 16;

    /**
     * The matrix exponential of {@code a [n, n]}, as {@code jax.scipy.linalg.expm}: the 1-norm
     * picks the Padé degree (3 to 13 in f64, 3 to 7 in f32) after scaling by {@code 2^-s}, and
     * {@code s} squarings undo the scaling; NaN when more than 16 squarings would be needed.
     */
    public static Array expm(Array a) {
        if (a.ndim() != 2 || a.shape().dim(0) != a.shape().dim(1)) throw new ShapeError("expm", "needs a square matrix [n, n], got " + a.aval());
        Array x = Operands.inexact(a);
        boolean f64 = x.dtype() == DType.F64;
        Array l1 = Reductions.max(Reductions.sum(Lax.abs(x), false, 0), false, 0);
        double maxNorm = f64 ? 5.371920351148152 : 3.925724783138660;
        Array s = Lax.max(Operands.fullLike(l1, 0), Lax.floor(Elementwise.log2(Operands.mul(l1, 1 / maxNorm))));
        Array scaled = Lax.div(x, NumpyOps.broadcastTo(Lax.exp2(s), x.shape()));
        double[] conds = f64 ? new double[] {1.495585217958292e-2, 2.539398330063230e-1, 9.504178996162932e-1, 2.097847961257068e0}
                : new double[] {4.258730016922831e-1, 1.880152677804762e0};
        Array idx = Operands.fullLike(Lax.convertElementType(l1, DType.I32), 0);
        for (double c : conds) idx = Lax.add(idx, Lax.convertElementType(Lax.ge(l1, Operands.fullLike(l1, c)), DType.I32));
        Seq<Function<Array, Seq<Array>>> branches = f64
                ? Vector.of(m -> pade(m, PADE3), m -> pade(m, PADE5), m -> pade(m, PADE7), m -> pade(m, PADE9), MatrixFunctions::pade13)
                : Vector.of(m -> pade(m, PADE3), m -> pade(m, PADE5), m -> pade(m, PADE7));
        Seq<Array> uv = Lax.switchCase(idx, branches, scaled);
        Array p = Lax.add(uv.get(0), uv.get(1)), q = Lax.sub(uv.get(1), uv.get(0));
        Array r = LinalgSolvers.solve(q, p);
        Array squarings = Lax.convertElementType(s, DType.I32);
        r = Lax.foriLoop(0, MAX_SQUARINGS, (i, acc) -> Lax.select(NumpyOps.broadcastTo(Lax.lt(i, squarings), acc.shape()),
                Linalg.matmul(acc, acc), acc), r);
        Array tooMany = Lax.gt(squarings, Operands.fullLike(squarings, MAX_SQUARINGS));
        return Lax.select(NumpyOps.broadcastTo(tooMany, r.shape()), Operands.fullLike(r, Double.NaN), r);
    }

    /** {@return U and V} of the Padé approximant of degree 3, 5, 7 or 9: {@code U = A Σ b_odd A^2k}, {@code V = Σ b_even A^2k}. */
    private static Seq<Array> pade(Array a, double[] b) {
        Array a2 = Linalg.matmul(a, a), power = eye(a);
        Array u = Operands.fullLike(a, 0), v = Operands.fullLike(a, 0);
        for (int k = 0; 2 * k + 1 < b.length; k++) {
            u = Lax.add(u, Operands.mul(power, b[2 * k + 1]));
            v = Lax.add(v, Operands.mul(power, b[2 * k]));
            power = Linalg.matmul(power, a2);
        }
        return Vector.of(Linalg.matmul(a, u), v);
    }

    /** Degree 13, evaluated with three products of powers up to {@code A^6}, as in Higham (2005). */
    private static Seq<Array> pade13(Array a) {
        double[] b = PADE13;
        Array id = eye(a), a2 = Linalg.matmul(a, a), a4 = Linalg.matmul(a2, a2), a6 = Linalg.matmul(a4, a2);
        Array u = Linalg.matmul(a, Lax.add(Linalg.matmul(a6, sum(b[13], a6, b[11], a4, b[9], a2)), sum4(b[7], a6, b[5], a4, b[3], a2, b[1], id)));
        Array v = Lax.add(Linalg.matmul(a6, sum(b[12], a6, b[10], a4, b[8], a2)), sum4(b[6], a6, b[4], a4, b[2], a2, b[0], id));
        return Vector.of(u, v);
    }

    private static Array sum(double c1, Array x1, double c2, Array x2, double c3, Array x3) {
        return Lax.add(Lax.add(Operands.mul(x1, c1), Operands.mul(x2, c2)), Operands.mul(x3, c3));
    }

    private static Array sum4(double c1, Array x1, double c2, Array x2, double c3, Array x3, double c4, Array x4) {
        return Lax.add(sum(c1, x1, c2, x2, c3, x3), Operands.mul(x4, c4));
    }

    private static Array eye(Array a) {
        return Creation.eye(a.shape().dim(0), a.shape().dim(1), 0, a.dtype());
    }

    // block_diag -------------------------------------------------------------------------------

    /** The block-diagonal matrix of the given arrays (scalars and 1-d arrays count as {@code [1, n]} rows), promoted to one dtype. */
    public static Array blockDiag(Seq<Array> arrays) {
        if (arrays.isEmpty()) return Creation.full(dev.jaxj.ir.Shape.of(1, 0), 0.0, DType.F32);
        Seq<Array> ms = NumpyOps.promote("block_diag", dev.jaxj.array.Promotion.Kind.ANY, arrays).map(x -> switch (x.ndim()) {
            case 0 -> Lax.reshape(x, dev.jaxj.ir.Shape.of(1, 1));
            case 1 -> Lax.reshape(x, dev.jaxj.ir.Shape.of(1, x.size()));
            case 2 -> x;
            default -> throw new ShapeError("block_diag", "needs arrays of rank <= 2, got " + x.aval());
        });
        int cols = ms.map(x -> x.shape().dim(1)).sum().intValue();
        int before = 0;
        Vector<Array> rows = Vector.empty();
        for (Array x : ms) {
            int w = x.shape().dim(1);
            int b = before;
            rows = rows.append(Lax.pad(x, Array.scalar(0, x.dtype()), Vector.of(new PadConfig(0, 0, 0), new PadConfig(b, cols - b - w, 0))));
            before += w;
        }
        return Lax.concatenate(rows, 0);
    }
}
