package dev.jaxj.accel.cpu;

import dev.jaxj.ir.Shape;

/**
 * Work along one axis of an array viewed as {@code [outer, n, inner]}: the axis has {@code n}
 * elements, and each of the {@code outer * inner} "lanes" runs along it with stride
 * {@code inner}. Lanes are cut into tiles {@code (o, j0, j1)}, contiguous runs of {@code j},
 * so that inner loops run over contiguous memory and tiles can go to different workers.
 *
 * @param width the number of lanes per tile (the last tile of each {@code o} may be narrower)
 */
record LaneTiles(int outer, int n, int inner, int width) {
    /** Tiles are at most this wide, which bounds per-tile scratch arrays. */
    static final int MAX_WIDTH = 2048;

    /** {@return the view of {@code shape} along {@code axis}} */
    static LaneTiles along(Shape shape, int axis) {
        int outer = 1, inner = 1;
        for (int d = 0; d < axis; d++) outer *= shape.dim(d);
        for (int d = axis + 1; d < shape.rank(); d++) inner *= shape.dim(d);
        return of(outer, shape.dim(axis), inner);
    }

    static LaneTiles of(int outer, int n, int inner) {
        int width = Math.max(1, Math.min(inner, MAX_WIDTH));
        int workers = Parallel.workers();
        long work = (long) outer * n * inner;
        if (outer < 2 * workers && work >= Parallel.DEFAULT_GRAIN) {
            // Too few outer slices to keep every worker busy: cut the lanes finer.
            width = Math.min(width, Math.max(64, Math.ceilDiv(inner, 2 * workers)));
        }
        return new LaneTiles(outer, n, inner, width);
    }

    int perOuter() { return Math.ceilDiv(inner, width); }

    int count() { return outer * perOuter(); }

    /** {@return the outer index of tile {@code t}} */
    int o(int t) { return t / perOuter(); }

    /** {@return the first lane of tile {@code t}} */
    int j0(int t) { return t % perOuter() * width; }

    /** {@return one past the last lane of tile {@code t}} */
    int j1(int t) { return Math.min(inner, j0(t) + width); }

    /** {@return the flat index of element {@code r} along the axis in lane {@code (o, j)}} */
    int at(int o, int r, int j) { return (o * n + r) * inner + j; }

    /** Runs {@code body} over tile ranges, in parallel when the whole view is large. */
    void run(Parallel.Range body) {
        int grain = (int) Math.max(1, Parallel.DEFAULT_GRAIN / Math.max(1L, (long) n * width));
        Parallel.forRange(count(), grain, body);
    }
}
