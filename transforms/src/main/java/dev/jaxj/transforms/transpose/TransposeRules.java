package dev.jaxj.transforms.transpose;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.errors.NotDifferentiable;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import dev.jaxj.transforms.control.ControlFlowTranspose;
import dev.jaxj.transforms.jvp.Tangents;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * Transposes of the linear primitives: given cotangents of the outputs, the cotangents of the
 * operands the primitive is linear in ({@link LinearArg.Undefined}). Reverse mode runs these
 * backwards over a linearized program. Primitives that are never linear are listed explicitly.
 */
public final class TransposeRules {
    private TransposeRules() {}

    /** {@return one cotangent per operand: defined for the undefined (linear) ones, empty for the others} */
    public static Seq<Option<Array>> transpose(Primitive p, Seq<Array> cts, Seq<LinearArg> args) {
        Array ct = cts.head();
        return switch (p) {
            case ControlFlow c -> ControlFlowTranspose.transpose(c, cts.map(Option::some), args);
            case Neg _ -> Vector.of(Option.some(Lax.neg(ct)));
            case Copy _ -> Vector.of(Option.some(ct));
            // JAX pairs cotangents with tangents by Re(ct · t), without conjugation: these follow from that pairing.
            case Real _ -> Vector.of(Option.some(Lax.complex(ct, Tangents.zerosLike(ct))));
            case Imag _ -> Vector.of(Option.some(Lax.complex(Tangents.zerosLike(ct), Lax.neg(ct))));
            case Conj _ -> Vector.of(Option.some(Lax.conj(ct)));
            case Complex _ -> Vector.of(args.get(0).ifLinear(Lax.real(ct)), args.get(1).ifLinear(Lax.neg(Lax.imag(ct))));
            case ViewAsReal _ -> Vector.of(Option.some(Bind.bind1(new ViewAsComplex(), ct)));
            case ViewAsComplex _ -> Vector.of(Option.some(Bind.bind1(new ViewAsReal(), ct)));
            case Add _ -> args.map(a -> a.ifLinear(ct));
            case Sub _ -> Vector.of(args.get(0).ifLinear(ct), args.get(1).ifLinear(Lax.neg(ct)));
            case Mul _ -> {
                if (args.get(0).isLinear() == args.get(1).isLinear()) throw nonLinear(p, args);
                yield args.get(0).isLinear()
                        ? Vector.of(Option.some(Lax.mul(ct, args.get(1).value())), Option.none())
                        : Vector.of(Option.none(), Option.some(Lax.mul(args.get(0).value(), ct)));
            }
            case Div _ -> {
                if (!args.get(0).isLinear() || args.get(1).isLinear()) throw nonLinear(p, args);
                yield Vector.of(Option.some(Lax.div(ct, args.get(1).value())), Option.none());
            }
            case ConvertElementType _ -> Vector.of(Option.some(Lax.convertElementType(ct, args.get(0).aval().dtype())));
            case SelectN _ -> {
                Array which = args.head().value();
                Seq<Option<Array>> cases = Vector.range(0, args.size() - 1).map(i -> args.get(i + 1).ifLinear(
                        Lax.selectN(which, Vector.range(0, args.size() - 1).map(j -> j.equals(i) ? ct : Tangents.zerosLike(ct)))));
                yield cases.prepend(Option.none());
            }
            case BroadcastInDim b -> Vector.of(Option.some(unbroadcast(b, ct, args.get(0).aval())));
            case Reshape _, Squeeze _, ExpandDims _ -> Vector.of(Option.some(Lax.reshape(ct, args.get(0).aval().shape())));
            case Transpose t -> Vector.of(Option.some(Lax.transpose(ct, inverse(t.permutation()))));
            case Rev r -> Vector.of(Option.some(Lax.rev(ct, r.dimensions())));
            case Slice s -> Vector.of(Option.some(StructuralTransposes.slice(s, ct, args.get(0).aval())));
            case Pad pd -> StructuralTransposes.pad(pd, ct, args);
            case Concatenate c -> StructuralTransposes.concatenate(c, ct, args);
            case DynamicSlice _ -> StructuralTransposes.dynamicSlice(ct, args);
            case DynamicUpdateSlice _ -> StructuralTransposes.dynamicUpdateSlice(ct, args);
            case Gather g -> StructuralTransposes.gather(g, ct, args);
            case Scatter s -> StructuralTransposes.scatter(s, ct, args, true);
            case ScatterAdd s -> StructuralTransposes.scatter(s, ct, args, false);
            // Linear in the operand alone (the updates are scale factors), as in JAX.
            case ScatterMul s -> {
                if (!args.get(0).isLinear() || args.get(1).isLinear() || args.get(2).isLinear()) throw nonLinear(p, args);
                yield Vector.of(Option.some(Lax.scatterMul(ct, args.get(1).value(), args.get(2).value(), s.dimensionNumbers(), s.mode())),
                        Option.none(), Option.none());
            }
            case ReduceSum r -> {
                ShapedArray a = args.get(0).aval();
                Seq<Integer> kept = Vector.range(0, a.rank()).filter(i -> !r.axes().contains(i));
                yield Vector.of(Option.some(Lax.broadcastInDim(ct, a.shape(), kept)));
            }
            case Cumsum c -> Vector.of(Option.some(Lax.cumsum(ct, c.axis(), !c.reverse())));
            case ReduceWindowSum w -> Vector.of(Option.some(ContractionTransposes.reduceWindowSum(w.window(), ct, args.get(0).aval())));
            case DotGeneral d -> ContractionTransposes.dotGeneral(d, ct, args);
            case ConvGeneralDilated c -> ContractionTransposes.conv(c, ct, args);
            case Abs _, Sign _, IntegerPow _, Floor _, Ceil _, Round _, Exp _, Exp2 _, Log _, Log1p _, Expm1 _, Sqrt _,
                 Rsqrt _, Cbrt _, Sin _, Cos _, Tan _, Asin _, Acos _, Atan _, Sinh _, Cosh _, Tanh _, Asinh _, Acosh _,
                 Atanh _, Logistic _, Erf _, Erfc _, ErfInv _, Lgamma _, Digamma _, IsFinite _, Not _, BitcastConvertType _,
                 Rem _, Pow _, Max _, Min _, Atan2 _, Nextafter _, And _, Or _, Xor _, ShiftLeft _, ShiftRightLogical _,
                 ShiftRightArithmetic _, Eq _, Ne _, Lt _, Le _, Gt _, Ge _, Clamp _, Iota _, ScatterMin _,
                 ScatterMax _, ReduceMax _, ReduceMin _, ReduceProd _, ReduceAnd _, ReduceOr _, Argmax _, Argmin _,
                 Cumprod _, Cummax _, Cummin _, ReduceWindowMax _, ReduceWindowMin _, Sort _, Threefry2x32 _,
                 StopGradient _ -> throw nonLinear(p, args);
            // Cholesky, LU, triangular solves: a triangular solve is linear in b alone, as a division in its numerator.
            case TriangularSolve s -> {
                if (args.get(0).isLinear() || !args.get(1).isLinear()) throw nonLinear(p, args);
                yield Vector.of(Option.none(), Option.some(Lax.triangularSolve(args.get(0).value(), ct, s.leftSide(), s.lower(),
                        !s.transposeA(), s.conjugateA(), s.unitDiagonal())));
            }
            case Cholesky _, Lu _ -> throw nonLinear(p, args);
            case CustomVjpLinear c -> ((CustomTranspose) c.rule()).transpose(cts, args);
            // Float formats: its own transpose, as JAX defines it.
            case ReducePrecision _ -> Vector.of(Option.some(Bind.bind1(p, ct)));
            // QR, eigendecompositions, SVD
            case Orthogonal _, Eig _ -> throw nonLinear(p, args);
            // Fast Fourier transforms
            case Fft f -> Vector.of(Option.some(FftTranspose.transpose(f, ct)));
        };
    }

