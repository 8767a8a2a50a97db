package dev.jaxj.array;

import dev.jaxj.errors.ArgumentError;

import java.util.concurrent.atomic.AtomicReference;

import static java.util.Objects.requireNonNull;

/**
 * How arrays print, NumPy's {@code set_printoptions}: at most {@code precision} digits after
 * the point, arrays of more than {@code threshold} elements summarised to {@code edgeItems}
 * entries at each end of every longer axis, rows wrapped at {@code lineWidth} characters.
 * Process-wide, as in NumPy; set it with {@code Jnp.setPrintOptions}.
 * {@snippet :
 * Jnp.setPrintOptions(PrintOptions.DEFAULT.withPrecision(3).withThreshold(20));
 * System.out.println(Jnp.arange(0, 1, 0.01));   // Array([0.  , 0.01, 0.02, ..., 0.97, 0.98, 0.99], dtype=float32)
 * }
 *
 * @param precision digits after the point at most, {@code >= 0} (NumPy's default 8)
 * @param threshold the element count beyond which an array is summarised, {@code >= 0} (1000)
 * @param edgeItems entries shown at each end of a summarised axis, {@code >= 1} (3)
 * @param lineWidth characters per line before a row wraps, {@code >= 1} (75)
 */
public record PrintOptions(int precision, int threshold, int edgeItems, int lineWidth) {
    /** NumPy's defaults. */
    public static final PrintOptions DEFAULT = new PrintOptions(8, 1000, 3, 75);

    private static final AtomicReference<PrintOptions> CURRENT = new AtomicReference<>(DEFAULT);

    /** @throws ArgumentError naming the option when a value is out of its range */
    public PrintOptions {
        require(precision >= 0, "precision must be >= 0", precision);
        require(threshold >= 0, "threshold must be >= 0", threshold);
        require(edgeItems >= 1, "edgeItems must be >= 1", edgeItems);
        require(lineWidth >= 1, "lineWidth must be >= 1", lineWidth);
    }

    private static void require(boolean ok, String requirement, int got) {
        if (!ok) throw new ArgumentError("set_printoptions", requirement + ", got " + got);
    }

    public PrintOptions withPrecision(int p) { return new PrintOptions(p, threshold, edgeItems, lineWidth); }

    public PrintOptions withThreshold(int t) { return new PrintOptions(precision, t, edgeItems, lineWidth); }

    public PrintOptions withEdgeItems(int e) { return new PrintOptions(precision, threshold, e, lineWidth); }

    public PrintOptions withLineWidth(int w) { return new PrintOptions(precision, threshold, edgeItems, w); }

    /** {@return the options arrays print with now} */
    public static PrintOptions current() { return CURRENT.get(); }

    /** Sets the options every array prints with from now on, in every thread. */
    public static void set(PrintOptions options) { CURRENT.set(requireNonNull(options, "options is null")); }
}
