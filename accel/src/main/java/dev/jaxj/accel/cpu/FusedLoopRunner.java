package dev.jaxj.accel.cpu;

import dev.jaxj.compiler.kernel.IndexMap;
import dev.jaxj.compiler.kernel.Node;
import dev.jaxj.compiler.kernel.Step;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * Runs a fused loop in tiles of {@value #TILE} elements: each node of the loop is evaluated for
 * a whole tile before the next, so intermediate values live in cache-sized scratch arrays and
 * memory sees only the loads and the stores. Dense loads read the input array in place.
 */
final class FusedLoopRunner {
    static final int TILE = 1024;

    private FusedLoopRunner() {}

    static Seq<HostBuffer> run(Step.FusedLoop f, Seq<HostBuffer> in) {
        Shape domain = f.domain();
        Vector<HostBuffer> stores = f.stores().toVector().map(s -> HostBuffer.allocate(f.nodes().get(s.node()).aval().dtype(), domain.size()));
        if (f.reduction().isEmpty()) {
            int n = domain.size();
            Parallel.forRange(n, Math.max(TILE, Parallel.DEFAULT_GRAIN / Math.max(1, f.nodes().size())), (lo, hi) -> {
                Tiles t = new Tiles(f, in);
                for (int s = lo; s < hi; s += TILE) {
                    int len = Math.min(TILE, hi - s);
                    t.eval(s, len);
                    t.store(stores, s, len);
                }
            });
            return stores;
        }
        Step.Reduction r = f.reduction().get();
        int lead = domain.rank() - r.reducedAxes();
        int rows = 1, k = 1;
        for (int d = 0; d < domain.rank(); d++) {
            if (d < lead) rows *= domain.dim(d);
            else k *= domain.dim(d);
        }
        DType dtype = f.nodes().get(r.node()).aval().dtype();
        HostBuffer out = HostBuffer.allocate(dtype, rows);
        int cols = k;
        Parallel.forRange(rows, Math.max(1, Parallel.DEFAULT_GRAIN / Math.max(1, cols)), (lo, hi) -> {
            Tiles t = new Tiles(f, in);
            for (int row = lo; row < hi; row++) {
                double acc = identity(r.kind());
                for (int j = 0; j < cols; j += TILE) {
                    int len = Math.min(TILE, cols - j);
                    int start = row * cols + j;
                    t.eval(start, len);
                    t.store(stores, start, len);
                    acc = fold(r.kind(), acc, t, r.node(), len);
                }
                out.setDouble(row, acc);
            }
        });
        return stores.append(out);
    }

    private static double identity(Primitive.Reduction kind) {
        return switch (kind) {
            case ReduceSum _ -> 0;
            case ReduceMax _ -> Double.NEGATIVE_INFINITY;
            case ReduceMin _ -> Double.POSITIVE_INFINITY;
            case ReduceProd _, ReduceAnd _, ReduceOr _ -> throw new IllegalStateException(kind.name() + " is not fused");
        };
    }

    /** Folds a tile into the accumulator in double precision; max and min propagate NaN. */
    private static double fold(Primitive.Reduction kind, double acc, Tiles t, int node, int len) {
        Object a = t.arrays[node];
        int o = t.offsets[node];
        return switch (kind) {
            case ReduceSum _ -> {
                double s = 0;
                if (a instanceof float[] x) {
                    float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                    int i = 0;
                    for (; i + 3 < len; i += 4) {
                        s0 += x[o + i];
                        s1 += x[o + i + 1];
                        s2 += x[o + i + 2];
                        s3 += x[o + i + 3];
                    }
                    for (; i < len; i++) s0 += x[o + i];
                    s = (double) s0 + s1 + s2 + s3;
                } else {
                    double[] x = (double[]) a;
                    for (int i = 0; i < len; i++) s += x[o + i];
                }
                yield acc + s;
            }
            case ReduceMax _ -> {
                double m = acc;
                for (int i = 0; i < len; i++) m = Math.max(m, value(a, o + i));
                yield m;
            }
            case ReduceMin _ -> {
                double m = acc;
                for (int i = 0; i < len; i++) m = Math.min(m, value(a, o + i));
                yield m;
            }
            case ReduceProd _, ReduceAnd _, ReduceOr _ -> throw new IllegalStateException(kind.name() + " is not fused");
        };
    }

    private static double value(Object a, int i) {
        return a instanceof float[] x ? x[i] : ((double[]) a)[i];
    }

    /** Per-thread scratch: one tile per node. */
    private static final class Tiles {
        final Step.FusedLoop f;
        final Seq<HostBuffer> in;
        final Object[] arrays;
        final int[] offsets;
        final Object[] scratch;
        final int[] dims;

        Tiles(Step.FusedLoop f, Seq<HostBuffer> in) {
            this.f = f;
            this.in = in;
            int n = f.nodes().size();
            arrays = new Object[n];
            offsets = new int[n];
            scratch = new Object[n];
            dims = f.domain().toArray();
            // Small domains (the common case for small jitted programs) need no full tile.
            int tile = Math.min(TILE, Math.max(1, f.domain().size()));
            for (int i = 0; i < n; i++) {
                Node node = f.nodes().get(i);
                scratch[i] = switch (node) {
                    case Node.Constant c -> HostBuffer.filled(c.aval().dtype(), tile, c.value()).array();
                    case Node.Load l when l.map().isDense(f.domain()) -> null;
                    case Node.Load _, Node.Apply _ -> HostBuffer.allocate(node.aval().dtype(), tile).array();
                };
                arrays[i] = scratch[i];
            }
        }

        void eval(int start, int len) {
            for (int i = 0; i < arrays.length; i++) {
                switch (f.nodes().get(i)) {
                    case Node.Load l -> load(i, l, start, len);
                    case Node.Constant _ -> {
                        arrays[i] = scratch[i];
                        offsets[i] = 0;
                    }
                    case Node.Apply a -> apply(i, a, len);
                }
            }
        }

        void store(Seq<HostBuffer> outs, int start, int len) {
            for (int s = 0; s < outs.size(); s++) {
                int node = f.stores().get(s).node();
                System.arraycopy(arrays[node], offsets[node], outs.get(s).array(), start, len);
            }
        }

        private void load(int i, Node.Load l, int start, int len) {
            HostBuffer src = in.get(l.input());
            IndexMap map = l.map();
            if (map.isDense(f.domain())) {
                arrays[i] = src.array();
                offsets[i] = start;
                return;
            }
            arrays[i] = scratch[i];
            offsets[i] = 0;
            HostBuffer dst = HostBuffer.wrapScratch(src.dtype(), scratch[i]);
            if (map.isScalar()) {
                for (int k = 0; k < len; k++) dst.copyFrom(src, 0, k);
                return;
            }
            // Step a multi-index through the domain, carrying the input offset along.
            int rank = dims.length;
            int[] idx = new int[rank];
            int rest = start;
            for (int d = rank - 1; d >= 0; d--) {
                idx[d] = rest % dims[d];
                rest /= dims[d];
            }
            int off = 0;
            for (int d = 0; d < rank; d++) off += idx[d] * map.stride(d);
            if (scratch[i] instanceof float[] out && src.array() instanceof float[] x) {
                for (int k = 0; k < len; k++) {
                    out[k] = x[off];
                    off = step(idx, off, map, rank);
                }
            } else {
                for (int k = 0; k < len; k++) {
                    dst.copyFrom(src, off, k);
                    off = step(idx, off, map, rank);
                }
            }
        }

        private int step(int[] idx, int off, IndexMap map, int rank) {
            int d = rank - 1;
            idx[d]++;
            off += map.stride(d);
            while (d > 0 && idx[d] == dims[d]) {
                off -= map.stride(d) * dims[d];
                idx[d] = 0;
                d--;
                idx[d]++;
                off += map.stride(d);
            }
            return off;
        }

        private void apply(int i, Node.Apply a, int len) {
            Seq<Integer> args = a.args();
            boolean fast = false;
            if (a.aval().dtype() == DType.F32 && args.forAll(j -> arrays[j] instanceof float[])) {
                float[] out = (float[]) scratch[i];
                fast = switch (args.size()) {
                    case 1 -> TileOps.unary(a.prim(), (float[]) arrays[args.get(0)], offsets[args.get(0)], out, len);
                    case 2 -> TileOps.binary(a.prim(), (float[]) arrays[args.get(0)], offsets[args.get(0)],
                            (float[]) arrays[args.get(1)], offsets[args.get(1)], out, len);
                    default -> false;
                };
            }
            if (fast) {
                arrays[i] = scratch[i];
                offsets[i] = 0;
                return;
            }
            // The exact element kernels, on copies of the tile.
            Vector<HostBuffer> operands = args.toVector().map(j -> slice(j, len));
            ShapedArray outAval = ShapedArray.of(a.aval().dtype(), len);
            HostBuffer r = switch (a.prim()) {
                case Unary u -> ElementwiseKernels.unary(u, operands.get(0), outAval);
                case Binary b -> ElementwiseKernels.binary(b, operands.get(0), operands.get(1), outAval);
                case SelectN _ -> ElementwiseKernels.selectN(operands.get(0), operands.tail(), outAval);
                case Clamp _ -> ElementwiseKernels.clamp(operands.get(0), operands.get(1), operands.get(2), outAval);
            };
            arrays[i] = r.array();
            offsets[i] = 0;
        }

        private HostBuffer slice(int node, int len) {
            DType d = f.nodes().get(node).aval().dtype();
            HostBuffer b = HostBuffer.allocate(d, len);
            System.arraycopy(arrays[node], offsets[node], b.array(), 0, len);
            return b;
        }
    }
}
