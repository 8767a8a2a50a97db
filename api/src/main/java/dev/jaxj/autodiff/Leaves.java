package dev.jaxj.autodiff;

import dev.jaxj.array.Array;
import dev.jaxj.array.Tracer;
import dev.jaxj.errors.NotDifferentiable;
import dev.jaxj.errors.TreeError;
import dev.jaxj.tree.Tree;
import dev.jaxj.tree.TreeDef;
import io.vavr.collection.Seq;

/** A pytree whose leaves are arrays, flattened. */
public record Leaves(Seq<Array> arrays, TreeDef treeDef) {

    /** Flattens {@code tree}; every leaf must be an {@link Array}. */
    public static Leaves of(Object tree, String op) {
        Tree.Flattened f;
        try {
            f = Tree.flatten(tree);
        } catch (TreeError e) {
            // Named after the transform the user called, not the flatten inside it.
            throw new TreeError(op, e.detail(), e.where(), e);
        }
        if (!f.leaves().forAll(l -> l instanceof Array)) {
            // Paths cost a second walk; take it only to say where the bad leaf is.
            for (Tree.PathLeaf pl : Tree.flattenWithPath(tree)) {
                if (!(pl.leaf() instanceof Array)) {
                    throw new TreeError(op, "every leaf must be an Array, got " + pl.leaf().getClass().getSimpleName() + " at " + pl.path());
                }
            }
        }
        return new Leaves(f.leaves().map(Array.class::cast), f.treeDef());
    }

    /**
     * Like {@link #of}, for what the user hands to a transform (its arguments, tangents or
     * cotangents): a tracer that escaped an earlier transform is refused here, because a
     * function that only passes it through would never bind it, so never notice.
     *
     * @throws dev.jaxj.errors.TracerLeakError naming {@code op} for an escaped tracer
     */
    public static Leaves inputs(Object tree, String op) {
        Leaves l = of(tree, op);
        for (Array a : l.arrays()) if (a instanceof Tracer t) t.requireActive(op);
        return l;
    }

    /** Like {@link #of}, and every leaf must be floating-point or complex (differentiation inputs). */
    public static Leaves differentiable(Object tree, String op) {
        Leaves l = inputs(tree, op);
        if (l.arrays().forAll(a -> a.dtype().isInexact())) return l;
        for (Tree.PathLeaf pl : Tree.flattenWithPath(tree)) {
            Array a = (Array) pl.leaf();
            if (!a.dtype().isInexact()) {
                throw new NotDifferentiable(op, "requires floating-point or complex inputs, got " + a.aval()
                        + (pl.path().entries().isEmpty() ? "" : " at " + pl.path()) + "; convert it with astype(DType.F32), or capture it in the function instead of passing it as an input");
            }
        }
        return l;
    }

    /** {@return a tree of this structure holding {@code leaves}} */
    @SuppressWarnings("unchecked")
    public <T> T rebuild(Seq<? extends Array> leaves) {
        return (T) treeDef.unflatten(leaves);
    }
}
