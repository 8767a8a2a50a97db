package dev.jaxj.transforms.vmap;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive.Cond;
import dev.jaxj.ir.Primitive.ControlFlow;
import dev.jaxj.ir.Primitive.CustomJvpCall;
import dev.jaxj.ir.Primitive.CustomVjpCall;
import dev.jaxj.ir.Primitive.Pjit;
import dev.jaxj.ir.Primitive.Remat;
import dev.jaxj.ir.Primitive.Scan;
import dev.jaxj.ir.Primitive.While;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import dev.jaxj.transforms.control.CustomCalls;
import dev.jaxj.transforms.control.Lazy;
import dev.jaxj.transforms.control.Programs;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.function.Function;

import static dev.jaxj.transforms.vmap.BatchTracer.NOT_MAPPED;

/**
 * Batching of loops and branches. The programs are vectorized once (traced under {@code vmap})
 * and run by the same primitive, with batch axes in front — behind the scanned axis for a
 * scan's stacked operands. Carries are batched throughout. A batched branch index runs every
 * branch and selects per example; a batched loop predicate runs the loop until no example
 * continues, updating only the examples that do.
 */
final class ControlFlowBatching {
    private ControlFlowBatching() {}

    static Seq<Batched> batch(ControlFlow p, Seq<Array> x, Seq<Integer> d, int size) {
        return switch (p) {
            case Cond c -> cond(c, x, d, size);
            case Scan s -> scan(s, x, d, size);
            case While w -> whileLoop(w, x, d, size);
            case CustomJvpCall c -> customJvp(c, x, d, size);
            case CustomVjpCall c -> customVjp(c, x, d, size);
            case Pjit j -> call(j.body(), x, d, size, b -> new Pjit(b, "vmap(" + j.functionName() + ")"));
            case Remat r -> call(r.body(), x, d, size, b -> new Remat(b, r.policy()));
        };
    }

    private static Option<Integer> axis(int dim) {
        return dim == NOT_MAPPED ? Option.none() : Option.some(0);
    }

    /** {@code x} with its batch axis at 0, or unchanged when unbatched. */
    private static Array front(Array x, int dim) {
        return dim == NOT_MAPPED ? x : Moves.moveAxis(x, dim, 0);
    }

    /** A program vectorized over the inputs whose axes are given, every output batched at axis 0. */
    private static Programs.Closed vectorized(Jaxpr j, Seq<Option<Integer>> inAxes, Seq<ShapedArray> inAvals, int size) {
        return Programs.trace(in -> Vmap.vmap(args -> Programs.eval(j, args), inAxes, Vmap.OutAxes.all(Option.some(0)), Option.some(size)).apply(in), inAvals);
    }

    private static Seq<Batched> cond(Cond c, Seq<Array> x, Seq<Integer> d, int size) {
        Seq<Array> ops = x.tail().zipWith(d.tail(), ControlFlowBatching::front);
        Seq<Option<Integer>> axes = d.tail().map(ControlFlowBatching::axis);
        if (d.head() == NOT_MAPPED) {
            Seq<ShapedArray> avals = ops.map(Array::aval);
            Programs.Joined joined = Programs.join(c.branches().map(b -> vectorized(b, axes, avals, size)));
            return Batched.all(Bind.bind(new Cond(joined.jaxprs()), joined.consts().prepend(x.head()).appendAll(ops)), 0);
        }
        // A batched index: every branch runs on every example, then each example takes its own.
        int n = c.branches().size();
        Array index = front(x.head(), d.head());
        Array clamped = Lax.convertElementType(Lax.clamp(Array.scalar(0, index.dtype()), index, Array.scalar(n - 1, index.dtype())), DType.I32);
        Seq<Seq<Array>> results = c.branches().map(b -> Vmap.vmap(args -> Programs.eval(b, args), axes, Vmap.OutAxes.all(Option.some(0)), Option.some(size)).apply(ops));
        int outs = c.branches().head().outs().size();
        return Vector.range(0, outs).map(o -> {
            Seq<Array> cases = results.map(r -> r.get(o));
            Shape shape = cases.head().shape();
            Array which = Lax.broadcastInDim(clamped, shape, Vector.of(0));
            return new Batched(n == 1 ? cases.head() : Lax.selectN(which, cases), 0);
        });
    }

