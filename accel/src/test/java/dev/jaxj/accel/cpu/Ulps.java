package dev.jaxj.accel.cpu;

/** Distances between floating-point numbers, counted in representable steps (units in the last place). */
final class Ulps {
    private Ulps() {}

    /**
     * {@return how many doubles lie between {@code a} and {@code b}}: 0 when they are equal
     * (+0 and -0 count as equal, and so do two NaNs), infinite when only one is NaN.
     */
    static double between(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) return Double.isNaN(a) && Double.isNaN(b) ? 0 : Double.POSITIVE_INFINITY;
        long oa = ordered(a), ob = ordered(b);
        // Subtract as longs: converting first would round away the low bits that count here.
        if ((oa < 0) != (ob < 0) && Math.abs((double) oa - (double) ob) > 0x1p62) return Double.POSITIVE_INFINITY;
        return Math.abs((double) (oa - ob));
    }

    /** The float twin of {@link #between(double, double)}. */
    static double between(float a, float b) {
        if (Float.isNaN(a) || Float.isNaN(b)) return Float.isNaN(a) && Float.isNaN(b) ? 0 : Double.POSITIVE_INFINITY;
        return Math.abs((long) ordered(a) - (long) ordered(b));
    }

    /** Maps the bits of a double to a long that orders like the value, with -0 and +0 both at 0. */
    private static long ordered(double x) {
        long bits = Double.doubleToRawLongBits(x);
        return bits >= 0 ? bits : Long.MIN_VALUE - bits;
    }

    private static int ordered(float x) {
        int bits = Float.floatToRawIntBits(x);
        return bits >= 0 ? bits : Integer.MIN_VALUE - bits;
    }
}
