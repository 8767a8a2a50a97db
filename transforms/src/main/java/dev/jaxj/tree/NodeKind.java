package dev.jaxj.tree;

import java.util.Comparator;

import static java.util.Objects.requireNonNull;

/**
 * What kind of container a {@link TreeDef.Node} is: enough, with the node's aux data, to rebuild
 * it from its children.
 *
 * <p>Kinds compare by value and hold no leaves, so a {@link TreeDef} stays cheap to hash and
 * safe to keep as a cache key. The aux data that goes with each kind is listed on its case.
 */
public sealed interface NodeKind {

    /**
     * The built-in containers. Sequences, tuples and options carry no aux data
     * ({@link io.vavr.Tuple0}); maps carry their keys, in child order, as a {@code Seq<Object>}.
     */
    enum Builtin implements NodeKind {
        /** {@link io.vavr.collection.List}. */
        LIST,
        /** {@link io.vavr.collection.Vector}. */
        VECTOR,
        /** {@link io.vavr.collection.Array}. */
        VAVR_ARRAY,
        /** {@link java.util.List}, rebuilt unmodifiable. */
        JAVA_LIST,
        /** {@link io.vavr.Tuple0} to {@link io.vavr.Tuple8}; the arity is the number of children. */
        TUPLE,
        /** {@link io.vavr.control.Option}: {@code None} has no child, {@code Some} one. */
        OPTION,
        /** {@link io.vavr.collection.HashMap}, children in sorted key order. */
        HASH_MAP,
        /** {@link io.vavr.collection.LinkedHashMap}, children in insertion order. */
        LINKED_HASH_MAP,
        /**
         * {@link java.util.Map}: children in the map's own order when it is a
         * {@link java.util.SequencedMap}, else in sorted key order; rebuilt unmodifiable, in child order.
         */
        JAVA_MAP
    }

    /**
     * {@link io.vavr.collection.TreeMap}, children in the order of its comparator, which the kind
     * keeps so that the map is rebuilt with it. Aux data: the keys, in child order.
     *
     * @param comparator the map's key order
     */
    record TreeMapKind(Comparator<?> comparator) implements NodeKind {
        public TreeMapKind { requireNonNull(comparator, "comparator is null"); }
    }

    /**
     * A record: children are its components in declaration order, less those marked
     * {@link Static}. Aux data: the values of the static components, as a {@code Seq<Object>}.
     *
     * @param type the record class
     */
    record RecordKind(Class<? extends Record> type) implements NodeKind {
        public RecordKind { requireNonNull(type, "type is null"); }
    }

    /**
     * A {@link TreeNode} or a registered class, taken apart by its {@link NodeType}. Aux data:
     * whatever {@link NodeType#aux} returns.
     *
     * @param type     the node's exact class
     * @param nodeType the rules that take it apart and rebuild it
     */
    record CustomKind(Class<?> type, NodeType<?> nodeType) implements NodeKind {
        public CustomKind {
            requireNonNull(type, "type is null");
            requireNonNull(nodeType, "nodeType is null");
        }
    }
}
