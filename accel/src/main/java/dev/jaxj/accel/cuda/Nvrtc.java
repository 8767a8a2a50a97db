package dev.jaxj.accel.cuda;

import dev.jaxj.accel.device.Dialect;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.errors.BackendError;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * NVRTC, CUDA's runtime compiler, through {@code java.lang.foreign}: CUDA C kernels in, PTX
 * out, for a given compute capability. It needs no GPU and no driver, so programs are
 * compile-checked wherever the library is installed.
 * {@snippet :
 * Nvrtc nvrtc = Nvrtc.system();
 * String ptx = nvrtc.compile(List.of(scaleKernel), nvrtc.archFor(8, 0));   // "compute_80"
 * }
 * The library is found through {@code -Djaxj.cuda.nvrtc} (a file or a soname), else in
 * {@code $CUDA_HOME/lib64} (default {@code /usr/local/cuda}), else on the system's library path.
 */
public final class Nvrtc {
    static final String INSTALL = "install the CUDA toolkit (its lib64 holds libnvrtc.so), or point -Djaxj.cuda.nvrtc at a libnvrtc.so";
    /** Names tried on the system's library path, newest first. */
    static final List<String> SONAMES = List.of("libnvrtc.so", "libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so.11.2");
    private static final Pattern ERROR_LINE = Pattern.compile("\\((\\d+)\\): (?:catastrophic )?error");
    private static final int EXCERPT_LINES = 3;

    private static final MemoryLayout P = ADDRESS;
    private static final MemoryLayout I = JAVA_INT;

    private static Nvrtc system;
    private static BackendError systemFailure;

    private final String library;
    private final MethodHandle errorString, version, createProgram, compileProgram, destroyProgram;
    private final MethodHandle ptxSize, ptx, logSize, log;
    private final MethodHandle numSupportedArchs, supportedArchs;   // null before NVRTC 11.2

    private Nvrtc(String library, SymbolLookup lib) {
        this.library = library;
        var b = new Native.Binder(library, lib, "nvrtc", "not NVRTC 11.2 or newer? " + INSTALL);
        errorString = b.bind("nvrtcGetErrorString", P, I);
        version = b.bind("nvrtcVersion", I, P, P);
        createProgram = b.bind("nvrtcCreateProgram", I, P, P, P, I, P, P);
        compileProgram = b.bind("nvrtcCompileProgram", I, P, I, P);
        destroyProgram = b.bind("nvrtcDestroyProgram", I, P);
        ptxSize = b.bind("nvrtcGetPTXSize", I, P, P);
        ptx = b.bind("nvrtcGetPTX", I, P, P);
        logSize = b.bind("nvrtcGetProgramLogSize", I, P, P);
        log = b.bind("nvrtcGetProgramLog", I, P, P);
        numSupportedArchs = lib.find("nvrtcGetNumSupportedArchs").isPresent() ? b.bind("nvrtcGetNumSupportedArchs", I, P) : null;
        supportedArchs = lib.find("nvrtcGetSupportedArchs").isPresent() ? b.bind("nvrtcGetSupportedArchs", I, P) : null;
    }

    /**
     * {@return the NVRTC of this machine, loaded once}
     *
     * @throws BackendError saying where it was looked for and what to install, when it is absent
     */
    public static synchronized Nvrtc system() {
        if (system == null && systemFailure == null) {
            try {
                system = locate(System.getProperty("jaxj.cuda.nvrtc"), System.getenv("CUDA_HOME"));
            } catch (BackendError e) {
                systemFailure = e;
            }
        }
        if (systemFailure != null) throw new BackendError(systemFailure.op(), systemFailure.detail(), null, systemFailure);
        return system;
    }

    /** {@return NVRTC from {@code property} when set, else from {@code cudaHome}'s lib64 (null: /usr/local/cuda), else by soname} */
    static Nvrtc locate(String property, String cudaHome) {
        List<String> tried = property != null ? List.of(property) : candidates(cudaHome == null ? "/usr/local/cuda" : cudaHome);
        for (String name : tried) {
            SymbolLookup lib = loadBesideBuiltins(name);
            if (lib != null) return new Nvrtc(name, lib);
        }
        throw new BackendError("nvrtc", "the CUDA runtime compiler NVRTC could not be loaded; tried " + String.join(", ", tried)
                + (property != null ? " (from -Djaxj.cuda.nvrtc)" : "") + ": " + INSTALL);
    }

    /** {@return NVRTC from the library {@code name}, a file or a soname} (a seam: tests name one that does not exist) */
    static Nvrtc load(String name) { return locate(name, null); }

