package dev.jaxj.accel.device.library;

import dev.jaxj.accel.device.Nvcc;
import dev.jaxj.accel.device.library.LibraryChecks1.Case;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.ArgReduction;
import dev.jaxj.ir.Primitive.Argmax;
import dev.jaxj.ir.Primitive.Argmin;
import dev.jaxj.ir.ShapedArray;
import org.junit.jupiter.api.Test;
import dev.jaxj.accel.opencl.PoCl;
import dev.jaxj.accel.device.library.LibraryChecks1.Draw;
import java.util.Random;
import static dev.jaxj.accel.device.library.LibraryChecks1.*;

import java.util.ArrayList;
import java.util.List;

class ArgReductionKernels1Test {
    private static final DType[] ALL = {DType.F32, DType.F64, DType.I32, DType.U32, DType.I64, DType.BOOL};
    private static final DType[] INDEX = {DType.I32, DType.U32, DType.I64};

    static List<Case> cases() {
        List<Case> cs = new ArrayList<>();
        for (int i = 0; i < ALL.length; i++) {
            DType d = ALL[i], index = INDEX[i % INDEX.length];
            cs.add(Case.of(new Argmax(1, index), ShapedArray.of(d, 6, 41, 3)));
            cs.add(Case.of(new Argmin(0, index), ShapedArray.of(d, 41, 7)));
        }
        cs.add(Case.of(new Argmax(0, DType.I32), ShapedArray.of(DType.F32, 1)));
        // Long axes: a work-group per output.
        for (DType d : new DType[] {DType.F32, DType.F64, DType.I32, DType.U32}) {
            cs.add(Case.of(new Argmax(1, DType.I32), ShapedArray.of(d, 3, 3000)));
            cs.add(Case.of(new Argmin(0, DType.I64), ShapedArray.of(d, 2500, 2)));
        }
        cs.add(Case.of(new Argmin(1, DType.I32), ShapedArray.of(DType.F32, 0, 5)));
        return cs;
    }

    @Test
    void everyVariantCompilesAsCuda() {
        Nvcc.compile(LibraryChecks1.kernels(cases(), c -> ArgReductionKernels.lower((ArgReduction) c.p(), c.in(), c.out())));
    }

    /** Against the CPU backend, exactly: on tie-rich data (repeated values, signed zeros, NaNs) and on spread data. */
    @Test
    void matchesTheCpuBackendOnOpenCl() {
        PoCl.assumeAvailable();
        var rnd = new Random(14);
        for (Case c : cases()) {
            var p = (ArgReduction) c.p();
            for (Draw draw : new Draw[] {Draw.TIES, Draw.SPREAD}) {
                var ops = List.of(random(c.in().head(), rnd, draw));
                assertMatches(c + " on " + draw, cpu(p, c.in(), ops, c.out()),
                        device(ArgReductionKernels.lower(p, c.in(), c.out()), ops, c.out()), null, 0);
            }
        }
    }
}
