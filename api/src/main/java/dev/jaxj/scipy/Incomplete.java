package dev.jaxj.scipy;

import dev.jaxj.array.Array;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;

import static dev.jaxj.scipy.Terms.*;

/**
 * The regularized incomplete gamma and beta functions, from their power series and continued
 * fractions (evaluated from the bottom up at a fixed depth, so that the code is straight-line and
 * jit, vmap and the derivatives need nothing special). The depths give f64 accuracy for
 * parameters up to a few hundred; beyond, the series and fractions are cut short.
 */
final class Incomplete {
    private Incomplete() {}

    private static final int GAMMA_DEPTH = 160, BETA_DEPTH = 120;

    /** P(a, x) = γ(a, x) / Γ(a). */
    static Array gammainc(Array a, Array x) {
        Vector<Array> p = inexact("gammainc", a, x);
        return gamma(p.get(0), p.get(1), false);
    }

    /** Q(a, x) = 1 - P(a, x). */
    static Array gammaincc(Array a, Array x) {
        Vector<Array> p = inexact("gammaincc", a, x);
        return gamma(p.get(0), p.get(1), true);
    }

    private static Array gamma(Array a, Array x, boolean upper) {
        Array valid = Lax.and(Lax.gt(a, c(a, 0)), Lax.gt(x, c(x, 0)));
        Array finite = Lax.isFinite(x);
        Array ok = Lax.and(valid, finite);
        Array as = guard(ok, a, 1), xs = guard(ok, x, 1);
        Array useSeries = Lax.lt(xs, add(as, 1));
        // The series sum_n x^n / ((a+1)…(a+n)), times x^a e^-x / Γ(a+1), gives P.
        Array xa = guard(useSeries, xs, 0.5), aa = guard(useSeries, as, 1);
        Array term = c(xa, 1), sum = term;
        for (int n = 1; n <= GAMMA_DEPTH; n++) {
            term = Lax.mul(term, Lax.div(xa, add(aa, n)));
            sum = Lax.add(sum, term);
        }
        Array lowerSeries = Lax.mul(Lax.exp(Lax.sub(Lax.sub(Lax.mul(aa, Lax.log(xa)), xa), Lax.lgamma(add(aa, 1)))), sum);
        // Legendre's fraction 1/(x+1-a - 1(1-a)/(x+3-a - 2(2-a)/(x+5-a - …))), times x^a e^-x / Γ(a), gives Q.
        Array xc = Lax.select(useSeries, c(xs, 3), xs), ac = Lax.select(useSeries, c(as, 1), as);
        Array t = Lax.sub(add(xc, 2 * GAMMA_DEPTH + 1), ac);
        for (int n = GAMMA_DEPTH; n >= 1; n--) {
            Array an = Lax.neg(Lax.mul(c(ac, n), Lax.sub(c(ac, n), ac)));
            t = Lax.add(Lax.sub(add(xc, 2 * n - 1), ac), Lax.div(an, t));
        }
        Array upperFraction = Lax.div(Lax.exp(Lax.sub(Lax.sub(Lax.mul(ac, Lax.log(xc)), xc), Lax.lgamma(ac))), t);
        Array lower = Lax.select(useSeries, lowerSeries, Lax.sub(c(t, 1), upperFraction));
        Array upperV = Lax.select(useSeries, Lax.sub(c(t, 1), lowerSeries), upperFraction);
        Array r = upper ? upperV : lower;
        // Edges: x = 0 gives P = 0, x = inf gives P = 1; a <= 0, x < 0 or NaN give NaN.
        Array atZero = Lax.and(Lax.eq(x, c(x, 0)), Lax.gt(a, c(a, 0)));
        Array atInf = Lax.and(Lax.eq(x, c(x, Double.POSITIVE_INFINITY)), Lax.gt(a, c(a, 0)));
        Array edge = Lax.select(atZero, c(x, upper ? 1 : 0), Lax.select(atInf, c(x, upper ? 0 : 1), c(x, Double.NaN)));
        return Lax.select(ok, r, edge);
    }

    /** I_x(a, b), the regularized incomplete beta function, by the continued fraction on the side of x where it converges fast. */
    static Array betainc(Array a, Array b, Array x) {
        Vector<Array> p = inexact("betainc", a, b, x);
        Array a0 = p.get(0), b0 = p.get(1), x0 = p.get(2);
        Array ok = Lax.and(Lax.and(Lax.gt(a0, c(a0, 0)), Lax.gt(b0, c(b0, 0))), Lax.and(Lax.gt(x0, c(x0, 0)), Lax.lt(x0, c(x0, 1))));
        Array as = guard(ok, a0, 1), bs = guard(ok, b0, 1), xs = guard(ok, x0, 0.5);
        Array swap = Lax.gt(xs, Lax.div(add(as, 1), add(Lax.add(as, bs), 2)));
        Array aa = Lax.select(swap, bs, as), bb = Lax.select(swap, as, bs), xx = Lax.select(swap, Lax.sub(c(xs, 1), xs), xs);
        Array ab = Lax.add(aa, bb);
        // 1 + d1/(1 + d2/(1 + …)), d_{2m+1} = -(a+m)(a+b+m)x / ((a+2m)(a+2m+1)), d_{2m} = m(b-m)x / ((a+2m-1)(a+2m)).
        Array t = c(xx, 1);
        for (int j = 2 * BETA_DEPTH; j >= 1; j--) {
            Array d;
            if (j % 2 == 1) {
                int m = (j - 1) / 2;
                d = Lax.neg(Lax.div(Lax.mul(Lax.mul(add(aa, m), add(ab, m)), xx), Lax.mul(add(aa, 2 * m), add(aa, 2 * m + 1))));
            } else {
                int m = j / 2;
                d = Lax.div(Lax.mul(Lax.mul(c(bb, m), add(bb, -m)), xx), Lax.mul(add(aa, 2 * m - 1), add(aa, 2 * m)));
            }
            t = Lax.add(c(t, 1), Lax.div(d, t));
        }
        Array logFront = Lax.sub(Lax.add(Lax.mul(aa, Lax.log(xx)), Lax.mul(bb, Lax.log1p(Lax.neg(xx)))), Gammas.betaln(aa, bb));
        Array v = Lax.div(Lax.exp(logFront), Lax.mul(aa, t));
        Array r = Lax.select(swap, Lax.sub(c(v, 1), v), v);
        Array params = Lax.and(Lax.gt(a0, c(a0, 0)), Lax.gt(b0, c(b0, 0)));
        Array edge = Lax.select(Lax.and(params, Lax.eq(x0, c(x0, 0))), c(x0, 0),
                Lax.select(Lax.and(params, Lax.eq(x0, c(x0, 1))), c(x0, 1), c(x0, Double.NaN)));
        return Lax.select(ok, r, edge);
    }
}
