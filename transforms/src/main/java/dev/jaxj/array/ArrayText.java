package dev.jaxj.array;

/**
 * NumPy's {@code str} of an array, as {@code jnp.array_str} gives it: {@code [1. 2. 3.]},
 * {@code [[1 2]\n [3 4]]}, under the current {@link PrintOptions}. {@link Array#toString} is
 * the {@code repr}.
 */
public final class ArrayText {
    private ArrayText() {}

    /** {@return the elements of a concrete {@code x} as NumPy's {@code str} prints them} */
    public static String str(Array x) {
        if (x instanceof Tracer) return x.toString();
        return ArrayPrinter.printStr(x.aval(), x.host("array_str"));
    }
}
