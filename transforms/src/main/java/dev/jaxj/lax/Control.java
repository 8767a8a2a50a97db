package dev.jaxj.lax;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ControlFlowTypeError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.errors.TreeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.Cond;
import dev.jaxj.ir.CheckpointPolicy;
import dev.jaxj.ir.Primitive.Remat;
import dev.jaxj.ir.Primitive.Scan;
import dev.jaxj.ir.Primitive.While;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.transforms.control.Programs;
import dev.jaxj.tree.KeyPath;
import dev.jaxj.tree.Tree;
import dev.jaxj.tree.TreeDef;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The pytree front end of the control-flow primitives (see {@link Lax#scan}, {@link Lax#cond},
 * {@link Lax#whileLoop}): flattens operands, traces each Java lambda once to a closed program
 * (what it captures becomes operands), unifies weak types of carries and branch results, and
 * checks that a carry keeps its structure and avals and that branches agree.
 */
final class Control {
    private Control() {}

    /** A pytree of arrays taken apart, with the key path of each leaf. */
    private record Flat(Seq<Array> leaves, TreeDef def, Seq<KeyPath> paths) {
        Seq<ShapedArray> avals() { return leaves.map(Array::aval); }
    }

    private static Flat flat(String op, String what, Object tree) {
        if (tree == null) return new Flat(Vector.empty(), Tree.structure(Vector.empty()), Vector.empty());
        Seq<Tree.PathLeaf> leaves = Tree.flattenWithPath(tree);
        Seq<Array> arrays = leaves.map(l -> asArray(op, what, l));
        return new Flat(arrays, Tree.structure(tree), leaves.map(Tree.PathLeaf::path));
    }

    /** Java numbers and booleans in a pytree are weakly typed scalars, as Python scalars are in JAX. */
    private static Array asArray(String op, String what, Tree.PathLeaf l) {
        return switch (l.leaf()) {
            case Array a -> a;
            case Double d -> Array.scalar(d);
            case Float f -> Array.scalar(f.doubleValue());
            case Integer i -> Array.scalar(i.longValue());
            case Long n -> Array.scalar(n);
            case Boolean b -> Array.scalar(b);
            default -> throw new TreeError(op, what + " must be a pytree of arrays, got " + l.leaf().getClass().getSimpleName()
                    + " at " + where(l.path()));
        };
    }

    private static String where(KeyPath p) {
        return p.isRoot() ? "the root" : p.toString();
    }

    /** A traced program with the structure of its output pytree. */
    private record Traced(Programs.Closed program, TreeDef outDef, Seq<KeyPath> outPaths, Seq<ShapedArray> outAvals) {}

    private static Traced trace(String op, String what, Function<Seq<Array>, Object> f, Seq<ShapedArray> inAvals,
                                Function<Seq<Array>, Seq<Array>> fit) {
        Flat[] out = new Flat[1];
        Programs.Closed c = Programs.trace(in -> {
            out[0] = flat(op, what, f.apply(in));
            return fit.apply(out[0].leaves());
        }, inAvals);
        return new Traced(c, out[0].def(), out[0].paths(), c.jaxpr().outAvals());
    }

    /** {@return {@code leaves} converted where only the weak type differs from {@code target}} */
    private static Seq<Array> fitTo(Seq<Array> leaves, Seq<ShapedArray> target) {
        if (leaves.size() != target.size()) return leaves;   // the structure check reports it
        return leaves.zipWith(target, (x, t) -> x.aval().equals(t) || !x.aval().strong().equals(t.strong())
                ? x : Lax.convertElementType(x, t.dtype(), t.weakType()));
    }

    /** Fails unless {@code actual} has the structure and, leaf by leaf, the shape and dtype of {@code expected}. */
    private static void requireSame(String op, String what, TreeDef expectedDef, Seq<ShapedArray> expected,
                                    TreeDef actualDef, Seq<ShapedArray> actual, Seq<KeyPath> paths) {
        if (!expectedDef.equals(actualDef)) {
            throw new ControlFlowTypeError(op, what + " must have one pytree structure, got " + expectedDef + " and " + actualDef);
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).strong().equals(actual.get(i).strong())) {
                throw new ControlFlowTypeError(op, what + " must keep the aval of each leaf, expected " + expected.get(i)
                        + " but got " + actual.get(i) + " at " + where(paths.get(i)));
            }
        }
    }

    /** A leaf is weakly typed only where every version of it is. */
    private static Seq<ShapedArray> unifyWeak(Seq<ShapedArray> a, Seq<ShapedArray> b) {
        return a.zipWith(b, (x, y) -> x.weakType() && y.weakType() ? x : x.strong());
    }

    // cond / switch -------------------------------------------------------------------------

    static <O, R> R cond(Array pred, Function<O, R> trueFun, Function<O, R> falseFun, O operand) {
        if (pred.ndim() != 0) throw new ShapeError("cond", "the predicate must be a scalar, got " + pred.aval());
        if (!pred.dtype().isBool() && !pred.dtype().isInteger()) {
            throw new DTypeError("cond", "the predicate must be a bool or integer scalar, got " + pred.aval());
        }
        Array truth = pred.dtype().isBool() ? pred : Lax.ne(pred, Lax.convertElementType(Array.scalar(0L), pred.dtype()));
        return branches("cond", Lax.convertElementType(truth, DType.I32), Vector.of(falseFun, trueFun), operand);
    }

    static <O, R> R switchCase(Array index, Seq<Function<O, R>> branches, O operand) {
        if (branches.isEmpty()) throw new ArgumentError("switch", "needs at least one branch");
        if (index.ndim() != 0 || !index.dtype().isInteger()) {
            throw new DTypeError("switch", "the branch index must be an integer scalar, got " + index.aval());
        }
        Array i = Lax.convertElementType(index, DType.I32);
        Array clamped = Lax.clamp(Lax.convertElementType(Array.scalar(0L), DType.I32), i,
                Lax.convertElementType(Array.scalar((long) branches.size() - 1), DType.I32));
        return branches("switch", clamped, branches, operand);
    }

    @SuppressWarnings("unchecked")
    private static <O, R> R branches(String op, Array index, Seq<Function<O, R>> fs, O operand) {
        Flat in = flat(op, "the operand", operand);
        Function<Function<O, R>, Function<Seq<Array>, Object>> asProgram = f -> leaves -> f.apply((O) Tree.unflatten(in.def(), leaves));
        Seq<Traced> traced = fs.map(f -> trace(op, "a branch's result", asProgram.apply(f), in.avals(), x -> x));
        Traced first = traced.head();
        Seq<ShapedArray> target = first.outAvals();
        for (int b = 1; b < traced.size(); b++) {
            Traced t = traced.get(b);
            requireSame(op, "branches 0 and " + b + " (their results)", first.outDef(), first.outAvals(), t.outDef(), t.outAvals(), first.outPaths());
            target = unifyWeak(target, t.outAvals());
        }
        Seq<ShapedArray> unified = target;
        if (traced.exists(t -> !t.outAvals().equals(unified))) {
            traced = fs.map(f -> trace(op, "a branch's result", asProgram.apply(f), in.avals(), x -> fitTo(x, unified)));
        }
        Programs.Joined joined = Programs.join(traced.map(Traced::program));
        Seq<Array> out = Bind.bind(new Cond(joined.jaxprs()), joined.consts().prepend(index).appendAll(in.leaves()));
        return (R) Tree.unflatten(first.outDef(), out);
    }

    // scan ----------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    static <C, X, Y> ScanResult<C, Y> scan(BiFunction<C, X, Tuple2<C, Y>> f, C init, X xs, ScanOptions options) {
        Flat carry = flat("scan", "the initial carry", init);
        Flat scanned = flat("scan", "xs", xs);
        int length = scanLength(scanned, options);
        int nk = carry.leaves().size();
        Seq<ShapedArray> xAvals = Programs.unstacked(scanned.avals());
        TreeDef[] ysDef = new TreeDef[1];
        boolean[] noYs = {false};
        Function<Seq<ShapedArray>, Function<Seq<Array>, Object>> step = carryAvals -> in -> {
            C c = (C) Tree.unflatten(carry.def(), in.take(nk));
            X x = xs == null ? null : (X) Tree.unflatten(scanned.def(), in.drop(nk));
            Tuple2<C, Y> r = f.apply(c, x);
            if (r == null) throw new TreeError("scan", "the body must return a Tuple2 (carry, y), got null");
            Flat ys = flat("scan", "the body's y", r._2);
            ysDef[0] = ys.def();
            noYs[0] = r._2 == null;
            return Tuple.of(r._1, ys.leaves());
        };
        Traced body = traceCarry("scan", "the carry", step, carry, xAvals);
        Scan prim = new Scan(body.program().jaxpr(), length, options.reverse(), body.program().numConsts(), nk, options.unroll());
        Seq<Array> init2 = fitTo(carry.leaves(), body.program().jaxpr().inAvals().slice(body.program().numConsts(), body.program().numConsts() + nk));
        Seq<Array> out = Bind.bind(prim, body.program().consts().appendAll(init2).appendAll(scanned.leaves()));
        C finalCarry = (C) Tree.unflatten(carry.def(), out.take(nk));
        Y ys = noYs[0] ? null : (Y) Tree.unflatten(ysDef[0], out.drop(nk));
        return new ScanResult<>(finalCarry, ys);
    }

    private static int scanLength(Flat xs, ScanOptions options) {
        for (int i = 0; i < xs.leaves().size(); i++) {
            if (xs.leaves().get(i).ndim() == 0) {
                throw new ShapeError("scan", "every leaf of xs needs a leading axis to scan over, got " + xs.leaves().get(i).aval()
                        + " at " + where(xs.paths().get(i)));
            }
        }
        Seq<Integer> lengths = xs.leaves().map(x -> x.shape().dim(0)).distinct();
        if (lengths.size() > 1 || options.length().isDefined() && lengths.size() == 1 && !lengths.head().equals(options.length().get())) {
            throw new ShapeError("scan", "the leading axes of xs and the length must agree, got lengths " + lengths.mkString(", ")
                    + " for " + xs.avals().mkString(", ") + options.length().map(n -> " and length " + n).getOrElse(""));
        }
        if (lengths.isEmpty() && options.length().isEmpty()) {
            throw new ArgumentError("scan", "needs xs or ScanOptions.length(n) to know how many steps to run, got neither");
        }
        return lengths.isEmpty() ? options.length().get() : lengths.head();
    }

    /**
     * Traces a loop step whose first outputs are the carry: first as given, then again with the
     * carry's weak types dropped where the step made them strong; the carry must keep its
     * structure and avals. The step returns (new carry tree, other output leaves).
     */
    private static Traced traceCarry(String op, String what, Function<Seq<ShapedArray>, Function<Seq<Array>, Object>> step,
                                     Flat carry, Seq<ShapedArray> extraAvals) {
        int nk = carry.leaves().size();
        Seq<ShapedArray> carryAvals = carry.avals();
        for (int attempt = 0; ; attempt++) {
            Seq<ShapedArray> target = carryAvals;
            TreeDef[] outDef = new TreeDef[1];
            Seq<KeyPath>[] outPaths = new Seq[1];
            Programs.Closed c = Programs.trace(in -> {
                @SuppressWarnings("unchecked") Tuple2<Object, Seq<Array>> r = (Tuple2<Object, Seq<Array>>) step.apply(target).apply(in);
                Flat next = flat(op, what, r._1);
                outDef[0] = next.def();
                outPaths[0] = next.paths();
                requireSame(op, what, carry.def(), target, next.def(), next.avals(), carry.paths());
                return fitTo(next.leaves(), target).appendAll(r._2);
            }, target.appendAll(extraAvals));
            Seq<ShapedArray> produced = c.jaxpr().outAvals().take(nk);
            Seq<ShapedArray> unified = unifyWeak(target, produced);
            if (unified.equals(target) || attempt > 0) return new Traced(c, outDef[0], outPaths[0], c.jaxpr().outAvals());
            carryAvals = unified;
        }
    }

    // while ---------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    static <C> C whileLoop(Function<C, Array> cond, Function<C, C> body, C init, int maxSteps) {
        if (maxSteps < While.UNBOUNDED) throw new ArgumentError("while_loop", "maxSteps must be >= 0, got " + maxSteps);
        Flat carry = flat("while_loop", "the initial carry", init);
        int nk = carry.leaves().size();
        Traced b = traceCarry("while_loop", "the carry", target -> in -> Tuple.of(body.apply((C) Tree.unflatten(carry.def(), in)), Vector.empty()),
                carry, Vector.empty());
        Seq<ShapedArray> carryAvals = b.program().jaxpr().inAvals().drop(b.program().numConsts());
        Programs.Closed c = Programs.trace(in -> {
            Array p = cond.apply((C) Tree.unflatten(carry.def(), in));
            if (p == null || p.ndim() != 0 || !p.dtype().isBool()) {
                throw new DTypeError("while_loop", "cond must return a bool scalar, got " + (p == null ? "null" : p.aval().toString()));
            }
            return Vector.of(p);
        }, carryAvals);
        Seq<Array> init2 = fitTo(carry.leaves(), carryAvals);
        While prim = new While(c.jaxpr(), b.program().jaxpr(), c.numConsts(), b.program().numConsts(), maxSteps);
        Seq<Array> out = Bind.bind(prim, c.consts().appendAll(b.program().consts()).appendAll(init2));
        return (C) Tree.unflatten(carry.def(), out.take(nk));
    }

    // fori / map ----------------------------------------------------------------------------

    static <C> C foriLoop(int lower, int upper, BiFunction<Array, C, C> body, C init) {
        Array i0 = Lax.convertElementType(Array.scalar((long) lower), DType.I32);
        ScanResult<Tuple2<Array, C>, Object> r = scan((Tuple2<Array, C> c, Object x) ->
                Tuple.of(Tuple.of(Lax.add(c._1, Lax.convertElementType(Array.scalar(1L), DType.I32)), body.apply(c._1, c._2)), null),
                Tuple.of(i0, init), null, ScanOptions.length(Math.max(0, upper - lower)));
        return r.carry()._2;
    }

    static <C> C foriLoop(Array lower, Array upper, BiFunction<Array, C, C> body, C init) {
        for (Array bound : Vector.of(lower, upper)) {
            if (bound.ndim() != 0 || !bound.dtype().isInteger()) throw new DTypeError("fori_loop", "bounds must be integer scalars, got " + bound.aval());
        }
        Array hi = Lax.convertElementType(upper, DType.I32);
        Array one = Lax.convertElementType(Array.scalar(1L), DType.I32);
        Tuple2<Array, C> r = whileLoop((Tuple2<Array, C> c) -> Lax.lt(c._1, hi),
                c -> Tuple.of(Lax.add(c._1, one), body.apply(c._1, c._2)),
                Tuple.of(Lax.convertElementType(lower, DType.I32), init), While.UNBOUNDED);
        return r._2;
    }

    static <X, Y> Y map(Function<X, Y> f, X xs) {
        return scan((Vector<Array> c, X x) -> Tuple.of(c, f.apply(x)), Vector.<Array>empty(), xs, ScanOptions.DEFAULT).ys();
    }

    // checkpoint ----------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    static <P, R> Function<P, R> checkpoint(Function<P, R> f, CheckpointPolicy policy) {
        java.util.Objects.requireNonNull(policy, "policy is null");
        return args -> {
            Flat in = flat("checkpoint", "the arguments", args);
            Traced t = trace("checkpoint", "the result", leaves -> f.apply((P) Tree.unflatten(in.def(), leaves)), in.avals(), x -> x);
            Seq<Array> out = Bind.bind(new Remat(t.program().jaxpr(), policy), t.program().consts().appendAll(in.leaves()));
            return (R) Tree.unflatten(t.outDef(), out);
        };
    }
}
