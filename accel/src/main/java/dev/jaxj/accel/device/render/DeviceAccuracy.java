package dev.jaxj.accel.device.render;

import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;

/**
 * How far a rendered kernel's elementwise result may lie from the CPU interpreter's, per
 * primitive — the renderer's stated accuracy, which the device tests hold it to:
 * {@code ulps} units in the last place of the CPU's value, or of {@code floor} where the CPU's
 * value is smaller (where a function is accurate only absolutely). Zero means bit for bit (NaN
 * payloads aside). Everything but the transcendental functions is exact: the renderer rounds
 * each float operation once, as Java does, and integers follow the CPU's rules exactly.
 *
 * <p>f32 functions: the CPU's fused loops use the Vector API, whose float lanes follow the
 * accuracy of the {@code Math} method they name, widened and narrowed (Math: 1 ulp; atan2 2;
 * sinh, cosh, tanh 2.5); the device rounds its double function once. Two results each within an
 * ulp of the exact value lie within 2 ulps of each other (3 for atan2 and the hyperbolic ones).
 * Functions the CPU computes in double (exp2 and the special functions) round two nearly equal
 * doubles: 1 ulp. f64 functions: OpenCL 1.2's bound for the device's builtin (its §7.4 table:
 * exp, exp2, expm1, log 3; log1p, cbrt 2; sin, cos, tan, asin, acos, sinh, cosh 4; atan, tanh 5;
 * atan2 6; pow 16) plus Math's, plus one for rounding; the special functions, which call exp,
 * log, sqrt, sin and cos a few times with the CPU's own algorithm, 8 (lgamma and digamma 16,
 * and absolutely on the negative axis near their zeros, as the CPU documents its own accuracy).
 */
public record DeviceAccuracy(double ulps, double floor) {
    public static final DeviceAccuracy EXACT = new DeviceAccuracy(0, 0);

    public static DeviceAccuracy of(Primitive.Elementwise p, DType d) {
        boolean f32 = d == DType.F32;
        double normal = f32 ? Float.MIN_NORMAL : Double.MIN_NORMAL;   // subnormal results carry only absolute accuracy
        return switch (p) {
            case Neg _, Abs _, Sign _, IntegerPow _, Floor _, Ceil _, Round _, Sqrt _, Rsqrt _, IsFinite _, Not _,
                 ConvertElementType _, BitcastConvertType _, Copy _, Add _, Sub _, Mul _, Div _, Rem _, Max _, Min _,
                 Nextafter _, And _, Or _, Xor _, ShiftLeft _, ShiftRightLogical _, ShiftRightArithmetic _,
                 Eq _, Ne _, Lt _, Le _, Gt _, Ge _, SelectN _, Clamp _, Real _, Imag _, Conj _, Complex _ -> EXACT;
            case Exp _, Expm1 _, Log _ -> new DeviceAccuracy(f32 ? 2 : 3 + 1 + 1, normal);
            case Log1p _, Cbrt _ -> new DeviceAccuracy(f32 ? 2 : 2 + 1 + 1, normal);
            case Sin _, Cos _, Tan _, Asin _, Acos _ -> new DeviceAccuracy(f32 ? 2 : 4 + 1 + 1, normal);
            case Atan _ -> new DeviceAccuracy(f32 ? 2 : 5 + 1 + 1, normal);
            case Sinh _, Cosh _ -> new DeviceAccuracy(f32 ? 3 : 4 + 3 + 1, normal);
            case Tanh _ -> new DeviceAccuracy(f32 ? 3 : 5 + 3 + 1, normal);
            case Pow _ -> new DeviceAccuracy(f32 ? 2 : 16 + 1 + 1, normal);
            case Atan2 _ -> new DeviceAccuracy(f32 ? 3 : 6 + 2 + 1, normal);
            case Exp2 _ -> new DeviceAccuracy(f32 ? 1 : 3 + 1 + 1, normal);
            // The CPU's fused f32 logistic is exp and two float operations; its f64 one the double formula.
            case Logistic _ -> new DeviceAccuracy(f32 ? 3 : 3 + 1 + 2, normal);
            case Erf _, Erfc _, ErfInv _, Asinh _, Acosh _, Atanh _ -> new DeviceAccuracy(f32 ? 1 : 8, normal);
            case Lgamma _, Digamma _ -> new DeviceAccuracy(f32 ? 1 : 16, 1);
        };
    }

