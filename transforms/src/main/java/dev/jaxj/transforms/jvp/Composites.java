package dev.jaxj.transforms.jvp;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.transforms.jvp.JvpRules.Result;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

import static dev.jaxj.transforms.jvp.Tangents.like;
import static dev.jaxj.transforms.jvp.Tangents.zerosLike;

/**
 * JVP rules that are easiest to state as the derivative of an equivalent composite: scans as
 * associative scans, products as product trees, windowed max as a max over window patches.
 * Differentiating the composite with {@link Jvp#jvp} gives exact derivatives (also at zeros
 * and ties) and keeps them linear in the tangents, so reverse mode works unchanged.
 */
public final class Composites {
    private Composites() {}

    /** 1, 0.5 or 0 where {@code x} is the unique, a tied or not the result {@code z} of max/min(x, y). */
    static Array balancedEq(Array x, Array z, Array y) {
        Array one = like(x, 1), half = like(x, 0.5), zero = like(x, 0);
        return Lax.select(Lax.eq(x, z), Lax.select(Lax.eq(y, z), half, one), zero);
    }

    static Result powJvp(Array x, Array y, Array tx, Array ty) {
        Array out = Lax.pow(x, y);
        return Result.of(out, Lax.add(Lax.mul(tx, powByBase(x, y)), Lax.mul(ty, powByExponent(x, out))));
    }

    /** {@return d x^y / dx} = y x^(y-1), and 0 where y = 0 */
    static Array powByBase(Array x, Array y) {
        return Lax.select(Lax.eq(y, like(y, 0)), zerosLike(x), Lax.mul(y, Lax.pow(x, Lax.sub(y, like(y, 1)))));
    }

    /**
     * {@return d x^y / dy} = log(x) x^y, given {@code out} = x^y. NaN for a negative base, as in
     * JAX; a caller whose exponent is constant leaves this term out (see {@link SparseJvp}).
     */
    static Array powByExponent(Array x, Array out) {
        // log(0) would poison the y-derivative where x = 0; there the term is 0 * out anyway.
        Array safeX = Lax.select(Lax.eq(x, like(x, 0)), like(x, 1), x);
        return Lax.mul(Lax.log(safeX), out);
    }

    static Result clampJvp(Array lo, Array x, Array hi, Array tlo, Array tx, Array thi) {
        Array out = Lax.clamp(lo, x, hi);
        Array loB = full(lo, x), hiB = full(hi, x);
        Array zero = zerosLike(x);
        Array fromLo = Lax.select(Lax.and(Lax.gt(loB, x), Lax.lt(loB, hiB)), full(tlo, x), zero);
        Array fromX = Lax.select(Lax.and(Lax.gt(x, loB), Lax.lt(x, hiB)), tx, zero);
        Array fromHi = Lax.select(Lax.lt(hiB, x), full(thi, x), zero);
        return Result.of(out, Lax.add(Lax.add(fromLo, fromX), fromHi));
    }

    private static Array full(Array bound, Array like) {
        return bound.ndim() == 0 && like.ndim() > 0 ? Lax.broadcastInDim(bound, like.shape(), Vector.empty()) : bound;
    }

    static Result reduceChooserJvp(Primitive p, Array x, Array t, Seq<Integer> axes) {
        Array out = Bind.bind1(p, x);
        Seq<Integer> kept = Vector.range(0, x.ndim()).filter(i -> !axes.contains(i));
        Array location = Lax.convertElementType(Lax.eq(x, Lax.broadcastInDim(out, x.shape(), kept)), x.dtype());
        Array counts = Lax.reduceSum(location, axes);
        return Result.of(out, Lax.div(Lax.reduceSum(Lax.mul(t, location), axes), counts));
    }

    /** The product over {@code axes} as a balanced tree of multiplications, differentiated exactly. */
    static Result reduceProdJvp(Array x, Array t, Seq<Integer> axes) {
        Seq<Integer> kept = Vector.range(0, x.ndim()).filter(i -> !axes.contains(i));
        Shape keptShape = Shape.of(kept.map(x.shape()::dim));
        int n = axes.map(x.shape()::dim).fold(1, (a, b) -> a * b);
        Shape flat = keptShape.insert(keptShape.rank(), n);
        UnaryOperator<Array> toRows = v -> Lax.reshape(Lax.transpose(v, kept.appendAll(axes)), flat);
        return Jvp.jvp1(v -> productTree(v, keptShape), toRows.apply(x), toRows.apply(t));
    }

