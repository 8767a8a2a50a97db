package dev.jaxj.numpy;

import dev.jaxj.Jnp.RavelMode;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.array.Promotion;
import dev.jaxj.array.Index;
import dev.jaxj.array.Take;
import dev.jaxj.array.Tracer;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ConcretizationError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.GatherScatterMode;
import dev.jaxj.ir.Primitive.PadConfig;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.Arrays;
import java.util.stream.IntStream;

import static dev.jaxj.numpy.Operands.fullLike;

/**
 * Functional editing of arrays, JAX's versions of NumPy's in-place and resizing functions:
 * {@code append}, {@code insert}, {@code delete}, {@code resize}, {@code compress},
 * {@code extract}, {@code place}, {@code put}, {@code put_along_axis}, {@code fill_diagonal},
 * {@code choose}. Each returns a new array. Results whose shape depends on index values need
 * those values concrete (or, as in JAX, a static {@code size}); the rest are gathers and
 * scatters, so they trace and differentiate.
 */
public final class Editing {
    private Editing() {}

    /** {@code arr} with {@code values} appended along {@code axis}, or both flattened when none. */
    public static Array append(Array arr, Array values, Option<Integer> axis) {
        if (axis.isEmpty()) return Joining.concatenate(Vector.of(Manipulation.ravel(arr), Manipulation.ravel(values)), 0);
        if (arr.ndim() != values.ndim()) {
            throw new ShapeError("append", "arr and values must have the same rank along an axis, got " + Operands.avals(arr, values));
        }
        return Joining.concatenate(Vector.of(arr, values), axis.get());
    }

    /**
     * {@code arr} with {@code values} inserted before the positions {@code obj} along
     * {@code axis} (the flattened array when none). A scalar {@code obj} inserts all of
     * {@code values} as one block (its leading axis becomes {@code axis}, as in NumPy); a 1-d
     * {@code obj} inserts one slice per position. Positions clamp into {@code [-n, n]} and may be
     * traced: the result's shape depends only on their number.
     */
    public static Array insert(Array arr, Array obj, Array values, Option<Integer> axis) {
        String op = "insert";
        if (obj.ndim() > 1) throw new ShapeError(op, "index array must be 0-d or 1-d, got " + obj.aval());
        if (!obj.dtype().isInteger()) throw new DTypeError(op, "index array must be integer typed, got " + obj.aval());
        Array a = axis.isEmpty() ? Manipulation.ravel(arr) : arr;
        if (a.ndim() == 0) throw new ShapeError(op, "needs an array of rank >= 1 along an axis, got " + arr.aval());
        int ax = axis.isEmpty() ? 0 : Axes.normalize(op, axis.get(), a);
        int n = a.shape().dim(ax);
        Array v = Lax.convertElementType(values, a.dtype());
        if (v.ndim() < a.ndim()) v = Lax.reshape(v, prependOnes(v.shape(), a.ndim()));
        if (obj.ndim() == 0) v = Manipulation.moveaxis(v, new int[] {0}, new int[] {ax});
        if (v.ndim() != a.ndim()) throw new ShapeError(op, "values have more axes than arr, got " + Operands.avals(arr, values));
        int vn = v.shape().dim(ax);
        // One position inserts values as a block; several insert one slice each.
        int count = obj.size() == 1 ? vn : obj.size();
        if (obj.size() != 1 && vn != 1 && vn != count) {
            throw new ShapeError(op, "values do not broadcast to " + count + " positions along axis " + ax + ", got " + Operands.avals(arr, obj, values));
        }
        v = Manipulation.broadcastTo(v, a.shape().with(ax, count));
        Array idx = Lax.convertElementType(obj, DType.I32);
        idx = Lax.clamp(Array.scalar(-n, DType.I32), idx, Array.scalar(n, DType.I32));
        idx = Lax.select(Lax.lt(idx, fullLike(idx, 0)), Operands.add(idx, n), idx);
        idx = idx.size() == count ? Lax.reshape(idx, Shape.of(count)) : Lax.broadcastInDim(Lax.reshape(idx, Shape.SCALAR), Shape.of(count), Vector.empty());
        // The k-th inserted slice (in stable order of position) lands k places after its position.
        Array order = Sorting.argsort(idx, Option.some(0), true, false);
        Array at = idx.at(order).add(Lax.iota(DType.I32, Shape.of(count), 0));
        Array kept = Lax.broadcastInDim(Array.scalar(true), Shape.of(n + count), Vector.empty()).at(at).set(Array.scalar(false));
        Array from = firstTrue(kept, n);
        Array out = Lax.broadcastInDim(Array.scalar(0, a.dtype()), a.shape().with(ax, n + count), Vector.empty());
        return out.at(along(ax, at)).set(v).at(along(ax, from)).set(a);
    }

