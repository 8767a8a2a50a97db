package dev.jaxj.random;

import dev.jaxj.errors.ArgumentError;

/**
 * Which of JAX's two Threefry streams a key draws from. Both hash with the same Threefry-2x32
 * cipher; they differ in the counters they feed it, so {@code split} and every sampler give
 * different numbers in the two modes ({@code foldIn} and key creation do not differ).
 *
 * <p>The mode is chosen when a key is created and travels with it: every key derived from a
 * key ({@code split}, {@code foldIn}) keeps its mode, so streams of the two modes never mix.
 * The default follows the system property {@value #PROPERTY}, read at key creation:
 * {@code true} (or unset) gives {@link #PARTITIONABLE}, {@code false} gives {@link #LEGACY}.
 * {@snippet lang=text :
 * java -Djaxj.threefry_partitionable=false ...   # JAX < 0.5 numbers
 * }
 */
public enum ThreefryMode {
    /**
     * JAX's default since 0.5 ({@code jax_threefry_partitionable=True}): the counter of an
     * element is its 64-bit row-major index, so {@code split(key, n)[i]} equals {@code foldIn(key, i)}.
     */
    PARTITIONABLE,
    /**
     * JAX's default before 0.5 ({@code jax_threefry_partitionable=False}): counters are one
     * flat iota, hashed in two halves.
     */
    LEGACY;

    /** The system property that selects the mode of new keys: {@code true} (default) or {@code false}. */
    public static final String PROPERTY = "jaxj.threefry_partitionable";

    /**
     * {@return the mode the system property {@value #PROPERTY} selects now}
     * @throws ArgumentError when the property is neither {@code true} nor {@code false}
     */
    public static ThreefryMode fromFlag() {
        String v = System.getProperty(PROPERTY);
        if (v == null || v.equalsIgnoreCase("true")) return PARTITIONABLE;
        if (v.equalsIgnoreCase("false")) return LEGACY;
        throw new ArgumentError("random.key", "system property " + PROPERTY + " must be true or false, got '" + v + "'");
    }
}
