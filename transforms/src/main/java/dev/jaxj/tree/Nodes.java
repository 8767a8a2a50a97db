package dev.jaxj.tree;

import io.vavr.Tuple;
import io.vavr.Tuple0;
import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.Iterator;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Traversable;
import io.vavr.collection.TreeMap;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.Collections;
import java.util.Comparator;
import java.util.SequencedMap;

/**
 * The node rules: which objects are containers, how each kind is taken apart, rebuilt, keyed
 * and printed. Every rule is one exhaustive switch over {@link NodeKind}.
 */
final class Nodes {
    /**
     * One container taken apart.
     *
     * @param kind     its kind
     * @param aux      its static data, as documented on the kind
     * @param children its children, in order
     */
    record Parts(NodeKind kind, Object aux, Seq<Object> children) {}

    /** What a class is, decided once per class; the registry is consulted on top of it. */
    private enum Category {
        LIST, VECTOR, VAVR_ARRAY, JAVA_LIST, TUPLE, OPTION, HASH_MAP, LINKED_HASH_MAP, TREE_MAP, JAVA_MAP,
        TREE_NODE, UNSUPPORTED, RECORD, OTHER
    }

    private static final ClassValue<Category> CATEGORY = new ClassValue<>() {
        @Override protected Category computeValue(Class<?> type) { return categorize(type); }
    };

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Comparator<Object> NATURAL = (a, b) -> ((Comparable) a).compareTo(b);

    private Nodes() {}

    private static Category categorize(Class<?> type) {
        if (List.class.isAssignableFrom(type)) return Category.LIST;
        if (Vector.class.isAssignableFrom(type)) return Category.VECTOR;
        if (io.vavr.collection.Array.class.isAssignableFrom(type)) return Category.VAVR_ARRAY;
        if (java.util.List.class.isAssignableFrom(type)) return Category.JAVA_LIST;
        if (Tuple.class.isAssignableFrom(type)) return Category.TUPLE;
        if (Option.class.isAssignableFrom(type)) return Category.OPTION;
        if (HashMap.class.isAssignableFrom(type)) return Category.HASH_MAP;
        if (LinkedHashMap.class.isAssignableFrom(type)) return Category.LINKED_HASH_MAP;
        if (TreeMap.class.isAssignableFrom(type)) return Category.TREE_MAP;
        if (java.util.Map.class.isAssignableFrom(type)) return Category.JAVA_MAP;
        if (TreeNode.class.isAssignableFrom(type)) return Category.TREE_NODE;
        // Other collections would silently become one leaf; a CharSeq is a string, so it is one.
        if ((Traversable.class.isAssignableFrom(type) && !io.vavr.collection.CharSeq.class.isAssignableFrom(type))
                || java.util.Collection.class.isAssignableFrom(type)) return Category.UNSUPPORTED;
        if (type.isRecord()) return Category.RECORD;
        return Category.OTHER;
    }

    /** {@return whether instances of {@code type} are built-in containers} */
    static boolean isBuiltIn(Class<?> type) {
        return switch (CATEGORY.get(type)) {
            case LIST, VECTOR, VAVR_ARRAY, JAVA_LIST, TUPLE, OPTION, HASH_MAP, LINKED_HASH_MAP, TREE_MAP,
                 JAVA_MAP -> true;
            case TREE_NODE, UNSUPPORTED, RECORD, OTHER -> false;
        };
    }

    /**
     * {@return the parts of a container, or none for a leaf}
     *
     * @throws TreeFault for an unsupported collection, or a null map key or static value
     */
    @SuppressWarnings("unchecked")
    static Option<Parts> parts(Object x) {
        var type = x.getClass();
        return switch (CATEGORY.get(type)) {
            case LIST -> seq(NodeKind.Builtin.LIST, (Seq<Object>) x);
            case VECTOR -> seq(NodeKind.Builtin.VECTOR, (Seq<Object>) x);
            case VAVR_ARRAY -> seq(NodeKind.Builtin.VAVR_ARRAY, (Seq<Object>) x);
            case JAVA_LIST -> seq(NodeKind.Builtin.JAVA_LIST, Vector.ofAll((java.util.List<Object>) x));
            case TUPLE -> seq(NodeKind.Builtin.TUPLE, Seq.narrow(((Tuple) x).toSeq()));
            case OPTION -> seq(NodeKind.Builtin.OPTION, ((Option<Object>) x).toList());
            case HASH_MAP -> map(NodeKind.Builtin.HASH_MAP, sortedByKey(entries((io.vavr.collection.Map<Object, Object>) x)));
            case LINKED_HASH_MAP -> map(NodeKind.Builtin.LINKED_HASH_MAP, entries((io.vavr.collection.Map<Object, Object>) x));
            case TREE_MAP -> {
                var m = (TreeMap<Object, Object>) x;
                yield map(new NodeKind.TreeMapKind(m.comparator()), entries(m));
            }
            case JAVA_MAP -> {
                var entries = javaEntries((java.util.Map<Object, Object>) x);
                yield map(NodeKind.Builtin.JAVA_MAP, x instanceof SequencedMap<?, ?> ? entries : sortedByKey(entries));
            }
            case TREE_NODE -> custom(type, ((TreeNode) x).treeType(), x);
            case UNSUPPORTED -> registered(type, x).getOrElseThrow(() -> new TreeFault(
                    "a collection in a tree must be a List, Vector, Array, HashMap, LinkedHashMap, TreeMap, "
                            + "java.util.List or java.util.Map (or registered)", collectionName(type)));
            case RECORD -> registered(type, x).getOrElse(() -> Option.some(RecordType.of(type).parts(x)));
            case OTHER -> registered(type, x).getOrElse(Option.none());
        };
    }