    /**
     * {@code arr} without the positions {@code obj} along {@code axis} (the flattened array when
     * none). Positions must be concrete, in {@code [-n, n)}; repeats count once.
     */
    public static Array delete(Array arr, int[] obj, Option<Integer> axis) {
        String op = "delete";
        Array a = axis.isEmpty() ? Manipulation.ravel(arr) : arr;
        if (a.ndim() == 0) throw new ShapeError(op, "needs an array of rank >= 1 along an axis, got " + arr.aval());
        int ax = axis.isEmpty() ? 0 : Axes.normalize(op, axis.get(), a);
        int n = a.shape().dim(ax);
        boolean[] drop = new boolean[n];
        for (int i : obj) {
            if (i < -n || i >= n) throw new ShapeError(op, "index " + i + " is out of bounds for axis " + ax + " of size " + n + ", got " + arr.aval());
            drop[i < 0 ? i + n : i] = true;
        }
        int[] keep = IntStream.range(0, n).filter(i -> !drop[i]).toArray();
        return Take.take(a, ints(keep), ax, Take.Mode.CLIP);
    }

    /** {@link #delete(Array, int[], Option)} with the positions a slice selects. */
    public static Array delete(Array arr, Index.Slice obj, Option<Integer> axis) {
        Array a = axis.isEmpty() ? Manipulation.ravel(arr) : arr;
        int ax = axis.isEmpty() ? 0 : Axes.normalize("delete", axis.get(), a);
        Index.Span s = obj.span(a.ndim() == 0 ? 0 : a.shape().dim(ax));
        return delete(arr, IntStream.range(0, s.length()).map(s::at).toArray(), axis);
    }

    /**
     * {@link #delete(Array, int[], Option)} with an integer array of positions (or a concrete
     * bool mask of the entries to remove). It must be
     * concrete unless {@code assumeUniqueIndices}: then, as in JAX, the positions may be traced,
     * must be distinct and in range, and the result loses exactly {@code obj.size()} entries.
     */
    public static Array delete(Array arr, Array obj, Option<Integer> axis, boolean assumeUniqueIndices) {
        String op = "delete";
        if (obj.dtype().isBool() && !(obj instanceof Tracer)) {
            // A bool mask names the entries to remove, as NumPy's.
            boolean[] m = obj.toBooleanArray();
            int n = axis.isEmpty() ? arr.size() : arr.shape().dim(Axes.normalize(op, axis.get(), arr));
            if (obj.ndim() != 1 || m.length != n) throw new ShapeError(op, "a bool mask must be 1-d of the axis' length " + n + ", got " + Operands.avals(arr, obj));
            return delete(arr, IntStream.range(0, n).filter(i -> m[i]).toArray(), axis);
        }
        if (!obj.dtype().isInteger()) throw new DTypeError(op, "index array must be integer (or a concrete bool mask), got " + obj.aval());
        if (!assumeUniqueIndices) {
            if (obj instanceof Tracer) {
                throw new ConcretizationError(op, "the result's shape depends on the values of a traced " + obj.aval()
                        + "; pass concrete indices, or assumeUniqueIndices = true as JAX's assume_unique_indices");
            }
            return delete(arr, Arrays.stream(obj.toLongArray()).mapToInt(l -> (int) l).toArray(), axis);
        }
        Array a = axis.isEmpty() ? Manipulation.ravel(arr) : arr;
        if (a.ndim() == 0) throw new ShapeError(op, "needs an array of rank >= 1 along an axis, got " + arr.aval());
        int ax = axis.isEmpty() ? 0 : Axes.normalize(op, axis.get(), a);
        int n = a.shape().dim(ax);
        if (obj.size() > n) throw new ShapeError(op, "cannot delete " + obj.size() + " entries from an axis of size " + n + ", got " + Operands.avals(arr, obj));
        Array keep = Lax.broadcastInDim(Array.scalar(true), Shape.of(n), Vector.empty()).at(Manipulation.ravel(obj)).set(Array.scalar(false));
        return Take.take(a, firstTrue(keep, n - obj.size()), ax, Take.Mode.CLIP);
    }

