package dev.jaxj.nn;

import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import org.junit.jupiter.api.Test;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Multi-head attention against a naive loop over batches, heads and positions, in double. */
class MultiHeadAttentionTest {
    private static final int B = 2, T = 5, F = 6, H = 3, D = 2;

    private static double[] project(double[] x, Dense.Params p, int rows, int in, int out) {
        return DenseTest.affine(x, p.kernel().toDoubleArray(), p.bias().toDoubleArray(), rows, in, out);
    }

    /** Attention written out: scores, a max-shifted softmax over the visible keys, the weighted values, the output projection. */
    private static double[] naive(MultiHeadAttention.Params p, double[] x, boolean causal) {
        int rows = B * T;
        double[] q = project(x, p.query(), rows, F, H * D), k = project(x, p.key(), rows, F, H * D), v = project(x, p.value(), rows, F, H * D);
        double[] mixed = new double[rows * H * D];
        for (int b = 0; b < B; b++)
            for (int h = 0; h < H; h++)
                for (int i = 0; i < T; i++) {
                    int visible = causal ? i + 1 : T;
                    double[] s = new double[visible];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < visible; j++) {
                        for (int d = 0; d < D; d++) s[j] += q[((b * T + i) * H + h) * D + d] * k[((b * T + j) * H + h) * D + d];
                        s[j] /= Math.sqrt(D);
                        max = Math.max(max, s[j]);
                    }
                    double z = 0;
                    for (int j = 0; j < visible; j++) z += Math.exp(s[j] - max);
                    for (int j = 0; j < visible; j++)
                        for (int d = 0; d < D; d++)
                            mixed[((b * T + i) * H + h) * D + d] += Math.exp(s[j] - max) / z * v[((b * T + j) * H + h) * D + d];
                }
        return project(mixed, p.out(), rows, H * D, F);
    }

    private static void check(MultiHeadAttention attention) {
        Array x = random(8, DType.F64, Shape.of(B, T, F), -1, 1);
        var v = attention.init(Random.key(9), x);
        var p = v.params();
        assertNear(attention.apply(v, x), DType.F64, Shape.of(B, T, F), 1e-13, naive(p, x.toDoubleArray(), attention.causal()));
    }

    @Test
    void shouldAttendToEveryPosition() { check(MultiHeadAttention.of(H)); }

    @Test
    void shouldAttendOnlyToEarlierPositionsWhenCausal() { check(MultiHeadAttention.causal(H)); }

    @Test
    void shouldHaveFourProjectionsWithBias() {
        var v = MultiHeadAttention.causal(H).init(Random.key(0), random(1, DType.F32, Shape.of(1, T, F), 0, 1));
        assertEquals(4 * (F * F + F), v.paramCount());
        var p = new MultiHeadAttention(2, 8, 4, false).init(Random.key(0), random(1, DType.F32, Shape.of(1, T, F), 0, 1));
        assertEquals(3 * (F * 8 + 8) + 8 * 4 + 4, p.paramCount());
    }

    @Test
    void shouldRejectWidthsTheHeadsDoNotDivide() {
        assertError(ShapeError.class, "MultiHeadAttention",
                () -> MultiHeadAttention.of(4).init(Random.key(0), random(1, DType.F32, Shape.of(1, T, F), 0, 1)), "4 heads", "f32[1,5,6]");
        assertError(ShapeError.class, "MultiHeadAttention",
                () -> MultiHeadAttention.of(2).init(Random.key(0), random(1, DType.F32, Shape.of(T, F), 0, 1)), "[batch, length, features]");
    }
}
