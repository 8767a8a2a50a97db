package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.ir.DType;
import dev.jaxj.accel.host.HostData;

import dev.jaxj.accel.cpu.ElementLoops.F32Binary;
import dev.jaxj.ir.Primitive.*;

import java.util.function.DoubleBinaryOperator;

import static dev.jaxj.accel.cpu.ElementwiseKernels.rejected;

/**
 * Binary kernels of f32 and f64 operands: arithmetic and {@link FloatBinary}.
 *
 * <p>Arithmetic on f32 is done in float, each operation in its own loop (vectorised by
 * HotSpot); pow and atan2 on f32 round the double-precision result once. Max and min propagate
 * NaN and order -0 below +0, as {@link Math#max} and XLA do; rem is C's {@code fmod}.
 */
final class FloatBinaryKernels {
    private FloatBinaryKernels() {}

    static HostData arithmetic(Arithmetic p, HostData x, HostData y) {
        return switch (x.dtype()) {
            case F32 -> HostData.own(ElementLoops.zip(x.f32(), y.f32(), f32(p)));
            case F64 -> HostData.own(ElementLoops.zip(x.f64(), y.f64(), f64(p)));
            case I32, I64, U32, BOOL -> throw rejected(p.name(), x.dtype());
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(x.dtype());
        };
    }

    static HostData apply(FloatBinary p, HostData x, HostData y) {
        if (p instanceof Complex) throw StorageTypes.unlowered(p.outDType(x.dtype()));
        return switch (x.dtype()) {
            case F32 -> HostData.own(switch (p) {
                case Pow _ -> ElementLoops.zip(x.f32(), y.f32(), FloatBinaryKernels::pow);
                case Atan2 _ -> ElementLoops.zip(x.f32(), y.f32(), Math::atan2);
                case Nextafter _ -> ElementLoops.zip(x.f32(), y.f32(), (a, b, r, lo, hi) -> {
                    for (int i = lo; i < hi; i++) r[i] = Math.nextAfter(a[i], b[i]);
                });
                case Complex _ -> throw StorageTypes.unlowered(DType.C64);
            });
            case F64 -> HostData.own(ElementLoops.zip(x.f64(), y.f64(), switch (p) {
                case Pow _ -> FloatBinaryKernels::pow;
                case Atan2 _ -> Math::atan2;
                case Nextafter _ -> Math::nextAfter;
                case Complex _ -> throw StorageTypes.unlowered(DType.C128);
            }));
            case I32, I64, U32, BOOL -> throw rejected(p.name(), x.dtype());
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(x.dtype());
        };
    }

    /**
     * C's {@code pow}, which XLA calls: {@link Math#pow} except that a base of 1, and a base of
     * -1 with an infinite exponent, give 1 (Java gives NaN there).
     */
    static double pow(double x, double y) {
        if (x == 1 || (x == -1 && Double.isInfinite(y))) return 1;
        return Math.pow(x, y);
    }

    private static F32Binary f32(Arithmetic p) {
        return switch (p) {
            case Add _ -> (a, b, r, lo, hi) -> {
                for (int i = lo; i < hi; i++) r[i] = a[i] + b[i];
            };
            case Sub _ -> (a, b, r, lo, hi) -> {
                for (int i = lo; i < hi; i++) r[i] = a[i] - b[i];
            };
            case Mul _ -> (a, b, r, lo, hi) -> {
                for (int i = lo; i < hi; i++) r[i] = a[i] * b[i];
            };
            case Div _ -> (a, b, r, lo, hi) -> {
                for (int i = lo; i < hi; i++) r[i] = a[i] / b[i];
            };
            case Rem _ -> (a, b, r, lo, hi) -> {
                for (int i = lo; i < hi; i++) r[i] = a[i] % b[i];
            };
            case Max _ -> (a, b, r, lo, hi) -> {
                for (int i = lo; i < hi; i++) r[i] = Math.max(a[i], b[i]);
            };
            case Min _ -> (a, b, r, lo, hi) -> {
                for (int i = lo; i < hi; i++) r[i] = Math.min(a[i], b[i]);
            };
        };
    }

    private static DoubleBinaryOperator f64(Arithmetic p) {
        return switch (p) {
            case Add _ -> Double::sum;
            case Sub _ -> (a, b) -> a - b;
            case Mul _ -> (a, b) -> a * b;
            case Div _ -> (a, b) -> a / b;
            case Rem _ -> (a, b) -> a % b;
            case Max _ -> Math::max;
            case Min _ -> Math::min;
        };
    }
}