    static NotDifferentiable nonLinear(Primitive p, Seq<LinearArg> args) {
        return new NotDifferentiable(p.name(), "is not linear in its operands and cannot be transposed, got "
                + args.map(a -> (a.isLinear() ? "linear " : "") + a.aval()).mkString(", "));
    }

    /** Sums the cotangent over the axes {@code broadcast_in_dim} created or stretched, back to the operand's shape. */
    static Array unbroadcast(BroadcastInDim b, Array ct, ShapedArray operand) {
        Seq<Integer> dims = b.broadcastDimensions();
        Vector<Integer> sum = Vector.range(0, b.shape().rank()).filter(d -> !dims.contains(d));
        for (int i = 0; i < operand.rank(); i++) {
            if (operand.shape().dim(i) == 1 && b.shape().dim(dims.get(i)) != 1) sum = sum.append(dims.get(i));
        }
        return Lax.reshape(Lax.reduceSum(ct, sum.sorted()), operand.shape());
    }

    static Seq<Integer> inverse(Seq<Integer> perm) {
        Integer[] inv = new Integer[perm.size()];
        for (int i = 0; i < perm.size(); i++) inv[perm.get(i)] = i;
        return Vector.of(inv);
    }

    static Array zeros(ShapedArray aval) {
        return Tangents.zeros(aval);
    }
}
