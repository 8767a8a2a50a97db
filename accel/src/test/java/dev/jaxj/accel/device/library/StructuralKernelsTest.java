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

/** The structural kernels: compiled as CUDA C for every dtype and rank variant, and run against the CPU backend. */
class StructuralKernelsTest {

    /** Every structural primitive over every dtype, with empty axes, crops, clamped starts and size-1 axes. */
    static List<LibraryCase> cases() {
        var r = new Random(7);
        var out = new ArrayList<LibraryCase>();
        for (DType t : DType.values()) {
            unary(out, r, "broadcast a row", new BroadcastInDim(Shape.of(2, 3), Vector.of(1)), aval(t, 3));
            unary(out, r, "broadcast size-1 axes", new BroadcastInDim(Shape.of(4, 2, 3), Vector.of(1, 2)), aval(t, 1, 3));
            unary(out, r, "broadcast a column", new BroadcastInDim(Shape.of(3, 5), Vector.of(0)), aval(t, 3));
            unary(out, r, "broadcast a scalar", new BroadcastInDim(Shape.of(2, 2), Vector.empty()), aval(t));
            unary(out, r, "broadcast into an empty axis", new BroadcastInDim(Shape.of(0, 3), Vector.of(1)), aval(t, 3));
            unary(out, r, "transpose 3-d", new Transpose(Vector.of(2, 0, 1)), aval(t, 2, 3, 4));
            unary(out, r, "transpose 4-d", new Transpose(Vector.of(1, 3, 0, 2)), aval(t, 2, 3, 1, 5));
            unary(out, r, "transpose empty", new Transpose(Vector.of(1, 0)), aval(t, 0, 3));
            unary(out, r, "rev both axes", new Rev(Vector.of(0, 1)), aval(t, 3, 4));
            unary(out, r, "rev inner axis", new Rev(Vector.of(2)), aval(t, 2, 3, 5));
            unary(out, r, "rev scalar", new Rev(Vector.empty()), aval(t));
            unary(out, r, "strided slice", new Slice(Vector.of(1, 0), Vector.of(5, 6), Vector.of(2, 3)), aval(t, 5, 6));
            unary(out, r, "slice of rows", new Slice(Vector.of(1, 0), Vector.of(3, 4), Vector.of(1, 1)), aval(t, 4, 4));
            unary(out, r, "empty slice", new Slice(Vector.of(2, 0), Vector.of(2, 4), Vector.of(1, 1)), aval(t, 4, 4));
            unary(out, r, "full slice", new Slice(Vector.of(0, 0), Vector.of(4, 4), Vector.of(1, 1)), aval(t, 4, 4));
            out.add(new LibraryCase("concatenate with an empty operand", new Concatenate(1),
                    Vector.of(aval(t, 2, 1), aval(t, 2, 0), aval(t, 2, 3)), Vector.of(random(t, 2, r, false), random(t, 0, r, false), random(t, 6, r, false))));
            out.add(new LibraryCase("concatenate axis 0", new Concatenate(0),
                    Vector.of(aval(t, 1, 3), aval(t, 2, 3)), Vector.of(random(t, 3, r, false), random(t, 6, r, false))));
            pad(out, r, "pad crop and interior", t, new int[] {3, 4}, new PadConfig(-1, 2, 1), new PadConfig(2, -3, 0));
            pad(out, r, "pad interior 2", t, new int[] {4}, new PadConfig(1, 1, 2));
            pad(out, r, "pad crop into the interior", t, new int[] {3, 2}, new PadConfig(-2, -1, 2), new PadConfig(0, 0, 0));
            pad(out, r, "pad an empty axis", t, new int[] {0, 2}, new PadConfig(1, 1, 3), new PadConfig(1, 0, 0));
            pad(out, r, "pad a scalar", t, new int[] {});
            if (!t.isBool()) {
                out.add(new LibraryCase("iota axis 0", new Iota(t, Shape.of(3, 4), 0), Vector.empty(), Vector.empty()));
                out.add(new LibraryCase("iota inner axis", new Iota(t, Shape.of(2, 3, 5), 2), Vector.empty(), Vector.empty()));
            }
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

    private static void unary(List<LibraryCase> out, Random r, String label, Primitive p, ShapedArray x) {
        out.add(new LibraryCase(label, p, Vector.of(x), Vector.of(random(x.dtype(), x.size(), r, false))));
    }

    private static void pad(List<LibraryCase> out, Random r, String label, DType t, int[] dims, PadConfig... config) {
        ShapedArray x = aval(t, dims), v = aval(t);
        out.add(new LibraryCase(label, new Pad(Vector.of(config)), Vector.of(x, v), Vector.of(random(t, x.size(), r, false), random(t, 1, r, false))));
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
        for (DType t : DType.values()) {
            for (String k : List.of("strided_copy_" + t + "_r2", "pad_" + t + "_r2", "concatenate_" + t, "dynamic_slice_" + t + "_i32_i64_r2",
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
    void shouldLaunchOneWorkItemPerOutputElement() {
        for (LibraryCase c : cases()) {
            DeviceCall call = c.lower();
            if (c.p() instanceof Concatenate || call.launches().isEmpty()) continue;
            assertEquals(1, call.launches().size(), c.toString());
            assertEquals(c.outAvals().single().size(), call.launches().single().global()[0], c.toString());
        }
    }

    @Test
    void shouldMatchTheCpuBackendOnPoCl() {
        OnPoCl.assertMatchesCpu(cases());
    }
}
