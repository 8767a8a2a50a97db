package dev.jaxj.accel.device.library;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static dev.jaxj.accel.device.library.LibraryCase.*;
import static org.junit.jupiter.api.Assertions.*;

/** Gather and the scatter family: compiled as CUDA C for every variant, run against the CPU backend on random dimension numbers. */
class GatherScatterKernelsTest {
    private static final DType[] INDEX_TYPES = {DType.I32, DType.I64, DType.U32};

    /**
     * Random gather/scatter geometry: operand rank 1-3, some axes indexed, some collapsed, an
     * operand batching axis one time in three, indices with 0-2 extra batch axes; scatter uses
     * the gather's output shape for its updates (the window is the slice).
     */
    record Geometry(int[] operand, int[] indices, int[] slice, Seq<Integer> offsetDims, Seq<Integer> collapsed, Seq<Integer> startMap,
                    Seq<Integer> operandBatching, Seq<Integer> indicesBatching, GatherScatterMode mode) {
        static Geometry random(Random r) {
            int rank = 1 + r.nextInt(3);
            int[] operand = IntStream.range(0, rank).map(i -> r.nextInt(5)).toArray();
            int batching = r.nextInt(3) == 0 ? r.nextInt(rank) : -1;
            if (batching >= 0) operand[batching] = Math.max(1, operand[batching]);
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
            Collections.shuffle(startMap, r);
            List<Integer> idx = new ArrayList<>();
            for (int i = r.nextInt(3); i > 0; i--) idx.add(r.nextInt(4));
            Seq<Integer> ob = Vector.empty(), ib = Vector.empty();
            if (batching >= 0) {
                int at = r.nextInt(idx.size() + 1);
                idx.add(at, operand[batching]);
                ob = Vector.of(batching);
                ib = Vector.of(at);
            }
            int batchRank = idx.size();
            idx.add(startMap.size());
            int kept = rank - collapsed.size() - ob.size();
            List<Integer> axes = new ArrayList<>(IntStream.range(0, batchRank + kept).boxed().toList());
            Collections.shuffle(axes, r);
            return new Geometry(operand, idx.stream().mapToInt(Integer::intValue).toArray(), slice, Vector.ofAll(axes.subList(0, kept)).sorted(),
                    Vector.ofAll(collapsed), Vector.ofAll(startMap), ob, ib, GatherScatterMode.values()[r.nextInt(3)]);
        }

        Gather gather() {
            return new Gather(new GatherDimensionNumbers(offsetDims, collapsed, startMap, operandBatching, indicesBatching),
                    Vector.ofAll(IntStream.of(slice).boxed().toList()), mode);
        }

        ScatterDimensionNumbers scatterNumbers() {
            return new ScatterDimensionNumbers(offsetDims, collapsed, startMap, operandBatching, indicesBatching);
        }

        /** Indices of a random integer dtype, a third of them out of bounds on either side. */
        HostData indexValues(DType t, Random r) {
            int n = IntStream.of(indices).reduce(1, (a, b) -> a * b), k = startMap.size();
            HostData b = HostData.allocate(t, n);
            for (int i = 0; i < n; i++) {
                int d = startMap.get(i % k), hi = operand[d] - slice[d];
                long v = switch (r.nextInt(6)) {
                    case 0 -> t == DType.U32 ? 0xFFFF_FFFFL - r.nextInt(3) : -1 - r.nextInt(3);
                    case 1 -> hi + 1 + r.nextInt(3);
                    default -> r.nextInt(hi + 1);
                };
                b.setLong(i, v);
            }
            return b;
        }
    }

    private static HostData floats(DType t, double... v) {
        HostData b = HostData.allocate(t, v.length);
        for (int i = 0; i < v.length; i++) b.setDouble(i, v[i]);
        return b;
    }

    private static ScatterFamily scatter(int which, ScatterDimensionNumbers dn, GatherScatterMode mode) {
        return switch (which) {
            case 0 -> new Scatter(dn, mode);
            case 1 -> new ScatterAdd(dn, mode);
            case 2 -> new ScatterMul(dn, mode);
            case 3 -> new ScatterMin(dn, mode);
            default -> new ScatterMax(dn, mode);
        };
    }

