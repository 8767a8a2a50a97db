package dev.jaxj.random;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.GatherDimensionNumbers;
import dev.jaxj.ir.Primitive.GatherScatterMode;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import static dev.jaxj.random.Bits.*;

/**
 * JAX's {@code permutation} and {@code choice}. Shuffles sort by fresh random 32-bit keys in a
 * few rounds (a stable sort, so ties keep the previous round's order) instead of running
 * Fisher-Yates, which parallelises badly; the number of rounds makes a collision-free round
 * likely for the array's size.
 */
public final class Discrete {
    private Discrete() {}

    /** {@return a random permutation of {@code 0 … n-1} (i32)} */
    public static Array permutation(Key key, int n) {
        if (n < 0) throw new ArgumentError("random.permutation", "n must be >= 0, got " + n);
        return shuffle(key, Lax.iota(DType.I32, Shape.of(n), 0), 0);
    }

    /**
     * {@return {@code x} with its slices along {@code axis} permuted}; with {@code independent}
     * every 1-d fibre along the axis gets its own permutation
     * @throws ShapeError for a scalar {@code x} (use {@link #permutation(Key, int)})
     */
    public static Array permutation(Key key, Array x, int axis, boolean independent) {
        if (x.ndim() == 0) throw new ShapeError("random.permutation", "x must be at least 1-dimensional, got " + x.aval() + "; pass an int n to permute 0 … n-1");
        int ax = NumpyOps.normalizeAxis("random.permutation", axis, x.ndim());
        if (independent || x.ndim() == 1) return shuffle(key, x, ax);
        // One permutation of the axis for all slices: JAX shuffles an iota and gathers with it.
        return take(x, shuffle(key, Lax.iota(DType.I32, Shape.of(x.shape().dim(ax)), 0), 0), ax);
    }

    /** JAX's {@code _shuffle}: sort {@code x} along {@code axis} by random u32 keys, in enough rounds for its size. */
    static Array shuffle(Key key, Array x, int axis) {
        int rounds = (int) Math.ceil(3 * Math.log(Math.max(1, x.size())) / Math.log(0xFFFF_FFFFL));
        for (int r = 0; r < rounds; r++) {
            Key keys = new Key(Threefry.split(key, Shape.of(2)), key.mode());
            key = keys.get(0);
            Array sortKeys = Threefry.randomBits(keys.get(1), 32, x.shape());
            x = Lax.sort(Vector.of(sortKeys, x), axis, true, 1).get(1);
        }
        return x;
    }

    /**
     * {@return {@code shape} draws from {@code 0 … n-1}}, uniform or weighted by {@code p}, with or
     * without replacement (i32)
     */
    public static Array choice(Key key, int n, Shape shape, boolean replace, Option<Array> p) {
        return draw(key, n, Option.none(), shape, replace, p, 0);
    }

    /**
     * {@return {@code shape} draws of slices of {@code a} along {@code axis}}; the result has
     * shape {@code a.shape[:axis] + shape + a.shape[axis+1:]}
     */
    public static Array choice(Key key, Array a, Shape shape, boolean replace, Option<Array> p, int axis) {
        if (a.ndim() == 0) throw new ShapeError("random.choice", "a must be at least 1-dimensional, got " + a.aval() + "; pass an int n to draw from 0 … n-1");
        int ax = NumpyOps.normalizeAxis("random.choice", axis, a.ndim());
        return draw(key, a.shape().dim(ax), Option.some(a), shape, replace, p, ax);
    }

