package dev.jaxj.tree;

import dev.jaxj.errors.TreeError;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/**
 * Operations on pytrees: JAX's {@code jax.tree} and {@code jax.tree_util}.
 *
 * <p>A pytree is a nest of containers (records, Vavr sequences, maps, tuples and options, Java
 * lists and maps, {@link TreeNode}s and registered classes) whose other values are its leaves;
 * the package documentation gives the grammar. Leaves come out in a fixed order: record
 * components in declaration order, sequences in order, unordered maps by sorted key.
 * {@snippet :
 * record Params(Array w, Array b) {}
 * var flat = Tree.flatten(new Params(w, b));   // leaves [w, b], structure Params(w=*, b=*)
 * Params scaled = Tree.map(params, x -> ((Array) x).mul(0.5f));
 * }
 * Every method rejects {@code null} anywhere in a tree with a {@link TreeError} naming where.
 */
public final class Tree {

    /**
     * A tree taken apart.
     *
     * @param leaves  the leaves, in leaf order
     * @param treeDef the structure they fit back into
     */
    public record Flattened(Seq<Object> leaves, TreeDef treeDef) {
        public Flattened {
            requireNonNull(leaves, "leaves is null");
            requireNonNull(treeDef, "treeDef is null");
        }
    }

    /**
     * A leaf with the path that leads to it.
     *
     * @param path where the leaf is, e.g. {@code layers[0].kernel}
     * @param leaf the leaf
     */
    public record PathLeaf(KeyPath path, Object leaf) {
        public PathLeaf {
            requireNonNull(path, "path is null");
            requireNonNull(leaf, "leaf is null");
        }
    }

    private Tree() {}

    /**
     * {@return the leaves of {@code tree} and its structure}
     *
     * @throws TreeError for a null anywhere, or a collection that is not a pytree container
     */
    public static Flattened flatten(Object tree) { return Walk.flatten(tree, "tree_flatten"); }

    /**
     * {@return the tree of structure {@code treeDef} with these leaves}
     *
     * @throws TreeError when the number of leaves is not {@code treeDef.numLeaves()}, or a leaf
     *         does not fit its place
     */
    public static Object unflatten(TreeDef treeDef, Seq<?> leaves) {
        requireNonNull(treeDef, "treeDef is null");
        return treeDef.unflatten(leaves);
    }

    /** {@return the leaves of {@code tree}, in leaf order} */
    public static Seq<Object> leaves(Object tree) { return flatten(tree).leaves(); }

    /** {@return the structure of {@code tree}} */
    public static TreeDef structure(Object tree) { return flatten(tree).treeDef(); }

    /**
     * {@return a tree of the same structure with {@code f} applied to each leaf}
     *
     * @param f must not return null; may return a tree, which then takes the leaf's place
     * @throws TreeError when {@code f} returns null, or a value a record component does not accept
     */
    @SuppressWarnings("unchecked")
    public static <T> T map(T tree, Function<Object, ?> f) {
        requireNonNull(f, "f is null");
        var flat = Walk.flatten(tree, "tree_map");
        var out = flat.leaves().map(f::apply);
        checkResults(flat.treeDef(), out);
        return (T) Walk.unflatten(flat.treeDef(), out, "tree_map");
    }

    /**
     * {@return {@code f} applied to the leaves of {@code a} and the matching subtrees of {@code b}}
     *
     * <p>{@code b} must have the structure of {@code a}, or a deeper one that has it as a prefix
     * (then {@code f} gets the subtree of {@code b} where {@code a} has a leaf), as in JAX.
     *
     * @throws TreeError naming both structures when {@code b} does not have {@code a}'s
     */
    public static <T> T map2(T a, Object b, BiFunction<Object, Object, ?> f) {
        requireNonNull(f, "f is null");
        return mapN(a, Vector.of(b), args -> f.apply(args.get(0), args.get(1)));
    }

    /**
     * {@return {@code f} applied, leaf by leaf, to {@code first} and each tree of {@code rest}}
     *
     * @param f gets the leaf of {@code first} followed by the matching subtree of each of {@code rest}
     * @throws TreeError naming both structures when a tree of {@code rest} does not have the
     *         structure of {@code first} as a prefix
     */
    @SuppressWarnings("unchecked")
    public static <T> T mapN(T first, Seq<?> rest, Function<Seq<Object>, ?> f) {
        requireNonNull(rest, "rest is null");
        requireNonNull(f, "f is null");
        var flat = Walk.flatten(first, "tree_map");
        var def = flat.treeDef();
        var columns = Vector.ofAll(rest).map(r -> upToForMap(def, r));
        var out = Vector.range(0, flat.leaves().size())
                .map(i -> (Object) f.apply(columns.map(c -> c.get(i)).prepend(flat.leaves().get(i))));
        checkResults(def, out);
        return (T) Walk.unflatten(def, out, "tree_map");
    }

    private static Seq<Object> upToForMap(TreeDef def, Object other) {
        try {
            return Walk.flattenUpTo(def, other);
        } catch (TreeFault f) {
            throw new TreeError("tree_map", "structures differ, got " + def + " and " + Walk.describe(other)
                    + " (" + f.detail() + ")");
        }
    }

