package dev.jaxj.accel.device.library;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.jaxj.accel.device.library.LibraryCase.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The structural kernels that stay library calls (the dynamic slices; gather and the scatters
 * in {@link GatherScatterKernelsTest}): compiled as CUDA C for every dtype and rank variant, and
 * run against the CPU backend. The moves fusion lowers to loops have none.
 */
class StructuralKernelsTest {

    /** The dynamic slices over every dtype, with empty windows and starts clamped high and low. */
    static List<LibraryCase> cases() {
        var r = new Random(7);
        var out = new ArrayList<LibraryCase>();
        for (DType t : DType.computeTypes().toArray(DType[]::new)) {
            dynamicSlice(out, r, "dynamic slice, starts clamped high and low", t, new int[] {5, 6}, new int[] {2, 3},
                    ints(DType.I32, 4), ints(DType.I64, -2));
            dynamicSlice(out, r, "dynamic slice, u32 starts above i32", t, new int[] {5, 6}, new int[] {2, 6},
                    u32(0xFFFF_FFF0), u32(1));
            dynamicSlice(out, r, "dynamic slice in range", t, new int[] {4, 3, 5}, new int[] {2, 1, 3},
                    ints(DType.I32, 1), ints(DType.U32, 2), ints(DType.I64, 1));
            dynamicSlice(out, r, "dynamic slice, empty window", t, new int[] {4}, new int[] {0}, ints(DType.I32, 9));
            dynamicUpdateSlice(out, r, "dynamic update slice, clamped", t, new int[] {5, 6}, new int[] {2, 3},
                    ints(DType.I32, 4), ints(DType.I64, -7));
            dynamicUpdateSlice(out, r, "dynamic update slice, u32 starts", t, new int[] {4, 3, 5}, new int[] {1, 3, 2},
                    u32(0x8000_0000), u32(0), u32(2));
            dynamicUpdateSlice(out, r, "dynamic update slice, empty update", t, new int[] {3, 2}, new int[] {0, 2},
                    ints(DType.I32, 1), ints(DType.I32, 0));
        }
        return out;
    }

    private static void dynamicSlice(List<LibraryCase> out, Random r, String label, DType t, int[] dims, int[] sizes, HostData... starts) {
        ShapedArray x = aval(t, dims);
        var avals = Vector.of(x).appendAll(Vector.of(starts).map(s -> aval(s.dtype())));
        var inputs = Vector.of(random(t, x.size(), r, false)).appendAll(Vector.of(starts));
        out.add(new LibraryCase(label, new DynamicSlice(Vector.ofAll(java.util.Arrays.stream(sizes).boxed().toList())), avals, inputs));
    }

    private static void dynamicUpdateSlice(List<LibraryCase> out, Random r, String label, DType t, int[] dims, int[] upd, HostData... starts) {
        ShapedArray x = aval(t, dims), u = aval(t, upd);
        var avals = Vector.of(x, u).appendAll(Vector.of(starts).map(s -> aval(s.dtype())));
        var inputs = Vector.of(random(t, x.size(), r, false), random(t, u.size(), r, false)).appendAll(Vector.of(starts));
        out.add(new LibraryCase(label, new DynamicUpdateSlice(), avals, inputs));
    }

    @Test
    void shouldCompileEveryVariantAsCuda() {
        assertCompileAsCuda(cases());
        var names = prefixes(cases());
        for (DType t : DType.computeTypes().toArray(DType[]::new)) {
            for (String k : List.of("dynamic_slice_" + t + "_i32_i64_r2",
                    "dynamic_update_slice_" + t + "_u32_u32_u32_r3")) {
                assertTrue(names.contains(k), k);
            }
        }
    }

    @Test
    void shouldAliasTheOperandForReshapesAndStopGradient() {
        ShapedArray x = aval(DType.F32, 2, 1, 3);
        for (Primitive p : List.of(new Reshape(Shape.of(3, 2)), new Squeeze(Vector.of(1)), new ExpandDims(Vector.of(0)), new StopGradient())) {
            DeviceCall c = new LibraryCase("alias", p, Vector.of(x), Vector.of(HostData.allocate(DType.F32, 6))).lower();
            assertEquals(Vector.of(0), c.aliasOf(), p.toString());
            assertTrue(c.launches().isEmpty(), p.toString());
        }
    }

    @Test
    void shouldRefuseTheMovesFusionLowersToLoops() {
        ShapedArray x = aval(DType.F32, 2, 3);
        for (Structural p : List.<Structural>of(new BroadcastInDim(Shape.of(4, 2, 3), Vector.of(1, 2)), new Transpose(Vector.of(1, 0)),
                new Rev(Vector.of(0)), new Slice(Vector.of(0, 1), Vector.of(2, 3), Vector.of(1, 1)), new Concatenate(0),
                new Pad(Vector.of(new PadConfig(1, 0, 0), new PadConfig(0, 0, 0))), new Iota(DType.F32, Shape.of(2, 3), 1))) {
            ShapedArray out = p.abstractEval(p instanceof Pad ? Vector.of(x, aval(DType.F32)) : p instanceof Iota ? Vector.empty() : Vector.of(x)).single();
            var e = assertThrows(IllegalStateException.class, () -> StructuralKernels.lower(p, Vector.of(x), Vector.of(out)), p.toString());
            assertTrue(e.getMessage().contains("fused loop"), e.getMessage());
        }
    }

    @Test
    void shouldLaunchOneWorkItemPerOutputElement() {
        for (LibraryCase c : cases()) {
            DeviceCall call = c.lower();
            if (call.launches().isEmpty()) continue;
            assertEquals(1, call.launches().size(), c.toString());
            assertEquals(c.outAvals().single().size(), call.launches().single().global()[0], c.toString());
        }
    }

    @Test
    void shouldMatchTheCpuBackendOnPoCl() {
        OnPoCl.assertMatchesCpu(cases());
    }
}
