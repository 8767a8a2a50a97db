package dev.jaxj.nn;

/**
 * One step of each recurrent cell written out in f64 loops from the published equations
 * (Flax's {@code recurrent.py}), over row-major {@code x[B, in]}, {@code h[B, H]} and kernels
 * whose column block {@code k} belongs to gate {@code k}: the reference the cells are checked against.
 */
final class RecurrentReference {
    private RecurrentReference() {}

    static double sigmoid(double v) { return 1 / (1 + Math.exp(-v)); }

    /** {@return {@code x · w} (+ {@code b} when given) for {@code x[B, in]}, {@code w[in, out]}} */
    static double[] affine(double[] x, double[] w, double[] b, int batch, int in, int out) {
        double[] y = new double[batch * out];
        for (int i = 0; i < batch; i++)
            for (int j = 0; j < out; j++) {
                double s = b == null ? 0 : b[j];
                for (int c = 0; c < in; c++) s += x[i * in + c] * w[c * out + j];
                y[i * out + j] = s;
            }
        return y;
    }

    /** {@return {@code h' = tanh(x·wi + h·wh + b [+ h])}} */
    static double[] simple(double[] x, double[] h, double[] wi, double[] wh, double[] b, boolean residual, int batch, int in, int hidden) {
        double[] xi = affine(x, wi, null, batch, in, hidden), hh = affine(h, wh, b, batch, hidden, hidden);
        double[] out = new double[batch * hidden];
        for (int i = 0; i < out.length; i++) out[i] = Math.tanh(xi[i] + hh[i] + (residual ? h[i] : 0));
        return out;
    }

    /** {@return {@code c'} followed by {@code h'}, each {@code [B, H]}} */
    static double[][] lstm(double[] x, double[] c, double[] h, double[] wi, double[] wh, double[] b, int batch, int in, int hidden) {
        double[] zi = affine(x, wi, null, batch, in, 4 * hidden), zh = affine(h, wh, b, batch, hidden, 4 * hidden);
        double[] c2 = new double[batch * hidden], h2 = new double[batch * hidden];
        for (int n = 0; n < batch; n++)
            for (int j = 0; j < hidden; j++) {
                int row = n * 4 * hidden;
                double i = sigmoid(zi[row + j] + zh[row + j]);
                double f = sigmoid(zi[row + hidden + j] + zh[row + hidden + j]);
                double g = Math.tanh(zi[row + 2 * hidden + j] + zh[row + 2 * hidden + j]);
                double o = sigmoid(zi[row + 3 * hidden + j] + zh[row + 3 * hidden + j]);
                int k = n * hidden + j;
                c2[k] = f * c[k] + i * g;
                h2[k] = o * Math.tanh(c2[k]);
            }
        return new double[][] {c2, h2};
    }

    /** {@return {@code h'} of a GRU: biases {@code bi[3H]} on the input side, {@code bhn[H]} on {@code h·Whn}} */
    static double[] gru(double[] x, double[] h, double[] wi, double[] bi, double[] wh, double[] bhn, int batch, int in, int hidden) {
        double[] zi = affine(x, wi, bi, batch, in, 3 * hidden), zh = affine(h, wh, null, batch, hidden, 3 * hidden);
        double[] out = new double[batch * hidden];
        for (int n = 0; n < batch; n++)
            for (int j = 0; j < hidden; j++) {
                int row = n * 3 * hidden, k = n * hidden + j;
                double r = sigmoid(zi[row + j] + zh[row + j]);
                double z = sigmoid(zi[row + hidden + j] + zh[row + hidden + j]);
                double nn = Math.tanh(zi[row + 2 * hidden + j] + r * (zh[row + 2 * hidden + j] + bhn[j]));
                out[k] = (1 - z) * nn + z * h[k];
            }
        return out;
    }
}
