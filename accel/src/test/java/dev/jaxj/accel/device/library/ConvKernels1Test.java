package dev.jaxj.accel.device.library;

import dev.jaxj.accel.device.Nvcc;
import dev.jaxj.accel.device.library.LibraryChecks1.Case;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.ConvDimensionNumbers;
import dev.jaxj.ir.Primitive.ConvGeneralDilated;
import dev.jaxj.ir.Primitive.Padding;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.opencl.PoCl;
import dev.jaxj.accel.device.library.LibraryChecks1.Draw;
import java.util.Random;
import static dev.jaxj.accel.device.library.LibraryChecks1.*;

import java.util.ArrayList;
import java.util.List;

class ConvKernels1Test {
    private static ConvGeneralDilated conv(Vector<Integer> strides, Vector<Padding> padding, Vector<Integer> lhsDil, Vector<Integer> rhsDil,
                                           ConvDimensionNumbers dn, int featureGroups, int batchGroups, Option<DType> preferred) {
        return new ConvGeneralDilated(strides, padding, lhsDil, rhsDil, dn, featureGroups, batchGroups, preferred);
    }

    private static Vector<Padding> pad(int lo, int hi, int n) {
        return Vector.fill(n, new Padding(lo, hi));
    }

    /** NCHW and NHWC, 1-d to 3-d, strides, padding (also negative), both dilations, feature and batch groups, preferred types, an empty batch. */
    static List<Case> cases() {
        List<Case> cs = new ArrayList<>();
        var nchw = ConvDimensionNumbers.channelsFirst(2);
        for (DType d : new DType[] {DType.F32, DType.F64}) {
            cs.add(Case.of(conv(Vector.of(1, 1), pad(1, 1, 2), Vector.of(1, 1), Vector.of(1, 1), nchw, 1, 1, Option.none()),
                    ShapedArray.of(d, 2, 3, 9, 10), ShapedArray.of(d, 4, 3, 3, 3)));
        }
        // NHWC / HWIO / NHWC with strides 2, asymmetric padding and rhs dilation.
        var nhwc = new ConvDimensionNumbers(Vector.of(0, 3, 1, 2), Vector.of(3, 2, 0, 1), Vector.of(0, 3, 1, 2));
        cs.add(Case.of(conv(Vector.of(2, 2), Vector.of(new Padding(0, 1), new Padding(2, 0)), Vector.of(1, 1), Vector.of(2, 1), nhwc, 1, 1, Option.none()),
                ShapedArray.of(DType.F32, 2, 11, 12, 3), ShapedArray.of(DType.F32, 3, 2, 3, 5)));
        // lhs dilation (a transposed convolution's gradient) with negative padding.
        cs.add(Case.of(conv(Vector.of(1), Vector.of(new Padding(2, -1)), Vector.of(3), Vector.of(1), ConvDimensionNumbers.channelsFirst(1), 1, 1, Option.none()),
                ShapedArray.of(DType.F32, 2, 2, 7), ShapedArray.of(DType.F32, 3, 2, 3)));
        // Feature groups (depthwise when I = 1) and batch groups.
        cs.add(Case.of(conv(Vector.of(1, 1), pad(0, 0, 2), Vector.of(1, 1), Vector.of(1, 1), nchw, 3, 1, Option.none()),
                ShapedArray.of(DType.F32, 2, 6, 7, 7), ShapedArray.of(DType.F32, 9, 2, 3, 3)));
        cs.add(Case.of(conv(Vector.of(1, 1), pad(0, 0, 2), Vector.of(1, 1), Vector.of(1, 1), nchw, 1, 2, Option.none()),
                ShapedArray.of(DType.F32, 4, 3, 6, 6), ShapedArray.of(DType.F32, 4, 3, 2, 2)));
        // 3-d, and preferred element types: f32 into f64, f32 into i32 (computed in f64, then truncated).
        cs.add(Case.of(conv(Vector.of(1, 2, 1), pad(1, 0, 3), Vector.of(1, 1, 1), Vector.of(1, 1, 2), ConvDimensionNumbers.channelsFirst(3), 1, 1, Option.none()),
                ShapedArray.of(DType.F64, 1, 2, 5, 6, 7), ShapedArray.of(DType.F64, 2, 2, 2, 3, 2)));
        cs.add(Case.of(conv(Vector.of(1, 1), pad(0, 0, 2), Vector.of(1, 1), Vector.of(1, 1), nchw, 1, 1, Option.of(DType.F64)),
                ShapedArray.of(DType.F32, 1, 2, 5, 5), ShapedArray.of(DType.F32, 3, 2, 2, 2)));
        cs.add(Case.of(conv(Vector.of(1, 1), pad(0, 0, 2), Vector.of(1, 1), Vector.of(1, 1), nchw, 1, 1, Option.of(DType.I32)),
                ShapedArray.of(DType.F32, 1, 2, 5, 5), ShapedArray.of(DType.F32, 3, 2, 2, 2)));
        // An empty batch.
        cs.add(Case.of(conv(Vector.of(1, 1), pad(0, 0, 2), Vector.of(1, 1), Vector.of(1, 1), nchw, 1, 1, Option.none()),
                ShapedArray.of(DType.F32, 0, 2, 5, 5), ShapedArray.of(DType.F32, 3, 2, 2, 2)));
        return cs;
    }

    @Test
    void everyVariantCompilesAsCuda() {
        Nvcc.compile(LibraryChecks1.kernels(cases(), c -> ConvKernels.lower((ConvGeneralDilated) c.p(), c.in(), c.out())));
    }

    /**
     * Against the CPU backend on random operands with NaNs. f32 sums in f32 on both sides, in
     * different orders, so results may differ by 2·depth·eps·(|lhs| ⊛ |rhs|), depth being the
     * input features times the kernel's positions; an integer result (computed in f64 from
     * integer-valued operands, then truncated) must match exactly.
     */
    @Test
    void matchesTheCpuBackendOnOpenCl() {
        PoCl.assumeAvailable();
        var rnd = new Random(12);
        for (Case c : cases()) {
            var p = (ConvGeneralDilated) c.p();
            DType out = c.out().head().dtype();
            Draw draw = out.isFloating() ? Draw.SPREAD : Draw.TIES;
            var ops = List.of(random(c.in().get(0), rnd, draw), random(c.in().get(1), rnd, draw));
            HostData expected = cpu(p, c.in(), ops, c.out()), scale = null;
            double factor = 0;
            if (out.isFloating()) {
                scale = cpu(p, c.in(), List.of(abs(ops.get(0)), abs(ops.get(1))), c.out());
                ShapedArray rhs = c.in().get(1);
                long depth = rhs.size() / Math.max(1, rhs.shape().dim(p.dimensionNumbers().rhsSpec().get(0)));
                factor = 2.0 * depth * (out == DType.F32 ? 0x1p-24 : 0x1p-53);
            }
            assertMatches(c.toString(), expected, device(ConvKernels.lower(p, c.in(), c.out()), ops, c.out()), scale, factor);
        }
    }
}
