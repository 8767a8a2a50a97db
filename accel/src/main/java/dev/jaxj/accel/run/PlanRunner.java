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
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Runs a compiled program's steps on one device: each step goes straight to the backend's
 * compiled code with the avals the program already carries, so a call costs no tracing and no
 * shape rules. Fused loops write where the {@link BufferPlan} says; a run checks what the plan
 * cannot know — whether a donated buffer was really given up, and whether a library call
 * returned one of its operands' buffers — and allocates instead of overwriting then.
 *
 * <p>Every variable is numbered once, here, so that a run keeps its values in an array: an
 * eager operation is a program of one step, and its run must cost little more than the kernel.
 */
public final class PlanRunner {
    private final BufferPlan plan;
    private final Backend backend;
    private final StepKernels kernels;
    private final Step[] steps;
    private final Target[][] targets;
    /** The executables of each nested step's programs (null for other steps), compiled with this one. */
    private final Seq<Executable>[] nested;
    /** Per step, the value read by each operand (a fused loop's: its inputs): a variable's number, or {@code -1 - k} for literal {@code k}. */
    private final int[][] reads;
    /** Per step, the number of each output. */
    private final int[][] writes;
    /** The program's outputs, numbered as {@link #reads}. */
    private final int[] outs;
    private final ShapedArray[] outAvals;
    private final int consts, inputs, values;
    private final Lit[] literals;
    /** Scalar literals read by steps, uploaded once: steps never write their operands, so they stay intact. */
    private final AtomicReferenceArray<Buffer> literalBuffers;

    @SuppressWarnings("unchecked")
    public PlanRunner(BufferPlan plan, Backend backend, StepKernels kernels) {
        this.plan = plan;
        this.backend = backend;
        this.kernels = kernels;
        Jaxpr j = plan.program().source();
        this.steps = plan.program().steps().toJavaArray(Step[]::new);
        this.targets = plan.targets().map(t -> t.toJavaArray(Target[]::new)).toJavaArray(Target[][]::new);
        this.consts = j.constVars().size();
        this.inputs = j.inVars().size();
        Map<Var, Integer> number = new HashMap<>();
        List<Lit> lits = new ArrayList<>();
        for (Var v : j.constVars().appendAll(j.inVars())) number.putIfAbsent(v, number.size());
        this.nested = new Seq[steps.length];
        this.reads = new int[steps.length][];
        this.writes = new int[steps.length][];
        for (int k = 0; k < steps.length; k++) {
            Seq<? extends Atom> in = switch (steps[k]) {
                case Step.FusedLoop f -> f.inputs();
                case Step.LibraryCall c -> c.eqn().in();
                case Step.Nested n -> n.eqn().in();
            };
            reads[k] = in.map(a -> index(a, number, lits)).toJavaStream().mapToInt(Integer::intValue).toArray();
            for (Var v : steps[k].outputs()) number.putIfAbsent(v, number.size());
            writes[k] = steps[k].outputs().map(number::get).toJavaStream().mapToInt(Integer::intValue).toArray();
            if (steps[k] instanceof Step.Nested n) nested[k] = n.programs().map(backend::compile);
        }
        this.outs = j.outs().map(a -> index(a, number, lits)).toJavaStream().mapToInt(Integer::intValue).toArray();
        this.outAvals = j.outs().map(Atom::aval).toJavaArray(ShapedArray[]::new);
        this.values = number.size();
        this.literals = lits.toArray(Lit[]::new);
        this.literalBuffers = new AtomicReferenceArray<>(literals.length);
    }

    private static int index(Atom a, Map<Var, Integer> number, List<Lit> lits) {
        return switch (a) {
            case Var v -> number.get(v);
            case Lit l -> {
                lits.add(l);
                yield -lits.size();
            }
        };
    }

    public BufferPlan plan() { return plan; }

    /** Runs the program; see {@link Executable#run}. */
    public Seq<Buffer> run(Seq<Buffer> constBuffers, Seq<Buffer> args, Seq<Integer> owned) {
        if (args.size() != inputs) throw new ArgumentError("jit", "the compiled program takes " + inputs + " inputs, got " + args.size());
        if (constBuffers.size() != consts) throw new ArgumentError("jit", "the compiled program has " + consts + " constants, got " + constBuffers.size());
        var call = new Call();
        int i = 0;
        for (Buffer b : constBuffers) call.bind(i++, b);
        for (Buffer b : args) call.bind(i++, b);
        call.claim(owned);
        for (int k = 0; k < steps.length; k++) call.step(k);
        Buffer[] out = new Buffer[outs.length];
        for (int o = 0; o < outs.length; o++) out[o] = call.output(o);
        return Vector.of(out);
    }

