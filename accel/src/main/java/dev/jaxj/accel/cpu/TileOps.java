package dev.jaxj.accel.cpu;

import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.accel.cpu.jvm.VectorOps;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API loops for f32 tiles of fused loops, with the operations of {@link VectorOps}
 * (the vocabulary generated loops share). Transcendentals use the Vector API's
 * vectorised implementations (a few ulps from the correctly rounded value, where the eager
 * kernels round the double-precision result), which is what lets a fused {@code tanh} run at
 * memory speed.
 *
 * <p>C2 turns {@code lanewise(op)} into machine code only when {@code op} is a constant where
 * it is used, so each loop switches on the operation inside its body, with a literal operator
 * in every case; the switch is loop-invariant and costs next to nothing.
 */
final class TileOps {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private TileOps() {}

    /** The f32 unary operations with a vector loop. */
    enum UnaryOp { NEG, ABS, EXP, LOG, LOG1P, EXPM1, SQRT, RSQRT, CBRT, SIN, COS, TAN, ASIN, ACOS, ATAN, SINH, COSH, TANH, LOGISTIC, SQUARE }

    /** The f32 binary operations with a vector loop. */
    enum BinaryOp { ADD, SUB, MUL, DIV, MAX, MIN, POW, ATAN2 }

    /** {@return the vector loop of {@code p}, or null when it has none} (the caller then uses the exact element kernels) */
    static UnaryOp unaryOp(Primitive p) {
        return switch (p) {
            case Neg _ -> UnaryOp.NEG;
            case Abs _ -> UnaryOp.ABS;
            case Exp _ -> UnaryOp.EXP;
            case Log _ -> UnaryOp.LOG;
            case Log1p _ -> UnaryOp.LOG1P;
            case Expm1 _ -> UnaryOp.EXPM1;
            case Sqrt _ -> UnaryOp.SQRT;
            case Rsqrt _ -> UnaryOp.RSQRT;
            case Cbrt _ -> UnaryOp.CBRT;
            case Sin _ -> UnaryOp.SIN;
            case Cos _ -> UnaryOp.COS;
            case Tan _ -> UnaryOp.TAN;
            case Asin _ -> UnaryOp.ASIN;
            case Acos _ -> UnaryOp.ACOS;
            case Atan _ -> UnaryOp.ATAN;
            case Sinh _ -> UnaryOp.SINH;
            case Cosh _ -> UnaryOp.COSH;
            case Tanh _ -> UnaryOp.TANH;
            case Logistic _ -> UnaryOp.LOGISTIC;
            case IntegerPow ip when ip.y() == 2 -> UnaryOp.SQUARE;
            default -> null;
        };
    }

    /** {@return the vector loop of {@code p}, or null when it has none} */
    static BinaryOp binaryOp(Primitive p) {
        return switch (p) {
            case Add _ -> BinaryOp.ADD;
            case Sub _ -> BinaryOp.SUB;
            case Mul _ -> BinaryOp.MUL;
            case Div _ -> BinaryOp.DIV;
            case Max _ -> BinaryOp.MAX;
            case Min _ -> BinaryOp.MIN;
            case Pow _ -> BinaryOp.POW;
            case Atan2 _ -> BinaryOp.ATAN2;
            default -> null;
        };
    }

    /** {@code out[0, len) = op(x[xo, xo+len))} */
    static void unary(UnaryOp op, float[] x, int xo, float[] out, int len) {
        int i = 0;
        for (int upper = S.loopBound(len); i < upper; i += S.length()) {
            unary(op, FloatVector.fromArray(S, x, xo + i)).intoArray(out, i);
        }
        if (i < len) {
            // The tail reads and writes only the mask's lanes (VectorOps copies at an array's end).
            VectorMask<Float> m = S.indexInRange(i, len);
            VectorOps.store(unary(op, VectorOps.load(x, xo + i, m)), out, i, m);
        }
    }

    private static FloatVector unary(UnaryOp op, FloatVector v) {
        return switch (op) {
            case NEG -> VectorOps.neg(v);
            case ABS -> VectorOps.abs(v);
            case EXP -> VectorOps.exp(v);
            case LOG -> VectorOps.log(v);
            case LOG1P -> VectorOps.log1p(v);
            case EXPM1 -> VectorOps.expm1(v);
            case SQRT -> VectorOps.sqrt(v);
            case RSQRT -> VectorOps.rsqrt(v);
            case CBRT -> VectorOps.cbrt(v);
            case SIN -> VectorOps.sin(v);
            case COS -> VectorOps.cos(v);
            case TAN -> VectorOps.tan(v);
            case ASIN -> VectorOps.asin(v);
            case ACOS -> VectorOps.acos(v);
            case ATAN -> VectorOps.atan(v);
            case SINH -> VectorOps.sinh(v);
            case COSH -> VectorOps.cosh(v);
            case TANH -> VectorOps.tanh(v);
            case LOGISTIC -> VectorOps.logistic(v);
            case SQUARE -> VectorOps.square(v);
        };
    }

    /** {@code out[0, len) = op(x[xo…], y[yo…])} */
    static void binary(BinaryOp op, float[] x, int xo, float[] y, int yo, float[] out, int len) {
        int i = 0;
        for (int upper = S.loopBound(len); i < upper; i += S.length()) {
            binary(op, FloatVector.fromArray(S, x, xo + i), FloatVector.fromArray(S, y, yo + i)).intoArray(out, i);
        }
        if (i < len) {
            VectorMask<Float> m = S.indexInRange(i, len);
            VectorOps.store(binary(op, VectorOps.load(x, xo + i, m), VectorOps.load(y, yo + i, m)), out, i, m);
        }
    }

    private static FloatVector binary(BinaryOp op, FloatVector a, FloatVector b) {
        return switch (op) {
            case ADD -> VectorOps.add(a, b);
            case SUB -> VectorOps.sub(a, b);
            case MUL -> VectorOps.mul(a, b);
            case DIV -> VectorOps.div(a, b);
            case MAX -> VectorOps.max(a, b);
            case MIN -> VectorOps.min(a, b);
            case POW -> VectorOps.pow(a, b);
            case ATAN2 -> VectorOps.atan2(a, b);
        };
    }

    /** {@return the sum of {@code x[xo, xo+len)}} accumulated in lanes, then in double */
    static double sum(float[] x, int xo, int len) {
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (int upper = S.loopBound(len); i < upper; i += S.length()) acc = acc.add(FloatVector.fromArray(S, x, xo + i));
        double s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < len; i++) s += x[xo + i];
        return s;
    }

    /** {@return the max (or min) of {@code x[xo, xo+len)} and {@code acc}}; NaN propagates */
    static double extreme(boolean max, double acc, float[] x, int xo, int len) {
        FloatVector v = FloatVector.broadcast(S, (float) acc);
        int i = 0;
        for (int upper = S.loopBound(len); i < upper; i += S.length()) {
            FloatVector w = FloatVector.fromArray(S, x, xo + i);
            v = max ? v.max(w) : v.min(w);
        }
        double r = max ? v.reduceLanes(VectorOperators.MAX) : v.reduceLanes(VectorOperators.MIN);
        if (v.test(VectorOperators.IS_NAN).anyTrue()) r = Double.NaN;
        for (; i < len; i++) r = max ? Math.max(r, x[xo + i]) : Math.min(r, x[xo + i]);
        return Double.isNaN(acc) ? acc : r;
    }
}
