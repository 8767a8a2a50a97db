package dev.jaxj.scipy;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;
import dev.jaxj.nn.Activations;
import dev.jaxj.numpy.Reductions;

/**
 * The special functions of {@code jax.scipy.special}. Arguments are promoted as JAX's
 * {@code promote_args_inexact} does (integers and bools compute in f32, a weak type stays weak)
 * and broadcast; the result has the broadcast shape and the promoted dtype. Values follow SciPy
 * at the edges of each domain (NaN outside it, infinities at poles). Each function differentiates
 * in its real arguments (expn not in its order {@code n}), batches under {@code vmap} and compiles under {@code jit}.
 * {@snippet :
 * Array lp = Special.logNdtr(x);                     // log Φ(x), finite down to x = -1e150
 * Array p = Special.gammainc(Jnp.scalar(2.5, DType.F64), x); // regularized lower incomplete gamma
 * Array h = Special.entr(probs).sum();               // entropy of a distribution
 * }
 * Accuracy in f64, measured against SciPy (Ei against 50-digit mpmath) on the test grids: at
 * most a few ulp for the functions built directly on primitives; relative 1e-14 for the series
 * and continued fractions (i0e, i1e, exp1, expi, expn, sici, fresnel, spence, erfcx, ndtri,
 * log_ndtr) and 1e-13 where an exponential of a large argument or a cancellation enters (gamma,
 * beta, poch, i0, i1, zeta, polygamma, hyp1f1); relative 1e-12 for gammainc, gammaincc and
 * betainc with parameters up to a few hundred (the prefactor {@code exp(a log x - x - lgamma(a))}
 * loses a few ulp per unit of its exponent's terms).
 */
public final class Special {
    private Special() {}

    // Logarithms, entropies, logistic ---------------------------------------------------------

    /** {@return {@code x * log(y)}, 0 where {@code x = 0}}; derivatives {@code log y} and {@code x / y} */
    public static Array xlogy(Array x, Array y) { return Entropy.xlogy(x, y); }

    /** {@return {@code x * log1p(y)}, 0 where {@code x = 0}}; derivatives {@code log1p y} and {@code x / (1 + y)} */
    public static Array xlog1py(Array x, Array y) { return Entropy.xlog1py(x, y); }

    /** {@return {@code -x log x}} for {@code x > 0}, 0 at 0, {@code -inf} below */
    public static Array entr(Array x) { return Entropy.entr(x); }

    /** {@return {@code p log(p/q) - p + q}} for {@code p, q > 0}; {@code q} where {@code p = 0, q >= 0}; {@code inf} elsewhere */
    public static Array klDiv(Array p, Array q) { return Entropy.klDiv(p, q); }

    /** {@return {@code p log(p/q)}} for {@code p, q > 0}; 0 where {@code p = 0, q >= 0}; {@code inf} elsewhere */
    public static Array relEntr(Array p, Array q) { return Entropy.relEntr(p, q); }

    /** {@return {@code log(x / (1 - x))}}, the inverse of {@link #expit} */
    public static Array logit(Array x) { return Entropy.logit(x); }

    /** {@return {@code 1 / (1 + exp(-x))}} */
    public static Array expit(Array x) { return Lax.logistic(Terms.inexact(x)); }

    /** {@return {@code log(sum(exp(x)))} over the axes (every axis when none)}, stable for large inputs */
    public static Array logsumexp(Array x, int... axes) { return Reductions.logsumexp(x, false, axes); }

    /** {@return {@link #logsumexp(Array, int...)} keeping the reduced axes as size 1 when {@code keepdims}} */
    public static Array logsumexp(Array x, boolean keepdims, int... axes) { return Reductions.logsumexp(x, keepdims, axes); }

    /** {@return {@code exp(x) / sum(exp(x))} over the axes} (every axis when none, as SciPy's {@code axis=None}) */
    public static Array softmax(Array x, int... axes) { return Activations.softmax(x, axes.length == 0 ? allAxes(x) : axes); }

