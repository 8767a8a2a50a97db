package dev.jaxj.accel.opencl;

import dev.jaxj.accel.Backend;
import dev.jaxj.accel.Backends;
import dev.jaxj.accel.Buffer;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.compiler.kernel.BufferPlan;
import dev.jaxj.compiler.kernel.Fusion;
import dev.jaxj.errors.BackendError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Lit;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Whole f32 programs on an OpenCL backend that stands for a device without
 * {@code cl_khr_fp64} (PoCL's first device, with fp64 turned off): no kernel mentions
 * {@code double}, results agree with the CPU backend within the float bounds stated per test
 * ({@code u = 2⁻²⁴}; an ulp is at most {@code 2u} of its value; OpenCL 1.2's f32 bounds for
 * the builtins: exp 3 ulps, sin 4, division 2.5), and f64 is refused with a clear message.
 */
class WithoutFp64Test {
    private static final double U = 0x1p-24;
    private static final Pattern DOUBLE = Pattern.compile("\\bdouble\\b");

    private static final class Device {
        static final OpenClBackend INSTANCE = new OpenClBackend(ClDevice.all().getFirst(), 0, false);
    }

    private static OpenClBackend gpu() {
        PoCl.assumeAvailable();
        return Device.INSTANCE;
    }

    private static ShapedArray f32(int... dims) { return ShapedArray.of(DType.F32, dims); }

    private static HostData gaussian(int n, Random r, double scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (r.nextGaussian() * scale);
        return HostData.own(a);
    }

    private static HostData abs(HostData x) {
        float[] a = new float[x.size()];
        for (int i = 0; i < a.length; i++) a[i] = Math.abs(x.f32()[i]);
        return HostData.own(a);
    }

    private static List<HostData> run(Backend backend, BufferPlan plan, List<HostData> inputs) {
        Seq<Buffer> in = Vector.ofAll(inputs).map(h -> backend.upload(h.copy()));
        return backend.compile(plan).run(Vector.empty(), in, Vector.empty()).map(backend::download).toJavaList();
    }

    /** The CPU's results and the device's, after asserting that none of the device's kernels computes in double. */
    private record Both(List<HostData> cpu, List<HostData> gpu) {}

    private static Both both(Jaxpr program, List<HostData> inputs) {
        OpenClBackend gpu = gpu();
        BufferPlan plan = BufferPlan.of(Fusion.lower(program));
        List<KernelSource> kernels = ((OpenClExecutable) gpu.compile(plan)).kernels();
        assertFalse(kernels.isEmpty(), "no kernels");
        for (KernelSource k : kernels) {
            assertFalse(k.usesF64(), k.name() + " says it uses f64");
            assertFalse(DOUBLE.matcher(k.code()).find(), k.name() + " mentions double:\n" + k.code());
        }
        return new Both(run(Backends.cpu(), plan, inputs), run(gpu, plan, inputs));
    }

    /** Elementwise: {@code |gpu - cpu| <= bound(i) + an ulp of either}; non-finite values must agree. */
    private static void assertClose(String what, HostData cpu, HostData gpu, IntToDoubleFunction bound) {
        assertEquals(cpu.dtype(), gpu.dtype(), what);
        assertEquals(cpu.size(), gpu.size(), what);
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < cpu.size() && bad.size() < 10; i++) {
            double c = cpu.getDouble(i), g = gpu.getDouble(i);
            boolean ok = !Double.isFinite(c) || !Double.isFinite(g) ? (Double.isNaN(c) ? Double.isNaN(g) : c == g)
                    : Math.abs(c - g) <= bound.applyAsDouble(i) + Math.max(Math.ulp((float) c), Math.ulp((float) g));
            if (!ok) bad.add(what + "[" + i + "]: cpu " + c + ", gpu " + g + ", bound " + bound.applyAsDouble(i));
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    private static Var broadcast(Jaxpr.Builder b, Shape shape, double v) {
        return b.add(new BroadcastInDim(shape, Vector.empty()), new Lit(v, ShapedArray.of(DType.F32))).head();
    }

    /**
     * {@code r = max(exp(x) y + sin x, 0)}, {@code i = convert<i32>(r * 100)}, {@code r - y}.
     * Each side has exp and sin within 4 ulps (device: OpenCL's 3 and 4; CPU: 1) and a
     * rounding for the product and the sum: {@code 2 · 2u · 6 · (|e^x y| + |sin x|)}.
     */
    @Test
    void anElementwiseChain() {
        var a = f32(64, 33);
        Jaxpr p = Jaxpr.build(Vector.of(a, a), b -> {
            Var e = b.add(new Mul(), b.add(new Exp(), b.in(0)).head(), b.in(1)).head();
            Var z = b.add(new Add(), e, b.add(new Sin(), b.in(0)).head()).head();
            Var r = b.add(new Max(), z, broadcast(b, a.shape(), 0)).head();
            Var i = b.add(new ConvertElementType(DType.I32, false), b.add(new Mul(), r, broadcast(b, a.shape(), 100)).head()).head();
            return Vector.of(r, i, b.add(new Sub(), r, b.in(1)).head());
        }).typecheck();
        var rnd = new Random(1);
        List<HostData> in = List.of(gaussian(64 * 33, rnd, 2), gaussian(64 * 33, rnd, 3));
        Both both = both(p, in);
        float[] x = in.get(0).f32(), y = in.get(1).f32();
        IntToDoubleFunction bound = i -> 24 * U * (Math.abs(Math.exp(x[i]) * y[i]) + Math.abs(Math.sin(x[i])));
        assertClose("max(exp(x) y + sin x, 0)", both.cpu.get(0), both.gpu.get(0), bound);
        assertClose("r - y", both.cpu.get(2), both.gpu.get(2), i -> bound.applyAsDouble(i) + Math.ulp(y[i]));
        // the conversion truncates r * 100: where that is within the bound of an integer, the two may differ by one
        float[] rc = both.cpu.get(0).f32();
        for (int i = 0; i < rc.length; i++) {
            long c = both.cpu.get(1).getLong(i), g = both.gpu.get(1).getLong(i);
            double scaled = rc[i] * 100.0, slack = 100 * (bound.applyAsDouble(i) + Math.ulp(rc[i])) + Math.ulp((float) scaled);
            assertTrue(c == g || Math.abs(c - g) == 1 && Math.abs(scaled - Math.rint(scaled)) <= slack, "convert [" + i + "]: cpu " + c + ", gpu " + g);
        }
    }

    /**
     * {@code softmax(x + bias)} along rows, and the rows' sums of exponentials, for short rows
     * (one work-item each), longer ones and long ones (a work-group each). The max is exact;
     * each exponential is within 4 ulps on either side, and each side's float or double sum of
     * {@code n} of them within {@code n u} of its exact sum: the sums within
     * {@code rel = (2n + 16) u}; each quotient adds a division (2.5 ulps) and a rounding:
     * {@code 2 rel + 12 u} relative.
     */
    @Test
    void softmaxRows() {
        var rnd = new Random(4);
        for (int[] shape : new int[][] {{9, 20}, {6, 130}, {3, 5000}}) {
            int rows = shape[0], cols = shape[1];
            Shape dom = Shape.of(rows, cols);
            Jaxpr p = Jaxpr.build(Vector.of(f32(rows, cols), f32(cols)), b -> {
                Var h = b.add(new Add(), b.in(0), b.add(new BroadcastInDim(dom, Vector.of(1)), b.in(1)).head()).head();
                Var m = b.add(new ReduceMax(Vector.of(1)), h).head();
                Var e = b.add(new Exp(), b.add(new Sub(), h, b.add(new BroadcastInDim(dom, Vector.of(0)), m).head()).head()).head();
                Var sum = b.add(new ReduceSum(Vector.of(1)), e).head();
                return Vector.of(b.add(new Div(), e, b.add(new BroadcastInDim(dom, Vector.of(0)), sum).head()).head(), sum);
            }).typecheck();
            Both both = both(p, List.of(gaussian(rows * cols, rnd, 3), gaussian(cols, rnd, 1)));
            double rel = (2 * cols + 16) * U;
            HostData y = both.cpu.get(0), sum = both.cpu.get(1);
            assertClose("softmax " + dom, y, both.gpu.get(0), i -> (2 * rel + 12 * U) * Math.abs(y.getDouble(i)));
            assertClose("sums " + dom, sum, both.gpu.get(1), i -> rel * Math.abs(sum.getDouble(i)));
        }
    }

    /** {@code x @ w + bias}: both sides sum {@code k} products in f32, each within {@code (k + 1) u Σ|x w|} of the exact value. */
    @Test
    void aMatmul() {
        int m = 48, k = 40, n = 36;
        Jaxpr p = Jaxpr.build(Vector.of(f32(m, k), f32(k, n), f32(n)), b -> {
            var dn = new DotDimensionNumbers(Vector.of(1), Vector.of(0), Vector.empty(), Vector.empty());
            Var y = b.add(new DotGeneral(dn, Option.none()), b.in(0), b.in(1)).head();
            return Vector.of(b.add(new Add(), y, b.add(new BroadcastInDim(Shape.of(m, n), Vector.of(1)), b.in(2)).head()).head());
        }).typecheck();
        var rnd = new Random(2);
        List<HostData> in = List.of(gaussian(m * k, rnd, 1), gaussian(k * n, rnd, 1), gaussian(n, rnd, 1));
        Both both = both(p, in);
        float[] x = in.get(0).f32(), w = in.get(1).f32(), bias = in.get(2).f32();
        assertClose("x @ w + bias", both.cpu.getFirst(), both.gpu.getFirst(), idx -> {
            int i = idx / n, j = idx % n;
            double abs = 0;
            for (int t = 0; t < k; t++) abs += Math.abs((double) x[i * k + t] * w[t * n + j]);
            return 2 * (k + 1) * U * (abs + Math.abs(bias[j]));
        });
    }

    /**
     * Reductions over long rows and over many rows, a column maximum, a long fold over the
     * leading axis, sum pooling and a running sum. Each sum of {@code n} terms is within
     * {@code n u Σ|x|} of the exact one on either side (the device's library sums are
     * compensated and closer, its fused ones plain float), so within {@code (2n + 1) u Σ|x|} of
     * each other, {@code Σ|x|} being the same program on {@code |x|}; maxima are exact.
     */
    @Test
    void reductionsPoolingAndScans() {
        var pool = new WindowConfig(Vector.of(1, 3, 3), Vector.of(1, 2, 2), Vector.of(new Padding(0, 0), new Padding(1, 1), new Padding(1, 1)),
                Vector.of(1, 1, 1), Vector.of(1, 1, 1));
        Jaxpr p = Jaxpr.build(Vector.of(f32(30, 500), f32(2000, 7), f32(3000, 4), f32(2, 9, 10), f32(9, 70)), b -> Vector.of(
                b.add(new ReduceSum(Vector.of(1)), b.in(0)).head(),
                b.add(new ReduceMax(Vector.of(0)), b.in(0)).head(),
                b.add(new ReduceSum(Vector.of(1)), b.in(1)).head(),
                b.add(new ReduceSum(Vector.of(0)), b.in(2)).head(),
                b.add(new ReduceWindowSum(pool), b.in(3)).head(),
                b.add(new Cumsum(1, false), b.in(4)).head())).typecheck();
        var rnd = new Random(3);
        List<HostData> in = List.of(gaussian(30 * 500, rnd, 1), gaussian(2000 * 7, rnd, 1), gaussian(3000 * 4, rnd, 1),
                gaussian(2 * 9 * 10, rnd, 1), gaussian(9 * 70, rnd, 1));
        Both both = both(p, in);
        List<HostData> scale = run(Backends.cpu(), BufferPlan.of(Fusion.lower(p)), in.stream().map(WithoutFp64Test::abs).toList());
        int[] terms = {500, 0, 7, 3000, 9, 70};
        String[] names = {"row sums", "column maxima", "many short rows", "a long leading fold", "sum pooling", "cumsum"};
        for (int o = 0; o < names.length; o++) {
            int n = terms[o];
            HostData s = scale.get(o);
            assertClose(names[o], both.cpu.get(o), both.gpu.get(o), i -> n == 0 ? 0 : (2 * n + 1) * U * s.getDouble(i));
        }
    }

    /** A 3x3 NCHW convolution: f32 on both sides, each within {@code depth u} of {@code |x| ⊛ |w|} of the exact value. */
    @Test
    void aConvolution() {
        Jaxpr p = Jaxpr.build(Vector.of(f32(2, 3, 16, 16), f32(8, 3, 3, 3)), b -> Vector.of(
                b.add(new ConvGeneralDilated(Vector.of(1, 1), Vector.fill(2, new Padding(1, 1)), Vector.of(1, 1), Vector.of(1, 1),
                        ConvDimensionNumbers.channelsFirst(2), 1, 1, Option.none()), b.in(0), b.in(1)).head())).typecheck();
        var rnd = new Random(5);
        List<HostData> in = List.of(gaussian(2 * 3 * 16 * 16, rnd, 1), gaussian(8 * 3 * 3 * 3, rnd, 1));
        Both both = both(p, in);
        HostData s = run(Backends.cpu(), BufferPlan.of(Fusion.lower(p)), in.stream().map(WithoutFp64Test::abs).toList()).getFirst();
        int depth = 3 * 3 * 3;
        assertClose("conv", both.cpu.getFirst(), both.gpu.getFirst(), i -> 2 * (depth + 1) * U * s.getDouble(i));
    }

    @Test
    void f64ArraysAreRefused() {
        OpenClBackend gpu = gpu();
        var e = assertThrows(BackendError.class, () -> gpu.upload(HostData.own(new double[] {1, 2})));
        assertTrue(e.getMessage().contains("f64 arrays need a device with cl_khr_fp64") && e.getMessage().contains("use f32"), e.getMessage());
        assertThrows(BackendError.class, () -> gpu.allocate(ShapedArray.of(DType.F64, 3)));
    }

    /** A program with f64 values is refused when compiled, naming the operation (inside a scan's body too), not a kernel. */
    @Test
    void f64ProgramsAreRefusedNamingTheOperation() {
        OpenClBackend gpu = gpu();
        Jaxpr takesF64 = Jaxpr.build(Vector.of(ShapedArray.of(DType.F64, 4)), b -> b.add(new ReduceSum(Vector.of(0)), b.in(0))).typecheck();
        var e = assertThrows(BackendError.class, () -> gpu.compile(BufferPlan.of(Fusion.lower(takesF64))));
        assertTrue(e.getMessage().contains("f64[4]") && e.getMessage().contains("cl_khr_fp64"), e.getMessage());

        var v = f32(8);
        Jaxpr widens = Jaxpr.build(Vector.of(v), b -> {
            Var wide = b.add(new ConvertElementType(DType.F64, false), b.in(0)).head();
            return b.add(new ConvertElementType(DType.F32, false), b.add(new Exp(), wide).head());
        }).typecheck();
        e = assertThrows(BackendError.class, () -> gpu.compile(BufferPlan.of(Fusion.lower(widens))));
        assertEquals("convert_element_type", e.op(), e.getMessage());
        assertTrue(e.getMessage().contains("f64[8]") && e.getMessage().contains("cl_khr_fp64") && e.getMessage().contains("use f32"), e.getMessage());

        Jaxpr body = Jaxpr.build(Vector.of(v, v), b -> {
            Var c = b.add(new ConvertElementType(DType.F32, false),
                    b.add(new Add(), b.add(new ConvertElementType(DType.F64, false), b.in(0)).head(),
                            b.add(new ConvertElementType(DType.F64, false), b.in(1)).head()).head()).head();
            return Vector.of(c, c);
        });
        Jaxpr scan = Jaxpr.build(Vector.of(v, f32(5, 8)), b -> b.addAll(new Scan(body, 5, false, 0, 1, 1), b.in(0), b.in(1))).typecheck();
        e = assertThrows(BackendError.class, () -> gpu.compile(BufferPlan.of(Fusion.lower(scan))));
        assertEquals("convert_element_type", e.op(), e.getMessage());
    }

    /** {@code -Djaxj.opencl.fp64=false} turns fp64 off on every device, and says so in its refusals. */
    @Test
    void theSystemPropertyTurnsFp64Off() {
        PoCl.assumeAvailable();
        assertTrue(OpenClBackend.all().getFirst().fp64() == ClDevice.all().getFirst().fp64());
        System.setProperty(OpenClBackend.FP64_PROPERTY, "false");
        try {
            OpenClBackend off = OpenClBackend.all().getFirst();
            assertFalse(off.fp64());
            var e = assertThrows(BackendError.class, () -> off.upload(HostData.own(new double[] {1})));
            if (off.clDevice().fp64()) assertTrue(e.getMessage().contains("-Djaxj.opencl.fp64=false"), e.getMessage());
        } finally {
            System.clearProperty(OpenClBackend.FP64_PROPERTY);
        }
    }
}
