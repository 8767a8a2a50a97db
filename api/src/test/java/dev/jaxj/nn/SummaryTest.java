package dev.jaxj.nn;

import dev.jaxj.Random;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.ShapedArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Keras-style summary table. */
class SummaryTest {

    @Test
    void shouldPrintTheClassicMlpWith387Params() {
        var model = MLP.of(Activation.RELU, 64, 3);
        var input = ShapedArray.of(DType.F32, 10, 2);
        var summary = model.summary(model.init(Random.key(0), input), input);
        assertEquals(387, summary.totalParams());
        assertEquals(387, summary.trainableParams());
        assertEquals("""
                Model: "mlp"
                ┌────────────────────────────┬──────────────────────┬─────────────┐
                │ Layer (type)               │ Output Shape         │     Param # │
                ├────────────────────────────┼──────────────────────┼─────────────┤
                │ dense (Dense)              │ (None, 64)           │         192 │
                │ relu (Activation)          │ (None, 64)           │           0 │
                │ dense_1 (Dense)            │ (None, 3)            │         195 │
                └────────────────────────────┴──────────────────────┴─────────────┘
                 Total params: 387 (1.51 KB)
                 Trainable params: 387 (1.51 KB)
                 Non-trainable params: 0 (0.00 B)
                """, summary.toString());
    }

    @Test
    void shouldNumberRepeatedLayersAndFlattenNestedContainers() {
        var model = Sequential.of(MLP.of(Activation.RELU, 8, 8), Activation.RELU, Dense.of(2), new Flatten());
        var input = ShapedArray.of(DType.F32, 1, 4);
        var rows = model.summary(model.init(Random.key(0), input), input).rows();
        assertEquals("dense relu dense_1 relu_1 dense_2 flatten", rows.map(Summary.Row::name).mkString(" "));
        assertEquals(4 * 8 + 8, rows.get(0).params());
    }

    @Test
    void shouldNameLayersInSnakeCase() {
        assertEquals("multi_head_attention", Summary.snakeCase("MultiHeadAttention"));
        assertEquals("mlp", Summary.snakeCase("MLP"));
        assertEquals("rms_norm", Summary.snakeCase("RMSNorm"));
        assertEquals("(None,)", Summary.shapeText(ShapedArray.of(DType.F32, 5)));
    }
}
