package dev.jaxj.numpy;

import dev.jaxj.Jax;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Selection by conditions ({@code select}, {@code piecewise}) and functions applied along or
 * over axes ({@code apply_along_axis} by {@code vmap}, {@code apply_over_axes}).
 */
public final class Functional {
    private Functional() {}

    /**
     * Element by element, the choice of the first true condition, or {@code fallback} where none
     * is true; choices and the fallback promote together.
     */
    public static Array select(Seq<Array> condlist, Seq<Array> choicelist, Array fallback) {
        if (condlist.size() != choicelist.size()) {
            throw new ArgumentError("select", "needs as many conditions as choices, got " + condlist.size() + " and " + choicelist.size());
        }
        if (condlist.isEmpty()) throw new ArgumentError("select", "needs at least one condition");
        // Checked up front, so that a shape error names select and every operand.
        Operands.broadcastShape("select", condlist.appendAll(choicelist).append(fallback).toJavaArray(Array[]::new));
        // From the last condition to the first, so that the first true one is applied last and wins.
        Array r = fallback;
        for (int i = condlist.size() - 1; i >= 0; i--) r = Logic.where(condlist.get(i), choicelist.get(i), r);
        return r;
    }

    /**
     * Applies {@code funclist[i]} where {@code condlist[i]} holds, the last true condition
     * winning; with one more function than conditions the extra one applies where none holds,
     * otherwise those elements are 0. Each function sees the whole {@code x} and must act
     * elementwise (JAX applies it to each element); results take {@code x}'s dtype.
     */
    public static Array piecewise(Array x, Seq<Array> condlist, Seq<UnaryOperator<Array>> funclist) {
        int nc = condlist.size(), nf = funclist.size();
        if (nf != nc && nf != nc + 1) {
            throw new ArgumentError("piecewise", "with " + nc + " conditions, expects " + nc + " or " + (nc + 1) + " functions, got " + nf + " for " + x.aval());
        }
        Array r = nf == nc + 1 ? result(funclist.last(), x) : Operands.fullLike(x, 0);
        for (int i = 0; i < nc; i++) {
            Array c = Operands.truthy(condlist.get(i));
            if (!c.shape().equals(x.shape())) {
                throw new ShapeError("piecewise", "conditions must have x's shape, got " + Operands.avals(x, condlist.get(i)));
            }
            r = Lax.select(c, result(funclist.get(i), x), r);
        }
        return r;
    }

    private static Array result(UnaryOperator<Array> f, Array x) {
        Array y = Lax.convertElementType(f.apply(x), x.dtype());
        return dev.jaxj.array.NumpyOps.broadcastTo(y, x.shape());
    }

    /** {@code func1d} applied to every 1-d slice along {@code axis}; its output axes take that axis's place. */
    public static Array applyAlongAxis(Function<Array, Array> func1d, int axis, Array arr) {
        int ax = Axes.normalize("apply_along_axis", axis, arr), n = arr.ndim();
        Function<Array, Array> f = func1d;
        // Trailing axes first, mapped out to the end, then the leading ones, in front: the slice axis is the last one left.
        for (int i = 1; i < n - ax; i++) f = Jax.vmap(f, i, -1);
        for (int i = 0; i < ax; i++) f = Jax.vmap(f, 0, 0);
        return f.apply(arr);
    }

    /**
     * {@code func(a, axis)} applied for each axis in turn, the result replacing {@code a}; a
     * result of one rank less gets the axis back as size 1.
     */
    public static Array applyOverAxes(BiFunction<Array, Integer, Array> func, Array a, int... axes) {
        Array r = a;
        for (int axis : axes) {
            Array b = func.apply(r, axis);
            if (b.ndim() == r.ndim()) r = b;
            else if (b.ndim() == r.ndim() - 1) r = Lax.expandDims(b, Vector.of(Axes.normalize("apply_over_axes", axis, r)));
            else throw new ShapeError("apply_over_axes", "func must keep the rank or drop one axis, got " + b.aval() + " from " + r.aval());
        }
        return r;
    }
}
