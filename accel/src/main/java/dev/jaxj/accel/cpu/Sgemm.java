package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HeapArrays;

import dev.jaxj.accel.cpu.Gemm.Product;

import java.lang.ref.SoftReference;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.jaxj.accel.cpu.SgemmKernel.MR;
import static dev.jaxj.accel.cpu.SgemmKernel.NR;

/**
 * The f32 GEMM, organised as in GotoBLAS/BLIS around {@link SgemmKernel}:
 * {@snippet lang=text :
 * round   batches, or depth and column ranges of one, whose packed B fits PACKED_B floats
 *   pack    all of B for the round, in KC-deep NR-wide panels        (parallel, claimed one by one)
 *   tiles   (batch, row block of <= MC rows, column block)           (parallel, claimed one by one)
 *     pc      depth blocks of KC: pack the tile's A block (MC x KC, stays in L2)
 *       jr      NR-wide B panel (KC x NR, in L1 or streaming from L2)
 *         ir      MR-high A panel: micro-kernel
 * }
 * Packing B once per round, rather than once per row block as a worker-private copy would,
 * keeps the packing traffic at one pass over B. Workers claim panels and tiles from a counter
 * instead of taking fixed halves, so that a worker slowed by other load on the machine does
 * not hold the other one up.
 */
final class Sgemm {
    /**
     * Depth of a packed block. With AVX2 a KC x NR B panel (24 KiB) stays in L1 while the A
     * block streams from L2; with AVX-512 a deeper block measured faster (fewer passes over C),
     * its B panel (48 KiB) streaming from L2 instead.
     */
    static final int KC = SgemmKernel.S.length() >= 16 ? 384 : 256;
    /** Rows of a tile's A block: MC x KC floats (144 to 216 KiB) stay in L2. */
    private static final int MC = 144;
    /** Most floats of packed B held at once (8 MiB); larger B are packed round by round. */
    static final int PACKED_B = 1 << 21;
    /** Below this many multiply-adds a product takes {@link #small} loops. */
    private static final long SMALL = 1 << 15;
    /** Below this many multiply-adds in all a product runs on the calling thread. */
    private static final long PARALLEL_WORK = 1L << 20;
    /** Tiles per worker: enough to even out unequal progress, few enough to pack A rarely twice. */
    private static final int TILES_PER_WORKER = 4;

    private Sgemm() {}

    static void run(Product p, float[] a, float[] b, float[] c) {
        if ((long) p.m() * p.n() * p.k() < SMALL) smallProducts(p, a, b, c);
        else packed(p, a, b, c);
    }

    /** Every product by {@link #small} loops, batches split over the workers when there is enough work in all. */
    static void smallProducts(Product p, float[] a, float[] b, float[] c) {
        long each = Math.max(1, (long) p.m() * p.n() * p.k());
        int grain = Parallel.workers() > 1 && p.batch() * each >= PARALLEL_WORK ? (int) Math.ceilDiv(PARALLEL_WORK, each) : p.batch() + 1;
        Parallel.forRange(p.batch(), grain, (lo, hi) -> {
            for (int t = lo; t < hi; t++) small(p, t, a, b, c);
        });
    }

    /** Every product by the packed kernel, whatever its size. */
    static void packed(Product p, float[] a, float[] b, float[] c) {
        int batch = p.batch(), m = p.m(), n = p.n(), k = p.k();
        if (batch == 0 || m == 0 || n == 0) return;
        if (k == 0) {
            for (int i = 0; i < batch; i++) Arrays.fill(c, p.c().at(i), p.c().at(i) + m * n, 0f);
            return;
        }
        boolean parallel = Parallel.workers() > 1 && (long) batch * m * n * k >= PARALLEL_WORK;
        long perBatch = (long) k * roundUp(n, NR), perBlock = (long) KC * roundUp(n, NR);
        if (perBatch <= PACKED_B) {
            int group = p.b().stride() == 0 ? batch : (int) Math.max(1, PACKED_B / perBatch);
            for (int b0 = 0; b0 < batch; b0 += group) new Round(p, a, b, c, b0, Math.min(batch, b0 + group), 0, k, 0, n, parallel).run();
            return;
        }
        // One batch at a time, in depth ranges of whole KC blocks, and column ranges if one block is too wide.
        int depth = (int) Math.max(1, PACKED_B / perBlock) * KC, width = perBlock <= PACKED_B ? n : Math.max(NR, PACKED_B / KC / NR * NR);
        for (int i = 0; i < batch; i++) {
            for (int j0 = 0; j0 < n; j0 += width) {
                for (int p0 = 0; p0 < k; p0 += depth) new Round(p, a, b, c, i, i + 1, p0, Math.min(k, p0 + depth), j0, Math.min(n, j0 + width), parallel).run();
            }
        }
    }

