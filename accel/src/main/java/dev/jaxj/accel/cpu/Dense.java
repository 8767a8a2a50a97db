package dev.jaxj.accel.cpu;

import dev.jaxj.accel.cpu.Gemm.Product;
import dev.jaxj.accel.cpu.Gemm.Slab;

/**
 * One row-major matrix inside an f32 or f64 array, with the block operations that the blocked
 * factorizations and solves need. Panels are worked on as {@code double[]} copies (small:
 * {@code rows x NB}), so the scalar parts of every algorithm are written once for both dtypes
 * and f32 panels gain accuracy; trailing updates, where the time goes, stay in the native
 * dtype and run through {@link Gemm} (the packed {@link Sgemm} for f32).
 */
sealed interface Dense permits Dense.F32, Dense.F64 {

    int rows();

    int cols();

    double get(int i, int j);

    void set(int i, int j, double v);

    /** {@return the array holding the matrix} ({@code float[]} or {@code double[]}) */
    Object a();

    /** {@return where the matrix starts in {@link #a()}} */
    int offset();

    /** {@return a packed copy of rows {@code [r0, r1)} and columns {@code [c0, c1)} in the native dtype} */
    default Object pack(int r0, int r1, int c0, int c1) {
        int w = c1 - c0;
        Object p = java.lang.reflect.Array.newInstance(a().getClass().getComponentType(), (r1 - r0) * w);
        for (int i = r0; i < r1; i++) System.arraycopy(a(), offset() + i * cols() + c0, p, (i - r0) * w, w);
        return p;
    }

    /**
     * {@code this[r0 + i, c0 + j] -= (X Y)[i, j]} for {@code X [m, k]} and {@code Y [k, n]}
     * (stored as {@code [n, k]} when {@code yTransposed}), both packed by {@link #pack}.
     */
    void subtractProduct(Object x, Object y, boolean yTransposed, int m, int n, int k, int r0, int c0);

    /**
     * The lower triangle of the trailing block at {@code (r0, r0)}:
     * {@code this[r0 + i, r0 + j] -= sum_p X[i, p] X[j, p]} for {@code j <= i < m}, with
     * {@code X^T} given as {@code xt [k, m]}. Elements above that block's diagonal may change too.
     */
    void subtractLowerGram(double[] xt, int k, int m, int r0);

    /** {@return a new matrix of this dtype, {@code rows x cols}, zero-filled} */
    Dense blank(int rows, int cols);

    /** {@return rows {@code [r0, r1)} and columns {@code [c0, c1)} as a row-major {@code double[]}} */
    default double[] read(int r0, int r1, int c0, int c1) {
        int w = c1 - c0;
        double[] v = new double[(r1 - r0) * w];
        for (int i = r0; i < r1; i++) for (int j = c0; j < c1; j++) v[(i - r0) * w + j - c0] = get(i, j);
        return v;
    }

    /** {@return rows {@code [r0, r1)} and columns {@code [c0, c1)} transposed, as a row-major {@code double[c1 - c0][r1 - r0]}} */
    default double[] readTransposed(int r0, int r1, int c0, int c1) {
        int h = r1 - r0;
        double[] t = new double[h * (c1 - c0)];
        for (int i = r0; i < r1; i++) for (int j = c0; j < c1; j++) t[(j - c0) * h + i - r0] = get(i, j);
        return t;
    }

    /** Writes a block read by {@link #readTransposed} back. */
    default void writeTransposed(double[] t, int r0, int r1, int c0, int c1) {
        int h = r1 - r0;
        for (int i = r0; i < r1; i++) for (int j = c0; j < c1; j++) set(i, j, t[(j - c0) * h + i - r0]);
    }

    /** Writes a block read by {@link #read} back. */
    default void write(double[] v, int r0, int r1, int c0, int c1) {
        int w = c1 - c0;
        for (int i = r0; i < r1; i++) for (int j = c0; j < c1; j++) set(i, j, v[(i - r0) * w + j - c0]);
    }

