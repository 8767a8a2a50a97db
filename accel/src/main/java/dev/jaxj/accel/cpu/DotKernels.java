package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;

import dev.jaxj.accel.cpu.Gemm.Product;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.DotGeneral;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;

/**
 * dot_general: the operands are converted to the computation dtype (the preferred element
 * type, else theirs), laid out as {@code [batch, m, k]} and {@code [batch, k, n]}, and
 * multiplied by {@link Gemm}. The {@code [batch, m, n]} result is already the output layout:
 * batch axes, then lhs free axes, then rhs free axes.
 *
 * <p>An operand whose axes are already in that order is used as it is (axes of size 1 may sit
 * anywhere). For f32, an operand in the transposed order ({@code [batch, k, m]} or
 * {@code [batch, n, k]}, as in {@code x·Wᵀ}) is used as it is too: the GEMM packs its operands
 * anyway, and reads either order at the same cost. Any other order is copied by
 * {@link Layouts#permute}.
 */
final class DotKernels {
    private DotKernels() {}

    static HostData dotGeneral(DotGeneral p, ShapedArray lhsAval, HostData lhs, ShapedArray rhsAval, HostData rhs, ShapedArray out) {
        var dn = p.dimensionNumbers();
        int[] ld = lhsAval.shape().toArray(), rd = rhsAval.shape().toArray();
        int[] lhsFree = free(ld.length, dn.lhsBatch(), dn.lhsContracting());
        int[] rhsFree = free(rd.length, dn.rhsBatch(), dn.rhsContracting());
        int[] lb = ints(dn.lhsBatch()), lc = ints(dn.lhsContracting()), rb = ints(dn.rhsBatch()), rc = ints(dn.rhsContracting());
        int batch = sizeOf(ld, lb), m = sizeOf(ld, lhsFree), k = sizeOf(ld, lc), n = sizeOf(rd, rhsFree);
        int[] lhsPerm = concat(lb, lhsFree, lc), lhsPermT = concat(lb, lc, lhsFree);
        int[] rhsPerm = concat(rb, rc, rhsFree), rhsPermT = concat(rb, rhsFree, rc);
        DType ct = out.dtype();
        boolean packs = ct == DType.F32;
        boolean aT = packs && !inOrder(ld, lhsPerm) && inOrder(ld, lhsPermT);
        boolean bT = packs && !inOrder(rd, rhsPerm) && inOrder(rd, rhsPermT);
        HostData a = Widened.convert(lhs, ct), b = Widened.convert(rhs, ct);
        if (!aT && !inOrder(ld, lhsPerm)) a = Layouts.permute(a, ld, lhsPerm);
        if (!bT && !inOrder(rd, rhsPerm)) b = Layouts.permute(b, rd, rhsPerm);
        return gemm(Product.dense(batch, m, n, k, aT, bT), a, b);
    }

    /** {@return whether permuting {@code dims} by {@code perm} leaves the row-major data as it is} Size-1 axes never move data. */
    private static boolean inOrder(int[] dims, int[] perm) {
        int last = -1;
        for (int axis : perm) {
            if (dims[axis] == 1) continue;
            if (axis < last) return false;
            last = axis;
        }
        return true;
    }

    /** {@code C = A·B} for dense operands of one dtype; the result has that dtype. */
    static HostData gemm(Product p, HostData a, HostData b) {
        DType d = a.dtype();
        if (d == DType.BOOL) {
            // Only reachable as a preferred element type: any(a AND b) over the contraction.
            return Widened.convert(gemm(p, Widened.convert(a, DType.I32), Widened.convert(b, DType.I32)), DType.BOOL);
        }
        HostData c = HostData.allocate(d, p.batch() * p.m() * p.n());
        switch (d) {
            case F32 -> Gemm.f32(p, a.f32(), b.f32(), c.f32());
            case F64 -> Gemm.f64(p, a.f64(), b.f64(), c.f64());
            case I32, U32 -> Gemm.i32(p, a.i32(), b.i32(), c.i32());
            case I64 -> Gemm.i64(p, a.i64(), b.i64(), c.i64());
            case BOOL -> throw new IllegalStateException("handled above");
        }
        return c;
    }

    private static int[] free(int rank, Seq<Integer> batch, Seq<Integer> contracting) {
        return java.util.stream.IntStream.range(0, rank).filter(i -> !batch.contains(i) && !contracting.contains(i)).toArray();
    }

    private static int[] ints(Seq<Integer> s) {
        return s.toJavaStream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] concat(int[]... parts) {
        return java.util.Arrays.stream(parts).flatMapToInt(java.util.Arrays::stream).toArray();
    }

    private static int sizeOf(int[] dims, int[] axes) {
        int p = 1;
        for (int a : axes) p *= dims[a];
        return p;
    }
}
