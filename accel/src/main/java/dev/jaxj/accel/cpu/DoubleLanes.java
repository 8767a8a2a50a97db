package dev.jaxj.accel.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The f64 vector loops of the orthogonal factorizations, on the Vector API: HotSpot does not
 * vectorize a floating-point sum by itself (it may not reorder the additions), and the dot
 * products of the Jacobi sweeps and the tridiagonal reduction are most of their time.
 */
final class DoubleLanes {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private DoubleLanes() {}

    /** {@return {@code a[ai..ai+len) · b[bi..bi+len)}} */
    static double dot(double[] a, int ai, double[] b, int bi, int len) {
        int i = 0, bound = S.loopBound(len);
        DoubleVector acc = DoubleVector.zero(S);
        for (; i < bound; i += S.length()) acc = DoubleVector.fromArray(S, a, ai + i).fma(DoubleVector.fromArray(S, b, bi + i), acc);
        double s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < len; i++) s += a[ai + i] * b[bi + i];
        return s;
    }

    /**
     * {@code a[ai+t] -= alpha x[xi+t] + beta y[yi+t]}, then {@code q[t] += vi a[ai+t]}, for
     * {@code t < len}; {@return the updated {@code a[ai..ai+len) · v[0..len)}}: one row of a
     * symmetric product from the lower triangle, in one pass.
     */
    static double updateDotAndAxpy(double[] a, int ai, double[] x, int xi, double[] y, int yi, double alpha, double beta,
                                   double[] v, double[] q, double vi, int len) {
        int i = 0, bound = S.loopBound(len);
        DoubleVector acc = DoubleVector.zero(S), viv = DoubleVector.broadcast(S, vi);
        for (; i < bound; i += S.length()) {
            DoubleVector r = DoubleVector.fromArray(S, x, xi + i).mul(alpha).add(DoubleVector.fromArray(S, y, yi + i).mul(beta));
            DoubleVector updated = DoubleVector.fromArray(S, a, ai + i).sub(r);
            updated.intoArray(a, ai + i);
            acc = updated.fma(DoubleVector.fromArray(S, v, i), acc);
            updated.fma(viv, DoubleVector.fromArray(S, q, i)).intoArray(q, i);
        }
        double s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < len; i++) {
            a[ai + i] -= alpha * x[xi + i] + beta * y[yi + i];
            s += a[ai + i] * v[i];
            q[i] += vi * a[ai + i];
        }
        return s;
    }

    /** {@code q[t] += vi a[ai+t]} for {@code t < len}; {@return {@code a[ai..ai+len) · v[0..len)}} */
    static double dotAndAxpy(double[] a, int ai, double[] v, double[] q, double vi, int len) {
        int i = 0, bound = S.loopBound(len);
        DoubleVector acc = DoubleVector.zero(S), viv = DoubleVector.broadcast(S, vi);
        for (; i < bound; i += S.length()) {
            DoubleVector row = DoubleVector.fromArray(S, a, ai + i);
            acc = row.fma(DoubleVector.fromArray(S, v, i), acc);
            row.fma(viv, DoubleVector.fromArray(S, q, i)).intoArray(q, i);
        }
        double s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < len; i++) {
            s += a[ai + i] * v[i];
            q[i] += vi * a[ai + i];
        }
        return s;
    }

    /** The plane rotation of rows {@code x = a[xi..]}, {@code y = a[yi..]}: {@code x <- c x - s y}, {@code y <- s x + c y}. */
    static void rotate(double[] a, int xi, int yi, int len, double c, double s) {
        int i = 0, bound = S.loopBound(len);
        for (; i < bound; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, xi + i), y = DoubleVector.fromArray(S, a, yi + i);
            x.mul(c).sub(y.mul(s)).intoArray(a, xi + i);
            x.mul(s).add(y.mul(c)).intoArray(a, yi + i);
        }
        for (; i < len; i++) {
            double x = a[xi + i], y = a[yi + i];
            a[xi + i] = c * x - s * y;
            a[yi + i] = s * x + c * y;
        }
    }
}
