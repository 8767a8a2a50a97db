package dev.jaxj.compiler.pass;

import dev.jaxj.ir.Atom;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Lit;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * Rewrites equations by algebraic identities that hold for every value:
 * {@snippet lang=text :
 * x + 0, 0 + x, x - 0, x * 1, 1 * x, x / 1      ==>  x      (0 and 1: literals or broadcasts of them;
 *                                                             for floats, -0 in a sum and +0 in a difference)
 * neg (neg x)                                   ==>  x
 * convert_element_type x to its own aval        ==>  x
 * select_n c x0 x1 …  (c a literal k)           ==>  xk     (also when all cases are one atom)
 * reduce_* over no axes                         ==>  x
 * reduce_sum/max/min of a broadcast float literal  ==>  a broadcast of n·c (sum over n elements), or of c
 * transpose (transpose x)                       ==>  one transpose, or x when the result is the identity
 * reshape/squeeze/expand_dims of one of those   ==>  one reshape, or x when the shape is x's
 * broadcast_in_dim (broadcast_in_dim x)         ==>  one broadcast_in_dim; to x's own shape: x
 * rev (rev x)                                   ==>  one rev over the axes reversed an odd number of times, or x
 * }
 * A rewritten equation keeps its output variables (redefined by the new primitive) or is
 * dropped when its output is replaced; the equations it read stay for
 * {@link DeadCodeElimination}. Chains collapse in one run, since each rule looks at the
 * already simplified definitions of its operands.
 *
 * <p>Left alone on purpose: {@code x * 0} (not 0 when x is NaN or infinite), {@code x - x}
 * (NaN for infinities), {@code copy} (a fusion and donation boundary that the runtime may
 * rely on: the copy of a donated input must not alias it), {@code stop_gradient} (the
 * program may still be differentiated) and, for floats, {@code x + 0.0} and {@code x - (-0.0)}:
 * they give {@code +0.0} for {@code x = -0.0}, and a jitted program must compute what eager
 * execution does, signed zeros included (XLA accepts the difference; jaxj does not).
 */
public record AlgebraicSimplifier() implements Pass {
    @Override
    public Jaxpr apply(Jaxpr program) {
        var rw = new Rewriter(program);
        for (Eqn e : program.eqns()) {
            if (!simplify(rw, e)) rw.keep(e);
        }
        return rw.finish();
    }

    /** {@return whether {@code e} was rewritten (its output replaced or redefined)} */
    private static boolean simplify(Rewriter rw, Eqn e) {
        Seq<Atom> in = rw.operands(e);
        return switch (e.prim()) {
            case Add _ -> isZero(rw, in.get(1), true) && forward(rw, e, in.get(0))
                    || isZero(rw, in.get(0), true) && forward(rw, e, in.get(1));
            case Sub _ -> isZero(rw, in.get(1), false) && forward(rw, e, in.get(0));
            case Mul _ -> isConstant(rw, in.get(1), 1) && forward(rw, e, in.get(0))
                    || isConstant(rw, in.get(0), 1) && forward(rw, e, in.get(1));
            case Div _ -> isConstant(rw, in.get(1), 1) && forward(rw, e, in.get(0));
            case Neg _ -> rw.definition(in.head()).exists(d -> d.prim() instanceof Neg && forward(rw, e, d.in().head()));
            // Replacement needs equal avals, so this removes exactly conversions to the same dtype and weak type.
            case ConvertElementType _ -> forward(rw, e, in.head());
            case SelectN _ -> selectN(rw, e, in);
            case Reduction r -> r.axes().isEmpty() && forward(rw, e, in.head()) || reduceOfConstant(rw, e, r, in.head());
            case Transpose t -> StructuralRules.transpose(rw, e, t, in.head());
            case Reshape _, Squeeze _, ExpandDims _ -> StructuralRules.reshape(rw, e, in.head());
            case BroadcastInDim b -> StructuralRules.broadcast(rw, e, b, in.head());
            case Rev r -> StructuralRules.rev(rw, e, r, in.head());
            case Copy _, StopGradient _ -> false;
            case Unary _, Binary _, Clamp _, Slice _, DynamicSlice _, DynamicUpdateSlice _, Concatenate _, Pad _, Iota _,
                 Gather _, ScatterFamily _, ArgReduction _, Cumulative _, Contraction _, ReduceWindow _, Sort _,
                 Threefry2x32 _, CustomVjpLinear _, Elimination _, ControlFlow _, ViewAsReal _, ViewAsComplex _ -> false;
            // Float formats: rounding to a narrower format is never the identity in general.
            case ReducePrecision _ -> false;
            // QR, symmetric eigendecomposition, SVD
            case Orthogonal _ -> false;
            // General eigendecomposition: no identity to fold.
            case Eig _ -> false;
            // Fast Fourier transforms: no identity to fold.
            case Fft _ -> false;
        };
    }

