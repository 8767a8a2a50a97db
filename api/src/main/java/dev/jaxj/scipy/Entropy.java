package dev.jaxj.scipy;

import dev.jaxj.array.Array;
import dev.jaxj.core.CustomRules;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;

import static dev.jaxj.scipy.Terms.*;

/** Logarithms weighted by their argument, and the entropies and divergences built from them. */
final class Entropy {
    private Entropy() {}

    static Array xlogy(Array x, Array y) { return Terms.call(XLOGY, inexact("xlogy", x, y).toJavaArray(Array[]::new)); }

    static Array xlog1py(Array x, Array y) { return Terms.call(XLOG1PY, inexact("xlog1py", x, y).toJavaArray(Array[]::new)); }

    /** 0 where x = 0 (whatever y), else x log y; as in JAX, the derivatives are log y and x / y, also at x = 0. */
    private static final CustomRules.Jvp XLOGY = weightedLog(Lax::log, y -> y, Entropy::xlogy);

    private static final CustomRules.Jvp XLOG1PY = weightedLog(Lax::log1p, y -> add(y, 1), Entropy::xlog1py);

    private static CustomRules.Jvp weightedLog(java.util.function.UnaryOperator<Array> log, java.util.function.UnaryOperator<Array> arg,
                                               java.util.function.BinaryOperator<Array> self) {
        return new CustomRules.Jvp(
                in -> {
                    Array x = in.get(0), y = in.get(1);
                    return Vector.of(Lax.select(Lax.eq(x, c(x, 0)), c(x, 0), Lax.mul(x, log.apply(y))));
                },
                (p, t) -> {
                    Array x = p.get(0), y = p.get(1);
                    Array tangent = Lax.add(Lax.mul(t.get(0), log.apply(y)), Lax.mul(t.get(1), Lax.div(x, arg.apply(y))));
                    return new CustomRules.PrimalsTangents(Vector.of(self.apply(x, y)), Vector.of(tangent));
                });
    }

    /** -x log x for x > 0, 0 at 0, -inf below; as in JAX, the derivative -(log x + 1) also at 0 (where it is +inf). */
    static Array entr(Array x) { return call(ENTR, inexact(x)); }

    private static final CustomRules.Jvp ENTR = unary(Entropy::entrValue, (x, y) -> {
        Array slope = Lax.neg(add(Lax.log(guard(Lax.ge(x, c(x, 0)), x, 1)), 1));
        return Lax.select(Lax.lt(x, c(x, 0)), c(x, 0), slope);
    });

    private static Array entrValue(Array y) {
        Array pos = Lax.gt(y, c(y, 0)), ys = guard(pos, y, 1);
        Array v = Lax.neg(Lax.mul(ys, Lax.log(ys)));
        return Lax.select(pos, v, Lax.select(Lax.eq(y, c(y, 0)), c(y, 0), c(y, Double.NEGATIVE_INFINITY)));
    }

    /** p log(p/q) for p, q > 0; 0 for p = 0 and q >= 0; inf elsewhere. */
    static Array relEntr(Array p, Array q) {
        Vector<Array> a = inexact("rel_entr", p, q);
        return divergence(a.get(0), a.get(1), false);
    }

    /** p log(p/q) - p + q for p, q > 0; q for p = 0 and q >= 0; inf elsewhere. */
    static Array klDiv(Array p, Array q) {
        Vector<Array> a = inexact("kl_div", p, q);
        return divergence(a.get(0), a.get(1), true);
    }

    private static Array divergence(Array p, Array q, boolean kl) {
        Array both = Lax.and(Lax.gt(p, c(p, 0)), Lax.gt(q, c(q, 0)));
        Array zeroP = Lax.and(Lax.eq(p, c(p, 0)), Lax.ge(q, c(q, 0)));
        Array ps = guard(both, p, 1), qs = guard(both, q, 1);
        Array v = Lax.mul(ps, Lax.log(Lax.div(ps, qs)));
        if (kl) v = Lax.add(Lax.sub(v, ps), qs);
        Array atZero = kl ? q : c(q, 0);
        return Lax.select(both, v, Lax.select(zeroP, atZero, c(p, Double.POSITIVE_INFINITY)));
    }

    /** log(x / (1 - x)). */
    static Array logit(Array x) {
        Array y = inexact(x);
        return Lax.log(Lax.div(y, Lax.sub(c(y, 1), y)));
    }
}
