package dev.jaxj.scipy;

import dev.jaxj.array.Array;
import dev.jaxj.core.CustomRules;
import dev.jaxj.lax.Lax;

import static dev.jaxj.scipy.Terms.*;

/** The error function family and the standard normal distribution: erfcx, ndtr, its log and its inverse. */
final class Normal {
    private Normal() {}

    private static final double SQRT_HALF = Math.sqrt(0.5), SQRT_2PI = Math.sqrt(2 * Math.PI), TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
    /** Above this, erfcx uses the continued fraction: exp(x²) erfc(x) would lose about x² ulp in exp. */
    private static final double ERFCX_SPLIT = 4;
    private static final int ERFCX_DEPTH = 90;

    static Array erfcx(Array x) { return call(ERFCX, inexact(x)); }

    /** erfcx'(x) = 2x erfcx(x) - 2/sqrt(pi). */
    private static final CustomRules.Jvp ERFCX = unary(Normal::erfcxValue,
            (x, y) -> add(Lax.mul(mul(x, 2), y), -TWO_OVER_SQRT_PI));

    private static Array erfcxValue(Array x) {
        Array far = Lax.ge(x, c(x, ERFCX_SPLIT));
        Array xn = guard(Lax.not(far), x, 0), xf = guard(far, x, ERFCX_SPLIT);
        Array near = Lax.mul(Lax.exp(Lax.mul(xn, xn)), Lax.erfc(xn));
        // Laplace's continued fraction erfc(x) = exp(-x²)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), from the bottom up.
        Array t = xf;
        for (int k = ERFCX_DEPTH; k >= 1; k--) t = Lax.add(xf, Lax.div(c(xf, k / 2.0), t));
        Array cf = Lax.div(c(t, 1 / Math.sqrt(Math.PI)), t);
        return Lax.select(far, cf, near);
    }

    /** Φ(x) = erfc(-x/√2)/2. */
    static Array ndtr(Array x) {
        Array y = inexact(x);
        return mul(Lax.erfc(mul(y, -SQRT_HALF)), 0.5);
    }

    /** log Φ(x): log1p(-Φ(-x)) above -1, log(erfcx(-x/√2)/2) - x²/2 below, each without underflow; derivative φ(x)/Φ(x). */
    static Array logNdtr(Array x) { return call(LOG_NDTR, inexact(x)); }

    private static final CustomRules.Jvp LOG_NDTR = unary(Normal::logNdtrValue,
            (x, y) -> Lax.div(Lax.exp(Lax.sub(mul(Lax.mul(x, x), -0.5), y)), c(x, SQRT_2PI)));

    private static Array logNdtrValue(Array x) {
        Array low = Lax.lt(x, c(x, -1));
        Array xl = guard(low, x, -2), xh = guard(Lax.not(low), x, 0);
        Array tail = Lax.sub(Lax.log(mul(erfcxValue(mul(xl, -SQRT_HALF)), 0.5)), mul(Lax.mul(xl, xl), 0.5));
        Array body = Lax.log1p(Lax.neg(ndtr(Lax.neg(xh))));
        return Lax.select(low, tail, body);
    }

    /**
     * Φ⁻¹(p): the lower half {@code q = min(p, 1 - p)} starts from {@code √2 erfinv(2q - 1)} (or the
     * tail asymptote {@code -sqrt(-2 ln q)} corrected once, for tiny q) and takes Newton steps on
     * {@code log Φ(x) = log q}, which keep their relative accuracy deep in the tail. Derivative {@code 1/φ(x)}.
     */
    static Array ndtri(Array p) { return call(NDTRI, inexact(p)); }

    private static final CustomRules.Jvp NDTRI = unary(Normal::ndtriValue,
            (p, x) -> mul(Lax.exp(mul(Lax.mul(x, x), 0.5)), SQRT_2PI));

    private static Array ndtriValue(Array p) {
        Array upper = Lax.gt(p, c(p, 0.5));
        Array q = Lax.select(upper, Lax.sub(c(p, 1), p), p);
        Array inside = Lax.and(Lax.gt(q, c(q, 0)), Lax.le(q, c(q, 0.5)));
        Array qs = guard(inside, q, 0.25);
        Array tiny = Lax.lt(qs, c(qs, 1e-6));
        Array central = mul(Lax.erfInv(add(mul(qs, 2), -1)), 1 / SQRT_HALF);
        Array l = Lax.neg(mul(Lax.log(qs), 2));
        // x ≈ -sqrt(l - ln(l) - ln(2π)) from Φ(x) ≈ φ(x)/|x| in the tail.
        Array asym = Lax.neg(Lax.sqrt(Lax.sub(Lax.sub(l, Lax.log(l)), c(l, Math.log(2 * Math.PI)))));
        Array x = Lax.select(tiny, asym, central);
        Array logQ = Lax.log(qs);
        for (int i = 0; i < 4; i++) {
            Array lp = logNdtrValue(x);
            // d log Φ / dx = φ/Φ = exp(-x²/2 - log Φ)/sqrt(2π)
            Array slope = Lax.div(Lax.exp(Lax.sub(mul(Lax.mul(x, x), -0.5), lp)), c(x, SQRT_2PI));
            x = Lax.sub(x, Lax.div(Lax.sub(lp, logQ), slope));
        }
        Array lower = Lax.select(Lax.eq(q, c(q, 0.5)), c(q, 0), x);
        Array r = Lax.select(upper, Lax.neg(lower), lower);
        Array edge = Lax.select(Lax.eq(p, c(p, 0)), c(p, Double.NEGATIVE_INFINITY),
                Lax.select(Lax.eq(p, c(p, 1)), c(p, Double.POSITIVE_INFINITY), c(p, Double.NaN)));
        return Lax.select(inside, r, edge);
    }
}
