package dev.jaxj.accel.device.render;

import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.device.Dialect;
import dev.jaxj.accel.device.KernelArg;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.accel.device.Launch;
import dev.jaxj.accel.device.Nvcc;
import dev.jaxj.compiler.kernel.Step;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link LoopRenderer}: the launches' shape (arguments, geometry), and the CUDA rendering of
 * every elementwise primitive on every dtype it accepts, of broadcast and strided loads,
 * several outputs, each reduction monoid and multi-pass rows, compiled by nvcc in one
 * translation unit. (Running them is {@code LoopRendererPoclTest}.)
 */
class LoopRendererTest {
    @Test
    void everyElementwisePrimitiveOnEveryAcceptedDtypeIsRendered() {
        List<RenderCases.Case> cases = RenderCases.elementwise(Shape.of(2, 3));
        Set<Class<?>> covered = new HashSet<>();
        for (RenderCases.Case c : cases) {
            for (Dialect dialect : Dialect.values()) LoopRenderer.render(c.loop(), dialect);
            covered.add(((dev.jaxj.compiler.kernel.Node.Apply) c.loop().nodes().last()).prim().getClass());
        }
        assertEquals(new HashSet<>(RenderCases.leaves(Primitive.Elementwise.class).stream().filter(RenderCases::reachesDevices).toList()), covered,
                "a primitive accepted no dtype");
        // f32, f64, i32, i64, u32 for add; every dtype pair for convert_element_type.
        assertEquals(5, cases.stream().filter(c -> c.name().startsWith("Add[] ")).count());
        assertEquals(36, cases.stream().filter(c -> c.name().startsWith("ConvertElementType[")).count());
    }

    @Test
    void withoutFp64NothingComputesInDouble() {
        int rendered = 0;
        for (RenderCases.Case c : RenderCases.elementwise(Shape.of(2, 3))) {
            boolean f64Values = c.loop().nodes().exists(n -> n.aval().dtype() == DType.F64);
            if (f64Values) {
                assertThrows(IllegalArgumentException.class, () -> LoopRenderer.render(c.loop(), Dialect.OPENCL, false), c.name());
            } else {
                KernelSource k = LoopRenderer.render(c.loop(), Dialect.OPENCL, false).launches().single().kernel();
                assertFalse(k.usesF64(), c.name());
                assertFalse(k.code().matches("(?s).*\\bdouble\\b.*"), c.name() + ":\n" + k.code());
                rendered++;
            }
        }
        // every f32 and integer case, the special functions' float twins included
        assertTrue(rendered > 160, "only " + rendered + " renderings without fp64");
        KernelSource softmax = kernel(RenderCases.softmax(DType.F32, 4, 10, 77), Dialect.OPENCL, false);
        assertFalse(softmax.usesF64());
        assertFalse(softmax.code().matches("(?s).*\\bdouble\\b.*"), softmax.code());
    }

    @Test
    void everyRenderingCompilesAsCudaInOneTranslationUnit() {
        List<KernelSource> kernels = new ArrayList<>();
        for (RenderCases.Case c : RenderCases.elementwise(Shape.of(2, 3))) {
            kernels.add(kernel(c.loop(), Dialect.CUDA));
            if (!RenderCases.needsFp64(c.loop())) kernels.add(kernel(c.loop(), Dialect.CUDA, false));
        }
        for (RenderCases.Case c : RenderCases.structural()) {
            kernels.add(kernel(c.loop(), Dialect.CUDA));
            if (!RenderCases.needsFp64(c.loop())) kernels.add(kernel(c.loop(), Dialect.CUDA, false));
        }
        for (MoveCases.Program p : MoveCases.programs()) {
            for (RenderCases.Case c : p.loops()) {
                DeviceCall call = LoopRenderer.render(c.loop(), Dialect.CUDA);
                if (!call.launches().isEmpty()) kernels.add(call.launches().single().kernel());
            }
        }
        String ptx = Nvcc.compile(kernels);
        for (KernelSource k : kernels) assertTrue(ptx.contains(".entry " + k.name()), k.name() + " missing from the PTX");
    }

    private static KernelSource kernel(Step.FusedLoop loop, Dialect dialect) {
        return kernel(loop, dialect, true);
    }

    private static KernelSource kernel(Step.FusedLoop loop, Dialect dialect, boolean fp64) {
        DeviceCall call = LoopRenderer.render(loop, dialect, fp64);
        assertEquals(1, call.launches().size(), loop::toString);
        return call.launches().head().kernel();
    }

