package dev.jaxj.accel.opencl;

import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.device.KernelArg;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.accel.device.Launch;
import dev.jaxj.errors.BackendError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs {@link DeviceCall}s on one queue: allocates the call's temporaries, sets each launch's
 * arguments in order and enqueues its launches, then releases the temporaries.
 * {@snippet :
 * var runner = new DeviceCallRunner(ctx, queue);
 * ClProgram program = cache.build(DeviceCallRunner.kernelsOf(List.of(call)));
 * runner.run(call, program, List.of(x), List.of(y));   // enqueued; y is ready after queue.finish() or a read
 * }
 * Nothing waits for the launches: a blocking read or {@link ClQueue#finish()} does. The
 * temporaries are released right after the last launch is enqueued, which OpenCL allows:
 * a released buffer lives on until the commands queued on it have finished.
 */
public final class DeviceCallRunner {
    private final ClContext context;
    private final ClQueue queue;

    public DeviceCallRunner(ClContext context, ClQueue queue) {
        this.context = java.util.Objects.requireNonNull(context, "context is null");
        this.queue = java.util.Objects.requireNonNull(queue, "queue is null");
    }

    /** {@return the kernels the calls launch}, in order of first launch, for {@link ProgramCache#build} */
    public static List<KernelSource> kernelsOf(Iterable<DeviceCall> calls) {
        var out = new ArrayList<KernelSource>();
        for (DeviceCall c : calls) for (Launch l : c.launches()) out.add(l.kernel());
        return out;
    }

    /**
     * Enqueues {@code call}'s launches, with kernels from {@code program}.
     *
     * @param operands the buffer of each operand ({@link KernelArg.In})
     * @param results  the buffer of each result ({@link KernelArg.Out}); a result that aliases
     *                 an operand ({@link DeviceCall#aliasOf()}) is that operand's buffer
     * @throws IllegalArgumentException when the buffers do not match the call
     * @throws BackendError when a launch gives its kernel another number of arguments than it
     *     declares, or the driver rejects an argument or a launch
     */
    public void run(DeviceCall call, ClProgram program, List<ClMem> operands, List<ClMem> results) {
        checkResults(call, operands, results);
        var temps = new ArrayList<ClMem>();
        try {
            for (long bytes : call.tempBytes()) temps.add(context.allocate(bytes));
            for (Launch launch : call.launches()) {
                long[] global = launch.global();
                // OpenCL 1.2 rejects an empty range; a launch over no work-items does nothing.
                if (Arrays.stream(global).anyMatch(g -> g == 0)) continue;
                ClKernel kernel = program.kernel(launch.kernel().name());
                synchronized (kernel) {
                    if (kernel.numArgs() != launch.args().size()) {
                        throw new BackendError("clSetKernelArg", "kernel " + kernel.name() + " declares " + kernel.numArgs()
                                + " parameters, but the launch gives " + launch.args().size() + " arguments: " + launch.args());
                    }
                    int i = 0;
                    for (KernelArg arg : launch.args()) setArg(kernel, i++, arg, operands, results, temps);
                    queue.launch(kernel, global, launch.local());
                }
            }
        } finally {
            temps.forEach(ClMem::close);
        }
    }

    private static void setArg(ClKernel k, int i, KernelArg arg, List<ClMem> operands, List<ClMem> results, List<ClMem> temps) {
        switch (arg) {
            case KernelArg.In(int index) -> k.setArg(i, buffer(operands, index, "operand", k));
            case KernelArg.Out(int index) -> k.setArg(i, buffer(results, index, "result", k));
            case KernelArg.Temp(int index) -> k.setArg(i, buffer(temps, index, "temporary", k));
            case KernelArg.I32(int v) -> k.setArg(i, v);
            case KernelArg.I64(long v) -> k.setArg(i, v);
            case KernelArg.F32(float v) -> k.setArg(i, v);
            case KernelArg.F64(double v) -> k.setArg(i, v);
        }
    }

    private static ClMem buffer(List<ClMem> buffers, int index, String kind, ClKernel k) {
        if (index < 0 || index >= buffers.size()) {
            throw new IllegalArgumentException("kernel " + k.name() + " reads " + kind + " " + index + ", but the call has " + buffers.size());
        }
        return buffers.get(index);
    }

    private static void checkResults(DeviceCall call, List<ClMem> operands, List<ClMem> results) {
        if (results.size() != call.aliasOf().size()) {
            throw new IllegalArgumentException("the call has " + call.aliasOf().size() + " results, got " + results.size() + " buffers");
        }
        for (int r = 0; r < results.size(); r++) {
            int op = call.aliasOf().get(r);
            if (op >= 0 && (op >= operands.size() || results.get(r) != operands.get(op))) {
                throw new IllegalArgumentException("result " + r + " aliases operand " + op + " and must be its buffer");
            }
        }
    }
}
