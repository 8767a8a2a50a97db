package dev.jaxj.accel.cpu;

import java.util.Arrays;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A recorded sequence of plane rotations of adjacent rows, applied later to a row-major matrix
 * all at once. The QL iteration finds its rotations one at a time, each too small a task to
 * share between threads; but the columns of the matrix they rotate do not interact, so
 * {@link #applyTo} hands each worker a contiguous range of columns to take through the whole
 * sequence. Every element sees the same operations in the same order as when the rotations are
 * applied as they are found, so the result is bit for bit the same.
 */
final class PlaneRotations {
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;

    private int size;
    private int[] row = new int[64];
    private double[] cos = new double[64], sin = new double[64];

    /** Appends the rotation of rows {@code i}, {@code i+1}: {@code x <- c x - s y}, {@code y <- s x + c y}. */
    void add(int i, double c, double s) {
        if (size == row.length) {
            row = Arrays.copyOf(row, 2 * size);
            cos = Arrays.copyOf(cos, 2 * size);
            sin = Arrays.copyOf(sin, 2 * size);
        }
        row[size] = i;
        cos[size] = c;
        sin[size] = s;
        size++;
    }

    /** Applies the rotations, in the order added, to the rows of the row-major {@code z} with {@code n} columns. */
    void applyTo(double[] z, int n) {
        forColumnRanges(n, DOUBLES.length(), (c0, c1) -> {
            for (int r = 0; r < size; r++) {
                int xi = row[r] * n + c0;
                DoubleLanes.rotate(z, xi, xi + n, c1 - c0, cos[r], sin[r]);
            }
        });
    }

    /**
     * {@link #applyTo(double[], int)} in f32, for the eigenvectors of an f32 operand: twice the
     * lanes and half the memory traffic, with LAPACK's {@code ssteqr}'s accuracy (each rotation
     * rounded to f32, as the result will be).
     */
    void applyTo(float[] z, int n) {
        forColumnRanges(n, FLOATS.length(), (c0, c1) -> {
            for (int r = 0; r < size; r++) {
                int xi = row[r] * n + c0;
                rotate(z, xi, xi + n, c1 - c0, (float) cos[r], (float) sin[r]);
            }
        });
    }

    /** Runs {@code body} on one column range per worker, bounds on whole vectors of {@code lanes}. */
    private void forColumnRanges(int n, int lanes, Parallel.Range body) {
        int ranges = (long) size * n < Parallel.DEFAULT_GRAIN ? 1 : Math.min(Parallel.workers(), Math.max(1, n / (4 * lanes)));
        Parallel.forRange(ranges, 1, (lo, hi) -> {
            for (int t = lo; t < hi; t++) {
                int c0 = (int) ((long) n * t / ranges) / lanes * lanes;
                int c1 = t + 1 == ranges ? n : (int) ((long) n * (t + 1) / ranges) / lanes * lanes;
                body.run(c0, c1);
            }
        });
    }

    private static void rotate(float[] a, int xi, int yi, int len, float c, float s) {
        int i = 0, bound = FLOATS.loopBound(len);
        for (; i < bound; i += FLOATS.length()) {
            FloatVector x = FloatVector.fromArray(FLOATS, a, xi + i), y = FloatVector.fromArray(FLOATS, a, yi + i);
            x.mul(c).sub(y.mul(s)).intoArray(a, xi + i);
            x.mul(s).add(y.mul(c)).intoArray(a, yi + i);
        }
        for (; i < len; i++) {
            float x = a[xi + i], y = a[yi + i];
            a[xi + i] = c * x - s * y;
            a[yi + i] = s * x + c * y;
        }
    }
}
