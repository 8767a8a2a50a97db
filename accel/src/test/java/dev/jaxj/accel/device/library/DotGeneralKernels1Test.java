package dev.jaxj.accel.device.library;

import dev.jaxj.accel.device.Nvcc;
import dev.jaxj.accel.device.library.LibraryChecks1.Case;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.DotDimensionNumbers;
import dev.jaxj.ir.Primitive.DotGeneral;
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

import static org.junit.jupiter.api.Assertions.assertEquals;

class DotGeneralKernels1Test {
    private static final DType[] NUMERIC = {DType.F32, DType.F64, DType.I32, DType.U32, DType.I64};

    private static DotGeneral dot(List<Integer> lc, List<Integer> rc, List<Integer> lb, List<Integer> rb) {
        return dot(lc, rc, lb, rb, Option.none());
    }

    private static DotGeneral dot(List<Integer> lc, List<Integer> rc, List<Integer> lb, List<Integer> rb, Option<DType> preferred) {
        return new DotGeneral(new DotDimensionNumbers(Vector.ofAll(lc), Vector.ofAll(rc), Vector.ofAll(lb), Vector.ofAll(rb)), preferred);
    }

    /** Layouts and sizes that exercise every path: edges of tiles, transposes, batches, several axes per group, empty axes. */
    static List<Case> cases() {
        List<Case> cs = new ArrayList<>();
        for (DType d : NUMERIC) {
            cs.add(Case.of(dot(List.of(1), List.of(0), List.of(), List.of()), ShapedArray.of(d, 67, 45), ShapedArray.of(d, 45, 70)));
        }
        DType f = DType.F32;
        // x·Wᵀ and Aᵀ·B: the contracting axis is contiguous in one operand and strided in the other.
        cs.add(Case.of(dot(List.of(1), List.of(1), List.of(), List.of()), ShapedArray.of(f, 130, 33), ShapedArray.of(f, 65, 33)));
        cs.add(Case.of(dot(List.of(0), List.of(0), List.of(), List.of()), ShapedArray.of(f, 33, 130), ShapedArray.of(f, 33, 65)));
        // Batched, with the batch axis in the middle of the rhs and two contracting axes in swapped order.
        cs.add(Case.of(dot(List.of(3, 1), List.of(0, 3), List.of(0), List.of(2)),
                ShapedArray.of(f, 3, 5, 20, 4), ShapedArray.of(f, 4, 9, 3, 5)));
        // Two batch axes, listed out of order; free axes on both sides split in two.
        cs.add(Case.of(dot(List.of(2), List.of(1), List.of(3, 0), List.of(0, 2)),
                ShapedArray.of(DType.F64, 2, 7, 6, 3), ShapedArray.of(DType.F64, 3, 6, 2, 5, 4)));
        // Inner product, outer product, matrix·vector.
        cs.add(Case.of(dot(List.of(0), List.of(0), List.of(), List.of()), ShapedArray.of(f, 1000), ShapedArray.of(f, 1000)));
        cs.add(Case.of(dot(List.of(), List.of(), List.of(), List.of()), ShapedArray.of(DType.I32, 17), ShapedArray.of(DType.I32, 70)));
        cs.add(Case.of(dot(List.of(1), List.of(0), List.of(), List.of()), ShapedArray.of(DType.I64, 65, 129), ShapedArray.of(DType.I64, 129)));
        // Preferred element types: integers into f32, f32 into f64, integers into bool.
        cs.add(Case.of(dot(List.of(1), List.of(0), List.of(), List.of(), Option.of(DType.F32)), ShapedArray.of(DType.I32, 9, 31), ShapedArray.of(DType.I32, 31, 12)));
        cs.add(Case.of(dot(List.of(1), List.of(0), List.of(), List.of(), Option.of(DType.F64)), ShapedArray.of(f, 9, 31), ShapedArray.of(f, 31, 12)));
        cs.add(Case.of(dot(List.of(1), List.of(0), List.of(), List.of(), Option.of(DType.BOOL)), ShapedArray.of(DType.U32, 9, 31), ShapedArray.of(DType.U32, 31, 12)));
        cs.add(Case.of(dot(List.of(1), List.of(0), List.of(), List.of(), Option.of(DType.I32)), ShapedArray.of(f, 9, 31), ShapedArray.of(f, 31, 12)));
        // An empty contraction (zeros) and an empty output.
        cs.add(Case.of(dot(List.of(1), List.of(0), List.of(), List.of()), ShapedArray.of(f, 5, 0), ShapedArray.of(f, 0, 6)));
        cs.add(Case.of(dot(List.of(1), List.of(0), List.of(), List.of()), ShapedArray.of(f, 0, 7), ShapedArray.of(f, 7, 6)));
        return cs;
    }

    @Test
    void everyVariantCompilesAsCuda() {
        Nvcc.compile(LibraryChecks1.kernels(cases(), c -> DotGeneralKernels.lower((DotGeneral) c.p(), c.in(), c.out())));
    }

    @Test
    void anEmptyOutputLaunchesNothing() {
        Case c = cases().getLast();
        assertEquals(0, DotGeneralKernels.lower((DotGeneral) c.p(), c.in(), c.out()).launches().size());
    }

    /**
     * Against the CPU backend on random operands (NaN among floats, full-range integers that
     * wrap). f32 accumulates in f32 on both sides, in different orders: each may be off by
     * K·eps·(|A|·|B|), so they may differ by twice that; integer products are exact.
     */
    @Test
    void matchesTheCpuBackendOnOpenCl() {
        PoCl.assumeAvailable();
        var rnd = new Random(11);
        for (Case c : cases()) {
            var p = (DotGeneral) c.p();
            var ops = List.of(random(c.in().get(0), rnd, Draw.SPREAD), random(c.in().get(1), rnd, Draw.SPREAD));
            HostData expected = cpu(p, c.in(), ops, c.out()), scale = null;
            DType out = c.out().head().dtype();
            double factor = 0;
            if (out.isFloating()) {
                // |A|·|B| in the output dtype bounds the rounding error of either sum.
                var wide = c.in().map(a -> a.withDType(DType.F64));
                var absOps = List.of(toF64(abs(ops.get(0))), toF64(abs(ops.get(1))));
                scale = cpu(new DotGeneral(p.dimensionNumbers(), Option.of(out)), wide, absOps, c.out());
                long k = 1;
                for (int axis : p.dimensionNumbers().lhsContracting()) k *= c.in().get(0).shape().dim(axis);
                factor = 2.0 * k * (out == DType.F32 ? 0x1p-24 : 0x1p-53);
            }
            assertMatches(c.toString(), expected, device(DotGeneralKernels.lower(p, c.in(), c.out()), ops, c.out()), scale, factor);
        }
    }

    private static HostData toF64(HostData x) {
        HostData r = HostData.allocate(DType.F64, x.size());
        for (int i = 0; i < x.size(); i++) r.setDouble(i, Math.abs(x.getDouble(i)));
        return r;
    }
}