    /**
     * {@code a} flattened, repeated cyclically to fill {@code shape} (NumPy's {@code resize}, not
     * the zero-padding method); zeros when {@code a} is empty.
     */
    public static Array resize(Array a, int... shape) {
        for (int d : shape) if (d < 0) throw new ArgumentError("resize", "new shape must be non-negative, got " + Arrays.toString(shape) + " for " + a.aval());
        Shape s = Shape.of(shape);
        if (a.size() == 0 || s.size() == 0) return Lax.broadcastInDim(Array.scalar(0, a.dtype()), s, Vector.empty());
        Array flat = Manipulation.ravel(a);
        int reps = (s.size() + a.size() - 1) / a.size();
        return Lax.reshape(Manipulation.sliceAxis(Manipulation.tile(flat, reps), 0, 0, s.size()), s);
    }

    /**
     * The slices of {@code a} along {@code axis} (the flattened array when none) where the 1-d
     * {@code condition} is true. As in JAX, the longer of the condition and the axis is cut to
     * the other's length. Without {@code size} the condition must be concrete;
     * with it, as in JAX, the first {@code size} selected slices come out, padded with
     * {@code fillValue}.
     */
    public static Array compress(Array condition, Array a, Option<Integer> axis, Option<Integer> size, double fillValue) {
        return compress("compress", condition, a, axis, size, fillValue);
    }

    private static Array compress(String op, Array condition, Array a, Option<Integer> axis, Option<Integer> size, double fillValue) {
        if (condition.ndim() != 1) throw new ShapeError(op, "condition must be 1-d, got " + Operands.avals(condition, a));
        Array arr = axis.isEmpty() ? Manipulation.ravel(a) : Manipulation.moveaxis(a, new int[] {Axes.normalize(op, axis.get(), a)}, new int[] {0});
        if (arr.ndim() == 0) throw new ShapeError(op, "needs an array of rank >= 1 along an axis, got " + a.aval());
        int len = Math.min(condition.size(), arr.shape().dim(0));
        Array c = Operands.truthy(Manipulation.sliceAxis(condition, 0, 0, len));
        arr = Manipulation.sliceAxis(arr, 0, 0, len);
        Array result;
        if (size.isEmpty()) {
            if (condition instanceof Tracer) {
                throw new ConcretizationError(op, "the result's shape depends on the values of a traced " + condition.aval()
                        + "; pass a static size (and fill value), as JAX's size argument");
            }
            result = Take.take(arr, Indices.nonzero(c, Option.none(), Option.none()).head(), 0, Take.Mode.CLIP);
        } else {
            int k = size.get();
            if (k < 0) throw new ArgumentError(op, "size must be non-negative, got " + k + " for " + Operands.avals(condition, a));
            Array mask = Lax.broadcastInDim(c, arr.shape(), Vector.of(0));
            arr = Lax.select(mask, arr, fullLike(arr, fillValue));
            // Selected slices first, each group in its original order; past the axis, fill.
            Array order = Sorting.argsort(Lax.convertElementType(Lax.not(c), DType.I32), Option.some(0), true, false);
            result = Take.take(arr, Manipulation.sliceAxis(order, 0, 0, Math.min(k, len)), 0, Take.Mode.CLIP);
            if (k > len) {
                Vector<PadConfig> pad = Vector.range(0, result.ndim()).map(d -> new PadConfig(0, d == 0 ? k - len : 0, 0));
                result = Lax.pad(result, Array.scalar(fillValue, result.dtype()), pad);
            }
        }
        return axis.isEmpty() ? result : Manipulation.moveaxis(result, new int[] {0}, new int[] {Axes.normalize(op, axis.get(), a)});
    }

    /** The elements of {@code arr} where {@code condition} is true, both flattened: {@code compress(ravel(condition), ravel(arr))}. */
    public static Array extract(Array condition, Array arr, Option<Integer> size, double fillValue) {
        return compress("extract", Manipulation.ravel(condition), Manipulation.ravel(arr), Option.none(), size, fillValue);
    }

