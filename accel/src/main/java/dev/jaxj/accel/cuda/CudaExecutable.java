package dev.jaxj.accel.cuda;

import dev.jaxj.accel.Backend;
import dev.jaxj.accel.Buffer;
import dev.jaxj.accel.Executable;
import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.device.DeviceLowering;
import dev.jaxj.accel.device.Dialect;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.accel.run.PlanRunner;
import dev.jaxj.accel.run.StepKernels;
import dev.jaxj.compiler.kernel.BufferPlan;
import dev.jaxj.compiler.kernel.Step;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;

import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.List;

/**
 * A program compiled for a CUDA device: every fused loop rendered to CUDA C and every library
 * call lowered to device kernels, all compiled by NVRTC as one PTX module, loaded once. Its
 * steps run on the device's stream back to back; nothing comes back to the host but what the
 * caller downloads (and a loop's predicate or a branch's index, one element each). The module
 * is unloaded once the executable is unreachable.
 */
final class CudaExecutable implements Executable, StepKernels {
    private static final Cleaner CLEANER = Cleaner.create();

    private final CudaBackend backend;
    private final PlanRunner runner;
    /** Per step: the device call of a loop or library call (null for nested steps). */
    private final DeviceCall[] calls;
    private final CudaModule module;

    CudaExecutable(CudaBackend backend, BufferPlan plan) {
        this.backend = backend;
        // Every CUDA device computes in double.
        this.calls = DeviceLowering.steps(plan.program(), Dialect.CUDA, true);
        List<KernelSource> kernels = DeviceLowering.kernels(calls);
        this.module = kernels.isEmpty() ? null : backend.load(kernels);
        if (module != null) {
            CudaContext context = backend.context();
            MemorySegment handle = module.handle();
            CLEANER.register(this, () -> context.unloadModule(handle));
        }
        this.runner = new PlanRunner(plan, backend, this);
    }

    @Override public BufferPlan plan() { return runner.plan(); }

    @Override public Backend backend() { return backend; }

    @Override
    public Seq<Buffer> run(Seq<Buffer> consts, Seq<Buffer> args, Seq<Integer> owned) {
        try {
            return runner.run(consts, args, owned);
        } finally {
            Reference.reachabilityFence(this);   // the module stays loaded while its steps are enqueued
        }
    }

    @Override
    public void loop(int step, Step.FusedLoop loop, Seq<Buffer> inputs, Seq<Buffer> outputs) {
        CudaCallRunner.run(backend.context(), calls[step], module, ptrs(inputs), ptrs(outputs));
        // Enqueued work reads the buffers' addresses: they must not be retired before it is enqueued.
        Reference.reachabilityFence(inputs);
        Reference.reachabilityFence(outputs);
    }

    @Override
    public Seq<Buffer> library(int step, Step.LibraryCall call, Seq<Buffer> operands) {
        DeviceCall c = calls[step];
        Seq<Buffer> results = c.results(operands, call.eqn().out().map(Var::aval), backend::allocate);
        if (!c.launches().isEmpty()) CudaCallRunner.run(backend.context(), c, module, ptrs(operands), ptrs(results));
        Reference.reachabilityFence(operands);
        return results;
    }

    private long[] ptrs(Seq<Buffer> buffers) {
        long[] out = new long[buffers.size()];
        for (int i = 0; i < out.length; i++) out[i] = backend.mine(buffers.get(i)).ptr();
        return out;
    }
}
