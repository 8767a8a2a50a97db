package dev.jaxj.array;

import dev.jaxj.errors.ArgumentError;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * How arrays print, NumPy's {@code set_printoptions}: at most {@code precision} digits after
 * the point, arrays of more than {@code threshold} elements summarised to {@code edgeItems}
 * entries at each end of every longer axis, rows wrapped at {@code lineWidth} characters, and
 * with {@code suppress} small values written in fixed point (rounded to {@code precision}
 * digits, so {@code 1e-10} beside {@code 1} prints {@code 0.}) rather than the whole array in
 * scientific notation. Set it for the process with {@code Jnp.setPrintOptions}, or for one
 * call on the current thread with {@code Jnp.withPrintOptions} (NumPy's
 * {@code np.printoptions} context manager), which takes precedence.
 * {@snippet :
 * Jnp.setPrintOptions(PrintOptions.DEFAULT.withPrecision(3).withThreshold(20));
 * System.out.println(Jnp.arange(0, 1, 0.01));   // Array([0.  , 0.01, 0.02, ..., 0.97, 0.98, 0.99], dtype=float32)
 * String s = Jnp.withPrintOptions(PrintOptions.DEFAULT.withSuppress(true), x::toString);
 * }
 *
 * @param precision digits after the point at most, {@code >= 0} (NumPy's default 8)
 * @param threshold the element count beyond which an array is summarised, {@code >= 0} (1000)
 * @param edgeItems entries shown at each end of a summarised axis, {@code >= 1} (3)
 * @param lineWidth characters per line before a row wraps, {@code >= 1} (75)
 * @param suppress  whether small magnitudes stay in fixed point ({@code false}); values of 1e8
 *                  and more still switch the array to scientific notation, as in NumPy
 */
public record PrintOptions(int precision, int threshold, int edgeItems, int lineWidth, boolean suppress) {
    /** NumPy's defaults. */
    public static final PrintOptions DEFAULT = new PrintOptions(8, 1000, 3, 75, false);

    private static final AtomicReference<PrintOptions> PROCESS = new AtomicReference<>(DEFAULT);
    private static final ScopedValue<PrintOptions> SCOPED = ScopedValue.newInstance();

    /** @throws ArgumentError naming the option when a value is out of its range */
    public PrintOptions {
        require(precision >= 0, "precision must be >= 0", precision);
        require(threshold >= 0, "threshold must be >= 0", threshold);
        require(edgeItems >= 1, "edgeItems must be >= 1", edgeItems);
        require(lineWidth >= 1, "lineWidth must be >= 1", lineWidth);
    }

    /** Options without {@code suppress}, NumPy's default. */
    public PrintOptions(int precision, int threshold, int edgeItems, int lineWidth) {
        this(precision, threshold, edgeItems, lineWidth, false);
    }

    private static void require(boolean ok, String requirement, int got) {
        if (!ok) throw new ArgumentError("set_printoptions", requirement + ", got " + got);
    }

    public PrintOptions withPrecision(int p) { return new PrintOptions(p, threshold, edgeItems, lineWidth, suppress); }

    public PrintOptions withThreshold(int t) { return new PrintOptions(precision, t, edgeItems, lineWidth, suppress); }

    public PrintOptions withEdgeItems(int e) { return new PrintOptions(precision, threshold, e, lineWidth, suppress); }

    public PrintOptions withLineWidth(int w) { return new PrintOptions(precision, threshold, edgeItems, w, suppress); }

    public PrintOptions withSuppress(boolean s) { return new PrintOptions(precision, threshold, edgeItems, lineWidth, s); }

    /** {@return the options arrays print with now on this thread}: the innermost {@link #with}, else the process's */
    public static PrintOptions current() { return SCOPED.isBound() ? SCOPED.get() : PROCESS.get(); }

    /** Sets the options every array prints with from now on, in every thread (threads inside {@link #with} keep theirs). */
    public static void set(PrintOptions options) { PROCESS.set(requireNonNull(options, "options is null")); }

    /** {@return what {@code body} returns, run with arrays printing by {@code options} on this thread} */
    public static <T> T with(PrintOptions options, Supplier<T> body) {
        requireNonNull(options, "options is null");
        requireNonNull(body, "body is null");
        return ScopedValue.where(SCOPED, options).call(body::get);
    }
}
