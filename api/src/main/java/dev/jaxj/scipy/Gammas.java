package dev.jaxj.scipy;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;

import static dev.jaxj.scipy.Terms.*;

/** The gamma family: gamma and its logarithm and sign, beta, Pochhammer, factorials, zeta and polygamma. */
final class Gammas {
    private Gammas() {}

    static Array gammaln(Array x) { return Lax.lgamma(inexact(x)); }

    /** +1 or -1 as the sign of Γ(x), ±1 at ±0 as in JAX; NaN at the negative integers, -inf and NaN. */
    static Array gammasgn(Array x) {
        Array y = inexact(x), fl = Lax.floor(y);
        Array negative = Lax.lt(y, c(y, 0));
        Array nan = Lax.or(Lax.and(negative, Lax.eq(fl, y)), Lax.ne(y, y));
        Array negativeZero = Lax.and(Lax.eq(y, c(y, 0)), Lax.lt(Lax.div(c(y, 1), y), c(y, 0)));
        Array odd = Lax.ne(Lax.rem(fl, c(y, 2)), c(y, 0));
        Array minus = Lax.or(Lax.and(negative, odd), negativeZero);
        return Lax.select(nan, c(y, Double.NaN), Lax.select(minus, c(y, -1), c(y, 1)));
    }

    static Array gamma(Array x) {
        Array y = inexact(x);
        return Lax.mul(gammasgn(y), Lax.exp(Lax.lgamma(y)));
    }

    /** The principal log of Γ for real arguments: {@code lgamma} where {@code x >= 0}, NaN below. */
    static Array loggamma(Array x) {
        Array y = inexact(x);
        return Lax.select(Lax.lt(y, c(y, 0)), c(y, Double.NaN), Lax.lgamma(y));
    }

    static Array betaln(Array a, Array b) {
        Vector<Array> p = inexact("betaln", a, b);
        Array x = p.get(0), y = p.get(1);
        return Lax.sub(Lax.add(Lax.lgamma(x), Lax.lgamma(y)), Lax.lgamma(Lax.add(x, y)));
    }

    static Array beta(Array a, Array b) {
        Vector<Array> p = inexact("beta", a, b);
        Array x = p.get(0), y = p.get(1);
        Array sign = Lax.mul(Lax.mul(gammasgn(x), gammasgn(y)), gammasgn(Lax.add(x, y)));
        return Lax.mul(sign, Lax.exp(betaln(x, y)));
    }

    static Array poch(Array z, Array m) {
        Vector<Array> p = inexact("poch", z, m);
        Array x = p.get(0), n = p.get(1), xn = Lax.add(x, n);
        Array sign = Lax.mul(gammasgn(xn), gammasgn(x));
        Array r = Lax.mul(sign, Lax.exp(Lax.sub(Lax.lgamma(xn), Lax.lgamma(x))));
        return Lax.select(Lax.eq(n, c(n, 0)), c(n, 1), r);
    }

    static Array multigammaln(Array a, int d) {
        if (d < 1) throw new ArgumentError("multigammaln", "d must be a positive integer, got " + d + " for " + a.aval());
        Array x = inexact(a);
        Array sum = c(x, d * (d - 1) / 4.0 * Math.log(Math.PI));
        for (int j = 0; j < d; j++) sum = Lax.add(sum, Lax.lgamma(add(x, -j / 2.0)));
        return sum;
    }

    /** {@return Γ(n + 1)}, 0 for {@code n < 0} as SciPy's non-exact factorial */
    static Array factorial(Array n) {
        Array x = inexact(n);
        return Lax.select(Lax.lt(x, c(x, 0)), c(x, 0), Lax.exp(Lax.lgamma(add(x, 1))));
    }

    /** {@return the binomial coefficient from log-gammas}, 0 where {@code k < 0}, {@code k > N} or {@code N < 0} */
    static Array comb(Array bigN, Array k, boolean repetition) {
        Vector<Array> p = inexact("comb", bigN, k);
        Array n = p.get(0), kk = p.get(1);
        if (repetition) n = Lax.add(n, add(kk, -1));
        Array valid = Lax.and(Lax.and(Lax.ge(kk, c(kk, 0)), Lax.le(kk, n)), Lax.ge(n, c(n, 0)));
        Array safeN = guard(valid, n, 1), safeK = guard(valid, kk, 0);
        Array log = Lax.sub(Lax.lgamma(add(safeN, 1)), Lax.add(Lax.lgamma(add(Lax.sub(safeN, safeK), 1)), Lax.lgamma(add(safeK, 1))));
        return Lax.select(valid, Lax.exp(log), c(n, 0));
    }

