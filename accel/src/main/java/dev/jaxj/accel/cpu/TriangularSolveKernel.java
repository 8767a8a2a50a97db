package dev.jaxj.accel.cpu;

/**
 * Blocked triangular solves {@code T X = B} in place on {@code B [k, n]}, as BLAS's
 * {@code trsm}: each block of {@code NB} rows of {@code X} is solved by substitution against
 * its diagonal block in double precision, then subtracted from the rows still to solve through
 * the GEMM. Right-side and transposed forms are reduced to this one by transposing copies.
 *
 * <p>Accuracy: backward stable, {@code ||T X - B|| / (||T|| ||X||)} of order {@code k·ε}
 * (tested below {@code 1e-5} in f32 and {@code 1e-13} in f64); a zero on the diagonal gives
 * infinities and NaNs, as in JAX.
 */
final class TriangularSolveKernel {
    static final int NB = 32;

    private TriangularSolveKernel() {}

    /**
     * Solves {@code op(a) x = b} (left) or {@code x op(a) = b} (right) for one matrix pair,
     * overwriting {@code b} with {@code x}.
     */
    static void solve(Dense a, Dense b, boolean leftSide, boolean lower, boolean transposeA, boolean unitDiagonal) {
        if (leftSide) {
            solveLeft(transposeA ? a.transposed() : a, b, lower != transposeA, unitDiagonal);
            return;
        }
        // x op(a) = b  <=>  op(a)^T x^T = b^T.
        Dense bt = b.transposed();
        solveLeft(transposeA ? a : a.transposed(), bt, lower == transposeA, unitDiagonal);
        b.assign(bt.transposed());
    }

    /** {@code T X = B} with {@code T} lower (forward) or upper (backward) triangular. */
    private static void solveLeft(Dense t, Dense b, boolean lower, boolean unit) {
        int k = t.rows(), n = b.cols();
        if (k == 0 || n == 0) return;
        int blocks = Math.ceilDiv(k, NB);
        for (int s = 0; s < blocks; s++) {
            int bi = lower ? s : blocks - 1 - s;
            int i0 = bi * NB, i1 = Math.min(k, i0 + NB), ib = i1 - i0;
            double[] x = b.read(i0, i1, 0, n), d = t.read(i0, i1, i0, i1);
            EliminationLanes.substitute(d, x, ib, n, lower, unit);
            b.write(x, i0, i1, 0, n);
            // Rows still to solve: below the block (lower) or above it (upper).
            int r0 = lower ? i1 : 0, r1 = lower ? k : i0;
            if (r1 > r0) b.subtractProduct(t.pack(r0, r1, i0, i1), b.pack(i0, i1, 0, n), false, r1 - r0, n, ib, r0, 0);
        }
    }
}
