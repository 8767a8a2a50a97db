package dev.jaxj.accel.cpu;

/**
 * Batched matrix products {@code C = A·B}, {@code A [m, k]}, {@code B [k, n]}, row-major
 * {@code C [m, n]}: the one place dot_general and convolution spend their time.
 *
 * <p>f32 runs the packed, cache-blocked Vector API GEMM in {@link Sgemm}, which also reads
 * operands stored transposed. The other dtypes take the simpler path here, on row-major
 * operands only: the output is cut into tiles of {@value #MC} rows by {@value #NC} or more
 * columns (the unit of parallel work, across batches too); each tile walks {@code k} in blocks
 * of {@value #KC}. The f64 kernel copies the current block of {@code B} into one array per row
 * and keeps the tile's accumulators likewise; {@link DgemmKernel} updates them in register
 * blocks, and a plain loop (which HotSpot vectorises: every array indexed with the same
 * {@code j}) takes the edges.
 */
final class Gemm {
    private static final int MC = 64, NC = 256, KC = 256;
    /** Below this many multiply-adds a product runs on the calling thread. */
    private static final long PARALLEL_WORK = 1L << 18;

    private Gemm() {}

    /** Where matrix {@code i} of a batch starts in its array: {@code offset + i * stride} (stride 0 shares one matrix). */
    record Slab(int offset, int stride) {
        int at(int i) { return offset + i * stride; }

        static Slab dense(int offset, int rows, int cols) { return new Slab(offset, rows * cols); }
    }

    /**
     * {@code batch} products of {@code [m, k]·[k, n]}. A transposed operand is stored as the
     * transpose of its matrix ({@code A} as {@code [k, m]}, {@code B} as {@code [n, k]}); only
     * {@link #f32} accepts those.
     */
    record Product(int batch, int m, int n, int k, Slab a, Slab b, Slab c, boolean aTransposed, boolean bTransposed) {
        /** Row-major operands. */
        Product(int batch, int m, int n, int k, Slab a, Slab b, Slab c) {
            this(batch, m, n, k, a, b, c, false, false);
        }

        /** {@return contiguous batches starting at offset 0} */
        static Product dense(int batch, int m, int n, int k) {
            return dense(batch, m, n, k, false, false);
        }

        /** {@return contiguous batches starting at offset 0, either operand possibly stored transposed} */
        static Product dense(int batch, int m, int n, int k, boolean aTransposed, boolean bTransposed) {
            return new Product(batch, m, n, k, Slab.dense(0, m, k), Slab.dense(0, k, n), Slab.dense(0, m, n), aTransposed, bTransposed);
        }

        /**
         * {@return the tile width} {@value #NC} columns, wider when {@code k} is short (as in
         * small convolutions) so that the inner loop stays long and the panel still fits in L2.
         */
        int nc() { return Math.min(Math.max(1, n), Math.max(NC, Math.min(4 * NC, (KC * NC) / Math.max(1, Math.min(k, KC))))); }

        int rowBlocks() { return Math.ceilDiv(m, MC); }

        int colBlocks() { return Math.ceilDiv(n, nc()); }

        int tiles() { return batch * rowBlocks() * colBlocks(); }
    }

    /** A tile: batch index, rows {@code [i0, i1)}, columns {@code [j0, j1)}. */
    private record Tile(int batch, int i0, int i1, int j0, int j1) {
        static Tile of(Product p, int t) {
            int perBatch = p.rowBlocks() * p.colBlocks();
            int rb = t % perBatch / p.colBlocks(), cb = t % perBatch % p.colBlocks(), nc = p.nc();
            return new Tile(t / perBatch, rb * MC, Math.min(p.m(), rb * MC + MC), cb * nc, Math.min(p.n(), cb * nc + nc));
        }
    }

    private static void forTiles(Product p, Parallel.Range body) {
        if (p.aTransposed() || p.bTransposed()) throw new IllegalArgumentException("only the f32 GEMM reads transposed operands");
        long work = (long) p.batch() * p.m() * p.n() * Math.max(1, p.k());
        int tiles = p.tiles();
        Parallel.forRange(tiles, work < PARALLEL_WORK ? Math.max(1, tiles) : 1, body);
    }

