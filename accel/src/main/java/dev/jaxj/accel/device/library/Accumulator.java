package dev.jaxj.accel.device.library;

import dev.jaxj.ir.DType;

/**
 * How a fold's running value is kept, as C statements: declared, stepped with one value,
 * saved to and merged from {@code LOCAL} scratch (the tree of a work-group), and read.
 *
 * <p>On a device with fp64, f32 sums (and, where the family asks, other f32 folds) run in
 * {@code double}, as on the CPU. Without fp64, an f32 sum is compensated: a {@code float}
 * and its running error, each addition's error recovered exactly by Knuth's two-sum, so the
 * sum lies within about {@code 2·eps·|sum| + n·eps²·Σ|x|} of the exact one ({@code eps =
 * 2⁻²⁴}), close to the CPU's double. Partial sums beyond float's range overflow to infinity
 * where the CPU's double would not. Other f32 folds run in float: max and min exactly, a
 * product within {@code n·eps} relative.
 *
 * @param type        the accumulator's C type
 * @param compensated whether it is an f32 sum with its error term {@code <name>_c}
 */
record Accumulator(Fold fold, DType dtype, String type, boolean compensated) {

    /**
     * {@return the accumulator of {@code fold} over {@code d}}
     *
     * @param wideF32 whether f32 accumulates in double (the device has fp64 and the family widens this fold)
     * @param fp64    whether the device computes in double; without it an f32 sum is compensated
     */
    static Accumulator of(Fold fold, DType d, boolean wideF32, boolean fp64) {
        if (!fp64 && d == DType.F32 && fold == Fold.SUM) return new Accumulator(fold, d, "float", true);
        return new Accumulator(fold, d, fold.accType(d, wideF32 && fp64), false);
    }

    /** {@return whether the accumulator computes in double} */
    boolean usesF64() { return type.equals("double"); }

    /** {@return the declaration of {@code a}, holding the identity} */
    String declare(String a) {
        return compensated ? "float " + a + " = 0.0f, " + a + "_c = 0.0f;" : type + " " + a + " = " + fold.identity(dtype, type) + ";";
    }

    /** {@return the statement folding {@code v} (a plain name of the accumulator's type) into {@code a}} */
    String add(String a, String v) {
        return compensated ? twoSum(a, v, "") : a + " = (" + fold.combine(dtype, a, v) + ");";
    }

    /** {@return the declaration of {@code LOCAL} scratch {@code arr} of {@code n} accumulators} */
    String declareLocal(String arr, int n) {
        String d = "LOCAL " + type + " " + arr + "[" + n + "];";
        return compensated ? d + "\nLOCAL float " + arr + "_c[" + n + "];" : d;
    }

    /** {@return the statement storing {@code a} at {@code arr[i]}} */
    String save(String arr, String i, String a) {
        String s = arr + "[" + i + "] = " + a + ";";
        return compensated ? s + " " + arr + "_c[" + i + "] = " + a + "_c;" : s;
    }

    /** {@return the statement loading {@code arr[i]} into {@code a}} */
    String load(String a, String arr, String i) {
        String s = a + " = " + arr + "[" + i + "];";
        return compensated ? s + " " + a + "_c = " + arr + "_c[" + i + "];" : s;
    }

    /** {@return the statement folding the accumulator saved at {@code arr[i]} into {@code a}} */
    String merge(String a, String arr, String i) {
        if (compensated) return "{ float jx_b = " + arr + "[" + i + "]; " + twoSum(a, "jx_b", arr + "_c[" + i + "] + ") + " }";
        return "{ " + type + " jx_b = " + arr + "[" + i + "]; " + add(a, "jx_b") + " }";
    }

    /** {@return the accumulated value of {@code a}, as an expression of the accumulator's type} */
    String value(String a) {
        return compensated ? "(" + a + " + " + a + "_c)" : a;
    }

    /**
     * {@code a += v}, adding the rounding error of that addition (and {@code extra}, a prefix
     * such as {@code "x_c + "}) to {@code a_c}. The error is exact while the sum is finite;
     * past an infinity or NaN it would be NaN, so it is dropped there and the sum carries the
     * non-finite value alone, as a plain sum does. No multiplication, so no contraction to FMA.
     */
    private static String twoSum(String a, String v, String extra) {
        return "{ float jx_t = " + a + " + " + v + ", jx_z = jx_t - " + a + "; "
                + a + "_c += " + extra + "(isfinite(jx_t) ? (" + a + " - (jx_t - jx_z)) + (" + v + " - jx_z) : 0.0f); "
                + a + " = jx_t; }";
    }
}