    // Hurwitz zeta by Euler–Maclaurin: the first N terms summed, the rest as an integral plus Bernoulli corrections.
    private static final int ZETA_TERMS = 12, ZETA_CORRECTIONS = 12;
    private static final double[] B = Bernoulli.numbers(2 * ZETA_CORRECTIONS);

    /** ζ(x, q) = Σ (q + k)^-x for {@code x > 1, q > 0}; inf at {@code x = 1}, NaN for {@code x < 1} or {@code q <= 0}. */
    static Array zeta(Array x, Array q) {
        Vector<Array> p = inexact("zeta", x, q);
        Array s = p.get(0), a = p.get(1);
        Array ok = Lax.and(Lax.gt(s, c(s, 1)), Lax.gt(a, c(a, 0)));
        s = guard(ok, s, 2);
        a = guard(ok, a, 1);
        Array sum = c(s, 0);
        for (int k = 0; k < ZETA_TERMS; k++) sum = Lax.add(sum, Lax.pow(add(a, k), Lax.neg(s)));
        Array w = add(a, ZETA_TERMS);
        Array wPow = Lax.pow(w, Lax.neg(s));
        sum = Lax.add(sum, Lax.div(Lax.mul(w, wPow), add(s, -1)));
        sum = Lax.add(sum, mul(wPow, 0.5));
        // term_j = B_2j / (2j)! * s (s+1) … (s+2j-2) * w^(-s-2j+1)
        Array rising = s, inv = Lax.div(c(w, 1), w), wTerm = Lax.mul(wPow, inv);
        double fact = 2;
        for (int j = 1; j <= ZETA_CORRECTIONS; j++) {
            sum = Lax.add(sum, Lax.mul(mul(rising, B[2 * j] / fact), wTerm));
            rising = Lax.mul(Lax.mul(rising, add(s, 2 * j - 1)), add(s, 2 * j));
            wTerm = Lax.mul(wTerm, Lax.mul(inv, inv));
            fact *= (2 * j + 1) * (2 * j + 2);
        }
        Array x0 = p.get(0);
        Array out = Lax.select(ok, sum, c(sum, Double.NaN));
        return Lax.select(Lax.eq(x0, c(x0, 1)), c(x0, Double.POSITIVE_INFINITY), out);
    }

    /** ψ^(n)(x): digamma for {@code n = 0}, else {@code (-1)^(n+1) n! ζ(n+1, x)}; NaN for a negative or fractional {@code n}. */
    static Array polygamma(Array n, Array x) {
        Vector<Array> p = inexact("polygamma", n, x);
        Array order = p.get(0), y = p.get(1);
        Array integral = Lax.and(Lax.ge(order, c(order, 0)), Lax.eq(Lax.floor(order), order));
        Array m = guard(Lax.and(integral, Lax.gt(order, c(order, 0))), order, 1);
        // (-1)^(m+1): +1 for odd m, -1 for even m.
        Array sign = Lax.sub(c(m, 1), mul(Lax.rem(add(m, 1), c(m, 2)), 2));
        Array high = Lax.mul(Lax.mul(sign, Lax.exp(Lax.lgamma(add(m, 1)))), zeta(add(m, 1), y));
        Array r = Lax.select(Lax.eq(order, c(order, 0)), Lax.digamma(y), high);
        return Lax.select(integral, r, c(r, Double.NaN));
    }

    /** {@return B_0 … B_n} as a {@code [n + 1]} array of {@code dtype} */
    static Array bernoulli(int n, DType dtype) {
        if (n < 0) throw new ArgumentError("bernoulli", "n must be >= 0, got " + n);
        return dev.jaxj.Jnp.array(Bernoulli.numbers(n), dtype, n + 1);
    }
}
