package dev.jaxj.scipy;

import dev.jaxj.array.Array;
import dev.jaxj.core.CustomRules;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;

import static dev.jaxj.scipy.Terms.*;

/**
 * The Fresnel integrals S(x) = ∫_0^x sin(πt²/2) dt and C(x) = ∫_0^x cos(πt²/2) dt: power series
 * up to |x| = 1.5, and above it the continued fraction of erfc along the diagonal, in complex
 * arithmetic written out on (real, imaginary) pairs.
 */
final class Fresnel {
    private Fresnel() {}

    private static final double SPLIT = 1.5;
    private static final int SERIES = 30, FRACTION = 100;

    static Special.FresnelSC fresnel(Array x) {
        var out = bindAll(FRESNEL, inexact(x));
        return new Special.FresnelSC(out.get(0), out.get(1));
    }

    /** S' = sin(πx²/2), C' = cos(πx²/2). */
    private static final CustomRules.Jvp FRESNEL = new CustomRules.Jvp(in -> values(in.head()), (p, t) -> {
        Array x = p.head(), arg = mul(Lax.mul(x, x), Math.PI / 2);
        var out = fresnel(x);
        return new CustomRules.PrimalsTangents(Vector.of(out.s(), out.c()),
                Vector.of(Lax.mul(t.head(), Lax.sin(arg)), Lax.mul(t.head(), Lax.cos(arg))));
    });

    private static Vector<Array> values(Array x) {
        Array ax = Lax.abs(x);
        Array near = Lax.le(ax, c(ax, SPLIT));
        Array xn = guard(near, ax, 1), xf = guard(Lax.not(near), ax, 2 * SPLIT);
        // C = Σ (-1)^k (π/2)^2k x^(4k+1) / ((4k+1)(2k)!),  S = Σ (-1)^k (π/2)^(2k+1) x^(4k+3) / ((4k+3)(2k+1)!)
        Array u = mul(Lax.mul(xn, xn), Math.PI / 2);
        Array term = xn, cSum = c(xn, 0), sSum = c(xn, 0);
        for (int j = 0; j < 2 * SERIES; j++) {
            // term = u^j x / j!, with the sign of (-1)^(j/2)
            if (j % 2 == 0) cSum = Lax.add(cSum, mul(term, 1.0 / (2 * j + 1)));
            else sSum = Lax.add(sSum, mul(term, 1.0 / (2 * j + 1)));
            term = Lax.mul(term, mul(u, (j % 2 == 0 ? 1.0 : -1.0) / (j + 1)));
        }
        // h = 1/(b0 + a1/(b1 + a2/(b2 + …))), b_k = 1 + 4k - iπx², a_k = -(2k-1)(2k); then
        // C + iS = (1+i)/2 (1 - e^(iπx²/2) (x - ix) h).
        Array pix2 = mul(Lax.mul(xf, xf), Math.PI);
        Array re = c(xf, 1 + 4.0 * FRACTION), im = Lax.neg(pix2);
        for (int k = FRACTION; k >= 1; k--) {
            Array den = Lax.add(Lax.mul(re, re), Lax.mul(im, im));
            double a = -(2.0 * k - 1) * (2 * k);
            // b_{k-1} + a / (re + i im) = b_{k-1} + a (re - i im) / |.|²
            Array nre = Lax.add(c(re, 1 + 4.0 * (k - 1)), Lax.div(mul(re, a), den));
            Array nim = Lax.sub(Lax.neg(pix2), Lax.div(mul(im, a), den));
            re = nre;
            im = nim;
        }
        Array den = Lax.add(Lax.mul(re, re), Lax.mul(im, im));
        Array hre = Lax.div(re, den), him = Lax.neg(Lax.div(im, den));
        // (x - ix) h
        Array gre = Lax.mul(xf, Lax.add(hre, him)), gim = Lax.mul(xf, Lax.sub(him, hre));
        Array half = mul(pix2, 0.5), cos = Lax.cos(half), sin = Lax.sin(half);
        // w = 1 - e^(iθ) g
        Array wre = Lax.sub(c(xf, 1), Lax.sub(Lax.mul(cos, gre), Lax.mul(sin, gim)));
        Array wim = Lax.neg(Lax.add(Lax.mul(cos, gim), Lax.mul(sin, gre)));
        // (1+i)/2 w
        Array cFar = mul(Lax.sub(wre, wim), 0.5), sFar = mul(Lax.add(wre, wim), 0.5);
        Array sign = Lax.sign(x);
        return Vector.of(Lax.mul(sign, Lax.select(near, sSum, sFar)), Lax.mul(sign, Lax.select(near, cSum, cFar)));
    }
}
