package dev.jaxj.scipy;

import dev.jaxj.array.Array;
import dev.jaxj.core.CustomRules;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;

import static dev.jaxj.scipy.Terms.*;

/**
 * The sine and cosine integrals Si and Ci: their power series up to |x| = 2, and above it the
 * continued fraction of E1(ix) = -Ci(x) + i(Si(x) - π/2), evaluated in complex arithmetic written
 * out on (real, imaginary) pairs.
 */
final class SineCosine {
    private SineCosine() {}

    private static final double EULER_GAMMA = 0.5772156649015329, SPLIT = 2;
    private static final int SERIES = 20, FRACTION = 100;

    static Special.SiCi sici(Array x) {
        var out = Terms.bindAll(SICI, inexact(x));
        return new Special.SiCi(out.get(0), out.get(1));
    }

    /** Si' = sin x / x (1 at 0), Ci' = cos x / x. */
    private static final CustomRules.Jvp SICI = new CustomRules.Jvp(in -> values(in.head()), (p, t) -> {
        Array x = p.head();
        Array zero = Lax.eq(x, c(x, 0)), xs = guard(Lax.not(zero), x, 1);
        Array dsi = Lax.select(zero, c(x, 1), Lax.div(Lax.sin(xs), xs)), dci = Lax.div(Lax.cos(x), x);
        var out = sici(x);
        return new CustomRules.PrimalsTangents(Vector.of(out.si(), out.ci()), Vector.of(Lax.mul(t.head(), dsi), Lax.mul(t.head(), dci)));
    });

    private static Vector<Array> values(Array x) {
        Array ax = Lax.abs(x);
        Array near = Lax.le(ax, c(ax, SPLIT));
        Array xn = guard(near, ax, 1), xf = guard(Lax.not(near), ax, 2 * SPLIT);
        // Si = sum (-1)^k x^(2k+1) / ((2k+1)(2k+1)!),  Ci = γ + ln x + sum_{k>=1} (-1)^k x^(2k) / (2k (2k)!)
        Array x2 = Lax.mul(xn, xn), term = xn, si = xn, ciTerm = c(xn, 1), ci = c(xn, 0);
        for (int k = 1; k <= SERIES; k++) {
            ciTerm = Lax.mul(ciTerm, mul(x2, -1.0 / ((2.0 * k - 1) * (2 * k))));
            ci = Lax.add(ci, mul(ciTerm, 1.0 / (2 * k)));
            term = Lax.mul(term, mul(x2, -1.0 / ((2.0 * k) * (2 * k + 1))));
            si = Lax.add(si, mul(term, 1.0 / (2 * k + 1)));
        }
        ci = Lax.add(ci, add(Lax.log(xn), EULER_GAMMA));
        // h = 1 / (b0 - 1²/(b1 - 2²/(b2 - …))), b_i = 2i + 1 + ix; then e^-ix h = -Ci + i (Si - π/2).
        Array re = add(c(xf, 0), 2 * FRACTION + 1), im = xf;
        for (int i = FRACTION; i >= 1; i--) {
            Array den = Lax.add(Lax.mul(re, re), Lax.mul(im, im));
            double a = (double) i * i;
            // b_{i-1} - a / (re + i im) = b_{i-1} - a (re - i im) / |.|²
            Array nre = Lax.sub(c(re, 2 * i - 1), Lax.div(mul(re, a), den));
            Array nim = Lax.add(xf, Lax.div(mul(im, a), den));
            re = nre;
            im = nim;
        }
        Array den = Lax.add(Lax.mul(re, re), Lax.mul(im, im));
        Array hre = Lax.div(re, den), him = Lax.neg(Lax.div(im, den));
        Array cos = Lax.cos(xf), sin = Lax.sin(xf);
        // (cos x - i sin x)(hre + i him)
        Array pre = Lax.add(Lax.mul(cos, hre), Lax.mul(sin, him)), pim = Lax.sub(Lax.mul(cos, him), Lax.mul(sin, hre));
        Array siFar = add(pim, Math.PI / 2), ciFar = Lax.neg(pre);
        Array siAbs = Lax.select(near, si, siFar), ciAbs = Lax.select(near, ci, ciFar);
        Array zero = Lax.eq(x, c(x, 0));
        Array siOut = Lax.mul(Lax.sign(x), siAbs);
        Array ciOut = Lax.select(zero, c(x, Double.NEGATIVE_INFINITY), ciAbs);
        return Vector.of(siOut, ciOut);
    }
}
