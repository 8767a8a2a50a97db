package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;

import dev.jaxj.accel.cpu.KernelHarness.Operand;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Vector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static dev.jaxj.accel.cpu.NdReference.*;
import static dev.jaxj.ir.Primitive.GatherScatterMode.FILL_OR_DROP;

/**
 * A per-element transcription of XLA's gather and scatter pseudo-code, and random dimension numbers
 * (batching dims included) to run it on: the reference for {@link GatherScatterKernelsTest}.
 */
final class GatherScatterReference {
    private GatherScatterReference() {}

    /**
     * A random gather configuration; its scatter dual (window dims = offset dims, inserted = collapsed,
     * scatter_dims_to_operand_dims = start_index_map, updates shaped like the gather's output).
     */
    record Config(int[] operand, int[] indices, int[] slice, int[] offsetDims, int[] collapsed, int[] startMap,
                          int[] operandBatching, int[] indicesBatching, int[] out, GatherScatterMode mode) {
        static Config random(Random r) {
            int rank = 1 + r.nextInt(3);
            int[] operand = new int[rank];
            for (int i = 0; i < rank; i++) operand[i] = r.nextInt(5);
            int batching = -1;
            if (r.nextInt(3) == 0) {
                batching = r.nextInt(rank);
                operand[batching] = Math.max(1, operand[batching]);
            }
            int[] slice = new int[rank];
            List<Integer> collapsed = new ArrayList<>(), startMap = new ArrayList<>();
            for (int d = 0; d < rank; d++) {
                if (d == batching) {
                    slice[d] = 1;
                    continue;
                }
                slice[d] = r.nextInt(operand[d] + 1);
                if (slice[d] == 1 && r.nextBoolean()) collapsed.add(d);
                if (r.nextBoolean()) startMap.add(d);
            }
            java.util.Collections.shuffle(startMap, r);
            // Indices: random batch axes, plus the batching axis at a random place, then the index vector.
            List<Integer> idx = new ArrayList<>();
            for (int i = r.nextInt(3); i > 0; i--) idx.add(r.nextInt(4));
            int[] operandBatching = {}, indicesBatching = {};
            if (batching >= 0) {
                int at = r.nextInt(idx.size() + 1);
                idx.add(at, operand[batching]);
                operandBatching = new int[] {batching};
                indicesBatching = new int[] {at};
            }
            int batchRank = idx.size();
            idx.add(startMap.size());
            int kept = rank - collapsed.size() - operandBatching.length;
            int outRank = batchRank + kept;
            List<Integer> axes = new ArrayList<>();
            for (int i = 0; i < outRank; i++) axes.add(i);
            java.util.Collections.shuffle(axes, r);
            int[] offsetDims = axes.subList(0, kept).stream().sorted().mapToInt(Integer::intValue).toArray();
            int[] out = new int[outRank];
            for (int o = 0, b = 0, k = 0; o < outRank; o++) {
                if (k < kept && offsetDims[k] == o) {
                    int d = keptAxes(rank, collapsed, operandBatching)[k++];
                    out[o] = slice[d];
                } else {
                    out[o] = idx.get(b++);
                }
            }
            return new Config(operand, idx.stream().mapToInt(Integer::intValue).toArray(), slice, offsetDims,
                    collapsed.stream().mapToInt(Integer::intValue).toArray(), startMap.stream().mapToInt(Integer::intValue).toArray(),
                    operandBatching, indicesBatching, out, GatherScatterMode.values()[r.nextInt(3)]);
        }

        private static int[] keptAxes(int rank, List<Integer> collapsed, int[] batching) {
            return java.util.stream.IntStream.range(0, rank)
                    .filter(d -> !collapsed.contains(d) && Arrays.stream(batching).noneMatch(b -> b == d)).toArray();
        }

        int[] keptAxes() {
            List<Integer> c = new ArrayList<>();
            for (int d : collapsed) c.add(d);
            return keptAxes(operand.length, c, operandBatching);
        }

        Gather gather() {
            return new Gather(new GatherDimensionNumbers(v(offsetDims), v(collapsed), v(startMap), v(operandBatching), v(indicesBatching)), v(slice), mode);
        }

        ScatterDimensionNumbers scatterNumbers() {
            return new ScatterDimensionNumbers(v(offsetDims), v(collapsed), v(startMap), v(operandBatching), v(indicesBatching));
        }

        /** Random indices, some out of bounds on either side. */
        Operand indices(Random r) {
            DType t = INDEX_TYPES[r.nextInt(3)];
            int k = startMap.length;
            HostData b = HostData.allocate(t, Shape.of(indices).size());
            for (int i = 0; i < b.size(); i++) {
                int d = startMap[i % k];
                b.setLong(i, r.nextInt(operand[d] - slice[d] + 5) - 2);
            }
            return new Operand(ShapedArray.of(t, Shape.of(indices)), b);
        }

        @Override
        public String toString() {
            return "operand " + Arrays.toString(operand) + " indices " + Arrays.toString(indices) + " slice " + Arrays.toString(slice)
                    + " offset_dims " + Arrays.toString(offsetDims) + " collapsed " + Arrays.toString(collapsed) + " start_index_map "
                    + Arrays.toString(startMap) + " batching " + Arrays.toString(operandBatching) + "/" + Arrays.toString(indicesBatching)
                    + " " + mode;
        }
    }

    static Vector<Integer> v(int... a) {
        return Vector.ofAll(a);
    }

