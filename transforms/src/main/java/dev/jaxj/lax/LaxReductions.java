package dev.jaxj.lax;

import dev.jaxj.array.Array;
import dev.jaxj.array.Tracer;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.PadConfig;
import dev.jaxj.ir.Primitive.Padding;
import dev.jaxj.ir.Primitive.WindowConfig;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.transforms.control.Programs;
import dev.jaxj.transforms.jvp.Composites;
import dev.jaxj.tree.Tree;
import dev.jaxj.tree.TreeDef;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.function.BiFunction;
import java.util.function.BinaryOperator;

/**
 * {@code lax.reduce} and {@code lax.reduce_window} with a user monoid, {@code reduce_xor}, {@code cumlogsumexp} and
 * {@code associative_scan}, all composed from existing primitives so that they differentiate,
 * batch and compile through those primitives' rules.
 */
final class LaxReductions {
    private LaxReductions() {}

    /** The monoids that have a reduction primitive, with their identities. */
    private enum Monoid {
        ADD, MUL, MAX, MIN, AND, OR;

        static Option<Monoid> of(Primitive p) {
            return switch (p) {
                case Primitive.Add _ -> Option.some(ADD);
                case Primitive.Mul _ -> Option.some(MUL);
                case Primitive.Max _ -> Option.some(MAX);
                case Primitive.Min _ -> Option.some(MIN);
                case Primitive.And _ -> Option.some(AND);
                case Primitive.Or _ -> Option.some(OR);
                default -> Option.none();
            };
        }

        Array reduce(Array x, Seq<Integer> axes) {
            return switch (this) {
                case ADD -> Lax.reduceSum(x, axes);
                case MUL -> Lax.reduceProd(x, axes);
                case MAX -> Lax.reduceMax(x, axes);
                case MIN -> Lax.reduceMin(x, axes);
                case AND -> Lax.reduceAnd(x, axes);
                case OR -> Lax.reduceOr(x, axes);
            };
        }

        /**
         * {@return whether the concrete scalar {@code init} is this monoid's identity in its dtype}:
         * integers compared exactly as 64-bit patterns (a double would take {@code i64} {@code MIN + 1}
         * for {@code MIN}), complex numbers with a zero imaginary part only
         */
        boolean isIdentity(Array init) {
            DType t = init.dtype();
            if (t.isBool()) {
                boolean v = init.booleanValue();
                return this == AND ? v : this == OR && !v;
            }
            if (t.isInteger()) {
                long v = init.longValue(), low = t.kind() == DType.Kind.UNSIGNED ? 0 : -1L << (t.bits() - 1);
                long high = t.kind() == DType.Kind.UNSIGNED ? (t.bits() == 64 ? -1L : (1L << t.bits()) - 1) : ~low;
                return switch (this) {
                    case ADD, OR -> v == 0;
                    case MUL -> v == 1;
                    case MAX -> v == low;
                    case MIN -> v == high;
                    case AND -> v == (t.kind() == DType.Kind.UNSIGNED ? high : -1);
                };
            }
            if (t.isComplex() && init.toComplexArray()[1] != 0) return false;
            double v = init.doubleValue();
            return switch (this) {
                case ADD -> v == 0;
                case MUL -> v == 1;
                case MAX -> v == Double.NEGATIVE_INFINITY;
                case MIN -> v == Double.POSITIVE_INFINITY;
                case AND, OR -> false;
            };
        }
    }

    static Array reduce(Array x, Array init, BinaryOperator<Array> f, Seq<Integer> dims) {
        String op = "reduce";
        if (init.ndim() != 0 || init.dtype() != x.dtype()) {
            throw new ShapeError(op, "the init value must be a scalar of the operand's dtype, got operand " + x.aval() + " and init " + init.aval());
        }
        Vector<Integer> axes = axes(op, x, dims);
        Option<Monoid> m = monoid(f, x.aval());
        if (m.isDefined()) {
            Array r = m.get().reduce(x, axes);
            return isIdentity(m.get(), init) ? r : f.apply(Lax.broadcastInDim(init, r.shape(), Vector.empty()), r);
        }
        return reduce(Vector.of(x), Vector.of(init), (a, b) -> Vector.of(f.apply(a.head(), b.head())), axes).head();
    }

