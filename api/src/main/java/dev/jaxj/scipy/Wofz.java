package dev.jaxj.scipy;

import dev.jaxj.array.Array;
import dev.jaxj.core.CustomRules;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;

import static dev.jaxj.scipy.Terms.*;

/**
 * The Faddeeva function w(z) = exp(-z²) erfc(-iz) by Weideman's rational approximation (SIAM J.
 * Numer. Anal. 31, 1994): in the upper half-plane w(z) = 2 p(Z)/(L - iz)² + π^(-1/2)/(L - iz) with
 * Z = (L + iz)/(L - iz) and p the degree-{@value #N} polynomial whose coefficients are the Fourier
 * coefficients of exp(-t²)(L² + t²) on the mapped circle; below the real axis by the reflection
 * w(z) = 2 exp(-z²) - w(-z), which overflows, as SciPy's does, where exp(-z²) does.
 * Computed on real and imaginary parts, so that every step is a real primitive.
 */
final class Wofz {
    private Wofz() {}

    /** N = 40 reaches f64 rounding (about 5e-16 relative against a 90-digit Taylor sum); 32 stops near 3e-13. */
    private static final int N = 40;
    private static final double L = Math.sqrt(N / Math.sqrt(2)), INV_SQRT_PI = 1 / Math.sqrt(Math.PI);
    /** p's coefficients, highest degree first (Horner's order). */
    private static final double[] COEFFS = coefficients();

    private static double[] coefficients() {
        int m = 2 * N, size = 2 * m;
        // f on the equispaced angles θ_k = kπ/M, k = -M+1 … M-1, with a 0 in front, then fftshift'ed.
        double[] f = new double[size];
        for (int k = -m + 1; k <= m - 1; k++) {
            double t = L * Math.tan(k * Math.PI / m / 2);
            f[k + m] = Math.exp(-t * t) * (L * L + t * t);
        }
        double[] shifted = new double[size];
        for (int i = 0; i < size; i++) shifted[i] = f[(i + size / 2) % size];
        double[] a = new double[N];
        for (int j = 1; j <= N; j++) {
            double s = 0;
            for (int n = 0; n < size; n++) s += shifted[n] * Math.cos(2 * Math.PI * ((long) j * n % size) / size);
            a[N - j] = s / size;
        }
        return a;
    }

    /** A complex value as its real and imaginary parts. */
    private record Cx(Array re, Array im) {
        Cx plus(Cx o) { return new Cx(Lax.add(re, o.re), Lax.add(im, o.im)); }

        Cx times(Cx o) { return new Cx(Lax.sub(Lax.mul(re, o.re), Lax.mul(im, o.im)), Lax.add(Lax.mul(re, o.im), Lax.mul(im, o.re))); }

        Cx over(Cx o) {
            Array d = Lax.add(Lax.mul(o.re, o.re), Lax.mul(o.im, o.im));
            return new Cx(Lax.div(Lax.add(Lax.mul(re, o.re), Lax.mul(im, o.im)), d), Lax.div(Lax.sub(Lax.mul(im, o.re), Lax.mul(re, o.im)), d));
        }
    }

    static Array wofz(Array z) {
        Array x = z.dtype().isComplex() ? z : Lax.complex(inexact(z), c(inexact(z), 0));
        return call(RULE, x);
    }

    /** w'(z) = -2z w(z) + 2i/√π. */
    private static final CustomRules.Jvp RULE = new CustomRules.Jvp(in -> Vector.of(value(in.head())), (p, t) -> {
        Array z = p.head(), w = value(z), re = Lax.real(z);
        Array slope = Lax.add(Lax.mul(Lax.mul(z, w), Lax.complex(c(re, -2), c(re, 0))), Lax.complex(c(re, 0), c(re, 2 * INV_SQRT_PI)));
        return new CustomRules.PrimalsTangents(Vector.of(w), Vector.of(Lax.mul(t.head(), slope)));
    });

    private static Array value(Array z) {
        Array x = Lax.real(z), y = Lax.imag(z);
        Array lower = Lax.lt(y, c(y, 0));
        // Evaluate at z or -z, whichever lies in the upper half-plane.
        Array xu = Lax.select(lower, Lax.neg(x), x), yu = Lax.abs(y);
        Cx upper = upperHalfPlane(xu, yu);
        // 2 exp(-z²) - w(-z): exp(-(x² - y²)) (cos 2xy - i sin 2xy).
        Array mag = mul(Lax.exp(Lax.sub(Lax.mul(y, y), Lax.mul(x, x))), 2), angle = mul(Lax.mul(x, y), -2);
        Array reLow = Lax.sub(Lax.mul(mag, Lax.cos(angle)), upper.re()), imLow = Lax.sub(Lax.mul(mag, Lax.sin(angle)), upper.im());
        return Lax.complex(Lax.select(lower, reLow, upper.re()), Lax.select(lower, imLow, upper.im()));
    }

    private static Cx upperHalfPlane(Array x, Array y) {
        // iz = -y + ix; L - iz = (L + y) - ix and L + iz = (L - y) + ix.
        Cx minus = new Cx(add(y, L), Lax.neg(x)), plus = new Cx(Lax.sub(c(y, L), y), x);
        Cx zz = plus.over(minus);
        Cx p = new Cx(c(x, COEFFS[0]), c(x, 0));
        for (int i = 1; i < N; i++) p = p.times(zz).plus(new Cx(c(x, COEFFS[i]), c(x, 0)));
        Cx one = new Cx(c(x, 1), c(x, 0));
        Cx inv = one.over(minus);
        Cx twoP = new Cx(mul(p.re(), 2), mul(p.im(), 2));
        return twoP.times(inv).times(inv).plus(new Cx(mul(inv.re(), INV_SQRT_PI), mul(inv.im(), INV_SQRT_PI)));
    }
}
