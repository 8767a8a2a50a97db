package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.host.HeapArrays;

import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.ShapedArray;

import java.util.ArrayList;
import java.util.List;

/**
 * Reductions over sets of axes, arg-reductions and cumulative scans.
 *
 * <p>A reduction over any set of axes is a sequence of reductions over single runs of
 * adjacent axes: size-1 axes are dropped, neighbouring axes of one kind (kept or reduced)
 * merge, and each reduced run, last first, is folded away as the middle axis of an
 * {@code [outer, n, inner]} view. The common cases (a row sum, a column sum, a full sum) are a
 * single step. f32 runs on its {@code float[]}; f64 on its {@code double[]}; integers and
 * bools widened to {@code long[]} (see {@link Widened}).
 */
final class ReductionKernels {
    private ReductionKernels() {}

    static HostData reduce(Reduction p, ShapedArray in, HostData x, ShapedArray out) {
        Monoid op = Monoid.of(p);
        List<Run> runs = runs(in.shape().toArray(), p.axes());
        DType d = in.dtype();
        return switch (d) {
            case F32 -> HostData.own(fold(runs, x.f32(), (a, o, n, i) -> FloatReductions.reduce(op, a, o, n, i)));
            case F64 -> HostData.own(fold(runs, x.f64(),
                    (a, o, n, i) -> WideReductions.reduce(op.doubleOp(), op.floatIdentity(), a, o, n, i)));
            case I32, U32, I64, BOOL -> Widened.narrow(d, fold(runs, Widened.longs(x),
                    (a, o, n, i) -> WideReductions.reduce(op.longOp(), op.longIdentity(d), a, o, n, i)));
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
        };
    }

    /** A run of adjacent axes of one kind, with the product of their sizes. */
    private record Run(int size, boolean reduced) {}

    private static List<Run> runs(int[] dims, Iterable<Integer> axes) {
        boolean[] reduced = new boolean[dims.length];
        for (int a : axes) reduced[a] = true;
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] == 1) continue;     // neither adds elements nor separates runs
            if (!runs.isEmpty() && runs.getLast().reduced() == reduced[i]) {
                runs.set(runs.size() - 1, new Run(runs.getLast().size() * dims[i], reduced[i]));
            } else {
                runs.add(new Run(dims[i], reduced[i]));
            }
        }
        return runs;
    }

    /** Reduces the middle axis of an {@code [outer, n, inner]} view of {@code A}. */
    @FunctionalInterface
    private interface Step<A> {
        A apply(A data, int outer, int n, int inner);
    }

    private static <A> A fold(List<Run> runs, A data, Step<A> step) {
        List<Run> left = new ArrayList<>(runs);
        for (int g = left.size() - 1; g >= 0; g--) {
            if (!left.get(g).reduced()) continue;
            int outer = 1, inner = 1;
            for (int i = 0; i < g; i++) outer *= left.get(i).size();
            for (int i = g + 1; i < left.size(); i++) inner *= left.get(i).size();
            data = step.apply(data, outer, left.get(g).size(), inner);
            left.remove(g);
        }
        return data;
    }

    static HostData argReduce(ArgReduction p, ShapedArray in, HostData x, ShapedArray out) {
        boolean max = switch (p) {
            case Argmax _ -> true;
            case Argmin _ -> false;
        };
        LaneTiles v = LaneTiles.along(in.shape(), p.axis());
        int[] index = switch (in.dtype()) {
            case F32 -> ArgKernels.argF32(max, x.f32(), v);
            case F64 -> ArgKernels.argF64(max, x.f64(), v);
            case I32, U32, I64, BOOL -> ArgKernels.argLong(max, Widened.longs(x), v);
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(in.dtype());
        };
        DType d = p.indexDtype();
        return switch (d) {
            case I32, U32 -> HostData.own(d, index);
            case I64 -> {
                long[] r = HeapArrays.longs(index.length);
                for (int i = 0; i < r.length; i++) r[i] = index[i];
                yield HostData.own(r);
            }
            case F32, F64, BOOL -> throw new IllegalStateException("index dtype must be an integer type, got " + d);
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
        };
    }

    static HostData cumulative(Cumulative p, ShapedArray in, HostData x) {
        Monoid op = Monoid.of(p);
        LaneTiles v = LaneTiles.along(in.shape(), p.axis());
        DType d = in.dtype();
        return switch (d) {
            case F32 -> HostData.own(ScanKernels.scanF32(op, x.f32(), v, p.reverse()));
            case F64 -> HostData.own(ScanKernels.scanF64(op.doubleOp(), x.f64(), v, p.reverse()));
            case I32, U32, I64 -> Widened.narrow(d, ScanKernels.scanLong(op.longOp(), Widened.longs(x), v, p.reverse()));
            case BOOL -> throw new IllegalStateException(p.name() + " does not accept bool (the shape rule should have rejected it)");
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
        };
    }
}
