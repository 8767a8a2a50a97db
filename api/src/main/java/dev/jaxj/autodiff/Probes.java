package dev.jaxj.autodiff;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The numerical side of gradient checks: seeded random directions, and directional derivatives
 * by central differences evaluated in f64 whatever the arguments' dtype, so that the reference
 * is far more precise than the derivative under test.
 */
final class Probes {
    private Probes() {}

    /** {@return a generator for one check}: the seed and the check's name fix every draw, so a failure replays alone. */
    static SplittableRandom rng(long seed, String check) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + check.hashCode());
    }

    /** {@return standard normal values of {@code aval}'s shape and dtype} (rounded to the dtype, as AD will see them) */
    static Array normal(ShapedArray aval, SplittableRandom rng) {
        double[] v = new double[aval.size()];
        for (int i = 0; i < v.length; i++) v[i] = rng.nextGaussian();
        return array(aval.dtype(), aval, v);
    }

    /** {@return {@code values} as an array of {@code dtype} with {@code like}'s shape} (strongly typed) */
    static Array array(DType dtype, ShapedArray like, double[] values) {
        HostData buf = HostData.allocate(dtype, values.length);
        for (int i = 0; i < values.length; i++) buf.setDouble(i, values[i]);
        return Array.fromHost(ShapedArray.of(dtype, like.shape()), buf);
    }

    /**
     * {@return {@code (f(x + eps v) - f(x - eps v)) / 2 eps} per output}, with {@code x} and
     * {@code v} widened to f64 (exactly: every narrower float is a double) before {@code f} runs.
     */
    static Seq<double[]> centralDifferences(Function<Seq<Array>, Seq<Array>> f, Seq<Array> x, Seq<Array> v, double eps) {
        Seq<double[]> xs = x.map(Array::toDoubleArray), vs = v.map(Array::toDoubleArray);
        Seq<double[]> plus = values(f.apply(shifted(x, xs, vs, eps)));
        Seq<double[]> minus = values(f.apply(shifted(x, xs, vs, -eps)));
        return plus.zipWith(minus, (p, m) -> {
            double[] d = new double[p.length];
            for (int i = 0; i < d.length; i++) d[i] = (p[i] - m[i]) / (2 * eps);
            return d;
        });
    }

    private static Seq<Array> shifted(Seq<Array> x, Seq<double[]> xs, Seq<double[]> vs, double step) {
        return Vector.range(0, x.size()).map(i -> {
            double[] a = xs.get(i), d = vs.get(i), s = new double[a.length];
            for (int k = 0; k < s.length; k++) s[k] = a[k] + step * d[k];
            return array(DType.F64, x.get(i).aval(), s);
        });
    }

    static Seq<double[]> values(Seq<Array> xs) {
        return xs.map(Array::toDoubleArray);
    }

    /** {@return the sum of elementwise products over all arrays} */
    static double inner(Seq<double[]> a, Seq<double[]> b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            double[] x = a.get(i), y = b.get(i);
            for (int k = 0; k < x.length; k++) s += x[k] * y[k];
        }
        return s;
    }
}
