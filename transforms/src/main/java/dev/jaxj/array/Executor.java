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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        var call = new Call(plan, Backends.defaultBackend());
        for (int i = 0; i < consts.size(); i++) call.bind(plan.constSlot(i), j.constVars().get(i), consts.get(i));
        for (int i = 0; i < args.size(); i++) call.bind(plan.inputSlot(i), j.inVars().get(i), args.get(i));
        if (!plan.donated().isEmpty()) call.claim(donate);
        for (int k = 0; k < plan.program().steps().size(); k++) call.step(plan.program().steps().get(k), plan.targets().get(k));
        return call.outputs(j);
    }

    /** The state of one run: buffers by variable and by slot, the arrays outside the call holding them, and buffers not to overwrite. */
    private static final class Call {
        final BufferPlan plan;
        final Backend backend;
        final Map<Var, Buffer> env = new HashMap<>();
        final Buffer[] slots;
        /** The constant or argument array in each of the first slots; null once a donation makes the buffer the call's own. */
        final ConcreteArray[] outside;
        /** Buffers the plan may name for reuse that must stay intact: donated yet shared, or returned unplanned by a library call. */
        final List<Buffer> keep = new ArrayList<>(0);

        Call(BufferPlan plan, Backend backend) {
            this.plan = plan;
            this.backend = backend;
            this.slots = new Buffer[plan.slots()];
            this.outside = new ConcreteArray[plan.inputSlot(plan.program().source().inVars().size())];
        }

        void bind(int slot, Var v, Array a) {
            ConcreteArray c = (ConcreteArray) a;
            Buffer b = c.buffer("jit");
            env.put(v, b);
            slots[slot] = b;
            outside[slot] = c;
        }

        /**
         * Deletes the donated arguments. A donated buffer that another argument, a constant or an
         * array outside the call may also hold is kept intact; the others become the call's own.
         */
        void claim(boolean donate) {
            List<ConcreteArray> deleted = new ArrayList<>();
            for (int d : plan.donated()) {
                int slot = plan.inputSlot(d);
                ConcreteArray a = outside[slot];
                if (!donate) {
                    keep.add(slots[slot]);
                    continue;
                }
                if (!contains(deleted, a)) {
                    if (!a.delete()) throw DeletedArrayError.of("jit", a.aval());   // lost a race with another call
                    deleted.add(a);
                }
                if (!a.isShared() && holdersOf(slots[slot]) == 1) outside[slot] = null;
                else keep.add(slots[slot]);
            }
        }

        private int holdersOf(Buffer b) {
            int n = 0;
            for (int s = 0; s < outside.length; s++) if (slots[s] == b) n++;
            return n;
        }

        void step(Step step, Seq<Target> targets) {
            Seq<Buffer> outs = switch (step) {
                case Step.LibraryCall c -> library(c, targets);
                case Step.FusedLoop f -> {
                    Seq<Buffer> out = f.outputs().zipWith(targets, this::output);
                    backend.runFused(f, f.inputs().map(env::get), out);
                    yield out;
                }
                case Step.Nested n -> nested(n, targets);
            };
            Seq<Var> vars = step.outputs();
            for (int i = 0; i < vars.size(); i++) env.put(vars.get(i), outs.get(i));
        }

        /** The buffer for one output of a fused loop, which then fills the output's slot. */
        private Buffer output(Var v, Target t) {
            return switch (t) {
                case Target.Fresh f -> slots[f.slot()] = backend.allocate(v.aval());
                case Target.Reuse r -> contains(keep, slots[r.slot()]) ? (slots[r.slot()] = backend.allocate(v.aval())) : slots[r.slot()];
                case Target.Library _, Target.Alias _ -> throw new IllegalStateException("a fused loop's output planned as a library result: " + t);
            };
        }

        /** Runs a library call; a result that is one of its operands' buffers, unplanned, is never overwritten later. */
        private Seq<Buffer> library(Step.LibraryCall c, Seq<Target> targets) {
            Seq<Buffer> in = c.eqn().in().map(this::read);
            Seq<Buffer> out = backend.execute(c.eqn().prim(), c.eqn().in().map(Atom::aval), in, c.eqn().out().map(Var::aval));
            return fill(in, out, targets);
        }

        /**
         * Runs a loop or branch through {@link ControlFlowRunner}. Run zero times, or passing a
         * value through, it may hand back an operand's buffer, or one buffer as two results:
         * such buffers are never overwritten later.
         */
        private Seq<Buffer> nested(Step.Nested n, Seq<Target> targets) {
            Seq<Buffer> in = n.eqn().in().map(this::read);
            Seq<Array> operands = n.eqn().in().zipWith(in, (a, b) -> new ConcreteArray(a.aval(), b));
            Seq<Buffer> out = ControlFlowRunner.run(n, operands).map(r -> ((ConcreteArray) r).buffer(n.eqn().prim().name()));
            for (int i = 0; i < out.size(); i++) {
                if (contains(out.take(i), out.get(i))) keep.add(out.get(i));
            }
            return fill(in, out, targets);
        }

        /** Puts the buffers a call returned into their slots. */
        private Seq<Buffer> fill(Seq<Buffer> in, Seq<Buffer> out, Seq<Target> targets) {
            for (int i = 0; i < out.size(); i++) {
                Buffer b = out.get(i);
                if (targets.get(i) instanceof Target.Library l) {
                    slots[l.slot()] = b;
                    if (contains(in, b)) keep.add(b);
                }
            }
            return out;
        }

        /** Wraps the results; one landing in a buffer that another array holds marks both as shared, so neither is overwritten by a later donation. */
        Seq<Array> outputs(Jaxpr j) {
            List<ConcreteArray> result = new ArrayList<>(j.outs().size());
            for (Atom a : j.outs()) {
                Buffer b = read(a);
                ConcreteArray r = new ConcreteArray(a.aval(), b);
                for (int s = 0; s < outside.length; s++) {
                    if (slots[s] == b && outside[s] != null) share(r, outside[s]);
                }
                for (ConcreteArray earlier : result) if (earlier.buffer("jit") == b) share(r, earlier);
                result.add(r);
            }
            return Vector.ofAll(result);
        }

        private static void share(ConcreteArray x, ConcreteArray y) {
            x.markShared();
            y.markShared();
        }

        private Buffer read(Atom a) {
            return switch (a) {
                case Var v -> env.get(v);
                case Lit l -> HostBuffer.filled(l.aval().dtype(), 1, l);
            };
        }
    }

    /** Identity, not {@code equals}: two buffers may hold equal data and still be different memory. */
    private static <T> boolean contains(Iterable<T> xs, T x) {
        for (T y : xs) if (y == x) return true;
        return false;
    }
}
