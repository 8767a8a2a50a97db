package dev.jaxj.accel.opencl;

import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.device.KernelArg;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.accel.device.Launch;
import dev.jaxj.errors.BackendError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failures of the driver reach the caller as BackendErrors that name the call, the status and the object. */
class ClErrorsTest {
    private static final KernelSource ADD_ONE = KernelSource.named("add_one", name -> """
            KERNEL void %s(GLOBAL float* RESTRICT y, int n) {
                long i = GID0;
                if (i < n) y[i] += 1.0f;
            }
            """.formatted(name), false);

    @Test
    void aBuildErrorShowsTheStatusTheLogTheKernelAndTheSourceLine() {
        PoCl.assumeAvailable();
        KernelSource broken = KernelSource.named("broken", name -> """
                KERNEL void %s(GLOBAL float* RESTRICT y) {
                    y[GID0] = undeclared_variable * 2.0f;
                }
                """.formatted(name), false);
        var e = assertThrows(BackendError.class, () -> PoCl.cache().build(List.of(ADD_ONE, broken)));
        assertEquals("clBuildProgram", e.op());
        String m = e.getMessage();
        assertTrue(m.contains("CL_BUILD_PROGRAM_FAILURE"), m);
        assertTrue(m.contains(broken.name()) && m.contains(ADD_ONE.name()), m);
        assertTrue(m.contains("undeclared_variable"), "the build log: " + m);
        // the numbered excerpt marks the line of the error with '>'
        assertTrue(m.lines().anyMatch(l -> l.startsWith(">") && l.contains("undeclared_variable * 2.0f")), m);
    }

    @Test
    void aWorkGroupThatDoesNotDivideTheRangeNamesTheLaunchAndItsStatus() {
        PoCl.assumeAvailable();
        ClKernel k = PoCl.cache().build(List.of(ADD_ONE)).kernel(ADD_ONE.name());
        try (ClMem y = PoCl.context().allocate(40)) {
            synchronized (k) {
                k.setArg(0, y);
                k.setArg(1, 10);
                var e = assertThrows(BackendError.class, () -> PoCl.queue().launch(k, new long[] {10}, new long[] {3}));
                assertEquals("clEnqueueNDRangeKernel", e.op());
                assertTrue(e.detail().startsWith("CL_INVALID_WORK_GROUP_SIZE"), e.detail());
                assertTrue(e.detail().contains(ADD_ONE.name()), e.detail());
            }
        }
    }

    @Test
    void anArgumentOfTheWrongSizeNamesTheKernelAndTheArgument() {
        PoCl.assumeAvailable();
        ClKernel k = PoCl.cache().build(List.of(ADD_ONE)).kernel(ADD_ONE.name());
        synchronized (k) {
            var e = assertThrows(BackendError.class, () -> k.setArg(1, 10L)); // an i64 for an int parameter
            assertEquals("clSetKernelArg", e.op());
            assertTrue(e.detail().startsWith("CL_INVALID_ARG_SIZE"), e.detail());
            assertTrue(e.detail().contains(ADD_ONE.name()) && e.detail().contains("argument 1"), e.detail());
        }
    }

    @Test
    void aLaunchWithTooFewArgumentsIsRefusedBeforeTheDriverSeesIt() {
        PoCl.assumeAvailable();
        var call = DeviceCall.of(1, Launch.of(ADD_ONE, 4, new KernelArg.Out(0)));
        var e = assertThrows(BackendError.class, () -> PoCl.run(call, List.of(), List.of(dev.jaxj.ir.ShapedArray.of(dev.jaxj.ir.DType.F32, 4))));
        assertEquals("clSetKernelArg", e.op());
        assertTrue(e.detail().contains("declares 2 parameters") && e.detail().contains("gives 1"), e.detail());
    }

    @Test
    void anUnknownKernelNameNamesTheStatusAndTheKernel() {
        PoCl.assumeAvailable();
        ClProgram p = PoCl.cache().build(List.of(ADD_ONE));
        var e = assertThrows(BackendError.class, () -> p.kernel("no_such_kernel"));
        assertEquals("clCreateKernel", e.op());
        assertTrue(e.detail().startsWith("CL_INVALID_KERNEL_NAME") && e.detail().contains("no_such_kernel"), e.detail());
    }

    @Test
    void aMissingLibraryTellsWhatToInstall() {
        var e = assertThrows(BackendError.class, () -> ClLibrary.load("libjaxj-no-such-opencl.so.9"));
        String m = e.getMessage();
        assertTrue(m.contains("libjaxj-no-such-opencl.so.9"), m);
        assertTrue(m.contains("ocl-icd-libopencl1") && m.contains("pocl-opencl-icd"), m);
    }

    @Test
    void everyStandardStatusHasItsName() {
        assertEquals("CL_OUT_OF_RESOURCES", ClStatus.name(-5));
        assertEquals("CL_INVALID_KERNEL_ARGS", ClStatus.name(-52));
        assertEquals("CL_MAX_SIZE_RESTRICTION_EXCEEDED", ClStatus.name(-72));
        assertEquals("CL_PLATFORM_NOT_FOUND_KHR", ClStatus.name(-1001));
        assertEquals("status -9999", ClStatus.name(-9999));
        // the standard codes are 0, -1..-19 and -30..-72: none missing, none twice
        var codes = java.util.Arrays.stream(ClStatus.values()).mapToInt(ClStatus::code).filter(c -> c > -1000).sorted().toArray();
        var want = java.util.stream.IntStream.concat(java.util.stream.IntStream.rangeClosed(-72, -30), java.util.stream.IntStream.rangeClosed(-19, 0)).toArray();
        org.junit.jupiter.api.Assertions.assertArrayEquals(want, codes);
    }
}