    /**
     * The general reduction: a balanced tree of {@code f} over adjacent pairs (so that only
     * associativity is assumed), then {@code f(init, result)}.
     */
    static Seq<Array> reduce(Seq<Array> xs, Seq<Array> inits, BiFunction<Seq<Array>, Seq<Array>, Seq<Array>> f, Seq<Integer> dims) {
        String op = "reduce";
        if (xs.isEmpty() || xs.size() != inits.size()) {
            throw new ArgumentError(op, "needs as many init values as operands (at least one), got " + xs.size() + " operands and " + inits.size() + " inits");
        }
        Array first = xs.head();
        for (int i = 0; i < xs.size(); i++) {
            Array x = xs.get(i), init = inits.get(i);
            if (!x.shape().equals(first.shape()) || init.ndim() != 0 || init.dtype() != x.dtype()) {
                throw new ShapeError(op, "operands must share one shape and each init must be a scalar of its operand's dtype, got operands "
                        + NumpyOps.avals(xs) + " and inits " + NumpyOps.avals(inits));
            }
        }
        Vector<Integer> axes = axes(op, first, dims);
        Vector<Integer> kept = Vector.range(0, first.ndim()).removeAll(axes);
        Shape keptShape = Shape.of(kept.map(d -> first.shape().dim(d)));
        int n = axes.map(d -> first.shape().dim(d)).fold(1, (a, b) -> a * b);
        Seq<Array> broadInits = inits.map(i -> Lax.broadcastInDim(i, keptShape, Vector.empty()));
        if (n == 0) return broadInits;
        Shape flat = Shape.of(kept.map(d -> first.shape().dim(d)).append(n));
        Seq<Array> v = xs.map(x -> Lax.reshape(Lax.transpose(x, kept.appendAll(axes)), flat));
        int last = flat.rank() - 1;
        while (n > 1) {
            int pairs = n / 2;
            Seq<Array> evens = v.map(a -> strided(a, last, 0, 2 * pairs));
            Seq<Array> odds = v.map(a -> strided(a, last, 1, 2 * pairs));
            Seq<Array> combined = f.apply(evens, odds);
            if (n % 2 == 1) {
                int m = n;
                combined = combined.zipWith(v, (c, a) -> Lax.concatenate(Vector.of(c, LaxShaping.sliceInDim(a, m - 1, m, 1, last)), last));
            }
            v = combined;
            n = pairs + n % 2;
        }
        Seq<Array> r = v.map(a -> Lax.reshape(a, keptShape));
        return f.apply(broadInits, r);
    }

    /**
     * {@code lax.reduce_window}: windows of add/max/min with their identity as init bind the
     * window primitives; any other computation (or init) folds each window's elements, padding
     * and base dilation filled with the init, as a tree over the window's patches, then
     * {@code f(init, ·)}.
     */
    static Array reduceWindow(Array x, Array init, BinaryOperator<Array> f, WindowConfig w) {
        checkWindow(x, init, w.windowDimensions());
        Option<Monoid> m = monoid(f, x.aval());
        if (m.isDefined() && isIdentity(m.get(), init)) {
            switch (m.get()) {
                case ADD -> { return Lax.reduceWindowSum(x, w); }
                case MAX -> { return Lax.reduceWindowMax(x, w); }
                case MIN -> { return Lax.reduceWindowMin(x, w); }
                case MUL, AND, OR -> { }
            }
        }
        Seq<PadConfig> pads = Vector.range(0, x.ndim()).map(d ->
                new PadConfig(w.padding().get(d).lo(), w.padding().get(d).hi(), w.baseDilation().get(d) - 1));
        Array padded = Lax.pad(x, init, pads);
        WindowConfig inner = new WindowConfig(w.windowDimensions(), w.windowStrides(), Vector.fill(x.ndim(), new Padding(0, 0)),
                Vector.fill(x.ndim(), 1), w.windowDilation());
        Array patches = Composites.patches(padded, inner, 0);
        return reduce(Vector.of(patches), Vector.of(init), (a, b) -> Vector.of(f.apply(a.head(), b.head())), Vector.of(0)).head();
    }

