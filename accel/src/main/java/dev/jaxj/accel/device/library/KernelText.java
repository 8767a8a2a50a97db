package dev.jaxj.accel.device.library;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.accel.device.Dialect;
import dev.jaxj.ir.DType;

import java.util.ArrayList;
import java.util.List;

/**
 * Pieces of kernel text shared by the library's kernels: C type names, conversions with the
 * CPU backend's semantics, and index arithmetic over row-major strides. Shapes are baked into
 * the kernel text as constants, so the device compiler folds the divisions by them.
 */
final class KernelText {
    private KernelText() {}

    /**
     * {@return the C expression converting {@code x} of dtype {@code from} to {@code to} as
     * the CPU backend's conversions do} Floats become integers by truncation, saturating, NaN
     * giving 0 (a plain C cast is undefined out of range); integers wrap to narrower ones;
     * anything non-zero becomes true. {@code x} may be evaluated more than once.
     */
    static String convert(DType from, DType to, String x) {
        if (from == to) return x;
        if (to == DType.BOOL) return "((bool_t) ((" + x + ") != 0))";
        if (!from.isFloating() || to.isFloating()) return "((" + Dialect.cType(to) + ") (" + x + "))";
        String v = "(" + x + ")";
        return switch (to) {
            case I32 -> "(" + v + " != " + v + " ? 0 : " + v + " <= -2147483648.0 ? (i32_t) (-2147483647 - 1) : "
                    + v + " >= 2147483647.0 ? (i32_t) 2147483647 : (i32_t) " + v + ")";
            case U32 -> "(" + v + " != " + v + " || " + v + " <= 0 ? (u32_t) 0 : " + v + " >= 4294967295.0 ? (u32_t) 4294967295u : (u32_t) " + v + ")";
            case I64 -> "(" + v + " != " + v + " ? (i64_t) 0 : " + v + " <= -9223372036854775808.0 ? (-(i64_t) 9223372036854775807 - 1) : "
                    + v + " >= 9223372036854775807.0 ? (i64_t) 9223372036854775807 : (i64_t) " + v + ")";
            case F32, F64, BOOL -> throw new IllegalStateException("handled above: " + to);
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(to);
        };
    }

    /** {@return whether a kernel touching these dtypes needs {@code double}} */
    static boolean usesF64(DType... dtypes) {
        for (DType d : dtypes) if (d == DType.F64) return true;
        return false;
    }

    /** {@return the product of {@code dims}} */
    static long product(int[] dims) {
        long p = 1;
        for (int d : dims) p *= d;
        return p;
    }

    /** {@return the row-major strides of {@code dims}, in elements} */
    static long[] strides(int[] dims) {
        long[] s = new long[dims.length];
        long acc = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= dims[i];
        }
        return s;
    }

    /** {@return the elements of {@code a} at {@code axes}, in the order of {@code axes}} */
    static int[] pick(int[] a, int[] axes) {
        int[] r = new int[axes.length];
        for (int i = 0; i < axes.length; i++) r[i] = a[axes[i]];
        return r;
    }

    static long[] pick(long[] a, int[] axes) {
        long[] r = new long[axes.length];
        for (int i = 0; i < axes.length; i++) r[i] = a[axes[i]];
        return r;
    }

    /**
     * {@return the C expression (a {@code long}) for the memory offset of element {@code idx}
     * of a row-major walk over {@code dims}, whose axes lie {@code strides} apart in memory}
     * Size-1 axes drop out and axes that are contiguous with their inner neighbour merge, so
     * the common cases are one multiplication; {@code idx} must be below the product of
     * {@code dims}, and may be evaluated more than once.
     */
    static String offset(String idx, int[] dims, long[] strides) {
        List<long[]> axes = new ArrayList<>();    // (size, stride), outermost first
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] == 1) continue;
            if (!axes.isEmpty()) {
                long[] last = axes.getLast();
                if (last[1] == strides[i] * dims[i]) {
                    axes.set(axes.size() - 1, new long[] {last[0] * dims[i], strides[i]});
                    continue;
                }
            }
            axes.add(new long[] {dims[i], strides[i]});
        }
        if (axes.isEmpty()) return "0L";
        var terms = new ArrayList<String>();
        long inner = 1;
        for (int i = axes.size() - 1; i >= 0; i--) {
            long size = axes.get(i)[0], stride = axes.get(i)[1];
            String q = inner == 1 ? "(" + idx + ")" : "((" + idx + ") / " + inner + "L)";
            String c = i == 0 ? q : "(" + q + " % " + size + "L)";
            terms.addFirst(stride == 1 ? c : c + " * " + stride + "L");
            inner *= size;
        }
        return "(" + String.join(" + ", terms) + ")";
    }

    /** {@code n} rounded up to a multiple of {@code m} */
    static long roundUp(long n, long m) {
        return (n + m - 1) / m * m;
    }

    static int[] ints(io.vavr.collection.Seq<Integer> s) {
        return s.toJavaStream().mapToInt(Integer::intValue).toArray();
    }
}