    /** The state of one run: buffers by variable number and by slot, and buffers not to overwrite. */
    private final class Call {
        final Buffer[] env = new Buffer[values];
        final Buffer[] slots = new Buffer[plan.slots()];
        /** Buffers the plan may name for reuse that must stay intact: donated but not given up, or returned unplanned by a library call. */
        final List<Buffer> keep = new ArrayList<>(0);

        /** Binds constant or input {@code value} (constants first): its variable number and its slot are both {@code value}. */
        void bind(int value, Buffer b) {
            env[value] = b;
            slots[value] = b;
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
            for (int s = 0; s < consts + inputs; s++) if (slots[s] == b) n++;
            return n;
        }

        void step(int k) {
            Seq<Buffer> in = Vector.of(read(reads[k]));
            Seq<Buffer> outs = switch (steps[k]) {
                case Step.LibraryCall c -> fill(in, kernels.library(k, c, in), targets[k]);
                case Step.FusedLoop f -> {
                    Buffer[] out = new Buffer[writes[k].length];
                    for (int o = 0; o < out.length; o++) out[o] = loopOutput(f.stores().get(o).target(), targets[k][o]);
                    Seq<Buffer> outSeq = Vector.of(out);
                    kernels.loop(k, f, in, outSeq);
                    yield outSeq;
                }
                case Step.Nested n -> nested(k, n, in, targets[k]);
            };
            int o = 0;
            for (Buffer b : outs) env[writes[k][o++]] = b;
        }

        private Buffer[] read(int[] values) {
            Buffer[] b = new Buffer[values.length];
            for (int i = 0; i < b.length; i++) b[i] = read(values[i]);
            return b;
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
        private Seq<Buffer> nested(int k, Step.Nested n, Seq<Buffer> in, Target[] targets) {
            Seq<Buffer> out = LoopDriver.run(n, nested[k], in, backend);
            for (int i = 0; i < out.size(); i++) {
                if (contains(out.take(i), out.get(i))) keep.add(out.get(i));
            }
            return fill(in, out, targets);
        }

        /** Puts the buffers a call returned into their slots; one that is an operand's own is kept intact. */
        private Seq<Buffer> fill(Seq<Buffer> in, Seq<Buffer> out, Target[] targets) {
            for (int i = 0; i < out.size(); i++) {
                Buffer b = out.get(i);
                if (targets[i] instanceof Target.Library l) {
                    slots[l.slot()] = b;
                    if (contains(in, b)) keep.add(b);
                }
            }
            return out;
        }

        private Buffer read(int value) {
            if (value >= 0) return env[value];
            int k = -1 - value;
            Buffer b = literalBuffers.get(k);
            if (b == null) {
                b = upload(literals[k]);
                if (!literalBuffers.compareAndSet(k, null, b)) b = literalBuffers.get(k);
            }
            return b;
        }

        /**
         * A program output. A literal, or a value that is a kept literal's buffer (a shape-only
         * call passes its operand's buffer through), gets a buffer of its own: the caller may
         * donate or recycle it later, and the kept one is read by every run.
         */
        Buffer output(int o) {
            int value = outs[o];
            if (value < 0) return upload(literals[-1 - value]);
            Buffer b = env[value];
            for (int k = 0; k < literals.length; k++) {
                if (literalBuffers.get(k) == b) {
                    Buffer copy = backend.allocate(outAvals[o]);
                    backend.copy(b, 0, copy, 0, b.size());
                    return copy;
                }
            }
            return b;
        }

        private Buffer upload(Lit l) {
            return backend.upload(HostData.filled(l.aval().dtype(), 1, l));
        }
    }

    /** Identity, not {@code equals}: two buffers may hold equal data and still be different memory. */
    static <T> boolean contains(Iterable<T> xs, T x) {
        for (T y : xs) if (y == x) return true;
        return false;
    }
}
