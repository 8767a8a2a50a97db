package dev.jaxj.testing;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoublePredicate;

import static org.junit.jupiter.api.Assertions.*;

/** Each domain draws inside its interval, outside what it avoids, and reproducibly from a seed. */
class DomainTest {
    private static final Seq<Shape> SHAPES = Vector.of(Shape.of(4, 4, 4), Shape.of(3, 0), Shape.SCALAR);

    private static double[] all(Domain d, long seed) {
        return d.sample(new SplittableRandom(seed), SHAPES).toJavaStream().flatMapToDouble(Arrays::stream).toArray();
    }

    private static void assertAll(Domain d, DoublePredicate ok) {
        for (long seed = 0; seed < 20; seed++) {
            double[] v = all(d, seed);
            assertEquals(65, v.length);
            for (double x : v) assertTrue(ok.test(x), x + " drawn from " + d);
        }
    }

    @Test
    void shouldDrawInsideEachDomain() {
        assertAll(Domain.REAL, x -> x >= -2 && x <= 2);
        assertAll(Domain.MODERATE, x -> x >= -2 && x <= 2);
        assertAll(Domain.POSITIVE, x -> x >= 0.1 && x <= 2);
        assertAll(Domain.UNIT, x -> x > -1 && x < 1);
        assertAll(Domain.ABOVE_ONE, x -> x > 1);
        assertAll(Domain.NONZERO, x -> Math.abs(x) >= 0.5 && Math.abs(x) <= 2);
        assertAll(Domain.AWAY_FROM_KINKS, x -> Math.abs(x) > 1e-3);
        assertAll(Domain.NON_INTEGER, x -> Math.abs(x - Math.rint(2 * x) / 2) > 0.05);
    }

    @Test
    void shouldDrawDistinctValuesAcrossAllOperandsWithAGap() {
        for (long seed = 0; seed < 20; seed++) {
            double[] v = all(Domain.NO_TIES, seed);
            Arrays.sort(v);
            // 65 slots over [-2, 2]: neighbours are at least 40% of a slot apart.
            for (int i = 1; i < v.length; i++) assertTrue(v[i] - v[i - 1] >= 0.4 * 4 / 65 - 1e-12, "tie near " + v[i]);
            assertTrue(v[0] >= -2 && v[v.length - 1] <= 2);
        }
    }

    @Test
    void shouldBeReproducibleFromTheSeed() {
        assertArrayEquals(all(Domain.REAL, 5), all(Domain.REAL, 5));
        assertFalse(Arrays.equals(all(Domain.REAL, 5), all(Domain.REAL, 6)));
    }

    @Test
    void shouldMakeArraysOfTheShapesAndDtype() {
        Seq<Array> a = Domain.UNIT.arrays(new SplittableRandom(1), SHAPES, DType.F32);
        assertEquals(SHAPES, a.map(Array::shape));
        assertTrue(a.forAll(x -> x.dtype() == DType.F32 && !x.weakType()));
        double[] wide = Domain.UNIT.sample(new SplittableRandom(1), SHAPES).head();
        float[] narrow = a.head().toFloatArray();
        for (int i = 0; i < wide.length; i++) assertEquals((float) wide[i], narrow[i]);
    }

    @Test
    void shouldAcceptCustomDomains() {
        Domain halves = Domain.interval("upper half", 0, 1, x -> x > 0.5);
        for (double x : halves.sample(new SplittableRandom(3), Vector.of(Shape.of(50))).head()) assertTrue(x > 0.5 && x <= 1);
        Domain constant = Domain.of("ones", (rng, shapes) -> shapes.map(s -> { double[] v = new double[s.size()]; Arrays.fill(v, 1); return v; }));
        assertEquals("ones", constant.name());
        assertArrayEquals(new double[] {1, 1}, constant.sample(new SplittableRandom(0), Vector.of(Shape.of(2))).head());
    }

    @Test
    void shouldRejectEmptyIntervalsAndDomainsThatAcceptNothing() {
        assertThrows(IllegalArgumentException.class, () -> Domain.interval("empty", 1, 1, x -> true));
        Domain nothing = Domain.interval("nothing", 0, 1, x -> false);
        assertThrows(IllegalStateException.class, () -> nothing.sample(new SplittableRandom(0), Vector.of(Shape.of(1))));
    }
}
