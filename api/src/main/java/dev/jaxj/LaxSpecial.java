package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.JaxjException;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import dev.jaxj.scipy.Special;

/**
 * {@code jax.lax}'s special functions, with {@code lax}'s strictness (operands of one shape and
 * one floating dtype, no promotion). They share {@link Special}'s implementations, which live
 * in this module, and so sit beside {@link Lax} rather than in it.
 * {@snippet :
 * Array p = LaxSpecial.igamma(a, x);   // f32[3], f32[3] -> f32[3]: the regularized lower incomplete gamma P(a, x)
 * }
 */
public final class LaxSpecial {
    private LaxSpecial() {}

    /** The regularized lower incomplete gamma function {@code P(a, x)}. */
    public static Array igamma(Array a, Array x) { return Special.gammainc(strict("igamma", a, x), x); }

    /** The regularized upper incomplete gamma function {@code Q(a, x) = 1 - P(a, x)}. */
    public static Array igammac(Array a, Array x) { return Special.gammaincc(strict("igammac", a, x), x); }

    /** {@code dP(a, x) / da}, the derivative of {@link #igamma} in its first argument. */
    public static Array igammaGradA(Array a, Array x) {
        strict("igamma_grad_a", a, x);
        return Jax.jvp((Array v) -> Special.gammainc(v, x), a, Lax.fullLike(a, 1)).tangent();
    }

    /**
     * {@code dx/da} for a sample {@code x} of Gamma({@code a}, 1) held at a fixed quantile:
     * {@code -(dP/da) / (dP/dx)}, the implicit reparameterization that JAX's gamma sampler differentiates with.
     */
    public static Array randomGammaGrad(Array a, Array x) {
        strict("random_gamma_grad", a, x);
        Array density = Lax.exp(Lax.sub(Lax.sub(Lax.mul(Lax.sub(a, Lax.fullLike(a, 1)), Lax.log(x)), x), Lax.lgamma(a)));
        return Lax.neg(Lax.div(igammaGradA(a, x), density));
    }

    /** The regularized incomplete beta function {@code I_x(a, b)}. */
    public static Array betainc(Array a, Array b, Array x) {
        strict("betainc", a, b);
        strict("betainc", a, x);
        return Special.betainc(a, b, x);
    }

    /** The polygamma function {@code ψ⁽ᵐ⁾(x)} for integer-valued {@code m} given as floats of {@code x}'s dtype. */
    public static Array polygamma(Array m, Array x) { return Special.polygamma(strict("polygamma", m, x), x); }

    /** The Hurwitz zeta function {@code ζ(x, q) = Σ 1/(n + q)^x}. */
    public static Array zeta(Array x, Array q) { return Special.zeta(strict("zeta", x, q), q); }

    /** {@code exp(-|x|) I₀(x)}, the exponentially scaled modified Bessel function of order 0. */
    public static Array besselI0e(Array x) { return Special.i0e(floating("bessel_i0e", x)); }

    /** {@code exp(-|x|) I₁(x)}, the exponentially scaled modified Bessel function of order 1. */
    public static Array besselI1e(Array x) { return Special.i1e(floating("bessel_i1e", x)); }

    private static Array strict(String op, Array a, Array b) {
        floating(op, a);
        if (!a.shape().equals(b.shape()) || a.dtype() != b.dtype()) {
            throw new ShapeError(op, "operands must have one shape and dtype, got " + JaxjException.avals(a.aval(), b.aval()));
        }
        return a;
    }

    private static Array floating(String op, Array x) {
        ShapedArray v = x.aval();
        if (!v.dtype().isFloating()) throw new DTypeError(op, "needs floating operands, got " + v);
        return x;
    }
}
