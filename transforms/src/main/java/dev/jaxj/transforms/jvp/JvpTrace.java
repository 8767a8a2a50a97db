package dev.jaxj.transforms.jvp;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.array.Tracer;
import dev.jaxj.core.CustomRules;
import dev.jaxj.core.Trace;
import dev.jaxj.errors.NotDifferentiable;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import dev.jaxj.transforms.control.ControlFlowJvp;
import dev.jaxj.transforms.transpose.CustomTranspose;
import dev.jaxj.transforms.transpose.LinearArg;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/** Forward-mode differentiation: each primitive maps (primals, tangents) to (primals, tangents) by its JVP rule. */
public final class JvpTrace extends Trace {
    JvpTrace(int level) {
        super(level);
    }

    /** A value from below this level is a constant here: its tangent is a symbolic zero. */
    @Override
    public Tracer lift(Array x) {
        return new JvpTracer(this, x, Tangent.zero(x));
    }

    JvpTracer pair(Array primal, Array tangent) {
        return new JvpTracer(this, primal, Tangent.of(tangent));
    }

    JvpTracer pair(Array primal, Tangent tangent) {
        return new JvpTracer(this, primal, tangent);
    }

    /**
     * Operands whose tangents are all zero give zero tangents without running a rule; loops,
     * branches and bilinear primitives skip the zero terms; other rules see zeros materialized.
     */
    @Override
    public Seq<Array> process(Primitive p, Seq<Tracer> in) {
        Seq<Array> primals = in.map(t -> ((JvpTracer) t).primal());
        Seq<Tangent> tangents = in.map(t -> ((JvpTracer) t).symbolicTangent());
        if (tangents.forAll(Tangent::isZero)) return Bind.bind(p, primals).map(o -> (Array) pair(o, Tangent.zero(o)));
        Option<SymbolicResult> sparse = p instanceof Primitive.ControlFlow c
                ? ControlFlowJvp.jvp(c, primals, tangents)
                : SparseJvp.jvp(p, primals, tangents);
        if (sparse.isDefined()) return sparse.get().primals().zipWith(sparse.get().tangents(), this::pair);
        JvpRules.Result r = JvpRules.jvp(p, primals, tangents.map(Tangent::instantiate));
        return r.primals().zipWith(r.tangents(), this::pair);
    }

    @Override
    public Seq<Array> processCustomJvp(CustomRules.Jvp rule, Seq<Tracer> in) {
        Seq<Array> primals = in.map(t -> ((JvpTracer) t).primal());
        if (in.forAll(t -> ((JvpTracer) t).symbolicTangent().isZero())) {
            return Bind.bindCustomJvp(rule, primals).map(o -> (Array) pair(o, Tangent.zero(o)));
        }
        Seq<Array> tangents = in.map(t -> ((JvpTracer) t).tangent());
        CustomRules.PrimalsTangents r = rule.jvp().apply(primals, tangents);
        if (r.primals().size() != r.tangents().size()) {
            throw new ShapeError("custom_jvp", "the rule must return one tangent per primal output, got "
                    + r.primals().size() + " primals and " + r.tangents().size() + " tangents");
        }
        return r.primals().zipWith(r.tangents(), (p, t) -> pair(p, Tangents.fitted(p, t)));
    }

    /**
     * Runs the forward rule now and stages the backward rule as a linear primitive of the
     * tangents; reverse mode transposes it into a call of the user's backward rule.
     */
    @Override
    public Seq<Array> processCustomVjp(CustomRules.Vjp rule, Seq<Tracer> in) {
        Seq<Array> primals = in.map(t -> ((JvpTracer) t).primal());
        if (in.forAll(t -> ((JvpTracer) t).symbolicTangent().isZero())) {
            return Bind.bindCustomVjp(rule, primals).map(o -> (Array) pair(o, Tangent.zero(o)));
        }
        Seq<Array> tangents = in.map(t -> ((JvpTracer) t).tangent());
        if (tangents.forAll(t -> !(t instanceof Tracer))) {
            throw new NotDifferentiable("custom_vjp_call", "forward-mode differentiation (jvp) of a function with a custom VJP is"
                    + " not defined; use reverse mode (grad, vjp) or define a custom JVP");
        }
        CustomRules.OutputsResiduals fwd = rule.fwd().apply(primals);
        Seq<Array> residuals = fwd.residuals();
        Seq<ShapedArray> inAvals = primals.map(a -> a.aval().strong());
        CustomTranspose transpose = (cts, args) -> {
            Seq<Array> res = args.take(residuals.size()).map(LinearArg::value);
            Seq<Array> grads = rule.bwd().apply(res, cts);
            if (grads.size() != inAvals.size()) {
                throw new ShapeError("custom_vjp", "the backward rule must return one cotangent per input (" + inAvals.size() + "), got " + grads.size());
            }
            Seq<Option<Array>> forInputs = grads.zipWith(inAvals, (g, a) -> Option.some(g.dtype() == a.dtype() ? g : Lax.convertElementType(g, a.dtype())));
            return residuals.map(r -> Option.<Array>none()).appendAll(forInputs);
        };
        var linear = new Primitive.CustomVjpLinear(transpose, residuals.size(), fwd.outputs().map(o -> o.aval().strong()));
        Seq<Array> tangentsOut = Bind.bind(linear, residuals.appendAll(tangents));
        return fwd.outputs().zipWith(tangentsOut, this::pair);
    }

    @Override
    public String describe() {
        return "jvp (level " + level() + ")";
    }
}
