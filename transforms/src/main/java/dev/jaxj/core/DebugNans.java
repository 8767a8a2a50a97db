package dev.jaxj.core;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * NaN debugging, JAX's {@code jax_debug_nans}: while it is on, every primitive evaluated
 * eagerly checks its floating-point outputs, and one that produces a NaN from NaN-free
 * operands raises {@link dev.jaxj.errors.FloatingPointError}; a jitted function whose output
 * holds a NaN runs again op by op to find that primitive. It costs a host read of every
 * result, so it is off by default; off, an eager operation pays one flag read.
 *
 * <p>Two switches, as in JAX: the process-wide setting ({@code -Djaxj.debug_nans=true}, read
 * once at start-up, or {@link #set}, like {@code jax.config.update}), and a setting for the
 * extent of one call on the current thread ({@link #with}, like the {@code jax.debug_nans}
 * context manager), which takes precedence.
 */
public final class DebugNans {
    private static final AtomicBoolean PROCESS = new AtomicBoolean(Boolean.getBoolean("jaxj.debug_nans"));
    private static final ScopedValue<Boolean> SCOPED = ScopedValue.newInstance();

    private DebugNans() {}

    /** {@return whether NaN debugging is on for the current thread} */
    public static boolean enabled() {
        return SCOPED.isBound() ? SCOPED.get() : PROCESS.get();
    }

    /** Turns NaN debugging on or off for the whole process (threads inside {@link #with} keep their setting). */
    public static void set(boolean on) {
        PROCESS.set(on);
    }

    /** {@return what {@code body} returns, run with NaN debugging on or off on this thread} */
    public static <T> T with(boolean on, Supplier<T> body) {
        requireNonNull(body, "body is null");
        return ScopedValue.where(SCOPED, on).call(body::get);
    }
}
