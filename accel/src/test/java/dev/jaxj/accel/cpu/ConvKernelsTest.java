package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;

import dev.jaxj.accel.cpu.KernelHarness.Operand;
import dev.jaxj.accel.cpu.KernelHarness.Result;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.stream.IntStream;

import static dev.jaxj.accel.cpu.RandomArrays.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** conv_general_dilated against a direct loop nest that follows XLA's definition, written here. */
class ConvKernelsTest {

    @Property(tries = 300)
    void convMatchesTheDefinition(@ForAll long seed) {
        var rnd = new Random(seed);
        int spatial = pick(rnd, new Integer[] {0, 1, 1, 2, 2, 3});
        int fg = 1, bg = 1;
        if (rnd.nextBoolean()) fg = 1 + rnd.nextInt(3);
        else bg = 1 + rnd.nextInt(3);
        int kernelIn = 1 + rnd.nextInt(3), groupOut = 1 + rnd.nextInt(3);
        int outBatch = rnd.nextInt(8) == 0 ? 0 : 1 + rnd.nextInt(2);
        int[] in = new int[spatial], k = new int[spatial];
        var strides = new Integer[spatial];
        var lhsDil = new Integer[spatial];
        var rhsDil = new Integer[spatial];
        var padding = new Padding[spatial];
        for (int d = 0; d < spatial; d++) {
            in[d] = rnd.nextInt(10) == 0 ? 0 : 1 + rnd.nextInt(5);
            k[d] = 1 + rnd.nextInt(3);
            strides[d] = 1 + rnd.nextInt(3);
            lhsDil[d] = 1 + rnd.nextInt(2);
            rhsDil[d] = 1 + rnd.nextInt(2);
            padding[d] = new Padding(rnd.nextInt(4) - 1, rnd.nextInt(4) - 1);
        }
        int[] lhsSpec = permutation(rnd, spatial + 2), rhsSpec = permutation(rnd, spatial + 2), outSpec = permutation(rnd, spatial + 2);
        int[] ld = layout(lhsSpec, outBatch * bg, kernelIn * fg, in), rd = layout(rhsSpec, groupOut * fg * bg, kernelIn, k);
        var dn = new ConvDimensionNumbers(Vector.ofAll(IntStream.of(lhsSpec).boxed().toList()),
                Vector.ofAll(IntStream.of(rhsSpec).boxed().toList()), Vector.ofAll(IntStream.of(outSpec).boxed().toList()));
        DType d = rnd.nextBoolean() ? DType.F32 : DType.F64;
        Option<DType> preferred = rnd.nextInt(5) == 0 ? Option.of(rnd.nextBoolean() ? DType.F32 : DType.F64) : Option.none();
        var p = new ConvGeneralDilated(Vector.of(strides), Vector.of(padding), Vector.of(lhsDil), Vector.of(rhsDil), dn, fg, bg, preferred);
        Operand lhs = random(d, Shape.of(ld), rnd), rhs = random(d, Shape.of(rd), rnd);
        checkConv(p, lhs, rhs, "seed " + seed + ", " + p + " of " + lhs.aval() + ", " + rhs.aval());
    }