    private static void checkResults(TreeDef def, Seq<?> out) {
        int i = out.indexOf(null);
        if (i >= 0)
            throw new TreeError("tree_map", "the function must not return null, got null for the leaf at "
                    + def.paths().get(i).where());
    }

    /** {@return the leaves of {@code tree} with their key paths, in leaf order} */
    public static Seq<PathLeaf> flattenWithPath(Object tree) {
        var flat = flatten(tree);
        return flat.treeDef().paths().zipWith(flat.leaves(), PathLeaf::new);
    }

    /**
     * {@return a copy of {@code tree} with the subtree at {@code path} (usually a leaf) replaced
     * by {@code replacement}}: a functional update, as Equinox's {@code tree_at}
     * {@snippet :
     * Model m2 = Tree.at(model, KeyPath.ROOT.field("layers").index(0).field("kernel"), newKernel);
     * }
     *
     * @throws TreeError when no subtree is at {@code path}, or the containers on the way do not
     *         accept the new value
     */
    @SuppressWarnings("unchecked")
    public static <T> T at(T tree, KeyPath path, Object replacement) {
        requireNonNull(path, "path is null");
        requireNonNull(replacement, "replacement is null");
        try {
            return (T) at(tree, path, 0, replacement);
        } catch (TreeFault f) {
            throw f.toError("tree_at");
        }
    }

    private static Object at(Object node, KeyPath path, int depth, Object replacement) {
        if (node == null) throw TreeFault.nullValue();
        var entries = path.entries();
        if (depth == entries.size()) return replacement;
        var parts = Nodes.parts(node).getOrElseThrow(() -> new TreeFault("the path " + path
                + " must lead to a subtree", "a leaf (" + node.getClass().getName() + ")"));
        var keys = Nodes.keys(parts.kind(), parts.aux(), parts.children().size());
        int i = keys.indexOf(entries.get(depth));
        if (i < 0)
            throw new TreeFault("the path " + path + " must lead to a subtree", "no child " + entries.get(depth)
                    + " among " + (keys.isEmpty() ? "no children" : keys.mkString(" ")));
        Object child;
        try {
            child = at(parts.children().get(i), path, depth + 1, replacement);
        } catch (TreeFault f) {
            throw f.under(keys.get(i));
        }
        return Nodes.rebuild(parts.kind(), parts.aux(), parts.children().update(i, child));
    }

    /**
     * {@return the leaves of {@code tree} folded from the left}: JAX's {@code tree.reduce} with
     * an initial value
     */
    public static <R> R reduce(Object tree, R initial, BiFunction<? super R, Object, ? extends R> f) {
        requireNonNull(f, "f is null");
        return leaves(tree).foldLeft(initial, f::apply);
    }

    /** {@return whether every leaf of {@code tree} satisfies {@code p}}; true for a tree without leaves */
    public static boolean all(Object tree, Predicate<Object> p) {
        requireNonNull(p, "p is null");
        return leaves(tree).forAll(p);
    }

    /**
     * {@return {@code tree}, an {@code outer} structure of {@code inner} structures, turned into
     * an {@code inner} structure of {@code outer} structures}: JAX's {@code tree.transpose}
     * {@snippet :
     * // [(1, 'a'), (2, 'b')] with outer [*, *] and inner (*, *) gives ([1, 2], ['a', 'b'])
     * }
     *
     * @throws TreeError when {@code tree} does not have the structure {@code outer.compose(inner)}
     */
    public static Object transpose(TreeDef outer, TreeDef inner, Object tree) {
        requireNonNull(outer, "outer is null");
        requireNonNull(inner, "inner is null");
        var flat = Walk.flatten(tree, "tree_transpose");
        var expected = outer.compose(inner);
        if (!flat.treeDef().equals(expected))
            throw new TreeError("tree_transpose", "the tree must be the outer structure " + outer + " of the inner "
                    + inner + ", that is " + expected + ", got " + flat.treeDef());
        int nOuter = outer.numLeaves(), nInner = inner.numLeaves();
        var leaves = flat.leaves();
        // The composed structure lists each outer leaf's inner leaves together: leaf (i, j) is at i * nInner + j.
        var columns = Vector.range(0, nInner).map(j -> outer.unflatten(
                Vector.range(0, nOuter).map(i -> leaves.get(i * nInner + j))));
        return inner.unflatten(columns);
    }

    /**
     * Makes the exact class {@code type} a node taken apart by {@code nodeType}, for classes that
     * cannot implement {@link TreeNode}. A registered record is no longer taken apart by its
     * components. Thread-safe; register at start-up, before values of the class are flattened.
     *
     * @throws TreeError when the class is abstract, built in, a {@link TreeNode}, or already registered
     */
    public static <T> void register(Class<T> type, NodeType<T> nodeType) {
        requireNonNull(nodeType, "nodeType is null");
        Registry.register(type, Option.some(nodeType));
    }

    /**
     * Makes the exact class {@code type} a leaf; for records, such as array types, that must not
     * be taken apart by their components.
     *
     * @throws TreeError when the class is abstract, built in, a {@link TreeNode}, or already registered
     */
    public static void registerLeaf(Class<?> type) {
        Registry.register(type, Option.none());
    }
}
