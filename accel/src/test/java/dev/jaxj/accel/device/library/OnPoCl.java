package dev.jaxj.accel.device.library;

import dev.jaxj.accel.cpu.CpuKernels;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.opencl.ClMem;
import dev.jaxj.accel.opencl.ClProgram;
import dev.jaxj.accel.opencl.DeviceCallRunner;
import dev.jaxj.accel.opencl.PoCl;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Runs library cases on the OpenCL device and holds them to the CPU backend, bit for bit.
 * The kernels of all cases build as one program: one compile instead of one per case, which
 * on PoCL is most of a test's time.
 */
final class OnPoCl {
    private OnPoCl() {}

    /** {@return the device's results of {@code c}}, through {@link PoCl#run} */
    static List<HostData> run(LibraryCase c) {
        return PoCl.run(c.lower(), c.inputs().asJava(), c.outAvals().asJava());
    }

    /** {@return the device's results of {@code c}}, with kernels from {@code program} */
    private static List<HostData> run(LibraryCase c, ClProgram program) {
        DeviceCall call = c.lower();
        Seq<ShapedArray> outAvals = c.outAvals();
        var owned = new ArrayList<ClMem>();
        try {
            var operands = new ArrayList<ClMem>();
            for (HostData in : c.inputs()) {
                ClMem m = PoCl.context().allocate((long) in.size() * in.dtype().bits() / 8);
                owned.add(m);
                PoCl.queue().write(m, in.array());
                operands.add(m);
            }
            var results = new ArrayList<ClMem>();
            for (int r = 0; r < outAvals.size(); r++) {
                int alias = call.aliasOf().get(r);
                if (alias >= 0) {
                    results.add(operands.get(alias));
                } else {
                    ClMem m = PoCl.context().allocate((long) outAvals.get(r).size() * outAvals.get(r).dtype().bits() / 8);
                    owned.add(m);
                    results.add(m);
                }
            }
            new DeviceCallRunner(PoCl.context(), PoCl.queue()).run(call, program, operands, results);
            var out = new ArrayList<HostData>();
            for (int r = 0; r < outAvals.size(); r++) {
                HostData h = HostData.allocate(outAvals.get(r).dtype(), outAvals.get(r).size());
                PoCl.queue().read(results.get(r), h.array());
                out.add(h);
            }
            return out;
        } finally {
            owned.forEach(ClMem::close);
        }
    }

    /** Asserts that the device computes every case as the CPU backend does, to the bit (NaN payloads and the sign of zero included). */
    static void assertMatchesCpu(Iterable<LibraryCase> cases) {
        PoCl.assumeAvailable();
        ClProgram program = PoCl.cache().build(LibraryCase.kernelsOf(cases));
        int n = 0;
        for (LibraryCase c : cases) {
            Seq<ShapedArray> outAvals = c.outAvals();
            Seq<HostData> want = CpuKernels.execute(c.p(), c.inAvals(), c.inputs(), outAvals);
            List<HostData> got = run(c, program);
            assertEquals(want.size(), got.size(), c.toString());
            for (int r = 0; r < got.size(); r++) assertSameBits(want.get(r), got.get(r), "result " + r + " of " + c);
            n++;
        }
        assertTrue(n > 0, "no cases ran");
    }

    static void assertSameBits(HostData want, HostData got, String what) {
        assertEquals(want.dtype(), got.dtype(), what);
        assertEquals(want.size(), got.size(), what);
        switch (want.dtype()) {
            case F32 -> {
                int[] w = new int[want.size()], g = new int[got.size()];
                for (int i = 0; i < w.length; i++) {
                    w[i] = Float.floatToRawIntBits(want.f32()[i]);
                    g[i] = Float.floatToRawIntBits(got.f32()[i]);
                }
                assertArrayEquals(w, g, () -> what + "\n want " + Arrays.toString(want.f32()) + "\n got  " + Arrays.toString(got.f32()));
            }
            case F64 -> {
                long[] w = new long[want.size()], g = new long[got.size()];
                for (int i = 0; i < w.length; i++) {
                    w[i] = Double.doubleToRawLongBits(want.f64()[i]);
                    g[i] = Double.doubleToRawLongBits(got.f64()[i]);
                }
                assertArrayEquals(w, g, () -> what + "\n want " + Arrays.toString(want.f64()) + "\n got  " + Arrays.toString(got.f64()));
            }
            case I32, U32 -> assertArrayEquals(want.i32(), got.i32(), what);
            case I64 -> assertArrayEquals(want.i64(), got.i64(), what);
            case BOOL -> assertArrayEquals(want.bool(), got.bool(), what);
        }
    }
}