    private static Seq<Batched> scan(Scan s, Seq<Array> x, Seq<Integer> d, int size) {
        int fixed = s.numConsts() + s.numCarry();
        Vector<Array> operands = Vector.empty();
        Vector<Option<Integer>> axes = Vector.empty();
        Vector<ShapedArray> avals = Vector.empty();
        for (int i = 0; i < x.size(); i++) {
            Array v = x.get(i);
            int dim = d.get(i);
            if (i < s.numConsts()) {
                Array c = front(v, dim);
                operands = operands.append(c);
                axes = axes.append(axis(dim));
                avals = avals.append(c.aval());
            } else if (i < fixed) {
                Array c = Moves.bring(v, dim, size, 0);   // carries are batched throughout
                operands = operands.append(c);
                axes = axes.append(Option.some(0));
                avals = avals.append(c.aval());
            } else {
                // Stacked operands keep the scanned axis first and take the batch axis second.
                Array xs = dim == NOT_MAPPED ? v : Moves.moveAxis(v, dim, 1);
                operands = operands.append(xs);
                axes = axes.append(axis(dim));
                avals = avals.append(xs.aval().withShape(xs.shape().without(0)));
            }
        }
        Programs.Closed body = vectorized(s.body(), axes, avals, size);
        Scan batched = new Scan(body.jaxpr(), s.length(), s.reverse(), body.numConsts() + s.numConsts(), s.numCarry(), s.unroll());
        Seq<Array> out = Bind.bind(batched, body.consts().appendAll(operands));
        return Batched.all(out.take(s.numCarry()), 0).appendAll(Batched.all(out.drop(s.numCarry()), 1));
    }

    private static Seq<Batched> whileLoop(While w, Seq<Array> x, Seq<Integer> d, int size) {
        int ncc = w.condConsts(), nbc = w.bodyConsts();
        Seq<Array> consts = x.take(ncc + nbc).zipWith(d.take(ncc + nbc), ControlFlowBatching::front);
        Seq<Option<Integer>> constAxes = d.take(ncc + nbc).map(ControlFlowBatching::axis);
        Seq<Array> carry = x.drop(ncc + nbc).zipWith(d.drop(ncc + nbc), (v, dim) -> Moves.bring(v, dim, size, 0));
        Seq<Option<Integer>> carryAxes = carry.map(c -> Option.some(0));
        Seq<ShapedArray> constAvals = consts.map(Array::aval);
        Seq<ShapedArray> carryAvals = carry.map(Array::aval);
        Seq<Option<Integer>> condAxes = constAxes.take(ncc).appendAll(carryAxes);
        Seq<Option<Integer>> bodyAxes = constAxes.drop(ncc).appendAll(carryAxes);
        // Both programs take every constant: the body needs the predicate to know which examples continue.
        Seq<ShapedArray> avals = constAvals.appendAll(carryAvals);
        java.util.function.Function<Seq<Array>, Array> lanes = args -> Vmap.vmap(a -> Programs.eval(w.cond(), a), condAxes,
                Vmap.OutAxes.all(Option.some(0)), Option.some(size)).apply(args.take(ncc).appendAll(args.drop(ncc + nbc))).head();
        Programs.Closed cond = Programs.trace(args -> Vector.of(Lax.reduceOr(lanes.apply(args), Vector.of(0))), avals);
        Programs.Closed body = Programs.trace(args -> {
            Array go = lanes.apply(args);
            Seq<Array> old = args.drop(ncc + nbc);
            Seq<Array> next = Vmap.vmap(a -> Programs.eval(w.body(), a), bodyAxes, Vmap.OutAxes.all(Option.some(0)), Option.some(size))
                    .apply(args.drop(ncc));
            return next.zipWith(old, (n, o) -> Lax.selectN(Lax.broadcastInDim(go, n.shape(), Vector.of(0)), Vector.of(o, n)));
        }, avals);
        // Each program takes its captured values, then all the loop's constants.
        Seq<Array> condConsts = cond.consts().appendAll(consts), bodyConsts = body.consts().appendAll(consts);
        While batched = new While(cond.jaxpr(), body.jaxpr(), condConsts.size(), bodyConsts.size(), w.maxSteps());
        Seq<Array> out = Bind.bind(batched, condConsts.appendAll(bodyConsts).appendAll(carry));
        return Batched.all(out, 0);
    }

