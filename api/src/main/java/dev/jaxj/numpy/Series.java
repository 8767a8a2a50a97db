package dev.jaxj.numpy;

import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.array.Promotion;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import static dev.jaxj.numpy.Operands.fullLike;

/** Sequences of values: phase unwrapping ({@code unwrap}) and polynomial long division ({@code polydiv}). */
public final class Series {
    private Series() {}

    /**
     * {@code p} with every jump between neighbours along {@code axis} larger than
     * {@code discont} (default {@code period / 2}) replaced by its equivalent modulo
     * {@code period}, so that the result changes smoothly. Computes in a floating dtype.
     */
    public static Array unwrap(Array p, Option<Double> discont, int axis, double period) {
        String op = "unwrap";
        if (p.ndim() == 0) throw new ShapeError(op, "needs an array of rank >= 1, got " + p.aval());
        Array x = Operands.inexact(p);
        if (x.weakType()) x = Lax.convertElementType(x, x.dtype(), false);
        int a = Axes.normalize(op, axis, x);
        int n = x.shape().dim(a);
        if (n < 2) return x;
        Array dd = Lax.sub(Manipulation.sliceAxis(x, a, 1, n), Manipulation.sliceAxis(x, a, 0, n - 1));
        double high = period / 2, low = -high;
        double disc = discont.getOrElse(high);
        // NumPy's rule: map each jump into [-period/2, period/2), a jump of exactly +period/2 staying positive.
        Array shifted = Operands.add(dd, -low);
        Array mod = Lax.rem(shifted, fullLike(shifted, period));
        mod = Lax.select(Lax.lt(mod, fullLike(mod, 0)), Operands.add(mod, period), mod);
        Array ddmod = Operands.add(mod, low);
        ddmod = Lax.select(Lax.and(Lax.eq(ddmod, fullLike(ddmod, low)), Lax.gt(dd, fullLike(dd, 0))), fullLike(ddmod, high), ddmod);
        Array correct = Lax.sub(ddmod, dd);
        correct = Lax.select(Lax.lt(Lax.abs(dd), fullLike(dd, disc)), fullLike(correct, 0), correct);
        Array cum = Lax.cumsum(correct, a, false);
        Array zero = Lax.broadcastInDim(Array.scalar(0, x.dtype()), x.shape().with(a, 1), Vector.empty());
        return Lax.add(x, Lax.concatenate(Vector.of(zero, cum), a));
    }

    /**
     * Polynomial division {@code u / v} of 1-d coefficient arrays (highest power first): the
     * quotient, of length {@code max(len(u) - len(v) + 1, 1)}, and the remainder, of
     * {@code u}'s length as in JAX (its leading entries are the cancelled ones, about zero;
     * NumPy trims them).
     */
    public static Tuple2<Array, Array> polydiv(Array u, Array v) {
        String op = "polydiv";
        if (u.ndim() != 1 || v.ndim() != 1 || v.size() == 0) throw new ShapeError(op, "needs 1-d coefficient arrays, v not empty, got " + Operands.avals(u, v));
        Vector<Array> p = NumpyOps.promote(op, Promotion.Kind.INEXACT, Vector.of(u, v)).toVector();
        Array uu = p.get(0), vv = p.get(1);
        int m = u.size() - 1, n = v.size() - 1;
        Array scale = Lax.div(Array.scalar(1.0, vv.dtype()), Lax.reshape(Searching.slice(vv, 0, 0, 1), Shape.SCALAR));
        Array r = uu;
        Vector<Array> q = Vector.empty();
        for (int k = 0; k <= m - n; k++) {
            Array d = Lax.mul(scale, Lax.reshape(Searching.slice(r, 0, k, k + 1), Shape.SCALAR));
            q = q.append(d);
            Array sub = Lax.mul(Lax.broadcastInDim(d, vv.shape(), Vector.empty()), vv);
            Array update = Lax.sub(Searching.slice(r, 0, k, k + n + 1), sub);
            r = Lax.dynamicUpdateSlice(r, update, Vector.of(Array.scalar(k, dev.jaxj.ir.DType.I32)));
        }
        Array quotient = q.isEmpty() ? Lax.broadcastInDim(Array.scalar(0, uu.dtype()), Shape.of(1), Vector.empty()) : Joining.stack(q, 0);
        return Tuple.of(quotient, r);
    }
}
