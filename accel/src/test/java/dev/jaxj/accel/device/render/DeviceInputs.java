package dev.jaxj.accel.device.render;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.ir.DType;

import java.util.Random;

/**
 * Random operands for comparing device and CPU, a quarter of them edge values: NaN, infinities,
 * signed zeros, subnormals, the bounds of every conversion target, integer extremes and shift
 * amounts around the bit widths.
 */
final class DeviceInputs {
    private DeviceInputs() {}

    private static final double[] FLOAT_EDGES = {
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, 1, -1, 0.5, -0.5, 1.5, 2.5, -2.5, 2, 3, -3,
            Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, Double.MIN_VALUE, Double.MAX_VALUE,
            0.49999997f, 0.49999999999999994, 88.7, -103.5, 710, -745.5, 27.5, 6, 1e-30, 1e30, -1e30,
            2147483647.5, -2147483648.7, -2147483649.0, 2147483648.0, 4294967295.5, 4294967296.0, -1e10,
            9.223372036854775807e18, -9.223372036854775808e18, 1e19, -1e19, 0.9999999, -0.9999999, 1.4616321449683622, -4.5, -7};

    private static final long[] INT_EDGES = {
            0, 1, -1, 2, 7, 31, 32, 33, 63, 64, 65, -32, -64, Integer.MIN_VALUE, Integer.MAX_VALUE, 0xffffffffL,
            Long.MIN_VALUE, Long.MAX_VALUE, 1L << 32, (1L << 31) + 5};

    /** The values whose every combination the first points of a case's operands take. */
    private static final double[] FLOAT_CORNERS = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, 1, -1, 2.5, -0.5, Float.MIN_VALUE};
    private static final long[] INT_CORNERS = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE, 32, 64};

    /**
     * Operand {@code k} of {@code count}: its first points run through every combination of
     * corner values with the other operands (while they fit in {@code n}), the rest are random.
     */
    static HostData of(DType d, int n, Random rng, int k, int count) {
        HostData b = of(d, n, rng);
        int corners = d.isFloating() ? FLOAT_CORNERS.length : d == DType.BOOL ? 2 : INT_CORNERS.length;
        int combinations = (int) Math.pow(corners, count);
        if (combinations > n) return b;
        int step = (int) Math.pow(corners, k);
        for (int i = 0; i < combinations; i++) {
            int c = i / step % corners;
            switch (d) {
                case F32 -> b.f32()[i] = (float) FLOAT_CORNERS[c];
                case F64 -> b.f64()[i] = FLOAT_CORNERS[c];
                case I32, U32 -> b.i32()[i] = (int) INT_CORNERS[c];
                case I64 -> b.i64()[i] = INT_CORNERS[c];
                case BOOL -> b.bool()[i] = c == 1;
            }
        }
        return b;
    }

    static HostData of(DType d, int n, Random rng) {
        HostData b = HostData.allocate(d, n);
        for (int i = 0; i < n; i++) {
            boolean edge = rng.nextInt(4) == 0;
            switch (d) {
                case F32 -> b.f32()[i] = (float) (edge ? FLOAT_EDGES[rng.nextInt(FLOAT_EDGES.length)] : real(rng));
                case F64 -> b.f64()[i] = edge ? FLOAT_EDGES[rng.nextInt(FLOAT_EDGES.length)] : real(rng);
                case I32, U32 -> b.i32()[i] = (int) (edge ? INT_EDGES[rng.nextInt(INT_EDGES.length)] : integer(rng));
                case I64 -> b.i64()[i] = edge ? INT_EDGES[rng.nextInt(INT_EDGES.length)] : integer(rng);
                case BOOL -> b.bool()[i] = rng.nextBoolean();
            }
        }
        return b;
    }

    /** Uniform in [-4, 4] half the time, else a random sign times 10^[-12, 12]. */
    private static double real(Random rng) {
        if (rng.nextBoolean()) return rng.nextDouble(-4, 4);
        return (rng.nextBoolean() ? 1 : -1) * Math.pow(10, rng.nextDouble(-12, 12));
    }

    /** Small numbers half the time (divisions, shifts, selectors), else any 64 bits. */
    private static long integer(Random rng) {
        return rng.nextBoolean() ? rng.nextInt(-70, 70) : rng.nextLong();
    }
}
