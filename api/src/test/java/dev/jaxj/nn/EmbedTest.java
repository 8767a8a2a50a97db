package dev.jaxj.nn;

import dev.jaxj.Jax;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import org.junit.jupiter.api.Test;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Embed's lookup, its gradient and its initial scale. */
class EmbedTest {
    @Test
    void shouldLookUpRowsAndAccumulateTheirGradients() {
        var embed = new Embed(4, 2, Dense.ZEROS);
        Array table = arr(DType.F32, Shape.of(4, 2), 0, 1, 10, 11, 20, 21, 30, 31);
        var v = Variables.of(new Embed.Params(table));
        Array tokens = arr(DType.I32, Shape.of(2, 3), 3, 0, 3, 1, 1, 2);
        assertArray(embed.apply(v, tokens), DType.F32, Shape.of(2, 3, 2), 30, 31, 0, 1, 30, 31, 10, 11, 10, 11, 20, 21);
        // d/dtable of sum(lookup): each row's gradient counts how often it was looked up.
        Embed.Params g = Jax.grad((Embed.Params p) -> embed.apply(Variables.of(p), tokens).sum()).apply(v.params());
        assertArray(g.embedding(), DType.F32, Shape.of(4, 2), 1, 1, 2, 2, 1, 1, 2, 2);
        assertArray(Embed.attend(new Embed.Params(table), arr(DType.F32, Shape.of(1, 2), 1, -1)), DType.F32, Shape.of(1, 4), -1, -1, -1, -1);
    }

    @Test
    void shouldStartWithVarianceOneOverFeatures() {
        var p = Embed.of(100, 64).init(Random.key(0), arr(DType.I32, Shape.of(1), 0)).params();
        double sq = 0;
        for (double w : p.embedding().toDoubleArray()) sq += w * w / 6400;
        // 6400 normal draws estimate the variance 1/64 within about 2 %.
        assertEquals(1.0 / 64, sq, 0.1 / 64);
    }

    @Test
    void shouldRejectFloatingIndices() {
        assertError(DTypeError.class, "Embed", () -> Embed.of(3, 2).init(Random.key(0), f32(1, 2)), "integer");
    }
}
