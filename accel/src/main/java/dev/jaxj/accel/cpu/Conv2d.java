package dev.jaxj.accel.cpu;

import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.ConvGeneralDilated;
import dev.jaxj.ir.ShapedArray;

import java.util.Arrays;
import java.util.Optional;

/**
 * A one- or two-dimensional f32 convolution without groups or lhs dilation, in the terms the
 * direct kernels ({@link DirectConv}, {@link WindowDotConv}) use: lhs {@code [B, F, H, W]},
 * rhs {@code [O, F, KH, KW]}, out {@code [B, O, OH, OW]}, each addressed through the strides
 * of its own layout. A 1-D convolution is a 2-D one of height 1.
 *
 * <p>{@code out[b, o, y, x] = sum over f, i, j of rhs[o, f, i, j] * lhs[b, f, y*sy + i*dy - padTop, x*sx + j*dx - padLeft]},
 * reads outside the lhs being zero. The kernels read the lhs from {@link #pad padded planes}
 * of {@link #paddedHeight()} x {@link #paddedWidth()}, exactly the rows and columns the
 * windows touch, so that padding (negative padding too) needs no tests in their loops.
 *
 * @param lhs strides of lhs batch, feature, y, x
 * @param rhs strides of rhs output feature, input feature, y, x
 * @param out strides of out batch, feature, y, x
 */
record Conv2d(int batch, int features, int outFeatures, int inH, int inW, int kH, int kW, int outH, int outW,
              int strideY, int strideX, int dilY, int dilX, int padTop, int padLeft,
              Strides lhs, Strides rhs, Strides out) {

    /** Strides of the four canonical axes (lead, feature, y, x) of one operand. */
    record Strides(int lead, int feature, int y, int x) {}

    /** {@return the convolution in these terms, or empty where only the general path applies} */
    static Optional<Conv2d> of(ConvGeneralDilated p, ShapedArray lhsAval, ShapedArray rhsAval, ShapedArray outAval) {
        var dn = p.dimensionNumbers();
        int spatial = dn.lhsSpec().size() - 2;
        boolean f32 = lhsAval.dtype() == DType.F32 && rhsAval.dtype() == DType.F32 && outAval.dtype() == DType.F32;
        if (!f32 || spatial < 1 || spatial > 2 || p.featureGroupCount() != 1 || p.batchGroupCount() != 1
                || p.lhsDilation().exists(d -> d != 1) || outAval.size() == 0 || lhsAval.size() == 0) {
            return Optional.empty();
        }
        int[] ld = lhsAval.shape().toArray(), rd = rhsAval.shape().toArray(), od = outAval.shape().toArray();
        int[] ls = lhsAval.shape().strides(), rs = rhsAval.shape().strides(), os = outAval.shape().strides();
        int[] lAx = axes(dn.lhsSpec()), rAx = axes(dn.rhsSpec()), oAx = axes(dn.outSpec());
        // A 1-D convolution reads as a 2-D one whose y axis has size 1 (stride 0 in every operand).
        int y = spatial == 2 ? 0 : -1, x = spatial - 1;
        return Optional.of(new Conv2d(ld[lAx[0]], ld[lAx[1]], rd[rAx[0]],
                dim(ld, lAx, y), dim(ld, lAx, x), dim(rd, rAx, y), dim(rd, rAx, x), dim(od, oAx, y), dim(od, oAx, x),
                y < 0 ? 1 : p.windowStrides().get(y), p.windowStrides().get(x),
                y < 0 ? 1 : p.rhsDilation().get(y), p.rhsDilation().get(x),
                y < 0 ? 0 : p.padding().get(y).lo(), p.padding().get(x).lo(),
                strides(ls, lAx, y, x), strides(rs, rAx, y, x), strides(os, oAx, y, x)));
    }

    private static int[] axes(io.vavr.collection.Seq<Integer> spec) {
        return spec.toJavaStream().mapToInt(Integer::intValue).toArray();
    }

    /** {@return the size of spatial axis {@code d}, 1 for the missing y axis of a 1-D convolution} */
    private static int dim(int[] dims, int[] spec, int d) {
        return d < 0 ? 1 : dims[spec[d + 2]];
    }

    private static Strides strides(int[] s, int[] spec, int y, int x) {
        return new Strides(s[spec[0]], s[spec[1]], y < 0 ? 0 : s[spec[y + 2]], s[spec[x + 2]]);
    }

    /** {@return the lhs rows the windows read: {@code (OH-1)*sy + (KH-1)*dy + 1}} */
    int paddedHeight() { return (outH - 1) * strideY + (kH - 1) * dilY + 1; }

    /** {@return the lhs columns the windows read} */
    int paddedWidth() { return (outW - 1) * strideX + (kW - 1) * dilX + 1; }

    /** {@return the index of {@code rhs[o, f, i, j]}} */
    int rhsIndex(int o, int f, int i, int j) { return o * rhs.lead() + f * rhs.feature() + i * rhs.y() + j * rhs.x(); }

    int planeSize() { return paddedHeight() * paddedWidth(); }

    /** {@return the kernel taps per output element: F x KH x KW} */
    int taps() { return features * kH * kW; }

    /**
     * Copies the planes of lhs sample {@code b}, features {@code [f0, f1)}, into {@code dst}
     * from offset {@code at}, one padded plane after the other, zeros where a window reads
     * padding. Only the padded region is written: {@code dst} may hold earlier planes.
     */
    void pad(float[] lhs, int b, int f0, int f1, float[] dst, int at) {
        int hp = paddedHeight(), wp = paddedWidth();
        // Columns u of a padded row hold lhs column u - padLeft: valid for u in [c0, c1).
        int c0 = Math.clamp(padLeft, 0, wp), c1 = Math.clamp((long) padLeft + inW, c0, wp);
        for (int f = f0; f < f1; f++) {
            int src = b * this.lhs.lead() + f * this.lhs.feature();
            for (int r = 0; r < hp; r++, at += wp) {
                int row = r - padTop;
                if (row < 0 || row >= inH) {
                    Arrays.fill(dst, at, at + wp, 0f);
                    continue;
                }
                Arrays.fill(dst, at, at + c0, 0f);
                Arrays.fill(dst, at + c1, at + wp, 0f);
                int from = src + row * this.lhs.y() + (c0 - padLeft) * this.lhs.x();
                if (this.lhs.x() == 1) System.arraycopy(lhs, from, dst, at + c0, c1 - c0);
                else for (int u = c0; u < c1; u++, from += this.lhs.x()) dst[at + u] = lhs[from];
            }
        }
    }
}