    static void f32(Product p, float[] a, float[] b, float[] c) {
        Sgemm.run(p, a, b, c);
    }

    static void f64(Product p, double[] a, double[] b, double[] c) {
        forTiles(p, (lo, hi) -> {
            double[][] panel = new double[Math.min(KC, p.k())][p.nc()];
            double[][] acc = new double[Math.min(MC, p.m())][p.nc()];
            for (int t = lo; t < hi; t++) f64Tile(p, Tile.of(p, t), a, b, c, panel, acc);
        });
    }

    private static void f64Tile(Product p, Tile t, double[] a, double[] b, double[] c, double[][] panel, double[][] acc) {
        int n = p.n(), k = p.k(), w = t.j1() - t.j0(), rows = t.i1() - t.i0();
        int aBase = p.a().at(t.batch()), bBase = p.b().at(t.batch()), cBase = p.c().at(t.batch());
        for (int r = 0; r < rows; r++) java.util.Arrays.fill(acc[r], 0, w, 0);
        for (int k0 = 0; k0 < k; k0 += KC) {
            int kc = Math.min(KC, k - k0);
            for (int kk = 0; kk < kc; kk++) System.arraycopy(b, bBase + (k0 + kk) * n + t.j0(), panel[kk], 0, w);
            int blockRows = rows / DgemmKernel.MR * DgemmKernel.MR, blockCols = w / DgemmKernel.NR * DgemmKernel.NR;
            for (int r = 0; r < blockRows; r += DgemmKernel.MR) {
                for (int j = 0; j < blockCols; j += DgemmKernel.NR) {
                    DgemmKernel.block(acc, r, j, a, aBase + (t.i0() + r) * k + k0, k, panel, kc);
                }
            }
            // The edges the register blocks leave: the last columns of every row, the last rows.
            for (int r = 0; r < rows; r++) {
                double[] cr = acc[r];
                int aRow = aBase + (t.i0() + r) * k + k0, from = r < blockRows ? blockCols : 0;
                for (int kk = 0; kk < kc; kk++) {
                    double a0 = a[aRow + kk];
                    double[] b0 = panel[kk];
                    for (int j = from; j < w; j++) cr[j] += a0 * b0[j];
                }
            }
        }
        for (int r = 0; r < rows; r++) System.arraycopy(acc[r], 0, c, cBase + (t.i0() + r) * n + t.j0(), w);
    }

    /** i32 and u32 (the same bits): products and sums wrap modulo 2^32 either way. */
    static void i32(Product p, int[] a, int[] b, int[] c) {
        forTiles(p, (lo, hi) -> {
            for (int tt = lo; tt < hi; tt++) {
                Tile t = Tile.of(p, tt);
                int n = p.n(), k = p.k(), aBase = p.a().at(t.batch()), bBase = p.b().at(t.batch()), cBase = p.c().at(t.batch());
                for (int i = t.i0(); i < t.i1(); i++) {
                    int cRow = cBase + i * n;
                    java.util.Arrays.fill(c, cRow + t.j0(), cRow + t.j1(), 0);
                    for (int kk = 0; kk < k; kk++) {
                        int av = a[aBase + i * k + kk], bRow = bBase + kk * n;
                        for (int j = t.j0(); j < t.j1(); j++) c[cRow + j] += av * b[bRow + j];
                    }
                }
            }
        });
    }

    static void i64(Product p, long[] a, long[] b, long[] c) {
        forTiles(p, (lo, hi) -> {
            for (int tt = lo; tt < hi; tt++) {
                Tile t = Tile.of(p, tt);
                int n = p.n(), k = p.k(), aBase = p.a().at(t.batch()), bBase = p.b().at(t.batch()), cBase = p.c().at(t.batch());
                for (int i = t.i0(); i < t.i1(); i++) {
                    int cRow = cBase + i * n;
                    java.util.Arrays.fill(c, cRow + t.j0(), cRow + t.j1(), 0);
                    for (int kk = 0; kk < k; kk++) {
                        long av = a[aBase + i * k + kk];
                        int bRow = bBase + kk * n;
                        for (int j = t.j0(); j < t.j1(); j++) c[cRow + j] += av * b[bRow + j];
                    }
                }
            }
        });
    }
}
