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
    /** Per step: whether it is a copy loop, which the CPU's strided-copy engine runs. */
    private final boolean[] copies;

    @SuppressWarnings("unchecked")
    CpuExecutable(CpuBackend backend, BufferPlan plan) {
        this.backend = backend;
        this.code = new Option[plan.program().steps().size()];
        this.copies = new boolean[code.length];
        for (int k = 0; k < code.length; k++) copies[k] = plan.program().steps().get(k) instanceof Step.FusedLoop f && CopyLoops.isCopy(f);
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
        if (copies[step]) {
            CopyLoops.run(loop, inputs.map(CpuBackend::host), outputs.map(CpuBackend::host));
            return;
        }
        Option<JvmLoops.CompiledLoop> c = CpuBackend.generatesCode() ? code[step] : Option.none();
        if (c == null) code[step] = c = JvmLoops.compile(loop);
        if (c.isDefined()) c.get().run(storage(inputs), storage(outputs));
        else FusedLoopRunner.run(loop, inputs.map(CpuBackend::host), outputs.map(CpuBackend::host));
    }

    private static Object[] storage(Seq<Buffer> buffers) {
        Object[] a = new Object[buffers.size()];
        int i = 0;
        for (Buffer b : buffers) a[i++] = CpuBackend.host(b).array();
        return a;
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
