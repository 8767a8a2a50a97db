package dev.jaxj.ir;

import dev.jaxj.errors.ShapeError;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Shape rules whose result is larger than any operand (a contraction's free axes, a
 * concatenation's sum, a padding) compute its sizes without wrapping around, and refuse a
 * result past 2^31-1 elements with a ShapeError that shows the result and the operands.
 */
class ResultShapesTest {
    private static ShapedArray f32(int... dims) { return ShapedArray.of(DType.F32, dims); }

    @Test
    void shouldRefuseAnOuterProductPastTwoToTheThirtyOne() {
        var dot = new Primitive.DotGeneral(new Primitive.DotDimensionNumbers(Vector.of(1), Vector.of(0), Vector.empty(), Vector.empty()), Option.none());
        ShapeError e = assertThrows(ShapeError.class, () -> dot.abstractEval(Vector.of(f32(100_000, 1), f32(1, 100_000))));
        assertTrue(e.getMessage().contains("at most 2^31-1 elements"), e.getMessage());
        assertTrue(e.getMessage().contains("got f32[100000,100000] from dot_general of f32[100000,1], f32[1,100000]"), e.getMessage());
        assertEquals(ShapedArray.of(DType.F32, 46340, 46340), dot.abstractEval(Vector.of(f32(46340, 1), f32(1, 46340))).head());
    }

    @Test
    void shouldRefusePaddingPastIntRange() {
        var pad = new Primitive.Pad(Vector.of(new Primitive.PadConfig(Integer.MAX_VALUE, Integer.MAX_VALUE, 0)));
        ShapeError e = assertThrows(ShapeError.class, () -> pad.abstractEval(Vector.of(f32(2), f32())));
        assertTrue(e.getMessage().contains("f32[4294967296] from pad of f32[2], f32[]"), e.getMessage());
        var interior = new Primitive.Pad(Vector.of(new Primitive.PadConfig(0, 0, Integer.MAX_VALUE)));
        assertThrows(ShapeError.class, () -> interior.abstractEval(Vector.of(f32(3), f32())));
    }

    /** The concatenated size is the exact sum (BigInteger reference), refused past 2^31-1 instead of wrapping. */
    @Property(tries = 500)
    void shouldConcatenateToTheExactSumOrRefuse(@ForAll("sizes") java.util.List<Integer> sizes) {
        Vector<ShapedArray> in = Vector.ofAll(sizes).map(n -> f32(2, n));
        BigInteger total = sizes.stream().map(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
        var concat = new Primitive.Concatenate(1);
        if (total.multiply(BigInteger.TWO).compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
            ShapeError e = assertThrows(ShapeError.class, () -> concat.abstractEval(in));
            assertTrue(e.getMessage().contains("f32[2," + total + "] from concatenate"), e.getMessage());
        } else {
            assertEquals(f32(2, total.intValueExact()), concat.abstractEval(in).head());
        }
    }

    @Provide
    Arbitrary<java.util.List<Integer>> sizes() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(1 << 28, Integer.MAX_VALUE / 2))
                .list().ofMinSize(1).ofMaxSize(8);
    }
}
