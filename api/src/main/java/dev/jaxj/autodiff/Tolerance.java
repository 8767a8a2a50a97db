package dev.jaxj.autodiff;

import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.DType;

/**
 * How far a computed number may be from its reference: {@code |actual - expected| <= tol + tol * |expected|}
 * (absolute and relative tolerance equal, as JAX's {@code check_close}). The defaults are JAX's:
 * derivatives compare with {@link #grad()}, primal values with {@link #value()}.
 * {@snippet :
 * Tolerance t = Tolerance.of(DType.F32);   // grad 2e-3, value 1e-6
 * }
 *
 * @param grad  the tolerance of derivatives (against central differences or another mode)
 * @param value the tolerance of primal values (against the same function evaluated directly)
 */
public record Tolerance(double grad, double value) {
    public Tolerance {
        if (!(grad >= 0) || !(value >= 0)) throw new ArgumentError("Tolerance", "tolerances must be >= 0, got grad " + grad + " and value " + value);
    }

    /** {@return JAX's default tolerances for {@code dtype}}: exact for integers and bools. */
    public static Tolerance of(DType dtype) {
        return switch (dtype) {
            case F64, C128 -> new Tolerance(1e-5, 1e-15);
            case F32, C64 -> new Tolerance(2e-3, 1e-6);
            case F16 -> new Tolerance(5e-2, 1e-3);
            case BF16 -> new Tolerance(1e-1, 1e-2);
            case I32, I64, U32, BOOL, I8, I16, U8, U16, U64 -> new Tolerance(0, 0);
        };
    }

    /** {@return the looser of this and {@code other} in each component} */
    public Tolerance loosest(Tolerance other) {
        return new Tolerance(Math.max(grad, other.grad), Math.max(value, other.value));
    }

    /** {@return whether {@code actual} is within {@code tol} of {@code expected}}; NaNs and infinities must match exactly. */
    public static boolean close(double actual, double expected, double tol) {
        return ratio(actual, expected, tol) <= 1;
    }

    /**
     * {@return the error of {@code actual} as a fraction of what {@code tol} allows}: at most 1
     * when close, infinite when a non-finite value does not match.
     */
    static double ratio(double actual, double expected, double tol) {
        if (Double.isNaN(actual) || Double.isNaN(expected)) return Double.isNaN(actual) && Double.isNaN(expected) ? 0 : Double.POSITIVE_INFINITY;
        if (Double.isInfinite(actual) || Double.isInfinite(expected)) return actual == expected ? 0 : Double.POSITIVE_INFINITY;
        double err = Math.abs(actual - expected);
        double allowed = tol + tol * Math.abs(expected);
        return allowed == 0 ? (err == 0 ? 0 : Double.POSITIVE_INFINITY) : err / allowed;
    }
}