    /** Shapes that take the direct kernels: wide rows (DirectConv) or wide kernels with few outputs (WindowDotConv). */
    @Property(tries = 200)
    void directKernelsMatchTheDefinition(@ForAll long seed) {
        var rnd = new Random(seed);
        int spatial = 1 + rnd.nextInt(2);
        boolean wideKernel = rnd.nextBoolean();
        int[] in = new int[spatial], k = new int[spatial];
        var strides = new Integer[spatial];
        var rhsDil = new Integer[spatial];
        var padding = new Padding[spatial];
        for (int d = 0; d < spatial; d++) {
            boolean x = d == spatial - 1;
            in[d] = x ? (wideKernel ? 16 : 6) + rnd.nextInt(30) : 1 + rnd.nextInt(12);
            k[d] = wideKernel ? Math.max(1, in[d] - rnd.nextInt(3)) : 1 + rnd.nextInt(4);
            strides[d] = x && !wideKernel ? 1 : 1 + rnd.nextInt(2);
            rhsDil[d] = x && wideKernel ? 1 : 1 + rnd.nextInt(2);
            padding[d] = new Padding(rnd.nextInt(4) - 1, rnd.nextInt(4) - 1);
            // Keep at least one output position.
            int span = (k[d] - 1) * rhsDil[d] + 1, padded = in[d] + padding[d].lo() + padding[d].hi();
            if (padded < span) padding[d] = new Padding(padding[d].lo(), padding[d].hi() + span - padded);
        }
        int[] lhsSpec = permutation(rnd, spatial + 2), outSpec = permutation(rnd, spatial + 2);
        // The wide-kernel path reads kernel rows as vectors: mostly x-contiguous rhs layouts, whose other axes may be in any order.
        int[] rhsSpec = permutation(rnd, spatial + 2);
        if (rnd.nextInt(4) > 0) lastAxisLast(rhsSpec);
        int batch = 1 + rnd.nextInt(4), features = 1 + rnd.nextInt(5), outs = 1 + rnd.nextInt(9);
        var dn = new ConvDimensionNumbers(Vector.ofAll(IntStream.of(lhsSpec).boxed().toList()),
                Vector.ofAll(IntStream.of(rhsSpec).boxed().toList()), Vector.ofAll(IntStream.of(outSpec).boxed().toList()));
        var p = new ConvGeneralDilated(Vector.of(strides), Vector.of(padding), Vector.ofAll(Vector.fill(spatial, 1)), Vector.of(rhsDil),
                dn, 1, 1, Option.none());
        Operand lhs = random(DType.F32, Shape.of(layout(lhsSpec, batch, features, in)), rnd);
        Operand rhs = random(DType.F32, Shape.of(layout(rhsSpec, outs, features, k)), rnd);
        checkConv(p, lhs, rhs, "seed " + seed + ", " + p + " of " + lhs.aval() + ", " + rhs.aval());
    }

    @Test
    void shouldTakeTheDirectKernelsForTheGradientsOfAThreeByThreeLayer() {
        // x [4, 3, 20, 20] and w [5, 3, 3, 3], stride 1, pad 1: the forward, and the two
        // convolutions grad emits (input gradient with the kernel's in/out axes swapped,
        // weight gradient with batch and features swapped).
        var rnd = new Random(3);
        var pad = Vector.of(new Padding(1, 1), new Padding(1, 1));
        var forward = conv2d(pad, ConvDimensionNumbers.channelsFirst(2));
        var inputGrad = conv2d(pad, new ConvDimensionNumbers(Vector.of(0, 1, 2, 3), Vector.of(1, 0, 2, 3), Vector.of(0, 1, 2, 3)));
        var weightGrad = conv2d(pad, new ConvDimensionNumbers(Vector.of(1, 0, 2, 3), Vector.of(1, 0, 2, 3), Vector.of(1, 0, 2, 3)));
        Operand x = random(DType.F32, Shape.of(4, 3, 20, 20), rnd), w = random(DType.F32, Shape.of(5, 3, 3, 3), rnd);
        Operand dy = random(DType.F32, Shape.of(4, 5, 20, 20), rnd);
        assertTrue(DirectConv.fits(conv2dOf(forward, x, w)));
        assertTrue(DirectConv.fits(conv2dOf(inputGrad, dy, w)));
        assertTrue(WindowDotConv.fits(conv2dOf(weightGrad, x, dy)));
        checkConv(forward, x, w, "forward");
        checkConv(inputGrad, dy, w, "input gradient");
        checkConv(weightGrad, x, dy, "weight gradient");
    }

