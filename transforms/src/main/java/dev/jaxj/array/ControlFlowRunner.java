package dev.jaxj.array;

import dev.jaxj.accel.Buffer;
import dev.jaxj.accel.cpu.HostBuffer;
import dev.jaxj.compiler.kernel.BufferPlan;
import dev.jaxj.compiler.kernel.Fusion;
import dev.jaxj.compiler.kernel.Step;
import dev.jaxj.compiler.pass.Passes;
import dev.jaxj.ir.Atom;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive.Cond;
import dev.jaxj.ir.Primitive.ControlFlow;
import dev.jaxj.ir.Primitive.CustomJvpCall;
import dev.jaxj.ir.Primitive.CustomVjpCall;
import dev.jaxj.ir.Primitive.Pjit;
import dev.jaxj.ir.Primitive.Remat;
import dev.jaxj.ir.Primitive.Scan;
import dev.jaxj.ir.Primitive.While;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives loops and branches on concrete arrays: the one place that iterates, for jitted
 * programs ({@link Executor} hands it a {@link Step.Nested} whose programs were lowered with
 * the program around it) and for eager calls ({@link #run(ControlFlow, Seq)}, which compiles the lone equation
 * once, the same way). Per iteration it only runs the body's compiled program: from the second
 * iteration on the body owns the carry it is given (the plan donates it), so the new carry may
 * be written over the old one. A scan copies each slice into a buffer an earlier iteration is
 * done with (see {@link #recycle}), and each result row into its stacked output.
 */
final class ControlFlowRunner {
    private ControlFlowRunner() {}

    /** An eager call's program: the one equation, optimised, lowered and planned. */
    private record Key(ControlFlow prim, Seq<ShapedArray> avals) {}

    /** Recently compiled eager calls, so a loop run again (an eager call in a Java loop) is not lowered again. */
    private static final Map<Key, BufferPlan> EAGER = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, BufferPlan> eldest) {
            return size() > 256;
        }
    });

    /** {@return the outputs of {@code p}} for concrete operands whose avals its shape rule accepted (eager evaluation) */
    static Seq<Array> run(ControlFlow p, Seq<? extends Array> operands) {
        Seq<Array> args = Vector.ofAll(operands);
        var key = new Key(p, args.map(Array::aval));
        BufferPlan plan = EAGER.get(key);
        if (plan == null) {
            Jaxpr one = Jaxpr.build(key.avals(), b -> b.addAll(p, Vector.range(0, args.size()).<Atom>map(b::in).toJavaArray(Atom[]::new)));
            // Optimising only prunes the programs and the operands they do not read; no constants appear.
            plan = BufferPlan.of(Fusion.lower(Passes.forExecution().apply(one.typecheck()).typecheck()));
            EAGER.put(key, plan);
        }
        return Executor.run(plan, Vector.empty(), args, false);
    }

    /** {@return the outputs of a loop or branch step} for its concrete operands */
    static Seq<Array> run(Step.Nested step, Seq<Array> operands) {
        return switch (step.primitive()) {
            case Cond c -> run(step.programs().get(branchIndex(operands.head(), c.branches().size())), operands.tail(), false);
            case Scan s -> scan(s, step, operands);
            case While w -> whileLoop(w, step.programs().get(0), step.programs().get(1), operands);
            case Remat _, CustomJvpCall _, CustomVjpCall _, Pjit _ -> throw new IllegalStateException(step.primitive().name() + " is inlined before lowering");
        };
    }

    private static Seq<Array> run(BufferPlan plan, Seq<Array> args, boolean donate) {
        return Executor.run(plan, Vector.empty(), args, donate);
    }

    /** The branch index clamped to {@code [0, n-1]}, as {@code lax.switch} does. */
    static int branchIndex(Array index, int n) {
        long i = index.longValue();
        return (int) Math.max(0, Math.min(n - 1, i));
    }

    private static Seq<Array> scan(Scan s, Step.Nested step, Seq<Array> args) {
        BufferPlan body = step.programs().head();
        int fixed = s.numConsts() + s.numCarry();
        Seq<Array> consts = args.take(s.numConsts());
        Seq<Array> carry = args.slice(s.numConsts(), fixed);
        Seq<Array> xs = args.drop(fixed);
        Seq<Buffer> callers = args.map(ControlFlowRunner::buffer);
        Seq<ShapedArray> yAvals = step.eqn().out().drop(s.numCarry()).map(Var::aval);
        Seq<HostBuffer> ys = yAvals.map(y -> HostBuffer.allocateForOverwrite(y.dtype(), y.size()));
        List<HostBuffer> free = new ArrayList<>();
        for (int iteration = 0; iteration < s.length(); iteration++) {
            int i = s.reverse() ? s.length() - 1 - iteration : iteration;
            Seq<Array> slices = xs.map(x -> row(x, i, free));
            // Read before the run: donating the carry and the slices deletes these arrays.
            Seq<Buffer> previous = carry.appendAll(slices).map(ControlFlowRunner::buffer);
            // The operands' carry is the caller's; later ones are the body's own results.
            Seq<Array> outs = run(body, consts.appendAll(carry).appendAll(slices), iteration > 0);
            carry = outs.take(s.numCarry());
            Seq<Array> y = outs.drop(s.numCarry());
            for (int k = 0; k < ys.size(); k++) {
                int n = y.get(k).aval().size();
                System.arraycopy(host(y.get(k)).array(), 0, ys.get(k).array(), i * n, n);
            }
            recycle(previous.appendAll(y.map(ControlFlowRunner::buffer)), carry, callers, free);
        }
        return carry.appendAll(Vector.range(0, ys.size()).map(k -> new ConcreteArray(yAvals.get(k), ys.get(k))));
    }

    /**
     * Collects the buffers an iteration is done with for the next slices: the body may have
     * written the new carry over a slice and a row of ys over the old carry, so those buffers
     * take turns and an iteration allocates nothing. A buffer of the caller's, or one the new
     * carry holds, is never taken.
     */
    private static void recycle(Seq<Buffer> done, Seq<Array> carry, Seq<Buffer> callers, List<HostBuffer> free) {
        Seq<Buffer> live = carry.map(ControlFlowRunner::buffer);
        for (Buffer b : done) {
            if (b instanceof HostBuffer h && !contains(callers, b) && !contains(live, b) && !contains(free, b)) free.add(h);
        }
    }

    private static boolean contains(Iterable<? extends Buffer> xs, Buffer b) {
        for (Buffer x : xs) if (x == b) return true;
        return false;
    }

    private static Seq<Array> whileLoop(While w, BufferPlan cond, BufferPlan body, Seq<Array> args) {
        Seq<Array> condConsts = args.take(w.condConsts());
        Seq<Array> bodyConsts = args.slice(w.condConsts(), w.condConsts() + w.bodyConsts());
        Seq<Array> carry = args.drop(w.condConsts() + w.bodyConsts());
        for (long steps = 0; (!w.bounded() || steps < w.maxSteps()) && run(cond, condConsts.appendAll(carry), false).head().booleanValue(); steps++) {
            carry = run(body, bodyConsts.appendAll(carry), steps > 0);
        }
        return carry;
    }

    /** Row {@code i} of {@code x} along its leading axis, copied into a buffer taken from {@code free} or allocated. */
    private static Array row(Array x, int i, List<HostBuffer> free) {
        ShapedArray a = x.aval().withShape(x.shape().without(0)).strong();
        int n = a.size();
        HostBuffer out = null;
        for (int k = 0; k < free.size() && out == null; k++) {
            if (free.get(k).dtype() == a.dtype() && free.get(k).size() == n) out = free.remove(k);
        }
        if (out == null) out = HostBuffer.allocateForOverwrite(a.dtype(), n);
        System.arraycopy(host(x).array(), i * n, out.array(), 0, n);
        return new ConcreteArray(a, out);
    }

    private static Buffer buffer(Array x) {
        return ((ConcreteArray) x).buffer("scan");
    }

    private static HostBuffer host(Array x) {
        return buffer(x).toHost();
    }
}
