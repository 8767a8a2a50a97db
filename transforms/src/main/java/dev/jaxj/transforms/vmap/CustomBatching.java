package dev.jaxj.transforms.vmap;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.array.Tracer;
import dev.jaxj.core.CustomRules;
import dev.jaxj.errors.NotDifferentiable;
import dev.jaxj.ir.Primitive.CustomVjpLinear;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.transforms.transpose.CustomTranspose;
import dev.jaxj.transforms.transpose.LinearArg;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Batching of user-defined derivative rules. The rule is kept rather than dropped: its function
 * and its rule functions are each vectorized over a leading batch axis (a fresh {@code vmap}
 * when they run), so the transforms below this one see an ordinary custom rule of stacked
 * values, as JAX's {@code custom_jvp}/{@code custom_vjp} batching does.
 */
final class CustomBatching {
    private CustomBatching() {}

    /** {@return {@code f} mapped over axis 0 of every argument and output} */
    static Function<Seq<Array>, Seq<Array>> overFront(Function<Seq<Array>, Seq<Array>> f, int count, int size) {
        return Vmap.vmap(f, Vector.fill(count, Option.some(0)), Vmap.OutAxes.all(Option.some(0)), Option.some(size));
    }

    static CustomRules.Jvp jvp(CustomRules.Jvp rule, int size) {
        return new CustomRules.Jvp(xs -> overFront(rule.fun(), xs.size(), size).apply(xs), (xs, ts) -> {
            int n = xs.size();
            var outputs = new AtomicReference<Integer>();
            Seq<Array> both = overFront(zs -> {
                CustomRules.PrimalsTangents r = rule.jvp().apply(zs.take(n), zs.drop(n));
                outputs.set(r.primals().size());
                return r.primals().appendAll(r.tangents());
            }, 2 * n, size).apply(xs.appendAll(ts));
            return new CustomRules.PrimalsTangents(both.take(outputs.get()), both.drop(outputs.get()));
        });
    }

    static CustomRules.Vjp vjp(CustomRules.Vjp rule, int size) {
        return new CustomRules.Vjp(xs -> overFront(rule.fun(), xs.size(), size).apply(xs), xs -> {
            var outputs = new AtomicReference<Integer>();
            Seq<Array> both = overFront(zs -> {
                CustomRules.OutputsResiduals r = rule.fwd().apply(zs);
                outputs.set(r.outputs().size());
                return r.outputs().appendAll(r.residuals());
            }, xs.size(), size).apply(xs);
            return new CustomRules.OutputsResiduals(both.take(outputs.get()), both.drop(outputs.get()));
        }, (res, cts) -> overFront(zs -> rule.bwd().apply(zs.take(res.size()), zs.drop(res.size())),
                res.size() + cts.size(), size).apply(res.appendAll(cts)));
    }

    /**
     * A custom VJP's staged linear map over stacked operands: a new linear map whose transpose
     * runs the original backward rule under a fresh {@code vmap}.
     */
    static Seq<Batched> linear(CustomVjpLinear c, Seq<Array> x, Seq<Integer> d, int size) {
        // Only a transform below can transpose the map; concrete tangents mean forward mode reached it (vmap of jvp).
        if (x.drop(c.numResiduals()).forAll(t -> !(t instanceof Tracer))) {
            throw new NotDifferentiable(c.name(), "forward-mode differentiation (jvp, jacfwd) of a function with a custom VJP is"
                    + " not defined; use reverse mode (grad, vjp, jacrev) or define a custom JVP");
        }
        CustomTranspose inner = (CustomTranspose) c.rule();
        CustomTranspose batched = (cts, args) -> {
            Seq<Array> known = args.filter(a -> !a.isLinear()).map(LinearArg::value);
            var defined = new AtomicReference<Seq<Boolean>>();
            Seq<Array> grads = overFront(zs -> {
                Seq<Array> knownHere = zs.drop(cts.size());
                int[] next = {0};
                Seq<LinearArg> argsHere = args.map(a -> a.isLinear()
                        ? new LinearArg.Undefined(unbatched(a.aval()))
                        : new LinearArg.Known(knownHere.get(next[0]++)));
                Seq<Option<Array>> r = inner.transpose(zs.take(cts.size()), argsHere);
                defined.set(r.map(Option::isDefined));
                return r.flatMap(Option::toList);
            }, cts.size() + known.size(), size).apply(cts.appendAll(known));
            int[] next = {0};
            return defined.get().map(isSome -> isSome ? Option.some(grads.get(next[0]++)) : Option.<Array>none());
        };
        Seq<ShapedArray> outAvals = c.outAvals().map(a -> a.withShape(a.shape().insert(0, size)));
        Seq<Array> stacked = x.zipWith(d, (xi, di) -> Moves.bring(xi, di, size, 0));
        return Batched.all(Bind.bind(new CustomVjpLinear(batched, c.numResiduals(), outAvals), stacked), 0);
    }

    private static ShapedArray unbatched(ShapedArray a) {
        return a.withShape(a.shape().without(0));
    }
}
