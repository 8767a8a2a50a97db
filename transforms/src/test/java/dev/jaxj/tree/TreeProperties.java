package dev.jaxj.tree;

import dev.jaxj.tree.TreeSamples.Box;
import dev.jaxj.tree.TreeSamples.Dense;
import dev.jaxj.tree.TreeSamples.Pair;
import dev.jaxj.tree.TreeSamples.Params;
import io.vavr.Tuple;
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Laws of flatten, unflatten, map and paths over random nests of every built-in container and records. */
class TreeProperties {

    private static final int MAX_DEPTH = 4;

    @Provide
    Arbitrary<Object> trees() { return tree(MAX_DEPTH, 1); }

    /**
     * Trees of bounded depth whose leaves are Integers. Below the root, leaves are drawn more
     * often than any one container, so that trees stay small but still reach full depth.
     */
    private static Arbitrary<Object> tree(int depth, int leafWeight) {
        Arbitrary<Object> leaf = Arbitraries.integers().between(-1000, 1000).map(x -> x);
        if (depth == 0) return leaf;
        Arbitrary<Object> sub = Arbitraries.lazy(() -> tree(depth - 1, 5));
        var keys = Arbitraries.of("a", "b", "c", "d");
        var javaMaps = Arbitraries.maps(keys, sub).ofMaxSize(3);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(leafWeight, leaf),
                net.jqwik.api.Tuple.of(1, sub.list().ofMaxSize(3).map(List::ofAll)),
                net.jqwik.api.Tuple.of(1, sub.list().ofMaxSize(3).map(Vector::ofAll)),
                net.jqwik.api.Tuple.of(1, sub.list().ofMaxSize(3).map(java.util.List::copyOf)),
                net.jqwik.api.Tuple.of(1, javaMaps.map(HashMap::ofAll)),
                net.jqwik.api.Tuple.of(1, javaMaps.map(LinkedHashMap::ofAll)),
                net.jqwik.api.Tuple.of(1, javaMaps.map(TreeMap::ofAll)),
                net.jqwik.api.Tuple.of(1, javaMaps.map(java.util.HashMap::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub).as(Tuple::of)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub, sub).as(Tuple::of)),
                net.jqwik.api.Tuple.of(1, sub.optional().map(Option::ofOptional)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub).as(Params::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub).as(Pair::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(sub, Arbitraries.integers().between(1, 3)).as(Dense::new)),
                net.jqwik.api.Tuple.of(1, sub.map(Box::new)));
    }

    @Property(tries = 300)
    void unflattenInvertsFlatten(@ForAll("trees") Object t) {
        var flat = Tree.flatten(t);
        var back = Tree.unflatten(flat.treeDef(), flat.leaves());
        assertEquals(t, back);
        assertEquals(TreeSamples.skeleton(t), TreeSamples.skeleton(back));
        assertEquals(TreeSamples.leafCount(t), flat.leaves().size());
        assertEquals(flat.leaves().size(), flat.treeDef().numLeaves());
    }

    @Property(tries = 300)
    void mapKeepsTheStructureAndMapsEachLeaf(@ForAll("trees") Object t) {
        var mapped = Tree.map(t, x -> (Integer) x * 3 + 1);
        assertEquals(TreeSamples.skeleton(t), TreeSamples.skeleton(mapped));
        assertEquals(Tree.structure(t), Tree.structure(mapped));
        assertEquals(Tree.structure(t).hashCode(), Tree.structure(mapped).hashCode());
        assertEquals(Tree.leaves(t).map(x -> (Integer) x * 3 + 1), Tree.leaves(mapped));
    }

    @Property(tries = 500)
    void definitionsAreEqualExactlyWhenStructuresAre(@ForAll("trees") Object a, @ForAll("trees") Object b) {
        var da = Tree.structure(a);
        var db = Tree.structure(b);
        boolean same = TreeSamples.skeleton(a).equals(TreeSamples.skeleton(b));
        assertEquals(same, da.equals(db), () -> da + " vs " + db);
        if (same) assertEquals(da.hashCode(), db.hashCode());
        else assertNotEquals(da.toString(), db.toString());
    }

    @Property(tries = 200)
    void eachPathLeadsToItsLeaf(@ForAll("trees") Object t) {
        var withPaths = Tree.flattenWithPath(t);
        var paths = withPaths.map(Tree.PathLeaf::path);
        assertEquals(paths.size(), paths.distinct().size());
        assertEquals(Tree.structure(t).paths(), paths);
        var leaves = Tree.leaves(t);
        for (int i = 0; i < withPaths.size(); i++) {
            var updated = Tree.at(t, withPaths.get(i).path(), "marked");
            assertEquals(leaves.update(i, "marked"), Tree.leaves(updated));
            assertEquals(Tree.structure(t), Tree.structure(updated));
        }
    }

    @Property(tries = 200)
    void mapOfTwoTreesPairsMatchingLeaves(@ForAll("trees") Object t) {
        var shifted = Tree.map(t, x -> (Integer) x + 7);
        var differences = Tree.map2(t, shifted, (x, y) -> (Integer) y - (Integer) x);
        assertEquals(Tree.leaves(t).map(_ -> 7), Tree.leaves(differences));
        assertEquals(Tree.leaves(t), Tree.structure(t).flattenUpTo(t));
    }

    @Property(tries = 200)
    void transposeSwapsOuterAndInner(@ForAll("trees") Object t) {
        var outer = Tree.structure(t);
        var inner = Tree.structure(Tuple.of(0, 0));
        var nested = Tree.map(t, x -> Tuple.of(x, -(Integer) x));
        assertEquals(Tuple.of(t, Tree.map(t, x -> -(Integer) x)), Tree.transpose(outer, inner, nested));
    }
}
