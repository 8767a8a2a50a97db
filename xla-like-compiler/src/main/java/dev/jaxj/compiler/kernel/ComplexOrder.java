package dev.jaxj.compiler.kernel;

import dev.jaxj.compiler.kernel.RealOps.ReIm;
import dev.jaxj.ir.Atom;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * The lexicographic order of complex numbers by (real, imaginary) parts that JAX's
 * {@code lax.max}, {@code lax.min}, their reductions and {@code argmax}/{@code argmin} use,
 * written on the parts for {@link TypeLowering}.
 * <ul>
 *   <li>max and min pick as {@code lax.max} does: {@code x} where it compares greater (less),
 *       by its real parts or, where those are equal, its imaginary parts; else {@code y}.</li>
 *   <li>A reduction takes the extreme real part, then the extreme imaginary part among the
 *       elements that hold it; a NaN in any part of any element makes the result NaN + NaN i
 *       (the order in which XLA reduces is unspecified, so JAX promises no particular NaN).</li>
 *   <li>argmax and argmin give the first extreme element, or the first one with a NaN part, as
 *       NumPy and JAX's reducer (which picks NaN and the lower index on ties) do.</li>
 *   <li>cummax and cummin carry the extreme so far, and the first element with a NaN part from
 *       where it stands on.</li>
 *   <li>reduce_window_max and reduce_window_min take each window's extreme by picking over the
 *       window's offsets, NaN + NaN i where the window holds a NaN part, as the reductions.</li>
 * </ul>
 */
final class ComplexOrder {
    private final RealOps b;

    ComplexOrder(RealOps b) {
        this.b = b;
    }

    ReIm pick(ReIm x, ReIm y, boolean max) {
        Atom realEqual = b.emit(new Eq(), x.re(), y.re());
        Atom pickX = b.select(realEqual, compare(x.im(), y.im(), max), compare(x.re(), y.re(), max));
        return new ReIm(b.select(pickX, x.re(), y.re()), b.select(pickX, x.im(), y.im()));
    }

    ReIm reduce(ReIm z, Seq<Integer> axes, boolean max) {
        ShapedArray in = z.re().aval();
        ShapedArray out = in.withShape(in.shape().without(ints(axes)));
        double identity = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        // Nothing to reduce: JAX's identity, -inf + 0i for max and inf + 0i for min.
        if (axes.exists(a -> in.shape().dim(a) == 0)) return new ReIm(b.full(identity, out), b.full(0, out));
        Extremes e = extremes(z, axes, max);
        Atom anyNan = b.emit(new ReduceOr(axes), e.nan);
        Atom nan = b.full(Double.NaN, out);
        return new ReIm(b.select(anyNan, nan, e.re), b.select(anyNan, nan, e.im));
    }

    Atom arg(ReIm z, int axis, DType indexDtype, boolean max) {
        Seq<Integer> axes = Vector.of(axis);
        Extremes e = extremes(z, axes, max);
        Atom reached = b.emit(new And(), b.emit(new Eq(), z.re(), spread(e.re, axes, z)), b.emit(new Eq(), z.im(), spread(e.im, axes, z)));
        Atom anyNan = spread(b.emit(new ReduceOr(axes), e.nan), axes, z);
        Atom wanted = b.select(anyNan, e.nan, reached);
        // The first true element of a 0/1 array is its first maximum.
        Atom ones = b.emit(new ConvertElementType(z.re().aval().dtype(), false), wanted);
        return b.emit(new Argmax(axis, indexDtype), ones);
    }

    /**
     * The running max (min) along {@code axis}, as a doubling scan: after the step of width
     * {@code s} each element holds the extreme of the {@code 2s} elements up to it. Where an
     * element has a NaN part, it and everything after it hold the first such element, as NumPy's
     * {@code maximum.accumulate} gives.
     */
    ReIm cumulative(ReIm z, int axis, boolean reverse, boolean max) {
        int n = z.re().aval().shape().dim(axis);
        double beyond = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (int s = 1; s < n; s *= 2) {
            ReIm earlier = new ReIm(shift(z.re(), axis, s, reverse, beyond), shift(z.im(), axis, s, reverse, beyond));
            ReIm m = pick(earlier, z, max);
            Atom laterNan = isNan(z), earlierNan = isNan(earlier);
            z = new ReIm(b.select(earlierNan, earlier.re(), b.select(laterNan, z.re(), m.re())),
                    b.select(earlierNan, earlier.im(), b.select(laterNan, z.im(), m.im())));
        }
        return z;
    }

