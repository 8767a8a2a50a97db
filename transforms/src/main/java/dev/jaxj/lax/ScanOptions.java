package dev.jaxj.lax;

import dev.jaxj.errors.ArgumentError;
import io.vavr.control.Option;

import static java.util.Objects.requireNonNull;

/**
 * Options of {@link Lax#scan}, as {@code lax.scan}'s keyword arguments.
 * {@snippet :
 * var r = Lax.scan(f, init, null, ScanOptions.length(10));          // no xs: ten steps
 * var back = Lax.scan(f, init, xs, ScanOptions.DEFAULT.withReverse(true));
 * }
 *
 * @param length  the number of steps: required without {@code xs}, checked against them otherwise
 * @param reverse whether to run from the last step to the first (ys still stack in index order)
 * @param unroll  how many steps one iteration of the compiled loop runs (>= 1)
 */
public record ScanOptions(Option<Integer> length, boolean reverse, int unroll) {
    /** No length, forward, no unrolling. */
    public static final ScanOptions DEFAULT = new ScanOptions(Option.none(), false, 1);

    public ScanOptions {
        requireNonNull(length, "length is null");
        if (length.exists(n -> n < 0)) throw new ArgumentError("scan", "length must be >= 0, got " + length.get());
        if (unroll < 1) throw new ArgumentError("scan", "unroll must be >= 1, got " + unroll);
    }

    /** {@return the defaults with {@code length} steps} */
    public static ScanOptions length(int length) { return DEFAULT.withLength(length); }

    public ScanOptions withLength(int n) { return new ScanOptions(Option.some(n), reverse, unroll); }

    public ScanOptions withReverse(boolean r) { return new ScanOptions(length, r, unroll); }

    public ScanOptions withUnroll(int u) { return new ScanOptions(length, reverse, u); }
}
