package dev.jaxj.accel.opencl;

import dev.jaxj.accel.device.KernelSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ProgramCacheTest {
    private static final KernelSource TWICE = KernelSource.named("twice", name -> """
            KERNEL void %s(GLOBAL i32_t* RESTRICT y, int n) {
                long i = GID0;
                if (i < n) y[i] = 2 * y[i];
            }
            """.formatted(name), false);

    @TempDir Path dir;

    @Test
    void aFreshCacheLoadsTheBinaryTheFirstOneWrote() throws IOException {
        ClContext ctx = PoCl.context();
        try (var first = new ProgramCache(ctx, dir)) {
            ClProgram p = first.build(List.of(TWICE, TWICE));
            assertSame(p, first.build(List.of(TWICE)), "the second build of one program comes from memory");
            assertEquals(1, first.sourceBuilds());
            assertEquals(0, first.diskLoads());
            works(p);
        }
        assertEquals(1, binaries().size());
        try (var second = new ProgramCache(ctx, dir)) {
            ClProgram p = second.build(List.of(TWICE));
            assertEquals(0, second.sourceBuilds());
            assertEquals(1, second.diskLoads());
            works(p);
        }
    }

    @Test
    void aCorruptBinaryIsRebuiltFromSourceAndRewritten() throws IOException {
        ClContext ctx = PoCl.context();
        try (var first = new ProgramCache(ctx, dir)) {
            first.build(List.of(TWICE));
        }
        Path file = binaries().getFirst();
        byte[] good = Files.readAllBytes(file);
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 0x55;
        Files.write(file, bad);
        try (var second = new ProgramCache(ctx, dir)) {
            works(second.build(List.of(TWICE)));
            assertEquals(1, second.sourceBuilds());
            assertEquals(0, second.diskLoads());
        }
        assertEquals(1, binaries().size());
        try (var third = new ProgramCache(ctx, dir)) {
            works(third.build(List.of(TWICE)));
            assertEquals(1, third.diskLoads(), "the rebuilt binary was written back");
        }
        Files.write(file, java.util.Arrays.copyOf(good, 20)); // cut short
        try (var fourth = new ProgramCache(ctx, dir)) {
            works(fourth.build(List.of(TWICE)));
            assertEquals(1, fourth.sourceBuilds());
        }
    }

    /** A file intact on disk whose binary the driver refuses (another driver's, say) is rebuilt too. */
    @Test
    void aBinaryTheDriverRejectsIsRebuiltFromSource() throws IOException {
        ClContext ctx = PoCl.context();
        try (var first = new ProgramCache(ctx, dir)) {
            first.build(List.of(TWICE));
        }
        Path file = binaries().getFirst();
        byte[] foreign = new byte[4096];
        new java.util.Random(7).nextBytes(foreign);
        Files.write(file, ProgramCache.framed(foreign));
        try (var second = new ProgramCache(ctx, dir)) {
            works(second.build(List.of(TWICE)));
            assertEquals(1, second.sourceBuilds());
            assertEquals(0, second.diskLoads());
        }
        try (var third = new ProgramCache(ctx, dir)) {
            works(third.build(List.of(TWICE)));
            assertEquals(1, third.diskLoads(), "the rebuilt binary was written back");
        }
    }

    @Test
    void theKeyDependsOnTheBuildOptions() throws IOException {
        try (var cache = new ProgramCache(PoCl.context(), dir)) {
            works(cache.build(List.of(TWICE), ""));
            works(cache.build(List.of(TWICE), "-cl-opt-disable"));
            assertEquals(2, cache.sourceBuilds());
        }
        assertEquals(2, binaries().size());
    }

    @Test
    void f64KernelsAreRefusedBeforeBuildingOnADeviceWithoutFp64() {
        var f64 = new KernelSource("half_f64", "KERNEL void half_f64(GLOBAL double* y) { y[GID0] *= 0.5; }", true);
        var e = assertThrows(dev.jaxj.errors.BackendError.class, () -> ProgramCache.requireFp64("tiny-gpu", false, List.of(TWICE, f64)));
        assertTrue(e.detail().contains("half_f64") && e.detail().contains("tiny-gpu") && e.detail().contains("cl_khr_fp64"), e.detail());
        assertFalse(e.detail().contains(TWICE.name()), "names only the kernels that use f64: " + e.detail());
        assertTrue(ProgramCache.requireFp64("big-gpu", true, List.of(TWICE, f64)));
        assertFalse(ProgramCache.requireFp64("tiny-gpu", false, List.of(TWICE)));
    }

    @Test
    void kernelsOfOneNameMustHaveOneCode() {
        var other = new KernelSource(TWICE.name(), TWICE.code().replace("2 *", "3 *"), false);
        try (var cache = new ProgramCache(PoCl.context(), null)) {
            assertThrows(IllegalArgumentException.class, () -> cache.build(List.of(TWICE, other)));
        }
    }

    @Test
    void theDefaultFolderFollowsTheCacheDirProperty() {
        String before = System.getProperty("jaxj.cache_dir");
        try {
            System.setProperty("jaxj.cache_dir", dir.toString());
            assertEquals(dir.resolve("opencl"), ProgramCache.defaultDir());
            System.clearProperty("jaxj.cache_dir");
            assertEquals(Path.of(System.getProperty("user.home"), ".cache", "jaxj", "opencl"), ProgramCache.defaultDir());
        } finally {
            if (before == null) System.clearProperty("jaxj.cache_dir");
            else System.setProperty("jaxj.cache_dir", before);
        }
    }

    private List<Path> binaries() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    /** Runs the program's kernel on {1, -2, 3} and checks it doubled them. */
    private static void works(ClProgram p) {
        ClKernel k = p.kernel(TWICE.name());
        try (ClMem y = PoCl.context().allocate(12)) {
            PoCl.queue().write(y, new int[] {1, -2, 3});
            synchronized (k) {
                k.setArg(0, y);
                k.setArg(1, 3);
                PoCl.queue().launch(k, new long[] {3}, null);
            }
            int[] got = new int[3];
            PoCl.queue().read(y, got);
            assertArrayEquals(new int[] {2, -4, 6}, got);
        }
    }
}
