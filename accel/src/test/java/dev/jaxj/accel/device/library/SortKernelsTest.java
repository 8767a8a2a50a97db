package dev.jaxj.accel.device.library;

import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.Sort;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.jaxj.accel.device.library.LibraryCase.*;
import static org.junit.jupiter.api.Assertions.*;

/** The bitonic sort: compiled as CUDA C for every key dtype, run against the CPU backend's stable sort. */
class SortKernelsTest {

    /** Keys full of ties, NaN, -0.0 and infinities; lane lengths below, at and above powers of two; every axis sorted. */
    static List<LibraryCase> cases() {
        var r = new Random(5);
        var out = new ArrayList<LibraryCase>();
        for (DType t : DType.computeTypes().toArray(DType[]::new)) {
            for (int[] dims : new int[][] {{4, 7}, {3, 16}, {2, 100}, {1, 1}, {0, 3}, {5}, {2, 256}, {700, 3}}) {
                for (int axis = 0; axis < dims.length; axis++) {
                    ShapedArray k = aval(t, dims), payload = aval(DType.I32, dims);
                    int n = k.size();
                    out.add(new LibraryCase("one key with a payload", new Sort(axis, true, 1), Vector.of(k, payload),
                            Vector.of(random(t, n, r, true), random(DType.I32, n, r, false))));
                }
            }
            // Two keys: the second decides among ties of the first; the payload shows the order of full ties.
            ShapedArray a = aval(DType.F32, 3, 2, 9), b = aval(t, 3, 2, 9), c = aval(DType.F64, 3, 2, 9);
            out.add(new LibraryCase("two keys", new Sort(2, true, 2), Vector.of(a, b, c),
                    Vector.of(random(DType.F32, 54, r, true), random(t, 54, r, true), random(DType.F64, 54, r, false))));
            out.add(new LibraryCase("two keys along the outer axis", new Sort(0, false, 2), Vector.of(b, a),
                    Vector.of(random(t, 54, r, true), random(DType.F32, 54, r, true))));
        }
        return out;
    }

    @Test
    void shouldCompileEveryVariantAsCuda() {
        assertCompileAsCuda(cases());
        for (DType t : DType.computeTypes().toArray(DType[]::new)) assertTrue(prefixes(cases()).contains("sort_step_" + t), "a sort keyed by " + t);
    }

    @Test
    void shouldSortLanesUpToABlockInOneLaunch() {
        // A lane of 100 pads to 128: the whole network runs in work-group memory, then the permutation applies.
        DeviceCall call = SortKernels.lower(new Sort(1, true, 1), Vector.of(aval(DType.F32, 2, 100)), Vector.of(aval(DType.F32, 2, 100)));
        assertEquals(2, call.launches().size());
        assertEquals(Vector.of(2L * 128 * Integer.BYTES), call.tempBytes());
        assertArrayEquals(new long[] {128}, call.launches().head().local());
    }

    @Test
    void shouldMergeLongLanesInGlobalStepsAboveTheBlock() {
        // 1000 pads to 1024 = 4 blocks of 256: after the block sorts, k = 512 needs j = 256 globally and
        // k = 1024 needs j = 512, 256, each k then finishing in work-group memory.
        ShapedArray x = aval(DType.I32, 1000);
        DeviceCall call = SortKernels.lower(new Sort(0, true, 1), Vector.of(x), Vector.of(x));
        assertEquals(1 + (1 + 1) + (2 + 1) + 1, call.launches().size());
        assertEquals(Vector.of("block", "global", "block", "global", "global", "block", "apply"),
                call.launches().map(l -> l.local() != null ? "block" : l.kernel().name().startsWith("sort_apply") ? "apply" : "global"));
    }

    @Test
    void shouldMatchTheCpuBackendOnPoCl() {
        OnPoCl.assertMatchesCpu(cases());
    }
}
