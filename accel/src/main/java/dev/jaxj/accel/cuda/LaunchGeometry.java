package dev.jaxj.accel.cuda;

import dev.jaxj.errors.BackendError;

import java.util.Arrays;

/**
 * A launch's grid and block in CUDA's terms, from its OpenCL-style global and local sizes: the
 * block is the local size, or {@value #DEFAULT_BLOCK} threads along dimension 0 where the
 * launch leaves it to the driver, and the grid covers the global size, rounded up (kernels
 * guard their own bounds, so the extra threads do nothing).
 * {@snippet :
 * LaunchGeometry.of(new long[] {1000}, null, 1024);   // grid [4, 1, 1], block [256, 1, 1]
 * }
 *
 * @param grid  blocks along x, y, z
 * @param block threads per block along x, y, z
 */
record LaunchGeometry(int[] grid, int[] block) {
    static final int DEFAULT_BLOCK = 256;
    /** The grid's limits along x, y and z on every device since compute capability 3.0. */
    private static final long[] MAX_GRID = {Integer.MAX_VALUE, 65535, 65535};

    /**
     * @throws BackendError when the block exceeds {@code maxThreadsPerBlock} or the grid the device's limits
     */
    static LaunchGeometry of(long[] global, long[] local, int maxThreadsPerBlock) {
        int[] grid = {1, 1, 1}, block = {1, 1, 1};
        long threads = 1;
        for (int d = 0; d < global.length; d++) {
            long b = local != null ? local[d] : d == 0 ? Math.min(DEFAULT_BLOCK, maxThreadsPerBlock) : 1;
            long g = Math.ceilDiv(global[d], b);
            if (g > MAX_GRID[d]) {
                throw new BackendError("cuLaunchKernel", "global size " + Arrays.toString(global) + " needs " + g + " blocks along dimension " + d
                        + ", more than the " + MAX_GRID[d] + " CUDA allows");
            }
            threads *= b;
            block[d] = (int) Math.min(b, Integer.MAX_VALUE);
            grid[d] = (int) g;
        }
        if (threads > maxThreadsPerBlock) {
            throw new BackendError("cuLaunchKernel", "a block of " + Arrays.toString(local) + " = " + threads + " threads is more than the device's "
                    + maxThreadsPerBlock);
        }
        return new LaunchGeometry(grid, block);
    }

    @Override public String toString() { return "grid " + Arrays.toString(grid) + ", block " + Arrays.toString(block); }
}