    /** {@return a new matrix holding this one's transpose} */
    default Dense transposed() {
        Dense t = blank(cols(), rows());
        for (int i = 0; i < rows(); i++) for (int j = 0; j < cols(); j++) t.set(j, i, get(i, j));
        return t;
    }

    /** Copies {@code src} (of equal size) into this matrix. */
    default void assign(Dense src) {
        for (int i = 0; i < rows(); i++) for (int j = 0; j < cols(); j++) set(i, j, src.get(i, j));
    }

    /** Sets every element to {@code v}. */
    default void fill(double v) {
        for (int i = 0; i < rows(); i++) for (int j = 0; j < cols(); j++) set(i, j, v);
    }

    /** Sets the lower triangle of this square matrix to that of {@code (A + A^T) / 2}, in 16 x 16 tiles so that the transposed reads stay in cache. */
    default void symmetrizeLower() {
        final int tile = 16;
        int n = rows();
        for (int i0 = 0; i0 < n; i0 += tile) {
            for (int j0 = 0; j0 <= i0; j0 += tile) {
                for (int i = i0; i < Math.min(n, i0 + tile); i++) {
                    for (int j = j0; j < Math.min(i, j0 + tile); j++) set(i, j, (get(i, j) + get(j, i)) * 0.5);
                }
            }
        }
    }

    /** Zeroes the elements strictly above the diagonal. */
    default void zeroUpper() {
        for (int i = 0; i < rows(); i++) for (int j = i + 1; j < cols(); j++) set(i, j, 0);
    }

    /** Swaps rows {@code i} and {@code p} in columns {@code [c0, c1)}. */
    default void swapRows(int i, int p, int c0, int c1) {
        for (int j = c0; j < c1; j++) {
            double t = get(i, j);
            set(i, j, get(p, j));
            set(p, j, t);
        }
    }

    record F32(float[] a, int offset, int rows, int cols) implements Dense {
        @Override public double get(int i, int j) { return a[offset + i * cols + j]; }

        @Override public void set(int i, int j, double v) { a[offset + i * cols + j] = (float) v; }

        @Override
        public double[] read(int r0, int r1, int c0, int c1) {
            int w = c1 - c0;
            double[] v = new double[(r1 - r0) * w];
            for (int i = r0; i < r1; i++) {
                int row = offset + i * cols + c0, vi = (i - r0) * w;
                for (int j = 0; j < w; j++) v[vi + j] = a[row + j];
            }
            return v;
        }

        @Override
        public void write(double[] v, int r0, int r1, int c0, int c1) {
            int w = c1 - c0;
            for (int i = r0; i < r1; i++) {
                int row = offset + i * cols + c0, vi = (i - r0) * w;
                for (int j = 0; j < w; j++) a[row + j] = (float) v[vi + j];
            }
        }

        @Override
        public double[] readTransposed(int r0, int r1, int c0, int c1) {
            int h = r1 - r0;
            double[] t = new double[h * (c1 - c0)];
            inTiles(h, c1 - c0, (i, j) -> t[j * h + i] = a[offset + (r0 + i) * cols + c0 + j]);
            return t;
        }

        @Override
        public void writeTransposed(double[] t, int r0, int r1, int c0, int c1) {
            int h = r1 - r0;
            inTiles(h, c1 - c0, (i, j) -> a[offset + (r0 + i) * cols + c0 + j] = (float) t[j * h + i]);
        }

        /** Visits {@code [h, w]} in tiles of {@value #TILE} x {@value #TILE}, so that a transposed copy keeps both sides in cache. */
        private static void inTiles(int h, int w, Cell at) {
            for (int i0 = 0; i0 < h; i0 += TILE) {
                for (int j0 = 0; j0 < w; j0 += TILE) {
                    for (int i = i0; i < Math.min(h, i0 + TILE); i++) for (int j = j0; j < Math.min(w, j0 + TILE); j++) at.accept(i, j);
                }
            }
        }

        private static final int TILE = 16;

        /** An action on the element at row {@code i}, column {@code j}. */
        @FunctionalInterface
        private interface Cell {
            void accept(int i, int j);
        }

