package dev.jaxj.autodiff;

import dev.jaxj.array.Array;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Locale;

/**
 * The element of a comparison furthest outside its tolerance: where it is, what was computed,
 * what the reference says, and by how much they differ.
 *
 * @param where    the element's name, e.g. {@code output 0 [1, 2] of f32[2,3]}
 * @param actual   the value under test
 * @param expected the reference value
 * @param tol      the tolerance it was held to (absolute and relative)
 */
record Worst(String where, double actual, double expected, double tol) {

    /** {@return the worst element of {@code actual} against {@code expected}, if any is not within {@code tol}} */
    static Option<Worst> of(Seq<Array> actual, Seq<double[]> expected, double tol) {
        Worst worst = null;
        double worstRatio = 1;
        for (int j = 0; j < actual.size(); j++) {
            double[] a = actual.get(j).toDoubleArray(), e = expected.get(j);
            for (int k = 0; k < a.length; k++) {
                double r = Tolerance.ratio(a[k], e[k], tol);
                if (r > worstRatio) {
                    worstRatio = r;
                    worst = new Worst("output " + j + " " + index(actual.get(j).aval(), k) + " of " + actual.get(j).aval(), a[k], e[k], tol);
                }
            }
        }
        return Option.of(worst);
    }

    /** {@return the mismatch of one scalar, named {@code where}, if it is not within {@code tol}} */
    static Option<Worst> ofScalar(String where, double actual, double expected, double tol) {
        return Tolerance.close(actual, expected, tol) ? Option.none() : Option.some(new Worst(where, actual, expected, tol));
    }

    double absError() { return Math.abs(actual - expected); }

    double relError() { return absError() / Math.abs(expected); }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: got %.9g, expected %.9g (abs error %.2e, rel error %.2e, tolerance %.1e)",
                where, actual, expected, absError(), relError(), tol);
    }

    /** {@return the multi-index of flat (row-major) element {@code k}, e.g. {@code [1, 2]}} */
    static String index(ShapedArray aval, int k) {
        Shape s = aval.shape();
        int[] idx = new int[s.rank()];
        for (int d = s.rank() - 1; d >= 0; d--) {
            idx[d] = k % s.dim(d);
            k /= s.dim(d);
        }
        return java.util.Arrays.toString(idx);
    }
}
