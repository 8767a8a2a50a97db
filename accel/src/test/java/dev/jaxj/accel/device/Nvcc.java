package dev.jaxj.accel.device;

import dev.jaxj.errors.BackendError;
import org.junit.jupiter.api.Assumptions;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compile-checks CUDA kernel sources with the CUDA toolkit's {@code nvcc -ptx}
 * ({@link dev.jaxj.accel.cuda.Nvcc}), which needs no GPU. Where no toolkit is installed the
 * calling test is skipped with the reason, unless {@code JAXJ_REQUIRE_NVCC=1} (set by CI,
 * whose machines have it) makes that a failure.
 */
public final class Nvcc {
    private Nvcc() {}

    /** Skips (or, under CI, fails) the calling test when {@code nvcc} is absent. */
    public static void assumeAvailable() {
        if (dev.jaxj.accel.cuda.Nvcc.find().isPresent()) return;
        String why = "nvcc not found (set CUDA_HOME): the CUDA rendering is compile-checked only where the CUDA toolkit is installed";
        if ("1".equals(System.getenv("JAXJ_REQUIRE_NVCC"))) fail(why);
        Assumptions.abort(why);
    }

    /** {@return the PTX of {@code kernels}}, failing the test with nvcc's diagnostics and the numbered source when they do not compile */
    public static String compile(Iterable<KernelSource> kernels) {
        assumeAvailable();
        try {
            return dev.jaxj.accel.cuda.Nvcc.ptx(kernels, "sm_80");
        } catch (BackendError e) {
            return fail(e.getMessage());
        }
    }
}
