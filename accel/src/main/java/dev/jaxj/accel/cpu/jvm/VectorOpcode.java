package dev.jaxj.accel.cpu.jvm;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * An elementwise primitive as a call into {@link VectorOps}: the method's name and the kind of
 * each operand and of the result. Values are f32 vectors, or lane masks for booleans.
 */
record VectorOpcode(String method, Seq<Kind> operands, Kind result) {
    /** How a value of a generated loop lives in registers. */
    enum Kind {
        /** an f32 value: {@code FloatVector} */
        F32,
        /** a boolean value: {@code VectorMask<Float>} */
        MASK;

        static Option<Kind> of(DType d) {
            return switch (d) {
                case F32 -> Option.some(F32);
                case BOOL -> Option.some(MASK);
                case F64, I32, U32, I64 -> Option.none();
                case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
            };
        }
    }

    private static VectorOpcode unary(String method) { return new VectorOpcode(method, List.of(Kind.F32), Kind.F32); }

    private static VectorOpcode binary(String method) { return new VectorOpcode(method, List.of(Kind.F32, Kind.F32), Kind.F32); }

    private static VectorOpcode compare(String method) { return new VectorOpcode(method, List.of(Kind.F32, Kind.F32), Kind.MASK); }

    private static VectorOpcode logical(String method, int arity) {
        return new VectorOpcode(method, List.fill(arity, Kind.MASK), Kind.MASK);
    }

    /**
     * {@return the call computing {@code p} on operands of dtypes {@code in} into {@code out}},
     * or none when generated loops do not cover it (the loop then runs in the tile interpreter,
     * whose element kernels are exact for every primitive and dtype).
     */
    static Option<VectorOpcode> of(Primitive.Elementwise p, Seq<DType> in, DType out) {
        boolean floats = in.forAll(d -> d == DType.F32);
        boolean masks = in.forAll(d -> d == DType.BOOL);
        // Every elementwise primitive has an arm, so javac lists what a new one still lacks; null
        // sends the loop to the interpreter.
        VectorOpcode op = switch (p) {
            case Neg _ -> floats ? unary("neg") : null;
            case Abs _ -> floats ? unary("abs") : null;
            case Sign _ -> floats ? unary("sign") : null;
            case IntegerPow ip -> floats && ip.y() == 2 ? unary("square") : null;
            case Exp _ -> floats ? unary("exp") : null;
            case Log _ -> floats ? unary("log") : null;
            case Log1p _ -> floats ? unary("log1p") : null;
            case Expm1 _ -> floats ? unary("expm1") : null;
            case Sqrt _ -> floats ? unary("sqrt") : null;
            case Rsqrt _ -> floats ? unary("rsqrt") : null;
            case Cbrt _ -> floats ? unary("cbrt") : null;
            case Sin _ -> floats ? unary("sin") : null;
            case Cos _ -> floats ? unary("cos") : null;
            case Tan _ -> floats ? unary("tan") : null;
            case Asin _ -> floats ? unary("asin") : null;
            case Acos _ -> floats ? unary("acos") : null;
            case Atan _ -> floats ? unary("atan") : null;
            case Sinh _ -> floats ? unary("sinh") : null;
            case Cosh _ -> floats ? unary("cosh") : null;
            case Tanh _ -> floats ? unary("tanh") : null;
            case Logistic _ -> floats ? unary("logistic") : null;
            case ConvertElementType c -> c.newDtype() != DType.F32 ? null
                    : masks ? new VectorOpcode("fromMask", List.of(Kind.MASK), Kind.F32)
                    : floats ? new VectorOpcode("", List.of(Kind.F32), Kind.F32) : null;
            case Not _ -> masks ? logical("not", 1) : null;
            case Add _ -> floats ? binary("add") : null;
            case Sub _ -> floats ? binary("sub") : null;
            case Mul _ -> floats ? binary("mul") : null;
            case Div _ -> floats ? binary("div") : null;
            case Max _ -> floats ? binary("max") : null;
            case Min _ -> floats ? binary("min") : null;
            case Pow _ -> floats ? binary("pow") : null;
            case Atan2 _ -> floats ? binary("atan2") : null;
            case And _ -> masks ? logical("and", 2) : null;
            case Or _ -> masks ? logical("or", 2) : null;
            case Xor _ -> masks ? logical("xor", 2) : null;
            case Eq _ -> floats ? compare("eq") : null;
            case Ne _ -> floats ? compare("ne") : null;
            case Lt _ -> floats ? compare("lt") : null;
            case Le _ -> floats ? compare("le") : null;
            case Gt _ -> floats ? compare("gt") : null;
            case Ge _ -> floats ? compare("ge") : null;
            case SelectN _ -> in.size() == 3 && in.head() == DType.BOOL && in.tail().forAll(d -> d == DType.F32)
                    ? new VectorOpcode("select", List.of(Kind.MASK, Kind.F32, Kind.F32), Kind.F32) : null;
            case Clamp _ -> floats ? new VectorOpcode("clamp", List.of(Kind.F32, Kind.F32, Kind.F32), Kind.F32) : null;
            // No vector form (the interpreter's element kernels are exact for them).
            case Floor _, Ceil _, Round _, Exp2 _, Asinh _, Acosh _, Atanh _, Erf _, Erfc _, ErfInv _, Lgamma _, Digamma _,
                 IsFinite _, BitcastConvertType _, Copy _, Rem _, Nextafter _, ShiftLeft _, ShiftRightLogical _,
                 ShiftRightArithmetic _, Real _, Imag _, Conj _, Complex _ -> null;
        };
        return Option.of(op).filter(o -> Kind.of(out).contains(o.result()));
    }

    /** {@return whether the value passes through unchanged} (an f32 → f32 conversion) */
    boolean isIdentity() { return method.isEmpty(); }
}
