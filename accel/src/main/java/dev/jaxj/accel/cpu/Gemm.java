package dev.jaxj.accel.cpu;

/**
 * Batched matrix products {@code C = A·B}, {@code A [m, k]}, {@code B [k, n]}, row-major
 * {@code C [m, n]}: the one place dot_general and convolution spend their time.
 *
 * <p>f32 runs the packed, cache-blocked Vector API GEMM in {@link Sgemm}, which also reads
 * operands stored transposed. The other dtypes take the simpler path here, on row-major
 * operands only: the output is cut into tiles of {@value #MC} rows by {@value #NC} or more
 * columns (the unit of parallel work, across batches too); each tile walks {@code k} in blocks
 * of {@value #KC}. The f64 path packs each block of {@code A} and {@code B} into the panels
 * {@link DgemmKernel} reads sequentially, zero-padded so that every register block is whole.
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
            int kc = Math.min(KC, p.k()), rows = Sgemm.roundUp(Math.min(MC, p.m()), DgemmKernel.MR);
            int width = Sgemm.roundUp(Math.min(p.nc(), p.n()), DgemmKernel.NR);
            double[] ap = new double[rows * kc], bp = new double[width * kc], acc = new double[rows * width];
            for (int t = lo; t < hi; t++) f64Tile(p, Tile.of(p, t), a, b, c, ap, bp, acc);
        });
    }

    /**
     * One tile: for each depth block, the tile's rows of {@code A} packed in {@link DgemmKernel#MR}-row
     * panels and the block of {@code B} in {@link DgemmKernel#NR}-column panels (zero-padded), so
     * that the kernel reads both sequentially; the accumulators are a padded copy of the tile.
     */
    private static void f64Tile(Product p, Tile t, double[] a, double[] b, double[] c, double[] ap, double[] bp, double[] acc) {
        int n = p.n(), k = p.k(), w = t.j1() - t.j0(), rows = t.i1() - t.i0();
        int mr = DgemmKernel.MR, nr = DgemmKernel.NR, paddedRows = Sgemm.roundUp(rows, mr), paddedW = Sgemm.roundUp(w, nr);
        int aBase = p.a().at(t.batch()), bBase = p.b().at(t.batch()), cBase = p.c().at(t.batch());
        java.util.Arrays.fill(acc, 0, paddedRows * paddedW, 0);
        for (int k0 = 0; k0 < k; k0 += KC) {
            int kc = Math.min(KC, k - k0);
            for (int i = 0; i < paddedRows; i++) {
                int dst = i / mr * mr * kc + i % mr, src = aBase + (t.i0() + i) * k + k0;
                if (i < rows) for (int kk = 0; kk < kc; kk++) ap[dst + kk * mr] = a[src + kk];
                else for (int kk = 0; kk < kc; kk++) ap[dst + kk * mr] = 0;
            }
            for (int kk = 0; kk < kc; kk++) {
                int src = bBase + (k0 + kk) * n + t.j0();
                for (int j = 0; j < paddedW; j++) bp[j / nr * nr * kc + kk * nr + j % nr] = j < w ? b[src + j] : 0;
            }
            for (int j = 0; j < paddedW; j += nr) {
                for (int r = 0; r < paddedRows; r += mr) DgemmKernel.block(kc, ap, r * kc, bp, j * kc, acc, r * paddedW + j, paddedW);
            }
        }
        for (int r = 0; r < rows; r++) System.arraycopy(acc, r * paddedW, c, cBase + (t.i0() + r) * n + t.j0(), w);
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
