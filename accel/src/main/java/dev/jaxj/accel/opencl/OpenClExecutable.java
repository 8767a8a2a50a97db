package dev.jaxj.accel.opencl;

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
import dev.jaxj.errors.BackendError;
import dev.jaxj.ir.Atom;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;

import java.util.List;

/**
 * A program compiled for an OpenCL device: every fused loop rendered to OpenCL C and every
 * library call lowered to device kernels, all built as one OpenCL program. Its steps run on the
 * device queue back to back; nothing comes back to the host but what the caller downloads
 * (and a loop's predicate or a branch's index, one element each). On a backend without fp64
 * the kernels compute f32 in float, and a program with f64 values is refused when compiled.
 */
final class OpenClExecutable implements Executable, StepKernels {
    private final OpenClBackend backend;
    private final PlanRunner runner;
    /** Per step: the device call of a loop or library call (null for nested steps). */
    private final DeviceCall[] calls;
    private final ClProgram program;

    OpenClExecutable(OpenClBackend backend, BufferPlan plan) {
        this.backend = backend;
        boolean fp64 = backend.fp64();
        if (!fp64) refuseF64(backend, plan.program().source());
        this.calls = DeviceLowering.steps(plan.program(), Dialect.OPENCL, fp64);
        List<KernelSource> kernels = DeviceLowering.kernels(calls);
        this.program = kernels.isEmpty() ? null : backend.programs().build(kernels);
        this.runner = new PlanRunner(plan, backend, this);
    }

    /**
     * Refuses a program with f64 values on a backend without fp64, naming the first equation
     * (those of nested programs first) that reads or makes one, so the error points at the
     * operation rather than at a kernel.
     */
    private static void refuseF64(OpenClBackend backend, Jaxpr j) {
        for (Var v : j.constVars().appendAll(j.inVars())) {
            if (v.aval().dtype() == DType.F64) {
                throw new BackendError("opencl", "the program takes " + v.aval() + ", and f64 needs a device with cl_khr_fp64; " + backend.lacksFp64());
            }
        }
        for (Eqn e : j.eqns()) {
            if (e.prim() instanceof Primitive.ControlFlow c) c.jaxprs().forEach(sub -> refuseF64(backend, sub));
            Seq<ShapedArray> avals = e.in().map(Atom::aval).appendAll(e.out().map(Var::aval));
            if (avals.exists(a -> a.dtype() == DType.F64)) {
                throw new BackendError(e.prim().name(), "computes in f64 (" + e.in().map(Atom::aval).mkString(", ") + " -> "
                        + e.out().map(Var::aval).mkString(", ") + "), which needs a device with cl_khr_fp64; " + backend.lacksFp64(), e.where(), null);
            }
        }
    }

    /** {@return the kernels of this program's own steps} (not of its nested programs), in step order */
    List<KernelSource> kernels() { return DeviceLowering.kernels(calls); }

    @Override public BufferPlan plan() { return runner.plan(); }

    @Override public Backend backend() { return backend; }

    @Override
    public Seq<Buffer> run(Seq<Buffer> consts, Seq<Buffer> args, Seq<Integer> owned) {
        return runner.run(consts, args, owned);
    }

    @Override
    public void loop(int step, Step.FusedLoop loop, Seq<Buffer> inputs, Seq<Buffer> outputs) {
        backend.runner().run(calls[step], program, mems(inputs), mems(outputs));
    }

    @Override
    public Seq<Buffer> library(int step, Step.LibraryCall call, Seq<Buffer> operands) {
        DeviceCall c = calls[step];
        Seq<Buffer> results = c.results(operands, call.eqn().out().map(Var::aval), backend::allocate);
        if (!c.launches().isEmpty()) backend.runner().run(c, program, mems(operands), mems(results));
        return results;
    }

    private List<ClMem> mems(Seq<Buffer> buffers) {
        return buffers.map(b -> backend.mine(b).mem()).toJavaList();
    }
}
