package dev.jaxj.compiler.kernel;

import dev.jaxj.compiler.kernel.BufferPlan.Target;
import dev.jaxj.ir.Atom;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Computes a {@link BufferPlan} in one pass over the steps: liveness is counted in steps (the
 * last step reading a value), and aliases share their operand's slot, so a slot is free only
 * when every value in it is dead. A loop's output takes, in this order of preference, the slot
 * of one of its own inputs dying in this loop (still in cache), the most recently freed slot,
 * or a fresh one.
 */
final class BufferPlanner {
    private static final int FOREVER = Integer.MAX_VALUE;

    /** One buffer: its element type and count, whether it may be overwritten, the value it holds now, and when that value (with its aliases) dies. */
    private static final class Slot {
        final int id;
        final DType dtype;
        final int size;
        final boolean reusable;
        Var holder;
        int lastUse;

        Slot(int id, Var v, boolean reusable, int lastUse) {
            this.id = id;
            this.dtype = v.aval().dtype();
            this.size = v.aval().size();
            this.reusable = reusable;
            this.holder = v;
            this.lastUse = lastUse;
        }

        boolean fits(Var v) {
            return v.aval().dtype() == dtype && v.aval().size() == size;
        }
    }

    private final KernelProgram program;
    private final Seq<Integer> donated;
    private final Map<Var, Integer> lastUse = new HashMap<>();
    private final Map<Var, Slot> slotOf = new HashMap<>();
    private final List<Slot> live = new ArrayList<>();
    private final Deque<Slot> free = new ArrayDeque<>();
    private int slots;

    BufferPlanner(KernelProgram program, Seq<Integer> donated) {
        this.program = program;
        this.donated = donated;
    }

    BufferPlan plan() {
        Jaxpr j = program.source();
        for (int k = 0; k < program.steps().size(); k++) {
            for (Var v : inputsOf(program.steps().get(k))) lastUse.put(v, k);
        }
        for (Atom a : j.outs()) if (a instanceof Var v) lastUse.put(v, FOREVER);
        for (Var c : j.constVars()) define(c, false, -1);
        for (int i = 0; i < j.inVars().size(); i++) define(j.inVars().get(i), donated.contains(i), -1);
        List<Seq<Target>> targets = new ArrayList<>();
        for (int k = 0; k < program.steps().size(); k++) {
            release(k);
            targets.add(switch (program.steps().get(k)) {
                case Step.LibraryCall c -> library(c.eqn(), k);
                case Step.FusedLoop f -> fused(f, k);
                // Like a library call, a loop or branch hands back buffers of its own (or, run zero times, its operands').
                case Step.Nested n -> nested(n, k);
            });
        }
        return new BufferPlan(program, donated, Vector.ofAll(targets), slots);
    }

    private static Seq<Var> inputsOf(Step s) {
        return switch (s) {
            case Step.LibraryCall c -> c.eqn().in().filter(a -> a instanceof Var).map(a -> (Var) a);
            case Step.FusedLoop f -> f.inputs();
            case Step.Nested n -> n.eqn().in().filter(a -> a instanceof Var).map(a -> (Var) a);
        };
    }

    /**
     * A new slot for {@code v}. Fusion may store one broadcast constant from several loops, so
     * a variable can be defined again: reads then see the newest buffer, and the older slot
     * stays live until the variable's last read, which is safe, if late.
     */
    private Slot define(Var v, boolean reusable, int step) {
        Slot s = new Slot(slots++, v, reusable, Math.max(step, lastUse.getOrDefault(v, -1)));
        slotOf.put(v, s);
        live.add(s);
        return s;
    }

    /** Frees the slots whose values nobody reads from step {@code k} on; those that may not be overwritten are just forgotten. */
    private void release(int k) {
        for (Iterator<Slot> it = live.iterator(); it.hasNext(); ) {
            Slot s = it.next();
            if (s.lastUse < k) {
                it.remove();
                if (s.reusable) free.addLast(s);
            }
        }
    }

    private Seq<Target> library(Eqn e, int k) {
        if (mayReturnOperand(e) && e.in().head() instanceof Var operand) {
            Var out = e.out().head();
            Slot s = slotOf.get(operand);
            slotOf.put(out, s);
            s.lastUse = Math.max(s.lastUse, lastUse.getOrDefault(out, k));
            return Vector.of(new Target.Alias(operand));
        }
        return e.out().map(v -> new Target.Library(define(v, true, k).id));
    }

    private Seq<Target> nested(Step.Nested n, int k) {
        return n.outputs().map(v -> new Target.Library(define(v, true, k).id));
    }

    /**
     * Shape-only calls whose result may be the operand's buffer itself (the CPU backend shares
     * storage where the row-major layout does not change); planning them as aliases is safe on
     * a backend that copies instead.
     */
    private static boolean mayReturnOperand(Eqn e) {
        Primitive p = e.prim();
        if (p instanceof Primitive.Reshape || p instanceof Primitive.Squeeze || p instanceof Primitive.ExpandDims
                || p instanceof Primitive.StopGradient || p instanceof Primitive.ViewAsReal || p instanceof Primitive.ViewAsComplex) {
            return true;
        }
        // Adding size-1 axes or slicing everything keeps the layout, and the CPU returns the operand.
        return (p instanceof Primitive.BroadcastInDim || p instanceof Primitive.Slice)
                && e.in().head().aval().size() == e.out().head().aval().size();
    }

    private Seq<Target> fused(Step.FusedLoop f, int k) {
        List<Slot> inPlace = new ArrayList<>();
        for (Var in : f.inputs()) {
            Slot s = slotOf.get(in);
            if (s.reusable && s.lastUse == k && !inPlace.contains(s) && canOverwrite(f, s)) inPlace.add(s);
        }
        Seq<Var> outs = f.outputs();
        List<Target> targets = new ArrayList<>();
        for (int o = 0; o < outs.size(); o++) {
            Var v = outs.get(o);
            // A reduction writes a smaller array than it reads; it never writes over its own inputs.
            boolean reduction = f.nodes().get(f.stores().get(o).node()) instanceof Node.Reduce;
            Slot s = reduction ? null : take(inPlace, v);
            if (s == null) s = take(free, v);
            if (s == null) {
                targets.add(new Target.Fresh(define(v, true, k).id));
                continue;
            }
            targets.add(new Target.Reuse(s.id, s.holder));
            if (!live.contains(s)) live.add(s);
            s.holder = v;
            s.lastUse = Math.max(k, lastUse.getOrDefault(v, k));
            slotOf.put(v, s);
        }
        return Vector.ofAll(targets);
    }

    /** Takes the last slot of {@code slots} that fits {@code v}, or null. */
    private static Slot take(Iterable<Slot> slots, Var v) {
        Slot found = null;
        for (Slot s : slots) if (s.fits(v)) found = s;
        if (found != null) {
            for (Iterator<Slot> it = slots.iterator(); it.hasNext(); ) {
                if (it.next() == found) {
                    it.remove();
                    break;
                }
            }
        }
        return found;
    }

    /** The backend's rule for writing over an input of the same loop ({@link Step.FusedLoop#mayOverwriteInput}), for every input the slot holds. */
    private boolean canOverwrite(Step.FusedLoop f, Slot s) {
        for (int i = 0; i < f.inputs().size(); i++) {
            if (slotOf.get(f.inputs().get(i)) == s && !f.mayOverwriteInput(i)) return false;
        }
        return true;
    }
}
