package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.host.HeapArrays;

import dev.jaxj.compiler.kernel.IndexMap;
import dev.jaxj.compiler.kernel.Node;
import dev.jaxj.compiler.kernel.Step;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * Runs a fused loop in tiles of {@value #TILE} elements: each node of the loop is evaluated for
 * a whole tile before the next, so intermediate values live in cache-sized scratch arrays and
 * memory sees only the loads and the stores. Dense loads read the input array in place.
 *
 * <p>The interpreter behind the generated code ({@link dev.jaxj.accel.cpu.jvm.JvmLoops}): it
 * runs the loops the code generator does not cover (f64 and integer values, strided loads,
 * iotas, bounded loads, primitives without a vector form), with the exact element kernels. A loop with reductions
 * sweeps each row once per {@linkplain Step.FusedLoop#passes() pass}, recomputing what an
 * earlier sweep computed.
 */
final class FusedLoopRunner {
    static final int TILE = 1024;

    private FusedLoopRunner() {}

    /** Evaluates {@code f} over {@code in} into {@code out} (one buffer per {@code f.outputs()}). */
    static void run(Step.FusedLoop f, Seq<HostData> in, Seq<HostData> out) {
        if (isOneElementwiseOp(f)) {
            copy(applyWhole((Node.Apply) f.nodes().last(), f, in), out.head());
            return;
        }
        if (f.reducedAxes() == 0) {
            int n = f.domain().size();
            Parallel.forRange(n, Math.max(TILE, Parallel.DEFAULT_GRAIN / Math.max(1, f.nodes().size())), (lo, hi) -> {
                Tiles t = new Tiles(f, in);
                for (int s = lo; s < hi; s += TILE) {
                    int len = Math.min(TILE, hi - s);
                    t.eval(s, len, 0);
                    t.store(out, s, len, 0);
                }
            });
            return;
        }
        int cols = f.rowLength(), passes = f.passes();
        Parallel.forRange(f.rows(), Math.max(1, Parallel.DEFAULT_GRAIN / Math.max(1, cols)), (lo, hi) -> {
            Tiles t = new Tiles(f, in);
            for (int row = lo; row < hi; row++) {
                for (int pass = 0; pass < passes; pass++) {
                    t.startPass(pass);
                    for (int j = 0; j < cols; j += TILE) {
                        int len = Math.min(TILE, cols - j);
                        int start = row * cols + j;
                        t.eval(start, len, pass);
                        // Fold before storing: a store may overwrite an input this tile still reads in place.
                        t.fold(pass, len);
                        t.store(out, start, len, pass);
                    }
                    t.storeReductions(out, row, pass);
                }
            }
        });
    }

    /**
     * Whether {@code f} is one elementwise primitive over whole inputs (what an eager operation
     * the code generator does not cover compiles to): the primitive's kernel then runs over the
     * whole arrays at once, which beats copying tiles out for it by about half.
     */
    private static boolean isOneElementwiseOp(Step.FusedLoop f) {
        int last = f.nodes().size() - 1;
        if (f.reducedAxes() != 0 || f.stores().size() != 1 || f.stores().head().node() != last) return false;
        if (!(f.nodes().get(last) instanceof Node.Apply a) || hasTileOp(a, f)) return false;
        for (int arg : a.args()) {
            if (!(f.nodes().get(arg) instanceof Node.Load l && l.map().isDense(f.domain()))) return false;
        }
        return true;
    }

    /** Whether tiles compute {@code a} with the f32 vector operations that generated loops use (so jit and the interpreter agree). */
    private static boolean hasTileOp(Node.Apply a, Step.FusedLoop f) {
        if (a.aval().dtype() != DType.F32 || a.args().exists(k -> f.nodes().get(k).aval().dtype() != DType.F32)) return false;
        return switch (a.args().size()) {
            case 1 -> TileOps.unaryOp(a.prim()) != null;
            case 2 -> TileOps.binaryOp(a.prim()) != null;
            default -> false;
        };
    }

    /** The primitive of {@code a} over the whole inputs that its arguments load. */
    private static HostData applyWhole(Node.Apply a, Step.FusedLoop f, Seq<HostData> in) {
        Vector<HostData> operands = a.args().toVector().map(k -> in.get(((Node.Load) f.nodes().get(k)).input()));
        return elementwise(a, operands, ShapedArray.of(a.aval().dtype(), f.domain().size()));
    }

    private static HostData elementwise(Node.Apply a, Vector<HostData> operands, ShapedArray out) {
        return switch (a.prim()) {
            case Unary u -> ElementwiseKernels.unary(u, operands.get(0), out);
            case Binary b -> ElementwiseKernels.binary(b, operands.get(0), operands.get(1), out);
            case SelectN _ -> ElementwiseKernels.selectN(operands.get(0), operands.tail(), out);
            case Clamp _ -> ElementwiseKernels.clamp(operands.get(0), operands.get(1), operands.get(2), out);
        };
    }

    private static void copy(HostData from, HostData to) {
        Object src = from.array(), dst = to.array();
        if (src == dst) return;
        Parallel.forRange(to.size(), (lo, hi) -> System.arraycopy(src, lo, dst, lo, hi - lo));
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
    private static double fold(Primitive.Reduction kind, double acc, Object a, int o, int len) {
        return switch (kind) {
            case ReduceSum _ -> {
                if (a instanceof float[] x) yield acc + TileOps.sum(x, o, len);
                double s = 0;
                double[] x = (double[]) a;
                for (int i = 0; i < len; i++) s += x[o + i];
                yield acc + s;
            }
            case ReduceMax _, ReduceMin _ -> {
                boolean max = kind instanceof ReduceMax;
                if (a instanceof float[] x) yield TileOps.extreme(max, acc, x, o, len);
                double m = acc;
                double[] x = (double[]) a;
                for (int i = 0; i < len; i++) m = max ? Math.max(m, x[o + i]) : Math.min(m, x[o + i]);
                yield m;
            }
            case ReduceProd _, ReduceAnd _, ReduceOr _ -> throw new IllegalStateException(kind.name() + " is not fused");
        };
    }

    /** Per-thread scratch: one tile per node, and the running value of each reduction. */
    private static final class Tiles {
        final Step.FusedLoop f;
        final Seq<HostData> in;
        final int[] pass;
        final double[] reduced;
        final Object[] arrays;
        final int[] offsets;
        final Object[] scratch;
        final int[] dims;
        final boolean[] dense;
        final TileOps.UnaryOp[] unaryOps;
        final TileOps.BinaryOp[] binaryOps;

        Tiles(Step.FusedLoop f, Seq<HostData> in) {
            this.f = f;
            this.in = in;
            int n = f.nodes().size();
            arrays = new Object[n];
            offsets = HeapArrays.ints(n);
            scratch = new Object[n];
            dims = f.domain().toArray();
            dense = HeapArrays.booleans(n);
            unaryOps = new TileOps.UnaryOp[n];
            binaryOps = new TileOps.BinaryOp[n];
            pass = f.nodePasses();
            reduced = HeapArrays.doubles(n);
            for (int i = 0; i < n; i++) {
                switch (f.nodes().get(i)) {
                    case Node.Load l -> dense[i] = l.map().isDense(f.domain());
                    case Node.Apply a when a.aval().dtype() == DType.F32 -> {
                        unaryOps[i] = a.args().size() == 1 ? TileOps.unaryOp(a.prim()) : null;
                        binaryOps[i] = a.args().size() == 2 ? TileOps.binaryOp(a.prim()) : null;
                    }
                    case Node.Apply _, Node.Constant _, Node.Reduce _, Node.Iota _, Node.BoundedLoad _ -> { }
                }
            }
            // Small domains (the common case for small jitted programs) need no full tile.
            int tile = Math.min(TILE, Math.max(1, f.domain().size()));
            for (int i = 0; i < n; i++) {
                Node node = f.nodes().get(i);
                boolean readsInPlace = dense[i];
                scratch[i] = switch (node) {
                    case Node.Constant c -> HostData.filled(c.aval().dtype(), tile, c.value()).array();
                    case Node.Load _ when readsInPlace -> null;
                    case Node.Load _, Node.Apply _, Node.Reduce _, Node.Iota _, Node.BoundedLoad _ -> HostData.allocate(node.aval().dtype(), tile).array();
                };
                arrays[i] = scratch[i];
            }
        }

        /** Evaluates, for one tile, the nodes available in sweep {@code p} of the row. */
        void eval(int start, int len, int p) {
            for (int i = 0; i < arrays.length; i++) {
                if (pass[i] > p) continue;
                switch (f.nodes().get(i)) {
                    case Node.Load l -> load(i, l, start, len);
                    case Node.Iota io -> iota(i, io, start, len);
                    case Node.BoundedLoad b -> boundedLoad(i, b, start, len);
                    case Node.Constant _ -> {
                        arrays[i] = scratch[i];
                        offsets[i] = 0;
                    }
                    case Node.Apply a -> apply(i, a, len);
                    case Node.Reduce _ -> {
                        // Known from an earlier sweep: the row's value at every point.
                        HostData.wrapScratch(f.nodes().get(i).aval().dtype(), scratch[i]).fill(0, len, reduced[i]);
                        arrays[i] = scratch[i];
                        offsets[i] = 0;
                    }
                }
            }
        }

        /** Resets the reductions that sweep {@code p} computes. */
        void startPass(int p) {
            for (int i = 0; i < arrays.length; i++) {
                if (f.nodes().get(i) instanceof Node.Reduce r && pass[r.arg()] == p) reduced[i] = identity(r.kind());
            }
        }

        void fold(int p, int len) {
            for (int i = 0; i < arrays.length; i++) {
                if (f.nodes().get(i) instanceof Node.Reduce r && pass[r.arg()] == p) {
                    reduced[i] = FusedLoopRunner.fold(r.kind(), reduced[i], arrays[r.arg()], offsets[r.arg()], len);
                }
            }
        }

        /** Stores the tile's values of the nodes that sweep {@code p} computes. */
        void store(Seq<HostData> outs, int start, int len, int p) {
            for (int s = 0; s < f.stores().size(); s++) {
                int node = f.stores().get(s).node();
                if (pass[node] == p && !(f.nodes().get(node) instanceof Node.Reduce)) {
                    System.arraycopy(arrays[node], offsets[node], outs.get(s).array(), start, len);
                }
            }
        }

        /** Writes the row's reductions that sweep {@code p} completed. */
        void storeReductions(Seq<HostData> outs, int row, int p) {
            for (int s = 0; s < f.stores().size(); s++) {
                int node = f.stores().get(s).node();
                if (f.nodes().get(node) instanceof Node.Reduce r && pass[r.arg()] == p) outs.get(s).setDouble(row, reduced[node]);
            }
        }

        private void load(int i, Node.Load l, int start, int len) {
            HostData src = in.get(l.input());
            IndexMap map = l.map();
            if (dense[i]) {
                arrays[i] = src.array();
                offsets[i] = start;
                return;
            }
            arrays[i] = scratch[i];
            offsets[i] = 0;
            HostData dst = HostData.wrapScratch(src.dtype(), scratch[i]);
            if (map.isScalar()) {
                for (int k = 0; k < len; k++) dst.copyFrom(src, map.offset(), k);
                return;
            }
            // Walk the domain in runs along its last axis: a broadcast run is a fill, a dense run a block copy.
            int rank = dims.length;
            int[] idx = new int[rank];
            int rest = start;
            for (int d = rank - 1; d >= 0; d--) {
                idx[d] = rest % dims[d];
                rest /= dims[d];
            }
            int off = map.at(idx);
            int last = rank - 1, inner = map.stride(last);
            Object srcArray = src.array();
            for (int k = 0; k < len; ) {
                int run = Math.min(len - k, dims[last] - idx[last]);
                if (inner == 1) {
                    System.arraycopy(srcArray, off, scratch[i], k, run);
                } else if (inner == 0 && scratch[i] instanceof float[] out && srcArray instanceof float[] x) {
                    java.util.Arrays.fill(out, k, k + run, x[off]);
                } else {
                    for (int j = 0; j < run; j++) dst.copyFrom(src, off + j * inner, k + j);
                }
                k += run;
                idx[last] += run - 1;
                off += (run - 1) * inner;
                off = step(idx, off, map, rank);
            }
        }

        /** The domain index of flat point {@code start}. */
        private int[] index(int start) {
            int[] idx = new int[dims.length];
            for (int d = dims.length - 1, rest = start; d >= 0; d--) {
                idx[d] = rest % dims[d];
                rest /= dims[d];
            }
            return idx;
        }

        /** Advances {@code idx} to the next point of the domain in row-major order. */
        private void next(int[] idx) {
            for (int d = dims.length - 1; d >= 0; d--) {
                if (++idx[d] < dims[d] || d == 0) return;
                idx[d] = 0;
            }
        }

        private void iota(int i, Node.Iota io, int start, int len) {
            arrays[i] = scratch[i];
            offsets[i] = 0;
            HostData dst = HostData.wrapScratch(io.aval().dtype(), scratch[i]);
            int[] idx = index(start);
            for (int k = 0; k < len; k++, next(idx)) dst.setLong(k, idx[io.axis()]);
        }

        /** The fill's values, then the input's element at each point of the tile inside the window. */
        private void boundedLoad(int i, Node.BoundedLoad b, int start, int len) {
            System.arraycopy(arrays[b.fill()], offsets[b.fill()], scratch[i], 0, len);
            arrays[i] = scratch[i];
            offsets[i] = 0;
            HostData src = in.get(b.input());
            HostData dst = HostData.wrapScratch(src.dtype(), scratch[i]);
            int[] idx = index(start);
            for (int k = 0; k < len; k++, next(idx)) {
                if (b.contains(idx)) dst.copyFrom(src, b.at(idx), k);
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
            if (unaryOps[i] != null && arrays[args.get(0)] instanceof float[] x) {
                TileOps.unary(unaryOps[i], x, offsets[args.get(0)], (float[]) scratch[i], len);
                arrays[i] = scratch[i];
                offsets[i] = 0;
                return;
            }
            if (binaryOps[i] != null && arrays[args.get(0)] instanceof float[] x && arrays[args.get(1)] instanceof float[] y) {
                TileOps.binary(binaryOps[i], x, offsets[args.get(0)], y, offsets[args.get(1)], (float[]) scratch[i], len);
                arrays[i] = scratch[i];
                offsets[i] = 0;
                return;
            }
            // The exact element kernels, on copies of the tile.
            Vector<HostData> operands = args.toVector().map(j -> slice(j, len));
            HostData r = elementwise(a, operands, ShapedArray.of(a.aval().dtype(), len));
            arrays[i] = r.array();
            offsets[i] = 0;
        }

        private HostData slice(int node, int len) {
            DType d = f.nodes().get(node).aval().dtype();
            HostData b = HostData.allocate(d, len);
            System.arraycopy(arrays[node], offsets[node], b.array(), 0, len);
            return b;
        }
    }
}