    private static Array productTree(Array v, Shape keptShape) {
        int axis = v.ndim() - 1;
        int n = v.shape().dim(axis);
        if (n == 0) return Tangents.full(keptShape, v.dtype(), 1);
        while (n > 1) {
            int half = n / 2;
            Array pairs = Lax.mul(sliceLast(v, 0, half), sliceLast(v, half, 2 * half));
            v = n % 2 == 0 ? pairs : Lax.concatenate(Vector.of(pairs, sliceLast(v, 2 * half, n)), axis);
            n = half + n % 2;
        }
        return Lax.reshape(v, keptShape);
    }

    private static Array sliceLast(Array v, int lo, int hi) {
        return slice(v, v.ndim() - 1, lo, hi);
    }

    private static Array slice(Array v, int axis, int lo, int hi) {
        Vector<Integer> start = Vector.fill(v.ndim(), 0).update(axis, lo);
        Vector<Integer> limit = Vector.ofAll(v.shape().toSeq()).update(axis, hi);
        return Lax.slice(v, start, limit, Vector.fill(v.ndim(), 1));
    }

    /** Inclusive scans (cumprod, cummax, cummin) differentiated through an associative scan. */
    static Result scanJvp(BinaryOperator<Array> op, int axis, boolean reverse, Array x, Array t) {
        return Jvp.jvp1(v -> associativeScan(op, v, axis, reverse), x, t);
    }

    /** Hillis–Steele inclusive scan: log2(n) rounds of {@code v[i] = op(v[i], v[i - offset])}. */
    static Array associativeScan(BinaryOperator<Array> op, Array v, int axis, boolean reverse) {
        if (reverse) return Lax.rev(associativeScan(op, Lax.rev(v, Vector.of(axis)), axis, false), Vector.of(axis));
        int n = v.shape().dim(axis);
        for (int offset = 1; offset < n; offset *= 2) {
            Array head = slice(v, axis, 0, offset);
            Array tail = op.apply(slice(v, axis, offset, n), slice(v, axis, 0, n - offset));
            v = Lax.concatenate(Vector.of(head, tail), axis);
        }
        return v;
    }

    /** Windowed max/min as the max/min over the window's patches (strided slices of the padded input). */
    static Result windowChooserJvp(WindowConfig w, boolean isMax, Array x, Array t) {
        double identity = isMax ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        return Jvp.jvp1(v -> {
            Array patches = patches(v, w, identity);
            Seq<Integer> first = Vector.of(0);
            return isMax ? Lax.reduceMax(patches, first) : Lax.reduceMin(patches, first);
        }, x, t);
    }

    /** {@return the window's elements stacked on a new leading axis: {@code [window size, out…]}} (also lax.reduce_window's general path) */
    public static Array patches(Array v, WindowConfig w, double padValue) {
        int rank = v.ndim();
        Array padded = Lax.pad(v, Array.scalar(padValue, v.dtype()), Vector.range(0, rank).map(d ->
                new PadConfig(w.padding().get(d).lo(), w.padding().get(d).hi(), w.baseDilation().get(d) - 1)));
        Shape out = new ReduceWindowMax(w).abstractEval(Vector.of(v.aval())).head().shape();
        int[] dims = w.windowDimensions().toJavaStream().mapToInt(Integer::intValue).toArray();
        int count = Shape.of(dims).size();
        Vector<Array> slices = Vector.empty();
        for (int flat = 0; flat < count; flat++) {
            int[] k = unravel(flat, dims);
            Vector<Integer> start = Vector.range(0, rank).map(d -> out.dim(d) == 0 ? 0 : k[d] * w.windowDilation().get(d));
            Vector<Integer> limit = Vector.range(0, rank).map(d -> out.dim(d) == 0 ? start.get(d)
                    : start.get(d) + (out.dim(d) - 1) * w.windowStrides().get(d) + 1);
            Array s = Lax.slice(padded, start, limit, w.windowStrides());
            slices = slices.append(Lax.expandDims(s, Vector.of(0)));
        }
        return Lax.concatenate(slices, 0);
    }

