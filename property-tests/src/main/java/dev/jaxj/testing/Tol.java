package dev.jaxj.testing;

import dev.jaxj.autodiff.Tolerance;
import dev.jaxj.ir.DType;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;

import static java.util.Objects.requireNonNull;

/**
 * A test case's tolerance overrides per dtype, on top of the one table {@link Tolerance#of}
 * (as JAX's per-op tolerance dicts). Every override should say why in a comment where it is made.
 * {@snippet :
 * Tol t = Tol.DEFAULT.withGrad(DType.F32, 1e-2);   // f32 gradients to 1e-2, everything else default
 * }
 *
 * @param overrides the tolerances that replace the defaults, by dtype
 */
public record Tol(Map<DType, Tolerance> overrides) {
    /** No overrides: JAX's defaults. */
    public static final Tol DEFAULT = new Tol(HashMap.empty());

    public Tol { requireNonNull(overrides, "overrides is null"); }

    /** {@return these overrides, with {@code dtype}'s gradient tolerance set to {@code grad}} */
    public Tol withGrad(DType dtype, double grad) {
        return new Tol(overrides.put(dtype, new Tolerance(grad, of(dtype).value())));
    }

    /** {@return the tolerance for {@code dtype}}: its override, else the default */
    public Tolerance of(DType dtype) {
        return overrides.get(dtype).getOrElse(() -> Tolerance.of(dtype));
    }

    /** {@return the override for {@code dtype}, if there is one} */
    public Option<Tolerance> override(DType dtype) {
        return overrides.get(dtype);
    }
}