    /** The files named libnvrtc.so* in {@code cudaHome}/lib64, the unversioned one first, then the sonames. */
    static List<String> candidates(String cudaHome) {
        List<String> out = new ArrayList<>();
        Path lib64 = Path.of(cudaHome, "lib64");
        try (Stream<Path> files = Files.list(lib64)) {
            files.map(p -> p.getFileName().toString()).filter(f -> f.startsWith("libnvrtc.so"))
                    .sorted(Comparator.comparing(String::length).thenComparing(Comparator.reverseOrder()))
                    .forEach(f -> out.add(lib64.resolve(f).toString()));
        } catch (IOException e) {
            // no toolkit there: the system's library path may still have NVRTC
        }
        if (out.isEmpty()) out.add(lib64.resolve("libnvrtc.so").toString());
        out.addAll(SONAMES);
        return out;
    }

    /**
     * Loads {@code name}; for a file, first the {@code libnvrtc-builtins} beside it, which NVRTC
     * opens by soname on the library path only and so would miss in a folder off that path.
     */
    private static SymbolLookup loadBesideBuiltins(String name) {
        if (name.contains("/")) {
            Path dir = Path.of(name).toAbsolutePath().getParent();
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> p.getFileName().toString().matches("libnvrtc-builtins\\.so[.0-9]*")).forEach(p -> Native.tryLoad(p.toString()));
            } catch (IOException e) {
                // the library itself will not load either; that failure is the one reported
            }
        }
        return Native.tryLoad(name);
    }

    /** {@return the library this binding uses} */
    public String library() { return library; }

    /** {@return NVRTC's version, e.g. {@code 13.0}} */
    public String version() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment major = a.allocate(JAVA_INT), minor = a.allocate(JAVA_INT);
            check("nvrtcVersion", (int) version.invokeExact(major, minor), "");
            return major.get(JAVA_INT, 0) + "." + minor.get(JAVA_INT, 0);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /** {@return the compute capabilities NVRTC compiles for, as {@code 10 * major + minor}, ascending} (empty before NVRTC 11.2) */
    public int[] supportedArchs() {
        if (numSupportedArchs == null || supportedArchs == null) return new int[0];
        try (Arena a = Arena.ofConfined()) {
            MemorySegment n = a.allocate(JAVA_INT);
            check("nvrtcGetNumSupportedArchs", (int) numSupportedArchs.invokeExact(n), "");
            MemorySegment archs = a.allocate(JAVA_INT, Math.max(1, n.get(JAVA_INT, 0)));
            check("nvrtcGetSupportedArchs", (int) supportedArchs.invokeExact(archs), "");
            int[] out = Arrays.copyOf(archs.toArray(JAVA_INT), n.get(JAVA_INT, 0));
            Arrays.sort(out);
            return out;
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /**
     * {@return the virtual architecture to compile for a device of compute capability
     * {@code major.minor}}: the newest NVRTC supports that is not newer than the device, since
     * the driver compiles older PTX for newer devices but never the reverse
     *
     * @throws BackendError when the device is older than every architecture NVRTC supports
     */
    public String archFor(int major, int minor) {
        int device = 10 * major + minor;
        int[] archs = supportedArchs();
        if (archs.length == 0) return "compute_" + device;
        int best = -1;
        for (int a : archs) if (a <= device) best = a;
        if (best < 0) {
            throw new BackendError("nvrtc", "NVRTC " + version() + " compiles for compute capabilities " + archs[0] / 10 + "." + archs[0] % 10
                    + " and newer, and the device is " + major + "." + minor + ": use an older CUDA toolkit's NVRTC (-Djaxj.cuda.nvrtc) for this device");
        }
        return "compute_" + best;
    }

    /** {@return the options every program is compiled with, for {@code arch}} */
    static List<String> options(String arch) {
        // No contraction of a * b + c into fma: the CPU backend, the reference, rounds the product.
        return List.of("--gpu-architecture=" + arch, "--fmad=false");
    }

    /**
     * {@return the CUDA C source of {@code kernels}} (deduplicated by name): the CUDA prelude,
     * the math constants NVRTC lacks, then each kernel
     *
     * @throws IllegalArgumentException when two kernels share a name but not their code, or there are none
     */
    public static String source(Iterable<KernelSource> kernels) {
        Map<String, KernelSource> unique = unique(kernels);
        boolean f64 = unique.values().stream().anyMatch(KernelSource::usesF64);
        var src = new StringBuilder(Dialect.CUDA.prelude(f64));
        for (KernelSource k : unique.values()) src.append('\n').append(k.code()).append('\n');
        return src.toString();
    }

    static Map<String, KernelSource> unique(Iterable<KernelSource> kernels) {
        Map<String, KernelSource> unique = new LinkedHashMap<>();
        for (KernelSource k : kernels) {
            KernelSource prior = unique.putIfAbsent(k.name(), k);
            if (prior != null && !prior.code().equals(k.code())) throw new IllegalArgumentException("two kernels named " + k.name() + " with different code");
        }
        if (unique.isEmpty()) throw new IllegalArgumentException("a program needs at least one kernel");
        return unique;
    }

    /**
     * {@return the PTX of {@code kernels}} (see {@link #source}) for virtual architecture {@code arch}
     *
     * @throws BackendError when NVRTC rejects the program: the result's name, the kernels, the
     *     compile log and the numbered source lines around the first error
     */
    public String compile(Iterable<KernelSource> kernels, String arch) {
        String what = "kernels " + String.join(", ", unique(kernels).keySet());
        return compileSource(source(kernels), arch, what);
    }

    /** {@return the PTX of CUDA C {@code source}}; {@code what} names the program in messages */
    String compileSource(String source, String arch, String what) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment prog = a.allocate(ADDRESS);
            check("nvrtcCreateProgram", (int) createProgram.invokeExact(prog, a.allocateFrom(source), a.allocateFrom("jaxj_kernels.cu"),
                    0, MemorySegment.NULL, MemorySegment.NULL), what);
            MemorySegment handle = prog.get(ADDRESS, 0);
            try {
                List<String> opts = options(arch);
                MemorySegment argv = a.allocate(ADDRESS, opts.size());
                for (int i = 0; i < opts.size(); i++) argv.setAtIndex(ADDRESS, i, a.allocateFrom(opts.get(i)));
                int result = (int) compileProgram.invokeExact(handle, opts.size(), argv);
                if (result != 0) {
                    String log = programLog(a, handle);
                    throw new BackendError("nvrtcCompileProgram", errorName(result) + " compiling " + what + " for " + arch + " (NVRTC " + version()
                            + ", options " + String.join(" ", opts) + "):\n" + log + excerpt(source, log));
                }
                MemorySegment size = a.allocate(JAVA_LONG);
                check("nvrtcGetPTXSize", (int) ptxSize.invokeExact(handle, size), what);
                MemorySegment text = a.allocate(Math.max(1, size.get(JAVA_LONG, 0)));
                check("nvrtcGetPTX", (int) ptx.invokeExact(handle, text), what);
                return text.getString(0, StandardCharsets.UTF_8);
            } finally {
                int ignored = (int) destroyProgram.invokeExact(prog);
            }
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    private String programLog(Arena a, MemorySegment handle) throws Throwable {
        MemorySegment size = a.allocate(JAVA_LONG);
        check("nvrtcGetProgramLogSize", (int) logSize.invokeExact(handle, size), "");
        MemorySegment text = a.allocate(Math.max(1, size.get(JAVA_LONG, 0)));
        check("nvrtcGetProgramLog", (int) log.invokeExact(handle, text), "");
        return text.getString(0, StandardCharsets.UTF_8).strip();
    }

    /** {@return NVRTC's name of a result, e.g. {@code NVRTC_ERROR_COMPILATION}} */
    String errorName(int result) {
        try {
            var s = (MemorySegment) errorString.invokeExact(result);
            return s.equals(MemorySegment.NULL) ? "nvrtcResult " + result : s.reinterpret(256).getString(0);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    private void check(String call, int result, String subject) {
        if (result != 0) throw new BackendError(call, errorName(result) + (subject.isEmpty() ? "" : " (" + subject + ")"));
    }

    /** {@return the numbered source lines around the first error NVRTC's log points at} (empty when it points at none) */
    static String excerpt(String source, String log) {
        Matcher m = ERROR_LINE.matcher(log);
        int line = m.find() ? Integer.parseInt(m.group(1)) : -1;
        String[] lines = source.split("\n", -1);
        if (line < 1 || line > lines.length) return "";
        var sb = new StringBuilder("\nsource around line ").append(line).append(":\n");
        for (int i = Math.max(1, line - EXCERPT_LINES); i <= Math.min(lines.length, line + EXCERPT_LINES); i++) {
            sb.append(i == line ? ">" : " ").append(String.format("%4d  %s%n", i, lines[i - 1]));
        }
        return sb.toString();
    }

    @Override public String toString() { return "Nvrtc[" + library + "]"; }
}