    /**
     * {@code arr} with the positions where {@code mask} is true set to {@code vals} in order,
     * repeating {@code vals} cyclically (NumPy's {@code place}, functional as JAX's with
     * {@code inplace=False}); {@code vals} must not be empty.
     */
    public static Array place(Array arr, Array mask, Array vals) {
        String op = "place";
        if (mask.size() != arr.size()) throw new ShapeError(op, "mask must have the size of arr, got " + Operands.avals(arr, mask));
        Array v = Lax.convertElementType(Manipulation.ravel(vals), arr.dtype());
        if (v.size() == 0) throw new ArgumentError(op, "cannot place values from an empty array, got " + Operands.avals(arr, mask, vals));
        if (arr.size() == 0) return arr;
        Array m = Operands.truthy(Manipulation.ravel(mask));
        Array rank = Lax.cumsum(Lax.convertElementType(m, DType.I32), 0, false);
        Array which = Lax.rem(Lax.max(Operands.add(rank, -1), fullLike(rank, 0)), fullLike(rank, v.size()));
        Array picked = Take.take(v, which, 0, Take.Mode.CLIP);
        return Lax.reshape(Lax.select(m, picked, Manipulation.ravel(arr)), arr.shape());
    }

    /**
     * {@code a} with the flat positions {@code ind} set to {@code v} (repeated cyclically to the
     * number of positions). {@link Take.Mode#FILL}, JAX's default, drops out-of-range positions
     * and counts negative ones from the end; {@code CLIP} clamps into range; {@code WRAP} wraps.
     */
    public static Array put(Array a, Array ind, Array v, Take.Mode mode) {
        String op = "put";
        if (!ind.dtype().isInteger()) throw new DTypeError(op, "indices must be integer typed, got " + Operands.avals(a, ind, v));
        Array flat = Manipulation.ravel(a), i = Lax.convertElementType(Manipulation.ravel(ind), DType.I32);
        if (a.size() == 0 || i.size() == 0 || v.size() == 0) return a;
        Array vals = resize(Lax.convertElementType(v, a.dtype()), i.size());
        int n = a.size();
        Array out = switch (mode) {
            case FILL -> flat.at(i).withMode(GatherScatterMode.FILL_OR_DROP).set(vals);
            case CLIP -> flat.at(Lax.clamp(Array.scalar(0, DType.I32), i, Array.scalar(n - 1, DType.I32))).set(vals);
            case WRAP -> flat.at(floorMod(i, n)).set(vals);
        };
        return Lax.reshape(out, a.shape());
    }

    /**
     * {@code arr} with {@code values} written at the positions {@code indices} names along
     * {@code axis} (NumPy's {@code put_along_axis}, functional): {@code indices} has
     * {@code arr}'s rank and, off {@code axis}, sizes 1 or {@code arr}'s; {@code values}
     * broadcast to it. Without an axis both are flattened (the result keeps {@code arr}'s
     * shape). Out-of-range positions are dropped, negative ones count from the end.
     */
    public static Array putAlongAxis(Array arr, Array indices, Array values, Option<Integer> axis) {
        String op = "put_along_axis";
        if (!indices.dtype().isInteger()) throw new DTypeError(op, "indices must be integer typed, got " + Operands.avals(arr, indices));
        Array a = axis.isEmpty() ? Manipulation.ravel(arr) : arr;
        if (axis.isEmpty() && indices.ndim() != 1) throw new ShapeError(op, "indices must be 1-d when axis is none, got " + Operands.avals(arr, indices));
        if (indices.ndim() != a.ndim()) throw new ShapeError(op, "indices must have the rank of arr, got " + Operands.avals(arr, indices));
        int ax = axis.isEmpty() ? 0 : Axes.normalize(op, axis.get(), a);
        Object[] idx = new Object[a.ndim()];
        for (int d = 0; d < a.ndim(); d++) {
            if (d == ax) {
                idx[d] = indices;
                continue;
            }
            int nd = a.shape().dim(d), id = indices.shape().dim(d);
            if (id != 1 && id != nd) throw new ShapeError(op, "indices do not broadcast against arr off axis " + ax + ", got " + Operands.avals(arr, indices));
            int[] dims = new int[a.ndim()];
            Arrays.fill(dims, 1);
            dims[d] = nd;
            idx[d] = Lax.iota(DType.I32, Shape.of(dims), d);
        }
        Array out = a.at(idx).withMode(GatherScatterMode.FILL_OR_DROP).set(values);
        return Lax.reshape(out, arr.shape());
    }

