package dev.jaxj.scipy;

import dev.jaxj.array.Array;
import dev.jaxj.core.CustomRules;
import dev.jaxj.lax.Lax;

import static dev.jaxj.scipy.Terms.*;

/**
 * The exponential integrals E1, En and Ei, and Spence's function (the dilogarithm): convergent
 * series where they need few terms and have no cancellation, continued fractions or asymptotic
 * series elsewhere, each cut at a fixed length that reaches f64 accuracy.
 */
final class ExpIntegrals {
    private ExpIntegrals() {}

    private static final double EULER_GAMMA = 0.5772156649015329;
    private static final int E1_SERIES = 30, E1_FRACTION = 120, EI_SERIES = 120, EI_ASYMPTOTIC = 40;
    private static final double EI_SPLIT = 40;

    static Array exp1(Array x) { return call(EXP1, inexact(x)); }

    static Array expi(Array x) { return call(EXPI, inexact(x)); }

    /** E1' = -e^-x / x. */
    private static final CustomRules.Jvp EXP1 = unary(ExpIntegrals::exp1Value, (x, y) -> Lax.neg(Lax.div(Lax.exp(Lax.neg(x)), x)));

    /** Ei' = e^x / x. */
    private static final CustomRules.Jvp EXPI = unary(ExpIntegrals::expiValue, (x, y) -> Lax.div(Lax.exp(x), x));

    private static Array exp1Value(Array x) {
        Array ok = Lax.gt(x, c(x, 0));
        Array small = Lax.le(x, c(x, 1));
        Array xs = guard(Lax.and(ok, small), x, 0.5), xl = guard(Lax.and(ok, Lax.not(small)), x, 2);
        // -γ - ln x - sum_k (-x)^k / (k k!)
        Array term = c(xs, 1), sum = c(xs, 0);
        for (int k = 1; k <= E1_SERIES; k++) {
            term = Lax.mul(term, mul(xs, -1.0 / k));
            sum = Lax.add(sum, mul(term, 1.0 / k));
        }
        Array series = Lax.sub(Lax.neg(add(Lax.log(xs), EULER_GAMMA)), sum);
        // e^-x / (x + 1 - 1²/(x + 3 - 2²/(x + 5 - …)))
        Array t = add(xl, 2 * E1_FRACTION + 1);
        for (int n = E1_FRACTION; n >= 1; n--) t = Lax.sub(add(xl, 2 * n - 1), Lax.div(c(t, (double) n * n), t));
        Array fraction = Lax.div(Lax.exp(Lax.neg(xl)), t);
        Array r = Lax.select(small, series, fraction);
        return Lax.select(ok, r, Lax.select(Lax.eq(x, c(x, 0)), c(x, Double.POSITIVE_INFINITY), c(x, Double.NaN)));
    }

    private static Array expiValue(Array x) {
        Array neg = Lax.lt(x, c(x, 0)), far = Lax.gt(x, c(x, EI_SPLIT));
        Array pos = Lax.gt(x, c(x, 0));
        Array xs = guard(Lax.and(pos, Lax.not(far)), x, 1), xf = guard(far, x, 2 * EI_SPLIT);
        // γ + ln x + sum_k x^k / (k k!)
        Array term = c(xs, 1), sum = c(xs, 0);
        for (int k = 1; k <= EI_SERIES; k++) {
            term = Lax.mul(term, mul(xs, 1.0 / k));
            sum = Lax.add(sum, mul(term, 1.0 / k));
        }
        Array series = Lax.add(add(Lax.log(xs), EULER_GAMMA), sum);
        // e^x / x * sum_k k! / x^k
        Array aterm = c(xf, 1), asum = aterm;
        for (int k = 1; k <= EI_ASYMPTOTIC; k++) {
            aterm = Lax.mul(aterm, Lax.div(c(xf, k), xf));
            asum = Lax.add(asum, aterm);
        }
        Array asymptotic = Lax.mul(Lax.div(Lax.exp(xf), xf), asum);
        Array negative = Lax.neg(exp1Value(Lax.neg(guard(neg, x, -1))));
        Array r = Lax.select(far, asymptotic, Lax.select(neg, negative, series));
        return Lax.select(Lax.eq(x, c(x, 0)), c(x, Double.NEGATIVE_INFINITY), r);
    }

    private static final int EN_SERIES = 40, EN_FRACTION = 100;

    /** E_n(x) = ∫_1^∞ e^(-xt) / t^n dt for whole {@code n >= 0} and {@code x >= 0}; NaN elsewhere. Derivative in x: -E_(n-1)(x). */
    static Array expn(Array n, Array x) { return call(EXPN, inexact("expn", n, x).toJavaArray(Array[]::new)); }

    private static final CustomRules.Jvp EXPN = new CustomRules.Jvp(
            in -> io.vavr.collection.Vector.of(expnValue(in.get(0), in.get(1))),
            (p, t) -> {
                Array n = p.get(0), x = p.get(1), y = expn(n, x);
                Array zero = Lax.eq(n, c(n, 0));
                // E_0 = e^-x / x has derivative -e^-x (x + 1) / x².
                Array xs = guard(zero, x, 1);
                Array d0 = Lax.neg(Lax.div(Lax.mul(Lax.exp(Lax.neg(xs)), add(xs, 1)), Lax.mul(xs, xs)));
                Array d = Lax.select(zero, d0, Lax.neg(expn(Lax.select(zero, c(n, 1), add(n, -1)), x)));
                return new CustomRules.PrimalsTangents(io.vavr.collection.Vector.of(y), io.vavr.collection.Vector.of(Lax.mul(t.get(1), d)));
            });