    /**
     * f32 on a device without fp64, where the renderer calls the float builtins: OpenCL 1.2's
     * f32 bound for each (its §7.4 table: division 2.5, sqrt 3, exp, exp2, expm1, log 3; log1p,
     * cbrt 2; sin, cos, tan, asin, acos, sinh, cosh 4; atan, tanh 5; atan2 6; pow 16), plus the
     * CPU's error from the exact value (1; atan2 2; sinh, cosh, tanh 3), plus one for rounding.
     * A negative integer_pow divides once; rsqrt divides a square root; the fused logistic is
     * exp, an addition and a division on both sides. The special functions run the CPU's
     * algorithms in float ({@link SpecialFunctionSource#f32}): a builtin or two and a short
     * polynomial for erf, erfc, erf_inv, asinh, acosh and atanh, 8 ulps (4 seen on PoCL over
     * 200k points); several logs, a series and a reflection for lgamma and digamma, 32 ulps, and
     * absolutely (32 ulps of 1) near their zeros, as with fp64 (16 seen).
     */
    public static DeviceAccuracy withoutFp64(Primitive.Elementwise p) {
        double normal = Float.MIN_NORMAL;
        return switch (p) {
            case Div _, IntegerPow _ -> new DeviceAccuracy(3, normal);
            case Sqrt _ -> new DeviceAccuracy(3 + 1, normal);
            case Rsqrt _ -> new DeviceAccuracy(3 + 3 + 1, normal);
            case Exp _, Exp2 _, Expm1 _, Log _ -> new DeviceAccuracy(3 + 1 + 1, normal);
            case Log1p _, Cbrt _ -> new DeviceAccuracy(2 + 1 + 1, normal);
            case Sin _, Cos _, Tan _, Asin _, Acos _ -> new DeviceAccuracy(4 + 1 + 1, normal);
            case Atan _ -> new DeviceAccuracy(5 + 1 + 1, normal);
            case Sinh _, Cosh _ -> new DeviceAccuracy(4 + 3 + 1, normal);
            case Tanh _ -> new DeviceAccuracy(5 + 3 + 1, normal);
            case Atan2 _ -> new DeviceAccuracy(6 + 2 + 1, normal);
            case Pow _ -> new DeviceAccuracy(16 + 1 + 1, normal);
            case Logistic _ -> new DeviceAccuracy(3 + 1 + 3 + 1, normal);
            case Erf _, Erfc _, ErfInv _, Asinh _, Acosh _, Atanh _ -> new DeviceAccuracy(8, normal);
            case Lgamma _, Digamma _ -> new DeviceAccuracy(32, 1);
            case Neg _, Abs _, Sign _, Floor _, Ceil _, Round _, IsFinite _, Not _, ConvertElementType _, BitcastConvertType _,
                 Copy _, Add _, Sub _, Mul _, Rem _, Max _, Min _, Nextafter _, And _, Or _, Xor _, ShiftLeft _,
                 ShiftRightLogical _, ShiftRightArithmetic _, Eq _, Ne _, Lt _, Le _, Gt _, Ge _, SelectN _, Clamp _,
                 Real _, Imag _, Conj _, Complex _ -> EXACT;
        };
    }

    /** Whether {@code device} is within this tolerance of {@code cpu}. */
    public boolean accepts(double cpu, double device, boolean f32) {
        if (Double.isNaN(cpu) || Double.isNaN(device)) return Double.isNaN(cpu) && Double.isNaN(device);
        long distance = f32 ? Math.abs((long) ordered((float) cpu) - ordered((float) device)) : distance(ordered(cpu), ordered(device));
        if (distance <= ulps) return true;
        return ulps > 0 && Math.abs(cpu) < floor && Math.abs(cpu - device) <= ulps * (f32 ? Math.ulp((float) floor) : Math.ulp(floor));
    }

    private static long distance(long a, long b) {
        try {
            return Math.abs(Math.subtractExact(a, b));
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;   // opposite signs, far apart
        }
    }

    /** Bits ordered as the values are, so that adjacent floats differ by one (and -0 and +0 by one). */
    private static long ordered(double x) {
        long b = Double.doubleToRawLongBits(x);
        return b < 0 ? Long.MIN_VALUE - b - 1 : b;
    }

    private static int ordered(float x) {
        int b = Float.floatToRawIntBits(x);
        return b < 0 ? Integer.MIN_VALUE - b - 1 : b;
    }
}
