package dev.jaxj.accel.device.render;

import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.device.Dialect;
import dev.jaxj.accel.device.KernelArg;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.accel.device.Launch;
import dev.jaxj.compiler.kernel.IndexMap;
import dev.jaxj.compiler.kernel.Node;
import dev.jaxj.compiler.kernel.Step;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import io.vavr.collection.Vector;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a fused loop as one device kernel in a {@link Dialect}. Without reductions each
 * work-item computes one point of the domain. With reductions each row of
 * {@link Step.FusedLoop#rowLength()} points is swept {@link Step.FusedLoop#passes()} times, as
 * on the CPU (a softmax: max, then exp and sum, then scale): by one work-item when the row is
 * shorter than {@value #GROUP_ROW}, else by a work-group that strides the row and combines its
 * partial results in a tree in local memory.
 * {@snippet :
 * DeviceCall call = LoopRenderer.render(loop, Dialect.OPENCL);
 * // launches' args: In(0..inputs-1), then Out(0..stores-1); outputs shaped as the stores' variables
 * }
 *
 * <p>Loads read {@code offset + sum idx[d] * stride[d]} (strides may be negative: a rev), an
 * iota is the point's index along its axis, and a bounded load reads its input only where the
 * point lies in its window (a conditional, so nothing outside the input is read) and its fill
 * node's value elsewhere: pad, concatenate and the copies of moved arrays are loops like any.
 *
 * <p>Reductions (sum, max, min of f32 or f64, the ones fusion admits) accumulate in double, as
 * the CPU folds them (on a device with fp64), so an f32 sum is rounded once at the end; max and min propagate NaN and
 * order -0 below +0. The order of a sum differs from the CPU's (strided partial sums and a
 * tree), so sums agree to the rounding of the accumulation, not bit for bit. Everything else
 * matches the CPU's interpreter elementwise ({@link Operators}). Kernels that compute in double
 * (f64 values, reductions, widened f32 functions) need a device with fp64; the three-argument
 * {@code render} renders f32 loops for devices without it.
 */
public final class LoopRenderer {
    /** Rows at least this long are reduced by a work-group each, shorter ones by one work-item. */
    public static final int GROUP_ROW = 64;

    /** The most work-items of one row's work-group (a power of two). */
    public static final int MAX_GROUP = 256;

    private static final String NAME = "JX_KERNEL_NAME";

    private LoopRenderer() {}

    /**
     * {@return the device call computing {@code loop}}: one launch whose arguments are
     * {@code In(i)} for each of {@code loop.inputs()} and {@code Out(s)} for each of
     * {@code loop.stores()}, each result written to a buffer of its own shaped as the store's
     * variable (the domain's shape, or the leading axes' shape for a stored reduction). An empty
     * domain gives a call with no launches.
     *
     * @throws IllegalArgumentException if a node has a dtype its primitive's shape rule rejects,
     *                                  or reduces what fusion never fuses (prod, and, or; integers)
     */
    public static DeviceCall render(Step.FusedLoop loop, Dialect dialect) {
        return render(loop, dialect, true);
    }

    /**
     * {@return the device call computing {@code loop}} on a device with or without fp64 (see
     * {@link #render(Step.FusedLoop, Dialect)}). Without fp64, f32 functions call the device's
     * float builtins (within OpenCL's f32 bounds instead of an ulp of the CPU), the special
     * functions (erf, lgamma, …) run the CPU's algorithms in float, and f32 reductions
     * accumulate in float, so sums agree only to float rounding of every addition
     * ({@link DeviceAccuracy#withoutFp64}). The kernels of one program must share the setting:
     * they share the dialect's macros.
     *
     * @throws IllegalArgumentException if {@code fp64} is false and the loop has f64 values
     */
    public static DeviceCall render(Step.FusedLoop loop, Dialect dialect, boolean fp64) {
        if (!fp64) {
            for (Node n : loop.nodes()) {
                if (n.aval().dtype() == DType.F64) throw new IllegalArgumentException(loop.name() + " computes in f64, which needs a device with fp64");
            }
        }
        int outs = loop.stores().size();
        boolean empty = loop.reducedAxes() == 0 ? loop.domain().size() == 0 : loop.rows() == 0;
        if (empty) return DeviceCall.of(outs);
        var args = new ArrayList<KernelArg>();
        for (int i = 0; i < loop.inputs().size(); i++) args.add(new KernelArg.In(i));
        for (int s = 0; s < outs; s++) args.add(new KernelArg.Out(s));
        Kernel k = new Kernel(loop, dialect, fp64);
        String prefix = "jx_" + loop.name().replaceAll("[^A-Za-z0-9_]", "_");
        KernelSource source = KernelSource.named(prefix, name -> k.code.replace(NAME, name), k.usesF64);
        long[] global = {k.items}, local = k.group > 0 ? new long[] {k.group} : null;
        return DeviceCall.of(outs, new Launch(source, global, local, Vector.ofAll(args)));
    }

    /** The kernel's text (named {@link #NAME}), its launch geometry and whether it needs fp64. */
    private static final class Kernel {
        final Step.FusedLoop loop;
        final Vector<Node> nodes;
        final int[] pass;
        final Helper.Set helpers;
        final String acc;
        final StringBuilder body = new StringBuilder();
        final String code;
        final boolean usesF64;
        final long items;
        final int group;

        Kernel(Step.FusedLoop loop, Dialect dialect, boolean fp64) {
            this.loop = loop;
            this.helpers = new Helper.Set(fp64);
            this.acc = fp64 ? "double" : "float";
            this.nodes = loop.nodes().toVector();
            this.pass = loop.nodePasses();
            helpers.use(DialectTable.preamble(dialect, fp64));
            boolean f64 = false;
            for (Node n : nodes) f64 |= n.aval().dtype() == DType.F64 || n instanceof Node.Reduce && fp64;
            for (var v : loop.inputs()) f64 |= v.aval().dtype() == DType.F64;
            int rowLength = loop.rowLength();
            if (loop.reducedAxes() == 0) {
                items = loop.domain().size();
                group = 0;
                line(1, "const i64_t g = GID0;");
                line(1, "if (g >= " + items + ") return;");
                sweep(0, 1, "g");
            } else if (rowLength < GROUP_ROW) {
                items = loop.rows();
                group = 0;
                line(1, "const i64_t row = GID0;");
                line(1, "if (row >= " + items + ") return;");
                for (int p = 0; p < loop.passes(); p++) rowPass(p, rowLength, 1);
            } else {
                group = Math.min(MAX_GROUP, Integer.highestOneBit(rowLength));
                items = (long) loop.rows() * group;
                line(1, "LOCAL " + acc + " jx_part[" + group + "];");
                line(1, "const i64_t row = GROUP0;");
                line(1, "const int lid = LID0;");
                for (int p = 0; p < loop.passes(); p++) rowPass(p, rowLength, group);
            }
            usesF64 = f64 || helpers.usesF64();
            code = helpers.render() + "KERNEL void " + NAME + "(" + parameters() + ") {\n" + body + "}\n";
        }

        private String parameters() {
            boolean mayAlias = false;
            for (int i = 0; i < loop.inputs().size(); i++) mayAlias |= loop.mayOverwriteInput(i);
            // An output may take an input's buffer only where each point reads its element before writing it; restrict would let the compiler reorder that.
            String restrict = mayAlias ? "" : " RESTRICT";
            List<String> ps = new ArrayList<>();
            for (int i = 0; i < loop.inputs().size(); i++) {
                ps.add("GLOBAL const " + Dialect.cType(loop.inputs().get(i).aval().dtype()) + "*" + restrict + " in" + i);
            }
            for (int s = 0; s < loop.stores().size(); s++) {
                ps.add("GLOBAL " + Dialect.cType(loop.stores().get(s).target().aval().dtype()) + "*" + restrict + " out" + s);
            }
            return String.join(", ", ps);
        }

        /** One sweep of a row: fold the reductions pass {@code p} completes, then publish and store them. */
        private void rowPass(int p, int rowLength, int group) {
            List<Integer> folds = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                if (nodes.get(i) instanceof Node.Reduce r && pass[r.arg()] == p) {
                    folds.add(i);
                    line(1, acc + " acc" + i + " = " + identity(r) + ";");
                }
            }
            String start = group > 1 ? "lid" : "0";
            line(1, "for (i64_t k = " + start + "; k < " + rowLength + "; k += " + group + ") {");
            line(2, "const i64_t g = row * " + rowLength + " + k;");
            sweep(p, 2, "g");
            for (int i : folds) {
                Node.Reduce r = (Node.Reduce) nodes.get(i);
                line(2, "acc" + i + " = " + combine(r, "acc" + i, "(" + acc + ") v" + r.arg()) + ";");
            }
            line(1, "}");
            for (int i : folds) {
                Node.Reduce r = (Node.Reduce) nodes.get(i);
                String value = "acc" + i;
                if (group > 1) {
                    line(1, "jx_part[lid] = acc" + i + ";");
                    line(1, "BARRIER();");
                    line(1, "for (int s = " + group / 2 + "; s > 0; s >>= 1) {");
                    line(2, "if (lid < s) jx_part[lid] = " + combine(r, "jx_part[lid]", "jx_part[lid + s]") + ";");
                    line(2, "BARRIER();");
                    line(1, "}");
                    value = "jx_part[0]";
                }
                line(1, "const " + Dialect.cType(r.aval().dtype()) + " v" + i + " = (" + Dialect.cType(r.aval().dtype()) + ") " + value + ";");
                // The next reduction reuses the scratch only once every work-item has read this one.
                if (group > 1) line(1, "BARRIER();");
                for (int s = 0; s < loop.stores().size(); s++) {
                    if (loop.stores().get(s).node() == i) line(1, (group > 1 ? "if (lid == 0) " : "") + "out" + s + "[row] = v" + i + ";");
                }
            }
        }

        /** The nodes pass {@code p} needs at point {@code g}, and the stores of values it completes. */
        private void sweep(int p, int depth, String g) {
            boolean[] live = new boolean[nodes.size()];
            for (var s : loop.stores()) if (!(nodes.get(s.node()) instanceof Node.Reduce) && pass[s.node()] == p) live[s.node()] = true;
            for (int i = 0; i < nodes.size(); i++) if (nodes.get(i) instanceof Node.Reduce r && pass[r.arg()] == p) live[r.arg()] = true;
            for (int i = nodes.size() - 1; i >= 0; i--) {
                if (live[i] && nodes.get(i) instanceof Node.Apply a) for (int j : a.args()) live[j] = true;
                if (live[i] && nodes.get(i) instanceof Node.BoundedLoad b) live[b.fill()] = true;
            }
            for (int i = 0; i < nodes.size(); i++) {
                if (!live[i]) continue;
                Node n = nodes.get(i);
                String t = Dialect.cType(n.aval().dtype());
                switch (n) {
                    case Node.Load l -> line(depth, "const " + t + " v" + i + " = in" + l.input() + "[" + offset(l.map(), g) + "];");
                    case Node.Iota io -> line(depth, "const " + t + " v" + i + " = (" + t + ") " + index(io.axis(), g) + ";");
                    // Only a point inside the window reads the input: elsewhere the index may lie outside it.
                    case Node.BoundedLoad b -> line(depth, "const " + t + " v" + i + " = (" + inside(b, g) + ") ? in" + b.input() + "["
                            + windowOffset(b, g) + "] : v" + b.fill() + ";");
                    case Node.Constant c -> line(depth, "const " + t + " v" + i + " = " + CTypes.literal(c.value(), n.aval().dtype()) + ";");
                    case Node.Apply a -> line(depth, "const " + t + " v" + i + " = " + Operators.apply(a.prim(),
                            a.args().map(j -> nodes.get(j).aval().dtype()), a.args().map(j -> "v" + j), helpers) + ";");
                    case Node.Reduce _ -> { }   // known at row scope from an earlier pass
                }
            }
            for (int s = 0; s < loop.stores().size(); s++) {
                int node = loop.stores().get(s).node();
                if (live[node] && !(nodes.get(node) instanceof Node.Reduce)) line(depth, "out" + s + "[" + g + "] = v" + node + ";");
            }
        }

        /**
         * The input's flat element at domain point {@code g}: {@code offset + sum idx[d] * stride[d]},
         * zero strides skipped (a stride may be negative: a rev).
         */
        private String offset(IndexMap map, String g) {
            if (map.isDense(loop.domain())) return g;
            List<String> terms = new ArrayList<>();
            if (map.offset() != 0) terms.add(Integer.toString(map.offset()));
            for (int d = 0; d < map.rank(); d++) {
                if (map.stride(d) != 0) terms.add(term(index(d, g), map.stride(d)));
            }
            return terms.isEmpty() ? "0" : String.join(" + ", terms);
        }

        private static String term(String idx, int stride) {
            return stride == 1 ? idx : idx + " * " + stride;
        }

        /** The index of domain point {@code g} along axis {@code d} (an i64_t expression). */
        private String index(int d, String g) {
            int[] dims = loop.domain().toArray(), strides = loop.domain().strides();
            String idx = strides[d] == 1 ? g : "(" + g + " / " + strides[d] + ")";
            return d > 0 ? "(" + idx + " % " + dims[d] + ")" : idx;
        }

        /** Whether point {@code g} lies in the bounded load's window: every bounded axis's index at {@code lo + j * step}, {@code 0 <= j < count}. */
        private String inside(Node.BoundedLoad b, String g) {
            List<String> conditions = new ArrayList<>();
            for (int d = 0; d < b.bounds().size(); d++) {
                Node.Bound c = b.bounds().get(d);
                if (c.isAll(loop.domain().dim(d))) continue;
                String k = "(" + index(d, g) + " - (" + c.lo() + "))";
                conditions.add(k + " >= 0");
                if (c.step() > 1) conditions.add(k + " % " + c.step() + " == 0");
                conditions.add(k + " < " + (long) c.count() * c.step());
            }
            return conditions.isEmpty() ? "1" : String.join(" && ", conditions);
        }

        /** The input element of a point inside the window: {@code offset + sum ((idx[d] - lo) / step) * stride[d]}. */
        private String windowOffset(Node.BoundedLoad b, String g) {
            List<String> terms = new ArrayList<>();
            terms.add(Integer.toString(b.map().offset()));
            for (int d = 0; d < b.bounds().size(); d++) {
                Node.Bound c = b.bounds().get(d);
                if (b.map().stride(d) == 0) continue;
                String j = c.isAll(loop.domain().dim(d)) ? index(d, g) : "((" + index(d, g) + " - (" + c.lo() + ")) / " + c.step() + ")";
                terms.add(term(j, b.map().stride(d)));
            }
            return String.join(" + ", terms);
        }

        private String identity(Node.Reduce r) {
            return switch (r.kind()) {
                case ReduceSum _ -> "(" + acc + ") 0";
                case ReduceMax _ -> helpers.fp64() ? CTypes.f64(Double.NEGATIVE_INFINITY) : CTypes.f32(Float.NEGATIVE_INFINITY);
                case ReduceMin _ -> helpers.fp64() ? CTypes.f64(Double.POSITIVE_INFINITY) : CTypes.f32(Float.POSITIVE_INFINITY);
                case ReduceProd _, ReduceAnd _, ReduceOr _ -> throw notFused(r.kind());
            };
        }

        /** The monoid of {@code r} in double: NaN propagates through max and min, as the CPU's fold does. */
        private String combine(Node.Reduce r, String a, String b) {
            DType d = nodes.get(r.arg()).aval().dtype();
            if (!d.isFloating()) throw new IllegalArgumentException(r.kind().name() + " of " + d + " is not fused; fusion reduces floats only");
            return switch (r.kind()) {
                case ReduceSum _ -> a + " + " + b;
                case ReduceMax _ -> helpers.use(ScalarHelpers.extreme(accType(), true)) + "(" + a + ", " + b + ")";
                case ReduceMin _ -> helpers.use(ScalarHelpers.extreme(accType(), false)) + "(" + a + ", " + b + ")";
                case ReduceProd _, ReduceAnd _, ReduceOr _ -> throw notFused(r.kind());
            };
        }

        private DType accType() { return helpers.fp64() ? DType.F64 : DType.F32; }

        private static IllegalArgumentException notFused(Primitive.Reduction kind) {
            return new IllegalArgumentException(kind.name() + " is not fused into loops; it has no rendering");
        }

        private void line(int depth, String s) {
            body.append("    ".repeat(depth)).append(s).append('\n');
        }
    }
}
