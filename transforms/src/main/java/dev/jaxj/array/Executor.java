package dev.jaxj.array;

import dev.jaxj.accel.Backend;
import dev.jaxj.accel.Backends;
import dev.jaxj.accel.Buffer;
import dev.jaxj.accel.cpu.HostBuffer;
import dev.jaxj.compiler.kernel.BufferPlan;
import dev.jaxj.compiler.kernel.BufferPlan.Target;
import dev.jaxj.compiler.kernel.Step;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DeletedArrayError;
import dev.jaxj.ir.Atom;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Lit;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a compiled program on concrete arrays: each step goes straight to the backend with the
 * avals the program already carries, so a call costs no tracing and no shape rules. Fused
 * loops write where the {@link BufferPlan} says; a call checks at run time what the plan
 * cannot know — whether a donated buffer is really the caller's alone, and whether a library
 * call returned one of its operands' buffers — and allocates instead of overwriting then.
 */
public final class Executor {
    private Executor() {}

    /**
     * {@return the program's outputs} for its constants and concrete inputs.
     *
     * @param donate whether the plan's donated inputs are donated by this call (false under an
     *               outer transform): they are then deleted, and their buffers may hold outputs
     * @throws DeletedArrayError when an input or constant has been deleted
     */
    public static Seq<Array> run(BufferPlan plan, Seq<Array> consts, Seq<Array> args, boolean donate) {
        Jaxpr j = plan.program().source();
        if (args.size() != j.inVars().size()) {
            throw new ArgumentError("jit", "the compiled program takes " + j.inVars().size() + " inputs, got " + args.size());
        }
        Map<Var, Buffer> env = new HashMap<>();
        Buffer[] slots = new Buffer[plan.slots()];
        // Arrays outside the call that hold each buffer the call reads: outputs landing in one of them are shared.
        Map<Buffer, List<ConcreteArray>> holders = new IdentityHashMap<>();
        for (int i = 0; i < consts.size(); i++) slots[plan.constSlot(i)] = bindInput(env, holders, j.constVars().get(i), consts.get(i));
        for (int i = 0; i < args.size(); i++) slots[plan.inputSlot(i)] = bindInput(env, holders, j.inVars().get(i), args.get(i));
        Set<Buffer> keep = Collections.newSetFromMap(new IdentityHashMap<>());
        claim(plan, args, slots, holders, keep, donate);
        Backend backend = Backends.defaultBackend();
        for (int k = 0; k < plan.program().steps().size(); k++) {
            Step step = plan.program().steps().get(k);
            Seq<Target> targets = plan.targets().get(k);
            Seq<Buffer> outs = switch (step) {
                case Step.LibraryCall c -> library(backend, c, targets, env, slots, keep);
                case Step.FusedLoop f -> {
                    Seq<Buffer> out = f.outputs().zipWith(targets, (v, t) -> output(backend, v, t, slots, keep));
                    backend.runFused(f, f.inputs().map(env::get), out);
                    yield out;
                }
            };
            Seq<Var> vars = step.outputs();
            for (int i = 0; i < vars.size(); i++) env.put(vars.get(i), outs.get(i));
        }
        return outputs(j, env, holders);
    }

    private static Buffer bindInput(Map<Var, Buffer> env, Map<Buffer, List<ConcreteArray>> holders, Var v, Array a) {
        ConcreteArray c = (ConcreteArray) a;
        Buffer b = c.buffer("jit");
        env.put(v, b);
        holders.computeIfAbsent(b, x -> new ArrayList<>(1)).add(c);
        return b;
    }

    /**
     * Deletes the donated arguments. A donated buffer that another argument, a constant or an
     * array outside the call may also hold is kept intact; the others become the call's own.
     */
    private static void claim(BufferPlan plan, Seq<Array> args, Buffer[] slots, Map<Buffer, List<ConcreteArray>> holders,
                              Set<Buffer> keep, boolean donate) {
        Set<ConcreteArray> deleted = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int d : plan.donated()) {
            ConcreteArray a = (ConcreteArray) args.get(d);
            Buffer b = slots[plan.inputSlot(d)];
            if (!donate) {
                keep.add(b);
                continue;
            }
            if (!deleted.contains(a) && !a.delete()) throw DeletedArrayError.of("jit", a.aval());   // lost a race with another call
            deleted.add(a);
            if (holders.get(b).size() == 1 && !a.isShared()) holders.remove(b);
            else keep.add(b);
        }
    }

    /** The buffer for one output of a fused loop, which then fills the output's slot. */
    private static Buffer output(Backend backend, Var v, Target t, Buffer[] slots, Set<Buffer> keep) {
        return switch (t) {
            case Target.Fresh f -> slots[f.slot()] = backend.allocate(v.aval());
            case Target.Reuse r -> keep.contains(slots[r.slot()]) ? (slots[r.slot()] = backend.allocate(v.aval())) : slots[r.slot()];
            case Target.Library _, Target.Alias _ -> throw new IllegalStateException("a fused loop's output planned as a library result: " + t);
        };
    }

    /** Runs a library call; a result that is one of its operands' buffers, unplanned, is never overwritten later. */
    private static Seq<Buffer> library(Backend backend, Step.LibraryCall c, Seq<Target> targets, Map<Var, Buffer> env, Buffer[] slots,
                                       Set<Buffer> keep) {
        Seq<Buffer> in = c.eqn().in().map(a -> read(env, a));
        Seq<Buffer> out = backend.execute(c.eqn().prim(), c.eqn().in().map(Atom::aval), in, c.eqn().out().map(Var::aval));
        for (int i = 0; i < out.size(); i++) {
            Buffer b = out.get(i);
            if (targets.get(i) instanceof Target.Library l) {
                slots[l.slot()] = b;
                if (in.exists(x -> x == b)) keep.add(b);
            }
        }
        return out;
    }

    /** Wraps the results; one landing in a buffer that another array holds marks both as shared, so neither is overwritten by a later donation. */
    private static Seq<Array> outputs(Jaxpr j, Map<Var, Buffer> env, Map<Buffer, List<ConcreteArray>> holders) {
        List<Array> result = new ArrayList<>(j.outs().size());
        for (Atom a : j.outs()) {
            Buffer b = read(env, a);
            ConcreteArray r = new ConcreteArray(a.aval(), b);
            List<ConcreteArray> same = holders.computeIfAbsent(b, x -> new ArrayList<>(1));
            if (!same.isEmpty()) {
                r.markShared();
                same.forEach(ConcreteArray::markShared);
            }
            same.add(r);
            result.add(r);
        }
        return Vector.ofAll(result);
    }

    private static Buffer read(Map<Var, Buffer> env, Atom a) {
        return switch (a) {
            case Var v -> env.get(v);
            case Lit l -> HostBuffer.filled(l.aval().dtype(), 1, l.doubleValue());
        };
    }
}
