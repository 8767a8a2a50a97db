package dev.jaxj.compiler.pass;

import dev.jaxj.ir.Atom;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Primitive.BroadcastInDim;
import dev.jaxj.ir.Primitive.ExpandDims;
import dev.jaxj.ir.Primitive.Reshape;
import dev.jaxj.ir.Primitive.Rev;
import dev.jaxj.ir.Primitive.Squeeze;
import dev.jaxj.ir.Primitive.Transpose;
import dev.jaxj.ir.Shape;
import io.vavr.collection.Seq;
import io.vavr.collection.TreeSet;
import io.vavr.collection.Vector;

import static dev.jaxj.compiler.pass.AlgebraicSimplifier.forward;

/** {@link AlgebraicSimplifier}'s rules for chains of data-movement primitives. */
final class StructuralRules {
    private StructuralRules() {}

    /** transpose of a transpose is one transpose: output axis i reads the inner operand's axis {@code inner[outer[i]]}. */
    static boolean transpose(Rewriter rw, Eqn e, Transpose t, Atom x) {
        if (isIdentity(t.permutation())) return forward(rw, e, x);
        return rw.definition(x).exists(d -> d.prim() instanceof Transpose inner && composeTransposes(rw, e, inner, t, d.in().head()));
    }

    private static boolean composeTransposes(Rewriter rw, Eqn e, Transpose inner, Transpose outer, Atom y) {
        Seq<Integer> perm = outer.permutation().map(inner.permutation()::get);
        return isIdentity(perm) ? forward(rw, e, y) : rw.redefine(e, new Transpose(perm), Vector.of(y));
    }

    private static boolean isIdentity(Seq<Integer> perm) {
        return perm.zipWithIndex().forAll(p -> p._1.equals(p._2));
    }

    /**
     * reshape, squeeze and expand_dims all keep row-major order, so a chain of them is one
     * reshape to the last shape, or nothing when that is the first operand's shape.
     */
    static boolean reshape(Rewriter rw, Eqn e, Atom x) {
        Shape target = e.out().head().aval().shape();
        if (x.aval().shape().equals(target)) return forward(rw, e, x);
        return rw.definition(x).exists(d -> isReshapeLike(d) && (d.in().head().aval().shape().equals(target)
                ? forward(rw, e, d.in().head())
                : rw.redefine(e, new Reshape(target), Vector.of(d.in().head()))));
    }

    private static boolean isReshapeLike(Eqn d) {
        return d.prim() instanceof Reshape || d.prim() instanceof Squeeze || d.prim() instanceof ExpandDims;
    }

    /**
     * broadcast_in_dim of a broadcast_in_dim is one: operand axis i goes to the middle axis
     * {@code inner[i]}, then to output axis {@code outer[inner[i]]}. Sizes stay valid, since an
     * axis of size other than 1 keeps its size through both.
     */
    static boolean broadcast(Rewriter rw, Eqn e, BroadcastInDim b, Atom x) {
        if (x.aval().shape().equals(b.shape())) return forward(rw, e, x);
        return rw.definition(x).exists(d -> d.prim() instanceof BroadcastInDim inner
                && rw.redefine(e, new BroadcastInDim(b.shape(), inner.broadcastDimensions().map(b.broadcastDimensions()::get)), Vector.of(d.in().head())));
    }

    /** Reversing an axis twice undoes it; reversing an axis of size 0 or 1 does nothing. */
    static boolean rev(Rewriter rw, Eqn e, Rev r, Atom x) {
        TreeSet<Integer> axes = effectiveAxes(r, x);
        if (axes.isEmpty()) return forward(rw, e, x);
        return rw.definition(x).exists(d -> d.prim() instanceof Rev inner && composeRevs(rw, e, axes, effectiveAxes(inner, d.in().head()), d.in().head()));
    }

    private static boolean composeRevs(Rewriter rw, Eqn e, TreeSet<Integer> outer, TreeSet<Integer> inner, Atom y) {
        TreeSet<Integer> odd = outer.diff(inner).union(inner.diff(outer));
        return odd.isEmpty() ? forward(rw, e, y) : rw.redefine(e, new Rev(odd.toVector()), Vector.of(y));
    }

    private static TreeSet<Integer> effectiveAxes(Rev r, Atom x) {
        return TreeSet.ofAll(r.dimensions()).filter(a -> x.aval().shape().dim(a) > 1);
    }
}
