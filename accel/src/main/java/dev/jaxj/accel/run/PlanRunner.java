package dev.jaxj.accel.run;

import dev.jaxj.accel.Backend;
import dev.jaxj.accel.Buffer;
import dev.jaxj.accel.Executable;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.compiler.kernel.BufferPlan;
import dev.jaxj.compiler.kernel.BufferPlan.Target;
import dev.jaxj.compiler.kernel.Step;
import dev.jaxj.errors.ArgumentError;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a compiled program's steps on one device: each step goes straight to the backend's
 * compiled code with the avals the program already carries, so a call costs no tracing and no
 * shape rules. Fused loops write where the {@link BufferPlan} says; a run checks what the plan
 * cannot know — whether a donated buffer was really given up, and whether a library call
 * returned one of its operands' buffers — and allocates instead of overwriting then.
 */
public final class PlanRunner {
    private final BufferPlan plan;
    private final Backend backend;
    private final StepKernels kernels;
    /** The executables of each nested step's programs (null for other steps), compiled with this one. */
    private final Seq<Executable>[] nested;
    /** Scalar literals read by steps, uploaded once: steps never write their operands, so they stay intact. */
    private final Map<Lit, Buffer> literals = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    public PlanRunner(BufferPlan plan, Backend backend, StepKernels kernels) {
        this.plan = plan;
        this.backend = backend;
        this.kernels = kernels;
        Seq<Step> steps = plan.program().steps();
        this.nested = new Seq[steps.size()];
        for (int k = 0; k < steps.size(); k++) {
            if (steps.get(k) instanceof Step.Nested n) nested[k] = n.programs().map(backend::compile);
        }
    }

    public BufferPlan plan() { return plan; }

    /** Runs the program; see {@link Executable#run}. */
    public Seq<Buffer> run(Seq<Buffer> consts, Seq<Buffer> args, Seq<Integer> owned) {
        Jaxpr j = plan.program().source();
        if (args.size() != j.inVars().size()) {
            throw new ArgumentError("jit", "the compiled program takes " + j.inVars().size() + " inputs, got " + args.size());
        }
        if (consts.size() != j.constVars().size()) {
            throw new ArgumentError("jit", "the compiled program has " + j.constVars().size() + " constants, got " + consts.size());
        }
        var call = new Call();
        for (int i = 0; i < consts.size(); i++) call.bind(plan.constSlot(i), j.constVars().get(i), consts.get(i));
        for (int i = 0; i < args.size(); i++) call.bind(plan.inputSlot(i), j.inVars().get(i), args.get(i));
        call.claim(owned);
        Seq<Step> steps = plan.program().steps();
        for (int k = 0; k < steps.size(); k++) call.step(k, steps.get(k), plan.targets().get(k));
        return j.outs().map(call::output);
    }

    /** The state of one run: buffers by variable and by slot, and buffers not to overwrite. */
    private final class Call {
        final Map<Var, Buffer> env = new HashMap<>();
        final Buffer[] slots = new Buffer[plan.slots()];
        /** How many constant and input slots there are: those buffers are the caller's. */
        final int outsideSlots = plan.inputSlot(plan.program().source().inVars().size());
        /** Buffers the plan may name for reuse that must stay intact: donated but not given up, or returned unplanned by a library call. */
        final List<Buffer> keep = new ArrayList<>(0);

        void bind(int slot, Var v, Buffer b) {
            env.put(v, b);
            slots[slot] = b;
        }

        /** A donated buffer is overwritten only when the caller gave it up and no other constant or input holds it too. */
        void claim(Seq<Integer> owned) {
            for (int d : plan.donated()) {
                Buffer b = slots[plan.inputSlot(d)];
                if (!owned.contains(d) || holdersOf(b) > 1) keep.add(b);
            }
        }

        private int holdersOf(Buffer b) {
            int n = 0;
            for (int s = 0; s < outsideSlots; s++) if (slots[s] == b) n++;
            return n;
        }

        void step(int k, Step step, Seq<Target> targets) {
            Seq<Buffer> outs = switch (step) {
                case Step.LibraryCall c -> {
                    Seq<Buffer> in = c.eqn().in().map(this::read);
                    yield fill(in, kernels.library(k, c, in), targets);
                }
                case Step.FusedLoop f -> {
                    Seq<Buffer> out = f.outputs().zipWith(targets, this::loopOutput);
                    kernels.loop(k, f, f.inputs().map(env::get), out);
                    yield out;
                }
                case Step.Nested n -> nested(k, n, targets);
            };
            Seq<Var> vars = step.outputs();
            for (int i = 0; i < vars.size(); i++) env.put(vars.get(i), outs.get(i));
        }

        /** The buffer for one output of a fused loop, which then fills the output's slot. */
        private Buffer loopOutput(Var v, Target t) {
            return switch (t) {
                case Target.Fresh f -> slots[f.slot()] = backend.allocate(v.aval());
                case Target.Reuse r -> contains(keep, slots[r.slot()]) ? (slots[r.slot()] = backend.allocate(v.aval())) : slots[r.slot()];
                case Target.Library _, Target.Alias _ -> throw new IllegalStateException("a fused loop's output planned as a library result: " + t);
            };
        }

        /**
         * Runs a loop or branch. Run zero times, or passing a value through, it may hand back an
         * operand's buffer, or one buffer as two results: such buffers are never overwritten later.
         */
        private Seq<Buffer> nested(int k, Step.Nested n, Seq<Target> targets) {
            Seq<Buffer> in = n.eqn().in().map(this::read);
            Seq<Buffer> out = LoopDriver.run(n, nested[k], in, backend);
            for (int i = 0; i < out.size(); i++) {
                if (contains(out.take(i), out.get(i))) keep.add(out.get(i));
            }
            return fill(in, out, targets);
        }

        /** Puts the buffers a call returned into their slots; one that is an operand's own is kept intact. */
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

        private Buffer read(Atom a) {
            return switch (a) {
                case Var v -> env.get(v);
                case Lit l -> literals.computeIfAbsent(l, x -> backend.upload(HostData.filled(x.aval().dtype(), 1, x)));
            };
        }

        /**
         * A program output. A literal, or a value that is a kept literal's buffer (a shape-only
         * call passes its operand's buffer through), gets a buffer of its own: the caller may
         * donate or recycle it later, and the kept one is read by every run.
         */
        Buffer output(Atom a) {
            if (a instanceof Lit l) return backend.upload(HostData.filled(l.aval().dtype(), 1, l));
            Buffer b = read(a);
            if (!literals.isEmpty() && contains(literals.values(), b)) {
                Buffer copy = backend.allocate(a.aval());
                backend.copy(b, 0, copy, 0, b.size());
                return copy;
            }
            return b;
        }
    }

    /** Identity, not {@code equals}: two buffers may hold equal data and still be different memory. */
    static <T> boolean contains(Iterable<T> xs, T x) {
        for (T y : xs) if (y == x) return true;
        return false;
    }
}
