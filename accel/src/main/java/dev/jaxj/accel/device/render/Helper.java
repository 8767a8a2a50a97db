package dev.jaxj.accel.device.render;

import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A C function (or block of macros) that kernels call, defined once per program: every kernel
 * that uses it carries its text, guarded by an include guard, so a program built from many
 * kernels compiles each helper once, and a kernel compiles alone as well.
 *
 * @param name    the C name, also the guard's name
 * @param code    the definition
 * @param deps    the helpers the definition calls
 * @param usesF64 whether the definition computes in double
 */
record Helper(String name, String code, Seq<Helper> deps, boolean usesF64) {
    Helper {
        requireNonNull(name, "name is null");
        requireNonNull(code, "code is null");
        deps = Vector.ofAll(deps);
    }

    static Helper of(String name, String code, boolean usesF64, Helper... deps) {
        return new Helper(name, code, Vector.of(deps), usesF64);
    }

    /** The helpers one kernel uses, in an order where each follows what it calls. */
    static final class Set {
        private final Map<String, Helper> used = new LinkedHashMap<>();
        private final boolean fp64;
        private boolean f64;

        /** @param fp64 whether the device computes in double (OpenCL's {@code cl_khr_fp64}) */
        Set(boolean fp64) {
            this.fp64 = fp64;
        }

        /** {@return whether the device computes in double}: the renderer then widens f32 functions and accumulates in double */
        boolean fp64() { return fp64; }

        /** {@return {@code h}'s name}, recording {@code h} and what it calls */
        String use(Helper h) {
            if (used.containsKey(h.name())) return h.name();
            for (Helper d : h.deps()) use(d);
            used.put(h.name(), h);
            return h.name();
        }

        /** Records that the kernel computes in double outside any helper (a widened f32 function, f64 values). */
        void markF64(boolean computesInDouble) {
            f64 |= computesInDouble;
        }

        boolean usesF64() {
            return f64 || used.values().stream().anyMatch(Helper::usesF64);
        }

        /** {@return the guarded definitions} */
        String render() {
            var sb = new StringBuilder();
            for (Helper h : used.values()) {
                String guard = "JX_DEFINED_" + h.name().toUpperCase(java.util.Locale.ROOT);
                sb.append("#ifndef ").append(guard).append("\n#define ").append(guard).append('\n')
                        .append(h.code().strip()).append("\n#endif\n");
            }
            return sb.toString();
        }
    }
}
