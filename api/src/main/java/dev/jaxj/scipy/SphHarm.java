package dev.jaxj.scipy;

import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;

import static dev.jaxj.scipy.Terms.*;

/**
 * Spherical harmonics Y_n^m(θ, φ) with the Condon-Shortley phase, as SciPy's and JAX's
 * {@code sph_harm_y}. The orthonormal associated Legendre functions
 * Q_l^m = sqrt((2l + 1)/(4π) (l - m)!/(l + m)!) P_l^m(cos θ) come from the recurrences
 * Q_m^m = -sqrt((2m + 1)/(2m)) sin θ Q_(m-1)^(m-1), Q_(m+1)^m = sqrt(2m + 3) cos θ Q_m^m and
 * Q_l^m = a (cos θ Q_(l-1)^m - b Q_(l-2)^m), which stay in range for every degree (the factorials
 * never appear on their own). Each element picks its (n, |m|) out of the table up to {@code nMax};
 * negative orders use Y_n^-m = (-1)^m conj(Y_n^m).
 */
final class SphHarm {
    private SphHarm() {}

    private static final String OP = "sph_harm_y";

    static Array sphHarmY(Array n, Array m, Array theta, Array phi, int diffN, int nMax) {
        if (diffN != 0) throw new ArgumentError(OP, "derivatives (diff_n) are not supported, as in JAX; got diff_n = " + diffN);
        if (nMax < 0) throw new ArgumentError(OP, "n_max must be >= 0, got n_max = " + nMax);
        for (Array k : Vector.of(n, m))
            if (k.dtype().isInexact() || k.dtype() == DType.BOOL)
                throw new DTypeError(OP, "the degree n and order m must be integers, got n " + n.aval() + " and m " + m.aval());
        Vector<Array> angles = inexact(OP, theta, phi);
        Vector<Array> all = NumpyOps.broadcast(OP, Vector.of(n, m, angles.get(0), angles.get(1)));
        Array t = all.get(2), p = all.get(3);
        DType real = t.dtype();
        // JAX gathers from a table of degrees up to n_max, its indices clipped into it.
        Array deg = Lax.min(Lax.convertElementType(all.get(0), real), c(t, nMax));
        Array ord = Lax.convertElementType(all.get(1), real), absOrd = Lax.min(Lax.abs(ord), c(t, nMax));
        Array x = Lax.cos(t), s = Lax.sin(t);
        Array q = c(t, 0), diag = c(t, 1 / Math.sqrt(4 * Math.PI));
        for (int mm = 0; mm <= nMax; mm++) {
            if (mm > 0) diag = Lax.mul(mul(s, -Math.sqrt((2.0 * mm + 1) / (2.0 * mm))), diag);
            Array isM = Lax.eq(absOrd, c(t, mm));
            Array prev = c(t, 0), cur = diag;
            for (int l = mm; l <= nMax; l++) {
                if (l == mm + 1) {
                    prev = cur;
                    cur = Lax.mul(mul(x, Math.sqrt(2.0 * mm + 3)), cur);
                } else if (l > mm + 1) {
                    double a = Math.sqrt((4.0 * l * l - 1) / ((double) l * l - (double) mm * mm));
                    double b = Math.sqrt(((l - 1.0) * (l - 1) - (double) mm * mm) / (4.0 * (l - 1) * (l - 1) - 1));
                    Array next = mul(Lax.sub(Lax.mul(x, cur), mul(prev, b)), a);
                    prev = cur;
                    cur = next;
                }
                q = Lax.select(Lax.and(isM, Lax.eq(deg, c(t, l))), cur, q);
            }
        }
        // Y_n^m = Q e^{imφ} for m >= 0; (-1)^m conj(Q e^{i|m|φ}) = (-1)^m Q e^{imφ} for m < 0.
        Array odd = Lax.ne(Lax.rem(absOrd, c(t, 2)), c(t, 0));
        Array flip = Lax.and(Lax.lt(ord, c(t, 0)), odd);
        Array r = Lax.select(flip, Lax.neg(q), q), angle = Lax.mul(ord, p);
        return Lax.complex(Lax.mul(r, Lax.cos(angle)), Lax.mul(r, Lax.sin(angle)));
    }

    /** {@return the largest degree in {@code n}}, which JAX reads from a concrete {@code n} when no {@code n_max} is given */
    static int maxDegree(Array n) {
        int max = 0;
        for (double v : n.toDoubleArray()) max = Math.max(max, (int) v);
        return max;
    }
}
