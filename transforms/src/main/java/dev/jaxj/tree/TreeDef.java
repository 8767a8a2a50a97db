package dev.jaxj.tree;

import dev.jaxj.errors.TreeError;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static java.util.Objects.requireNonNull;

/**
 * The structure of a pytree with its leaves taken out: JAX's {@code PyTreeDef}.
 *
 * <p>Immutable, and compared by value: two trees with the same containers, record types, map
 * keys and static data have equal definitions, whatever their leaves. It holds no leaves, so
 * it is cheap to hash and safe to keep, which is what lets it be part of the {@code jit} cache
 * key. It prints like the tree with each leaf shown as {@code *}:
 * {@snippet lang=text :
 * Params(w=*, b=*)   [*, *]   {'a': *, 'b': [*, *]}   (*, Some(*))   Vector[*]
 * }
 */
public sealed interface TreeDef {

    /** A leaf: one position for a value. */
    record Leaf() implements TreeDef {
        static final Leaf INSTANCE = new Leaf();

        @Override public String toString() { return "*"; }
    }

    /**
     * A container.
     *
     * @param kind     what container it is
     * @param aux      its static data, as documented on each {@link NodeKind}
     * @param children the structure of each child, in order
     */
    record Node(NodeKind kind, Object aux, Seq<TreeDef> children) implements TreeDef {
        /** @throws TreeError when the aux data or the number of children does not fit the kind */
        public Node {
            requireNonNull(kind, "kind is null");
            requireNonNull(aux, "aux is null");
            requireNonNull(children, "children is null");
            children = Vector.ofAll(children);
            try {
                Nodes.check(kind, aux, children.size());
            } catch (TreeFault f) {
                throw f.toError("tree_def");
            }
        }

        @Override public String toString() { return Nodes.format(kind, aux, children.map(TreeDef::toString)); }
    }

    /** {@return the definition of a single leaf} */
    static TreeDef leaf() { return Leaf.INSTANCE; }

    /** {@return the number of leaves} */
    default int numLeaves() {
        return switch (this) {
            case Leaf _ -> 1;
            case Node n -> n.children().foldLeft(0, (sum, c) -> sum + c.numLeaves());
        };
    }

    /** {@return the structures of the children; none for a leaf} */
    default Seq<TreeDef> children() {
        return switch (this) {
            case Leaf _ -> Vector.empty();
            case Node n -> n.children();
        };
    }

    /**
     * {@return the tree of this structure with these leaves}, containers rebuilt as described
     * on {@link NodeKind}: {@snippet :
     * var flat = Tree.flatten(params);
     * Params doubled = (Params) flat.treeDef().unflatten(flat.leaves().map(x -> twice(x)));
     * }
     *
     * @param leaves {@link #numLeaves()} leaves, in leaf order
     * @throws TreeError when the number of leaves differs, a leaf is null, or a record component
     *         does not accept its new value
     */
    default Object unflatten(Seq<?> leaves) {
        requireNonNull(leaves, "leaves is null");
        return Walk.unflatten(this, leaves, "tree_unflatten");
    }

    /**
     * {@return the subtrees of {@code tree} at this structure's leaves}: JAX's
     * {@code flatten_up_to}, for trees that share this structure as a prefix (such as
     * {@code vmap}'s {@code inAxes} against its arguments)
     *
     * @throws TreeError when {@code tree} does not start with this structure, naming where
     */
    default Seq<Object> flattenUpTo(Object tree) {
        try {
            return Walk.flattenUpTo(this, tree);
        } catch (TreeFault f) {
            throw f.toError("tree_flatten_up_to");
        }
    }

    /** {@return the key path of each leaf, in leaf order} */
    default Seq<KeyPath> paths() { return Walk.paths(this); }

    /** {@return this structure with {@code inner} in place of each leaf} */
    default TreeDef compose(TreeDef inner) {
        requireNonNull(inner, "inner is null");
        return switch (this) {
            case Leaf _ -> inner;
            case Node(var kind, var aux, var children) -> new Node(kind, aux, children.map(c -> c.compose(inner)));
        };
    }
}