    @Test
    void shouldLeaveOtherConvolutionsToIm2col() {
        var pad = Vector.of(new Padding(1, 1), new Padding(1, 1));
        ShapedArray x = ShapedArray.of(DType.F32, Shape.of(2, 4, 20, 20)), w = ShapedArray.of(DType.F32, Shape.of(6, 4, 3, 3));
        var strided = new ConvGeneralDilated(Vector.of(2, 2), pad, Vector.of(1, 1), Vector.of(1, 1), ConvDimensionNumbers.channelsFirst(2), 1, 1, Option.none());
        var c = Conv2d.of(strided, x, w, strided.abstractEval(Vector.of(x, w)).head()).orElseThrow();
        assertFalse(DirectConv.fits(c) || WindowDotConv.fits(c));
        var grouped = new ConvGeneralDilated(Vector.of(1, 1), pad, Vector.of(1, 1), Vector.of(1, 1), ConvDimensionNumbers.channelsFirst(2), 2, 1, Option.none());
        ShapedArray half = ShapedArray.of(DType.F32, Shape.of(6, 2, 3, 3));
        assertTrue(Conv2d.of(grouped, x, half, grouped.abstractEval(Vector.of(x, half)).head()).isEmpty());
        var dilated = new ConvGeneralDilated(Vector.of(1, 1), pad, Vector.of(2, 1), Vector.of(1, 1), ConvDimensionNumbers.channelsFirst(2), 1, 1, Option.none());
        assertTrue(Conv2d.of(dilated, x, w, dilated.abstractEval(Vector.of(x, w)).head()).isEmpty());
        // A wide kernel with strides and many outputs: too many lane sums for the window kernel.
        ShapedArray big = ShapedArray.of(DType.F32, Shape.of(8, 4, 200, 200)), wide = ShapedArray.of(DType.F32, Shape.of(64, 4, 16, 16));
        var c2 = Conv2d.of(strided, big, wide, strided.abstractEval(Vector.of(big, wide)).head()).orElseThrow();
        assertFalse(DirectConv.fits(c2) || WindowDotConv.fits(c2));
        ShapedArray x64 = ShapedArray.of(DType.F64, Shape.of(2, 4, 20, 20)), w64 = ShapedArray.of(DType.F64, Shape.of(6, 4, 3, 3));
        assertTrue(Conv2d.of(strided, x64, w64, strided.abstractEval(Vector.of(x64, w64)).head()).isEmpty());
    }

    /** Swaps the entries of {@code spec} so that the x axis (its last entry) names the operand's last dimension. */
    private static void lastAxisLast(int[] spec) {
        int last = spec.length - 1;
        for (int i = 0; i < last; i++) {
            if (spec[i] == last) {
                spec[i] = spec[last];
                spec[last] = last;
            }
        }
    }

    private static ConvGeneralDilated conv2d(Vector<Padding> pad, ConvDimensionNumbers dn) {
        return new ConvGeneralDilated(Vector.of(1, 1), pad, Vector.of(1, 1), Vector.of(1, 1), dn, 1, 1, Option.none());
    }

    private static Conv2d conv2dOf(ConvGeneralDilated p, Operand lhs, Operand rhs) {
        return Conv2d.of(p, lhs.aval(), rhs.aval(), p.abstractEval(Vector.of(lhs.aval(), rhs.aval())).head()).orElseThrow();
    }

    /** {@return dims with {@code lead}, {@code feature} and {@code spatial} at the positions a spec names} */
    private static int[] layout(int[] spec, int lead, int feature, int[] spatial) {
        int[] dims = new int[spec.length];
        dims[spec[0]] = lead;
        dims[spec[1]] = feature;
        for (int i = 0; i < spatial.length; i++) dims[spec[i + 2]] = spatial[i];
        return dims;
    }

