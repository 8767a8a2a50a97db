package dev.jaxj.scipy;

import dev.jaxj.array.Array;
import dev.jaxj.core.CustomRules;
import dev.jaxj.lax.Lax;

import static dev.jaxj.scipy.Terms.*;

/**
 * Modified Bessel functions of the first kind of orders 0 and 1, and their exponentially scaled
 * forms: the power series (positive terms, no cancellation) up to |x| = 20, Hankel's asymptotic
 * series beyond, where its smallest term is below 1e-17.
 */
final class Bessel {
    private Bessel() {}

    private static final double SPLIT = 20;
    private static final int SERIES_TERMS = 64, ASYMPTOTIC_TERMS = 30;

    static Array i0e(Array x) { return call(I0E, inexact(x)); }

    static Array i1e(Array x) { return call(I1E, inexact(x)); }

    static Array i0(Array x) {
        Array y = inexact(x);
        return Lax.mul(Lax.exp(Lax.abs(y)), i0e(y));
    }

    static Array i1(Array x) {
        Array y = inexact(x);
        return Lax.mul(Lax.exp(Lax.abs(y)), i1e(y));
    }

    /** i0e' = i1e - sign(x) i0e. */
    private static final CustomRules.Jvp I0E = unary(x -> scaled(x, 0), (x, y) -> Lax.sub(i1e(x), Lax.mul(Lax.sign(x), y)));

    /** i1e' = i0e - sign(x) i1e - i1e / x, whose last term tends to 1/2 at 0. */
    private static final CustomRules.Jvp I1E = unary(x -> scaled(x, 1), (x, y) -> {
        Array zero = Lax.eq(x, c(x, 0));
        Array overX = Lax.select(zero, c(x, 0.5), Lax.div(y, guard(Lax.not(zero), x, 1)));
        return Lax.sub(Lax.sub(i0e(x), Lax.mul(Lax.sign(x), y)), overX);
    });

    /** {@return exp(-|x|) I_order(x)} for order 0 or 1 */
    private static Array scaled(Array x, int order) {
        Array ax = Lax.abs(x);
        Array near = Lax.le(ax, c(ax, SPLIT));
        Array xn = guard(near, ax, 1), xf = guard(Lax.not(near), ax, 2 * SPLIT);
        // sum_k (x²/4)^k / (k! (k + order)!), times (x/2)^order
        Array q = mul(Lax.mul(xn, xn), 0.25), term = c(xn, order == 0 ? 1 : 1), sum = term;
        for (int k = 1; k <= SERIES_TERMS; k++) {
            term = Lax.mul(term, Lax.div(q, c(q, (double) k * (k + order))));
            sum = Lax.add(sum, term);
        }
        if (order == 1) sum = Lax.mul(sum, mul(xn, 0.5));
        Array series = Lax.mul(sum, Lax.exp(Lax.neg(xn)));
        // e^x / sqrt(2 pi x) * sum_k (-1)^k prod_{j<=k} (4 order² - (2j-1)²) / (k! (8x)^k)
        Array aterm = c(xf, 1), asum = aterm, inv = Lax.div(c(xf, 1), mul(xf, 8));
        for (int k = 1; k <= ASYMPTOTIC_TERMS; k++) {
            double factor = -(4.0 * order * order - (2.0 * k - 1) * (2 * k - 1)) / k;
            aterm = Lax.mul(aterm, mul(inv, factor));
            asum = Lax.add(asum, aterm);
        }
        Array asymptotic = Lax.div(asum, Lax.sqrt(mul(xf, 2 * Math.PI)));
        Array r = Lax.select(near, series, asymptotic);
        return order == 1 ? Lax.mul(Lax.sign(x), r) : r;
    }
}
