package dev.jaxj.scipy;

import dev.jaxj.array.Array;
import dev.jaxj.core.CustomRules;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;

import static dev.jaxj.scipy.Terms.*;

/**
 * Gauss's hypergeometric function 2F1(a, b; c; x) for real arguments, x <= 1. The argument is
 * first brought into [0, 1): for x < 0 by Pfaff's transformation (DLMF 15.8.1)
 * F(a, b; c; x) = (1 - x)^-a F(a, c - b; c; x/(x - 1)). On [0, 3/4] the series converges at least as
 * 0.75^k; above, the connection formula to 1 - w (DLMF 15.8.4, A&S 15.3.6) sums series in
 * 1 - w < 1/4, and where c - a - b is a whole number m, where that formula's gammas have poles,
 * its limit (A&S 15.3.10-15.3.12: a finite sum and a series with digammas and log(1 - w)).
 * Polynomials (a or b a non-positive integer) are summed directly for every x; x = 1 is Gauss's
 * sum Γ(c)Γ(c-a-b)/(Γ(c-a)Γ(c-b)) when c - a - b > 0, inf otherwise; c a non-positive integer
 * (not cut short by a polynomial) is a pole, inf; x > 1 is outside the real function, NaN.
 */
final class Hyp2f1 {
    private Hyp2f1() {}

    private static final int TERMS = 150, NEAR_ONE_TERMS = 60, MAX_M = 40;
    private static final double SPLIT = 0.75;

    static Array hyp2f1(Array a, Array b, Array c, Array x) {
        return Terms.call(RULE, inexact("hyp2f1", a, b, c, x).toJavaArray(Array[]::new));
    }

    /** d/dx F(a, b; c; x) = ab/c F(a + 1, b + 1; c + 1; x); as JAX's, no derivative in a, b or c. */
    private static final CustomRules.Jvp RULE = new CustomRules.Jvp(in -> Vector.of(value(in.get(0), in.get(1), in.get(2), in.get(3))), (p, t) -> {
        Array a = p.get(0), b = p.get(1), c = p.get(2), x = p.get(3);
        Array slope = Lax.mul(Lax.div(Lax.mul(a, b), c), value(add(a, 1), add(b, 1), add(c, 1), x));
        return new CustomRules.PrimalsTangents(Vector.of(value(a, b, c, x)), Vector.of(Lax.mul(t.get(3), slope)));
    });

    private static Array isNonPositiveInteger(Array v) {
        return Lax.and(Lax.le(v, c(v, 0)), Lax.eq(Lax.floor(v), v));
    }

