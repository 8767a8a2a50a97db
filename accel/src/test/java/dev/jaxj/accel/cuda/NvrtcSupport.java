package dev.jaxj.accel.cuda;

import dev.jaxj.errors.BackendError;
import org.junit.jupiter.api.Assumptions;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The machine's NVRTC for tests. Where none is installed the calling test is skipped with the
 * reason, unless {@code JAXJ_REQUIRE_NVRTC=1} makes that a failure (a CUDA toolkit may come without NVRTC: the build machines have nvcc but not libnvrtc).
 */
final class NvrtcSupport {
    private NvrtcSupport() {}

    static Nvrtc nvrtc() {
        try {
            return Nvrtc.system();
        } catch (BackendError e) {
            String why = "NVRTC not found (" + e.detail() + "): the CUDA rendering is compiled to PTX only where NVRTC is installed";
            if ("1".equals(System.getenv("JAXJ_REQUIRE_NVRTC"))) fail(why, e);
            Assumptions.abort(why);
            throw new AssertionError("unreachable", e);
        }
    }
}
