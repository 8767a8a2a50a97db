package dev.jaxj.nn;

import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import org.junit.jupiter.api.Test;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Conv against a naive double loop of the cross-correlation's definition. */
class ConvTest {

    /**
     * The 2-d cross-correlation of {@code x[n, h, w, c]} with {@code k[kh, kw, c/g, o]}, computed
     * position by position; out-of-range input cells read as zero.
     */
    static double[] naive2d(double[] x, int n, int h, int w, int c, double[] k, int kh, int kw, int o,
                            int stride, int dil, int groups, int padTop, int padLeft, int oh, int ow) {
        int cg = c / groups, og = o / groups;
        double[] y = new double[n * oh * ow * o];
        for (int b = 0; b < n; b++)
            for (int i = 0; i < oh; i++)
                for (int j = 0; j < ow; j++)
                    for (int f = 0; f < o; f++) {
                        int g = f / og;
                        double s = 0;
                        for (int di = 0; di < kh; di++)
                            for (int dj = 0; dj < kw; dj++) {
                                int r = i * stride - padTop + di * dil, q = j * stride - padLeft + dj * dil;
                                if (r < 0 || r >= h || q < 0 || q >= w) continue;
                                for (int ci = 0; ci < cg; ci++)
                                    s += x[((b * h + r) * w + q) * c + g * cg + ci] * k[((di * kw + dj) * cg + ci) * o + f];
                            }
                        y[((b * oh + i) * ow + j) * o + f] = s;
                    }
        return y;
    }

    private static void check2d(Conv conv, int n, int h, int w, int c, int stride, int dil, int groups, boolean same) {
        Array x = random(21, DType.F64, Shape.of(n, h, w, c), -1, 1);
        var v = conv.init(Random.key(4), x);
        var p = v.params();
        int kh = conv.kernelSize().get(0), kw = conv.kernelSize().get(1), o = conv.features();
        int eh = (kh - 1) * dil + 1, ew = (kw - 1) * dil + 1;
        int oh, ow, top = 0, left = 0;
        if (same) {
            // SAME: ceil(in / stride) outputs; the total padding split with the odd cell at the end.
            oh = (h + stride - 1) / stride;
            ow = (w + stride - 1) / stride;
            top = Math.max(0, (oh - 1) * stride + eh - h) / 2;
            left = Math.max(0, (ow - 1) * stride + ew - w) / 2;
        } else {
            oh = (h - eh) / stride + 1;
            ow = (w - ew) / stride + 1;
        }
        double[] y = naive2d(x.toDoubleArray(), n, h, w, c, p.kernel().toDoubleArray(), kh, kw, o, stride, dil, groups, top, left, oh, ow);
        double[] b = p.bias().toDoubleArray();
        for (int i = 0; i < y.length; i++) y[i] += b[i % o];
        assertNear(conv.apply(v, x), DType.F64, Shape.of(n, oh, ow, o), 1e-13, y);
    }

    @Test
    void shouldConvolveWithSamePaddingAndStrideOne() {
        check2d(Conv.of(4, 3, 3), 2, 5, 6, 3, 1, 1, 1, true);
    }

    @Test
    void shouldConvolveWithStrideTwoAndAsymmetricSamePadding() {
        check2d(Conv.of(3, 2, 3).withStrides(2, 2), 1, 6, 7, 2, 2, 1, 1, true);
    }

    @Test
    void shouldConvolveWithDilationAndValidPadding() {
        check2d(Conv.of(2, 3, 3).withDilation(2, 2).withPadding(Padding.VALID), 2, 7, 7, 2, 1, 2, 1, false);
    }

    @Test
    void shouldConvolveFeatureGroupsIndependently() {
        var conv = Conv.of(4, 3, 3).withGroups(2);
        var v = conv.init(Random.key(0), random(1, DType.F64, Shape.of(1, 4, 4, 6), -1, 1));
        assertEquals(Shape.of(3, 3, 3, 4), (v.params()).kernel().shape());
        check2d(conv, 1, 4, 4, 6, 1, 1, 2, true);
    }

    @Test
    void shouldConvolveOneSpatialAxis() {
        var conv = Conv.of(2, 3).withPadding(Padding.VALID);
        Array x = random(5, DType.F64, Shape.of(2, 6, 3), -1, 1);
        var v = conv.init(Random.key(1), x);
        var p = v.params();
        // The 1-d convolution is the 2-d one with a height of 1.
        double[] y = naive2d(x.toDoubleArray(), 2, 1, 6, 3, p.kernel().toDoubleArray(), 1, 3, 2, 1, 1, 1, 0, 0, 1, 4);
        assertNear(conv.apply(v, x), DType.F64, Shape.of(2, 4, 2), 1e-13, y);
        assertEquals("Conv1D", conv.typeName());
    }

    @Test
    void shouldRejectInputsOfAnotherRankOrChannelCount() {
        var conv = Conv.of(2, 3, 3);
        assertError(ShapeError.class, "Conv", () -> conv.init(Random.key(0), random(1, DType.F32, Shape.of(4, 4, 3), 0, 1)),
                "rank 4", "f32[4,4,3]");
        var v = conv.init(Random.key(0), random(1, DType.F32, Shape.of(1, 4, 4, 3), 0, 1));
        assertError(ShapeError.class, "Conv", () -> conv.apply(v, random(1, DType.F32, Shape.of(1, 4, 4, 2), 0, 1)), "last axis (channels) must have size 3", "f32[1,4,4,2]");
    }
}