    /** {@return {@code x - logsumexp(x)} over the axes} (every axis when none) */
    public static Array logSoftmax(Array x, int... axes) { return Activations.logSoftmax(x, axes.length == 0 ? allAxes(x) : axes); }

    private static int[] allAxes(Array x) { return java.util.stream.IntStream.range(0, x.ndim()).toArray(); }

    // The error function and the normal distribution ------------------------------------------

    public static Array erf(Array x) { return Lax.erf(Terms.inexact(x)); }

    public static Array erfc(Array x) { return Lax.erfc(Terms.inexact(x)); }

    /** {@return the inverse of {@link #erf}} on {@code (-1, 1)}, {@code ±inf} at {@code ±1} */
    public static Array erfinv(Array x) { return Lax.erfInv(Terms.inexact(x)); }

    /** {@return {@code exp(x²) erfc(x)}}, without overflow for large {@code x} (where it tends to {@code 1/(x sqrt(pi))}) */
    public static Array erfcx(Array x) { return Normal.erfcx(x); }

    /** {@return Φ(x)}, the standard normal distribution function */
    public static Array ndtr(Array x) { return Normal.ndtr(x); }

    /** {@return Φ⁻¹(p)}; {@code -inf} at 0, {@code inf} at 1, NaN outside {@code [0, 1]}; accurate in both tails */
    public static Array ndtri(Array p) { return Normal.ndtri(p); }

    /** {@return log Φ(x)}, finite however negative {@code x} is; derivative {@code φ(x)/Φ(x)} */
    public static Array logNdtr(Array x) { return Normal.logNdtr(x); }

    // Gamma, beta and relatives ----------------------------------------------------------------

    /** {@return Γ(x)}: {@code gammasgn(x) * exp(gammaln(x))}, so ±inf at ±0 and NaN at the negative integers, as in JAX */
    public static Array gamma(Array x) { return Gammas.gamma(x); }

    /** {@return log|Γ(x)|} */
    public static Array gammaln(Array x) { return Gammas.gammaln(x); }

    /** {@return the sign of Γ(x)} as ±1 (±1 at ±0); NaN at the negative integers, {@code -inf} and NaN */
    public static Array gammasgn(Array x) { return Gammas.gammasgn(x); }

    /** {@return the principal branch of log Γ(x)} for real {@code x >= 0}; NaN below, as SciPy's real loggamma */
    public static Array loggamma(Array x) { return Gammas.loggamma(x); }

    /** {@return ψ(x) = Γ'(x)/Γ(x)} */
    public static Array digamma(Array x) { return Lax.digamma(Terms.inexact(x)); }

    /** {@return ψ^(n)(x)}, the n-th derivative of digamma; {@code n} a non-negative whole number (NaN otherwise), {@code x > 0} for {@code n >= 1} */
    public static Array polygamma(Array n, Array x) { return Gammas.polygamma(n, x); }

    /** {@return the Hurwitz zeta function Σ_k (q + k)^-x}, for {@code x > 1, q > 0}; {@code inf} at {@code x = 1}, NaN elsewhere */
    public static Array zeta(Array x, Array q) { return Gammas.zeta(x, q); }

    /** {@return the Riemann zeta function} ζ(x) = {@link #zeta(Array, Array) zeta(x, 1)} */
    public static Array zeta(Array x) { return Gammas.zeta(x, Array.scalar(1.0)); }

    /** {@return B(a, b) = Γ(a)Γ(b)/Γ(a+b)} */
    public static Array beta(Array a, Array b) { return Gammas.beta(a, b); }

    /** {@return log|B(a, b)|} */
    public static Array betaln(Array a, Array b) { return Gammas.betaln(a, b); }

    /** {@return the rising factorial (z)_m = Γ(z + m)/Γ(z)}, 1 where {@code m = 0} */
    public static Array poch(Array z, Array m) { return Gammas.poch(z, m); }

    /**
     * {@return the log of the multivariate gamma function of dimension {@code d}}:
     * {@code d(d-1)/4 log π + Σ_{j<d} gammaln(a - j/2)}
     * @throws dev.jaxj.errors.ArgumentError when {@code d < 1}
     */
    public static Array multigammaln(Array a, int d) { return Gammas.multigammaln(a, d); }

