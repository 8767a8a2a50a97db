package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.host.HeapArrays;

import dev.jaxj.accel.cpu.ElementLoops.F32Unary;
import dev.jaxj.ir.Primitive.*;

import java.util.function.DoubleUnaryOperator;

import static dev.jaxj.accel.cpu.ElementwiseKernels.rejected;

/**
 * Unary kernels of f32 and f64 operands: the {@link FloatUnary} functions, and neg, abs, sign
 * and integer_pow of floats.
 *
 * <p>f64 applies the double-precision function. f32 applies it to the widened argument and
 * rounds once, so an f32 result is within one ulp of the correctly rounded value wherever the
 * double function is accurate to a few double ulps. Operations that are exact, or nearly so,
 * in any precision (neg, abs, floor, sqrt, …) get a loop of their own for f32, which HotSpot
 * vectorises; the others share one loop that calls the function.
 */
final class FloatUnaryKernels {
    private FloatUnaryKernels() {}

    static HostData apply(FloatUnary p, HostData x) {
        return switch (p) {
            case IsFinite _ -> isFinite(x);
            case Floor _ -> map(x, Math::floor, (a, r, lo, hi) -> {
                for (int i = lo; i < hi; i++) r[i] = (float) Math.floor(a[i]);
            });
            case Ceil _ -> map(x, Math::ceil, (a, r, lo, hi) -> {
                for (int i = lo; i < hi; i++) r[i] = (float) Math.ceil(a[i]);
            });
            case Round(var method) -> switch (method) {
                case AWAY_FROM_ZERO -> map(x, SpecialFunctions::roundHalfAwayFromZero, (a, r, lo, hi) -> {
                    for (int i = lo; i < hi; i++) r[i] = (float) SpecialFunctions.roundHalfAwayFromZero(a[i]);
                });
                case TO_NEAREST_EVEN -> map(x, Math::rint, (a, r, lo, hi) -> {
                    for (int i = lo; i < hi; i++) r[i] = (float) Math.rint(a[i]);
                });
            };
            case Sqrt _ -> map(x, Math::sqrt, (a, r, lo, hi) -> {
                for (int i = lo; i < hi; i++) r[i] = (float) Math.sqrt(a[i]);
            });
            case Rsqrt _ -> map(x, v -> 1 / Math.sqrt(v), (a, r, lo, hi) -> {
                for (int i = lo; i < hi; i++) r[i] = (float) (1 / Math.sqrt(a[i]));
            });
            case Exp _ -> map(x, Math::exp);
            case Exp2 _ -> map(x, v -> Math.pow(2, v));
            case Log _ -> map(x, Math::log);
            case Log1p _ -> map(x, Math::log1p);
            case Expm1 _ -> map(x, Math::expm1);
            case Cbrt _ -> map(x, Math::cbrt);
            case Sin _ -> map(x, Math::sin);
            case Cos _ -> map(x, Math::cos);
            case Tan _ -> map(x, Math::tan);
            case Asin _ -> map(x, Math::asin);
            case Acos _ -> map(x, Math::acos);
            case Atan _ -> map(x, Math::atan);
            case Sinh _ -> map(x, Math::sinh);
            case Cosh _ -> map(x, Math::cosh);
            case Tanh _ -> map(x, Math::tanh);
            case Asinh _ -> map(x, SpecialFunctions::asinh);
            case Acosh _ -> map(x, SpecialFunctions::acosh);
            case Atanh _ -> map(x, SpecialFunctions::atanh);
            case Logistic _ -> map(x, SpecialFunctions::logistic);
            case Erf _ -> map(x, SpecialFunctions::erf);
            case Erfc _ -> map(x, SpecialFunctions::erfc);
            case ErfInv _ -> map(x, SpecialFunctions::erfInv);
            case Lgamma _ -> map(x, SpecialFunctions::lgamma);
            case Digamma _ -> map(x, SpecialFunctions::digamma);
        };
    }

    /** Neg, abs, sign and integer_pow of a floating operand; f32 computes in float, as XLA does. */
    static HostData numeric(NumericUnary p, HostData x) {
        return switch (p) {
            case Neg _ -> map(x, v -> -v, (a, r, lo, hi) -> {
                for (int i = lo; i < hi; i++) r[i] = -a[i];
            });
            case Abs _ -> map(x, Math::abs, (a, r, lo, hi) -> {
                for (int i = lo; i < hi; i++) r[i] = Math.abs(a[i]);
            });
            case Sign _ -> map(x, Math::signum, (a, r, lo, hi) -> {
                for (int i = lo; i < hi; i++) r[i] = Math.signum(a[i]);
            });
            case IntegerPow(var y) -> map(x, v -> integerPow(v, y), (a, r, lo, hi) -> {
                for (int i = lo; i < hi; i++) r[i] = integerPow(a[i], y);
            });
        };
    }

    /**
     * {@code x^y} by repeated squaring in float, multiplying in the order JAX's lowering of
     * {@code integer_pow} does, so results match it bit for bit; a negative {@code y} gives
     * {@code 1/x^|y|} and {@code y = 0} gives 1, even for NaN.
     */
    static float integerPow(float x, int y) {
        float acc = 1;
        for (long n = Math.abs((long) y); n > 0; n >>= 1) {
            if ((n & 1) != 0) acc *= x;
            x *= x;
        }
        return y < 0 ? 1 / acc : acc;
    }

    /** The f64 twin of {@link #integerPow(float, int)}. */
    static double integerPow(double x, int y) {
        double acc = 1;
        for (long n = Math.abs((long) y); n > 0; n >>= 1) {
            if ((n & 1) != 0) acc *= x;
            x *= x;
        }
        return y < 0 ? 1 / acc : acc;
    }

    private static HostData isFinite(HostData x) {
        boolean[] r = HeapArrays.booleans(x.size());
        switch (x.dtype()) {
            case F32 -> {
                float[] a = x.f32();
                Parallel.forRange(r.length, (lo, hi) -> {
                    for (int i = lo; i < hi; i++) r[i] = Float.isFinite(a[i]);
                });
            }
            case F64 -> {
                double[] a = x.f64();
                Parallel.forRange(r.length, (lo, hi) -> {
                    for (int i = lo; i < hi; i++) r[i] = Double.isFinite(a[i]);
                });
            }
            case I32, I64, U32, BOOL -> throw rejected("is_finite", x.dtype());
        }
        return HostData.own(r);
    }

    /** Applies {@code f}; f32 goes through the double function and rounds once. */
    private static HostData map(HostData x, DoubleUnaryOperator f) {
        return switch (x.dtype()) {
            case F32 -> HostData.own(ElementLoops.map(x.f32(), f));
            case F64 -> HostData.own(ElementLoops.map(x.f64(), f));
            case I32, I64, U32, BOOL -> throw rejected("a floating-point function", x.dtype());
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(x.dtype());
        };
    }

    /** Applies {@code f64} to f64 operands and the dedicated loop {@code f32} to f32 ones. */
    private static HostData map(HostData x, DoubleUnaryOperator f64, F32Unary f32) {
        return switch (x.dtype()) {
            case F32 -> HostData.own(ElementLoops.map(x.f32(), f32));
            case F64 -> HostData.own(ElementLoops.map(x.f64(), f64));
            case I32, I64, U32, BOOL -> throw rejected("a floating-point function", x.dtype());
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(x.dtype());
        };
    }
}