    private static Array expnValue(Array n, Array x) {
        Array whole = Lax.and(Lax.ge(n, c(n, 0)), Lax.eq(Lax.floor(n), n));
        Array ok = Lax.and(whole, Lax.gt(x, c(x, 0)));
        Array ns = guard(ok, n, 1), xs = guard(ok, x, 1);
        Array series = Lax.and(Lax.and(Lax.le(xs, c(xs, 1)), Lax.le(ns, c(ns, EN_SERIES - 1))), Lax.ge(ns, c(ns, 1)));
        // x <= 1: (-x)^(n-1)/(n-1)! (ψ(n) - ln x) - sum_{k != n-1} (-x)^k / ((k - n + 1) k!)
        Array xa = guard(series, xs, 0.5), na = guard(series, ns, 2), nm1 = add(na, -1);
        Array first = Lax.eq(nm1, c(nm1, 0));
        Array lnx = Lax.log(xa);
        Array sum = Lax.select(first, Lax.neg(add(lnx, EULER_GAMMA)), Lax.div(c(nm1, 1), guard(Lax.not(first), nm1, 1)));
        Array fact = c(xa, 1);
        for (int i = 1; i <= EN_SERIES; i++) {
            fact = Lax.mul(fact, mul(xa, -1.0 / i));
            Array hit = Lax.eq(nm1, c(nm1, i));
            Array den = Lax.sub(c(nm1, i), nm1);
            Array regular = Lax.neg(Lax.div(fact, guard(Lax.not(hit), den, 1)));
            Array special = Lax.mul(fact, Lax.sub(Lax.digamma(na), lnx));
            sum = Lax.add(sum, Lax.select(hit, special, regular));
        }
        // Otherwise the fraction e^-x / (x + n - 1·n/(x + n + 2 - 2(n+1)/(x + n + 4 - …))).
        Array xb = guard(Lax.not(series), xs, 2), nb = guard(Lax.not(series), ns, 1);
        Array t = Lax.add(add(xb, 2 * EN_FRACTION), nb);
        for (int i = EN_FRACTION; i >= 1; i--) {
            Array ai = Lax.neg(Lax.mul(c(nb, i), add(nb, i - 1)));
            t = Lax.add(Lax.add(add(xb, 2 * (i - 1)), nb), Lax.div(ai, t));
        }
        Array fraction = Lax.div(Lax.exp(Lax.neg(xb)), t);
        Array r = Lax.select(Lax.eq(ns, c(ns, 0)), Lax.div(Lax.exp(Lax.neg(xs)), xs), Lax.select(series, sum, fraction));
        Array atZero = Lax.and(whole, Lax.eq(x, c(x, 0)));
        Array zeroValue = Lax.select(Lax.gt(n, c(n, 1)), Lax.div(c(n, 1), add(guard(Lax.gt(n, c(n, 1)), n, 2), -1)), c(n, Double.POSITIVE_INFINITY));
        return Lax.select(ok, r, Lax.select(atZero, zeroValue, c(x, Double.NaN)));
    }

    private static final int LI2_TERMS = 64;
    private static final double PI2_OVER_6 = Math.PI * Math.PI / 6;

    /** SciPy's spence(z) = ∫_1^z ln t / (1 - t) dt = Li2(1 - z) for z >= 0, NaN below; derivative ln z / (1 - z). */
    static Array spence(Array z) { return call(SPENCE, inexact(z)); }

    private static final CustomRules.Jvp SPENCE = unary(ExpIntegrals::spenceValue, (z, y) -> {
        Array one = Lax.eq(z, c(z, 1));
        Array zs = guard(Lax.not(one), z, 2);
        return Lax.select(one, c(z, -1), Lax.div(Lax.log(zs), Lax.sub(c(zs, 1), zs)));
    });

    private static Array spenceValue(Array z) {
        Array ok = Lax.ge(z, c(z, 0));
        Array zs = guard(ok, z, 1);
        Array above = Lax.gt(zs, c(zs, 1));
        // z <= 1: Li2(w) with w = 1 - z in [0, 1];  z > 1: Landen, Li2(1 - z) = -Li2((z - 1)/z) - ln²(z)/2.
        Array w = Lax.select(above, Lax.div(add(zs, -1), guard(above, zs, 1)), Lax.sub(c(zs, 1), zs));
        Array li = li2Unit(w);
        Array lnz = Lax.log(guard(above, zs, 1));
        Array r = Lax.select(above, Lax.sub(Lax.neg(li), mul(Lax.mul(lnz, lnz), 0.5)), li);
        return Lax.select(ok, r, c(z, Double.NaN));
    }

    /** Li2(w) for w in [0, 1]: the series sum w^k / k² up to 1/2, the reflection Li2(w) = π²/6 - ln w ln(1 - w) - Li2(1 - w) above. */
    private static Array li2Unit(Array w) {
        Array high = Lax.gt(w, c(w, 0.5));
        Array u = Lax.select(high, Lax.sub(c(w, 1), w), w);
        Array term = c(u, 1), sum = c(u, 0);
        for (int k = 1; k <= LI2_TERMS; k++) {
            term = Lax.mul(term, u);
            sum = Lax.add(sum, mul(term, 1.0 / ((double) k * k)));
        }
        Array wh = guard(Lax.and(high, Lax.lt(w, c(w, 1))), w, 0.75);
        Array reflected = Lax.sub(Lax.sub(c(w, PI2_OVER_6), Lax.mul(Lax.log(wh), Lax.log1p(Lax.neg(wh)))), sum);
        reflected = Lax.select(Lax.eq(w, c(w, 1)), c(w, PI2_OVER_6), reflected);
        return Lax.select(high, reflected, sum);
    }
}
