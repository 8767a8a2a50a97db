package dev.jaxj.numpy;

import dev.jaxj.array.Array;
import dev.jaxj.lax.Lax;

import static dev.jaxj.numpy.Operands.fullLike;

/**
 * The modified Bessel function of the first kind of order 0, {@code I0}, from its power series
 * below a switch-over point and its asymptotic expansion above it. Both are polynomials in
 * elementary primitives, so its derivative ({@code I1}) comes from differentiating them.
 */
public final class Bessel {
    private Bessel() {}

    /** Below this {@code |x|} the power series converges to the dtype's precision in {@link #TERMS} terms. */
    private static final double SWITCH = 30;
    /** Terms of {@code sum (x²/4)^k / (k!)²}: at {@code |x| = 30} the last one is 1e-18 of the sum. */
    private static final int TERMS = 50;
    /** Terms of {@code e^x / sqrt(2 pi x) * sum a_k / x^k}: at {@code x = 30} the first one left out is 2e-17 of the sum. */
    private static final int ASYMPTOTIC_TERMS = 16;

    /** {@return {@code I0(x)}}, in floating point (integers and bools as f32) */
    public static Array i0(Array x) {
        Array a = Lax.abs(Operands.inexact(x));
        Array small = Lax.lt(a, fullLike(a, SWITCH));
        // Each branch sees only arguments inside its range, so that neither produces inf or NaN that a select would hide from values but not from gradients.
        Array series = series(Lax.min(a, fullLike(a, SWITCH)));
        Array asymptotic = asymptotic(Lax.max(a, fullLike(a, SWITCH)));
        Array inf = fullLike(a, Double.POSITIVE_INFINITY);
        // e^x/sqrt(x) at x = inf would be inf/inf.
        return Lax.select(small, series, Lax.select(Lax.eq(a, inf), inf, asymptotic));
    }

    private static Array series(Array a) {
        Array q = Operands.mul(Lax.mul(a, a), 0.25);
        Array term = fullLike(a, 1), sum = fullLike(a, 1);
        for (int k = 1; k < TERMS; k++) {
            term = Lax.mul(term, Operands.mul(q, 1.0 / ((double) k * k)));
            sum = Lax.add(sum, term);
        }
        return sum;
    }

    /** {@code a_k = ((2k-1)!!)² / (k! 8^k)}: the coefficients of {@code 1/x^k} in {@code I0(x) sqrt(2 pi x) e^-x}. */
    private static Array asymptotic(Array a) {
        Array inv = Lax.div(fullLike(a, 1), a);
        // Horner from the highest power down.
        double[] c = new double[ASYMPTOTIC_TERMS];
        c[0] = 1;
        for (int k = 1; k < ASYMPTOTIC_TERMS; k++) c[k] = c[k - 1] * (2.0 * k - 1) * (2.0 * k - 1) / (8.0 * k);
        Array s = fullLike(a, c[ASYMPTOTIC_TERMS - 1]);
        for (int k = ASYMPTOTIC_TERMS - 2; k >= 0; k--) s = Lax.add(Lax.mul(s, inv), fullLike(a, c[k]));
        // e^x / sqrt(2 pi x) as e^(x/2) * (e^(x/2) / sqrt(2 pi x)), which stays finite up to the dtype's overflow of I0 itself.
        Array half = Lax.exp(Operands.mul(a, 0.5));
        return Lax.mul(Lax.mul(half, Lax.div(half, Lax.sqrt(Operands.mul(a, 2 * Math.PI)))), s);
    }
}