    private static Array value(Array a, Array b, Array c, Array x) {
        Array polyA = isNonPositiveInteger(a), polyB = isNonPositiveInteger(b), poly = Lax.or(polyA, polyB);
        // A polynomial of degree n = -a (or -b) stops before a pole of c when c < -n.
        Array degree = Lax.min(Lax.select(polyA, Lax.neg(a), c(a, Double.POSITIVE_INFINITY)), Lax.select(polyB, Lax.neg(b), c(b, Double.POSITIVE_INFINITY)));
        Array pole = Lax.and(isNonPositiveInteger(c), Lax.not(Lax.and(poly, Lax.lt(degree, Lax.neg(c)))));
        // Polynomials are summed at x itself. Otherwise Pfaff for x < 0: w = x / (x - 1) in (0, 1), b -> c - b, times (1 - x)^-a.
        Array pfaff = Lax.and(Lax.lt(x, c(x, 0)), Lax.not(poly));
        Array xs = Lax.select(Lax.or(poly, Lax.lt(x, c(x, 1))), x, c(x, 0));
        Array w = Lax.select(pfaff, Lax.div(xs, Lax.sub(xs, c(xs, 1))), xs);
        Array bb = Lax.select(pfaff, Lax.sub(c, b), b);
        Array pre = Lax.select(pfaff, Lax.pow(Lax.sub(c(xs, 1), xs), Lax.neg(a)), c(x, 1));
        Array safeC = guard(Lax.not(pole), c, 1);
        Array near = Lax.or(poly, Lax.le(w, c(w, SPLIT)));
        Array direct = series(a, bb, safeC, guard(near, w, 0), TERMS);
        Array far = nearOne(a, bb, safeC, guard(Lax.not(near), w, 0.9));
        Array general = Lax.mul(pre, Lax.select(near, direct, far));
        Array d = Lax.sub(Lax.sub(c, a), b);
        Array gauss = Lax.select(Lax.gt(d, c(d, 0)),
                Lax.div(Lax.mul(Gammas.gamma(safeC), Gammas.gamma(guard(Lax.gt(d, c(d, 0)), d, 1))),
                        Lax.mul(Gammas.gamma(Lax.sub(c, a)), Gammas.gamma(Lax.sub(c, b)))), c(d, Double.POSITIVE_INFINITY));
        Array r = Lax.select(Lax.eq(x, c(x, 1)), gauss, Lax.select(Lax.gt(x, c(x, 1)), c(x, Double.NaN), general));
        r = Lax.select(poly, Lax.select(Lax.and(Lax.eq(x, c(x, 1)), Lax.gt(d, c(d, 0))), gauss, general), r);
        r = Lax.select(pole, c(r, Double.POSITIVE_INFINITY), r);
        Array one = Lax.or(Lax.or(Lax.eq(a, c(a, 0)), Lax.eq(b, c(b, 0))), Lax.eq(x, c(x, 0)));
        return Lax.select(one, c(r, 1), r);
    }

    /** {@return Σ_{k<n} (a)_k (b)_k / ((c)_k k!) x^k} */
    private static Array series(Array a, Array b, Array c, Array x, int n) {
        Array term = c(x, 1), sum = term;
        for (int k = 0; k < n - 1; k++) {
            // A polynomial that ends before c's pole has a zero term by then: 0/0 must stay 0.
            Array ck = add(c, k), safe = guard(Lax.ne(ck, c(ck, 0)), ck, 1);
            term = Lax.mul(term, Lax.div(Lax.mul(Lax.mul(add(a, k), add(b, k)), x), mul(safe, k + 1)));
            sum = Lax.add(sum, term);
        }
        return sum;
    }

    /** F(a, b; c; w) for 3/4 < w < 1 from series in s = 1 - w. */
    private static Array nearOne(Array a, Array b, Array c, Array w) {
        Array s = Lax.sub(c(w, 1), w), d = Lax.sub(Lax.sub(c, a), b);
        Array whole = Lax.eq(Lax.round(d, dev.jaxj.ir.Primitive.RoundingMethod.TO_NEAREST_EVEN), d);
        // A&S 15.3.6: Γ(c)Γ(d)/(Γ(c-a)Γ(c-b)) F(a, b; 1-d; s) + s^d Γ(c)Γ(-d)/(Γ(a)Γ(b)) F(c-a, c-b; 1+d; s).
        Array dn = guard(Lax.not(whole), d, 0.5);
        Array first = Lax.div(Lax.mul(Gammas.gamma(c), Gammas.gamma(dn)), Lax.mul(Gammas.gamma(Lax.sub(c, a)), Gammas.gamma(Lax.sub(c, b))));
        Array second = Lax.div(Lax.mul(Gammas.gamma(c), Gammas.gamma(Lax.neg(dn))), Lax.mul(Gammas.gamma(a), Gammas.gamma(b)));
        Array generic = Lax.add(Lax.mul(first, series(a, b, Lax.sub(c(dn, 1), dn), s, NEAR_ONE_TERMS)),
                Lax.mul(Lax.mul(Lax.pow(s, dn), second), series(Lax.sub(c, a), Lax.sub(c, b), add(dn, 1), s, NEAR_ONE_TERMS)));
        // Whole d = m >= 0 directly; d = -m through Euler's F(a, b; c; w) = s^(c-a-b) F(c-a, c-b; c; w).
        Array negative = Lax.lt(d, c(d, 0));
        Array aa = Lax.select(negative, Lax.sub(c, a), a), bb = Lax.select(negative, Lax.sub(c, b), b);
        Array m = guard(whole, Lax.abs(d), 0);
        Array limit = wholeGap(aa, bb, c, guard(whole, m, 0), s);
        limit = Lax.select(negative, Lax.mul(Lax.pow(s, guard(whole, d, 0)), limit), limit);
        return Lax.select(whole, limit, generic);
    }

