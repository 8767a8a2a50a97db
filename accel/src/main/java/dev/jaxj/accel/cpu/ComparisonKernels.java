package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.host.HeapArrays;

import dev.jaxj.ir.Primitive.*;

/**
 * Comparison kernels for every dtype, with bool results: IEEE 754 for floats (NaN is unequal
 * to everything, -0 equals +0), unsigned order for u32, {@code false < true} for bool.
 *
 * <p>Gt and Ge are Lt and Le with the operands swapped, which holds under IEEE rules too, so
 * each dtype needs four loops; each loop is its own lambda, so HotSpot compiles it alone.
 */
final class ComparisonKernels {
    private ComparisonKernels() {}

    private enum Relation { EQ, NE, LT, LE }

    static HostData compare(Comparison p, HostData x, HostData y) {
        return switch (p) {
            case Eq _ -> relation(Relation.EQ, x, y);
            case Ne _ -> relation(Relation.NE, x, y);
            case Lt _ -> relation(Relation.LT, x, y);
            case Le _ -> relation(Relation.LE, x, y);
            case Gt _ -> relation(Relation.LT, y, x);
            case Ge _ -> relation(Relation.LE, y, x);
        };
    }

    private static HostData relation(Relation rel, HostData x, HostData y) {
        boolean[] r = HeapArrays.booleans(x.size());
        Parallel.Range body = switch (x.dtype()) {
            case F32 -> f32(rel, x.f32(), y.f32(), r);
            case F64 -> f64(rel, x.f64(), y.f64(), r);
            case I32 -> i32(rel, x.i32(), y.i32(), r, 0);
            // Flipping the sign bit maps unsigned order onto signed order.
            case U32 -> i32(rel, x.i32(), y.i32(), r, Integer.MIN_VALUE);
            case I64 -> i64(rel, x.i64(), y.i64(), r);
            case BOOL -> bool(rel, x.bool(), y.bool(), r);
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(x.dtype());
        };
        Parallel.forRange(r.length, body);
        return HostData.own(r);
    }

    private static Parallel.Range f32(Relation rel, float[] a, float[] b, boolean[] r) {
        return switch (rel) {
            case EQ -> (lo, hi) -> { for (int i = lo; i < hi; i++) r[i] = a[i] == b[i]; };
            case NE -> (lo, hi) -> { for (int i = lo; i < hi; i++) r[i] = a[i] != b[i]; };
            case LT -> (lo, hi) -> { for (int i = lo; i < hi; i++) r[i] = a[i] < b[i]; };
            case LE -> (lo, hi) -> { for (int i = lo; i < hi; i++) r[i] = a[i] <= b[i]; };
        };
    }

    private static Parallel.Range f64(Relation rel, double[] a, double[] b, boolean[] r) {
        return switch (rel) {
            case EQ -> (lo, hi) -> { for (int i = lo; i < hi; i++) r[i] = a[i] == b[i]; };
            case NE -> (lo, hi) -> { for (int i = lo; i < hi; i++) r[i] = a[i] != b[i]; };
            case LT -> (lo, hi) -> { for (int i = lo; i < hi; i++) r[i] = a[i] < b[i]; };
            case LE -> (lo, hi) -> { for (int i = lo; i < hi; i++) r[i] = a[i] <= b[i]; };
        };
    }

    /** i32 and u32: {@code flip} is 0 for signed order and the sign bit for unsigned order. */
    private static Parallel.Range i32(Relation rel, int[] a, int[] b, boolean[] r, int flip) {
        return switch (rel) {
            case EQ -> (lo, hi) -> { for (int i = lo; i < hi; i++) r[i] = a[i] == b[i]; };
            case NE -> (lo, hi) -> { for (int i = lo; i < hi; i++) r[i] = a[i] != b[i]; };
            case LT -> (lo, hi) -> { for (int i = lo; i < hi; i++) r[i] = (a[i] ^ flip) < (b[i] ^ flip); };
            case LE -> (lo, hi) -> { for (int i = lo; i < hi; i++) r[i] = (a[i] ^ flip) <= (b[i] ^ flip); };
        };
    }

    private static Parallel.Range i64(Relation rel, long[] a, long[] b, boolean[] r) {
        return switch (rel) {
            case EQ -> (lo, hi) -> { for (int i = lo; i < hi; i++) r[i] = a[i] == b[i]; };
            case NE -> (lo, hi) -> { for (int i = lo; i < hi; i++) r[i] = a[i] != b[i]; };
            case LT -> (lo, hi) -> { for (int i = lo; i < hi; i++) r[i] = a[i] < b[i]; };
            case LE -> (lo, hi) -> { for (int i = lo; i < hi; i++) r[i] = a[i] <= b[i]; };
        };
    }

    private static Parallel.Range bool(Relation rel, boolean[] a, boolean[] b, boolean[] r) {
        return switch (rel) {
            case EQ -> (lo, hi) -> { for (int i = lo; i < hi; i++) r[i] = a[i] == b[i]; };
            case NE -> (lo, hi) -> { for (int i = lo; i < hi; i++) r[i] = a[i] != b[i]; };
            case LT -> (lo, hi) -> { for (int i = lo; i < hi; i++) r[i] = !a[i] & b[i]; };
            case LE -> (lo, hi) -> { for (int i = lo; i < hi; i++) r[i] = !a[i] | b[i]; };
        };
    }
}