    static void checkWindow(Array x, Array init, Seq<Integer> windowDimensions) {
        if (init.ndim() != 0 || init.dtype() != x.dtype() || windowDimensions.size() != x.ndim()) {
            throw new ShapeError("reduce_window", "needs an init scalar of the operand's dtype and a window of the operand's rank, got operand "
                    + x.aval() + ", init " + init.aval() + " and a window of rank " + windowDimensions.size());
        }
    }

    static Array reduceXor(Array x, Seq<Integer> dims) {
        if (x.dtype().isFloating()) throw new ArgumentError("reduce_xor", "needs an integer or bool operand, got " + x.aval());
        Vector<Integer> axes = axes("reduce_xor", x, dims);
        if (axes.isEmpty()) return x;
        Array zero = Lax.convertElementType(Array.scalar(0L), x.dtype());
        return reduce(Vector.of(x), Vector.of(zero), (a, b) -> Vector.of(Lax.xor(a.head(), b.head())), axes).head();
    }

    /** {@code log(cumsum(exp(x)))} along {@code axis}, stable: an associative scan of {@code logaddexp}. */
    static Array cumlogsumexp(Array x, int axis, boolean reverse) {
        if (!x.dtype().isFloating()) throw new ArgumentError("cumlogsumexp", "needs a floating operand, got " + x.aval());
        int a = NumpyOps.normalizeAxis("cumlogsumexp", axis, x.ndim());
        return associativeScan(LaxReductions::logaddexp, x, reverse, a);
    }

    /** {@code log(exp(a) + exp(b))}: the larger plus {@code log1p(exp(-|a - b|))}, with equal infinities kept. */
    private static Array logaddexp(Array a, Array b) {
        Array hi = Lax.max(a, b);
        Array d = Lax.sub(a, b);
        Array tail = Lax.log1p(Lax.exp(Lax.neg(Lax.abs(d))));
        // a - b is NaN when both are the same infinity; the sum is then that infinity.
        return Lax.select(Lax.ne(d, d), Lax.add(a, b), Lax.add(hi, tail));
    }

    /**
     * Inclusive scan of an associative {@code fn} over the leaves of {@code elems} along
     * {@code axis}, by JAX's odd/even recursion ({@code O(n)} applications of {@code fn} on
     * whole slices, {@code O(log n)} depth). {@code fn(a, b)} gets the earlier elements as
     * {@code a}; with {@code reverse}, "earlier" counts from the end.
     */
    static <T> T associativeScan(BinaryOperator<T> fn, T elems, boolean reverse, int axis) {
        String op = "associative_scan";
        Tree.Flattened flat = Tree.flatten(elems);
        TreeDef def = flat.treeDef();
        Seq<Array> leaves = flat.leaves().map(l -> {
            if (!(l instanceof Array a)) throw new ArgumentError(op, "elements must be a pytree of arrays, got " + l.getClass().getSimpleName());
            return a;
        });
        if (leaves.isEmpty()) throw new ArgumentError(op, "needs at least one array");
        Array first = leaves.head();
        int a = NumpyOps.normalizeAxis(op, axis, first.ndim());
        int n = first.shape().dim(a);
        for (Array l : leaves) {
            if (l.ndim() <= a || l.shape().dim(a) != n) {
                throw new ShapeError(op, "every array needs axis " + a + " of one length, got " + NumpyOps.avals(leaves));
            }
        }
        BinaryOperator<Seq<Array>> combine = (x, y) -> {
            @SuppressWarnings("unchecked")
            T r = fn.apply((T) Tree.unflatten(def, x), (T) Tree.unflatten(def, y));
            Seq<Object> out = Tree.flatten(r).leaves();
            if (out.size() != x.size()) throw new ArgumentError(op, "fn must return the structure of its inputs " + def + ", got " + Tree.structure(r));
            return out.map(o -> (Array) o);
        };
        Seq<Array> in = reverse ? leaves.map(l -> Lax.rev(l, Vector.of(a))) : leaves;
        Seq<Array> out = scan(combine, in, a);
        if (reverse) out = out.map(l -> Lax.rev(l, Vector.of(a)));
        @SuppressWarnings("unchecked")
        T result = (T) Tree.unflatten(def, out);
        return result;
    }