    @Test
    void shouldCrossCorrelateWithStridesAndPadding() {
        Operand x = Operand.f32(Shape.of(1, 1, 5), 1, 2, 3, 4, 5), w = Operand.f32(Shape.of(1, 1, 2), 1, -1);
        assertArrayEquals(new float[] {-1, -1, -1, -1}, KernelHarness.run(conv1d(1, 0, 0, 1, 1), x, w).data().f32());
        // Padded to [0, 1, 2, 3, 4, 5], windows start at 0, 2 and 4.
        assertArrayEquals(new float[] {-1, -1, -1}, KernelHarness.run(conv1d(2, 1, 0, 1, 1), x, w).data().f32());
    }

    @Test
    void shouldCropWithNegativePadding() {
        Operand x = Operand.f64(Shape.of(1, 1, 5), 1, 2, 3, 4, 5), w = Operand.f64(Shape.of(1, 1, 1), 1);
        assertArrayEquals(new double[] {2, 3}, KernelHarness.run(conv1d(1, -1, -2, 1, 1), x, w).data().f64());
    }

    @Test
    void shouldDilateTheLhsAndTheKernel() {
        Operand x = Operand.f32(Shape.of(1, 1, 3), 1, 2, 3), w = Operand.f32(Shape.of(1, 1, 2), 1, 10);
        // lhs dilation 2 reads [1, 0, 2, 0, 3]: a transposed convolution.
        assertArrayEquals(new float[] {1, 20, 2, 30}, KernelHarness.run(conv1d(1, 0, 0, 2, 1), x, w).data().f32());
        Operand y = Operand.f32(Shape.of(1, 1, 5), 1, 2, 3, 4, 5), v = Operand.f32(Shape.of(1, 1, 2), 1, 1);
        // rhs dilation 2: out[i] = y[i] + y[i + 2].
        assertArrayEquals(new float[] {4, 6, 8}, KernelHarness.run(conv1d(1, 0, 0, 1, 2), y, v).data().f32());
    }

    @Test
    void shouldConvolveEachFeatureGroupWithItsOwnInputs() {
        // Depthwise: 2 input features, 2 groups, one output feature each.
        Operand x = Operand.f32(Shape.of(1, 2, 3), 1, 2, 3, 10, 20, 30), w = Operand.f32(Shape.of(2, 1, 1), 2, -1);
        var p = new ConvGeneralDilated(Vector.of(1), Vector.of(new Padding(0, 0)), Vector.of(1), Vector.of(1),
                ConvDimensionNumbers.channelsFirst(1), 2, 1, Option.none());
        assertArrayEquals(new float[] {2, 4, 6, -10, -20, -30}, KernelHarness.run(p, x, w).data().f32());
    }

    @Test
    void shouldPairBatchGroupsWithOutputFeatureGroups() {
        // Batch 2 in 2 groups: output feature g convolves lhs sample g only, into output sample 0.
        Operand x = Operand.f32(Shape.of(2, 1, 2), 1, 2, 3, 4), w = Operand.f32(Shape.of(2, 1, 1), 10, 100);
        var p = new ConvGeneralDilated(Vector.of(1), Vector.of(new Padding(0, 0)), Vector.of(1), Vector.of(1),
                ConvDimensionNumbers.channelsFirst(1), 1, 2, Option.none());
        Result r = KernelHarness.run(p, x, w);
        assertEquals(Shape.of(1, 2, 2), r.aval().shape());
        assertArrayEquals(new float[] {10, 20, 300, 400}, r.data().f32());
    }

    @Test
    void shouldMatchTheDefinitionOnAnNchwBatch() {
        // Enough samples to spread over workers; the usual 3x3, stride 1, pad 1 layer.
        var rnd = new Random(9);
        var p = new ConvGeneralDilated(Vector.of(1, 1), Vector.of(new Padding(1, 1), new Padding(1, 1)), Vector.of(1, 1),
                Vector.of(1, 1), ConvDimensionNumbers.channelsFirst(2), 1, 1, Option.none());
        checkConv(p, random(DType.F32, Shape.of(8, 3, 16, 16), rnd), random(DType.F32, Shape.of(8, 3, 3, 3), rnd), "nchw");
    }