    /** {@return Γ(n + 1)} in floating point, 0 for {@code n < 0} (SciPy's {@code exact=False}) */
    public static Array factorial(Array n) { return Gammas.factorial(n); }

    /** {@link #comb(Array, Array, boolean)} without repetition. */
    public static Array comb(Array n, Array k) { return Gammas.comb(n, k, false); }

    /** {@return the number of ways to choose {@code k} of {@code n}} (with {@code repetition}: {@code comb(n + k - 1, k)}), from log-gammas; 0 where {@code k < 0}, {@code k > n} or {@code n < 0} */
    public static Array comb(Array n, Array k, boolean repetition) { return Gammas.comb(n, k, repetition); }

    /** {@link #bernoulli(int, DType)} as f32. */
    public static Array bernoulli(int n) { return Gammas.bernoulli(n, DType.F32); }

    /**
     * {@return the Bernoulli numbers B_0 … B_n}: {@code [n + 1]} values of {@code dtype}, with
     * {@code B_1 = -1/2} as SciPy; computed as exact fractions and rounded once
     * @throws dev.jaxj.errors.ArgumentError when {@code n < 0}
     */
    public static Array bernoulli(int n, DType dtype) { return Gammas.bernoulli(n, dtype); }

    // Incomplete gamma and beta ----------------------------------------------------------------

    /** {@return P(a, x) = γ(a, x)/Γ(a)}, the regularized lower incomplete gamma function; {@code a > 0}, {@code x >= 0} (NaN elsewhere) */
    public static Array gammainc(Array a, Array x) { return Incomplete.gammainc(a, x); }

    /** {@return Q(a, x) = 1 - P(a, x)}, computed directly where it is small */
    public static Array gammaincc(Array a, Array x) { return Incomplete.gammaincc(a, x); }

    /** {@return I_x(a, b)}, the regularized incomplete beta function; {@code a, b > 0}, {@code 0 <= x <= 1} (NaN elsewhere) */
    public static Array betainc(Array a, Array b, Array x) { return Incomplete.betainc(a, b, x); }

    // Bessel functions ------------------------------------------------------------------------

    /** {@return I_0(x)}, the modified Bessel function of the first kind of order 0 */
    public static Array i0(Array x) { return Bessel.i0(x); }

    /** {@return exp(-|x|) I_0(x)}, finite for every {@code x} */
    public static Array i0e(Array x) { return Bessel.i0e(x); }

    /** {@return I_1(x)} */
    public static Array i1(Array x) { return Bessel.i1(x); }

    /** {@return exp(-|x|) I_1(x)} */
    public static Array i1e(Array x) { return Bessel.i1e(x); }

    /**
     * {@return J_0(z) … J_v(z)}, Bessel functions of the first kind, stacked: shape {@code [v + 1, *z.shape]}
     * ({@code [n_iter + 1, …]} when {@code v > n_iter}), of {@code z}'s promoted dtype. As JAX's
     * {@code bessel_jn}, by Miller's backward recurrence from order {@code n_iter + 1}: accurate while
     * {@code n_iter} comfortably exceeds |z| (with the default 50, to about 1e-15 for |z| up to 20);
     * NaN at {@code z = 0}. In f32 the recurrence's growth overflows for |z| below about 4 and the result
     * is NaN there, as JAX's is: use f64. Differentiable in {@code z} through the recurrence.
     * {@snippet :
     * Array j = Special.besselJn(Jnp.array(new float[] {1, 2.5f}), 2); // f32[3,2]: rows J_0, J_1, J_2
     * }
     * @throws dev.jaxj.errors.DTypeError when {@code z} is complex
     * @throws dev.jaxj.errors.ArgumentError when {@code v < 0} or {@code nIter < 0}
     */
    public static Array besselJn(Array z, int v, int nIter) { return BesselJ.besselJn(z, v, nIter); }

