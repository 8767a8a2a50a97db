package dev.jaxj.tree;

import dev.jaxj.errors.TreeError;
import dev.jaxj.tree.TreeSamples.Dense;
import dev.jaxj.tree.TreeSamples.Layer;
import dev.jaxj.tree.TreeSamples.Model;
import dev.jaxj.tree.TreeSamples.Pair;
import dev.jaxj.tree.TreeSamples.Params;
import io.vavr.Tuple;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Stream;
import io.vavr.collection.TreeMap;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.Arrays;
import java.util.Comparator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TreeTest {

    private static String error(String op, Executable body) {
        var e = assertThrows(TreeError.class, body);
        assertEquals(op, e.op());
        return e.detail();
    }

    private static Object roundTrip(Object tree) {
        var flat = Tree.flatten(tree);
        var back = Tree.unflatten(flat.treeDef(), flat.leaves());
        assertEquals(tree, back);
        assertEquals(flat.treeDef(), Tree.structure(back));
        return back;
    }

    // --- flatten and unflatten

    @Test
    void shouldVisitRecordComponentsInDeclarationOrder() {
        var flat = Tree.flatten(new Params("w", "b"));
        assertEquals(List.of("w", "b"), flat.leaves());
        assertEquals("Params(w=*, b=*)", flat.treeDef().toString());
        assertEquals(2, flat.treeDef().numLeaves());
    }

    @Test
    void shouldTreatUnknownObjectsAsLeaves() {
        assertEquals(List.of("s"), Tree.leaves("s"));
        assertEquals(TreeDef.leaf(), Tree.structure(42));
        assertEquals(List.of(Thread.State.NEW), Tree.leaves(List.of(Thread.State.NEW)));
        assertEquals("*", TreeDef.leaf().toString());
    }

    @Test
    void shouldRoundTripEveryKindOfContainer() {
        var back = roundTrip(TreeSamples.everyKind());
        assertEquals(List.range(1, 10), Tree.leaves(back));
        roundTrip(io.vavr.collection.Array.of(1, 2));
        roundTrip(LinkedHashMap.of("z", 1, "a", 2));
        roundTrip(new java.util.HashMap<>(java.util.Map.of("k", 1, "j", 2)));
    }

    @Test
    void shouldRoundTripTuplesOfEveryArity() {
        var tuples = List.of(Tuple.empty(), Tuple.of(1), Tuple.of(1, 2), Tuple.of(1, 2, 3), Tuple.of(1, 2, 3, 4),
                Tuple.of(1, 2, 3, 4, 5), Tuple.of(1, 2, 3, 4, 5, 6), Tuple.of(1, 2, 3, 4, 5, 6, 7),
                Tuple.of(1, 2, 3, 4, 5, 6, 7, 8));
        for (int n = 0; n <= 8; n++) {
            var back = roundTrip(tuples.get(n));
            assertEquals(n, Tree.leaves(back).size());
        }
        assertEquals("(*, *, *)", Tree.structure(Tuple.of(1, 2, 3)).toString());
        assertEquals("()", Tree.structure(Tuple.empty()).toString());
    }

    @Test
    void shouldTreatNoneAsANodeWithoutChildren() {
        assertEquals(List.empty(), Tree.leaves(Option.none()));
        assertEquals("None", Tree.structure(Option.none()).toString());
        assertEquals("Some(*)", Tree.structure(Option.some(1)).toString());
        assertNotEquals(Tree.structure(Option.none()), Tree.structure(Option.some(1)));
        assertEquals(Option.none(), roundTrip(Option.none()));
    }

    @Test
    void shouldRebuildJavaCollectionsUnmodifiable() {
        @SuppressWarnings("unchecked")
        var list = (java.util.List<Object>) roundTrip(new java.util.ArrayList<>(java.util.List.of(1, 2)));
        assertThrows(UnsupportedOperationException.class, () -> list.add(3));
        @SuppressWarnings("unchecked")
        var map = (java.util.Map<Object, Object>) roundTrip(new java.util.HashMap<>(java.util.Map.of("a", 1)));
        assertThrows(UnsupportedOperationException.class, () -> map.put("b", 2));
    }

    private record Hidden(Object x, int n) {}

    @Test
    void shouldTakeApartNonPublicRecordsWithPrimitiveComponents() {
        var back = Tree.map(new Hidden("x", 3), v -> v instanceof Integer i ? i + 1 : v);
        assertEquals(new Hidden("x", 4), back);
        assertEquals(List.of("x", 3), Tree.leaves(new Hidden("x", 3)));
    }

    @Test
    void shouldKeepStaticComponentsOutOfTheLeaves() {
        var flat = Tree.flatten(new Dense("w", 3));
        assertEquals(List.of("w"), flat.leaves());
        assertEquals("Dense(w=*, features=3)", flat.treeDef().toString());
        assertEquals(new Dense("v", 3), Tree.unflatten(flat.treeDef(), List.of("v")));
        assertNotEquals(flat.treeDef(), Tree.structure(new Dense("w", 4)));
    }

    // --- printing

    @Test
    void shouldPrintStructuresReadably() {
        assertEquals("[Params(w=*, b=Vector[*, *]), {'a': *, 'b': (*, Some(*))}, None, java.util.List[*], "
                        + "TreeMap{'y': *}, Dense(w=*, features=3)]",
                Tree.structure(TreeSamples.everyKind()).toString());
        assertEquals("LinkedHashMap{'z': *, 'a': *}", Tree.structure(LinkedHashMap.of("z", 1, "a", 2)).toString());
        assertEquals("java.util.Map{1: *, 2: *}", Tree.structure(java.util.Map.of(2, "x", 1, "y")).toString());
        assertEquals("Array[*]", Tree.structure(io.vavr.collection.Array.of(1)).toString());
    }

    // --- map key order

    @Test
    void shouldVisitUnorderedMapsInSortedKeyOrder() {
        assertEquals(List.of(1, 2, 3), Tree.leaves(HashMap.of("b", 2, "c", 3, "a", 1)));
        assertEquals(List.of(1, 2, 3), Tree.leaves(new java.util.HashMap<>(java.util.Map.of("b", 2, "c", 3, "a", 1))));
        assertEquals(List.of(1, 2, 3), Tree.leaves(java.util.Map.of(30, 3, 10, 1, 20, 2)));
    }

    @Test
    void shouldVisitOrderedMapsInTheirOwnOrder() {
        assertEquals(List.of(2, 3, 1), Tree.leaves(LinkedHashMap.of("b", 2, "c", 3, "a", 1)));
        var javaLinked = new java.util.LinkedHashMap<String, Integer>();
        javaLinked.put("b", 2);
        javaLinked.put("a", 1);
        assertEquals(List.of(2, 1), Tree.leaves(javaLinked));
        var reversed = TreeMap.of(Comparator.<String>reverseOrder(), "a", 1, "b", 2, "c", 3);
        assertEquals(List.of(3, 2, 1), Tree.leaves(reversed));
        @SuppressWarnings("unchecked")
        var back = (TreeMap<String, Object>) roundTrip(reversed);
        assertEquals(List.of("c", "b", "a"), back.keySet().toList());
    }

    @Test
    void shouldKeepMapOrderWhenKeysDoNotCompare() {
        var mixed = HashMap.of(1, "one", "two", 2, new Object(), 3.0);
        var back = roundTrip(mixed);
        assertEquals(3, Tree.leaves(back).size());
    }

    // --- tree definitions

    @Test
    void shouldGiveEqualDefinitionsToTreesThatDifferOnlyInLeaves() {
        var a = Tree.structure(TreeSamples.everyKind());
        var b = Tree.structure(Tree.map(TreeSamples.everyKind(), x -> "other"));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void shouldDistinguishRecordTypesMapKeysAndContainerKinds() {
        assertNotEquals(Tree.structure(new Params(1, 2)), Tree.structure(new Pair(1, 2)));
        assertNotEquals(Tree.structure(HashMap.of("a", 1)), Tree.structure(HashMap.of("b", 1)));
        assertNotEquals(Tree.structure(HashMap.of("a", 1)), Tree.structure(LinkedHashMap.of("a", 1)));
        assertNotEquals(Tree.structure(List.of(1)), Tree.structure(Vector.of(1)));
        assertNotEquals(Tree.structure(List.of(1)), Tree.structure(java.util.List.of(1)));
        assertNotEquals(Tree.structure(List.of(1, 2)), Tree.structure(Tuple.of(1, 2)));
        assertNotEquals(Tree.structure(TreeMap.of("a", 1)),
                Tree.structure(TreeMap.of(Comparator.<String>reverseOrder(), "a", 1)));
        assertNotEquals(Tree.structure(List.of(1)), Tree.structure(List.of(List.of(1))));
    }

    @Test
    void shouldComposeAndFlattenUpToAPrefix() {
        var outer = Tree.structure(List.of(0, 0));
        var inner = Tree.structure(Tuple.of(0, 0));
        assertEquals(Tree.structure(List.of(Tuple.of(1, 2), Tuple.of(3, 4))), outer.compose(inner));
        assertEquals(List.of(new Params(1, 2), 3), outer.flattenUpTo(List.of(new Params(1, 2), 3)));
        var detail = error("tree_flatten_up_to", () -> outer.flattenUpTo(List.of(1)));
        assertEquals("expected [*, *], got [*] at the root", detail);
    }

    @Test
    void shouldRejectHandMadeNodesWhoseAuxDoesNotFitTheKind() {
        var leaves = Vector.of(TreeDef.leaf(), TreeDef.leaf());
        assertTrue(error("tree_def", () -> new TreeDef.Node(NodeKind.Builtin.HASH_MAP, List.of("a"), leaves))
                .endsWith("got aux List(a) with 2 children at the root"));
        assertTrue(error("tree_def", () -> new TreeDef.Node(NodeKind.Builtin.OPTION, Tuple.empty(), leaves))
                .startsWith("a node's aux data and number of children must fit its kind OPTION"));
        assertTrue(error("tree_def", () -> new TreeDef.Node(new NodeKind.RecordKind(Params.class), List.empty(),
                Vector.of(TreeDef.leaf()))).contains("with 1 children"));
        var made = new TreeDef.Node(NodeKind.Builtin.HASH_MAP, List.of("a", "b"), leaves);
        assertEquals(HashMap.of("a", 1, "b", 2), made.unflatten(List.of(1, 2)));
        assertEquals(Tree.structure(HashMap.of("b", 0, "a", 0)), made);
    }

    // --- key paths

    @Test
    void shouldPrintKeyPathsTheWayJavaCodeReachesTheLeaf() {
        var model = new Model(List.of(new Layer("k0", "b0"), new Layer("k1", "b1")));
        var paths = Tree.flattenWithPath(model).map(p -> p.path().toString());
        assertEquals(List.of("layers[0].kernel", "layers[0].bias", "layers[1].kernel", "layers[1].bias"), paths);
        assertEquals("layers.1.bias", Tree.flattenWithPath(model).last().path().dotted());
        assertEquals("k1", Tree.flattenWithPath(model).get(2).leaf());

        assertEquals(List.of("{'a'}", "{'b'}[0]"),
                Tree.flattenWithPath(HashMap.of("b", List.of(2), "a", 1)).map(p -> p.path().toString()));
        assertEquals("{7}.w", Tree.flattenWithPath(HashMap.of(7, new Params(1, 2))).head().path().toString());
        assertEquals("", Tree.flattenWithPath(5).head().path().toString());
        assertEquals(KeyPath.ROOT.field("layers").index(0).field("kernel"), Tree.flattenWithPath(model).head().path());
    }

    @Test
    void shouldDeriveTheSamePathsFromTheDefinitionAlone() {
        var tree = TreeSamples.everyKind();
        assertEquals(Tree.flattenWithPath(tree).map(Tree.PathLeaf::path), Tree.structure(tree).paths());
    }

    // --- map

    @Test
    void shouldMapLeavesAndKeepTheStructure() {
        var doubled = Tree.map(TreeSamples.everyKind(), x -> (Integer) x * 2);
        assertEquals(List.range(1, 10).map(x -> x * 2), Tree.leaves(doubled));
        assertEquals(Tree.structure(TreeSamples.everyKind()), Tree.structure(doubled));
    }

    @Test
    void shouldMapSeveralTreesLeafByLeaf() {
        var sum = Tree.map2(new Params(1, 2), new Params(10, 20), (a, b) -> (Integer) a + (Integer) b);
        assertEquals(new Params(11, 22), sum);
        var three = Tree.mapN(List.of(1, 2), List.of(List.of(10, 20), List.of(100, 200)),
                xs -> xs.map(x -> (Integer) x).sum().intValue());
        assertEquals(List.of(111, 222), three);
    }

    @Test
    void shouldHandTheFunctionWholeSubtreesWhereTheFirstTreeHasALeaf() {
        var pairs = Tree.map2(List.of("p", "q"), List.of(new Params(1, 2), 3), Tuple::of);
        assertEquals(List.of(Tuple.of("p", new Params(1, 2)), Tuple.of("q", 3)), pairs);
    }

    @Test
    void shouldNameBothStructuresWhenMappedTreesDiffer() {
        var detail = error("tree_map", () -> Tree.map2(HashMap.of("a", 1, "b", 2), HashMap.of("a", 1), (x, y) -> x));
        assertTrue(detail.startsWith("structures differ, got {'a': *, 'b': *} and {'a': *}"), detail);

        var nested = error("tree_map", () -> Tree.map2(List.of(1, Tuple.of(2, 3)), List.of(1, Tuple.of(2, 3, 4)),
                (x, y) -> x));
        assertEquals("structures differ, got [*, (*, *)] and [*, (*, *, *)] "
                + "(expected (*, *), got (*, *, *) at [1])", nested);

        var leafForNode = error("tree_map", () -> Tree.map2(new Params(List.of(1), 2), new Params(1, 2), (x, y) -> x));
        assertTrue(leafForNode.endsWith("(expected [*], got a leaf (java.lang.Integer) at w)"), leafForNode);
    }

    // --- errors

    @Test
    void shouldRejectNullNamingWhereItIs() {
        assertEquals("pytrees are null-free (use Option.none() for an absent value), got null at b",
                error("tree_flatten", () -> Tree.flatten(new Params(1, null))));
        assertTrue(error("tree_flatten", () -> Tree.flatten(new Model(List.of(new Layer(1, 2), new Layer(3, null)))))
                .endsWith("got null at layers[1].bias"));
        assertTrue(error("tree_flatten", () -> Tree.flatten(null)).endsWith("got null at the root"));
        assertTrue(error("tree_flatten", () -> Tree.leaves(Arrays.asList(1, null))).endsWith("at [1]"));
        assertTrue(error("tree_flatten", () -> Tree.leaves(HashMap.of("a", HashMap.of("x", null))))
                .endsWith("got null at {'a'}{'x'}"));
        var nullKey = new java.util.HashMap<String, Integer>();
        nullKey.put(null, 1);
        assertTrue(error("tree_flatten", () -> Tree.leaves(List.of(nullKey))).endsWith("got a null map key at [0]"));
        assertTrue(error("tree_unflatten", () -> Tree.unflatten(Tree.structure(new Params(1, 2)), List.of(1, null)))
                .endsWith("got null at b"));
    }

    @Test
    void shouldRejectAFunctionThatReturnsNull() {
        var detail = error("tree_map", () -> Tree.map(new Params(1, 2), x -> x.equals(2) ? null : x));
        assertEquals("the function must not return null, got null for the leaf at b", detail);
    }

    @Test
    void shouldRejectTheWrongNumberOfLeaves() {
        var def = Tree.structure(new Params(1, List.of(2, 3)));
        assertEquals("the structure Params(w=*, b=[*, *]) takes 3 leaves, got 2",
                error("tree_unflatten", () -> def.unflatten(List.of(1, 2))));
        assertEquals("the structure Params(w=*, b=[*, *]) takes 3 leaves, got 4",
                error("tree_unflatten", () -> Tree.unflatten(def, List.of(1, 2, 3, 4))));
    }

    @Test
    void shouldRejectCollectionsThatAreNotContainers() {
        var detail = error("tree_flatten", () -> Tree.flatten(List.of(1, Stream.of(2))));
        assertTrue(detail.endsWith("got io.vavr.collection.Stream at [1]"), detail);
        assertTrue(error("tree_flatten", () -> Tree.flatten(HashSet.of(1))).endsWith("got io.vavr.collection.Set at the root"));
        assertTrue(error("tree_flatten", () -> Tree.flatten(new java.util.HashSet<>())).endsWith("got java.util.HashSet at the root"));
    }

    record Counted(Integer n) {}

    @Test
    void shouldNameTheRecordComponentThatRejectsAMappedValue() {
        var detail = error("tree_map", () -> Tree.map(List.of(new Counted(1)), x -> "one"));
        assertEquals("Counted component n takes Integer, got java.lang.String at [0].n", detail);
    }

    record Positive(int n) {
        Positive {
            if (n <= 0) throw new IllegalArgumentException("n must be positive, got " + n);
        }
    }

    @Test
    void shouldLetARecordsOwnValidationSpeak() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tree.map(new Positive(1), x -> -1));
        assertEquals("n must be positive, got -1", e.getMessage());
    }

    // --- at, reduce, all, transpose

    @Test
    void shouldReplaceOneLeafFunctionally() {
        var model = new Model(List.of(new Layer("k0", "b0"), new Layer("k1", "b1")));
        var path = KeyPath.ROOT.field("layers").index(1).field("kernel");
        assertEquals(new Model(List.of(new Layer("k0", "b0"), new Layer("new", "b1"))), Tree.at(model, path, "new"));
        assertEquals(new Model(List.of(new Layer(1, 2), new Layer("k1", "b1"))),
                Tree.at(model, KeyPath.ROOT.field("layers").index(0), new Layer(1, 2)));
        assertEquals(HashMap.of("a", 1, "b", 9), Tree.at(HashMap.of("a", 1, "b", 2), KeyPath.of(new KeyPath.Key("b")), 9));
        assertEquals("x", Tree.at(model, KeyPath.ROOT, "x"));
    }

    @Test
    void shouldRejectPathsThatLeadNowhere() {
        assertEquals("the path x must lead to a subtree, got no child .x among .w .b at the root",
                error("tree_at", () -> Tree.at(new Params(1, 2), KeyPath.ROOT.field("x"), 0)));
        assertEquals("the path w.kernel must lead to a subtree, got a leaf (java.lang.Integer) at w",
                error("tree_at", () -> Tree.at(new Params(1, 2), KeyPath.ROOT.field("w").field("kernel"), 0)));
        assertEquals("the path [0][5] must lead to a subtree, got no child [5] among [0] [1] at [0]",
                error("tree_at", () -> Tree.at(List.of(List.of(1, 2)), KeyPath.ROOT.index(0).index(5), 0)));
    }

    @Test
    void shouldReduceAndTestAllLeaves() {
        assertEquals(45, Tree.reduce(TreeSamples.everyKind(), 0, (acc, x) -> acc + (Integer) x));
        assertTrue(Tree.all(TreeSamples.everyKind(), x -> (Integer) x > 0));
        assertEquals(false, Tree.all(TreeSamples.everyKind(), x -> (Integer) x > 1));
        assertTrue(Tree.all(Option.none(), x -> false));
    }

    @Test
    void shouldTransposeOuterAndInnerStructures() {
        var outer = Tree.structure(List.of(0, 0));
        var inner = Tree.structure(Tuple.of(0, 0));
        var rows = List.of(Tuple.of(1, "a"), Tuple.of(2, "b"));
        assertEquals(Tuple.of(List.of(1, 2), List.of("a", "b")), Tree.transpose(outer, inner, rows));
        var detail = error("tree_transpose", () -> Tree.transpose(outer, inner, List.of(1, 2)));
        assertEquals("the tree must be the outer structure [*, *] of the inner (*, *), "
                + "that is [(*, *), (*, *)], got [*, *]", detail);
    }

    // --- user node types

    record Scaled(Object value, double scale) implements TreeNode {
        static final NodeType<Scaled> TYPE = NodeType.of(
                s -> List.of(s.value()), Scaled::scale, (scale, children) -> new Scaled(children.head(), (Double) scale));

        @Override public NodeType<Scaled> treeType() { return TYPE; }
    }

    @Test
    void shouldTakeApartATreeNodeThroughItsNodeType() {
        var tree = List.of(new Scaled(new Params(1, 2), 2.0));
        var def = Tree.structure(tree);
        assertEquals("[Scaled[2.0](Params(w=*, b=*))]", def.toString());
        assertEquals(List.of(new Scaled(new Params(2, 3), 2.0)), Tree.map(tree, x -> (Integer) x + 1));
        assertEquals("[0][0].w", def.paths().head().toString());
        assertNotEquals(def, Tree.structure(List.of(new Scaled(new Params(1, 2), 3.0))));
        roundTrip(tree);
    }

    static class Base implements TreeNode {
        static final NodeType<Base> TYPE = NodeType.of(b -> List.of(b.value), c -> new Base(c.head()));
        final Object value;

        Base(Object value) { this.value = value; }

        @Override public NodeType<Base> treeType() { return TYPE; }
    }

    static final class Derived extends Base {
        Derived(Object value) { super(value); }
    }

    @Test
    void shouldRejectANodeTypeThatRebuildsAnotherClass() {
        var detail = error("tree_map", () -> Tree.map(new Derived(1), x -> x));
        assertTrue(detail.startsWith("a node type must rebuild the class it took apart, " + Derived.class.getName()
                + ", got " + Base.class.getName()), detail);
    }

    /** A class we pretend not to own, registered with named children. */
    static final class Interval {
        final Object lo;
        final Object hi;

        Interval(Object lo, Object hi) { this.lo = lo; this.hi = hi; }

        @Override public boolean equals(Object o) { return o instanceof Interval i && i.lo.equals(lo) && i.hi.equals(hi); }

        @Override public int hashCode() { return lo.hashCode() * 31 + hi.hashCode(); }
    }

    static final class Unowned {}

    record Aval(int size) {}

    record NeverRegistered(int size) {}

    static {
        Tree.register(Interval.class, new NodeType<>() {
            @Override public Seq<?> children(Interval i) { return List.of(i.lo, i.hi); }

            @Override public Interval rebuild(Object aux, Seq<Object> c) { return new Interval(c.get(0), c.get(1)); }

            @Override public Seq<KeyPath.Entry> keys(Object aux, int count) {
                return List.of(new KeyPath.Field("lo"), new KeyPath.Field("hi"));
            }
        });
        Tree.registerLeaf(Aval.class);
    }

    @Test
    void shouldTakeApartRegisteredClasses() {
        var tree = HashMap.of("range", new Interval(1, 2));
        assertEquals(List.of(1, 2), Tree.leaves(tree));
        assertEquals("{'range': Interval(*, *)}", Tree.structure(tree).toString());
        assertEquals("{'range'}.hi", Tree.flattenWithPath(tree).last().path().toString());
        assertEquals(HashMap.of("range", new Interval(1, 5)),
                Tree.at(tree, KeyPath.ROOT.key("range").field("hi"), 5));
        roundTrip(tree);
    }

    @Test
    void shouldTreatRecordsRegisteredAsLeavesAsLeaves() {
        assertEquals(List.of(new Aval(3)), Tree.leaves(List.of(new Aval(3))));
        assertEquals(List.of(3), Tree.leaves(List.of(new NeverRegistered(3))));
    }

    @Test
    void shouldRejectRegistrationsThatCannotHold() {
        assertTrue(error("tree_register", () -> Tree.registerLeaf(Interval.class))
                .endsWith("already registered as a node"));
        assertTrue(error("tree_register", () -> Tree.registerLeaf(Vector.class)).contains("built-in"));
        assertTrue(error("tree_register", () -> Tree.registerLeaf(Scaled.class)).contains("implements TreeNode"));
        assertTrue(error("tree_register", () -> Tree.registerLeaf(Runnable.class)).contains("concrete"));
        Tree.registerLeaf(Unowned.class);
        assertTrue(error("tree_register", () -> Tree.registerLeaf(Unowned.class)).endsWith("already registered as a leaf"));
    }

    @Test
    void shouldReturnTheSameLeafObjects() {
        var leaf = new Object();
        assertSame(leaf, Tree.leaves(List.of(leaf)).head());
        assertSame(leaf, ((Params) Tree.unflatten(Tree.structure(new Params(1, 2)), List.of(leaf, 2))).w());
    }
}
