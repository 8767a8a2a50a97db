package dev.jaxj.accel.cuda;

import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.errors.BackendError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The CUDA toolkit's offline compiler, {@code nvcc -ptx}: compiles a program's kernels to PTX
 * without a GPU, so that the CUDA rendering can be checked on any machine with the toolkit.
 * {@snippet :
 * String ptx = Nvcc.ptx(kernels, "sm_80");   // BackendError with nvcc's diagnostics and the source around them
 * }
 */
public final class Nvcc {
    private static final long TIMEOUT_S = 300;

    private Nvcc() {}

    /** {@return nvcc}: {@code -Djaxj.cuda.nvcc}, else {@code $CUDA_HOME/bin/nvcc} ({@code /usr/local/cuda} by default), where it is executable */
    public static Optional<Path> find() {
        String explicit = System.getProperty("jaxj.cuda.nvcc");
        Path p = explicit != null ? Path.of(explicit) : Path.of(System.getenv().getOrDefault("CUDA_HOME", "/usr/local/cuda"), "bin", "nvcc");
        return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }

    /**
     * {@return the PTX of {@code kernels}} (deduplicated by name, after the CUDA prelude) for
     * architecture {@code arch} (e.g. {@code sm_80}), compiled in one translation unit
     * @throws BackendError when nvcc is absent, fails (with its diagnostics and the numbered
     *     source), or runs past five minutes
     */
    public static String ptx(Iterable<KernelSource> kernels, String arch) {
        Path nvcc = find().orElseThrow(() -> new BackendError("nvcc", "not found: set CUDA_HOME or -Djaxj.cuda.nvcc to the CUDA toolkit's nvcc"));
        String source = Nvrtc.source(kernels);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("jaxj-nvcc");
            Path cu = dir.resolve("kernels.cu"), ptx = dir.resolve("kernels.ptx");
            Files.writeString(cu, source);
            Process p = new ProcessBuilder(nvcc.toString(), "-ptx", "-arch=" + arch, "--fmad=false", "-o", ptx.toString(), cu.toString())
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new BackendError("nvcc", "ran past " + TIMEOUT_S + " s");
            }
            if (p.exitValue() != 0) throw new BackendError("nvcc", "failed (exit " + p.exitValue() + "):\n" + log + "\n" + numbered(source));
            return Files.readString(ptx);
        } catch (IOException e) {
            var error = new BackendError("nvcc", "could not run: " + e.getMessage());
            error.initCause(e);
            throw error;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendError("nvcc", "interrupted");
        } finally {
            if (dir != null) delete(dir);
        }
    }

    private static String numbered(String s) {
        String[] lines = s.split("\n", -1);
        var sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) sb.append(String.format("%4d  %s%n", i + 1, lines[i]));
        return sb.toString();
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // A temporary folder left behind is harmless.
        }
    }
}