    /**
     * {@code a} with its main diagonal set to {@code val} (repeated cyclically). {@code a} is at
     * least 2-d, with equal sizes beyond 2-d; a tall matrix gets one diagonal, or with
     * {@code wrap} a new one every {@code ncols + 1} rows, as NumPy's.
     */
    public static Array fillDiagonal(Array a, Array val, boolean wrap) {
        String op = "fill_diagonal";
        if (a.ndim() < 2) throw new ShapeError(op, "array must be at least 2-d, got " + a.aval());
        int[] dims = a.shape().toArray();
        if (a.ndim() > 2 && Arrays.stream(dims).anyMatch(d -> d != dims[0])) {
            throw new ShapeError(op, "all dimensions of input must be of equal length, got " + a.aval());
        }
        // Element (i, i, …) lies i times the sum of the row-major strides into the flat array.
        int step = Arrays.stream(a.shape().strides()).sum();
        int end = a.ndim() == 2 && !wrap ? Math.min(a.size(), dims[1] * dims[1]) : a.size();
        int[] pos = IntStream.iterate(0, p -> p < end, p -> p + step).toArray();
        if (pos.length == 0 || val.size() == 0) return a;
        Array at = ints(pos);
        Array v = resize(Lax.convertElementType(val, a.dtype()), pos.length);
        return Lax.reshape(Manipulation.ravel(a).at(at).set(v), a.shape());
    }

    /**
     * Elementwise {@code choices[a]}: {@code a} and the choices broadcast together and the
     * choices promote. {@link RavelMode#RAISE} (JAX's default) needs a concrete {@code a} in
     * {@code [0, n)}; {@code WRAP} takes it modulo {@code n}; {@code CLIP} clamps it.
     */
    public static Array choose(Array a, Seq<Array> choices, RavelMode mode) {
        String op = "choose";
        if (choices.isEmpty()) throw new ArgumentError(op, "needs at least one choice, got none for " + a.aval());
        if (!a.dtype().isInteger()) throw new DTypeError(op, "a must be integer typed, got " + a.aval());
        int n = choices.size();
        Array idx = Lax.convertElementType(a, DType.I32);
        idx = switch (mode) {
            case RAISE -> {
                if (a instanceof Tracer) {
                    throw new ConcretizationError(op, "mode RAISE checks the values of a, got a traced " + a.aval() + "; use WRAP or CLIP under a transform");
                }
                for (long v : a.toLongArray()) {
                    if (v < 0 || v >= n) throw new ArgumentError(op, "invalid entry " + v + " in the choice array for " + n + " choices, got " + a.aval());
                }
                yield idx;
            }
            case WRAP -> floorMod(idx, n);
            case CLIP -> Lax.clamp(Array.scalar(0, DType.I32), idx, Array.scalar(n - 1, DType.I32));
        };
        Seq<Array> promoted = NumpyOps.promote(op, Promotion.Kind.ANY, choices);
        Vector<Array> cases = NumpyOps.broadcast(op, promoted.prepend(idx));
        return Lax.selectN(cases.head(), cases.tail());
    }

    static Array ints(int[] v) { return Array.fromHost(ShapedArray.of(DType.I32, v.length), HostData.own(DType.I32, v.clone())); }

    /** {@return the positions of the first {@code size} true elements of the 1-d {@code mask}} */
    private static Array firstTrue(Array mask, int size) {
        // nonzero's scatter cannot yet drop into an empty result, so size 0 is answered here.
        return size == 0 ? ints(new int[0]) : Indices.nonzero(mask, Option.some(size), Option.none()).head();
    }

    /** {@return {@code i mod n} in {@code [0, n)}} */
    static Array floorMod(Array i, int n) {
        Array m = fullLike(i, n);
        return Lax.rem(Lax.add(Lax.rem(i, m), m), m);
    }

    private static Object[] along(int axis, Array idx) {
        Object[] o = new Object[axis + 1];
        Arrays.fill(o, 0, axis, Index.all());
        o[axis] = idx;
        return o;
    }

    private static Shape prependOnes(Shape s, int rank) {
        int[] d = new int[rank];
        Arrays.fill(d, 1);
        System.arraycopy(s.toArray(), 0, d, rank - s.rank(), s.rank());
        return Shape.of(d);
    }
}
