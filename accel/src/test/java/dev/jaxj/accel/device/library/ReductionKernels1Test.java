package dev.jaxj.accel.device.library;

import dev.jaxj.accel.device.Nvcc;
import dev.jaxj.accel.device.library.LibraryChecks1.Case;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.opencl.PoCl;
import dev.jaxj.accel.device.library.LibraryChecks1.Draw;
import java.util.Random;
import static dev.jaxj.accel.device.library.LibraryChecks1.*;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class ReductionKernels1Test {
    private static final DType[] ALL = {DType.F32, DType.F64, DType.I32, DType.U32, DType.I64, DType.BOOL};

    private static List<Reduction> reductions(Vector<Integer> axes) {
        return List.of(new ReduceSum(axes), new ReduceProd(axes), new ReduceMax(axes), new ReduceMin(axes), new ReduceAnd(axes), new ReduceOr(axes));
    }

    /** Every monoid on every dtype it accepts, over rows, columns, everything, scattered axes, long folds and empty ones. */
    static List<Case> cases() {
        List<Case> cs = new ArrayList<>();
        for (DType d : ALL) {
            for (Reduction r : reductions(Vector.of(1))) {
                if (r.accepts(d)) cs.add(Case.of(r, ShapedArray.of(d, 5, 37, 3)));
            }
            for (Reduction r : reductions(Vector.of(0, 2))) {
                if (r.accepts(d)) cs.add(Case.of(r, ShapedArray.of(d, 70, 3, 90)));
            }
        }
        cs.add(Case.of(new ReduceSum(Vector.of(0)), ShapedArray.of(DType.F32, 3001)));
        cs.add(Case.of(new ReduceMax(Vector.of(1)), ShapedArray.of(DType.F32, 3, 5000)));
        cs.add(Case.of(new ReduceSum(Vector.of(0, 2)), ShapedArray.of(DType.I32, 100, 2, 100)));
        cs.add(Case.of(new ReduceMin(Vector.of(0, 1, 2)), ShapedArray.of(DType.F64, 17, 13, 11)));
        cs.add(Case.of(new ReduceSum(Vector.of(1)), ShapedArray.of(DType.F32, 4, 0, 3)));
        cs.add(Case.of(new ReduceMax(Vector.of()), ShapedArray.of(DType.F32, 4, 3)));
        cs.add(Case.of(new ReduceProd(Vector.of(0)), ShapedArray.of(DType.F32, 0, 3)));
        return cs;
    }

    @Test
    void everyVariantCompilesAsCuda() {
        Nvcc.compile(LibraryChecks1.kernels(cases(), c -> ReductionKernels.lower((Reduction) c.p(), c.in(), c.out())));
    }

    @Test
    void longFoldsUseOneWorkGroupPerOutput() {
        var in = Vector.of(ShapedArray.of(DType.F32, 3, 5000));
        var p = new ReduceMax(Vector.of(1));
        var launch = ReductionKernels.lower(p, in, p.abstractEval(in)).launches().head();
        assertArrayEquals(new long[] {3 * ReductionKernels.GROUP}, launch.global());
        assertArrayEquals(new long[] {ReductionKernels.GROUP}, launch.local());
    }

    /**
     * Against the CPU backend. Max, min, and, or and integer folds must match bit for bit
     * (signed zeros and NaN included). Sums differ in order: the CPU adds runs of f32 in f32
     * lanes of at most 16 elements before widening, this kernel adds in f64 throughout, so
     * they may differ by 64·eps·Σ|x| (f64: n·eps·Σ|x|); products by n·eps relative.
     */
    @Test
    void matchesTheCpuBackendOnOpenCl() {
        PoCl.assumeAvailable();
        var rnd = new Random(13);
        for (Case c : cases()) {
            var p = (Reduction) c.p();
            Draw draw = switch (p) {
                case ReduceSum _ -> Draw.SPREAD;
                case ReduceProd _ -> Draw.NEAR_ONE;
                case ReduceMax _, ReduceMin _, ReduceAnd _, ReduceOr _ -> Draw.TIES;
            };
            var ops = List.of(random(c.in().head(), rnd, draw));
            HostData expected = cpu(p, c.in(), ops, c.out()), scale = null;
            DType d = c.in().head().dtype();
            double eps = d == DType.F32 ? 0x1p-24 : 0x1p-53, factor = 0;
            long n = c.in().head().size() / Math.max(1, c.out().head().size());
            if (d.isFloating()) {
                switch (p) {
                    case ReduceSum _ -> {
                        scale = cpu(p, c.in(), List.of(abs(ops.getFirst())), c.out());
                        factor = (d == DType.F32 ? 64 : n) * eps;
                    }
                    case ReduceProd _ -> {
                        scale = abs(expected);
                        factor = n * eps;
                    }
                    case ReduceMax _, ReduceMin _, ReduceAnd _, ReduceOr _ -> {}
                }
            }
            assertMatches(c.toString(), expected, device(ReductionKernels.lower(p, c.in(), c.out()), ops, c.out()), scale, factor);
        }
    }
}
