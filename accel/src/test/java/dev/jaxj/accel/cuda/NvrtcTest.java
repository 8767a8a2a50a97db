package dev.jaxj.accel.cuda;

import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.device.Dialect;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.accel.device.Launch;
import dev.jaxj.accel.device.render.LoopRenderer;
import dev.jaxj.accel.device.render.RenderCases;
import dev.jaxj.compiler.kernel.Fusion;
import dev.jaxj.errors.BackendError;
import dev.jaxj.ir.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * NVRTC compiles what the renderer and the library produce to PTX, with no GPU: every kernel is
 * an entry of the module, and declares the parameters its launches pass (count and sizes, as
 * {@link CudaCallRunner} checks before a launch). Failures name the result, the log and the line.
 */
class NvrtcTest {
    private static final KernelSource ADD_ONE = KernelSource.named("add_one", name -> """
            KERNEL void %s(GLOBAL float* RESTRICT y, int n) {
                long i = GID0;
                if (i < n) y[i] += 1.0f;
            }
            """.formatted(name), false);

    @Test
    void theProgramsLoweredByFusionCompileAndTheirLaunchesMatchTheKernels() {
        List<DeviceCall> calls = new ArrayList<>();
        for (CudaPrograms.Program p : CudaPrograms.programs()) calls.addAll(CudaPrograms.calls(Fusion.lower(p.jaxpr())));
        assertCompilesWithMatchingParameters(CudaPrograms.launches(calls));
    }

    @Test
    void everyLibraryFamilyCompilesAndItsLaunchesMatchTheKernels() {
        assertCompilesWithMatchingParameters(CudaPrograms.launches(CudaPrograms.libraryCalls()));
    }

    @Test
    void everyElementwisePrimitiveOnEveryDtypeAndTheStructuralLoopsCompile() {
        List<Launch> launches = new ArrayList<>();
        var cases = new ArrayList<>(RenderCases.elementwise(Shape.of(8, 256)));
        cases.addAll(RenderCases.structural());
        for (RenderCases.Case c : cases) LoopRenderer.render(c.loop(), Dialect.CUDA).launches().forEach(launches::add);
        assertCompilesWithMatchingParameters(launches);
    }