    /**
     * Product {@code t} by plain loops: below {@link #SMALL} multiply-adds, packing and the
     * padded {@code MR x NR} blocks cost more than they save (and cold, the Vector API is slow).
     */
    private static void small(Product p, int t, float[] a, float[] b, float[] c) {
        int m = p.m(), n = p.n(), k = p.k(), aBase = p.a().at(t), bBase = p.b().at(t), cBase = p.c().at(t);
        // A[i, q] = a[aBase + i * ai + q * aq], B[q, j] = b[bBase + q * bq + j * bj].
        int ai = p.aTransposed() ? 1 : k, aq = p.aTransposed() ? m : 1, bq = p.bTransposed() ? 1 : n, bj = p.bTransposed() ? k : 1;
        for (int i = 0; i < m; i++) {
            int row = cBase + i * n;
            Arrays.fill(c, row, row + n, 0f);
            for (int q = 0; q < k; q++) {
                float x = a[aBase + i * ai + q * aq];
                int bRow = bBase + q * bq;
                if (bj == 1) {
                    for (int j = 0; j < n; j++) c[row + j] += x * b[bRow + j];
                } else {
                    for (int j = 0; j < n; j++) c[row + j] += x * b[bRow + j * bj];
                }
            }
        }
    }

    static int roundUp(int x, int unit) { return Math.ceilDiv(x, unit) * unit; }

    /**
     * A packing buffer per thread, kept between products: a fresh one would cost its zeroing
     * (up to {@link #PACKED_B} floats, several MiB per training step), which the packing, writing
     * every float of it, makes useless. Softly held, so that idle threads give the memory back.
     * A thread fills one buffer of each kind at a time: B in {@link Round#run} on the calling
     * thread, A in the tiles a thread claims, and no product starts inside another.
     */
    private enum Scratch {
        PACKED_A, PACKED_B;

        private final ThreadLocal<SoftReference<float[]>> cache = new ThreadLocal<>();

        /** {@return this thread's buffer of this kind, at least {@code size} floats, with stale contents} */
        float[] get(int size) {
            SoftReference<float[]> ref = cache.get();
            float[] a = ref == null ? null : ref.get();
            if (a == null || a.length < size) {
                a = HeapArrays.floats(size);
                cache.set(new SoftReference<>(a));
            }
            return a;
        }
    }

    /** How a round's output is cut into tiles: row blocks of {@code mc} rows, column blocks of {@code nc} columns. */
    private record Tiling(int mc, int rowBlocks, int nc, int colBlocks) {
        /**
         * Splits wide enough for every worker to get several tiles, never rows past {@link #MC},
         * and into a multiple of the worker count where the rows allow it: 15 equal tiles on 2
         * workers take as long as 16.
         */
        static Tiling of(int batches, int m, int width, boolean parallel) {
            int workers = parallel ? Parallel.workers() : 1, want = Math.ceilDiv(TILES_PER_WORKER * workers, batches);
            int panelsM = Math.ceilDiv(m, MR), panelsN = Math.ceilDiv(width, NR);
            int rowBlocks = Math.max(Math.ceilDiv(m, MC), Math.min(panelsM, want));
            int colBlocks = Math.min(panelsN, Math.ceilDiv(want, rowBlocks));
            int tiles = Math.ceilDiv(batches * rowBlocks * colBlocks, workers) * workers;
            rowBlocks = Math.min(panelsM, Math.ceilDiv(tiles, batches * colBlocks));
            int mc = MR * Math.ceilDiv(panelsM, rowBlocks), nc = NR * Math.ceilDiv(panelsN, colBlocks);
            return new Tiling(mc, Math.ceilDiv(m, mc), nc, Math.ceilDiv(width, nc));
        }

        int perBatch() { return rowBlocks * colBlocks; }
    }

    /** Batches {@code [b0, b1)}, depth {@code [p0, p1)}, columns {@code [j0, j1)}: B packed once, then the tiles. */
    private record Round(Product p, float[] a, float[] b, float[] c, int b0, int b1, int p0, int p1, int j0, int j1, boolean parallel) {
        int width() { return j1 - j0; }

        int paddedWidth() { return roundUp(width(), NR); }

        /** One packed B when every batch shares it. */
        int packedBatches() { return p.b().stride() == 0 ? 1 : b1 - b0; }

        /**
         * Work items, claimed in order: first the B panels to pack, then the tiles. A worker
         * that reaches the tiles waits for the panels still being packed by the others, at most
         * one each, so both phases share one fork-join and packing is split too.
         */
        void run() {
            var tiling = Tiling.of(b1 - b0, p.m(), width(), parallel);
            if (tiling.perBatch() == 1 && packedBatches() > 1) {
                runTilePacked(tiling);
                return;
            }
            int panels = packedBatches() * Math.ceilDiv(p1 - p0, KC) * (paddedWidth() / NR), items = panels + (b1 - b0) * tiling.perBatch();
            float[] bp = Scratch.PACKED_B.get(packedBatches() * (p1 - p0) * paddedWidth());
            var next = new AtomicInteger();
            var packed = new AtomicInteger();
            Parallel.Range claim = (lo, hi) -> {
                float[] ap = null, edge = null;
                for (int u = next.getAndIncrement(); u < items; u = next.getAndIncrement()) {
                    if (u < panels) {
                        packPanel(u, bp);
                        packed.incrementAndGet();
                        continue;
                    }
                    awaitPacked(packed, panels);
                    if (ap == null) {
                        ap = Scratch.PACKED_A.get(tiling.mc() * Math.min(KC, p1 - p0));
                        edge = new float[MR * NR];
                    }
                    tile(tiling, u - panels, bp, ap, edge);
                }
            };
            if (parallel) Parallel.forRange(Math.min(Parallel.workers(), items), 1, claim);
            else claim.run(0, 1);
        }

