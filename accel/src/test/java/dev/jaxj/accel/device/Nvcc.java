package dev.jaxj.accel.device;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compile-checks CUDA kernel sources with the CUDA toolkit's {@code nvcc -ptx}, which needs no
 * GPU. Where no toolkit is installed the calling test is skipped with the reason, unless
 * {@code JAXJ_REQUIRE_NVCC=1} (set by CI, whose machines have it) makes that a failure.
 */
public final class Nvcc {
    private static final Path NVCC = Path.of(System.getenv().getOrDefault("CUDA_HOME", "/usr/local/cuda"), "bin", "nvcc");

    private Nvcc() {}

    /** Skips (or, under CI, fails) the calling test when {@code nvcc} is absent. */
    public static void assumeAvailable() {
        if (Files.isExecutable(NVCC)) return;
        String why = "nvcc not found at " + NVCC + " (set CUDA_HOME): the CUDA rendering is compile-checked only where the CUDA toolkit is installed";
        if ("1".equals(System.getenv("JAXJ_REQUIRE_NVCC"))) fail(why);
        Assumptions.abort(why);
    }

    /**
     * Compiles {@code kernels} (deduplicated by name) into PTX in one translation unit and
     * fails with nvcc's diagnostics and the numbered source when it does not compile.
     *
     * @return the PTX text
     */
    public static String compile(Iterable<KernelSource> kernels) {
        assumeAvailable();
        Map<String, KernelSource> unique = new LinkedHashMap<>();
        boolean f64 = false;
        for (KernelSource k : kernels) {
            unique.putIfAbsent(k.name(), k);
            f64 |= k.usesF64();
        }
        var src = new StringBuilder(Dialect.CUDA.prelude(f64));
        for (KernelSource k : unique.values()) src.append('\n').append(k.code()).append('\n');
        try {
            Path dir = Files.createTempDirectory("jaxj-nvcc");
            Path cu = dir.resolve("kernels.cu"), ptx = dir.resolve("kernels.ptx");
            Files.writeString(cu, src);
            List<String> cmd = new ArrayList<>(List.of(NVCC.toString(), "-ptx", "-arch=sm_80", "-o", ptx.toString(), cu.toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("nvcc ran past 300 s");
            }
            if (p.exitValue() != 0) fail("nvcc failed:\n" + out + "\n" + numbered(src.toString()));
            return Files.readString(ptx);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String numbered(String s) {
        String[] lines = s.split("\n", -1);
        var sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) sb.append(String.format("%4d  %s%n", i + 1, lines[i]));
        return sb.toString();
    }
}