    /**
     * The sum of n copies of a float c is n·c (exactly, for the n·c that f32 and f64 hold);
     * the max or min is c. Reverse mode makes this shape for the gradient of a bias under a
     * sum: the cotangent of ones, summed over the batch.
     */
    private static boolean reduceOfConstant(Rewriter rw, Eqn e, Reduction r, Atom x) {
        if (!x.aval().dtype().isFloating() || !(r instanceof ReduceSum || r instanceof ReduceMax || r instanceof ReduceMin)) return false;
        Option<Double> c = constantValue(rw, x);
        if (c.isEmpty()) return false;
        double n = 1;
        for (int axis : r.axes()) n *= x.aval().shape().dim(axis);
        double value = r instanceof ReduceSum ? c.get() * n : c.get();
        var out = e.out().head().aval();
        Lit lit = new Lit(value, out.withShape(Shape.of()));
        return rw.redefine(e, new BroadcastInDim(out.shape(), Vector.empty()), Vector.of(lit));
    }

    private static boolean selectN(Rewriter rw, Eqn e, Seq<Atom> in) {
        Seq<Atom> cases = in.tail();
        if (cases.distinct().size() == 1) return forward(rw, e, cases.head());
        Option<Double> which = constantValue(rw, in.head());
        if (which.isEmpty()) return false;
        double k = which.get();
        return k >= 0 && k < cases.size() && k == Math.rint(k) && forward(rw, e, cases.get((int) k));
    }

    /** Replaces {@code e}'s single output by {@code by} (when their avals are equal). */
    static boolean forward(Rewriter rw, Eqn e, Atom by) {
        return rw.replace(e.out().head(), by);
    }

    /**
     * {@return whether {@code a} is a zero that leaves every value unchanged}: an integer zero,
     * or the float zero whose sign bit is {@code negative} (x + -0.0 and x - +0.0 are x even for
     * x = -0.0; x + +0.0 is +0.0 there)
     */
    private static boolean isZero(Rewriter rw, Atom a, boolean negative) {
        if (!a.aval().dtype().isFloating()) return isConstant(rw, a, 0);
        return constantValue(rw, a).exists(v -> v == 0 && (Double.doubleToRawLongBits(v) < 0) == negative);
    }

    private static boolean isConstant(Rewriter rw, Atom a, double value) {
        return constantValue(rw, a).exists(v -> v == value);
    }

    /** {@return the value every element of {@code a} has, when it is a literal or a broadcast of one} */
    private static Option<Double> constantValue(Rewriter rw, Atom a) {
        Atom x = a;
        for (Option<Eqn> d = rw.definition(x); d.exists(e -> e.prim() instanceof BroadcastInDim); d = rw.definition(x)) {
            x = d.get().in().head();
        }
        return x instanceof Lit l ? Option.of(l.doubleValue()) : Option.none();
    }

    @Override
    public String toString() {
        return "algebraic_simplifier";
    }
}
