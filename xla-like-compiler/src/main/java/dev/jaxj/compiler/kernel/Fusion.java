package dev.jaxj.compiler.kernel;

import dev.jaxj.compiler.pass.CallInlining;
import dev.jaxj.ir.Atom;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Lit;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lowers a program to a {@link KernelProgram}: runs of elementwise equations over one domain
 * become a fused loop; data movement (broadcast_in_dim, reshape, transpose, rev, slice) feeding
 * fused code becomes index maps of the loops' loads instead of arrays, where the loads still
 * walk rows contiguously; a movement that must be materialized — and every pad, concatenate and
 * iota — becomes a copy loop of its own, whose loads compose the moves that feed it (see
 * {@link Views}); reductions over trailing axes join the loop too, and so
 * does elementwise work that reads a reduction broadcast back along its row (a row softmax is
 * one loop that sweeps each row three times). Control flow becomes a loop or branch step
 * holding its programs, lowered here too. Everything else is a library call. A value is
 * written to memory only when something outside its loop needs it. A run longer than
 * {@link #MAX_LOOP_NODES} nodes or {@link #MAX_LOOP_SWEEPS} sweeps is cut into several loops,
 * so that a chain of any length still becomes code the JIT compiler takes.
 */
public final class Fusion {
    /**
     * The most nodes one fused loop holds. A longer run of fusible equations is cut into
     * several loops that pass the values crossing each cut through buffers, so that a loop's
     * generated code stays small: HotSpot compiles no method over 8000 bytes of bytecode, the
     * class-file format caps one at 64 KiB, and the interpreter keeps a scratch tile per node.
     */
    public static final int MAX_LOOP_NODES = 256;

    /**
     * Past this many nodes a loop is cut at the first equation where only fast-dtype values
     * cross the cut: a boolean written between two loops would leave both to the interpreter.
     */
    public static final int CUT_FROM_NODES = MAX_LOOP_NODES * 3 / 4;

    /**
     * The most sweeps of a row one fused loop makes. Each reduction that feeds later work adds
     * a sweep, and each sweep adds its own code, so a chain of many softmaxes is cut as well.
     */
    public static final int MAX_LOOP_SWEEPS = 8;

    private final Jaxpr jaxpr;
    private final Map<Var, Integer> producer = new HashMap<>();
    private final Map<Var, List<Eqn>> consumers = new HashMap<>();
    private final Set<Var> programOutputs = new HashSet<>();
    private final Set<Eqn> virtual = new HashSet<>();           // lowered moves read in place by their consumers
    private final Map<Var, Views.View> views = new HashMap<>(); // how the results of the virtual ones are read
    private final Map<Var, Integer> lastUse = new HashMap<>();   // index of the last equation reading a value, through virtual ones

    private Fusion(Jaxpr jaxpr) {
        this.jaxpr = jaxpr;
        for (int i = 0; i < jaxpr.eqns().size(); i++) {
            Eqn e = jaxpr.eqns().get(i);
            for (Var v : e.out()) producer.put(v, i);
            for (Atom a : e.in()) if (a instanceof Var v) consumers.computeIfAbsent(v, k -> new ArrayList<>()).add(e);
            for (Atom a : e.in()) if (a instanceof Var v) lastUse.put(v, i);
        }
        for (Atom a : jaxpr.outs()) if (a instanceof Var v) programOutputs.add(v);
        for (Eqn e : jaxpr.eqns()) {
            if (!Views.lowers(e.prim())) continue;
            Views.View view = Views.compose(e, this::view);
            Var out = e.out().head();
            List<Eqn> uses = consumers.getOrDefault(out, List.of());
            if (!programOutputs.contains(out) && !uses.isEmpty() && uses.stream().allMatch(u -> Views.accepts(u, isFused(u), out, view))) {
                virtual.add(e);
                views.put(out, view);
            }
        }
        for (Var v : programOutputs) lastUse.put(v, Integer.MAX_VALUE);
        for (Eqn e : jaxpr.eqns().reverse()) {
            if (!virtual.contains(e)) continue;
            for (Atom a : e.in()) if (a instanceof Var src) lastUse.merge(src, lastUse.getOrDefault(e.out().head(), -1), Math::max);
        }
    }

    /** {@return the kernel program computing {@code jaxpr}} */
    public static KernelProgram lower(Jaxpr jaxpr) {
        // Calls that only differentiation needs (custom_jvp_call, remat) are inlined first, so only loops and branches nest.
        return new Fusion(TypeLowering.lower(new CallInlining().apply(jaxpr))).run();
    }

    // Classification ----------------------------------------------------------------------------

    /**
     * Elementwise primitives fuse; a copy stays a real copy (it marks a materialization on
     * purpose), and a conversion from or to a storage type runs on its own, since loops load
     * and store compute types only.
     */
    private static boolean isElementwise(Eqn e) {
        return e.prim() instanceof Elementwise && !(e.prim() instanceof Copy)
                && e.in().appendAll(e.out()).forAll(a -> a.aval().dtype().isComputeType());
    }

    /** A sum/max/min of floats over the trailing axes of its operand. */
    private static boolean isTrailingReduction(Eqn e) {
        if (!(e.prim() instanceof ReduceSum || e.prim() instanceof ReduceMax || e.prim() instanceof ReduceMin)) return false;
        ShapedArray x = e.in().head().aval();
        if (!x.dtype().isFloating()) return false;
        Seq<Integer> axes = ((Reduction) e.prim()).axes().sorted();
        return !axes.isEmpty() && axes.equals(Vector.range(x.rank() - axes.size(), x.rank()));
    }

    private boolean isFused(Eqn e) {
        return isElementwise(e) || isTrailingReduction(e);
    }

    /** {@return how {@code a} is read}: a literal, the view of a virtual value, or a materialized array */
    private Views.View view(Atom a) {
        return switch (a) {
            case Lit l -> new Views.Fill(l);
            case Var v -> views.containsKey(v) ? views.get(v) : Views.materialized(v);
        };
    }

    /** The materialized array a (possibly virtual) variable reads, and how the domain indexes it. */
    private record Source(Var var, IndexMap map) {}

    private Source source(Var v, Shape domain) {
        Views.Read r = views.get(v) instanceof Views.Read read ? read : Views.materialized(v);
        // A scalar spreads over any domain.
        IndexMap map = v.aval().rank() == 0 ? IndexMap.affine(r.map().offset(), new int[domain.rank()]) : r.map();
        return new Source(r.base(), map);
    }

    // Grouping ----------------------------------------------------------------------------------

    private static final class Group {
        final Shape domain;
        final int start;
        final List<Integer> eqns = new ArrayList<>();
        final Set<Var> defined = new HashSet<>();
        final Set<Var> reductions = new HashSet<>();
        final Map<Var, Integer> sweep = new HashMap<>();   // the sweep of a row in which a value is known (see Node.passes)
        int reducedAxes;
        int nodes;

        Group(Shape domain, int start) {
            this.domain = domain;
            this.start = start;
        }
    }

    /**
     * An operand may come from inside the group or from before it started, so a group never
     * waits on itself; a reduction of the group counts as inside when it is read along its rows.
     */
    private boolean operandsReady(Eqn e, Group g) {
        for (Atom a : e.in()) {
            if (!(a instanceof Var v) || g.defined.contains(v)) continue;
            Var src = v;
            if (views.containsKey(v)) {
                if (broadcastLiteral(v).isDefined()) continue;
                Source s = source(v, g.domain);
                if (readsReductionAlongRow(g, s)) continue;
                src = s.var();
            }
            Integer q = producer.get(src);
            if (q != null && (q >= g.start || g.defined.contains(src))) return false;
        }
        return true;
    }

    /**
     * {@return at most how many nodes {@code e} adds to {@code g}}: its own, and one for each
     * operand the group has not defined (a load or a constant; some turn out to be shared).
     */
    private static int maxNodes(Eqn e, Group g) {
        return 1 + e.in().count(a -> !(a instanceof Var v && g.defined.contains(v)));
    }

    /**
     * {@return the sweep in which {@code e}'s value is known within {@code g}}: that of its
     * latest operand, one more for a reduction (mirrors {@link Node#passes}).
     */
    private int sweep(Eqn e, Group g) {
        int latest = 0;
        for (Atom a : e.in()) {
            if (!(a instanceof Var v)) continue;
            Integer known = g.sweep.get(v);
            if (known == null && broadcastLiteral(v).isEmpty()) {
                Source s = source(v, g.domain);
                if (readsReductionAlongRow(g, s)) known = g.sweep.get(s.var());
            }
            if (known != null) latest = Math.max(latest, known);
        }
        return e.prim() instanceof Reduction ? latest + 1 : latest;
    }

    /**
     * Whether {@code g} may take equation {@code i}: it stays within {@link #MAX_LOOP_NODES} and
     * {@link #MAX_LOOP_SWEEPS}, and past {@link #CUT_FROM_NODES} only while a cut before
     * {@code i} would pass some value the code generators do not load or store.
     */
    private boolean withinBudget(int i, Group g) {
        Eqn e = jaxpr.eqns().get(i);
        int nodes = g.nodes + maxNodes(e, g);
        if (nodes > MAX_LOOP_NODES || sweep(e, g) >= MAX_LOOP_SWEEPS) return false;
        return nodes <= CUT_FROM_NODES || !onlyFastValuesCross(g, i);
    }

    /** Whether every value of {@code g} read from equation {@code i} on has a fast dtype. */
    private boolean onlyFastValuesCross(Group g, int i) {
        for (Var v : g.defined) {
            if (lastUse.getOrDefault(v, -1) >= i && !isFastDType(v.aval().dtype())) return false;
        }
        return true;
    }

    private KernelProgram run() {
        List<Object> units = new ArrayList<>();   // Group or Integer (library eqn index), in program order
        Group open = null;
        for (int i = 0; i < jaxpr.eqns().size(); i++) {
            Eqn e = jaxpr.eqns().get(i);
            if (virtual.contains(e)) continue;
            if (Views.lowers(e.prim())) {
                units.add(new CopyUnit(e));
                continue;
            }
            if (!isFused(e)) {
                units.add(i);
                continue;
            }
            Shape domain = isElementwise(e) ? e.out().head().aval().shape() : e.in().head().aval().shape();
            int reduces = e.prim() instanceof Reduction r ? r.axes().size() : 0;
            boolean rowsAgree = open != null && (reduces == 0 || open.reducedAxes == 0 || open.reducedAxes == reduces);
            if (!rowsAgree || !open.domain.equals(domain) || !operandsReady(e, open) || !withinBudget(i, open)) {
                open = new Group(domain, i);
                units.add(open);
            }
            open.nodes += maxNodes(e, open);
            open.sweep.put(e.out().head(), sweep(e, open));
            open.eqns.add(i);
            open.defined.addAll(e.out().toJavaList());
            if (reduces > 0) {
                open.reducedAxes = reduces;
                open.reductions.add(e.out().head());
            }
        }
        List<Step> steps = new ArrayList<>();
        int[] counter = {0};
        for (Object u : units) {
            steps.add(switch (u) {
                case Group g -> lone(g, jaxpr) ? call(jaxpr.eqns().get(g.eqns.get(0))) : loop(g, "fused_" + counter[0]++);
                case CopyUnit c -> copy(c.eqn(), counter);
                case Integer i -> call(jaxpr.eqns().get(i));
                default -> throw new IllegalStateException("not a unit: " + u);
            });
        }
        return new KernelProgram(jaxpr, Vector.ofAll(Schedule.order(steps)));
    }

    /**
     * Whether a group is one reduction of an array in memory: the library's reduction kernel
     * splits long rows across threads and beats a one-node loop, so eager and jit both take it.
     */
    private boolean lone(Group g, Jaxpr jaxpr) {
        if (g.eqns.size() != 1) return false;
        Eqn e = jaxpr.eqns().get(g.eqns.get(0));
        return e.prim() instanceof Reduction && e.in().head() instanceof Var v && !views.containsKey(v);
    }

    /** A lowered move whose result is materialized. */
    private record CopyUnit(Eqn eqn) {}

    /**
     * The loop writing a lowered move's result: its view's loads and a store. A move that
     * leaves a materialized array's layout as it is (a reshape, a broadcast adding size-1 axes,
     * a whole slice) becomes a reshape: the result shares the array's buffer.
     */
    private Step copy(Eqn e, int[] counter) {
        Var out = e.out().head();
        Views.View view = Views.compose(e, this::view);
        Shape shape = out.aval().shape();
        if (view instanceof Views.Read r && r.map().offset() == 0 && r.map().isRowMajor(shape) && r.base().aval().size() == shape.size()) {
            return new Step.LibraryCall(new Eqn(new Reshape(out.aval().shape()), Vector.of(r.base()), e.out(), e.where()));
        }
        List<Node> nodes = new ArrayList<>();
        List<Var> inputs = new ArrayList<>();
        int node = emit(view, out.aval().rank(), out.aval(), nodes, inputs);
        return new Step.FusedLoop("fused_" + counter[0]++, Vector.ofAll(inputs), out.aval().shape(), 0, Vector.ofAll(nodes),
                Vector.of(new Step.Store(node, out)));
    }

    /** Appends the nodes reading {@code view} (of a value of rank {@code rank}) over the domain of {@code aval}; returns the last. */
    private static int emit(Views.View view, int rank, ShapedArray aval, List<Node> nodes, List<Var> inputs) {
        switch (view) {
            case Views.Read r -> {
                IndexMap map = rank == 0 ? IndexMap.affine(r.map().offset(), new int[aval.rank()]) : r.map();
                nodes.add(new Node.Load(input(r.base(), inputs), map, aval));
            }
            case Views.Fill f -> nodes.add(new Node.Constant(f.value(), aval));
            case Views.Index i -> nodes.add(new Node.Iota(i.axis(), aval));
            case Views.Pieces p -> {
                int fill = emit(p.fill(), 0, aval, nodes, inputs);
                for (Views.Piece piece : p.pieces()) {
                    nodes.add(new Node.BoundedLoad(input(piece.base(), inputs), piece.map(), piece.bounds(), fill, aval));
                    fill = nodes.size() - 1;
                }
            }
        }
        return nodes.size() - 1;
    }

    private static int input(Var v, List<Var> inputs) {
        if (!inputs.contains(v)) inputs.add(v);
        return inputs.indexOf(v);
    }

    /** A library call, or a loop or branch whose programs are lowered here, recursively. */
    private static Step call(Eqn e) {
        return e.prim() instanceof ControlFlow cf ? Nesting.lower(e, cf) : new Step.LibraryCall(e);
    }

    private Step.FusedLoop loop(Group g, String name) {
        List<Node> nodes = new ArrayList<>();
        Map<Var, Integer> nodeOf = new HashMap<>();
        Map<Source, Integer> loads = new LinkedHashMap<>();
        List<Var> inputs = new ArrayList<>();
        for (int i : g.eqns) {
            Eqn e = jaxpr.eqns().get(i);
            List<Integer> args = new ArrayList<>();
            for (Atom a : e.in()) args.add(operand(a, g, nodes, nodeOf, loads, inputs));
            Var out = e.out().head();
            nodes.add(switch (e.prim()) {
                case Reduction r -> new Node.Reduce(args.get(0), r, new ShapedArray(g.domain, out.aval().dtype(), out.aval().weakType()));
                default -> new Node.Apply((Elementwise) e.prim(), Vector.ofAll(args), out.aval());
            });
            nodeOf.put(out, nodes.size() - 1);
        }
        Set<Eqn> members = new HashSet<>();
        for (int i : g.eqns) members.add(jaxpr.eqns().get(i));
        List<Step.Store> stores = new ArrayList<>();
        for (var entry : nodeOf.entrySet()) {
            Var v = entry.getKey();
            // A broadcast literal is never stored: every loop that reads it makes its own constant.
            boolean constant = nodes.get(entry.getValue()) instanceof Node.Constant;
            if (!constant && usedOutside(v, members)) stores.add(new Step.Store(entry.getValue(), v));
        }
        stores.sort(java.util.Comparator.comparingInt(Step.Store::node));
        return new Step.FusedLoop(name, Vector.ofAll(inputs), g.domain, g.reducedAxes, Vector.ofAll(nodes), Vector.ofAll(stores));
    }

    /** Whether anything but the group's own equations reads {@code v}, looking through the virtual moves. */
    private boolean usedOutside(Var v, Set<Eqn> members) {
        ArrayDeque<Var> pending = new ArrayDeque<>();
        pending.push(v);
        while (!pending.isEmpty()) {
            Var u = pending.pop();
            if (programOutputs.contains(u)) return true;
            for (Eqn c : consumers.getOrDefault(u, List.of())) {
                if (virtual.contains(c)) pending.push(c.out().head());
                else if (!members.contains(c)) return true;
            }
        }
        return false;
    }

    /** Whether {@code s} is a reduction of the group read back along its own rows (a node of the loop, not a load). */
    private static boolean readsReductionAlongRow(Group g, Source s) {
        return g.reductions.contains(s.var()) && s.map().equals(rowMap(g.domain, g.reducedAxes));
    }

    /**
     * {@return how a point of {@code domain} reads a reduction over its trailing {@code reducedAxes}}:
     * the row-major strides of the leading axes, and 0 along the reduced ones (and along size-1 axes).
     */
    private static IndexMap rowMap(Shape domain, int reducedAxes) {
        int lead = domain.rank() - reducedAxes;
        int[] strides = new int[domain.rank()];
        int stride = 1;
        for (int d = lead - 1; d >= 0; d--) {
            strides[d] = domain.dim(d) == 1 ? 0 : stride;
            stride *= domain.dim(d);
        }
        return IndexMap.of(strides);
    }

    private int operand(Atom a, Group g, List<Node> nodes, Map<Var, Integer> nodeOf, Map<Source, Integer> loads, List<Var> inputs) {
        return switch (a) {
            case Lit l -> {
                nodes.add(new Node.Constant(l, new ShapedArray(g.domain, l.aval().dtype(), l.aval().weakType())));
                yield nodes.size() - 1;
            }
            case Var v -> {
                if (nodeOf.containsKey(v)) yield nodeOf.get(v);
                Option<Lit> constant = broadcastLiteral(v);
                if (constant.isDefined()) {
                    nodes.add(new Node.Constant(constant.get(), new ShapedArray(g.domain, v.aval().dtype(), v.aval().weakType())));
                    nodeOf.put(v, nodes.size() - 1);
                    yield nodes.size() - 1;
                }
                Source s = source(v, g.domain);
                if (readsReductionAlongRow(g, s)) yield nodeOf.get(s.var());
                yield loads.computeIfAbsent(s, k -> {
                    int input = inputs.indexOf(k.var());
                    if (input < 0) {
                        inputs.add(k.var());
                        input = inputs.size() - 1;
                    }
                    nodes.add(new Node.Load(input, k.map(), new ShapedArray(g.domain, v.aval().dtype(), v.aval().weakType())));
                    return nodes.size() - 1;
                });
            }
        };
    }

    /** {@return the literal a virtual broadcast spreads over the domain, if {@code v} is one} */
    private Option<Lit> broadcastLiteral(Var v) {
        return views.get(v) instanceof Views.Fill f ? Option.some(f.value()) : Option.none();
    }

    /** {@return whether the dtype has a fast path in fused loops} (others run through the generic element kernels). */
    public static boolean isFastDType(DType d) {
        return d == DType.F32 || d == DType.F64;
    }
}