    /**
     * The lexicographic max (min) of each window: the operand's parts padded, and base-dilated,
     * with JAX's identity ({@code -inf + 0i} for max, {@code inf + 0i} for min), then one strided
     * slice per offset in the window, each of the output's shape, picked from in turn. A window of
     * {@code k} elements costs {@code k} slices, which pooling windows keep small.
     */
    ReIm window(ReIm z, WindowConfig w, ShapedArray outPart, boolean max) {
        double identity = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        int rank = outPart.rank();
        int[] size = ints(w.windowDimensions());
        if (outPart.size() == 0 || java.util.Arrays.stream(size).anyMatch(k -> k == 0)) {
            return new ReIm(b.full(identity, outPart), b.full(0, outPart));
        }
        Seq<PadConfig> config = Vector.range(0, rank)
                .map(d -> new PadConfig(w.padding().get(d).lo(), w.padding().get(d).hi(), w.baseDilation().get(d) - 1));
        ShapedArray scalar = new ShapedArray(Shape.SCALAR, outPart.dtype(), false);
        Atom re = b.emit(new Pad(config), z.re(), b.full(identity, scalar)), im = b.emit(new Pad(config), z.im(), b.full(0, scalar));
        ReIm best = null;
        Atom nan = null;
        int[] offset = new int[rank];
        do {
            Seq<Integer> start = Vector.range(0, rank).map(d -> offset[d] * w.windowDilation().get(d));
            Seq<Integer> limit = Vector.range(0, rank).map(d -> start.get(d) + (outPart.shape().dim(d) - 1) * w.windowStrides().get(d) + 1);
            Slice slice = new Slice(start, limit, w.windowStrides());
            ReIm here = new ReIm(b.emit(slice, re), b.emit(slice, im));
            best = best == null ? here : pick(here, best, max);
            nan = nan == null ? isNan(here) : b.emit(new Or(), nan, isNan(here));
        } while (advance(offset, size));
        Atom nanFill = b.full(Double.NaN, outPart);
        return new ReIm(b.select(nan, nanFill, best.re()), b.select(nan, nanFill, best.im()));
    }

    /** {@code x} moved {@code s} places along {@code axis} (back, for a reverse scan), {@code fill} moving in. */
    private Atom shift(Atom x, int axis, int s, boolean reverse, double fill) {
        ShapedArray av = x.aval();
        Seq<PadConfig> config = Vector.range(0, av.rank())
                .map(d -> d != axis ? new PadConfig(0, 0, 0) : reverse ? new PadConfig(-s, s, 0) : new PadConfig(s, -s, 0));
        return b.emit(new Pad(config), x, b.full(fill, new ShapedArray(Shape.SCALAR, av.dtype(), false)));
    }

    /** The lexicographic extreme of the elements without NaN parts, and where the NaN parts are. */
    private record Extremes(Atom re, Atom im, Atom nan) {}

    private Extremes extremes(ReIm z, Seq<Integer> axes, boolean max) {
        Atom nan = isNan(z);
        Atom beyond = b.full(max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, z.re().aval());
        Atom re = b.select(nan, beyond, z.re());
        Atom bestRe = b.emit(max ? new ReduceMax(axes) : new ReduceMin(axes), re);
        Atom holders = b.emit(new And(), b.emit(new Not(), nan), b.emit(new Eq(), re, spread(bestRe, axes, z)));
        Atom bestIm = b.emit(max ? new ReduceMax(axes) : new ReduceMin(axes), b.select(holders, z.im(), beyond));
        return new Extremes(bestRe, bestIm, nan);
    }

    private Atom compare(Atom x, Atom y, boolean greater) {
        return b.emit(greater ? new Gt() : new Lt(), x, y);
    }

    private Atom isNan(Atom x) {
        return b.emit(new Ne(), x, x);
    }

    private Atom isNan(ReIm z) {
        return b.emit(new Or(), isNan(z.re()), isNan(z.im()));
    }

    /** {@return {@code reduced} broadcast back over the reduced {@code axes} to the shape of z's parts} */
    private Atom spread(Atom reduced, Seq<Integer> axes, ReIm z) {
        ShapedArray in = z.re().aval();
        Seq<Integer> kept = Vector.range(0, in.rank()).filter(d -> !axes.contains(d));
        return b.emit(new BroadcastInDim(in.shape(), kept), reduced);
    }

    /** Steps {@code index} to the next position in row-major order within {@code size}; {@return false after the last} */
    private static boolean advance(int[] index, int[] size) {
        for (int d = index.length - 1; d >= 0; d--) {
            if (++index[d] < size[d]) return true;
            index[d] = 0;
        }
        return false;
    }

    private static int[] ints(Seq<Integer> axes) {
        return axes.toJavaStream().mapToInt(Integer::intValue).toArray();
    }
}