    /** {@link #besselJn(Array, int, int)} with JAX's default {@code n_iter = 50}. */
    public static Array besselJn(Array z, int v) { return BesselJ.besselJn(z, v, 50); }

    // Exponential integrals and the dilogarithm -------------------------------------------------

    /** {@return E1(x) = ∫_x^∞ e^-t / t dt} for {@code x > 0}; {@code inf} at 0, NaN below */
    public static Array exp1(Array x) { return ExpIntegrals.exp1(x); }

    /** {@return Ei(x) = -PV ∫_-x^∞ e^-t / t dt}; {@code -inf} at 0 */
    public static Array expi(Array x) { return ExpIntegrals.expi(x); }

    /** {@return Spence's function ∫_1^z ln t / (1 - t) dt = Li2(1 - z)} for {@code z >= 0} (SciPy's convention), NaN below */
    public static Array spence(Array z) { return ExpIntegrals.spence(z); }

    /** {@return E_n(x) = ∫_1^∞ e^(-xt) / t^n dt} for whole {@code n >= 0} and {@code x >= 0} ({@code 1/(n-1)} at {@code x = 0} for {@code n > 1}, inf for {@code n <= 1}); NaN for a negative or fractional {@code n} or a negative {@code x}. Derivative in {@code x}: {@code -E_(n-1)(x)}; none in {@code n}. */
    public static Array expn(Array n, Array x) { return ExpIntegrals.expn(n, x); }

    /**
     * The sine and cosine integrals, as {@code jax.scipy.special.sici} returns them.
     *
     * @param si Si(x) = ∫_0^x sin t / t dt
     * @param ci Ci(x) = γ + ln|x| + ∫_0^|x| (cos t - 1) / t dt; {@code -inf} at 0
     */
    public record SiCi(Array si, Array ci) {}

    /** {@return Si(x) and Ci(x)}, each of {@code x}'s shape; for {@code x < 0}, Ci is the real part {@code Ci(|x|)} as in SciPy */
    public static SiCi sici(Array x) { return SineCosine.sici(x); }

    /**
     * The Fresnel integrals, as {@code jax.scipy.special.fresnel} returns them (S first).
     *
     * @param s S(x) = ∫_0^x sin(πt²/2) dt
     * @param c C(x) = ∫_0^x cos(πt²/2) dt
     */
    public record FresnelSC(Array s, Array c) {}

    /** {@return S(x) and C(x)}, each of {@code x}'s shape; odd in {@code x}, tending to ±1/2 */
    public static FresnelSC fresnel(Array x) { return Fresnel.fresnel(x); }

    /**
     * {@return the Faddeeva function w(z) = exp(-z²) erfc(-iz)}, complex of {@code z}'s precision (a real or
     * integer {@code z} is taken as complex: f32 and integers give c64, f64 gives c128). Relative accuracy
     * about 1e-15 in c128 in the upper half-plane; below it, through {@code w(z) = 2 exp(-z²) - w(-z)},
     * which overflows to infinity where {@code exp(-z²)} does, as SciPy's. Derivative {@code -2z w(z) + 2i/√π}.
     * {@snippet :
     * Array w = Special.wofz(Jnp.scalar(1.0f)); // e^-1 + 0.60716i: exp(-x²) + 2i/√π D(x) on the real line
     * }
     */
    public static Array wofz(Array z) { return Wofz.wofz(z); }

    /**
     * {@return the spherical harmonic Y_n^m(θ, φ) = sqrt((2n+1)/(4π) (n-m)!/(n+m)!) P_n^m(cos θ) e^(imφ)}, with the
     * Condon-Shortley phase, as SciPy's and JAX's {@code sph_harm_y(n, m, theta, phi)}: {@code theta} the polar
     * angle in [0, π], {@code phi} the azimuth. {@code n >= 0} and {@code m} are integer arrays, {@code |m| <= n}
     * (other values give undefined results, as in JAX); all four broadcast. The result is complex (c64 from f32
     * angles, c128 from f64). The largest degree is read from {@code n}, which must therefore be concrete (not
     * traced); under {@code jit} or {@code vmap} pass it with {@link #sphHarmY(Array, Array, Array, Array, int, int)}.
     * Differentiable in {@code theta} and {@code phi}.
     * {@snippet :
     * Array y = Special.sphHarmY(Jnp.array(new int[] {1}), Jnp.array(new int[] {1}), theta, phi); // -½√(3/2π) sin θ e^{iφ}
     * }
     * @throws dev.jaxj.errors.DTypeError when {@code n} or {@code m} is not an integer array
     * @throws dev.jaxj.errors.ConcretizationError when {@code n} is traced
     */
    public static Array sphHarmY(Array n, Array m, Array theta, Array phi) {
        return SphHarm.sphHarmY(n, m, theta, phi, 0, SphHarm.maxDegree(n));
    }

