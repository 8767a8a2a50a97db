package dev.jaxj.accel.opencl;

import dev.jaxj.accel.device.Dialect;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.errors.BackendError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Builds OpenCL programs from {@link KernelSource}s once per context, and once per machine:
 * a program is kept in memory under the SHA-256 of (device name, driver version, build
 * options, source) and its binary on disk under the same hash, in {@link #defaultDir()}.
 * A later cache, in this process or another, loads the binary instead of compiling.
 * {@snippet :
 * try (var cache = new ProgramCache(ctx)) {
 *     ClProgram p = cache.build(List.of(scaleKernel, sumKernel));
 *     ClKernel k = p.kernel(scaleKernel.name());
 * }
 * }
 *
 * <p>A file holds a magic number, the SHA-256 of the binary and the binary; one that is cut
 * short, altered, or that the driver rejects (a driver upgrade that kept its version string)
 * is rebuilt from source and rewritten. Files are written to a temporary name and moved into
 * place, so a reader never sees half a file. A disk that cannot be written costs only the
 * cache: the program is built and used all the same.
 *
 * <p>The cache owns its programs: {@link #close()} releases them all.
 */
public final class ProgramCache implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.jaxj.cache");
    private static final byte[] MAGIC = "JAXJCLB1".getBytes(StandardCharsets.US_ASCII);
    private static final int HASH_BYTES = 32;

    private final ClContext context;
    private final Path dir;
    private final boolean fp64;
    private final ConcurrentHashMap<String, ClProgram> programs = new ConcurrentHashMap<>();
    private final AtomicLong sourceBuilds = new AtomicLong(), diskLoads = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** A cache for {@code context}'s device, with binaries in {@link #defaultDir()}. */
    public ProgramCache(ClContext context) { this(context, defaultDir()); }

    /** A cache for {@code context}'s device, with binaries in {@code dir} (null: in memory only). */
    public ProgramCache(ClContext context, Path dir) {
        this(context, dir, java.util.Objects.requireNonNull(context, "context is null").device().fp64());
    }

    /**
     * A cache for {@code context}'s device, with binaries in {@code dir} (null: in memory only),
     * that builds kernels computing in double only if {@code fp64} (false: as if the device lacked {@code cl_khr_fp64})
     */
    ProgramCache(ClContext context, Path dir, boolean fp64) {
        this.context = java.util.Objects.requireNonNull(context, "context is null");
        this.dir = dir;
        this.fp64 = fp64;
    }

    /** {@return the folder of program binaries}: {@code -Djaxj.cache_dir} (default {@code ~/.cache/jaxj}), subfolder {@code opencl} */
    public static Path defaultDir() {
        String base = System.getProperty("jaxj.cache_dir");
        Path root = base != null ? Path.of(base) : Path.of(System.getProperty("user.home"), ".cache", "jaxj");
        return root.resolve("opencl");
    }

    /** {@return the program of {@code kernels}} built without options; see {@link #build(Iterable, String)} */
    public ClProgram build(Iterable<KernelSource> kernels) { return build(kernels, ""); }

    /**
     * {@return the program of {@code kernels}} (deduplicated by name), prefixed with the OpenCL
     * prelude, built with {@code options}: from memory, else from a binary on disk, else from source
     *
     * @throws IllegalArgumentException when two kernels share a name but not their code
     * @throws BackendError when a kernel uses f64 and the device lacks {@code cl_khr_fp64}, or
     *     the build fails (with the log, the kernel names and the source around the first error)
     */
    public ClProgram build(Iterable<KernelSource> kernels, String options) {
        if (closed.get()) throw new IllegalStateException("program cache used after close()");
        Map<String, KernelSource> unique = new LinkedHashMap<>();
        for (KernelSource k : kernels) {
            KernelSource prior = unique.putIfAbsent(k.name(), k);
            if (prior != null && !prior.code().equals(k.code())) throw new IllegalArgumentException("two kernels named " + k.name() + " with different code");
        }
        if (unique.isEmpty()) throw new IllegalArgumentException("a program needs at least one kernel");
        String what = "kernels " + String.join(", ", unique.keySet());
        ClDevice device = context.device();
        boolean f64 = requireFp64(device.name(), fp64, unique.values());
        var src = new StringBuilder(Dialect.OPENCL.prelude(f64));
        for (KernelSource k : unique.values()) src.append('\n').append(k.code()).append('\n');
        String source = src.toString();
        String key = sha256(String.join("\0", device.name(), device.driverVersion(), options, source));
        // Holds the map's bin while building: a second caller of the same program waits rather than building it twice.
        return programs.computeIfAbsent(key, k -> load(k, source, options, what));
    }

    /**
     * {@return whether any of {@code kernels} uses f64}
     *
     * @throws BackendError when one does and the device (without {@code cl_khr_fp64}) cannot
     */
    static boolean requireFp64(String deviceName, boolean deviceFp64, Collection<KernelSource> kernels) {
        String f64 = kernels.stream().filter(KernelSource::usesF64).map(KernelSource::name).collect(Collectors.joining(", "));
        if (!f64.isEmpty() && !deviceFp64) {
            throw new BackendError("opencl", "kernels " + f64 + " compute in f64 (double), but device " + deviceName
                    + " lacks cl_khr_fp64: use f32 on this device, or a device that lists cl_khr_fp64");
        }
        return !f64.isEmpty();
    }

    /** {@return how many programs this cache compiled from source} */
    public long sourceBuilds() { return sourceBuilds.get(); }

    /** {@return how many programs this cache loaded from a binary on disk} */
    public long diskLoads() { return diskLoads.get(); }

    /** {@return the file that holds (or would hold) the binary of the program with cache key {@code key}} */
    Path file(String key) { return dir == null ? null : dir.resolve(key + ".clbin"); }

    private ClProgram load(String key, String source, String options, String what) {
        Path file = file(key);
        byte[] binary = file == null ? null : readVerified(file);
        if (binary != null) {
            try {
                ClProgram p = context.load(binary, options, what);
                diskLoads.incrementAndGet();
                return p;
            } catch (BackendError e) {
                LOG.log(System.Logger.Level.INFO, "rebuilding {0} from source: the driver rejected its cached binary {1}: {2}", what, file, e.detail());
            }
        }
        ClProgram p = context.compile(source, options, what);
        sourceBuilds.incrementAndGet();
        if (file != null) store(file, p.binary());
        return p;
    }

    /** {@return the binary in {@code file}}, or null when it is absent, unreadable, cut short or altered */
    private static byte[] readVerified(Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read cached OpenCL binary {0}: {1}", file, e);
            return null;
        }
        int head = MAGIC.length + HASH_BYTES;
        if (all.length <= head || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) return null;
        byte[] binary = Arrays.copyOfRange(all, head, all.length);
        if (!Arrays.equals(all, MAGIC.length, head, digest(binary), 0, HASH_BYTES)) return null;
        return binary;
    }

    private static void store(Path file, byte[] binary) {
        if (binary.length == 0) return;
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.write(tmp, framed(binary));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot cache OpenCL binary in {0}: {1}", file, e);
            try {
                if (tmp != null) Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the temporary name is unique; a leftover costs disk space only
            }
        }
    }

    /** {@return the file contents for {@code binary}: magic number, SHA-256 of the binary, binary} */
    static byte[] framed(byte[] binary) {
        byte[] all = new byte[MAGIC.length + HASH_BYTES + binary.length];
        System.arraycopy(MAGIC, 0, all, 0, MAGIC.length);
        System.arraycopy(digest(binary), 0, all, MAGIC.length, HASH_BYTES);
        System.arraycopy(binary, 0, all, MAGIC.length + HASH_BYTES, binary.length);
        return all;
    }

    static String sha256(String s) { return HexFormat.of().formatHex(digest(s.getBytes(StandardCharsets.UTF_8))); }

    private static byte[] digest(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }

    /** Releases every program of the cache (the files stay); may be called more than once. */
    @Override public void close() {
        if (!closed.compareAndSet(false, true)) return;
        programs.values().forEach(ClProgram::close);
        programs.clear();
    }
}