    private static Array draw(Key key, int n, Option<Array> a, Shape shape, boolean replace, Option<Array> p, int axis) {
        int draws = shape.size();
        DType dtype = a.map(Array::dtype).getOrElse(DType.I32);
        if (draws == 0) return Jnp.zeros(shape, dtype);
        if (n <= 0) throw new ArgumentError("random.choice", "a must be greater than 0 unless no samples are taken, got " + n);
        if (!replace && draws > n) {
            throw new ArgumentError("random.choice", "cannot take a larger sample (size " + draws + ") than population (size " + n + ") when replace is false");
        }
        Array result;
        if (p.isEmpty() && replace) {
            Array ind = IntegerSamplers.randint(key, shape, integer(0, DType.I32), integer(n, DType.I32), DType.I32);
            result = a.isEmpty() ? ind : take(a.get(), ind, axis);
        } else if (p.isEmpty()) {
            Array perm = a.isEmpty() ? permutation(key, n) : permutation(key, a.get(), axis, false);
            result = slice(perm, axis, 0, draws);
        } else {
            Array probs = NumpyOps.toInexact(p.get());
            if (!probs.shape().equals(Shape.of(n))) {
                throw new ShapeError("random.choice", "p must be a 1-d vector of size a.shape[axis] = " + n + ", got " + probs.aval());
            }
            Array ind = replace ? inverseCdf(key, probs, shape) : gumbelTopK(key, probs, draws);
            result = a.isEmpty() ? ind : take(a.get(), ind, axis);
        }
        Shape out = a.isEmpty() ? shape : spliced(a.get().shape(), axis, shape);
        return Lax.reshape(result, out);
    }

    /** Weighted draws with replacement: the first index whose cumulative weight reaches {@code total * (1 - u)}. */
    private static Array inverseCdf(Key key, Array p, Shape shape) {
        Array cuml = Lax.cumsum(p, 0, false);
        Array total = Lax.reshape(slice(cuml, 0, p.size() - 1, p.size()), Shape.SCALAR);
        DType dt = p.dtype();
        Array u = Samplers.uniform(key, shape, dt, real(0, dt), real(1, dt));
        Array r = total.mul(Lax.sub(to(real(1, dt), shape), u));
        // searchsorted(cuml, r, side='left') counts the cumulative weights below r.
        Shape grid = append(shape, p.size());
        Array below = Lax.lt(to(cuml, grid), to(Lax.reshape(r, append(shape, 1)), grid));
        return Lax.reduceSum(Lax.convertElementType(below, DType.I32), Vector.of(shape.rank()));
    }

    /** Weighted draws without replacement: the {@code k} largest of {@code gumbel + log p} (Gumbel top-k), ties to the lower index. */
    private static Array gumbelTopK(Key key, Array p, int k) {
        int n = p.size();
        Array g = Lax.sub(Lax.neg(Samplers.gumbel(key, Shape.of(n), p.dtype())), Lax.log(p));
        Seq<Array> sorted = Lax.sort(Vector.of(g, Lax.iota(DType.I32, Shape.of(n), 0)), 0, true, 1);
        return slice(sorted.get(1), 0, 0, k);
    }

    /** {@return {@code jnp.take(x, ind, axis)}: a gather of whole slices, the axis replaced by {@code ind}'s axes} */
    static Array take(Array x, Array ind, int axis) {
        int r = x.ndim(), q = ind.ndim();
        Vector<Integer> offset = Vector.range(0, axis).appendAll(Vector.range(axis + q, r - 1 + q));
        var dims = new GatherDimensionNumbers(offset, Vector.of(axis), Vector.of(axis), Vector.empty(), Vector.empty());
        Vector<Integer> sizes = Vector.ofAll(x.shape().toArray()).update(axis, 1);
        Array indices = Lax.reshape(ind, append(ind.shape(), 1));
        return Lax.gather(x, indices, dims, sizes, GatherScatterMode.PROMISE_IN_BOUNDS);
    }

    private static Shape append(Shape s, int d) { return s.insert(s.rank(), d); }

    /** {@code base[:axis] + middle + base[axis+1:]} */
    private static Shape spliced(Shape base, int axis, Shape middle) {
        int[] b = base.toArray();
        int[] out = new int[b.length - 1 + middle.rank()];
        int k = 0;
        for (int i = 0; i < axis; i++) out[k++] = b[i];
        for (int d : middle.toArray()) out[k++] = d;
        for (int i = axis + 1; i < b.length; i++) out[k++] = b[i];
        return Shape.of(out);
    }
}
