package dev.jaxj.accel.device;

import dev.jaxj.accel.device.library.LibraryKernels;
import dev.jaxj.accel.device.render.LoopRenderer;
import dev.jaxj.compiler.kernel.BufferPlan;
import dev.jaxj.compiler.kernel.KernelProgram;
import dev.jaxj.compiler.kernel.Step;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.ArrayList;
import java.util.List;

/**
 * A kernel program's steps lowered for a device: each fused loop rendered to one kernel, each
 * library call to its family's kernels. Loops and branches hold programs of their own, which
 * a device backend compiles separately; {@link #kernels} collects theirs too.
 * {@snippet :
 * Seq<KernelSource> all = DeviceLowering.kernels(plan.program(), Dialect.CUDA, true);   // e.g. for nvcc -ptx
 * }
 */
public final class DeviceLowering {
    private DeviceLowering() {}

    /**
     * {@return the launches of a fused loop or library call}
     * @param fp64 whether the device computes in double (OpenCL's {@code cl_khr_fp64})
     * @throws IllegalArgumentException for a loop or branch step, which has no launches of its own
     */
    public static DeviceCall lower(Step step, Dialect dialect, boolean fp64) {
        return switch (step) {
            case Step.FusedLoop f -> LoopRenderer.render(f, dialect, fp64);
            case Step.LibraryCall c -> LibraryKernels.lower(c.eqn(), dialect, fp64);
            case Step.Nested n -> throw new IllegalArgumentException(n.eqn().prim().name() + " runs its programs, not kernels of its own");
        };
    }

    /** {@return each step's device call}, null for a loop or branch step (its programs are executables of their own) */
    public static DeviceCall[] steps(KernelProgram program, Dialect dialect, boolean fp64) {
        return program.steps().map(s -> s instanceof Step.Nested ? null : lower(s, dialect, fp64)).toJavaArray(DeviceCall[]::new);
    }

    /** {@return the kernels the calls launch}, in order (the nulls of nested steps skipped) */
    public static List<KernelSource> kernels(DeviceCall[] calls) {
        List<KernelSource> out = new ArrayList<>();
        for (DeviceCall c : calls) if (c != null) c.launches().forEach(l -> out.add(l.kernel()));
        return out;
    }

    /** {@return every kernel {@code program} launches}, its nested programs' included, in step order */
    public static Seq<KernelSource> kernels(KernelProgram program, Dialect dialect, boolean fp64) {
        Vector<KernelSource> all = Vector.empty();
        for (Step s : program.steps()) {
            all = switch (s) {
                case Step.Nested n -> all.appendAll(n.programs().flatMap((BufferPlan p) -> kernels(p.program(), dialect, fp64)));
                case Step.FusedLoop _, Step.LibraryCall _ -> all.appendAll(lower(s, dialect, fp64).launches().map(Launch::kernel));
            };
        }
        return all;
    }
}
