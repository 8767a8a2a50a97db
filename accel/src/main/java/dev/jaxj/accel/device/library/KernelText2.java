package dev.jaxj.accel.device.library;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.accel.device.Dialect;
import dev.jaxj.accel.device.KernelArg;
import dev.jaxj.ir.DType;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.IntFunction;

/**
 * Text and index arithmetic shared by the structural, gather/scatter, sort and threefry
 * kernels: C element types, parameter lists of per-axis sizes, the row-major decomposition
 * of a flat work-item index, and the scalar arguments that carry them.
 *
 * <p>Sizes and strides travel as {@code i64_t} arguments rather than constants in the code,
 * so that one compiled kernel serves every shape of a rank; only the structure (rank, which
 * axis maps where, dtypes) is part of the text.
 */
final class KernelText2 {
    private KernelText2() {}

    /**
     * {@return the C type of a by-value parameter carrying one element of {@code t}}: bool
     * travels as an {@code i32_t} since launches pass no byte-sized scalars.
     */
    static String scalarType(DType t) {
        return t == DType.BOOL ? "i32_t" : Dialect.cType(t);
    }

    /** {@return the argument that passes {@code value}'s bits as a {@link #scalarType} parameter} (u32 as its bits in an int) */
    static KernelArg scalarArg(DType t, long bits) {
        return switch (t) {
            case F32 -> new KernelArg.F32(Float.intBitsToFloat((int) bits));
            case F64 -> new KernelArg.F64(Double.longBitsToDouble(bits));
            case I32, U32, BOOL -> new KernelArg.I32((int) bits);
            case I64 -> new KernelArg.I64(bits);
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(t);
        };
    }

    /** {@return whether any of the dtypes needs {@code double} (OpenCL's {@code cl_khr_fp64})} */
    static boolean usesF64(Iterable<DType> ts) {
        for (DType t : ts) if (t == DType.F64) return true;
        return false;
    }

    /** {@return {@code ", i64_t p0, i64_t p1, …"} for {@code n} parameters named {@code p}} */
    static String params(String p, int n) {
        var sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(", i64_t ").append(p).append(i);
        return sb.toString();
    }

    /**
     * {@return statements declaring {@code c0…c[rank-1]}, the row-major coordinates of
     * {@code flat} in a box of sizes {@code dim0…}} (parameters named {@code dim}); {@code flat}
     * is consumed.
     */
    static String coords(String flat, String c, String dim, int rank) {
        var sb = new StringBuilder();
        for (int d = rank - 1; d >= 1; d--) {
            sb.append("    i64_t ").append(c).append(d).append(" = ").append(flat).append(" % ").append(dim).append(d).append("; ")
              .append(flat).append(" /= ").append(dim).append(d).append(";\n");
        }
        if (rank > 0) sb.append("    i64_t ").append(c).append("0 = ").append(flat).append(";\n");
        return sb.toString();
    }

    /** {@return one {@code i64_t} argument per value} */
    static Seq<KernelArg> longs(int... values) {
        return Vector.ofAll(java.util.Arrays.stream(values).mapToObj(v -> (KernelArg) new KernelArg.I64(v)));
    }

    /** {@return one {@code i64_t} argument per value} */
    static Seq<KernelArg> longs(long... values) {
        return Vector.ofAll(java.util.Arrays.stream(values).mapToObj(v -> (KernelArg) new KernelArg.I64(v)));
    }

    /** {@return {@code f(0) f(1) … f(n-1)} joined} */
    static String each(int n, IntFunction<String> f) {
        var sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(f.apply(i));
        return sb.toString();
    }

    /** {@return the row-major strides of {@code dims}, in elements} */
    static int[] strides(int[] dims) {
        int[] s = new int[dims.length];
        int acc = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= dims[i];
        }
        return s;
    }

    /** {@return the product of {@code dims[from, to)}} */
    static int product(int[] dims, int from, int to) {
        int n = 1;
        for (int i = from; i < to; i++) n *= dims[i];
        return n;
    }

    /**
     * A box read from a source with arbitrary strides into a dense row-major destination.
     *
     * @param dims the box's sizes
     * @param src  the source stride of each axis (0 repeats, negative reverses)
     */
    record Box(int[] dims, long[] src) {
        long size() {
            long n = 1;
            for (int x : dims) n *= x;
            return n;
        }
    }
}
