package dev.jaxj.accel.cpu;

import dev.jaxj.accel.Backend;
import dev.jaxj.accel.Buffer;
import dev.jaxj.accel.Executable;
import dev.jaxj.accel.cpu.jvm.JvmLoops;
import dev.jaxj.accel.run.PlanRunner;
import dev.jaxj.accel.run.StepKernels;
import dev.jaxj.compiler.kernel.BufferPlan;
import dev.jaxj.compiler.kernel.Step;
import dev.jaxj.ir.Atom;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * A program compiled for the CPU. It owns its fused loops' generated JVM code — one hidden
 * class per loop, generated at the loop's first run and unloaded with the executable — runs
 * copy loops with the copy engine ({@link CopyLoops}) and library calls through the CPU's kernels.
 */
final class CpuExecutable implements Executable, StepKernels {
    private final CpuBackend backend;
    private final PlanRunner runner;
    /** Per step: the loop's generated code, none where it is interpreted; null until the loop first runs. */
    private final Option<JvmLoops.CompiledLoop>[] code;

    @SuppressWarnings("unchecked")
    CpuExecutable(CpuBackend backend, BufferPlan plan) {
        this.backend = backend;
        this.code = new Option[plan.program().steps().size()];
        this.runner = new PlanRunner(plan, backend, this);
    }

    @Override public BufferPlan plan() { return runner.plan(); }

    @Override public Backend backend() { return backend; }

    @Override
    public Seq<Buffer> run(Seq<Buffer> consts, Seq<Buffer> args, Seq<Integer> owned) {
        return runner.run(consts, args, owned);
    }

    @Override
    public void loop(int step, Step.FusedLoop loop, Seq<Buffer> inputs, Seq<Buffer> outputs) {
        var in = Vector.ofAll(inputs).map(CpuBackend::host);
        var out = Vector.ofAll(outputs).map(CpuBackend::host);
        if (CopyLoops.run(loop, in, out)) return;
        if (!CpuBackend.generatesCode()) {
            FusedLoopRunner.run(loop, in, out);
            return;
        }
        Option<JvmLoops.CompiledLoop> c = code[step];
        if (c == null) code[step] = c = JvmLoops.compile(loop);
        if (c.isDefined()) c.get().run(in, out);
        else FusedLoopRunner.run(loop, in, out);
    }

    @Override
    public Seq<Buffer> library(int step, Step.LibraryCall call, Seq<Buffer> operands) {
        var in = Vector.ofAll(operands).map(CpuBackend::host);
        var out = CpuKernels.execute(call.eqn().prim(), call.eqn().in().map(Atom::aval), in, call.eqn().out().map(Var::aval));
        // A result that is an operand's own data is that operand's buffer, whose sharing the runner sees.
        return out.map(h -> {
            for (int i = 0; i < in.size(); i++) if (in.get(i) == h) return operands.get(i);
            return (Buffer) new CpuBuffer(h);
        });
    }
}
