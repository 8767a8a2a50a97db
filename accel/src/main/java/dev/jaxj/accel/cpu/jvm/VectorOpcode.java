package dev.jaxj.accel.cpu.jvm;

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
        VectorOpcode op = switch (p) {
            case Neg _ when floats -> unary("neg");
            case Abs _ when floats -> unary("abs");
            case Sign _ when floats -> unary("sign");
            case IntegerPow ip when floats && ip.y() == 2 -> unary("square");
            case Exp _ when floats -> unary("exp");
            case Log _ when floats -> unary("log");
            case Log1p _ when floats -> unary("log1p");
            case Expm1 _ when floats -> unary("expm1");
            case Sqrt _ when floats -> unary("sqrt");
            case Rsqrt _ when floats -> unary("rsqrt");
            case Cbrt _ when floats -> unary("cbrt");
            case Sin _ when floats -> unary("sin");
            case Cos _ when floats -> unary("cos");
            case Tan _ when floats -> unary("tan");
            case Asin _ when floats -> unary("asin");
            case Acos _ when floats -> unary("acos");
            case Atan _ when floats -> unary("atan");
            case Sinh _ when floats -> unary("sinh");
            case Cosh _ when floats -> unary("cosh");
            case Tanh _ when floats -> unary("tanh");
            case Logistic _ when floats -> unary("logistic");
            case ConvertElementType c when c.newDtype() == DType.F32 && masks -> new VectorOpcode("fromMask", List.of(Kind.MASK), Kind.F32);
            case ConvertElementType c when c.newDtype() == DType.F32 && floats -> new VectorOpcode("", List.of(Kind.F32), Kind.F32);
            case Not _ when masks -> logical("not", 1);
            case Add _ when floats -> binary("add");
            case Sub _ when floats -> binary("sub");
            case Mul _ when floats -> binary("mul");
            case Div _ when floats -> binary("div");
            case Max _ when floats -> binary("max");
            case Min _ when floats -> binary("min");
            case Pow _ when floats -> binary("pow");
            case Atan2 _ when floats -> binary("atan2");
            case And _ when masks -> logical("and", 2);
            case Or _ when masks -> logical("or", 2);
            case Xor _ when masks -> logical("xor", 2);
            case Eq _ when floats -> compare("eq");
            case Ne _ when floats -> compare("ne");
            case Lt _ when floats -> compare("lt");
            case Le _ when floats -> compare("le");
            case Gt _ when floats -> compare("gt");
            case Ge _ when floats -> compare("ge");
            case SelectN _ when in.size() == 3 && in.head() == DType.BOOL && in.tail().forAll(d -> d == DType.F32) ->
                    new VectorOpcode("select", List.of(Kind.MASK, Kind.F32, Kind.F32), Kind.F32);
            case Clamp _ when floats -> new VectorOpcode("clamp", List.of(Kind.F32, Kind.F32, Kind.F32), Kind.F32);
            default -> null;
        };
        return Option.of(op).filter(o -> Kind.of(out).contains(o.result()));
    }

    /** {@return whether the value passes through unchanged} (an f32 → f32 conversion) */
    boolean isIdentity() { return method.isEmpty(); }
}
