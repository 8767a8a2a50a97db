package dev.jaxj.accel.cpu;

import java.util.Arrays;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A recorded sequence of plane rotations of adjacent rows, applied later to a row-major matrix
 * all at once. The QL iteration finds its rotations one at a time, each too small a task to
 * share between threads, and each sweep of them, rotating rows {@code (m-1, m)} down to
 * {@code (l, l+1)}, would stream the whole matrix through the cache twice. Applied afterwards,
 * the columns do not interact: {@link #applyTo} takes a strip of a few vectors' width through
 * every sweep in turn (the strip, copied out, stays in the cache), keeping the row that one rotation passes
 * to the next in registers, so that each rotation loads and stores one row instead of two; the
 * strips are shared among the workers. Every element sees the same operations in the same
 * order as when the rotations are applied as they are found, so the result is bit for bit the
 * same.
 */
final class PlaneRotations {
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    /** Vectors per strip: enough independent chains to cover the latency of a rotation. */
    private static final int VECTORS = 4;

    private int size, sweeps;
    private int[] row = new int[64], sweepStart = new int[16];
    private double[] cos = new double[64], sin = new double[64];

    /**
     * Appends the rotation of rows {@code i}, {@code i+1}: {@code x <- c x - s y},
     * {@code y <- s x + c y}. A rotation of the rows just above the last one's continues its sweep.
     */
    void add(int i, double c, double s) {
        if (size == row.length) {
            row = Arrays.copyOf(row, 2 * size);
            cos = Arrays.copyOf(cos, 2 * size);
            sin = Arrays.copyOf(sin, 2 * size);
        }
        if (size == 0 || i != row[size - 1] - 1) {
            if (sweeps == sweepStart.length) sweepStart = Arrays.copyOf(sweepStart, 2 * sweeps);
            sweepStart[sweeps++] = size;
        }
        row[size] = i;
        cos[size] = c;
        sin[size] = s;
        size++;
    }

    /** Applies the rotations, in the order added, to the rows of the row-major {@code z} with {@code n} columns. */
    void applyTo(double[] z, int n) {
        int width = VECTORS * DOUBLES.length();
        forStrips(n, width, (c0, c1) -> {
            if (c1 - c0 == width) vectorStrip(z, n, c0);
            else for (int j = c0; j < c1; j++) scalarColumn(z, n, j);
        });
    }

    /**
     * {@link #applyTo(double[], int)} in f32, for the eigenvectors of an f32 operand: twice the
     * lanes and half the memory traffic, with LAPACK's {@code ssteqr}'s accuracy (each rotation
     * rounded to f32, as the result will be).
     */
    void applyTo(float[] z, int n) {
        int width = VECTORS * FLOATS.length();
        forStrips(n, width, (c0, c1) -> {
            if (c1 - c0 == width) vectorStrip(z, n, c0);
            else for (int j = c0; j < c1; j++) scalarColumn(z, n, j);
        });
    }

    /** Runs {@code body} on the strips {@code [c0, c1)} of {@code width} columns (the last one narrower), shared among the workers. */
    private void forStrips(int n, int width, Parallel.Range body) {
        int strips = (n + width - 1) / width;
        int grain = (long) size * n < Parallel.DEFAULT_GRAIN ? strips : Math.max(1, (strips + Parallel.workers() - 1) / Parallel.workers());
        Parallel.forRange(strips, grain, (lo, hi) -> {
            for (int t = lo; t < hi; t++) body.run(t * width, Math.min(n, (t + 1) * width));
        });
    }

    private int sweepEnd(int w) {
        return w + 1 < sweeps ? sweepStart[w + 1] : size;
    }

    /** Copies the strip out (rows {@code width} apart, not {@code n}: 4 KiB strides alias in the cache), sweeps it, copies it back. */
    private void vectorStrip(double[] z, int n, int c0) {
        int width = VECTORS * DOUBLES.length(), rows = z.length / n;
        double[] strip = new double[rows * width];
        for (int i = 0; i < rows; i++) System.arraycopy(z, i * n + c0, strip, i * width, width);
        sweepStrip(strip);
        for (int i = 0; i < rows; i++) System.arraycopy(strip, i * width, z, i * n + c0, width);
    }

    /** Applies every sweep to the packed strip, rows {@code VECTORS} vectors wide. */
    private void sweepStrip(double[] z) {
        int l = DOUBLES.length(), n = VECTORS * l;
        for (int w = 0; w < sweeps; w++) {
            int first = sweepStart[w], end = sweepEnd(w), top = (row[first] + 1) * n;
            // y: the lower row of the current rotation, as the previous rotation left it.
            DoubleVector y0 = DoubleVector.fromArray(DOUBLES, z, top), y1 = DoubleVector.fromArray(DOUBLES, z, top + l);
            DoubleVector y2 = DoubleVector.fromArray(DOUBLES, z, top + 2 * l), y3 = DoubleVector.fromArray(DOUBLES, z, top + 3 * l);
            for (int t = first; t < end; t++) {
                int xi = row[t] * n, yi = xi + n;
                double c = cos[t], s = sin[t];
                DoubleVector x0 = DoubleVector.fromArray(DOUBLES, z, xi), x1 = DoubleVector.fromArray(DOUBLES, z, xi + l);
                DoubleVector x2 = DoubleVector.fromArray(DOUBLES, z, xi + 2 * l), x3 = DoubleVector.fromArray(DOUBLES, z, xi + 3 * l);
                x0.mul(s).add(y0.mul(c)).intoArray(z, yi);
                x1.mul(s).add(y1.mul(c)).intoArray(z, yi + l);
                x2.mul(s).add(y2.mul(c)).intoArray(z, yi + 2 * l);
                x3.mul(s).add(y3.mul(c)).intoArray(z, yi + 3 * l);
                y0 = x0.mul(c).sub(y0.mul(s));
                y1 = x1.mul(c).sub(y1.mul(s));
                y2 = x2.mul(c).sub(y2.mul(s));
                y3 = x3.mul(c).sub(y3.mul(s));
            }
            int bottom = row[end - 1] * n;
            y0.intoArray(z, bottom);
            y1.intoArray(z, bottom + l);
            y2.intoArray(z, bottom + 2 * l);
            y3.intoArray(z, bottom + 3 * l);
        }
    }

    /** Copies the strip out (rows {@code width} apart, not {@code n}: 4 KiB strides alias in the cache), sweeps it, copies it back. */
    private void vectorStrip(float[] z, int n, int c0) {
        int width = VECTORS * FLOATS.length(), rows = z.length / n;
        float[] strip = new float[rows * width];
        for (int i = 0; i < rows; i++) System.arraycopy(z, i * n + c0, strip, i * width, width);
        sweepStrip(strip);
        for (int i = 0; i < rows; i++) System.arraycopy(strip, i * width, z, i * n + c0, width);
    }

    /** Applies every sweep to the packed strip, rows {@code VECTORS} vectors wide. */
    private void sweepStrip(float[] z) {
        int l = FLOATS.length(), n = VECTORS * l;
        for (int w = 0; w < sweeps; w++) {
            int first = sweepStart[w], end = sweepEnd(w), top = (row[first] + 1) * n;
            FloatVector y0 = FloatVector.fromArray(FLOATS, z, top), y1 = FloatVector.fromArray(FLOATS, z, top + l);
            FloatVector y2 = FloatVector.fromArray(FLOATS, z, top + 2 * l), y3 = FloatVector.fromArray(FLOATS, z, top + 3 * l);
            for (int t = first; t < end; t++) {
                int xi = row[t] * n, yi = xi + n;
                float c = (float) cos[t], s = (float) sin[t];
                FloatVector x0 = FloatVector.fromArray(FLOATS, z, xi), x1 = FloatVector.fromArray(FLOATS, z, xi + l);
                FloatVector x2 = FloatVector.fromArray(FLOATS, z, xi + 2 * l), x3 = FloatVector.fromArray(FLOATS, z, xi + 3 * l);
                x0.mul(s).add(y0.mul(c)).intoArray(z, yi);
                x1.mul(s).add(y1.mul(c)).intoArray(z, yi + l);
                x2.mul(s).add(y2.mul(c)).intoArray(z, yi + 2 * l);
                x3.mul(s).add(y3.mul(c)).intoArray(z, yi + 3 * l);
                y0 = x0.mul(c).sub(y0.mul(s));
                y1 = x1.mul(c).sub(y1.mul(s));
                y2 = x2.mul(c).sub(y2.mul(s));
                y3 = x3.mul(c).sub(y3.mul(s));
            }
            int bottom = row[end - 1] * n;
            y0.intoArray(z, bottom);
            y1.intoArray(z, bottom + l);
            y2.intoArray(z, bottom + 2 * l);
            y3.intoArray(z, bottom + 3 * l);
        }
    }

    private void scalarColumn(double[] z, int n, int j) {
        for (int w = 0; w < sweeps; w++) {
            int first = sweepStart[w], end = sweepEnd(w);
            double y = z[(row[first] + 1) * n + j];
            for (int t = first; t < end; t++) {
                int xi = row[t] * n + j;
                double x = z[xi], c = cos[t], s = sin[t];
                z[xi + n] = s * x + c * y;
                y = c * x - s * y;
            }
            z[row[end - 1] * n + j] = y;
        }
    }

    private void scalarColumn(float[] z, int n, int j) {
        for (int w = 0; w < sweeps; w++) {
            int first = sweepStart[w], end = sweepEnd(w);
            float y = z[(row[first] + 1) * n + j];
            for (int t = first; t < end; t++) {
                int xi = row[t] * n + j;
                float x = z[xi], c = (float) cos[t], s = (float) sin[t];
                z[xi + n] = s * x + c * y;
                y = c * x - s * y;
            }
            z[row[end - 1] * n + j] = y;
        }
    }
}