    /**
     * {@link #sphHarmY(Array, Array, Array, Array)} with JAX's extra {@code n_max}, the largest degree: degrees
     * above it are clipped to it, as JAX's table lookup does. {@code diffN} must be 0: JAX does not support
     * SciPy's derivative outputs.
     * @throws dev.jaxj.errors.ArgumentError when {@code diffN != 0} or {@code nMax < 0}
     * @throws dev.jaxj.errors.DTypeError when {@code n} or {@code m} is not an integer array
     */
    public static Array sphHarmY(Array n, Array m, Array theta, Array phi, int diffN, int nMax) {
        return SphHarm.sphHarmY(n, m, theta, phi, diffN, nMax);
    }

    /**
     * {@return Owen's T function T(h, a) = 1/(2π) ∫_0^a exp(-h²(1 + x²)/2) / (1 + x²) dx}, the
     * probability of {@code X > h, 0 < Y < aX} for independent standard normals; broadcast and
     * promoted as the other functions here. Even in {@code h}, odd in {@code a}. Derivatives
     * {@code -φ(h) erf(ah/√2)/2} in {@code h} and {@code exp(-h²(1 + a²)/2) / (2π(1 + a²))} in {@code a}.
     * {@snippet :
     * Array t = Special.owensT(Jnp.scalar(0.78f), Jnp.scalar(3.5f)); // 0.10877…
     * }
     */
    public static Array owensT(Array h, Array a) { return OwensT.owensT(h, a); }

    /**
     * {@return Kummer's confluent hypergeometric function 1F1(a; b; x)}, by its series (after
     * Kummer's transformation for {@code x < 0}); accurate to f64 for |x| up to about 60 and
     * moderate {@code a, b}; NaN where {@code b} is 0 or a negative integer
     */
    public static Array hyp1f1(Array a, Array b, Array x) { return Hypergeometric.hyp1f1(a, b, x); }

    /**
     * {@return Gauss's hypergeometric function 2F1(a, b; c; x) = Σ (a)_k (b)_k / ((c)_k k!) x^k}, for real
     * arguments (JAX's real version), broadcast and promoted as the other functions here. Defined for
     * {@code x < 1} through Pfaff's transformation and the connection formula at 1 (with its digamma limit where
     * {@code c - a - b} is a whole number, up to 40); at {@code x = 1} Gauss's sum when {@code c - a - b > 0},
     * else {@code inf}; NaN for {@code x > 1}, except for polynomials (a or b a non-positive integer, degree up
     * to 149), summed for every {@code x}; {@code inf} where {@code c} is a non-positive integer the series
     * reaches; 1 where {@code a}, {@code b} or {@code x} is 0. Relative accuracy about 1e-13 in f64 for moderate
     * parameters. Derivative in {@code x}: {@code ab/c 2F1(a+1, b+1; c+1; x)}; as JAX's, none in {@code a, b, c}
     * (their gradients are zero).
     * {@snippet :
     * Array f = Special.hyp2f1(Jnp.scalar(1f), Jnp.scalar(1f), Jnp.scalar(2f), Jnp.scalar(0.5f)); // -ln(1 - x)/x = 1.3863
     * }
     */
    public static Array hyp2f1(Array a, Array b, Array c, Array x) { return Hyp2f1.hyp2f1(a, b, c, x); }
}