    /** A rule's program vectorized over its arguments, its own captured values shared by every example. */
    private static Programs.Closed vectorizedRule(Programs.Closed rule, Seq<ShapedArray> batchedArgs, int size) {
        Seq<ShapedArray> own = rule.consts().map(Array::aval);
        Seq<Option<Integer>> axes = own.map(a -> Option.<Integer>none()).appendAll(batchedArgs.map(a -> Option.some(0)));
        Programs.Closed v = vectorized(rule.jaxpr(), axes, own.appendAll(batchedArgs), size);
        return new Programs.Closed(v.jaxpr(), v.consts().appendAll(rule.consts()));
    }

    private static Seq<Batched> customJvp(CustomJvpCall c, Seq<Array> x, Seq<Integer> d, int size) {
        Seq<Array> ops = x.zipWith(d, (v, dim) -> Moves.bring(v, dim, size, 0));
        Seq<ShapedArray> avals = ops.map(Array::aval);
        Programs.Closed fun = vectorized(c.fun(), ops.map(o -> Option.some(0)), avals, size);
        Seq<ShapedArray> args = avals.drop(c.numConsts()).map(ShapedArray::strong);
        Lazy<Programs.Closed> jvp = CustomCalls.jvpRule(c).map(rule -> vectorizedRule(rule, args.appendAll(args), size));
        return Batched.all(Bind.bind(new CustomJvpCall(fun.jaxpr(), jvp, fun.numConsts() + c.numConsts()), fun.consts().appendAll(ops)), 0);
    }

    private static Seq<Batched> customVjp(CustomVjpCall c, Seq<Array> x, Seq<Integer> d, int size) {
        Seq<Array> ops = x.zipWith(d, (v, dim) -> Moves.bring(v, dim, size, 0));
        Seq<ShapedArray> avals = ops.map(Array::aval);
        Programs.Closed fun = vectorized(c.fun(), ops.map(o -> Option.some(0)), avals, size);
        Seq<ShapedArray> args = avals.drop(c.numConsts());
        Lazy<CustomCalls.VjpRules> rules = CustomCalls.vjpRules(c).map(r -> {
            Programs.Closed fwd = vectorizedRule(r.fwd(), args, size);
            // bwd reads the residuals and the output cotangents, batched as fwd and fun return them.
            Seq<ShapedArray> bwdIn = Programs.stacked(r.bwd().jaxpr().inAvals().drop(r.bwd().numConsts()), size);
            return new CustomCalls.VjpRules(fwd, r.numResiduals(), vectorizedRule(r.bwd(), bwdIn, size));
        });
        return Batched.all(Bind.bind(new CustomVjpCall(fun.jaxpr(), rules, fun.numConsts() + c.numConsts()), fun.consts().appendAll(ops)), 0);
    }

    /** A call of a program: the same call of the vectorized program, batch axes in front. */
    private static Seq<Batched> call(Jaxpr body, Seq<Array> x, Seq<Integer> d, int size, Function<Jaxpr, ControlFlow> rebuild) {
        Seq<Array> ops = x.zipWith(d, ControlFlowBatching::front);
        Programs.Closed vectorized = vectorized(body, d.map(ControlFlowBatching::axis), ops.map(Array::aval), size);
        return Batched.all(Bind.bind(rebuild.apply(vectorized.jaxpr()), vectorized.consts().appendAll(ops)), 0);
    }
}
