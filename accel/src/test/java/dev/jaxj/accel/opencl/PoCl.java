package dev.jaxj.accel.opencl;

import dev.jaxj.accel.cpu.HostBuffer;
import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.errors.BackendError;
import dev.jaxj.ir.ShapedArray;
import org.junit.jupiter.api.Assumptions;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs device calls on the first OpenCL device (PoCL in CI) for tests of kernels. Where no
 * OpenCL device is found the calling test is skipped with the reason, unless
 * {@code JAXJ_REQUIRE_OPENCL=1} (set by CI, whose machines have PoCL) makes that a failure.
 * {@snippet :
 * PoCl.assumeAvailable();
 * List<HostBuffer> out = PoCl.run(call, List.of(HostBuffer.own(new float[] {1, 2})), List.of(ShapedArray.of(DType.F32, 2)));
 * }
 * One context, queue and program cache serve the whole test run (programs cached on disk in
 * {@link ProgramCache#defaultDir()}, so {@code -Djaxj.cache_dir} moves them).
 */
public final class PoCl {
    private PoCl() {}

    /** The shared device objects, made on first use; {@code failure} says why there are none. */
    private record Session(ClContext context, ClQueue queue, ProgramCache cache, DeviceCallRunner runner, BackendError failure) {
        static final Session INSTANCE = open();

        private static Session open() {
            try {
                ClContext ctx = ClContext.create(ClDevice.all().getFirst());
                ClQueue q = ctx.createQueue();
                return new Session(ctx, q, new ProgramCache(ctx), new DeviceCallRunner(ctx, q), null);
            } catch (BackendError e) {
                return new Session(null, null, null, null, e);
            }
        }
    }

    /** Skips (or, under CI, fails) the calling test when there is no OpenCL device. */
    public static void assumeAvailable() {
        BackendError e = Session.INSTANCE.failure();
        if (e == null) return;
        String why = "no OpenCL device: " + e.op() + ": " + e.detail();
        if ("1".equals(System.getenv("JAXJ_REQUIRE_OPENCL"))) fail(why, e);
        Assumptions.abort(why);
    }

    /** {@return the shared context on the first device} (after {@link #assumeAvailable()}) */
    public static ClContext context() {
        assumeAvailable();
        return Session.INSTANCE.context();
    }

    /** {@return the shared in-order queue} */
    public static ClQueue queue() {
        assumeAvailable();
        return Session.INSTANCE.queue();
    }

    /** {@return the shared program cache} */
    public static ProgramCache cache() {
        assumeAvailable();
        return Session.INSTANCE.cache();
    }

    /**
     * Uploads {@code inputs}, builds the call's kernels (through the shared cache), runs the
     * call, and downloads its results.
     *
     * @param outAvals the dtype and shape of each result
     * @return one host buffer per result; an aliased result is a copy of its operand's device buffer
     */
    public static List<HostBuffer> run(DeviceCall call, List<HostBuffer> inputs, List<ShapedArray> outAvals) {
        assumeAvailable();
        Session s = Session.INSTANCE;
        if (outAvals.size() != call.aliasOf().size()) throw new IllegalArgumentException(call.aliasOf().size() + " results, " + outAvals.size() + " avals");
        var operands = new ArrayList<ClMem>();
        var owned = new ArrayList<ClMem>();
        try {
            for (HostBuffer in : inputs) {
                ClMem m = s.context().allocate(bytes(in.dtype().bits(), in.size()));
                owned.add(m);
                s.queue().write(m, in.array());
                operands.add(m);
            }
            var results = new ArrayList<ClMem>();
            for (int r = 0; r < outAvals.size(); r++) {
                int alias = call.aliasOf().get(r);
                if (alias >= 0) {
                    results.add(operands.get(alias));
                } else {
                    ShapedArray a = outAvals.get(r);
                    ClMem m = s.context().allocate(bytes(a.dtype().bits(), a.size()));
                    owned.add(m);
                    results.add(m);
                }
            }
            if (!call.launches().isEmpty()) {
                ClProgram program = s.cache().build(DeviceCallRunner.kernelsOf(List.of(call)));
                s.runner().run(call, program, operands, results);
            }
            var out = new ArrayList<HostBuffer>();
            for (int r = 0; r < outAvals.size(); r++) {
                ShapedArray a = outAvals.get(r);
                HostBuffer h = HostBuffer.allocate(a.dtype(), a.size());
                s.queue().read(results.get(r), h.array());
                out.add(h);
            }
            return out;
        } finally {
            owned.forEach(ClMem::close);
        }
    }

    private static long bytes(int bits, int size) { return (long) size * bits / 8; }
}
