package dev.jaxj.transforms.jvp;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.errors.NotDifferentiable;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.lax.Lax;
import dev.jaxj.transforms.control.ControlFlowJvp;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static dev.jaxj.transforms.jvp.Tangents.like;
import static dev.jaxj.transforms.jvp.Tangents.zerosLike;

/**
 * The JVP rule of every primitive: one exhaustive switch, written with {@link Lax} so that the
 * rules themselves trace (higher-order derivatives come free). Tangent expressions are linear
 * in the tangents, which is what lets reverse mode transpose them. Conventions at kinks follow
 * JAX: {@code d|x|/dx = 1} at 0, max/min split ties evenly, and piecewise-constant or integer
 * outputs have zero tangents.
 */
public final class JvpRules {
    private JvpRules() {}

    /** Primal outputs and their tangents. */
    public record Result(Seq<Array> primals, Seq<Array> tangents) {
        static Result of(Array primal, Array tangent) {
            return new Result(Vector.of(primal), Vector.of(tangent));
        }
    }

    /** {@return the outputs of {@code p} at {@code x} and their tangents along {@code t}} */
    public static Result jvp(Primitive p, Seq<Array> x, Seq<Array> t) {
        return switch (p) {
            case ControlFlow c -> ControlFlowJvp.jvp(c, x, t.map(Tangent::of)).get().instantiate();
            case Neg _ -> linear(p, x, t);
            case Abs _ when x.get(0).dtype().isComplex() -> {
                // d|z| = Re(conj(z) dz) / |z|, and 0 at z = 0 (JAX's choice of subgradient).
                Array z = x.get(0), out = Lax.abs(z);
                Array zero = Lax.eq(out, like(out, 0));
                Array safe = Lax.select(zero, like(out, 1), out);
                yield Result.of(out, Lax.select(zero, zerosLike(out), Lax.div(Lax.real(Lax.mul(Lax.conj(z), t.get(0))), safe)));
            }
            case Abs _ -> {
                Array out = Lax.abs(x.get(0));
                yield Result.of(out, Lax.select(Lax.ge(x.get(0), like(x.get(0), 0)), t.get(0), Lax.neg(t.get(0))));
            }
            case Sign _, Floor _, Ceil _, Round _, IsFinite _, Not _, BitcastConvertType _, Nextafter _,
                 And _, Or _, Xor _, ShiftLeft _, ShiftRightLogical _, ShiftRightArithmetic _,
                 Eq _, Ne _, Lt _, Le _, Gt _, Ge _, Argmax _, Argmin _, Iota _, Threefry2x32 _ -> constant(p, x);
            case IntegerPow ip -> {
                Array out = Bind.bind1(p, x.get(0));
                Array d = ip.y() == 0 ? zerosLike(out)
                        : Lax.mul(like(out, ip.y()), ip.y() == 1 ? like(out, 1) : Lax.integerPow(x.get(0), ip.y() - 1));
                yield Result.of(out, Lax.mul(t.get(0), d));
            }
            case Exp _ -> scale(p, x, t, (in, out) -> out);
            case Exp2 _ -> scale(p, x, t, (in, out) -> Lax.mul(out, like(out, Math.log(2))));
            case Log _ -> divide(p, x, t, (in, out) -> in);
            case Log1p _ -> divide(p, x, t, (in, out) -> Lax.add(in, like(in, 1)));
            case Expm1 _ -> scale(p, x, t, (in, out) -> Lax.add(out, like(out, 1)));
            case Sqrt _ -> divide(p, x, t, (in, out) -> Lax.mul(out, like(out, 2)));
            case Rsqrt _ -> scale(p, x, t, (in, out) -> Lax.mul(Lax.div(out, in), like(out, -0.5)));
            case Cbrt _ -> scale(p, x, t, (in, out) -> Lax.mul(Lax.integerPow(out, -2), like(out, 1.0 / 3)));
            case Sin _ -> scale(p, x, t, (in, out) -> Lax.cos(in));
            case Cos _ -> scale(p, x, t, (in, out) -> Lax.neg(Lax.sin(in)));
            case Tan _ -> scale(p, x, t, (in, out) -> Lax.add(like(out, 1), Lax.mul(out, out)));
            case Asin _ -> scale(p, x, t, (in, out) -> Lax.rsqrt(Lax.sub(like(in, 1), Lax.mul(in, in))));
            case Acos _ -> scale(p, x, t, (in, out) -> Lax.neg(Lax.rsqrt(Lax.sub(like(in, 1), Lax.mul(in, in)))));
            case Atan _ -> divide(p, x, t, (in, out) -> Lax.add(like(in, 1), Lax.mul(in, in)));
            case Sinh _ -> scale(p, x, t, (in, out) -> Lax.cosh(in));
            case Cosh _ -> scale(p, x, t, (in, out) -> Lax.sinh(in));
            case Tanh _ -> scale(p, x, t, (in, out) -> Lax.sub(like(out, 1), Lax.mul(out, out)));
            case Asinh _ -> scale(p, x, t, (in, out) -> Lax.rsqrt(Lax.add(Lax.mul(in, in), like(in, 1))));
            // 1/(sqrt(z-1) sqrt(z+1)), not rsqrt(z²-1): for complex z with re < 0 the latter takes the other root.
            case Acosh _ -> scale(p, x, t, (in, out) -> Lax.mul(Lax.rsqrt(Lax.sub(in, like(in, 1))), Lax.rsqrt(Lax.add(in, like(in, 1)))));
            case Atanh _ -> divide(p, x, t, (in, out) -> Lax.sub(like(in, 1), Lax.mul(in, in)));
            case Logistic _ -> scale(p, x, t, (in, out) -> Lax.mul(out, Lax.sub(like(out, 1), out)));
            case Erf _ -> scale(p, x, t, (in, out) -> Lax.mul(like(in, 2 / Math.sqrt(Math.PI)), Lax.exp(Lax.neg(Lax.mul(in, in)))));
            case Erfc _ -> scale(p, x, t, (in, out) -> Lax.mul(like(in, -2 / Math.sqrt(Math.PI)), Lax.exp(Lax.neg(Lax.mul(in, in)))));
            case ErfInv _ -> scale(p, x, t, (in, out) -> Lax.mul(like(out, Math.sqrt(Math.PI) / 2), Lax.exp(Lax.mul(out, out))));
            case Lgamma _ -> scale(p, x, t, (in, out) -> Lax.digamma(in));
            case Digamma _ -> scale(p, x, t, (in, out) -> Composites.trigamma(in));
            case ConvertElementType c -> {
                Array out = Bind.bind1(p, x.get(0));
                boolean smooth = x.get(0).dtype().isInexact() && c.newDtype().isInexact();
                yield Result.of(out, smooth ? Lax.convertElementType(t.get(0), c.newDtype(), c.weakType()) : zerosLike(out));
            }
            case Copy _, BroadcastInDim _, Reshape _, Transpose _, Squeeze _, ExpandDims _, Rev _, Slice _,
                 ReduceSum _, Cumsum _, ReduceWindowSum _ -> linear(p, x, t);
            case Add _, Sub _, Real _, Imag _, Conj _, Complex _, ViewAsReal _, ViewAsComplex _ -> linear(p, x, t);
            case Mul _ -> Result.of(Lax.mul(x.get(0), x.get(1)),
                    Lax.add(Lax.mul(t.get(0), x.get(1)), Lax.mul(x.get(0), t.get(1))));
            case Div _ -> {
                Array out = Lax.div(x.get(0), x.get(1));
                yield Result.of(out, Lax.sub(Lax.div(t.get(0), x.get(1)), Lax.mul(t.get(1), Lax.div(out, x.get(1)))));
            }
            // Integers have no tangent space: the remainder of integers is constant, as JAX's float0 tangents.
            case Rem _ when !x.get(0).dtype().isFloating() -> constant(p, x);
            case Rem _ -> {
                Array q = Lax.div(x.get(0), x.get(1));
                Array truncated = Lax.mul(Lax.sign(q), Lax.floor(Lax.abs(q)));
                yield Result.of(Lax.rem(x.get(0), x.get(1)), Lax.sub(t.get(0), Lax.mul(t.get(1), truncated)));
            }
            case Pow _ -> Composites.powJvp(x.get(0), x.get(1), t.get(0), t.get(1));
            case Max _, Min _ -> {
                Array out = Bind.bind1(p, x.get(0), x.get(1));
                yield Result.of(out, Lax.add(Lax.mul(t.get(0), Composites.balancedEq(x.get(0), out, x.get(1))),
                        Lax.mul(t.get(1), Composites.balancedEq(x.get(1), out, x.get(0)))));
            }
            case Atan2 _ -> {
                Array a = x.get(0), b = x.get(1);
                Array denom = Lax.add(Lax.mul(a, a), Lax.mul(b, b));
                yield Result.of(Lax.atan2(a, b), Lax.div(Lax.sub(Lax.mul(t.get(0), b), Lax.mul(t.get(1), a)), denom));
            }
            case SelectN _ -> Result.of(Bind.bind1(p, x.toJavaArray(Array[]::new)),
                    Bind.bind(p, t.tail().prepend(x.head())).head());
            case Clamp _ -> Composites.clampJvp(x.get(0), x.get(1), x.get(2), t.get(0), t.get(1), t.get(2));
            case Concatenate _ -> linear(p, x, t);
            case Pad _ -> linear(p, x, t);
            // Index operands are integers: the tangent follows the same indices.
            case DynamicSlice _ -> Result.of(Bind.bind(p, x).head(), Bind.bind(p, x.tail().prepend(t.head())).head());
            case DynamicUpdateSlice _ -> Result.of(Bind.bind(p, x).head(), Bind.bind(p, x.drop(2).prepend(t.get(1)).prepend(t.get(0))).head());
            case Gather _ -> Result.of(Bind.bind(p, x).head(), Bind.bind1(p, t.get(0), x.get(1)));
            case Scatter _, ScatterAdd _ -> Result.of(Bind.bind(p, x).head(), Bind.bind1(p, t.get(0), x.get(1), t.get(2)));
            case ScatterMul s -> Composites.scatterMulJvp(s, x, t);
            case ScatterMin _, ScatterMax _ -> Composites.scatterChooserJvp((ScatterFamily) p, x, t);
            case ReduceMax _, ReduceMin _ -> Composites.reduceChooserJvp(p, x.get(0), t.get(0), ((Reduction) p).axes());
            case ReduceProd r -> Composites.reduceProdJvp(x.get(0), t.get(0), r.axes());
            case ReduceAnd _, ReduceOr _ -> constant(p, x);
            case Cumprod c -> Composites.scanJvp(Lax::mul, c.axis(), c.reverse(), x.get(0), t.get(0));
            case Cummax c -> Composites.scanJvp(Lax::max, c.axis(), c.reverse(), x.get(0), t.get(0));
            case Cummin c -> Composites.scanJvp(Lax::min, c.axis(), c.reverse(), x.get(0), t.get(0));
            case DotGeneral _, ConvGeneralDilated _ -> Result.of(Bind.bind1(p, x.get(0), x.get(1)),
                    Lax.add(Bind.bind1(p, t.get(0), x.get(1)), Bind.bind1(p, x.get(0), t.get(1))));
            case ReduceWindowMax w -> Composites.windowChooserJvp(w.window(), true, x.get(0), t.get(0));
            case ReduceWindowMin w -> Composites.windowChooserJvp(w.window(), false, x.get(0), t.get(0));
            case Sort s -> Composites.sortJvp(s, x, t);
            case Elimination e -> EliminationJvp.jvp(e, x, t);
            case StopGradient _ -> constant(p, x);
            case CustomVjpLinear c -> throw new NotDifferentiable(c.name(),
                    "forward-mode differentiation of a function with a custom VJP is not defined; define a custom JVP instead");
            // Float formats: linear as JAX defines it, so the tangent is rounded alike.
            case ReducePrecision _ -> linear(p, x, t);
            // QR, symmetric eigendecomposition, SVD
            case Orthogonal o -> OrthogonalJvp.jvp(o, x.get(0), t.get(0));
            // General eigendecomposition
            case Eig e -> EigJvp.jvp(e, x.get(0), t.get(0));
            // Fast Fourier transforms: linear, so the tangent is transformed alike.
            case Fft _ -> linear(p, x, t);
        };
    }