    private static void assertCompilesWithMatchingParameters(List<Launch> launches) {
        Nvrtc nvrtc = NvrtcSupport.nvrtc();
        assertFalse(launches.isEmpty(), "no launches");
        String ptx = nvrtc.compile(launches.stream().map(Launch::kernel).toList(), nvrtc.archFor(8, 0));
        Map<String, int[]> entries = PtxEntries.of(ptx);
        List<String> failures = new ArrayList<>();
        for (Launch l : launches) {
            String name = l.kernel().name();
            if (!ptx.contains(".entry " + name + "(")) {
                failures.add(name + " is not an entry of the PTX");
                continue;
            }
            try {
                CudaCallRunner.checkArgs(new CudaModule.Function(name, MemorySegment.NULL, entries.get(name)), l);
            } catch (BackendError e) {
                failures.add(e.getMessage());
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " failures, the first ones:\n" + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    }

    @Test
    void aCompileErrorNamesTheResultTheKernelsTheLogAndTheSourceLine() {
        Nvrtc nvrtc = NvrtcSupport.nvrtc();
        KernelSource broken = KernelSource.named("broken", name -> """
                KERNEL void %s(GLOBAL float* RESTRICT y) {
                    y[GID0] = undeclared_variable * 2.0f;
                }
                """.formatted(name), false);
        var e = assertThrows(BackendError.class, () -> nvrtc.compile(List.of(ADD_ONE, broken), "compute_80"));
        assertEquals("nvrtcCompileProgram", e.op());
        String m = e.getMessage();
        assertTrue(m.contains("NVRTC_ERROR_COMPILATION"), m);
        assertTrue(m.contains(broken.name()) && m.contains(ADD_ONE.name()) && m.contains("compute_80"), m);
        assertTrue(m.contains("identifier \"undeclared_variable\" is undefined"), "the compile log: " + m);
        assertTrue(m.lines().anyMatch(l -> l.startsWith(">") && l.contains("undeclared_variable * 2.0f")), m);
    }

    @Test
    void theParameterSizesAreReadFromThePtx() {
        Nvrtc nvrtc = NvrtcSupport.nvrtc();
        KernelSource k = KernelSource.named("params", name -> """
                KERNEL void %s(GLOBAL const float* RESTRICT x, GLOBAL double* RESTRICT y, int n, i64_t m, float a, double b, u32_t u) {
                    long i = GID0;
                    if (i < n) y[i] = x[i] * a + b + (double) m + (double) u;
                }
                """.formatted(name), true);
        String ptx = nvrtc.compile(List.of(k, ADD_ONE), "compute_80");
        Map<String, int[]> entries = PtxEntries.of(ptx);
        assertArrayEquals(new int[] {8, 8, 4, 8, 4, 8, 4}, entries.get(k.name()));
        assertArrayEquals(new int[] {8, 4}, entries.get(ADD_ONE.name()));
        assertEquals(2, entries.size(), entries.keySet()::toString);
    }

    @Test
    void kernelsAreDeduplicatedByNameAndANameWithTwoCodesIsRefused() {
        Nvrtc nvrtc = NvrtcSupport.nvrtc();
        String ptx = nvrtc.compile(List.of(ADD_ONE, ADD_ONE), "compute_80");
        assertEquals(1, PtxEntries.of(ptx).size());
        var other = new KernelSource(ADD_ONE.name(), ADD_ONE.code().replace("1.0f", "2.0f"), false);
        assertThrows(IllegalArgumentException.class, () -> nvrtc.compile(List.of(ADD_ONE, other), "compute_80"));
    }

    @Test
    void theArchitectureIsTheNewestNvrtcSupportsThatIsNoNewerThanTheDevice() {
        Nvrtc nvrtc = NvrtcSupport.nvrtc();
        int[] archs = nvrtc.supportedArchs();
        assertTrue(archs.length > 0, "NVRTC 11.2 and newer list their architectures");
        for (int a : archs) assertEquals("compute_" + a, nvrtc.archFor(a / 10, a % 10));
        // a device newer than any listed architecture gets the newest, whose PTX the driver compiles for it
        assertEquals("compute_" + archs[archs.length - 1], nvrtc.archFor(99, 9));
        var e = assertThrows(BackendError.class, () -> nvrtc.archFor(1, 0));
        assertTrue(e.getMessage().contains("1.0") && e.getMessage().contains("-Djaxj.cuda.nvrtc"), e.getMessage());
    }

    @Test
    void ptxIsCachedInMemoryAndOnDiskAndAnAlteredFileIsCompiledAgain(@TempDir Path dir) throws Exception {
        Nvrtc nvrtc = NvrtcSupport.nvrtc();
        var first = new PtxCache(nvrtc, dir);
        String ptx = first.ptx(List.of(ADD_ONE), "compute_80");
        assertEquals(ptx, first.ptx(List.of(ADD_ONE), "compute_80"));
        assertEquals(1, first.compiles());
        var second = new PtxCache(nvrtc, dir);
        assertEquals(ptx, second.ptx(List.of(ADD_ONE), "compute_80"));
        assertEquals(0, second.compiles());
        assertEquals(1, second.diskLoads());
        List<Path> files;
        try (var s = Files.list(dir)) { files = s.toList(); }
        assertEquals(1, files.size(), files::toString);
        Files.writeString(files.getFirst(), Files.readString(files.getFirst()).replace(ADD_ONE.name(), "tampered"));
        var third = new PtxCache(nvrtc, dir);
        assertEquals(ptx, third.ptx(List.of(ADD_ONE), "compute_80"));
        assertEquals(1, third.compiles());
        assertEquals(ptx, new PtxCache(nvrtc, dir).ptx(List.of(ADD_ONE), "compute_80"), "the file was rewritten");
        // another architecture is another program
        new PtxCache(nvrtc, dir).ptx(List.of(ADD_ONE), nvrtc.archFor(9, 0));
        try (var s = Files.list(dir)) { assertEquals(2, s.count()); }
    }

    @Test
    void aMissingLibrarySaysWhereItLookedAndWhatToInstall() {
        var e = assertThrows(BackendError.class, () -> Nvrtc.load("/nonexistent-jaxj/libnvrtc.so.99"));
        assertEquals("nvrtc", e.op());
        String m = e.getMessage();
        assertTrue(m.contains("/nonexistent-jaxj/libnvrtc.so.99") && m.contains("-Djaxj.cuda.nvrtc"), m);
        assertTrue(m.contains("CUDA toolkit"), m);
    }

    @Test
    void withoutTheOptionTheToolkitFolderAndThenTheLibraryPathAreTried() {
        assertEquals(List.of("/nonexistent-jaxj-cuda/lib64/libnvrtc.so", "libnvrtc.so", "libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so.11.2"),
                Nvrtc.candidates("/nonexistent-jaxj-cuda"));
    }

    @Test
    void theSourceStartsWithTheCudaPreludeAndDefinesTheMathConstantsNvrtcLacks() {
        String src = Nvrtc.source(List.of(ADD_ONE));
        assertTrue(src.startsWith(Dialect.CUDA.prelude(false)), src);
        assertTrue(src.contains("#define INFINITY") && src.contains("#define NAN"), src);
        assertTrue(src.endsWith(ADD_ONE.code() + "\n"), src);
        assertTrue(Arrays.stream(src.split("\n")).noneMatch(l -> l.startsWith("#include")), "NVRTC has no system headers");
    }
}
