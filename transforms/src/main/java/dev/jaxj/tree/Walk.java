package dev.jaxj.tree;

import dev.jaxj.errors.TreeError;
import io.vavr.collection.Iterator;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.ArrayList;

/**
 * The recursive walks behind {@link Tree} and {@link TreeDef}: flatten, unflatten, flatten up
 * to a prefix, and list key paths.
 *
 * <p>The walks keep no path on the way down; a {@link TreeFault} collects it on the way up,
 * so the common case pays nothing for the error messages.
 */
final class Walk {
    private Walk() {}

    /** {@return the leaves and structure of {@code tree}} */
    static Tree.Flattened flatten(Object tree, String op) {
        var leaves = new ArrayList<Object>();
        try {
            var def = flatten(tree, leaves);
            return new Tree.Flattened(Vector.ofAll(leaves), def);
        } catch (TreeFault f) {
            throw f.toError(op);
        }
    }

    private static TreeDef flatten(Object x, ArrayList<Object> leaves) {
        if (x == null) throw TreeFault.nullValue();
        var parts = Nodes.parts(x);
        if (parts.isEmpty()) {
            leaves.add(x);
            return TreeDef.Leaf.INSTANCE;
        }
        var p = parts.get();
        var defs = new TreeDef[p.children().size()];
        int i = 0;
        for (Object child : p.children()) {
            try {
                defs[i] = flatten(child, leaves);
            } catch (TreeFault f) {
                throw f.under(Nodes.keys(p.kind(), p.aux(), defs.length).get(i));
            }
            i++;
        }
        return new TreeDef.Node(p.kind(), p.aux(), Vector.of(defs));
    }

    /** {@return the tree of structure {@code def} with these leaves} */
    static Object unflatten(TreeDef def, Seq<?> leaves, String op) {
        int expected = def.numLeaves();
        if (leaves.size() != expected)
            throw new TreeError(op, "the structure " + def + " takes " + expected + " leaves, got " + leaves.size());
        try {
            return build(def, leaves.iterator());
        } catch (TreeFault f) {
            throw f.toError(op);
        }
    }

    private static Object build(TreeDef def, Iterator<?> leaves) {
        return switch (def) {
            case TreeDef.Leaf _ -> {
                Object leaf = leaves.next();
                if (leaf == null) throw TreeFault.nullValue();
                yield leaf;
            }
            case TreeDef.Node(var kind, var aux, var children) -> {
                var built = new Object[children.size()];
                int i = 0;
                for (var child : children) {
                    try {
                        built[i] = build(child, leaves);
                    } catch (TreeFault f) {
                        throw f.under(Nodes.keys(kind, aux, built.length).get(i));
                    }
                    i++;
                }
                yield Nodes.rebuild(kind, aux, Vector.of(built));
            }
        };
    }

    /**
     * {@return the subtrees of {@code tree} at the leaves of {@code prefix}}
     *
     * @throws TreeFault where {@code tree} does not have {@code prefix} as a prefix
     */
    static Seq<Object> flattenUpTo(TreeDef prefix, Object tree) {
        var out = new ArrayList<Object>();
        upTo(prefix, tree, out);
        return Vector.ofAll(out);
    }

    private static void upTo(TreeDef def, Object x, ArrayList<Object> out) {
        if (x == null) throw TreeFault.nullValue();
        switch (def) {
            case TreeDef.Leaf _ -> out.add(x);
            case TreeDef.Node(var kind, var aux, var children) -> {
                var parts = Nodes.parts(x);
                if (parts.isEmpty() || !parts.get().kind().equals(kind) || !parts.get().aux().equals(aux)
                        || parts.get().children().size() != children.size())
                    throw new TreeFault("expected " + def, describe(x));
                int i = 0;
                for (var child : parts.get().children()) {
                    try {
                        upTo(children.get(i), child, out);
                    } catch (TreeFault f) {
                        throw f.under(Nodes.keys(kind, aux, children.size()).get(i));
                    }
                    i++;
                }
            }
        }
    }

    /** {@return a tree's structure for a message, or what it is when it has none} */
    static String describe(Object x) {
        if (x == null) return "null";
        try {
            var def = flatten(x, new ArrayList<>());
            return def instanceof TreeDef.Leaf ? "a leaf (" + x.getClass().getName() + ")" : def.toString();
        } catch (TreeFault f) {
            return "a malformed " + x.getClass().getName();
        }
    }

    /** {@return the key paths of the leaves of {@code def}, in leaf order} */
    static Seq<KeyPath> paths(TreeDef def) {
        var out = new ArrayList<KeyPath>();
        paths(def, KeyPath.ROOT, out);
        return Vector.ofAll(out);
    }

    private static void paths(TreeDef def, KeyPath here, ArrayList<KeyPath> out) {
        switch (def) {
            case TreeDef.Leaf _ -> out.add(here);
            case TreeDef.Node(var kind, var aux, var children) -> {
                var keys = Nodes.keys(kind, aux, children.size());
                for (int i = 0; i < children.size(); i++) paths(children.get(i), here.append(keys.get(i)), out);
            }
        }
    }
}
