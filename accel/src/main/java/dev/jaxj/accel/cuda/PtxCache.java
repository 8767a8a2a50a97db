package dev.jaxj.accel.cuda;

import dev.jaxj.accel.device.KernelSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Compiles programs to PTX once per process and once per machine: the PTX is kept in memory
 * under the SHA-256 of (NVRTC version, architecture, options, source) and on disk under the
 * same hash, in {@link #defaultDir()}. A later cache, in this process or another, reads the
 * file instead of compiling.
 * {@snippet :
 * var cache = new PtxCache(Nvrtc.system(), PtxCache.defaultDir());
 * String ptx = cache.ptx(List.of(scaleKernel), "compute_80");
 * }
 * A file holds a header line, the SHA-256 of the PTX and the PTX; one cut short or altered is
 * compiled again and rewritten. Files are written to a temporary name and moved into place,
 * so a reader never sees half a file; a disk that cannot be written costs only the cache.
 */
final class PtxCache {
    private static final System.Logger LOG = System.getLogger("dev.jaxj.cache");
    private static final String MAGIC = "JAXJPTX1";

    private final Nvrtc nvrtc;
    private final Path dir;
    private final ConcurrentHashMap<String, String> ptx = new ConcurrentHashMap<>();
    private final AtomicLong compiles = new AtomicLong(), diskLoads = new AtomicLong();

    /** A cache compiling with {@code nvrtc}, with PTX files in {@code dir} (null: in memory only). */
    PtxCache(Nvrtc nvrtc, Path dir) {
        this.nvrtc = java.util.Objects.requireNonNull(nvrtc, "nvrtc is null");
        this.dir = dir;
    }

    /** {@return the folder of PTX files}: {@code -Djaxj.cache_dir} (default {@code ~/.cache/jaxj}), subfolder {@code cuda} */
    static Path defaultDir() {
        String base = System.getProperty("jaxj.cache_dir");
        Path root = base != null ? Path.of(base) : Path.of(System.getProperty("user.home"), ".cache", "jaxj");
        return root.resolve("cuda");
    }

    Nvrtc nvrtc() { return nvrtc; }

    /**
     * {@return the PTX of {@code kernels} for {@code arch}}: from memory, else from disk, else compiled
     *
     * @throws dev.jaxj.errors.BackendError when NVRTC rejects the program
     */
    String ptx(Iterable<KernelSource> kernels, String arch) {
        String source = Nvrtc.source(kernels);
        String what = "kernels " + String.join(", ", Nvrtc.unique(kernels).keySet());
        String key = sha256(String.join("\0", nvrtc.version(), arch, String.join(" ", Nvrtc.options(arch)), source));
        // Holds the map's bin while compiling: a second caller of the same program waits rather than compiling it twice.
        return ptx.computeIfAbsent(key, k -> load(k, source, arch, what));
    }

    long compiles() { return compiles.get(); }

    long diskLoads() { return diskLoads.get(); }

    Path file(String key) { return dir == null ? null : dir.resolve(key + ".ptx"); }

    private String load(String key, String source, String arch, String what) {
        Path file = file(key);
        String cached = file == null ? null : readVerified(file);
        if (cached != null) {
            diskLoads.incrementAndGet();
            return cached;
        }
        String out = nvrtc.compileSource(source, arch, what);
        compiles.incrementAndGet();
        if (file != null) store(file, out);
        return out;
    }

    /** {@return the PTX in {@code file}}, or null when it is absent, unreadable, cut short or altered */
    private static String readVerified(Path file) {
        String all;
        try {
            all = Files.readString(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read cached PTX {0}: {1}", file, e);
            return null;
        }
        int head = all.indexOf('\n'), hash = head < 0 ? -1 : all.indexOf('\n', head + 1);
        if (hash < 0 || !all.substring(0, head).equals(MAGIC)) return null;
        String ptx = all.substring(hash + 1);
        return all.substring(head + 1, hash).equals(sha256(ptx)) ? ptx : null;
    }

    private static void store(Path file, String ptx) {
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, MAGIC + "\n" + sha256(ptx) + "\n" + ptx);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot cache PTX in {0}: {1}", file, e);
            try {
                if (tmp != null) Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the temporary name is unique; a leftover costs disk space only
            }
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }
}
