package dev.jaxj.properties;

import dev.jaxj.Axes;
import dev.jaxj.array.Array;
import dev.jaxj.autodiff.Vectorize;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.Shape;
import dev.jaxj.properties.VmapCase.Operand;
import io.vavr.Tuple;
import io.vavr.collection.Vector;
import net.jqwik.api.*;
import net.jqwik.api.constraints.IntRange;

import java.util.Random;

import static dev.jaxj.properties.VmapLoops.*;
import static org.junit.jupiter.api.Assertions.*;

/** vmap's errors over random shapes: each names what is wrong, with every argument's size, and the user's line. */
class VmapErrorProperties {
    private static Array real(Random r, Shape s) {
        return values(Operand.real(s), s, r);
    }

    @Property(tries = 60)
    void inconsistentSizesNameEveryArgumentAndTheUserLine(@ForAll @IntRange(max = 4) int a, @ForAll @IntRange(max = 4) int b,
                                                          @ForAll @IntRange(max = 4) int c, @ForAll long seed) {
        Assume.that(a != b || b != c);
        Random r = new Random(seed);
        Array x = real(r, Shape.of(a, 2)), y = real(r, Shape.of(3, b)), z = real(r, Shape.of(c));
        var f = Vectorize.vmap((Array p, Vector<Array> q) -> p.sum().add(q.get(0).sum()).add(q.get(1).sum()), Tuple.of(0, Vector.of(-1, 0)), 0);
        var e = assertThrows(ShapeError.class, () -> f.apply(x, Vector.of(y, z)));
        String m = e.getMessage();
        assertTrue(m.contains("args[0] of type " + x.aval() + " has size " + a + " along axis 0"), m);
        assertTrue(m.contains("args[1][0] of type " + y.aval() + " has size " + b + " along axis 1"), m);
        assertTrue(m.contains("args[1][1] of type " + z.aval() + " has size " + c + " along axis 0"), m);
        assertTrue(m.contains("at VmapErrorProperties"), m);
    }

    @Property(tries = 60)
    void axesOutOfRangeAreRejected(@ForAll @IntRange(max = 3) int rank, @ForAll @IntRange(max = 2) int beyond, @ForAll boolean negative,
                                   @ForAll long seed) {
        Array x = real(new Random(seed), Shape.of(Vector.fill(rank, 2)));
        int axis = negative ? -rank - 1 - beyond : rank + beyond;
        var in = assertThrows(ArgumentError.class, () -> Vectorize.vmap((Array v) -> v, axis, 0).apply(x));
        assertTrue(in.getMessage().contains("along axis " + axis + ", which is out of range for rank " + rank), in.getMessage());
        Assume.that(rank > 0);
        // The output of one example has rank - 1 axes, so the batched output has rank axes.
        int outAxis = negative ? -rank - 1 - beyond : rank + beyond;
        var out = assertThrows(ArgumentError.class, () -> Vectorize.vmap((Array v) -> v, 0, outAxis).apply(x));
        assertTrue(out.getMessage().contains("out_axes entry " + outAxis), out.getMessage());
        var unmapped = assertThrows(ArgumentError.class, () -> Vectorize.vmap((Array v) -> v, 0, Axes.NOT_MAPPED).apply(x));
        assertTrue(unmapped.getMessage().contains("not mapped, but it varies"), unmapped.getMessage());
    }
}