    @Test
    void shouldHandleAnEmptyBatch() {
        var p = conv1d(1, 0, 0, 1, 1);
        Result r = KernelHarness.run(p, Operand.f32(Shape.of(0, 1, 4)), Operand.f32(Shape.of(3, 1, 2), 1, 2, 3, 4, 5, 6));
        assertEquals(Shape.of(0, 3, 3), r.aval().shape());
    }

    private static ConvGeneralDilated conv1d(int stride, int lo, int hi, int lhsDilation, int rhsDilation) {
        return new ConvGeneralDilated(Vector.of(stride), Vector.of(new Padding(lo, hi)), Vector.of(lhsDilation),
                Vector.of(rhsDilation), ConvDimensionNumbers.channelsFirst(1), 1, 1, Option.none());
    }

    /** XLA's definition, one output element at a time, summing in double. */
    private static void checkConv(ConvGeneralDilated p, Operand lhs, Operand rhs, String what) {
        Result r = KernelHarness.run(p, lhs, rhs);
        var dn = p.dimensionNumbers();
        int spatial = dn.lhsSpec().size() - 2;
        int[] ld = lhs.aval().shape().toArray(), rd = rhs.aval().shape().toArray(), od = r.aval().shape().toArray();
        int batch = ld[dn.lhsSpec().get(0)], outFeatures = rd[dn.rhsSpec().get(0)], kernelIn = rd[dn.rhsSpec().get(1)];
        int fg = p.featureGroupCount(), bg = p.batchGroupCount();
        int[] kernel = new int[spatial];
        for (int d = 0; d < spatial; d++) kernel[d] = rd[dn.rhsSpec().get(d + 2)];
        DType ct = r.aval().dtype();
        for (int o = 0; o < r.aval().size(); o++) {
            int[] oi = unravel(o, od);
            int n = oi[dn.outSpec().get(0)], f = oi[dn.outSpec().get(1)];
            int featureGroup = f / (outFeatures / fg), batchGroup = f / (outFeatures / bg);
            int sample = n + batchGroup * (batch / bg);
            double sum = 0, mag = 0;
            int[] li = new int[ld.length], ri = new int[rd.length];
            li[dn.lhsSpec().get(0)] = sample;
            ri[dn.rhsSpec().get(0)] = f;
            for (int i = 0; i < kernelIn; i++) {
                li[dn.lhsSpec().get(1)] = featureGroup * kernelIn + i;
                ri[dn.rhsSpec().get(1)] = i;
                window:
                for (int kk = 0; kk < Layouts.product(kernel); kk++) {
                    int[] ki = unravel(kk, kernel);
                    for (int d = 0; d < spatial; d++) {
                        int u = oi[dn.outSpec().get(d + 2)] * p.windowStrides().get(d) - p.padding().get(d).lo() + ki[d] * p.rhsDilation().get(d);
                        int dil = p.lhsDilation().get(d), x = Math.floorDiv(u, dil);
                        if (Math.floorMod(u, dil) != 0 || x < 0 || x >= ld[dn.lhsSpec().get(d + 2)]) continue window;
                        li[dn.lhsSpec().get(d + 2)] = x;
                        ri[dn.rhsSpec().get(d + 2)] = ki[d];
                    }
                    double prod = value(ct, lhs.data(), ravel(li, ld)) * value(ct, rhs.data(), ravel(ri, rd));
                    sum += prod;
                    mag += Math.abs(prod);
                }
            }
            double tol = (ct == DType.F32 ? 1e-5 : 1e-12) * Math.max(1, mag);
            assertClose(what + " at " + o, ct == DType.F32 ? (float) sum : sum, r.data().getDouble(o), tol);
        }
    }

    private static double value(DType ct, HostData b, int i) {
        return ct == DType.F32 ? (float) b.getDouble(i) : b.getDouble(i);
    }
}
