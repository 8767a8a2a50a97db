package dev.jaxj.accel.cpu;

import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.Map;

/**
 * Vector API loops for f32 tiles of fused loops. Transcendentals use the Vector API's
 * vectorised implementations (a few ulps from the correctly rounded value, where the eager
 * kernels round the double-precision result), which is what lets a fused {@code tanh} run
 * at memory speed. Operations without a fast path return {@code false} and the caller falls
 * back to the exact element kernels.
 */
final class TileOps {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private static final Map<Class<? extends Primitive>, VectorOperators.Unary> UNARY = Map.ofEntries(
            Map.entry(Neg.class, VectorOperators.NEG), Map.entry(Abs.class, VectorOperators.ABS),
            Map.entry(Exp.class, VectorOperators.EXP), Map.entry(Log.class, VectorOperators.LOG),
            Map.entry(Log1p.class, VectorOperators.LOG1P), Map.entry(Expm1.class, VectorOperators.EXPM1),
            Map.entry(Sqrt.class, VectorOperators.SQRT), Map.entry(Cbrt.class, VectorOperators.CBRT),
            Map.entry(Sin.class, VectorOperators.SIN), Map.entry(Cos.class, VectorOperators.COS),
            Map.entry(Tan.class, VectorOperators.TAN), Map.entry(Asin.class, VectorOperators.ASIN),
            Map.entry(Acos.class, VectorOperators.ACOS), Map.entry(Atan.class, VectorOperators.ATAN),
            Map.entry(Sinh.class, VectorOperators.SINH), Map.entry(Cosh.class, VectorOperators.COSH),
            Map.entry(Tanh.class, VectorOperators.TANH));

    private static final Map<Class<? extends Primitive>, VectorOperators.Binary> BINARY = Map.of(
            Add.class, VectorOperators.ADD, Sub.class, VectorOperators.SUB, Mul.class, VectorOperators.MUL,
            Div.class, VectorOperators.DIV, Max.class, VectorOperators.MAX, Min.class, VectorOperators.MIN,
            Pow.class, VectorOperators.POW, Atan2.class, VectorOperators.ATAN2);

    private TileOps() {}

    /** {@code out[0, len) = p(x[xo, xo+len))}; {@code false} when {@code p} has no f32 fast path. */
    static boolean unary(Primitive p, float[] x, int xo, float[] out, int len) {
        VectorOperators.Unary op = UNARY.get(p.getClass());
        if (op != null) {
            int i = 0;
            for (int upper = S.loopBound(len); i < upper; i += S.length()) {
                FloatVector.fromArray(S, x, xo + i).lanewise(op).intoArray(out, i);
            }
            if (i < len) {
                var m = S.indexInRange(i, len);
                FloatVector.fromArray(S, x, xo + i, m).lanewise(op, m).intoArray(out, i, m);
            }
            return true;
        }
        return switch (p) {
            case Logistic _ -> {
                for (int i = 0; i < len; i += S.length()) {
                    var m = S.indexInRange(i, len);
                    FloatVector v = FloatVector.fromArray(S, x, xo + i, m);
                    FloatVector.broadcast(S, 1f).div(v.neg().lanewise(VectorOperators.EXP).add(1f)).intoArray(out, i, m);
                }
                yield true;
            }
            case Rsqrt _ -> {
                for (int i = 0; i < len; i += S.length()) {
                    var m = S.indexInRange(i, len);
                    FloatVector.broadcast(S, 1f).div(FloatVector.fromArray(S, x, xo + i, m).sqrt()).intoArray(out, i, m);
                }
                yield true;
            }
            case IntegerPow ip when ip.y() == 2 -> {
                for (int i = 0; i < len; i += S.length()) {
                    var m = S.indexInRange(i, len);
                    FloatVector v = FloatVector.fromArray(S, x, xo + i, m);
                    v.mul(v).intoArray(out, i, m);
                }
                yield true;
            }
            default -> false;
        };
    }

    /** {@code out[0, len) = p(x[xo…], y[yo…])}; {@code false} when {@code p} has no f32 fast path. */
    static boolean binary(Primitive p, float[] x, int xo, float[] y, int yo, float[] out, int len) {
        VectorOperators.Binary op = BINARY.get(p.getClass());
        if (op == null) return false;
        int i = 0;
        for (int upper = S.loopBound(len); i < upper; i += S.length()) {
            FloatVector.fromArray(S, x, xo + i).lanewise(op, FloatVector.fromArray(S, y, yo + i)).intoArray(out, i);
        }
        if (i < len) {
            var m = S.indexInRange(i, len);
            FloatVector.fromArray(S, x, xo + i, m).lanewise(op, FloatVector.fromArray(S, y, yo + i, m), m).intoArray(out, i, m);
        }
        return true;
    }
}
