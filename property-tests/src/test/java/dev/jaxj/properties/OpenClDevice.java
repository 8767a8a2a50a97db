package dev.jaxj.properties;

import dev.jaxj.Jax;
import dev.jaxj.accel.Device;
import dev.jaxj.array.Array;
import dev.jaxj.errors.BackendError;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;
import org.junit.jupiter.api.Assumptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The OpenCL device the conformance tests run on, and how they compare its results with the
 * CPU's. Where no OpenCL device exists the tests are skipped with the reason, unless
 * {@code JAXJ_REQUIRE_OPENCL=1} (set by CI, which installs PoCL) makes that a failure.
 */
final class OpenClDevice {
    private OpenClDevice() {}

    /** {@return the first OpenCL device} (skipping or failing the calling test where there is none) */
    static Device first() {
        try {
            return Jax.devices("opencl").head();
        } catch (BackendError e) {
            String why = "no OpenCL device: " + e.getMessage();
            if ("1".equals(System.getenv("JAXJ_REQUIRE_OPENCL"))) fail(why, e);
            Assumptions.abort(why);
            throw e;
        }
    }

    /**
     * Asserts that {@code got} (computed on the device) is {@code want} (computed on the CPU):
     * integers and booleans exactly; floats within {@code rtol} relative (and as much absolute
     * near zero), NaN where the CPU has NaN and the same infinities.
     */
    static void assertClose(String what, Array want, Array got, double rtol) {
        assertEquals(want.aval().strong(), got.aval().strong(), what + ": aval");
        Device cpu = Jax.devices("cpu").head();
        Array w = Jax.devicePut(want, cpu), g = Jax.devicePut(got, cpu);
        if (!want.dtype().isFloating()) {
            assertEquals(Lax.convertElementType(w, DType.I64).toString(), Lax.convertElementType(g, DType.I64).toString(), what);
            return;
        }
        double[] a = Lax.convertElementType(w, DType.F64).toDoubleArray(), b = Lax.convertElementType(g, DType.F64).toDoubleArray();
        for (int i = 0; i < a.length; i++) {
            boolean ok = Double.isNaN(a[i]) ? Double.isNaN(b[i])
                    : Double.isInfinite(a[i]) ? a[i] == b[i]
                    : Math.abs(a[i] - b[i]) <= rtol * Math.max(1, Math.abs(a[i]));
            if (!ok) fail(what + ": element " + i + " is " + b[i] + " on the device, " + a[i] + " on the CPU (rtol " + rtol + ")");
        }
    }

    /** The tolerance of a result of {@code dtype}: f32 functions differ by a few ulps between the backends' libraries, f64 ones by a few more. */
    static double rtol(DType dtype) {
        return dtype == DType.F64 ? 1e-12 : 2e-5;
    }
}
