package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.host.HeapArrays;

import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;

/**
 * The elementwise primitives on the CPU: dispatch of unary and binary primitives to the kernel
 * class of their family and dtype, and select_n and clamp.
 * {@snippet lang=text :
 * FloatUnary, numeric unary of floats  -> FloatUnaryKernels     (SpecialFunctions for erf, lgamma, …)
 * Arithmetic of floats, FloatBinary    -> FloatBinaryKernels
 * Integer arithmetic, Bitwise, Shift   -> IntegerKernels
 * Comparison                           -> ComparisonKernels
 * ConvertElementType, Bitcast          -> ConvertKernels
 * }
 * Operands have been checked by the primitive's shape rule: binary operands share shape and
 * dtype. Every kernel returns a freshly allocated buffer.
 */
final class ElementwiseKernels {
    private ElementwiseKernels() {}

    static HostData unary(Unary p, HostData x, ShapedArray out) {
        return switch (p) {
            case FloatUnary f -> FloatUnaryKernels.apply(f, x);
            case NumericUnary n -> x.dtype().isFloating() ? FloatUnaryKernels.numeric(n, x) : IntegerKernels.numeric(n, x);
            case Not _ -> IntegerKernels.not(x);
            case ConvertElementType _ -> ConvertKernels.convert(x, out.dtype());
            case BitcastConvertType _ -> ConvertKernels.bitcast(x, out.dtype());
            case Copy _ -> x.copy();
            case ComplexUnary _ -> throw StorageTypes.unlowered(x.dtype());
        };
    }

    static HostData binary(Binary p, HostData x, HostData y, ShapedArray out) {
        return switch (p) {
            case Arithmetic a -> x.dtype().isFloating() ? FloatBinaryKernels.arithmetic(a, x, y) : IntegerKernels.arithmetic(a, x, y);
            case FloatBinary f -> FloatBinaryKernels.apply(f, x, y);
            case Bitwise b -> IntegerKernels.bitwise(b, x, y);
            case Shift s -> IntegerKernels.shift(s, x, y);
            case Comparison c -> ComparisonKernels.compare(c, x, y);
        };
    }

    /**
     * Picks, per element, the case that {@code which} names: false/true for two cases, or an
     * i32 index, clamped into {@code [0, cases - 1]} as XLA's select_n lowering does. A
     * one-element {@code which} (a scalar) picks one case for all elements.
     */
    static HostData selectN(HostData which, Seq<HostData> cases, ShapedArray out) {
        int k = cases.size();
        if (which.size() == 1) return cases.get(selector(which, 0, k)).copy();
        int n = out.size();
        int[] pick = HeapArrays.ints(n);
        Parallel.forRange(n, (lo, hi) -> {
            for (int i = lo; i < hi; i++) pick[i] = selector(which, i, k);
        });
        HostData r = HostData.allocate(out.dtype(), n);
        Parallel.forRange(n, (lo, hi) -> gather(pick, cases, r, lo, hi));
        return r;
    }

    private static int selector(HostData which, int i, int k) {
        return switch (which.dtype()) {
            case BOOL -> which.bool()[i] ? 1 : 0;
            case I32 -> Math.clamp(which.i32()[i], 0, k - 1);
            case F32, F64, I64, U32 -> throw rejected("select_n's selector", which.dtype());
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(which.dtype());
        };
    }

    /** {@code r[i] = cases[pick[i]][i]} for {@code i} in {@code [lo, hi)}. */
    private static void gather(int[] pick, Seq<HostData> cases, HostData r, int lo, int hi) {
        switch (r.dtype()) {
            case F32 -> {
                float[][] c = cases.map(HostData::f32).toJavaArray(float[][]::new);
                float[] d = r.f32();
                for (int i = lo; i < hi; i++) d[i] = c[pick[i]][i];
            }
            case F64 -> {
                double[][] c = cases.map(HostData::f64).toJavaArray(double[][]::new);
                double[] d = r.f64();
                for (int i = lo; i < hi; i++) d[i] = c[pick[i]][i];
            }
            case I32, U32 -> {
                int[][] c = cases.map(HostData::i32).toJavaArray(int[][]::new);
                int[] d = r.i32();
                for (int i = lo; i < hi; i++) d[i] = c[pick[i]][i];
            }
            case I64 -> {
                long[][] c = cases.map(HostData::i64).toJavaArray(long[][]::new);
                long[] d = r.i64();
                for (int i = lo; i < hi; i++) d[i] = c[pick[i]][i];
            }
            case BOOL -> {
                boolean[][] c = cases.map(HostData::bool).toJavaArray(boolean[][]::new);
                boolean[] d = r.bool();
                for (int i = lo; i < hi; i++) d[i] = c[pick[i]][i];
            }
        }
    }

    /**
     * {@code min(max(x, lo), hi)} per element; bounds of one element apply to all. NaN in any
     * operand gives NaN; u32 compares unsigned.
     */
    static HostData clamp(HostData lo, HostData x, HostData hi, ShapedArray out) {
        int n = x.size();
        // Stride 0 reads a scalar bound at every index.
        int ls = lo.size() == n ? 1 : 0, hs = hi.size() == n ? 1 : 0;
        return switch (x.dtype()) {
            case F32 -> {
                float[] l = lo.f32(), v = x.f32(), h = hi.f32(), r = HeapArrays.floats(n);
                Parallel.forRange(n, (a, b) -> {
                    for (int i = a; i < b; i++) r[i] = Math.min(Math.max(v[i], l[i * ls]), h[i * hs]);
                });
                yield HostData.own(r);
            }
            case F64 -> {
                double[] l = lo.f64(), v = x.f64(), h = hi.f64(), r = HeapArrays.doubles(n);
                Parallel.forRange(n, (a, b) -> {
                    for (int i = a; i < b; i++) r[i] = Math.min(Math.max(v[i], l[i * ls]), h[i * hs]);
                });
                yield HostData.own(r);
            }
            case I32, U32 -> {
                // Flipping the sign bit maps unsigned order onto signed order.
                int flip = x.dtype() == DType.U32 ? Integer.MIN_VALUE : 0;
                int[] l = lo.i32(), v = x.i32(), h = hi.i32(), r = HeapArrays.ints(n);
                Parallel.forRange(n, (a, b) -> {
                    for (int i = a; i < b; i++) r[i] = Math.min(Math.max(v[i] ^ flip, l[i * ls] ^ flip), h[i * hs] ^ flip) ^ flip;
                });
                yield HostData.own(x.dtype(), r);
            }
            case I64 -> {
                long[] l = lo.i64(), v = x.i64(), h = hi.i64(), r = HeapArrays.longs(n);
                Parallel.forRange(n, (a, b) -> {
                    for (int i = a; i < b; i++) r[i] = Math.min(Math.max(v[i], l[i * ls]), h[i * hs]);
                });
                yield HostData.own(r);
            }
            case BOOL -> throw rejected("clamp", x.dtype());
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(x.dtype());
        };
    }

    /** The error for a dtype that the primitive's shape rule rejects, should a kernel see one anyway. */
    static IllegalStateException rejected(String what, DType d) {
        return new IllegalStateException(what + " has no kernel for " + d + " operands; the shape rule should have rejected them");
    }
}
