package dev.jaxj.accel.cuda;

import dev.jaxj.accel.Backends;
import dev.jaxj.accel.device.KernelArg;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.accel.device.Launch;
import dev.jaxj.errors.BackendError;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What of the driver binding can be checked without a GPU: a missing driver is a clear
 * BackendError (and the cuda platform reports it), results are named, launch geometry and
 * argument checks refuse what the driver would run wrongly.
 */
class CudaDriverTest {
    private static final KernelSource K = KernelSource.named("k", name -> "KERNEL void " + name + "(GLOBAL float* y, int n) {}", false);

    @Test
    void aMissingDriverLibrarySaysWhatToInstall() {
        var e = assertThrows(BackendError.class, () -> CudaDriver.load("libjaxj-no-such-cuda.so.9"));
        assertEquals("cuda", e.op());
        assertTrue(e.getMessage().contains("libjaxj-no-such-cuda.so.9") && e.getMessage().contains("NVIDIA's GPU driver"), e.getMessage());
    }

    @Test
    void theCudaPlatformReportsTheMissingDriver() {
        Assumptions.assumeTrue(Native.tryLoad(CudaDriver.SYSTEM) == null, "a CUDA driver is installed here");
        assertTrue(Backends.PLATFORMS.contains("cuda"));
        var e = assertThrows(BackendError.class, () -> Backends.platform("cuda"));
        assertTrue(e.getMessage().contains("libcuda.so.1") && e.getMessage().contains("NVIDIA's GPU driver"), e.getMessage());
        // asked again, the same answer: discovery ran once and its failure was kept
        assertEquals(e.detail(), assertThrows(BackendError.class, () -> Backends.platform("cuda")).detail());
        assertTrue(Backends.all().forAll(b -> !b.name().equals("cuda")), "all() lists only what is available");
    }

    /** The table has no gaps: it is checked against the codes of the toolkit's own header, where one is installed. */
    @Test
    void everyResultOfTheHeaderIsInTheTableUnderItsName() throws Exception {
        Path header = Path.of(System.getenv().getOrDefault("CUDA_HOME", "/usr/local/cuda"), "include", "cuda.h");
        Assumptions.assumeTrue(Files.isReadable(header), "no CUDA toolkit header at " + header);
        String src = Files.readString(header);
        Matcher block = Pattern.compile("typedef enum cudaError_enum \\{(.*?)} CUresult;", Pattern.DOTALL).matcher(src);
        assertTrue(block.find(), "CUresult in " + header);
        Map<Integer, String> want = new TreeMap<>();
        Matcher m = Pattern.compile("^\\s*(CUDA_\\w+)\\s*=\\s*(\\d+)", Pattern.MULTILINE).matcher(block.group(1));
        while (m.find()) want.put(Integer.parseInt(m.group(2)), m.group(1));
        assertTrue(want.size() > 90, "parsed " + want);
        // every code of the header, under its name (an older header than the table's lacks a few newer codes)
        Map<Integer, String> have = new TreeMap<>();
        for (int code : want.keySet()) have.put(code, CuResult.name(code));
        assertEquals(want, have);
    }

    @Test
    void resultsHaveTheirStandardNamesAndUnknownOnesTheirNumber() {
        assertEquals("CUDA_SUCCESS", CuResult.name(0));
        assertEquals("CUDA_ERROR_OUT_OF_MEMORY", CuResult.name(2));
        assertEquals("CUDA_ERROR_NO_DEVICE", CuResult.name(100));
        assertEquals("CUDA_ERROR_ILLEGAL_ADDRESS", CuResult.name(700));
        assertEquals("CUDA_ERROR_UNKNOWN", CuResult.name(999));
        assertEquals("CUresult 12345", CuResult.name(12345));
        assertEquals(CuResult.values().length, Arrays.stream(CuResult.values()).mapToInt(CuResult::code).distinct().count(), "no code twice");
        var e = assertThrows(BackendError.class, () -> CudaDriver.check("cuMemAlloc_v2", 2, "64 bytes"));
        assertEquals("cuMemAlloc_v2", e.op());
        assertEquals("CUDA_ERROR_OUT_OF_MEMORY (64 bytes)", e.detail());
    }