    private static int[] unravel(int flat, int[] dims) {
        int[] k = new int[dims.length];
        for (int d = dims.length - 1; d >= 0; d--) {
            k[d] = flat % dims[d];
            flat /= dims[d];
        }
        return k;
    }

    /** Sorts an iota along with the operands to learn the permutation, then permutes the tangents by it. */
    static Result sortJvp(Sort s, Seq<Array> x, Seq<Array> t) {
        Array iota = Lax.iota(DType.I32, x.head().shape(), s.dimension());
        Seq<Array> sorted = Lax.sort(x.append(iota), s.dimension(), s.isStable(), s.numKeys());
        Array perm = sorted.last();
        return new Result(sorted.init(), x.head().size() == 0 ? t : t.map(ti -> takeAlongAxis(ti, perm, s.dimension())));
    }

    /** {@code out[..., i, ...] = x[..., idx[..., i, ...], ...]} along {@code axis}, via a batched gather. */
    static Array takeAlongAxis(Array x, Array idx, int axis) {
        Seq<Integer> batch = Vector.range(0, x.ndim()).filter(d -> d != axis);
        var dn = new GatherDimensionNumbers(Vector.empty(), Vector.of(axis), Vector.of(axis), batch, batch);
        Array indices = Lax.expandDims(idx, Vector.of(idx.ndim()));
        return Lax.gather(x, indices, dn, Vector.fill(x.ndim(), 1), GatherScatterMode.PROMISE_IN_BOUNDS);
    }

    /** {@code d scatter_mul}: exact when the scattered indices are unique (as JAX requires). */
    static Result scatterMulJvp(ScatterMul s, Seq<Array> x, Seq<Array> t) {
        Array op = x.get(0), idx = x.get(1), upd = x.get(2);
        Array out = Bind.bind1(s, op, idx, upd);
        Array viaOperand = Bind.bind1(s, t.get(0), idx, upd);
        Array placed = Bind.bind1(new Scatter(s.dimensionNumbers(), s.mode()), zerosLike(op), idx, t.get(2));
        return Result.of(out, Lax.add(viaOperand, Lax.mul(op, placed)));
    }

    /** {@code d scatter_min/max}: the tangent of whichever of operand and update won. */
    static Result scatterChooserJvp(ScatterFamily s, Seq<Array> x, Seq<Array> t) {
        Array out = Bind.bind(s, x).head();
        Array fromUpdates = Bind.bind1(new Scatter(s.dimensionNumbers(), s.mode()), t.get(0), x.get(1), t.get(2));
        return Result.of(out, Lax.select(Lax.eq(out, x.get(0)), t.get(0), fromUpdates));
    }

    /**
     * The trigamma function ψ₁, the derivative of digamma: reflection below 1/2, six steps of the
     * recurrence ψ₁(x) = ψ₁(x+1) + 1/x², then the asymptotic series (error below 1e-10 for z ≥ 6).
     */
    static Array trigamma(Array x) {
        Array half = like(x, 0.5);
        Array reflect = Lax.lt(x, half);
        Array z = Lax.select(reflect, Lax.sub(like(x, 1), x), x);
        Array acc = zerosLike(x);
        for (int k = 0; k < 6; k++) {
            acc = Lax.add(acc, Lax.integerPow(z, -2));
            z = Lax.add(z, like(x, 1));
        }
        Array inv = Lax.div(like(x, 1), z);
        Array inv2 = Lax.mul(inv, inv);
        double[] c = {1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66};
        Array series = like(x, c[c.length - 1]);
        for (int k = c.length - 2; k >= 0; k--) series = Lax.add(like(x, c[k]), Lax.mul(inv2, series));
        // 1/z + 1/(2z^2) + (1/z^3)(1/6 - 1/(30 z^2) + …)
        Array tail = Lax.add(Lax.add(inv, Lax.mul(half, inv2)), Lax.mul(Lax.mul(inv, inv2), series));
        Array value = Lax.add(acc, tail);
        Array sinPi = Lax.sin(Lax.mul(like(x, Math.PI), x));
        Array reflected = Lax.sub(Lax.div(like(x, Math.PI * Math.PI), Lax.mul(sinPi, sinPi)), value);
        return Lax.select(reflect, reflected, value);
    }
}