    private static Seq<Array> scan(BinaryOperator<Seq<Array>> fn, Seq<Array> xs, int axis) {
        int n = xs.head().shape().dim(axis);
        if (n < 2) return xs;
        // Pairs (x0, x1), (x2, x3), … reduced, scanned recursively: the prefixes at odd positions.
        Seq<Array> odd = scan(fn, fn.apply(xs.map(x -> strided(x, axis, 0, n - 1)), xs.map(x -> strided(x, axis, 1, n))), axis);
        // Even positions after the first: an odd prefix combined with the next element.
        Seq<Array> rest = n % 2 == 0
                ? fn.apply(odd.map(o -> LaxShaping.sliceInDim(o, 0, o.shape().dim(axis) - 1, 1, axis)), xs.map(x -> strided(x, axis, 2, n)))
                : fn.apply(odd, xs.map(x -> strided(x, axis, 2, n)));
        Seq<Array> even = rest.zipWith(xs, (r, x) -> Lax.concatenate(Vector.of(LaxShaping.sliceInDim(x, 0, 1, 1, axis), r), axis));
        return even.zipWith(odd, (e, o) -> interleave(e, o, axis, n));
    }

    /** {@code e0, o0, e1, o1, …} along {@code axis}, cut to {@code n}. */
    private static Array interleave(Array even, Array odd, int axis, int n) {
        int ne = even.shape().dim(axis);
        Array o = odd.shape().dim(axis) < ne ? Lax.concatenate(Vector.of(odd, LaxShaping.sliceInDim(even, ne - 1, ne, 1, axis)), axis) : odd;
        Array stacked = Lax.concatenate(Vector.of(Lax.expandDims(even, Vector.of(axis + 1)), Lax.expandDims(o, Vector.of(axis + 1))), axis + 1);
        Vector<Integer> dims = stacked.shape().toSeq();
        Shape merged = Shape.of(dims.slice(0, axis).append(2 * ne).appendAll(dims.slice(axis + 2, dims.size())));
        return LaxShaping.sliceInDim(Lax.reshape(stacked, merged), 0, n, 1, axis);
    }

    /** Every second element of {@code [lo, hi)} along {@code axis}. */
    private static Array strided(Array x, int axis, int lo, int hi) {
        return LaxShaping.sliceInDim(x, lo, Math.max(lo, hi), 2, axis);
    }

    private static Vector<Integer> axes(String op, Array x, Seq<Integer> dims) {
        Vector<Integer> axes = Vector.ofAll(dims).map(d -> NumpyOps.normalizeAxis(op, d, x.ndim()));
        if (axes.distinct().size() != axes.size()) throw new ArgumentError(op, "repeated dimension in " + dims.mkString("(", ", ", ")"));
        return axes.sorted();
    }

    /**
     * {@return the primitive monoid that {@code f} is}, found as JAX does: {@code f} traced on two
     * scalars must be exactly one add/mul/max/min/and/or of its two arguments.
     */
    private static Option<Monoid> monoid(BinaryOperator<Array> f, ShapedArray aval) {
        ShapedArray s = new ShapedArray(Shape.SCALAR, aval.dtype(), false);
        Jaxpr j;
        try {
            j = Programs.trace(in -> Vector.of(f.apply(in.get(0), in.get(1))), Vector.of(s, s)).jaxpr();
        } catch (RuntimeException e) {
            return Option.none();
        }
        if (j.eqns().size() != 1 || !j.constVars().isEmpty() || j.outs().size() != 1) return Option.none();
        Eqn e = j.eqns().head();
        boolean onArgs = e.in().size() == 2 && e.in().toSet().equals(j.inVars().toSet()) && e.out().equals(j.outs());
        return onArgs ? Monoid.of(e.prim()) : Option.none();
    }

    private static boolean isIdentity(Monoid m, Array init) {
        if (init instanceof Tracer) return false;
        return m.isIdentity(init);
    }
}