    @Test
    void theBlockIsTheLocalSizeOr256ThreadsAndTheGridCoversTheGlobalSize() {
        var g = LaunchGeometry.of(new long[] {1000}, null, 1024);
        assertArrayEquals(new int[] {4, 1, 1}, g.grid());
        assertArrayEquals(new int[] {256, 1, 1}, g.block());
        g = LaunchGeometry.of(new long[] {1}, null, 1024);
        assertArrayEquals(new int[] {1, 1, 1}, g.grid());
        g = LaunchGeometry.of(new long[] {640, 3}, new long[] {64, 1}, 1024);
        assertArrayEquals(new int[] {10, 3, 1}, g.grid());
        assertArrayEquals(new int[] {64, 1, 1}, g.block());
        g = LaunchGeometry.of(new long[] {16, 9, 4}, null, 1024);
        assertArrayEquals(new int[] {1, 9, 4}, g.grid());
        assertArrayEquals(new int[] {256, 1, 1}, g.block());
        // a device with smaller blocks gets blocks it can run
        assertArrayEquals(new int[] {128, 1, 1}, LaunchGeometry.of(new long[] {1000}, null, 128).block());
    }

    @Test
    void aBlockOrGridBeyondTheDevicesLimitsIsRefused() {
        var e = assertThrows(BackendError.class, () -> LaunchGeometry.of(new long[] {64, 64}, new long[] {64, 32}, 1024));
        assertTrue(e.detail().contains("2048") && e.detail().contains("1024"), e.detail());
        e = assertThrows(BackendError.class, () -> LaunchGeometry.of(new long[] {1, 70000}, null, 1024));
        assertTrue(e.detail().contains("dimension 1") && e.detail().contains("65535"), e.detail());
    }

    @Test
    void aLaunchWhoseArgumentsDoNotMatchTheKernelsParametersIsRefused() {
        var f = new CudaModule.Function(K.name(), MemorySegment.NULL, new int[] {8, 4});
        CudaCallRunner.checkArgs(f, Launch.of(K, 4, new KernelArg.Out(0), new KernelArg.I32(4)));
        var e = assertThrows(BackendError.class, () -> CudaCallRunner.checkArgs(f, Launch.of(K, 4, new KernelArg.Out(0))));
        assertTrue(e.detail().contains("declares 2 parameters") && e.detail().contains("gives 1"), e.detail());
        e = assertThrows(BackendError.class, () -> CudaCallRunner.checkArgs(f, Launch.of(K, 4, new KernelArg.Out(0), new KernelArg.I64(4))));
        assertTrue(e.detail().contains("parameter 1 takes 4 bytes") && e.detail().contains("I64"), e.detail());
        assertEquals(Vector.of(8, 8, 8, 4, 8, 4, 8), Vector.of(new KernelArg.In(0), new KernelArg.Out(0), new KernelArg.Temp(0),
                new KernelArg.I32(0), new KernelArg.I64(0), new KernelArg.F32(0), new KernelArg.F64(0)).map(CudaCallRunner::bytes));
    }

    @Test
    void ptxEntriesAreReadWithTheirParameterSizes() {
        // as NVRTC 12 and 13 write them: pointer attributes, alignment, a struct by value
        String ptx = """
                .visible .entry a_1(
                \t.param .u64 .ptr .align 1 a_1_param_0,
                \t.param .u32 a_1_param_1,
                \t.param .f64 a_1_param_2
                )
                {
                \tret;
                }
                .visible .entry b_2(
                \t.param .align 8 .b8 b_2_param_0[24],
                \t.param .s64 b_2_param_1
                )
                {
                \tret;
                }
                .visible .entry c_3()
                {
                \tret;
                }
                """;
        Map<String, int[]> e = PtxEntries.of(ptx);
        assertEquals(java.util.List.of("a_1", "b_2", "c_3"), java.util.List.copyOf(e.keySet()));
        assertArrayEquals(new int[] {8, 4, 8}, e.get("a_1"));
        assertArrayEquals(new int[] {24, 8}, e.get("b_2"));
        assertArrayEquals(new int[0], e.get("c_3"));
    }
}