    /** A primitive that is linear in all its operands: the tangent is the same primitive applied to the tangents. */
    private static Result linear(Primitive p, Seq<Array> x, Seq<Array> t) {
        return new Result(Bind.bind(p, x), Bind.bind(p, t));
    }

    /** A piecewise-constant or integer-valued primitive: zero tangents. */
    private static Result constant(Primitive p, Seq<Array> x) {
        Seq<Array> out = Bind.bind(p, x);
        return new Result(out, out.map(Tangents::zerosLike));
    }

    @FunctionalInterface
    interface Derivative {
        Array of(Array in, Array out);
    }

    /** Unary {@code out = f(in)} with tangent {@code t * f'(in)}. */
    private static Result scale(Primitive p, Seq<Array> x, Seq<Array> t, Derivative d) {
        Array out = Bind.bind1(p, x.get(0));
        return Result.of(out, Lax.mul(t.get(0), d.of(x.get(0), out)));
    }

    /** Unary {@code out = f(in)} with tangent {@code t / g(in)}, where {@code f' = 1/g} is better conditioned as a division. */
    private static Result divide(Primitive p, Seq<Array> x, Seq<Array> t, Derivative d) {
        Array out = Bind.bind1(p, x.get(0));
        return Result.of(out, Lax.div(t.get(0), d.of(x.get(0), out)));
    }

}
