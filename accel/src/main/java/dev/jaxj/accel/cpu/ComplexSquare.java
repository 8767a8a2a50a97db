package dev.jaxj.accel.cpu;

/**
 * A square complex matrix held as two row-major planes, the working storage of the general
 * eigensolver: element {@code (i, j)} is {@code re[i * n + j] + i·im[i * n + j]}. A real matrix
 * keeps a zero imaginary plane, which the Householder steps leave exactly zero.
 */
final class ComplexSquare {
    final int n;
    final double[] re;
    final double[] im;

    ComplexSquare(int n) {
        this(n, new double[n * n], new double[n * n]);
    }

    ComplexSquare(int n, double[] re, double[] im) {
        this.n = n;
        this.re = re;
        this.im = im;
    }

    static ComplexSquare identity(int n) {
        ComplexSquare q = new ComplexSquare(n);
        for (int i = 0; i < n; i++) q.re[i * n + i] = 1;
        return q;
    }

    /** {@code |re| + |im|} of element {@code (i, j)}: LAPACK's cheap modulus, within a factor √2 of the true one. */
    double abs1(int i, int j) {
        return Math.abs(re[i * n + j]) + Math.abs(im[i * n + j]);
    }

    /** Rows {@code p} and {@code q} over columns {@code [from, n)} become {@code (c·row_p + s·row_q, -conj(s)·row_p + c·row_q)}. */
    void rotateRows(int p, int q, int from, double c, double sRe, double sIm) {
        for (int j = from; j < n; j++) {
            int a = p * n + j, b = q * n + j;
            double ar = re[a], ai = im[a], br = re[b], bi = im[b];
            re[a] = c * ar + sRe * br - sIm * bi;
            im[a] = c * ai + sRe * bi + sIm * br;
            re[b] = c * br - (sRe * ar + sIm * ai);
            im[b] = c * bi - (sRe * ai - sIm * ar);
        }
    }

    /** Columns {@code p} and {@code q} over rows {@code [0, to)} become {@code (c·col_p + conj(s)·col_q, -s·col_p + c·col_q)}: the right product with the adjoint of {@link #rotateRows}'s rotation. */
    void rotateColumns(int p, int q, int to, double c, double sRe, double sIm) {
        for (int i = 0; i < to; i++) {
            int a = i * n + p, b = i * n + q;
            double ar = re[a], ai = im[a], br = re[b], bi = im[b];
            re[a] = c * ar + sRe * br + sIm * bi;
            im[a] = c * ai + sRe * bi - sIm * br;
            re[b] = c * br - (sRe * ar - sIm * ai);
            im[b] = c * bi - (sRe * ai + sIm * ar);
        }
    }
}
