package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static dev.jaxj.ArrayAssertions.assertClose;
import static dev.jaxj.ArrayAssertions.f64;
import static dev.jaxj.ArrayAssertions.uniform;

/**
 * Laws of the convolution and polynomial helpers over drawn lengths (1 included) and values,
 * against direct sums in Java doubles.
 */
class JnpMiscProperties {

    /** {@code c[k] = sum_i a[i] v[k - i]}, written out. */
    private static double[] directConvolution(double[] a, double[] v) {
        double[] c = new double[a.length + v.length - 1];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < v.length; j++) c[i + j] += a[i] * v[j];
        return c;
    }

    @Property(tries = 60)
    void convolutionIsTheDirectSumAndCorrelationReversesIt(@ForAll @IntRange(min = 1, max = 9) int n, @ForAll @IntRange(min = 1, max = 9) int m,
                                                          @ForAll long seed) {
        double[] a = uniform(seed, n, -2, 2), v = uniform(seed + 1, m, -2, 2);
        double[] full = directConvolution(a, v);
        assertClose(Jnp.convolve(f64(a), f64(v)).toDoubleArray(), full, 1e-14);
        // correlate(a, v) in full mode is the convolution with v reversed.
        double[] rev = new double[m];
        for (int j = 0; j < m; j++) rev[j] = v[m - 1 - j];
        assertClose(Jnp.correlate(f64(a), f64(v), Jnp.ConvolveMode.FULL).toDoubleArray(), directConvolution(a, rev), 1e-14);
        // 'valid' is the middle of 'full' where the shorter operand overlaps entirely.
        int lo = Math.min(n, m) - 1, len = Math.max(n, m) - Math.min(n, m) + 1;
        double[] valid = java.util.Arrays.copyOfRange(full, lo, lo + len);
        assertClose(Jnp.convolve(f64(a), f64(v), Jnp.ConvolveMode.VALID).toDoubleArray(), valid, 1e-14);
    }

    @Property(tries = 60)
    void polynomialsMultiplyAddAndDifferentiateAsTheirValuesDo(@ForAll @IntRange(min = 1, max = 7) int n, @ForAll @IntRange(min = 1, max = 7) int m,
                                                              @ForAll long seed) {
        Array p = f64(uniform(seed, n, -2, 2)), q = f64(uniform(seed + 1, m, -2, 2)), x = f64(uniform(seed + 2, 5, -1.5, 1.5));
        Array px = Jnp.polyval(p, x), qx = Jnp.polyval(q, x);
        assertClose(Jnp.polyval(Jnp.polymul(p, q), x).toDoubleArray(), Jnp.multiply(px, qx).toDoubleArray(), 1e-12);
        assertClose(Jnp.polyval(Jnp.polyadd(p, q), x).toDoubleArray(), Jnp.add(px, qx).toDoubleArray(), 1e-13);
        // polyder is the derivative of polyval, and polyint its inverse.
        java.util.function.Function<Array, Array> value = t -> Jnp.sum(Jnp.polyval(p, t));
        assertClose(Jnp.polyval(Jnp.polyder(p), x).toDoubleArray(), Jax.grad(value).apply(x).toDoubleArray(), 1e-12);
        assertClose(Jnp.polyder(Jnp.polyint(p)).toDoubleArray(), p.toDoubleArray(), 1e-14);
    }

    @Property(tries = 40)
    void interpolationPassesThroughItsPoints(@ForAll @IntRange(min = 1, max = 8) int n, @ForAll long seed) {
        double[] steps = uniform(seed, n, 0.1, 2), xp = new double[n];
        double acc = -1;
        for (int i = 0; i < n; i++) xp[i] = acc += steps[i];
        double[] fp = uniform(seed + 1, n, -3, 3);
        assertClose(Jnp.interp(f64(xp), f64(xp), f64(fp)).toDoubleArray(), fp, 1e-15);
        ArrayAssertions.assertArray(Jnp.interp(Array.scalar(xp[0] - 1, DType.F64), f64(xp), f64(fp)), DType.F64, dev.jaxj.ir.Shape.SCALAR, fp[0]);
    }
}
