package dev.jaxj.accel.cpu;

import dev.jaxj.accel.cpu.Gemm.Product;
import dev.jaxj.accel.cpu.Gemm.Slab;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static dev.jaxj.accel.cpu.SgemmKernel.MR;
import static dev.jaxj.accel.cpu.SgemmKernel.NR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The f32 GEMM ({@link Gemm#f32}), and the f64 one, against a naive double-precision triple loop written here,
 * on shapes around the micro-kernel's {@code MR x NR} block, the depth block and the cache
 * blocks, in all four operand layouts, batched, with shared and offset operands. Both of its
 * paths (packed kernel, and plain loops for small products) run on every shape, whatever
 * size {@link Gemm#f32} would hand to each.
 */
class GemmTest {
    /** A GEMM implementation under test. */
    @FunctionalInterface
    interface Impl {
        void run(Product p, float[] a, float[] b, float[] c);
    }

    private static final Impl PACKED = Sgemm::packed, SMALL = Sgemm::smallProducts, DISPATCH = Gemm::f32;

    /** Sizes that fall just inside, on and just past the kernel's block edges. */
    private static final int[] ROWS = {1, 2, MR - 1, MR, MR + 1, 2 * MR + 1, 50, 145, 300};
    private static final int[] COLS = {1, 3, NR - 1, NR, NR + 1, 2 * NR + 3, 100, 257};
    /** Depths around the packed block's, and long ones split over several blocks. */
    private static final int[] DEPTHS = {1, 2, 5, 17, Sgemm.KC - 1, Sgemm.KC, Sgemm.KC + 1, 600, 1000};

    @Property(tries = 150)
    void productsMatchTheNaiveLoopOnEdgeShapes(@ForAll long seed) {
        var rnd = new Random(seed);
        int batch = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(3) : 1;
        int m = pick(rnd, ROWS), n = pick(rnd, COLS), k = pick(rnd, DEPTHS);
        var p = Product.dense(batch, m, n, k, rnd.nextBoolean(), rnd.nextBoolean());
        float[] a = uniform(batch * m * k, rnd), b = uniform(batch * k * n, rnd);
        check(PACKED, p, a, b, "packed, seed " + seed + ", " + p);
        check(SMALL, p, a, b, "small, seed " + seed + ", " + p);
    }

    /**
     * The f64 GEMM ({@link Gemm#f64}: register blocks of {@link DgemmKernel} and the plain loop
     * at their edges) on shapes around the block and the depth block of 256, batched, against
     * the naive f64 loop: both within {@code k·ε·Σ|a||b|} of the exact sum.
     */
    @Property(tries = 40)
    void f64ProductsMatchTheNaiveLoopOnEdgeShapes(@ForAll long seed) {
        var rnd = new Random(seed);
        int mr = DgemmKernel.MR, nr = DgemmKernel.NR;
        int[] rows = {1, mr - 1, mr, mr + 1, 2 * mr + 3, 67}, cols = {1, nr - 1, nr, nr + 1, 2 * nr + 5, 270}, depths = {1, 3, 255, 256, 257, 600};
        int batch = 1 + rnd.nextInt(2), m = pick(rnd, rows), n = pick(rnd, cols), k = pick(rnd, depths);
        var p = Product.dense(batch, m, n, k);
        double[] a = new double[batch * m * k], b = new double[batch * k * n], c = new double[batch * m * n];
        for (int i = 0; i < a.length; i++) a[i] = rnd.nextGaussian();
        for (int i = 0; i < b.length; i++) b[i] = rnd.nextGaussian();
        Gemm.f64(p, a, b, c);
        for (int t = 0; t < batch; t++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0, size = 0;
                    for (int q = 0; q < k; q++) {
                        double x = a[t * m * k + i * k + q] * b[t * k * n + q * n + j];
                        sum += x;
                        size += Math.abs(x);
                    }
                    double got = c[t * m * n + i * n + j];
                    if (Math.abs(got - sum) > 2 * k * Math.ulp(1.0) * size) {
                        fail("seed " + seed + ", " + p + ": c[" + t + "," + i + "," + j + "] = " + got + ", want " + sum);
                    }
                }
            }
        }
    }

    @Test
    void shouldSplitLargeProductsOverWorkersInEveryLayout() {
        var rnd = new Random(7);
        for (int layout = 0; layout < 4; layout++) {
            var p = Product.dense(2, 301, 203, 700, (layout & 1) != 0, (layout & 2) != 0);
            check(DISPATCH, p, uniform(2 * 301 * 700, rnd), uniform(2 * 700 * 203, rnd), "layout " + layout);
        }
    }

    @Test
    void shouldMultiplyManySmallProductsEachPackingItsOwnB() {
        // Attention's products (64 heads of 64 x 32 · 32 x 64, and 64 x 64 · 64 x 32), and batches
        // with partial panels and several depth blocks: one tile per batch, over the workers.
        int[][] shapes = {{64, 64, 64, 32}, {64, 64, 32, 64}, {9, MR + 1, NR - 3, Sgemm.KC + 5}, {5, 1, 1, 3}};
        var rnd = new Random(13);
        for (int[] s : shapes) {
            for (int layout = 0; layout < 4; layout++) {
                int batch = s[0], m = s[1], n = s[2], k = s[3];
                var p = Product.dense(batch, m, n, k, (layout & 1) != 0, (layout & 2) != 0);
                check(DISPATCH, p, uniform(batch * m * k, rnd), uniform(batch * k * n, rnd), "layout " + layout + ", " + p);
                check(PACKED, p, uniform(batch * m * k, rnd), uniform(batch * k * n, rnd), "packed, layout " + layout + ", " + p);
            }
        }
    }

    @Test
    void shouldMultiplyTheProductsOfADenseLayerStepInEveryLayout() {
        // The products of an MLP step (batch 128, 784-512-512-10) and odd neighbours of them,
        // each operand stored either way: forward x·W, input gradients g·Wᵀ, weight gradients xᵀ·g.
        int[][] shapes = {{128, 512, 784}, {128, 10, 512}, {128, 512, 10}, {512, 784, 128}, {10, 512, 128}, {131, 37, 263}};
        var rnd = new Random(10);
        for (int[] s : shapes) {
            for (int layout = 0; layout < 4; layout++) {
                int m = s[0], n = s[1], k = s[2];
                var p = Product.dense(1, m, n, k, (layout & 1) != 0, (layout & 2) != 0);
                check(DISPATCH, p, uniform(m * k, rnd), uniform(k * n, rnd), "layout " + layout + ", " + p);
            }
        }
    }

    @Test
    void shouldReadATransposedLhsInsideALargerArray() {
        // The packed A panels of a stored-transposed lhs read past a panel's rows where the array
        // goes on, and stop short where it ends: both at the start and end of one array here.
        var rnd = new Random(11);
        int m = 2 * MR + 1, n = NR + 5, k = 40, batch = 3;
        float[] a = uniform(batch * m * k + 2, rnd), b = uniform(k * n, rnd);
        for (int offset : new int[] {0, 2}) {
            var p = new Product(batch, m, n, k, new Slab(offset, m * k), new Slab(0, 0), Slab.dense(0, m, n), true, false);
            check(PACKED, p, a, b, "lhs at offset " + offset);
        }
    }

    @Test
    void shouldNotReadStalePackingBuffersOfEarlierProducts() {
        // Packing buffers are reused per thread: fill them with NaN through a larger product,
        // then check that smaller ones, with partial panels, see none of it.
        var rnd = new Random(12);
        int m = 300, n = 257, k = 600;
        float[] nan = new float[Math.max(m, n) * k];
        Arrays.fill(nan, Float.NaN);
        for (int layout = 0; layout < 4; layout++) {
            var big = Product.dense(1, m, n, k, (layout & 1) != 0, (layout & 2) != 0);
            PACKED.run(big, nan, nan, new float[m * n]);
            var small = Product.dense(1, MR + 1, NR + 3, 17, (layout & 1) != 0, (layout & 2) != 0);
            check(PACKED, small, uniform((MR + 1) * 17, rnd), uniform(17 * (NR + 3), rnd), "after NaN packing, layout " + layout);
        }
    }

    @Test
    void shouldPackLargeOperandsRoundByRound() {
        // Past the floats of packed B held at once: several batches per round, then one batch
        // in depth ranges, then one KC-deep block in column ranges.
        var rnd = new Random(8);
        int held = Sgemm.PACKED_B, kc = Sgemm.KC;
        int n1 = 300, k1 = held / 3 / n1;
        check(DISPATCH, Product.dense(5, 5, n1, k1), uniform(5 * 5 * k1, rnd), uniform(5 * k1 * n1, rnd), "batches per round");
        int n2 = 1000, k2 = 3 * held / n2;
        check(DISPATCH, Product.dense(1, 7, n2, k2, true, false), uniform(7 * k2, rnd), uniform(k2 * n2, rnd), "depth ranges");
        int n3 = held / kc + 2 * NR + 1, k3 = kc + 5;
        check(DISPATCH, Product.dense(1, 3, n3, k3, false, true), uniform(3 * k3, rnd), uniform(k3 * n3, rnd), "column ranges");
    }

    @Test
    void shouldWriteZerosWhenTheDepthIsEmpty() {
        for (Impl impl : new Impl[] {PACKED, SMALL, DISPATCH}) {
            float[] c = new float[2 * 3 * 4];
            Arrays.fill(c, Float.NaN);
            impl.run(Product.dense(2, 3, 4, 0), new float[0], new float[0], c);
            for (float x : c) assertEquals(0f, x);
        }
    }

    @Test
    void shouldShareOneOperandAcrossBatchesAndWriteOnlyItsOwnSlab() {
        // As convolution uses it: stride-0 slabs, operands and result at offsets inside larger arrays.
        var rnd = new Random(9);
        int m = 13, n = 40, k = 300, batch = 3;
        float[] a = uniform(5 + m * k, rnd), b = uniform(11 + batch * k * n, rnd), c = new float[3 + batch * m * n + 4];
        Arrays.fill(c, Float.NaN);
        var p = new Product(batch, m, n, k, new Slab(5, 0), new Slab(11, k * n), new Slab(3, m * n));
        for (Impl impl : new Impl[] {PACKED, SMALL}) {
            impl.run(p, a, b, c);
            for (int i : new int[] {0, 1, 2, c.length - 4, c.length - 1}) assertEquals(Float.NaN, c[i], "outside the result at " + i);
            check(impl, p, a, b, "shared lhs");
        }
    }

    /** Fills C with NaN (so a block that is skipped or accumulated into stale data shows), runs the product, compares. */
    private static void check(Impl impl, Product p, float[] a, float[] b, String what) {
        float[] c = new float[p.c().at(p.batch() - 1) + p.m() * p.n()];
        Arrays.fill(c, Float.NaN);
        impl.run(p, a, b, c);
        int m = p.m(), n = p.n(), k = p.k();
        for (int t = 0; t < p.batch(); t++) {
            int ab = p.a().at(t), bb = p.b().at(t), cb = p.c().at(t);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0, squares = 0;
                    for (int q = 0; q < k; q++) {
                        double x = a[ab + (p.aTransposed() ? q * m + i : i * k + q)] * (double) b[bb + (p.bTransposed() ? j * k + q : q * n + j)];
                        sum += x;
                        squares += x * x;
                    }
                    // f32 rounding grows like sqrt(k) times the size of a typical term (sqrt(squares / k)).
                    double tol = 1e-5 * Math.sqrt(squares) + 1e-30;
                    float got = c[cb + i * n + j];
                    if (!(Math.abs(got - sum) <= tol)) {
                        fail(what + ": batch " + t + " at [" + i + ", " + j + "]: expected " + sum + " but got " + got + " (tolerance " + tol + ")");
                    }
                }
            }
        }
    }

    private static float[] uniform(int size, Random rnd) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = rnd.nextFloat() * 2 - 1;
        return x;
    }

    private static int pick(Random rnd, int[] xs) {
        return xs[rnd.nextInt(xs.length)];
    }
}
