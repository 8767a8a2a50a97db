package dev.jaxj.accel.cpu.jvm;

import dev.jaxj.compiler.kernel.Node;
import dev.jaxj.compiler.kernel.Step;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * A fused loop's domain folded into rows for a generated kernel: the outer axes (indexed by
 * div/mod of the row number), and one row of {@code rowLength} points that each load reads
 * either contiguously (inner stride 1) or as one broadcast element (inner stride 0), from its
 * map's offset plus the outer axes' strides (which may be anything, negative too). Adjacent
 * axes that every load walks contiguously merge, so {@code a[i,j] + b[i,j]} over any shape is
 * one flat row and {@code x[i,j] + bias[j]} two axes.
 *
 * <p>Loops without reductions have no natural rows: a flat domain is cut into chunks of
 * {@value #CHUNK} points, which is what the worker threads share.
 *
 * @param outerDims    the sizes of the outer axes
 * @param rowLength    points per row
 * @param size         points in the domain (the last chunk of a flat domain may be short)
 * @param outerStrides per node (loads only): the input stride of each outer axis
 * @param innerStride  per node (loads only): 0 or 1
 */
record LoopLayout(int[] outerDims, int rowLength, int size, int[][] outerStrides, int[] innerStride) {
    static final int CHUNK = 1 << 13;

    /** {@return the number of rows} */
    int rows() {
        int r = 1;
        for (int d : outerDims) r *= d;
        return r;
    }

    /** {@return whether rows are chunks of a flat domain} (so the last one may be short) */
    boolean chunked() {
        return rows() * rowLength != size;
    }

    /** {@return the layout of {@code f}, or none when some load walks its row with a stride other than 0 or 1} */
    static Option<LoopLayout> of(Step.FusedLoop f) {
        int rank = f.domain().rank(), lead = rank - f.reducedAxes();
        List<Integer> loads = new ArrayList<>();
        for (int i = 0; i < f.nodes().size(); i++) if (f.nodes().get(i) instanceof Node.Load) loads.add(i);
        int[][] strides = new int[f.nodes().size()][];
        for (int i : loads) strides[i] = ((Node.Load) f.nodes().get(i)).map().strides();
        int[] dims = f.domain().toArray();
        List<Axis> outer = merge(dims, strides, loads, 0, lead);
        List<Axis> inner = merge(dims, strides, loads, lead, rank);
        int size = f.domain().size();
        if (f.reducedAxes() == 0) {
            if (outer.size() <= 1) {
                for (int i : loads) {
                    int s = outer.isEmpty() ? 0 : outer.getFirst().strides[i];
                    if (s != 0 && s != 1) return Option.none();
                }
                return Option.some(chunks(f, outer, loads, size));
            }
            inner = List.of(outer.removeLast());
        }
        if (inner.size() > 1) return Option.none();
        Axis row = inner.isEmpty() ? new Axis(1, new int[f.nodes().size()]) : inner.getFirst();
        int[] innerStride = new int[f.nodes().size()];
        for (int i : loads) {
            if (row.strides[i] != 0 && row.strides[i] != 1) return Option.none();
            innerStride[i] = row.strides[i];
        }
        int[] outerDims = outer.stream().mapToInt(a -> a.size).toArray();
        int[][] outerStrides = new int[f.nodes().size()][];
        for (int i : loads) {
            int node = i;
            outerStrides[i] = outer.stream().mapToInt(a -> a.strides[node]).toArray();
        }
        return Option.some(new LoopLayout(outerDims, row.size, size, outerStrides, innerStride));
    }

    /** A flat domain (every load dense or scalar) cut into chunks. */
    private static LoopLayout chunks(Step.FusedLoop f, List<Axis> flat, List<Integer> loads, int size) {
        int n = f.nodes().size();
        int rowLength = Math.max(1, Math.min(CHUNK, size));
        int[][] outerStrides = new int[n][];
        int[] innerStride = new int[n];
        for (int i : loads) {
            int s = flat.isEmpty() ? 0 : flat.getFirst().strides[i];
            innerStride[i] = s;
            outerStrides[i] = new int[] {s * rowLength};
        }
        return new LoopLayout(new int[] {Math.max(1, (size + rowLength - 1) / rowLength)}, rowLength, size, outerStrides, innerStride);
    }

    /** One axis after merging: its size and every load's stride along it. */
    private record Axis(int size, int[] strides) {}

    /** Merges axes {@code [from, to)}, dropping size-1 axes, while every load walks them as one. */
    private static List<Axis> merge(int[] dims, int[][] strides, List<Integer> loads, int from, int to) {
        List<Axis> axes = new ArrayList<>();
        for (int d = from; d < to; d++) {
            if (dims[d] == 1) continue;
            int[] s = new int[strides.length];
            for (int i : loads) s[i] = strides[i][d];
            if (!axes.isEmpty()) {
                Axis prev = axes.getLast();
                int dim = dims[d];
                if (loads.stream().allMatch(i -> prev.strides[i] == s[i] * dim)) {
                    axes.set(axes.size() - 1, new Axis(prev.size * dim, s));
                    continue;
                }
            }
            axes.add(new Axis(dims[d], s));
        }
        return axes;
    }
}
