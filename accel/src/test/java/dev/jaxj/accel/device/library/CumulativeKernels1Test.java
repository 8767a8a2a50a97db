package dev.jaxj.accel.device.library;

import dev.jaxj.accel.device.Nvcc;
import dev.jaxj.accel.device.library.LibraryChecks1.Case;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.ShapedArray;
import org.junit.jupiter.api.Test;
import dev.jaxj.accel.opencl.PoCl;
import dev.jaxj.accel.device.library.LibraryChecks1.Draw;
import java.util.Random;
import static dev.jaxj.accel.device.library.LibraryChecks1.*;

import java.util.ArrayList;
import java.util.List;

class CumulativeKernels1Test {
    private static final DType[] NUMERIC = {DType.F32, DType.F64, DType.I32, DType.U32, DType.I64};

    static List<Case> cases() {
        List<Case> cs = new ArrayList<>();
        for (DType d : NUMERIC) {
            for (boolean reverse : new boolean[] {false, true}) {
                for (Cumulative c : List.of(new Cumsum(1, reverse), new Cumprod(1, reverse), new Cummax(1, reverse), new Cummin(1, reverse))) {
                    cs.add(Case.of(c, ShapedArray.of(d, 4, 33, 5)));
                }
                cs.add(Case.of(new Cumsum(1, reverse), ShapedArray.of(d, 9, 70)));
            }
        }
        cs.add(Case.of(new Cumsum(0, false), ShapedArray.of(DType.F32, 0, 3)));
        cs.add(Case.of(new Cummax(1, true), ShapedArray.of(DType.F32, 3, 0)));
        return cs;
    }

    @Test
    void everyVariantCompilesAsCuda() {
        Nvcc.compile(LibraryChecks1.kernels(cases(), c -> CumulativeKernels.lower((Cumulative) c.p(), c.in(), c.out())));
    }

    /**
     * Against the CPU backend, bit for bit: both fold each lane in order, f32 in f64, so even
     * the float sums agree exactly (NaN, signed zeros and wrapping integers included).
     */
    @Test
    void matchesTheCpuBackendOnOpenCl() {
        PoCl.assumeAvailable();
        var rnd = new Random(15);
        for (Case c : cases()) {
            var p = (Cumulative) c.p();
            boolean integer = !c.in().head().dtype().isFloating();
            Draw draw = switch (p) {
                case Cumsum _ -> Draw.SPREAD;
                case Cumprod _ -> integer ? Draw.SPREAD : Draw.NEAR_ONE;
                case Cummax _, Cummin _ -> Draw.TIES;
            };
            var ops = List.of(random(c.in().head(), rnd, draw));
            assertMatches(c.toString(), cpu(p, c.in(), ops, c.out()), device(CumulativeKernels.lower(p, c.in(), c.out()), ops, c.out()), null, 0);
        }
    }
}
