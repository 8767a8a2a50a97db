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

    /** {@return a new matrix of this dtype, {@code rows x cols}, zero-filled} */
    Dense blank(int rows, int cols);

    /** {@return rows {@code [r0, r1)} and columns {@code [c0, c1)} as a row-major {@code double[]}} */
    default double[] read(int r0, int r1, int c0, int c1) {
        int w = c1 - c0;
        double[] v = new double[(r1 - r0) * w];
        for (int i = r0; i < r1; i++) for (int j = c0; j < c1; j++) v[(i - r0) * w + j - c0] = get(i, j);
        return v;
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

        @Override public Dense blank(int rows, int cols) { return new F64(new double[rows * cols], 0, rows, cols); }
    }
}