    /** A&S 15.3.10-11: F(a, b; a + b + m; 1 - s) for a whole m >= 0 (m at most {@value #MAX_M}). */
    private static Array wholeGap(Array a, Array b, Array c, Array m, Array s) {
        // Γ(m)Γ(c)/(Γ(a+m)Γ(b+m)) Σ_{n<m} (a)_n (b)_n / (n! (1-m)_n) s^n; nothing when m = 0.
        Array mPos = Lax.gt(m, c(m, 0)), mSafe = guard(mPos, m, 1);
        Array lead = Lax.div(Lax.mul(Gammas.gamma(mSafe), Gammas.gamma(c)), Lax.mul(Gammas.gamma(Lax.add(a, mSafe)), Gammas.gamma(Lax.add(b, mSafe))));
        Array term = c(s, 1), finite = c(s, 0);
        for (int n = 0; n < MAX_M; n++) {
            Array in = Lax.lt(c(m, n), m);
            finite = Lax.add(finite, Lax.select(in, term, c(term, 0)));
            Array denom = guard(Lax.lt(c(m, n + 1), m), Lax.mul(add(Lax.neg(m), n + 1), c(m, n + 1)), 1);
            term = Lax.div(Lax.mul(Lax.mul(term, Lax.mul(add(a, n), add(b, n))), s), denom);
        }
        finite = Lax.select(mPos, Lax.mul(lead, finite), c(finite, 0));
        // (-1)^m s^m Γ(c)/(Γ(a)Γ(b)) Σ_n (a+m)_n (b+m)_n / (n! (n+m)!) s^n [ln s - ψ(n+1) - ψ(n+m+1) + ψ(a+n+m) + ψ(b+n+m)]
        Array am = Lax.add(a, m), bm = Lax.add(b, m), logS = Lax.log(s);
        Array psi1 = c(s, -0.5772156649015329), psiM = Lax.digamma(add(m, 1)), psiA = Lax.digamma(am), psiB = Lax.digamma(bm);
        Array u = Lax.exp(Lax.neg(Lax.lgamma(add(m, 1)))), sum = c(s, 0);
        for (int n = 0; n < NEAR_ONE_TERMS; n++) {
            Array bracket = Lax.add(Lax.sub(Lax.sub(logS, psi1), psiM), Lax.add(psiA, psiB));
            sum = Lax.add(sum, Lax.mul(u, bracket));
            u = Lax.div(Lax.mul(Lax.mul(u, Lax.mul(add(am, n), add(bm, n))), s), Lax.mul(c(m, n + 1), add(m, n + 1)));
            psi1 = Lax.add(psi1, c(psi1, 1.0 / (n + 1)));
            psiM = Lax.add(psiM, Lax.div(c(m, 1), add(m, n + 1)));
            psiA = Lax.add(psiA, Lax.div(c(am, 1), add(am, n)));
            psiB = Lax.add(psiB, Lax.div(c(bm, 1), add(bm, n)));
        }
        Array sign = Lax.select(Lax.eq(Lax.rem(m, c(m, 2)), c(m, 0)), c(m, 1), c(m, -1));
        Array coeff = Lax.div(Gammas.gamma(c), Lax.mul(Gammas.gamma(a), Gammas.gamma(b)));
        Array tail = Lax.mul(Lax.mul(Lax.mul(sign, Lax.pow(s, m)), coeff), sum);
        return Lax.sub(finite, tail);
    }
}