    /** Vavr's collection classes are private implementations; name the interface a user wrote. */
    private static String collectionName(Class<?> type) {
        return Vector.of(io.vavr.collection.Stream.class, io.vavr.collection.Queue.class,
                        io.vavr.collection.PriorityQueue.class, io.vavr.collection.Set.class,
                        io.vavr.collection.Multimap.class, io.vavr.collection.Tree.class, Iterator.class)
                .find(c -> c.isAssignableFrom(type))
                .map(Class::getName)
                .getOrElse(type.getName());
    }

    /** {@return none when the exact class is not registered; else its parts, none for a registered leaf} */
    private static Option<Option<Parts>> registered(Class<?> type, Object x) {
        return Registry.lookup(type).map(r -> r.nodeType().flatMap(t -> custom(type, t, x)));
    }

    @SuppressWarnings("unchecked")
    private static Option<Parts> custom(Class<?> type, NodeType<?> nodeType, Object x) {
        var t = (NodeType<Object>) nodeType;
        if (t == null) throw new TreeFault("TreeNode.treeType() must return a node type", "null from " + type.getName());
        var children = t.children(x);
        if (children == null) throw new TreeFault("NodeType.children must return a sequence", "null from " + type.getName());
        var aux = t.aux(x);
        if (aux == null) throw new TreeFault("NodeType.aux must not return null", "null from " + type.getName());
        return Option.some(new Parts(new NodeKind.CustomKind(type, nodeType), aux, Vector.narrow(Vector.ofAll(children))));
    }

    private static Option<Parts> seq(NodeKind kind, Seq<Object> children) {
        return Option.some(new Parts(kind, Tuple.empty(), children));
    }

    private static Option<Parts> map(NodeKind kind, Seq<Tuple2<Object, Object>> entries) {
        entries.forEach(e -> {
            if (e._1 == null) throw new TreeFault("pytrees are null-free", "a null map key");
        });
        return Option.some(new Parts(kind, entries.map(Tuple2::_1), entries.map(Tuple2::_2)));
    }

    private static Seq<Tuple2<Object, Object>> entries(io.vavr.collection.Map<Object, Object> m) {
        return Vector.ofAll(m);
    }

    private static Seq<Tuple2<Object, Object>> javaEntries(java.util.Map<Object, Object> m) {
        return Vector.ofAll(m.entrySet()).map(e -> Tuple.of(e.getKey(), e.getValue()));
    }

    /** Keys in sorted order, as JAX sorts dict keys; keys that do not compare keep the map's order. */
    private static Seq<Tuple2<Object, Object>> sortedByKey(Seq<Tuple2<Object, Object>> entries) {
        try {
            return entries.sortBy(NATURAL, Tuple2::_1);
        } catch (ClassCastException | NullPointerException notComparable) {
            return entries;
        }
    }

    /**
     * {@return the container of this kind with this aux data and these children}
     *
     * @throws TreeFault when the children do not fit (a record component's type), or a custom
     *         node type rebuilt another class
     */
    @SuppressWarnings("unchecked")
    static Object rebuild(NodeKind kind, Object aux, Seq<Object> children) {
        return switch (kind) {
            case NodeKind.Builtin b -> switch (b) {
                case LIST -> List.ofAll(children);
                case VECTOR -> Vector.ofAll(children);
                case VAVR_ARRAY -> io.vavr.collection.Array.ofAll(children);
                case JAVA_LIST -> java.util.List.copyOf(children.asJava());
                case TUPLE -> tuple(children);
                case OPTION -> children.headOption();
                case HASH_MAP -> HashMap.ofEntries(((Seq<Object>) aux).zip(children));
                case LINKED_HASH_MAP -> LinkedHashMap.ofEntries(((Seq<Object>) aux).zip(children));
                case JAVA_MAP -> {
                    var m = new java.util.LinkedHashMap<Object, Object>();
                    ((Seq<Object>) aux).zip(children).forEach(e -> m.put(e._1, e._2));
                    yield Collections.unmodifiableSequencedMap(m);
                }
            };
            case NodeKind.TreeMapKind(var comparator) ->
                    TreeMap.ofEntries((Comparator<Object>) comparator, ((Seq<Object>) aux).zip(children));
            case NodeKind.RecordKind(var type) -> RecordType.of(type).rebuild((Seq<?>) aux, children);
            case NodeKind.CustomKind(var type, var nodeType) -> {
                Object node = nodeType.rebuild(aux, children);
                if (node == null || node.getClass() != type)
                    throw new TreeFault("a node type must rebuild the class it took apart, " + type.getName(),
                            node == null ? "null" : node.getClass().getName());
                yield node;
            }
        };
    }

