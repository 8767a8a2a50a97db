package dev.jaxj.accel.cuda;

import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.device.KernelArg;
import dev.jaxj.accel.device.Launch;
import dev.jaxj.errors.BackendError;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Runs {@link DeviceCall}s on a context's stream: allocates the call's temporaries, passes each
 * launch's arguments as pointers to their values ({@code void** kernelParams}) and enqueues
 * its launches, then retires the temporaries (freed once the device is done with them).
 * Nothing waits for the launches.
 */
final class CudaCallRunner {
    private CudaCallRunner() {}

    /**
     * Enqueues {@code call}'s launches, with kernels from {@code module}.
     *
     * @param operands the device address of each operand ({@link KernelArg.In})
     * @param results  the device address of each result; an aliased result is its operand's
     * @throws IllegalArgumentException when the buffers do not match the call
     * @throws BackendError when a launch's arguments do not match its kernel's parameters, or the driver rejects a launch
     */
    static void run(CudaContext context, DeviceCall call, CudaModule module, long[] operands, long[] results) {
        checkResults(call, operands, results);
        long[] temps = new long[call.tempBytes().size()];
        int allocated = 0;
        try {
            for (; allocated < temps.length; allocated++) temps[allocated] = context.allocate(call.tempBytes().get(allocated));
            for (Launch launch : call.launches()) {
                long[] global = launch.global();
                // A launch over no work-items does nothing, and CUDA rejects an empty grid.
                if (Arrays.stream(global).anyMatch(g -> g == 0)) continue;
                CudaModule.Function f = module.function(launch.kernel().name());
                checkArgs(f, launch);
                LaunchGeometry g = LaunchGeometry.of(global, launch.local(), context.device().maxThreadsPerBlock());
                try (Arena a = Arena.ofConfined()) {
                    context.launch(f.handle(), g, params(a, launch, operands, results, temps), "kernel " + f.name() + ", " + g);
                }
            }
        } finally {
            for (int t = 0; t < allocated; t++) context.retire(temps[t], Math.max(1, call.tempBytes().get(t)));
        }
    }

    /** {@return the bytes a kernel parameter takes for {@code arg}} (a buffer is a 64-bit device address) */
    static int bytes(KernelArg arg) {
        return switch (arg) {
            case KernelArg.In _, KernelArg.Out _, KernelArg.Temp _, KernelArg.I64 _, KernelArg.F64 _ -> 8;
            case KernelArg.I32 _, KernelArg.F32 _ -> 4;
        };
    }

    /** The driver takes whatever it is given: a missing or mistyped argument would be read as garbage, so it is refused here. */
    static void checkArgs(CudaModule.Function f, Launch launch) {
        int[] want = f.paramBytes();
        int[] got = launch.args().map(CudaCallRunner::bytes).toJavaStream().mapToInt(Integer::intValue).toArray();
        if (want.length != got.length) {
            throw new BackendError("cuLaunchKernel", "kernel " + f.name() + " declares " + want.length + " parameters, but the launch gives "
                    + got.length + " arguments: " + launch.args());
        }
        for (int i = 0; i < want.length; i++) {
            if (want[i] != got[i]) {
                throw new BackendError("cuLaunchKernel", "kernel " + f.name() + " parameter " + i + " takes " + want[i] + " bytes, but the launch gives "
                        + launch.args().get(i) + " of " + got[i]);
            }
        }
    }

    private static MemorySegment params(Arena a, Launch launch, long[] operands, long[] results, long[] temps) {
        int n = launch.args().size();
        MemorySegment values = a.allocate(8L * Math.max(1, n), 8);
        MemorySegment pointers = a.allocate(ADDRESS, Math.max(1, n));
        for (int i = 0; i < n; i++) {
            MemorySegment v = values.asSlice(8L * i, 8);
            switch (launch.args().get(i)) {
                case KernelArg.In(int index) -> v.set(JAVA_LONG, 0, buffer(operands, index, "operand", launch));
                case KernelArg.Out(int index) -> v.set(JAVA_LONG, 0, buffer(results, index, "result", launch));
                case KernelArg.Temp(int index) -> v.set(JAVA_LONG, 0, buffer(temps, index, "temporary", launch));
                case KernelArg.I32(int x) -> v.set(JAVA_INT, 0, x);
                case KernelArg.I64(long x) -> v.set(JAVA_LONG, 0, x);
                case KernelArg.F32(float x) -> v.set(JAVA_FLOAT, 0, x);
                case KernelArg.F64(double x) -> v.set(JAVA_DOUBLE, 0, x);
            }
            pointers.setAtIndex(ADDRESS, i, v);
        }
        return pointers;
    }

    private static long buffer(long[] buffers, int index, String kind, Launch launch) {
        if (index < 0 || index >= buffers.length) {
            throw new IllegalArgumentException("kernel " + launch.kernel().name() + " reads " + kind + " " + index + ", but the call has " + buffers.length);
        }
        return buffers[index];
    }

    private static void checkResults(DeviceCall call, long[] operands, long[] results) {
        if (results.length != call.aliasOf().size()) {
            throw new IllegalArgumentException("the call has " + call.aliasOf().size() + " results, got " + results.length + " buffers");
        }
        for (int r = 0; r < results.length; r++) {
            int op = call.aliasOf().get(r);
            if (op >= 0 && (op >= operands.length || results[r] != operands[op])) {
                throw new IllegalArgumentException("result " + r + " aliases operand " + op + " and must be its buffer");
            }
        }
    }
}
