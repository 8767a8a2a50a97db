package dev.jaxj.numpy;

import dev.jaxj.Jnp.Ufunc;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.lax.ScanResult;
import io.vavr.Tuple;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * The methods of a {@link Ufunc} for any function, as JAX's generic {@code ufunc} defines
 * them: {@code reduce} and {@code accumulate} are one {@code scan} along the axis,
 * {@code outer} is one broadcast call, {@code at} a {@code fori_loop} that applies the function
 * once per index, so that repeated indices compound.
 */
public final class UfuncMethods {
    private UfuncMethods() {}

    private static void binary(Ufunc u, String method) {
        if (u.nin() != 2) throw new ArgumentError(u.name() + "." + method, "is only defined for binary ufuncs, got nin = " + u.nin());
    }

    /** {@code f(…f(f(a[0], a[1]), a[2])…)} along {@code axis}; an empty axis gives the identity. */
    public static Array reduce(Ufunc u, Array a, int axis, boolean keepdims) {
        String op = u.name() + ".reduce";
        binary(u, "reduce");
        if (a.ndim() == 0) throw new ShapeError(op, "needs an array of rank >= 1, got " + a.aval());
        int ax = Axes.normalize(op, axis, a);
        int n = a.shape().dim(ax);
        Array out;
        if (n == 0) {
            double id = u.identity().getOrElseThrow(() -> new ArgumentError(op, "zero-size array to a reduction which has no identity, got " + a.aval()));
            out = Creation.full(a.shape().without(ax), id, a.dtype());
        } else {
            Array xs = Manipulation.moveaxis(a, new int[] {ax}, new int[] {0});
            out = n == 1 ? first(xs) : scan(u, xs).carry();
        }
        return keepdims ? Lax.expandDims(out, Vector.of(ax)) : out;
    }

    /** The running {@link #reduce}: element {@code i} along {@code axis} combines {@code a[0..i]}. */
    public static Array accumulate(Ufunc u, Array a, int axis) {
        String op = u.name() + ".accumulate";
        binary(u, "accumulate");
        if (a.ndim() == 0) throw new ShapeError(op, "needs an array of rank >= 1, got " + a.aval());
        int ax = Axes.normalize(op, axis, a);
        int n = a.shape().dim(ax);
        if (n <= 1) return a;
        Array xs = Manipulation.moveaxis(a, new int[] {ax}, new int[] {0});
        ScanResult<Array, Array> r = scan(u, xs);
        Array head = Lax.expandDims(Lax.convertElementType(first(xs), r.carry().dtype()), Vector.of(0));
        return Manipulation.moveaxis(Lax.concatenate(Vector.of(head, r.ys()), 0), new int[] {0}, new int[] {ax});
    }

    /** The running combination of {@code xs[0], xs[1], …}: its final carry, and every carry from {@code f(xs[0], xs[1])} on. */
    private static ScanResult<Array, Array> scan(Ufunc u, Array xs) {
        int n = xs.shape().dim(0);
        Array c1 = call(u, first(xs), Lax.squeeze(Manipulation.sliceAxis(xs, 0, 1, 2), Vector.of(0)));
        if (n == 2) return new ScanResult<>(c1, Lax.expandDims(c1, Vector.of(0)));
        ScanResult<Array, Array> rest = Lax.scan((Array c, Array x) -> {
            Array next = Lax.convertElementType(call(u, c, x), c.dtype());
            return Tuple.of(next, next);
        }, c1, Manipulation.sliceAxis(xs, 0, 2, n));
        return new ScanResult<>(rest.carry(), Lax.concatenate(Vector.of(Lax.expandDims(c1, Vector.of(0)), rest.ys()), 0));
    }

    /** {@code f(a[i, j, …], b[k, l, …])} for every pair: shape {@code a.shape ++ b.shape}. */
    public static Array outer(Ufunc u, Array a, Array b) {
        binary(u, "outer");
        int[] dims = new int[a.ndim() + b.ndim()];
        java.util.Arrays.fill(dims, 1);
        System.arraycopy(a.shape().toArray(), 0, dims, 0, a.ndim());
        return call(u, Lax.reshape(a, Shape.of(dims)), b);
    }

    /**
     * {@code a} with {@code a[indices[k]] = f(a[indices[k]], b[k])} applied for each {@code k}
     * in turn (functional, as JAX's {@code inplace=False}); {@code b} broadcasts to
     * {@code indices.shape ++ a.shape[1:]}. Unary ufuncs take no {@code b}, binary ones need it.
     */
    public static Array at(Ufunc u, Array a, Array indices, Option<Array> b) {
        String op = u.name() + ".at";
        if (!indices.dtype().isInteger()) throw new DTypeError(op, "indices must be integer typed, got " + indices.aval());
        if (a.ndim() == 0) throw new ShapeError(op, "needs an array of rank >= 1, got " + a.aval());
        Array idx = Lax.convertElementType(Manipulation.ravel(indices), DType.I32);
        int n = idx.size();
        if (n == 0) return a;
        if (b.isDefined() != (u.nin() == 2)) {
            throw new ArgumentError(op, "takes " + (u.nin() == 2 ? "values b" : "no values b") + " for nin = " + u.nin() + ", got " + (b.isDefined() ? "values" : "none"));
        }
        Option<Array> updates = Option.none();
        if (b.isDefined()) {
            int[] dims = new int[a.ndim()];
            dims[0] = n;
            System.arraycopy(a.shape().toArray(), 1, dims, 1, a.ndim() - 1);
            int[] target = java.util.Arrays.copyOf(indices.shape().toArray(), indices.ndim() + a.ndim() - 1);
            System.arraycopy(a.shape().toArray(), 1, target, indices.ndim(), a.ndim() - 1);
            updates = Option.some(Lax.reshape(Manipulation.broadcastTo(b.get(), Shape.of(target)), Shape.of(dims)));
        }
        Option<Array> bs = updates;
        return Lax.foriLoop(0, n, (Array k, Array acc) -> {
            Array i = Lax.reshape(Lax.dynamicSlice(idx, Vector.of(k), Vector.of(1)), Shape.SCALAR);
            Array cur = acc.at(i).get();
            Array v = bs.isEmpty() ? call(u, cur)
                    : call(u, cur, Lax.squeeze(Lax.dynamicSlice(bs.get(), zeroStarts(bs.get(), k), sliceSizes(bs.get())), Vector.of(0)));
            return acc.at(i).set(v);
        }, a);
    }

    private static Vector<Array> zeroStarts(Array x, Array k) {
        return Vector.range(0, x.ndim()).map(d -> d == 0 ? k : Array.scalar(0, k.dtype()));
    }

    private static Vector<Integer> sliceSizes(Array x) { return x.shape().toSeq().toVector().update(0, 1); }

    private static Array first(Array xs) { return Lax.squeeze(Manipulation.sliceAxis(xs, 0, 0, 1), Vector.of(0)); }

    /** {@return {@code u} applied to {@code args}} @throws ArgumentError when their number is not {@code nin} */
    public static Array call(Ufunc u, Array... args) {
        if (args.length != u.nin()) throw new ArgumentError(u.name(), "takes " + u.nin() + " arguments, got " + args.length);
        return u.func().apply(Vector.of(args));
    }
}