    private static Tuple tuple(Seq<Object> c) {
        return switch (c.size()) {
            case 0 -> Tuple.empty();
            case 1 -> Tuple.of(c.get(0));
            case 2 -> Tuple.of(c.get(0), c.get(1));
            case 3 -> Tuple.of(c.get(0), c.get(1), c.get(2));
            case 4 -> Tuple.of(c.get(0), c.get(1), c.get(2), c.get(3));
            case 5 -> Tuple.of(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4));
            case 6 -> Tuple.of(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5));
            case 7 -> Tuple.of(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5), c.get(6));
            case 8 -> Tuple.of(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5), c.get(6), c.get(7));
            default -> throw new TreeFault("a tuple has at most 8 elements", c.size() + " children");
        };
    }

    /**
     * Checks that aux data and the number of children fit the kind, so that a hand-made
     * {@link TreeDef.Node} fails when it is made rather than when it is unflattened.
     *
     * @throws TreeFault when they do not
     */
    static void check(NodeKind kind, Object aux, int count) {
        boolean fits = switch (kind) {
            case NodeKind.Builtin b -> switch (b) {
                case LIST, VECTOR, VAVR_ARRAY, JAVA_LIST -> aux instanceof Tuple0;
                case TUPLE -> aux instanceof Tuple0 && count <= 8;
                case OPTION -> aux instanceof Tuple0 && count <= 1;
                case HASH_MAP, LINKED_HASH_MAP, JAVA_MAP -> aux instanceof Seq<?> keys && keys.size() == count;
            };
            case NodeKind.TreeMapKind _ -> aux instanceof Seq<?> keys && keys.size() == count;
            case NodeKind.RecordKind(var type) -> aux instanceof Seq<?> statics
                    && statics.size() == RecordType.of(type).staticCount() && count == RecordType.of(type).keys().size();
            case NodeKind.CustomKind _ -> true;
        };
        if (!fits) throw new TreeFault("a node's aux data and number of children must fit its kind " + kind,
                "aux " + aux + " with " + count + " children");
    }

    /** {@return the path entries of the children of a node} */
    @SuppressWarnings("unchecked")
    static Seq<KeyPath.Entry> keys(NodeKind kind, Object aux, int count) {
        return switch (kind) {
            case NodeKind.Builtin b -> switch (b) {
                case LIST, VECTOR, VAVR_ARRAY, JAVA_LIST, TUPLE, OPTION -> Vector.range(0, count).map(KeyPath.Index::new);
                case HASH_MAP, LINKED_HASH_MAP, JAVA_MAP -> ((Seq<Object>) aux).map(KeyPath.Key::new);
            };
            case NodeKind.TreeMapKind _ -> ((Seq<Object>) aux).map(KeyPath.Key::new);
            case NodeKind.RecordKind(var type) -> RecordType.of(type).keys();
            case NodeKind.CustomKind(_, var nodeType) -> nodeType.keys(aux, count);
        };
    }

    /** {@return a node printed from its children's text, e.g. {@code Params(w=*, b=*)} or {@code {'a': *}}} */
    @SuppressWarnings("unchecked")
    static String format(NodeKind kind, Object aux, Seq<String> children) {
        return switch (kind) {
            case NodeKind.Builtin b -> switch (b) {
                case LIST -> children.mkString("[", ", ", "]");
                case VECTOR -> children.mkString("Vector[", ", ", "]");
                case VAVR_ARRAY -> children.mkString("Array[", ", ", "]");
                case JAVA_LIST -> children.mkString("java.util.List[", ", ", "]");
                case TUPLE -> children.mkString("(", ", ", ")");
                case OPTION -> children.isEmpty() ? "None" : children.mkString("Some(", ", ", ")");
                case HASH_MAP -> entries("", (Seq<Object>) aux, children);
                case LINKED_HASH_MAP -> entries("LinkedHashMap", (Seq<Object>) aux, children);
                case JAVA_MAP -> entries("java.util.Map", (Seq<Object>) aux, children);
            };
            case NodeKind.TreeMapKind _ -> entries("TreeMap", (Seq<Object>) aux, children);
            case NodeKind.RecordKind(var type) -> RecordType.of(type).format((Seq<?>) aux, children);
            case NodeKind.CustomKind(var type, _) -> RecordType.name(type)
                    + (aux instanceof Tuple0 ? "" : "[" + KeyPath.show(aux) + "]") + children.mkString("(", ", ", ")");
        };
    }

    private static String entries(String prefix, Seq<Object> keys, Seq<String> children) {
        return keys.zipWith(children, (k, c) -> KeyPath.show(k) + ": " + c).mkString(prefix + "{", ", ", "}");
    }
}
