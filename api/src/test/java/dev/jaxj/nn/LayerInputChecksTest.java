package dev.jaxj.nn;

import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layers check their inputs themselves: a mismatch names the layer (not an inner matmul,
 * reshape or where), what it requires, the parameter that fixed the width at init and the
 * input's aval; and a single example without a batch axis works where Flax accepts it.
 */
class LayerInputChecksTest {

    /** The layers whose params fix the width of the input's last axis at init. */
    @Provide
    Arbitrary<Module<?, ?>> widthLayers() {
        return Arbitraries.of(Dense.of(3), LayerNorm.of(), RMSNorm.of(), BatchNorm.of());
    }

    @Provide
    Arbitrary<int[]> batchShapes() {
        return Arbitraries.integers().between(1, 3).array(int[].class).ofMinSize(0).ofMaxSize(2);
    }

    private static Shape withLast(int[] batch, int last) {
        int[] s = java.util.Arrays.copyOf(batch, batch.length + 1);
        s[batch.length] = last;
        return Shape.of(s);
    }

    @Property(tries = 40)
    void shouldNameTheLayerTheParamAndTheInputWhenTheWidthDiffers(@ForAll("widthLayers") Module<?, ?> layer, @ForAll("batchShapes") int[] batch,
                                                                  @ForAll @IntRange(min = 1, max = 5) int width,
                                                                  @ForAll @IntRange(min = 1, max = 4) int offset) {
        checkWidth(layer, batch, width, offset);
    }

    private static <P, S> void checkWidth(Module<P, S> layer, int[] batch, int width, int offset) {
        var v = layer.init(Random.key(0), random(1, DType.F32, Shape.of(2, width), -1, 1));
        Array wrong = random(2, DType.F32, withLast(batch, width + offset), -1, 1);
        var e = assertError(ShapeError.class, layer.typeName(), () -> layer.apply(v, wrong),
                "last axis must have size " + width, "got " + wrong.aval(), "[" + width);
        assertTrue(e.getMessage().contains("made at init"), e.getMessage());
    }

    @Property(tries = 20)
    void shouldNameTheScalarInputAtInitAndApply(@ForAll("widthLayers") Module<?, ?> layer, @ForAll @IntRange(min = 1, max = 5) int width) {
        checkScalar(layer, width);
    }

    private static <P, S> void checkScalar(Module<P, S> layer, int width) {
        var v = layer.init(Random.key(0), random(1, DType.F32, Shape.of(2, width), -1, 1));
        assertError(ShapeError.class, layer.typeName(), () -> layer.init(Random.key(0), Array.scalar(1f)), "feature axis", "f32[]");
        assertError(ShapeError.class, layer.typeName(), () -> layer.apply(v, Array.scalar(1f)), "must have size " + width, "got f32[]");
    }

    /** Flax's Dense maps a single example {@code [in]} to {@code [features]}: checked against a double-precision loop. */
    @Property(tries = 30)
    void denseShouldMapASingleExampleWithoutABatchAxis(@ForAll @IntRange(min = 1, max = 6) int in, @ForAll @IntRange(min = 1, max = 4) int features,
                                                      @ForAll @IntRange(min = 0, max = 1000) int seed) {
        Array x = random(seed, DType.F64, Shape.of(in), -2, 2);
        var dense = Dense.of(features);
        var v = dense.init(Random.key(seed), x);
        var p = v.params();
        assertEquals(Shape.of(in, features), p.kernel().shape());
        Array bias = random(seed + 1, DType.F64, Shape.of(features), -1, 1);
        v = v.withParams(new Dense.Params(p.kernel(), bias));
        double[] expected = DenseTest.affine(x.toDoubleArray(), p.kernel().toDoubleArray(), bias.toDoubleArray(), 1, in, features);
        assertNear(dense.apply(v, x), DType.F64, Shape.of(features), 1e-14, expected);
    }

    @Property(tries = 20)
    void denseForwardShouldCheckParamsGivenDirectly(@ForAll @IntRange(min = 1, max = 4) int in, @ForAll @IntRange(min = 1, max = 4) int features,
                                                    @ForAll @IntRange(min = 1, max = 3) int extra) {
        Array kernel = random(1, DType.F32, Shape.of(in, features), -1, 1);
        Array x = random(2, DType.F32, Shape.of(2, in), -1, 1);
        Array badBias = random(3, DType.F32, Shape.of(features + extra), -1, 1);
        assertError(ShapeError.class, "Dense", () -> Dense.forward(new Dense.Params(kernel, badBias), x),
                "bias", badBias.aval().toString(), kernel.aval().toString());
        Array vector = random(4, DType.F32, Shape.of(in), -1, 1);
        assertError(ShapeError.class, "Dense", () -> Dense.forward(Dense.Params.noBias(vector), x), "matrix", vector.aval().toString());
    }

    @Property(tries = 20)
    void attentionShouldNameItselfForInputsOfAnotherWidth(@ForAll @IntRange(min = 1, max = 3) int heads, @ForAll @IntRange(min = 1, max = 2) int headDim,
                                                         @ForAll @IntRange(min = 1, max = 3) int offset) {
        int width = heads * headDim;
        var mha = MultiHeadAttention.of(heads);
        var v = mha.init(Random.key(0), random(1, DType.F32, Shape.of(1, 2, width), -1, 1));
        Array wrong = random(2, DType.F32, Shape.of(1, 2, width + offset), -1, 1);
        assertError(ShapeError.class, "MultiHeadAttention", () -> mha.apply(v, wrong), "must have size " + width, wrong.aval().toString());
        var p = v.params();
        Array x = random(3, DType.F32, Shape.of(1, 2, width), -1, 1);
        Array mask = random(4, DType.BOOL, Shape.of(3, 3), 0, 2);
        assertError(ShapeError.class, "MultiHeadAttention", () -> MultiHeadAttention.attend(p, heads, x, x, Option.some(mask)),
                "mask must broadcast", "bool[3,3]");
        assertError(ShapeError.class, "MultiHeadAttention", () -> MultiHeadAttention.attend(p, width + 1, x, x, Option.none()),
                "heads must divide");
    }

    @Property(tries = 20)
    void convShouldNameTheChannelsItNeeds(@ForAll @IntRange(min = 1, max = 4) int channels, @ForAll @IntRange(min = 1, max = 3) int offset) {
        var conv = Conv.of(2, 3);
        var v = conv.init(Random.key(0), random(1, DType.F32, Shape.of(1, 5, channels), -1, 1));
        Array wrong = random(2, DType.F32, Shape.of(1, 5, channels + offset), -1, 1);
        assertError(ShapeError.class, "Conv", () -> conv.apply(v, wrong), "must have size " + channels, wrong.aval().toString());
    }

    @Property(tries = 20)
    void embedAttendShouldNameTheTable(@ForAll @IntRange(min = 1, max = 4) int features, @ForAll @IntRange(min = 1, max = 3) int offset) {
        Array table = random(1, DType.F32, Shape.of(5, features), -1, 1);
        Array query = random(2, DType.F32, Shape.of(2, features + offset), -1, 1);
        assertError(ShapeError.class, "Embed.attend", () -> Embed.attend(new Embed.Params(table), query),
                "must have size " + features, table.aval().toString(), query.aval().toString());
    }
}