    @Test
    void argumentsAreTheInputsThenTheStores() {
        Step.FusedLoop loop = RenderCases.broadcastStridedMultiOutput(DType.F32);
        DeviceCall call = LoopRenderer.render(loop, Dialect.OPENCL);
        Launch l = call.launches().single();
        assertEquals(Vector.of(new KernelArg.In(0), new KernelArg.In(1), new KernelArg.In(2), new KernelArg.In(3),
                new KernelArg.Out(0), new KernelArg.Out(1)), l.args());
        assertArrayEquals(new long[] {60}, l.global());
        assertNull(l.local());
        assertEquals(Vector.of(-1, -1), call.aliasOf());
        String code = l.kernel().code();
        // dense x, bias by the last axis, t transposed (k*4 + j), s a scalar
        assertTrue(code.contains("in0[g]"), code);
        assertTrue(code.contains("in1[(g % 5)]"), code);
        assertTrue(code.contains("in2[((g / 5) % 4) + (g % 5) * 4]"), code);
        assertTrue(code.contains("in3[0]"), code);
    }

    @Test
    void shortRowsTakeOneWorkItemEachLongRowsAWorkGroup() {
        Launch shortRows = LoopRenderer.render(RenderCases.reduction(new ReduceSum(Vector.of(1)), DType.F32, 5, 63), Dialect.CUDA).launches().single();
        assertArrayEquals(new long[] {5}, shortRows.global());
        assertNull(shortRows.local());
        Launch longRows = LoopRenderer.render(RenderCases.reduction(new ReduceSum(Vector.of(1)), DType.F32, 5, 200), Dialect.CUDA).launches().single();
        assertArrayEquals(new long[] {5 * 128}, longRows.global());
        assertArrayEquals(new long[] {128}, longRows.local());
        Launch longest = LoopRenderer.render(RenderCases.reduction(new ReduceSum(Vector.of(1)), DType.F32, 5, 1000), Dialect.CUDA).launches().single();
        assertArrayEquals(new long[] {256}, longest.local());
    }

    @Test
    void aSoftmaxSweepsEachRowThreeTimes() {
        Step.FusedLoop loop = RenderCases.softmax(DType.F32, 4, 10, 77);
        assertEquals(3, loop.passes());
        KernelSource k = LoopRenderer.render(loop, Dialect.OPENCL).launches().single().kernel();
        assertEquals(3, k.code().split("for \\(i64_t k = lid;", -1).length - 1, k.code());
        assertTrue(k.usesF64(), "the sums accumulate in double");
    }

    @Test
    void movesRenderAsOffsetsNegativeStridesIotasAndGuardedReads() {
        Map<String, String> code = new HashMap<>();
        for (MoveCases.Program p : MoveCases.programs()) {
            for (RenderCases.Case c : p.loops()) {
                DeviceCall call = LoopRenderer.render(c.loop(), Dialect.OPENCL);
                if (!call.launches().isEmpty()) code.put(p.name(), call.launches().single().kernel().code());
            }
        }
        // x[3 - i, 4 - j] of f32[3,4]: from element 11, strides -4 and -1
        assertTrue(code.get("rev both axes f32").contains("in0[11 + (g / 4) * -4 + (g % 4) * -1]"), code.get("rev both axes f32"));
        assertTrue(code.get("iota inner axis i32").contains("const i32_t v0 = (i32_t) (g % 5);"), code.get("iota inner axis i32"));
        // Outside the window the padding value, read from the scalar operand; nothing of x is read there.
        String pad = code.get("pad interior 2 f32");
        assertTrue(pad.contains("const float v0 = in0[0];"), pad);
        assertTrue(pad.contains("const float v1 = ((g - (1)) >= 0 && (g - (1)) % 3 == 0 && (g - (1)) < 12) ? in1[0 + ((g - (1)) / 3)] : v0;"), pad);
    }

    @Test
    void anEmptyDomainLaunchesNothing() {
        Step.FusedLoop loop = RenderCases.applyLoop(new Add(), Vector.of(dev.jaxj.ir.ShapedArray.of(DType.F32, 0, 3), dev.jaxj.ir.ShapedArray.of(DType.F32, 0, 3)), Shape.of(0, 3));
        assertEquals(0, LoopRenderer.render(loop, Dialect.OPENCL).launches().size());
    }

    @Test
    void equalLoopsGetEqualKernels() {
        KernelSource a = kernel(RenderCases.softmax(DType.F64, 6, 3, 5), Dialect.CUDA), b = kernel(RenderCases.softmax(DType.F64, 6, 3, 5), Dialect.CUDA);
        assertEquals(a, b);
        assertNotEquals(a.name(), kernel(RenderCases.softmax(DType.F64, 6, 3, 6), Dialect.CUDA).name());
    }

    @Test
    void rejectsWhatFusionNeverFuses() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> LoopRenderer.render(RenderCases.reduction(new ReduceProd(Vector.of(1)), DType.F32, 2, 3), Dialect.OPENCL));
        assertTrue(e.getMessage().contains("reduce_prod"), e.getMessage());
    }
}
