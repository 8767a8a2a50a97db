package dev.jaxj.testing;

import dev.jaxj.Jax;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.tree.Tree;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Shrinkable;

import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.*;

/** The arbitraries draw what they promise, include the edge shapes, and shrink towards small shapes. */
class JaxjArbitrariesProperties {

    @Property(tries = 200)
    void shapesStayWithinTheirBounds(@ForAll("shapes") Shape s) {
        assertTrue(s.rank() <= JaxjArbitraries.MAX_RANK, s::toString);
        for (int d : s.toArray()) assertTrue(d >= 0 && d <= JaxjArbitraries.MAX_DIM, s::toString);
    }

    @Property(tries = 100)
    void boundedShapesRespectMinimaAndMaxima(@ForAll("boundedShapes") Shape s) {
        assertTrue(s.rank() >= 1 && s.rank() <= 2, s::toString);
        for (int d : s.toArray()) assertTrue(d >= 2 && d <= 3, s::toString);
    }

    @Example
    void shapesIncludeScalarsAndZeroSizeShapesAndFullRank() {
        List<Shape> drawn = JaxjArbitraries.shapes().sampleStream().limit(400).toList();
        assertTrue(drawn.stream().anyMatch(s -> s.rank() == 0), "no scalar in 400 draws");
        assertTrue(drawn.stream().anyMatch(s -> s.rank() > 0 && s.size() == 0), "no zero-size shape in 400 draws");
        assertTrue(drawn.stream().anyMatch(s -> s.rank() == JaxjArbitraries.MAX_RANK), "no shape of rank 3 in 400 draws");
    }

    /** A property failing for every shape with an axis of 3 or more must shrink to a single axis of exactly 3. */
    @Example
    void shrinkingEndsOnASmallShape() {
        Predicate<Shape> fails = s -> s.toSeq().exists(d -> d >= 3);
        Random random = new Random(42);
        for (int run = 0; run < 20; run++) {
            Shrinkable<Shape> current = JaxjArbitraries.shapes().generator(1000).next(random);
            if (!fails.test(current.value())) continue;
            Shape minimal = shrink(current, fails);
            assertEquals(1, minimal.rank(), () -> "shrunk to " + minimal);
            assertEquals(3, minimal.dim(0), () -> "shrunk to " + minimal);
        }
    }

    /** Greedy shrinking, as jqwik does it: take the first smaller candidate that still fails, until none does. */
    private static Shape shrink(Shrinkable<Shape> start, Predicate<Shape> fails) {
        Shrinkable<Shape> current = start;
        while (true) {
            var smaller = current.shrink().filter(c -> fails.test(c.value())).findFirst();
            if (smaller.isEmpty()) return current.value();
            current = smaller.get();
        }
    }

    @Property(tries = 100)
    void arraysHaveTheDrawnShapeAndDtypeAndLieInTheDomain(@ForAll("positiveArrays") Array a) {
        assertTrue(a.dtype().isFloating(), a.aval()::toString);
        for (double v : a.toDoubleArray()) assertTrue(v >= 0.1 - 1e-7 && v <= 2 + 1e-7, () -> v + " in " + a);
    }

    @Property(tries = 100)
    void pytreesHaveArrayLeavesAndRoundTrip(@ForAll("trees") Object tree) {
        Tree.Flattened f = Tree.flatten(tree);
        assertTrue(f.leaves().forAll(l -> l instanceof Array));
        assertEquals(f.treeDef(), Tree.structure(Tree.unflatten(f.treeDef(), f.leaves())));
    }

    /** The gradient of a sum over a pytree's leaves has the tree's structure: d/dx sum(x*x) = 2x per leaf. */
    @Property(tries = 50)
    void gradientsOfPytreesHaveTheirStructure(@ForAll("trees") Object tree) {
        Object g = Jax.grad((Object t) -> Tree.leaves(t).map(l -> ((Array) l).mul((Array) l).sum())
                .foldLeft(Array.scalar(0.0, DType.F64), Array::add)).apply(tree);
        assertEquals(Tree.structure(tree), Tree.structure(g));
        var leaves = Tree.leaves(tree);
        var grads = Tree.leaves(g);
        for (int i = 0; i < leaves.size(); i++) {
            double[] x = ((Array) leaves.get(i)).toDoubleArray(), dx = ((Array) grads.get(i)).toDoubleArray();
            for (int k = 0; k < x.length; k++) assertEquals(2 * x[k], dx[k], 1e-12);
        }
    }

    @Provide
    Arbitrary<Shape> shapes() { return JaxjArbitraries.shapes(); }

    @Provide
    Arbitrary<Shape> boundedShapes() { return JaxjArbitraries.shapes(1, 2, 2, 3); }

    @Provide
    Arbitrary<Array> positiveArrays() {
        return JaxjArbitraries.arrays(JaxjArbitraries.shapes(), JaxjArbitraries.floatDtypes(), Domain.POSITIVE);
    }

    @Provide
    Arbitrary<Object> trees() {
        return JaxjArbitraries.pytrees(JaxjArbitraries.arrays(JaxjArbitraries.shapes(0, 2, 0, 3), JaxjArbitraries.dtypes(DType.F64), Domain.REAL), 2);
    }
}