        /**
         * Batches of one tile each, none sharing B (attention's many small products): each tile
         * packs its own batch's B into its thread's buffer and goes on, with no wait for
         * panels other workers pack. Those waits cost a fifth of a transformer block's time
         * when every product had to wait for all of the round's panels.
         */
        private void runTilePacked(Tiling tiling) {
            var next = new AtomicInteger();
            int tiles = b1 - b0, perBatch = Math.ceilDiv(p1 - p0, KC) * (paddedWidth() / NR);
            Parallel.Range claim = (lo, hi) -> {
                float[] bp = Scratch.PACKED_B.get((p1 - p0) * paddedWidth());
                float[] ap = Scratch.PACKED_A.get(tiling.mc() * Math.min(KC, p1 - p0)), edge = new float[MR * NR];
                for (int t = next.getAndIncrement(); t < tiles; t = next.getAndIncrement()) {
                    for (int u = 0; u < perBatch; u++) packPanel(t, u, bp, 0);
                    tile(tiling, t, bp, 0, ap, edge);
                }
            };
            if (parallel) Parallel.forRange(Math.min(Parallel.workers(), tiles), 1, claim);
            else claim.run(0, 1);
        }

        /** Waits for the panels other workers are packing; yields after a while, in case one of them is descheduled. */
        private static void awaitPacked(AtomicInteger packed, int panels) {
            for (int spins = 0; packed.get() < panels; spins++) {
                if (spins < 10_000) Thread.onSpinWait();
                else Thread.yield();
            }
        }

        /** Packs B panel {@code u}, counted batch-major, then depth block, then column panel. */
        private void packPanel(int u, float[] bp) {
            int perBatch = Math.ceilDiv(p1 - p0, KC) * (paddedWidth() / NR);
            packPanel(u / perBatch, u % perBatch, bp, u / perBatch);
        }

        /** Packs panel {@code u} (depth block, then column panel) of batch {@code b0 + q} where packed batch {@code slot} goes in {@code bp}. */
        private void packPanel(int q, int u, float[] bp, int slot) {
            int perBlock = paddedWidth() / NR, pc = p0 + u / perBlock * KC, jp = u % perBlock, kc = Math.min(KC, p1 - pc);
            SgemmPacking.packB(b, p.b().at(b0 + q), p.k(), p.n(), p.bTransposed(), j0 + jp * NR, pc, kc, bp, bOffset(slot, pc, kc, jp));
        }

        /** Where panel {@code jp} of depth block {@code pc} of packed batch {@code q} starts. */
        private int bOffset(int q, int pc, int kc, int jp) {
            return (q * (p1 - p0) + pc - p0) * paddedWidth() + jp * kc * NR;
        }

        private void tile(Tiling tiling, int t, float[] bp, float[] ap, float[] edge) {
            tile(tiling, t, bp, p.b().stride() == 0 ? 0 : t / tiling.perBatch(), ap, edge);
        }

        /** Tile {@code t}, whose batch's B is packed batch {@code q} of {@code bp}. */
        private void tile(Tiling tiling, int t, float[] bp, int q, float[] ap, float[] edge) {
            int m = p.m(), n = p.n(), k = p.k(), batch = b0 + t / tiling.perBatch();
            int rb = t % tiling.perBatch() / tiling.colBlocks(), cb = t % tiling.colBlocks();
            int i0 = rb * tiling.mc(), i1 = Math.min(m, i0 + tiling.mc());
            int jr0 = cb * tiling.nc(), jr1 = Math.min(width(), jr0 + tiling.nc());
            int cBase = p.c().at(batch) + j0;
            for (int pc = p0; pc < p1; pc += KC) {
                int kc = Math.min(KC, p1 - pc);
                SgemmPacking.packA(a, p.a().at(batch), m, k, p.aTransposed(), i0, i1, pc, kc, ap);
                for (int jr = jr0; jr < jr1; jr += NR) {
                    int bi = bOffset(q, pc, kc, jr / NR), cols = Math.min(NR, width() - jr);
                    for (int ip = i0; ip < i1; ip += MR) {
                        SgemmKernel.block(kc, ap, (ip - i0) * kc, bp, bi, c, cBase + ip * n + jr, n, pc > 0,
                                Math.min(MR, i1 - ip), cols, edge);
                    }
                }
            }
        }
    }
}
