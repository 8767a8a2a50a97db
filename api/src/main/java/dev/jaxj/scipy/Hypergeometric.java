package dev.jaxj.scipy;

import dev.jaxj.array.Array;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;

import static dev.jaxj.scipy.Terms.*;

/**
 * Kummer's confluent hypergeometric function 1F1(a; b; x) = Σ (a)_k / (b)_k x^k / k!, summed
 * for {@code x >= 0} and through Kummer's transformation 1F1(a; b; x) = e^x 1F1(b - a; b; -x)
 * for {@code x < 0}, so that the series has no alternating signs when {@code 0 < a < b}. The
 * fixed length reaches f64 accuracy for |x| up to about 60.
 */
final class Hypergeometric {
    private Hypergeometric() {}

    private static final int TERMS = 300;

    static Array hyp1f1(Array a, Array b, Array x) {
        Vector<Array> p = inexact("hyp1f1", a, b, x);
        Array a0 = p.get(0), b0 = p.get(1), x0 = p.get(2);
        Array negative = Lax.lt(x0, c(x0, 0));
        Array aa = Lax.select(negative, Lax.sub(b0, a0), a0), xx = Lax.abs(x0);
        Array term = c(xx, 1), sum = term;
        for (int k = 1; k <= TERMS; k++) {
            term = Lax.mul(term, Lax.div(Lax.mul(add(aa, k - 1), xx), mul(add(b0, k - 1), k)));
            sum = Lax.add(sum, term);
        }
        Array r = Lax.select(negative, Lax.mul(Lax.exp(x0), sum), sum);
        // b a non-positive integer is a pole of every term past -b.
        Array pole = Lax.and(Lax.le(b0, c(b0, 0)), Lax.eq(Lax.floor(b0), b0));
        return Lax.select(pole, c(r, Double.NaN), r);
    }
}
