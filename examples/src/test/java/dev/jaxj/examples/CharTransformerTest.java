package dev.jaxj.examples;

import dev.jaxj.Jnp;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.array.Index;
import dev.jaxj.ir.DType;
import dev.jaxj.nn.Context;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The character transformer learns, and its attention is causal. */
class CharTransformerTest {

    @Test
    void shouldLowerTheHeldOutLossWellBelowChance() {
        // The example trains 10 epochs (held-out loss about 1.65); 3 keep the test near 30 s and reach about 2.27.
        var r = CharTransformer.run(3, new PrintStream(OutputStream.nullOutputStream()));
        var valLoss = r.fit().history().get("val_loss");
        // Chance is ln 56 = 4.03 nats per character.
        assertTrue(valLoss.last() < 2.5, () -> "held-out loss " + valLoss);
        assertTrue(valLoss.last() < valLoss.head(), () -> "held-out loss " + valLoss);
        assertEquals(200, r.before().length());
        assertEquals(400, r.after().length());
    }

    @Test
    void shouldPredictEachPositionFromEarlierCharactersOnly() {
        var model = new CharTransformer.Gpt(10, 8, 16, 2, 1);
        Array ids = Jnp.array(new int[] {1, 2, 3, 4, 5, 6, 7, 8}).reshape(1, 8);
        var v = model.init(Random.key(0), ids);
        Array changed = ids.at(0, 5).set(9);
        Array a = model.apply(v, ids, Context.eval()).value(), b = model.apply(v, changed, Context.eval()).value();
        // Changing character 5 leaves the logits at positions 0..4 unchanged, and changes position 5.
        // Unchanged up to 1e-6: generated loops compute exp with the JDK's vector math, whose result may
        // differ by an ulp once C2 has compiled a loop between the two calls (seen: 1.3e-7 at 0.17).
        assertArrayEquals(a.get(0, Index.slice(0, 5)).toFloatArray(), b.get(0, Index.slice(0, 5)).toFloatArray(), 1e-6f);
        assertTrue(a.get(0, 5).sub(b.get(0, 5)).abs().max().doubleValue() > 1e-4);
        assertEquals(DType.F32, a.dtype());
    }
}
