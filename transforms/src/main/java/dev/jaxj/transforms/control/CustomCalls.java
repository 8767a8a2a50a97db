package dev.jaxj.transforms.control;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.array.Tracer;
import dev.jaxj.core.CustomRules;
import dev.jaxj.errors.NotDifferentiable;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.CustomJvpCall;
import dev.jaxj.ir.Primitive.CustomVjpCall;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import dev.jaxj.transforms.jvp.JvpRules;
import dev.jaxj.transforms.jvp.Tangents;
import dev.jaxj.transforms.partial.PartialEvalTrace;
import dev.jaxj.transforms.transpose.CustomTranspose;
import dev.jaxj.transforms.transpose.LinearArg;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * Functions with user-defined derivatives, staged as primitives that carry the function as a
 * program and its rules traced on first use ({@link Lazy}) ({@link CustomJvpCall}, {@link CustomVjpCall}),
 * so that a rule survives being traced into a loop body or a jitted program and applies when
 * that program is differentiated.
 */
public final class CustomCalls {
    private CustomCalls() {}

    /** Stages a function with a JVP rule as a {@code custom_jvp_call}. */
    public static Seq<Array> stageJvp(PartialEvalTrace pe, CustomRules.Jvp rule, Seq<? extends Array> in) {
        Seq<ShapedArray> avals = Vector.ofAll(in).map(Array::aval);
        int n = avals.size();
        Programs.Closed fun = Programs.trace(rule.fun(), avals);
        Lazy<Programs.Closed> jvp = new Lazy<>("jvp_jaxpr_thunk", () -> Programs.trace(args -> {
            CustomRules.PrimalsTangents r = rule.jvp().apply(args.take(n), args.drop(n));
            if (r.primals().size() != r.tangents().size()) {
                throw new ShapeError("custom_jvp", "the rule must return one tangent per primal output, got "
                        + r.primals().size() + " primals and " + r.tangents().size() + " tangents");
            }
            return r.primals().appendAll(r.primals().zipWith(r.tangents(), Tangents::fitted));
        }, avals.appendAll(avals.map(ShapedArray::strong))));
        return pe.stage(new CustomJvpCall(fun.jaxpr(), jvp, fun.numConsts()), fun.consts().appendAll(in));
    }

    /** The traced rules of a custom VJP: {@code fwd} returns outputs then residuals. */
    public record VjpRules(Programs.Closed fwd, int numResiduals, Programs.Closed bwd) {}

    /** Stages a function with a VJP rule as a {@code custom_vjp_call}. */
    public static Seq<Array> stageVjp(PartialEvalTrace pe, CustomRules.Vjp rule, Seq<? extends Array> in) {
        Seq<ShapedArray> avals = Vector.ofAll(in).map(Array::aval);
        Programs.Closed fun = Programs.trace(rule.fun(), avals);
        Seq<ShapedArray> ctAvals = fun.jaxpr().outAvals().map(ShapedArray::strong);
        Lazy<VjpRules> rules = new Lazy<>("fwd_and_bwd_thunk", () -> {
            int[] residuals = new int[1];
            Programs.Closed fwd = Programs.trace(args -> {
                CustomRules.OutputsResiduals r = rule.fwd().apply(args);
                residuals[0] = r.residuals().size();
                return r.outputs().appendAll(r.residuals());
            }, avals);
            Seq<ShapedArray> resAvals = fwd.jaxpr().outAvals().drop(ctAvals.size());
            Programs.Closed bwd = Programs.trace(args -> {
                Seq<Array> grads = rule.bwd().apply(args.take(residuals[0]), args.drop(residuals[0]));
                if (grads.size() != avals.size()) {
                    throw new ShapeError("custom_vjp", "the backward rule must return one cotangent per input (" + avals.size() + "), got " + grads.size());
                }
                return grads.zipWith(avals, (g, a) -> g.dtype() == a.dtype() ? g : Lax.convertElementType(g, a.dtype()));
            }, resAvals.appendAll(ctAvals));
            return new VjpRules(fwd, residuals[0], bwd);
        });
        return pe.stage(new CustomVjpCall(fun.jaxpr(), rules, fun.numConsts()), fun.consts().appendAll(in));
    }

    /** Forward mode applies the staged rule: the JVP program runs on the arguments and their tangents. */
    static JvpRules.Result jvp(CustomJvpCall c, Seq<Array> x, Seq<Array> t) {
        int outs = c.fun().outs().size();
        Programs.Closed jvp = jvpRule(c).get();
        Seq<Array> args = x.drop(c.numConsts());
        Seq<Array> r = Programs.eval(jvp.jaxpr(), jvp.consts().appendAll(args).appendAll(t.drop(c.numConsts())));
        return new JvpRules.Result(r.take(outs), r.drop(outs));
    }

    /**
     * Forward mode of a custom VJP runs {@code fwd} now and stages {@code bwd} as the transpose
     * of a linear map of the tangents, as for an unstaged custom VJP.
     */
    static JvpRules.Result jvp(CustomVjpCall c, Seq<Array> x, Seq<Array> t) {
        Seq<Array> tangents = t.drop(c.numConsts());
        if (tangents.forAll(v -> !(v instanceof Tracer))) {
            throw new NotDifferentiable("custom_vjp_call", "forward-mode differentiation (jvp) of a function with a custom VJP is"
                    + " not defined; use reverse mode (grad, vjp) or define a custom JVP");
        }
        VjpRules rules = rules(c);
        int outs = c.fun().outs().size();
        Seq<Array> r = Programs.eval(rules.fwd().jaxpr(), rules.fwd().consts().appendAll(x.drop(c.numConsts())));
        Seq<Array> residuals = r.drop(outs);
        Programs.Closed bwd = rules.bwd();
        CustomTranspose transpose = (cts, args) -> {
            Seq<Array> grads = Programs.eval(bwd.jaxpr(), bwd.consts().appendAll(args.take(residuals.size()).map(LinearArg::value)).appendAll(cts));
            return residuals.map(k -> Option.<Array>none()).appendAll(grads.map(Option::some));
        };
        var linear = new Primitive.CustomVjpLinear(transpose, residuals.size(), r.take(outs).map(o -> o.aval().strong()));
        return new JvpRules.Result(r.take(outs), Bind.bind(linear, residuals.appendAll(tangents)));
    }

    @SuppressWarnings("unchecked")
    public static Lazy<Programs.Closed> jvpRule(CustomJvpCall c) {
        return (Lazy<Programs.Closed>) c.jvp();
    }

    @SuppressWarnings("unchecked")
    public static Lazy<VjpRules> vjpRules(CustomVjpCall c) {
        return (Lazy<VjpRules>) c.rules();
    }

    static VjpRules rules(CustomVjpCall c) {
        return vjpRules(c).get();
    }
}