        @Override
        public void subtractProduct(Object x, Object y, boolean yTransposed, int m, int n, int k, int r0, int c0) {
            if (m == 0 || n == 0 || k == 0) return;
            float[] c = new float[m * n];
            Gemm.f32(new Product(1, m, n, k, Slab.dense(0, m, k), Slab.dense(0, k, n), Slab.dense(0, m, n), false, yTransposed),
                    (float[]) x, (float[]) y, c);
            for (int i = 0; i < m; i++) {
                int row = offset + (r0 + i) * cols + c0, ci = i * n;
                for (int j = 0; j < n; j++) a[row + j] -= c[ci + j];
            }
        }

        @Override
        public void subtractLowerGram(double[] xt, int k, int m, int r0) {
            Ssyrk.subtractLower(xt, k, m, a, offset + r0 * cols + r0, cols);
        }

        @Override public Dense blank(int rows, int cols) { return new F32(new float[rows * cols], 0, rows, cols); }
    }

    record F64(double[] a, int offset, int rows, int cols) implements Dense {
        @Override public double get(int i, int j) { return a[offset + i * cols + j]; }

        @Override public void set(int i, int j, double v) { a[offset + i * cols + j] = v; }

        @Override
        public double[] read(int r0, int r1, int c0, int c1) {
            int w = c1 - c0;
            double[] v = new double[(r1 - r0) * w];
            for (int i = r0; i < r1; i++) System.arraycopy(a, offset + i * cols + c0, v, (i - r0) * w, w);
            return v;
        }

        @Override
        public void write(double[] v, int r0, int r1, int c0, int c1) {
            int w = c1 - c0;
            for (int i = r0; i < r1; i++) System.arraycopy(v, (i - r0) * w, a, offset + i * cols + c0, w);
        }

        @Override
        public void subtractProduct(Object x, Object y, boolean yTransposed, int m, int n, int k, int r0, int c0) {
            if (m == 0 || n == 0 || k == 0) return;
            double[] b = (double[]) y;
            if (yTransposed) {
                // The f64 GEMM reads row-major operands only.
                double[] t = new double[k * n];
                for (int j = 0; j < n; j++) for (int q = 0; q < k; q++) t[q * n + j] = b[j * k + q];
                b = t;
            }
            double[] c = new double[m * n];
            Gemm.f64(Product.dense(1, m, n, k), (double[]) x, b, c);
            for (int i = 0; i < m; i++) {
                int row = offset + (r0 + i) * cols + c0, ci = i * n;
                for (int j = 0; j < n; j++) a[row + j] -= c[ci + j];
            }
        }

        /** Column blocks of {@value #GRAM_WIDTH}, each a GEMM of the rows from its diagonal down: most of the upper triangle is skipped. */
        @Override
        public void subtractLowerGram(double[] xt, int k, int m, int r0) {
            if (m == 0 || k == 0) return;
            double[] x = new double[m * k];
            for (int p = 0; p < k; p++) for (int i = 0; i < m; i++) x[i * k + p] = xt[p * m + i];
            for (int c0 = 0; c0 < m; c0 += GRAM_WIDTH) {
                int w = Math.min(GRAM_WIDTH, m - c0);
                double[] y = new double[k * w], c = new double[(m - c0) * w];
                for (int p = 0; p < k; p++) System.arraycopy(xt, p * m + c0, y, p * w, w);
                Gemm.f64(new Product(1, m - c0, w, k, new Slab(c0 * k, 0), Slab.dense(0, k, w), Slab.dense(0, m - c0, w)), x, y, c);
                for (int i = 0; i < m - c0; i++) {
                    int row = offset + (r0 + c0 + i) * cols + r0 + c0, ci = i * w;
                    for (int j = 0; j < w; j++) a[row + j] -= c[ci + j];
                }
            }
        }

        /** Columns per GEMM of {@link #subtractLowerGram}: wide enough to keep the GEMM efficient, narrow enough to skip most of the upper triangle. */
        private static final int GRAM_WIDTH = 128;

        @Override public Dense blank(int rows, int cols) { return new F64(new double[rows * cols], 0, rows, cols); }
    }
}
