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

class ReduceWindowKernels1Test {
    private static final DType[] ALL = {DType.F32, DType.F64, DType.I32, DType.U32, DType.I64, DType.BOOL};

    static List<Case> cases() {
        List<Case> cs = new ArrayList<>();
        // 3x3 windows, stride 2, padding 1: max pooling's usual configuration.
        var pool = new WindowConfig(Vector.of(1, 3, 3), Vector.of(1, 2, 2), Vector.of(new Padding(0, 0), new Padding(1, 1), new Padding(1, 1)),
                Vector.of(1, 1, 1), Vector.of(1, 1, 1));
        // Base and window dilation, asymmetric padding.
        var dilated = new WindowConfig(Vector.of(2, 3), Vector.of(1, 2), Vector.of(new Padding(1, 2), new Padding(0, 3)),
                Vector.of(2, 1), Vector.of(1, 2));
        for (DType d : ALL) {
            for (ReduceWindow r : List.of(new ReduceWindowSum(pool), new ReduceWindowMax(pool), new ReduceWindowMin(pool))) {
                if (d != DType.BOOL || !(r instanceof ReduceWindowSum)) cs.add(Case.of(r, ShapedArray.of(d, 2, 9, 10)));
            }
            if (d != DType.BOOL) cs.add(Case.of(new ReduceWindowSum(dilated), ShapedArray.of(d, 7, 8)));
        }
        // Windows that see only padding, and an empty window.
        var padOnly = new WindowConfig(Vector.of(2), Vector.of(1), Vector.of(new Padding(3, 0)), Vector.of(1), Vector.of(1));
        cs.add(Case.of(new ReduceWindowMax(padOnly), ShapedArray.of(DType.F32, 4)));
        var empty = new WindowConfig(Vector.of(0), Vector.of(1), Vector.of(new Padding(0, 0)), Vector.of(1), Vector.of(1));
        cs.add(Case.of(new ReduceWindowSum(empty), ShapedArray.of(DType.F32, 4)));
        return cs;
    }

    @Test
    void everyVariantCompilesAsCuda() {
        Nvcc.compile(LibraryChecks1.kernels(cases(), c -> ReduceWindowKernels.lower((ReduceWindow) c.p(), c.in(), c.out())));
    }

    /**
     * Against the CPU backend. Max and min must match bit for bit. f32 sums: the CPU sums one
     * axis at a time and rounds to f32 after each, this kernel rounds once, so they may differ
     * by (rank + 1)·eps·(window sum of |x|); f64 by the window's size·eps of it.
     */
    @Test
    void matchesTheCpuBackendOnOpenCl() {
        PoCl.assumeAvailable();
        var rnd = new Random(16);
        for (Case c : cases()) {
            var p = (ReduceWindow) c.p();
            boolean sum = p instanceof ReduceWindowSum;
            var ops = List.of(random(c.in().head(), rnd, sum ? Draw.SPREAD : Draw.TIES));
            HostData expected = cpu(p, c.in(), ops, c.out()), scale = null;
            DType d = c.in().head().dtype();
            double factor = 0;
            if (sum && d.isFloating()) {
                scale = cpu(p, c.in(), List.of(abs(ops.getFirst())), c.out());
                long window = p.window().windowDimensions().fold(1, (a, b) -> a * b);
                factor = (d == DType.F32 ? c.in().head().rank() + 1 : window) * (d == DType.F32 ? 0x1p-24 : 0x1p-53);
            }
            assertMatches(c.toString(), expected, device(ReduceWindowKernels.lower(p, c.in(), c.out()), ops, c.out()), scale, factor);
        }
    }
}
