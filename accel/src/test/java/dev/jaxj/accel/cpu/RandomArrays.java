package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.host.Conversions;

import dev.jaxj.accel.cpu.KernelHarness.Operand;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.fail;

/** Random operands, row-major index helpers and value comparison for the kernel tests. */
final class RandomArrays {
    private RandomArrays() {}

    /** Floats uniform in [-2, 2]; integers over their full range (so sums and products wrap); random bools. */
    static Operand random(DType d, Shape s, Random rnd) {
        HostData b = HostData.allocate(d, s.size());
        for (int i = 0; i < s.size(); i++) {
            switch (d) {
                case F32, F64 -> b.setDouble(i, rnd.nextDouble() * 4 - 2);
                case I32, U32 -> b.setLong(i, rnd.nextInt());
                case I64 -> b.setLong(i, rnd.nextLong());
                case BOOL -> b.setLong(i, rnd.nextBoolean() ? 1 : 0);
            }
        }
        return new Operand(ShapedArray.of(d, s), b);
    }

    /** Values from a small set, so that ties are common; floats include NaN and signed zeros. */
    static Operand tieRich(DType d, Shape s, Random rnd) {
        double[] floats = {-1, -0.0, 0.0, 0.5, 2, Double.NaN, Double.NEGATIVE_INFINITY};
        long[] ints = switch (d) {
            case U32 -> new long[] {0, 1, 7, 0x8000_0000L, 0xFFFF_FFFFL};
            case I64 -> new long[] {Long.MIN_VALUE, -3, 0, 5, Long.MAX_VALUE};
            case I32, F32, F64, BOOL -> new long[] {Integer.MIN_VALUE, -3, 0, 5, Integer.MAX_VALUE};
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw new IllegalArgumentException("kernels compute in lowered types only, got " + d);
        };
        HostData b = HostData.allocate(d, s.size());
        for (int i = 0; i < s.size(); i++) {
            switch (d) {
                case F32, F64 -> b.setDouble(i, floats[rnd.nextInt(rnd.nextInt(8) == 0 ? floats.length : floats.length - 2)]);
                case I32, U32, I64 -> b.setLong(i, ints[rnd.nextInt(ints.length)]);
                case BOOL -> b.setLong(i, rnd.nextBoolean() ? 1 : 0);
            }
        }
        return new Operand(ShapedArray.of(d, s), b);
    }

    /** Products of values in [0.8, 1.25] with random signs stay far from f32 overflow and underflow. */
    static Operand positiveNearOne(DType d, Shape s, Random rnd) {
        double[] v = new double[s.size()];
        for (int i = 0; i < v.length; i++) v[i] = (rnd.nextBoolean() ? 1 : -1) * Math.exp((rnd.nextDouble() - 0.5) * 0.45);
        return Operand.of(d, s, v);
    }

    /** A random shape of rank {@code [minRank, maxRank]} with dims in {@code [0, maxDim]}; zeros are rarer. */
    static Shape shape(Random rnd, int minRank, int maxRank, int maxDim) {
        int[] dims = new int[minRank + rnd.nextInt(maxRank - minRank + 1)];
        for (int i = 0; i < dims.length; i++) dims[i] = rnd.nextInt(10) == 0 ? 0 : 1 + rnd.nextInt(maxDim);
        return Shape.of(dims);
    }

    static <T> T pick(Random rnd, T[] xs) {
        return xs[rnd.nextInt(xs.length)];
    }

    static int[] unravel(int flat, int[] dims) {
        int[] idx = new int[dims.length];
        for (int d = dims.length - 1; d >= 0; d--) {
            idx[d] = flat % dims[d];
            flat /= dims[d];
        }
        return idx;
    }

    static int ravel(int[] idx, int[] dims) {
        int flat = 0;
        for (int d = 0; d < dims.length; d++) flat = flat * dims[d] + idx[d];
        return flat;
    }

    /** A random permutation of {@code [0, n)}. */
    static int[] permutation(Random rnd, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1), t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * Checks a float result against a double reference: NaN and infinities must match exactly,
     * finite values within {@code tol} (absolute).
     */
    static void assertClose(String what, double expected, double got, double tol) {
        boolean ok = Double.isNaN(expected) ? Double.isNaN(got)
                : Double.isInfinite(expected) ? expected == got
                : Math.abs(expected - got) <= tol;
        if (!ok) fail(what + ": expected " + expected + " but got " + got + " (tolerance " + tol + ")");
    }

    /** Checks an integer or bool result element exactly against the reference wrapped to the dtype. */
    static void assertWrapped(String what, DType d, long expected, HostData got, int i) {
        long want = Conversions.wrap(d, expected);
        if (got.getLong(i) != want) fail(what + " at flat index " + i + ": expected " + want + " but got " + got.getLong(i));
    }
}