    /** Random geometries over every dtype and every scatter, then the closed forms users write. */
    static List<LibraryCase> cases() {
        var r = new Random(11);
        var out = new ArrayList<LibraryCase>();
        for (int trial = 0; trial < 30; trial++) {
            for (DType t : DType.computeTypes().toArray(DType[]::new)) {
                Geometry g = Geometry.random(r);
                DType it = INDEX_TYPES[r.nextInt(3)];
                ShapedArray x = aval(t, g.operand()), ix = aval(it, g.indices());
                HostData xv = random(t, x.size(), r, false), iv = g.indexValues(it, r);
                Gather gather = g.gather();
                out.add(new LibraryCase("random gather " + trial, gather, Vector.of(x, ix), Vector.of(xv, iv)));
                ShapedArray u = gather.abstractEval(Vector.of(x, ix)).single();
                int which = r.nextInt(5);
                // Sums and products get finite, NaN-free floats: the NaN a device makes of inf - inf need not be Java's.
                boolean specials = which == 0 || which >= 3;
                HostData uv = random(t, u.size(), r, specials);
                if (specials) xv = random(t, x.size(), r, true);
                out.add(new LibraryCase("random scatter " + trial, scatter(which, g.scatterNumbers(), g.mode()), Vector.of(x, ix, u), Vector.of(xv, iv, uv)));
            }
        }
        for (DType t : DType.computeTypes().toArray(DType[]::new)) {
            for (GatherScatterMode mode : GatherScatterMode.values()) {
                // x[idx] on rows: indices [5, 1] into a [4, 3] operand, two of them out of bounds.
                var rows = new Gather(new GatherDimensionNumbers(Vector.of(1), Vector.of(0), Vector.of(0), Vector.empty(), Vector.empty()), Vector.of(1, 3), mode);
                out.add(new LibraryCase("take rows", rows, Vector.of(aval(t, 4, 3), aval(DType.I32, 5, 1)),
                        Vector.of(random(t, 12, r, false), ints(DType.I32, 2, -1, 0, 4, 2))));
                // The gradient of an embedding lookup: duplicate rows accumulate in index order.
                var dn = new ScatterDimensionNumbers(Vector.of(1), Vector.of(0), Vector.of(0), Vector.empty(), Vector.empty());
                for (int which = 0; which < 5; which++) {
                    out.add(new LibraryCase("embedding gradient", scatter(which, dn, mode), Vector.of(aval(t, 4, 3), aval(DType.I64, 6, 1), aval(t, 6, 3)),
                            Vector.of(random(t, 12, r, false), ints(DType.I64, 1, 3, 1, 1, 5, -1), random(t, 18, r, false))));
                }
            }
        }
        // Min and max meet signed zeros and NaN both ways round: Java's Math.min/max order -0.0 below 0.0 and keep NaN.
        var elementwise = new ScatterDimensionNumbers(Vector.empty(), Vector.of(0), Vector.of(0), Vector.empty(), Vector.empty());
        for (DType t : List.of(DType.F32, DType.F64)) {
            for (int which : new int[] {0, 3, 4}) {
                out.add(new LibraryCase("signed zeros and NaN", scatter(which, elementwise, GatherScatterMode.CLIP),
                        Vector.of(aval(t, 6), aval(DType.I32, 6, 1), aval(t, 6)),
                        Vector.of(floats(t, -0.0, 0.0, Double.NaN, 1, -0.0, 2), ints(DType.I32, 0, 1, 2, 3, 4, 4), floats(t, 0.0, -0.0, 1, Double.NaN, 0.0, -0.0))));
            }
        }
        return out;
    }

    @Test
    void shouldCompileEveryVariantAsCuda() {
        assertCompileAsCuda(cases());
    }

    @Test
    void shouldCoverEveryDtypeModeAndCombiner() {
        var names = prefixes(cases());
        for (DType t : DType.computeTypes().toArray(DType[]::new)) {
            for (GatherScatterMode m : GatherScatterMode.values()) assertTrue(names.contains("gather_" + t + "_i32_" + m.name().toLowerCase()), t + " " + m);
            for (String op : List.of("scatter", "scatter_add", "scatter_mul", "scatter_min", "scatter_max")) assertTrue(names.contains(op + "_" + t + "_r2"), op + " " + t);
        }
    }

    @Test
    void shouldFoldEveryScatterInOneWorkItemPerOperandElement() {
        for (LibraryCase c : cases()) {
            if (!(c.p() instanceof ScatterFamily)) continue;
            ShapedArray x = c.inAvals().get(0), ix = c.inAvals().get(1), u = c.inAvals().get(2);
            if (u.size() == 0 || x.size() == 0) continue;
            DeviceCall call = c.lower();
            long batches = ix.shape().without(ix.rank() - 1).size();
            assertEquals(2, call.launches().size(), c.toString());
            assertEquals(batches, call.launches().get(0).global()[0], c.toString());
            assertEquals(x.size(), call.launches().get(1).global()[0], c.toString());
        }
    }

    @Test
    void shouldMatchTheCpuBackendOnPoCl() {
        OnPoCl.assertMatchesCpu(cases());
    }
}