    /**
     * The operand start of the window at batch position {@code g} (the indices' leading axes), per
     * XLA: index-vector components and batching axes, clamped in CLIP modes; null when FILL_OR_DROP
     * finds any component out of bounds.
     */
    private static int[] windowStart(Config c, int[] window, HostData indices, int[] g) {
        int k = c.startMap().length;
        int[] start = new int[c.operand().length];
        int base = flat(g, Arrays.copyOf(c.indices(), g.length)) * k;
        for (int j = 0; j < k; j++) {
            int d = c.startMap()[j];
            long s = indices.getLong(base + j), max = c.operand()[d] - window[d];
            if (c.mode() == FILL_OR_DROP && (s < 0 || s > max)) return null;
            start[d] = (int) Math.min(Math.max(s, 0), max);
        }
        for (int j = 0; j < c.operandBatching().length; j++) start[c.operandBatching()[j]] = g[c.indicesBatching()[j]];
        return start;
    }

    /** Splits an output (or update) index into its batch part and its window part, per offset (window) dims. */
    private static int[][] split(Config c, int[] o) {
        int[] g = new int[c.indices().length - 1], w = new int[c.offsetDims().length];
        for (int i = 0, b = 0, k = 0; i < o.length; i++) {
            if (k < w.length && c.offsetDims()[k] == i) w[k++] = o[i];
            else g[b++] = o[i];
        }
        return new int[][] {g, w};
    }

    static HostData gather(Config c, Operand x, Operand indices) {
        DType t = x.aval().dtype();
        HostData e = HostData.allocate(t, Shape.of(c.out()).size());
        int[] kept = c.keptAxes();
        forEachIndex(c.out(), o -> {
            int[][] gw = split(c, o);
            int[] start = windowStart(c, c.slice(), indices.data(), gw[0]);
            if (start == null) {
                switch (t) {
                    case F32, F64 -> e.setDouble(flat(o, c.out()), Double.NaN);
                    case I32 -> e.setLong(flat(o, c.out()), Integer.MIN_VALUE);
                    case U32 -> e.setLong(flat(o, c.out()), 0xFFFF_FFFFL);
                    case I64 -> e.setLong(flat(o, c.out()), Long.MIN_VALUE);
                    case BOOL -> e.setLong(flat(o, c.out()), 1);
                }
                return;
            }
            for (int k = 0; k < kept.length; k++) start[kept[k]] += gw[1][k];
            e.copyFrom(x.data(), flat(start, c.operand()), flat(o, c.out()));
        });
        return e;
    }

    /** Windows in batch order, elements within a window in row-major order; updates combine one by one. */
    static HostData scatter(Config c, ScatterFamily p, Operand x, Operand indices, Operand updates) {
        HostData e = x.data().copy();
        int[] kept = c.keptAxes();
        int[] batch = Arrays.copyOf(c.indices(), c.indices().length - 1), window = new int[kept.length];
        for (int k = 0; k < kept.length; k++) window[k] = c.slice()[kept[k]];
        forEachIndex(batch, g -> {
            int[] start = windowStart(c, c.slice(), indices.data(), g);
            if (start == null) return;
            forEachIndex(window, w -> {
                int[] at = start.clone(), u = new int[c.out().length];
                for (int k = 0; k < kept.length; k++) at[kept[k]] += w[k];
                for (int i = 0, b = 0, k = 0; i < u.length; i++) u[i] = k < w.length && c.offsetDims()[k] == i ? w[k++] : g[b++];
                combine(p, e, flat(at, c.operand()), updates.data(), flat(u, c.out()));
            });
        });
        return e;
    }

    /** {@code e[i] = op(e[i], u[j])} with the dtype's own arithmetic: wrapping integers, NaN-propagating float min/max. */
    private static void combine(ScatterFamily p, HostData e, int i, HostData u, int j) {
        DType t = e.dtype();
        if (p instanceof Scatter) {
            e.copyFrom(u, j, i);
        } else if (t.isFloating()) {
            double a = e.getDouble(i), b = u.getDouble(j);
            boolean nan = Double.isNaN(a) || Double.isNaN(b);
            e.setDouble(i, switch (p) {
                case ScatterAdd _ -> a + b;
                case ScatterMul _ -> a * b;
                case ScatterMin _ -> nan ? Double.NaN : Math.min(a, b);
                case ScatterMax _ -> nan ? Double.NaN : Math.max(a, b);
                case Scatter _ -> b;
            });
        } else if (t.isBool()) {
            boolean a = e.getLong(i) != 0, b = u.getLong(j) != 0;
            e.setLong(i, (p instanceof ScatterAdd || p instanceof ScatterMax ? a || b : a && b) ? 1 : 0);
        } else {
            long a = e.getLong(i), b = u.getLong(j);    // u32 reads unsigned, so min/max compare unsigned
            e.setLong(i, switch (p) {
                case ScatterAdd _ -> a + b;
                case ScatterMul _ -> a * b;
                case ScatterMin _ -> Math.min(a, b);
                case ScatterMax _ -> Math.max(a, b);
                case Scatter _ -> b;
            });
        }
    }

    static ScatterFamily scatterOf(int which, ScatterDimensionNumbers dn, GatherScatterMode mode) {
        return switch (which) {
            case 0 -> new Scatter(dn, mode);
            case 1 -> new ScatterAdd(dn, mode);
            case 2 -> new ScatterMul(dn, mode);
            case 3 -> new ScatterMin(dn, mode);
            default -> new ScatterMax(dn, mode);
        };
    }
}
