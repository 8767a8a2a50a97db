package dev.jaxj.tree;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.Tuple3;
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.stream.Collectors;

/**
 * Record types for the tree tests, and an oracle written without the code under test: a
 * printer that spells out each container's kind, so two trees have the same structure exactly
 * when their skeletons are equal.
 */
final class TreeSamples {
    private TreeSamples() {}

    record Params(Object w, Object b) {}

    record Pair(Object a, Object b) {}

    record Layer(Object kernel, Object bias) {}

    record Model(Object layers) {}

    record Dense(Object w, @Static int features) {}

    record Box(Object value) {}

    /** {@return the structure of a generated tree with its kinds spelled out, each leaf as {@code *}} */
    static String skeleton(Object t) {
        return switch (t) {
            case Integer _ -> "*";
            case Params(var w, var b) -> "Params(" + skeleton(w) + "," + skeleton(b) + ")";
            case Pair(var a, var b) -> "Pair(" + skeleton(a) + "," + skeleton(b) + ")";
            case Dense(var w, var f) -> "Dense(" + skeleton(w) + ",features=" + f + ")";
            case Box(var v) -> "Box(" + skeleton(v) + ")";
            case List<?> l -> "List" + l.map(TreeSamples::skeleton).mkString("[", ",", "]");
            case Vector<?> v -> "Vector" + v.map(TreeSamples::skeleton).mkString("[", ",", "]");
            case java.util.List<?> l -> "JList" + l.stream().map(TreeSamples::skeleton).collect(Collectors.joining(",", "[", "]"));
            case HashMap<?, ?> m -> "HashMap" + sortedEntries(m.toJavaMap());
            case LinkedHashMap<?, ?> m -> "LinkedHashMap" + m.map(e -> e._1 + ":" + skeleton(e._2)).mkString("{", ",", "}");
            case TreeMap<?, ?> m -> "TreeMap" + sortedEntries(m.toJavaMap());
            case java.util.Map<?, ?> m -> "JMap" + sortedEntries(m);
            case Tuple2<?, ?> p -> "T2(" + skeleton(p._1) + "," + skeleton(p._2) + ")";
            case Tuple3<?, ?, ?> p -> "T3(" + skeleton(p._1) + "," + skeleton(p._2) + "," + skeleton(p._3) + ")";
            case Option<?> o -> o.isEmpty() ? "None" : "Some(" + skeleton(o.get()) + ")";
            default -> throw new IllegalArgumentException("not a generated tree: " + t.getClass());
        };
    }

    private static String sortedEntries(java.util.Map<?, ?> m) {
        return new java.util.TreeMap<>(m).entrySet().stream()
                .map(e -> e.getKey() + ":" + skeleton(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** {@return the number of Integer leaves of a generated tree, counted without the code under test} */
    static int leafCount(Object t) {
        return (int) skeleton(t).chars().filter(c -> c == '*').count();
    }

    /** A tree with one container of each kind, for tests that need a bit of everything. */
    static Object everyKind() {
        return List.of(
                new Params(1, Vector.of(2, 3)),
                HashMap.of("b", Tuple.of(5, Option.some(6)), "a", 4),
                Option.none(),
                java.util.List.of(7),
                TreeMap.of("y", 8),
                new Dense(9, 3));
    }
}
