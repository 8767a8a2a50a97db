package dev.jaxj.scipy;

import dev.jaxj.array.Array;
import dev.jaxj.core.CustomRules;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;

import static dev.jaxj.scipy.Terms.*;

/**
 * Owen's T function T(h, a) = 1/(2π) ∫_0^a exp(-h²(1 + x²)/2) / (1 + x²) dx, by Gauss-Legendre
 * quadrature of that integral (Patefield and Tandy 2000, method T5) for |a| <= 1, and through
 * T(h, a) = (p + q)/2 - pq - T(ah, 1/a) with p = Φ(-|h|), q = Φ(-|ah|) (Owen 1980, 2.7) for
 * |a| > 1. The integrand falls as exp(-h²x²/2), negligible past x = 12/|h|, so the quadrature
 * runs over [0, min(|a|, 12/|h|)] in {@value #PANELS} panels of 13 points: one panel loses
 * accuracy once h·a passes about 4, where the integrand is a narrow Gaussian.
 */
final class OwensT {
    private OwensT() {}

    private static final int POINTS = 13, PANELS = 4;
    private static final double CUTOFF = 12, TWO_PI = 2 * Math.PI, SQRT_HALF = Math.sqrt(0.5);
    private static final double[] NODES = new double[POINTS], WEIGHTS = new double[POINTS];

    static {
        // Roots of the Legendre polynomial P_13 by Newton's method from Chebyshev guesses; weights 2/((1-x²) P'(x)²).
        for (int i = 0; i < POINTS; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (POINTS + 0.5)), dp = 0;
            for (int it = 0; it < 100; it++) {
                double p0 = 1, p1 = x;
                for (int n = 2; n <= POINTS; n++) {
                    double p2 = ((2 * n - 1) * x * p1 - (n - 1) * p0) / n;
                    p0 = p1;
                    p1 = p2;
                }
                dp = POINTS * (x * p1 - p0) / (x * x - 1);
                double step = p1 / dp;
                x -= step;
                if (Math.abs(step) < 1e-17) break;
            }
            NODES[i] = x;
            WEIGHTS[i] = 2 / ((1 - x * x) * dp * dp);
        }
    }

    static Array owensT(Array h, Array a) {
        return Terms.call(RULE, inexact("owens_t", h, a).toJavaArray(Array[]::new));
    }

    /** ∂T/∂h = -φ(h) erf(ah/√2)/2 and ∂T/∂a = exp(-h²(1 + a²)/2) / (2π(1 + a²)), from the integral. */
    private static final CustomRules.Jvp RULE = new CustomRules.Jvp(in -> Vector.of(value(in.get(0), in.get(1))), (p, t) -> {
        Array h = p.get(0), a = p.get(1);
        Array hh = Lax.mul(h, h), onePlusA2 = add(Lax.mul(a, a), 1);
        Array phi = mul(Lax.exp(mul(hh, -0.5)), 1 / Math.sqrt(TWO_PI));
        Array dh = Lax.mul(mul(phi, -0.5), Lax.erf(mul(Lax.mul(a, h), SQRT_HALF)));
        Array da = Lax.div(Lax.exp(Lax.mul(mul(hh, -0.5), onePlusA2)), mul(onePlusA2, TWO_PI));
        Array tangent = Lax.add(Lax.mul(t.get(0), dh), Lax.mul(t.get(1), da));
        return new CustomRules.PrimalsTangents(Vector.of(value(h, a)), Vector.of(tangent));
    });

    private static Array value(Array h, Array a) {
        Array ha = Lax.abs(h), aa = Lax.abs(a);
        Array wide = Lax.gt(aa, c(aa, 1));
        Array direct = quadrature(ha, guard(Lax.not(wide), aa, 1));
        Array aw = guard(wide, aa, 2), hw = Lax.mul(ha, aw);
        Array p = Normal.ndtr(Lax.neg(ha)), q = Normal.ndtr(Lax.neg(hw));
        Array swapped = Lax.sub(Lax.sub(mul(Lax.add(p, q), 0.5), Lax.mul(p, q)), quadrature(hw, Lax.div(c(aw, 1), aw)));
        // T is even in h and odd in a.
        return Lax.mul(Lax.sign(a), Lax.select(wide, swapped, direct));
    }

    /** {@return 1/(2π) ∫_0^a exp(-h²(1 + x²)/2)/(1 + x²) dx} for h >= 0 and 0 <= a <= 1 */
    private static Array quadrature(Array h, Array a) {
        Array reach = Lax.div(c(h, CUTOFF), h); // inf at h = 0
        Array upper = Lax.min(a, reach), width = mul(upper, 1.0 / PANELS);
        Array halfH2 = mul(Lax.mul(h, h), -0.5), sum = c(h, 0);
        for (int panel = 0; panel < PANELS; panel++) {
            for (int i = 0; i < POINTS; i++) {
                Array x = Lax.mul(width, c(width, panel + (NODES[i] + 1) / 2));
                Array onePlusX2 = add(Lax.mul(x, x), 1);
                sum = Lax.add(sum, mul(Lax.div(Lax.exp(Lax.mul(halfH2, onePlusX2)), onePlusX2), WEIGHTS[i]));
            }
        }
        return Lax.mul(sum, mul(width, 0.5 / TWO_PI));
    }
}
