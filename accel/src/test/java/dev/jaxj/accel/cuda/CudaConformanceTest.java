package dev.jaxj.accel.cuda;

import dev.jaxj.accel.Backend;
import dev.jaxj.accel.Backends;
import dev.jaxj.accel.Buffer;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.compiler.kernel.BufferPlan;
import dev.jaxj.errors.BackendError;
import dev.jaxj.ir.DType;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Whole programs on the first CUDA GPU against the CPU backend running the same
 * {@link BufferPlan}: an elementwise chain, a matmul, reductions, a softmax and a scan. Where
 * there is no CUDA device (no driver, or no GPU) the tests are skipped with the reason. Each
 * bound is stated where it is used: CUDA's {@code expf}, {@code sinf} and {@code tanhf} are
 * within 2 ulps (CUDA C Programming Guide, mathematical functions), and sums are compared with
 * the classic {@code n u sum|t|} bound on each side.
 */
class CudaConformanceTest {
    private static final double U32 = 0x1p-24, U64 = 0x1p-53;

    private static Backend gpu() {
        try {
            return CudaBackend.all().getFirst();
        } catch (BackendError e) {
            Assumptions.abort("no CUDA device: " + e.getMessage());
            throw new AssertionError("unreachable", e);
        }
    }

    /** Runs {@code plan} on {@code backend} with copies of {@code inputs}, and downloads its outputs. */
    private static List<HostData> run(Backend backend, BufferPlan plan, List<HostData> inputs) {
        Seq<Buffer> in = Vector.ofAll(inputs).map(h -> backend.upload(h.copy()));
        return backend.compile(plan).run(Vector.empty(), in, Vector.empty()).map(backend::download).toJavaList();
    }

    private record Both(List<HostData> in, List<HostData> cpu, List<HostData> gpu) {}

    private static Both both(CudaPrograms.Program p, List<HostData> inputs) {
        Backend gpu = gpu();
        BufferPlan plan = p.plan();
        return new Both(inputs, run(Backends.cpu(), plan, inputs), run(gpu, plan, inputs));
    }

    private static HostData gaussian(int n, Random r, double scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (r.nextGaussian() * scale);
        return HostData.own(a);
    }

    /** Elementwise: {@code |gpu - cpu| <= bound(i) + an ulp of either}; non-finite values must agree. */
    private static void assertClose(String what, HostData cpu, HostData gpu, IntToDoubleFunction bound) {
        assertEquals(cpu.dtype(), gpu.dtype(), what);
        assertEquals(cpu.size(), gpu.size(), what);
        boolean f32 = cpu.dtype() == DType.F32;
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < cpu.size() && bad.size() < 10; i++) {
            double c = cpu.getDouble(i), g = gpu.getDouble(i);
            boolean ok;
            if (!Double.isFinite(c) || !Double.isFinite(g)) ok = Double.isNaN(c) ? Double.isNaN(g) : c == g;
            else ok = Math.abs(c - g) <= bound.applyAsDouble(i) + (f32 ? Math.max(Math.ulp((float) c), Math.ulp((float) g)) : Math.max(Math.ulp(c), Math.ulp(g)));
            if (!ok) bad.add(what + "[" + i + "]: cpu " + c + ", gpu " + g + ", bound " + bound.applyAsDouble(i));
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    @Test
    void anElementwiseChainMatchesTheCpu() {
        var r = new Random(1);
        List<HostData> in = List.of(gaussian(64 * 33, r, 2), gaussian(64 * 33, r, 3));
        Both b = both(CudaPrograms.elementwiseChain(), in);
        float[] x = in.get(0).f32(), y = in.get(1).f32();
        // exp(x) * y + sin(x): 2 ulps on each function, a rounding on the product and the sum, on each side
        IntToDoubleFunction bound = i -> 8 * U32 * (Math.abs(Math.exp(x[i]) * y[i]) + Math.abs(Math.sin(x[i])));
        assertClose("max(exp(x) y + sin x, 0)", b.cpu.get(0), b.gpu.get(0), bound);
        assertClose("r - y", b.cpu.get(2), b.gpu.get(2), i -> bound.applyAsDouble(i) + Math.ulp(y[i]));
        // the conversion truncates r * 100: where that is within the bound of an integer, the two may differ by one
        float[] rc = b.cpu.get(0).f32();
        HostData ci = b.cpu.get(1), gi = b.gpu.get(1);
        for (int i = 0; i < ci.size(); i++) {
            long c = ci.getLong(i), g = gi.getLong(i);
            double scaled = rc[i] * 100.0, slack = 100 * (bound.applyAsDouble(i) + Math.ulp(rc[i])) + Math.ulp((float) scaled);
            assertTrue(c == g || Math.abs(c - g) == 1 && Math.abs(scaled - Math.rint(scaled)) <= slack, "convert [" + i + "]: cpu " + c + ", gpu " + g);
        }
    }

    @Test
    void aMatmulMatchesTheCpu() {
        var r = new Random(2);
        int m = 48, k = 40, n = 36;
        List<HostData> in = List.of(gaussian(m * k, r, 1), gaussian(k * n, r, 1), gaussian(n, r, 1));
        Both b = both(CudaPrograms.matmul(), in);
        float[] x = in.get(0).f32(), w = in.get(1).f32(), bias = in.get(2).f32();
        // each side sums k products in some order: within k u sum|x w| of the exact dot product
        IntToDoubleFunction bound = idx -> {
            int i = idx / n, j = idx % n;
            double abs = 0;
            for (int t = 0; t < k; t++) abs += Math.abs((double) x[i * k + t] * w[t * n + j]);
            return 2 * (k + 1) * U32 * (abs + Math.abs(bias[j]));
        };
        assertClose("x @ w + bias", b.cpu.getFirst(), b.gpu.getFirst(), bound);
    }

    @Test
    void reductionsMatchTheCpu() {
        var r = new Random(3);
        double[] d = new double[63];
        for (int i = 0; i < d.length; i++) d[i] = r.nextGaussian() * 1e3;
        List<HostData> in = List.of(gaussian(30 * 500, r, 1), HostData.own(d));
        Both b = both(CudaPrograms.reductions(), in);
        float[] x = in.get(0).f32();
        assertClose("row sums", b.cpu.get(0), b.gpu.get(0), row -> {
            double abs = 0;
            for (int j = 0; j < 500; j++) abs += Math.abs(x[row * 500 + j]);
            return 2 * 501 * U32 * abs;
        });
        assertClose("column maxima", b.cpu.get(1), b.gpu.get(1), i -> 0);   // max is exact
        double abs = 0;
        for (double v : d) abs += Math.abs(v);
        double f64Bound = 2 * 64 * U64 * abs;
        assertClose("f64 total", b.cpu.get(2), b.gpu.get(2), i -> f64Bound);
    }

    @Test
    void softmaxRowsMatchTheCpu() {
        var r = new Random(4);
        for (int[] shape : new int[][] {{6, 130}, {9, 20}}) {
            int rows = shape[0], cols = shape[1];
            List<HostData> in = List.of(gaussian(rows * cols, r, 3), gaussian(cols, r, 1));
            Both b = both(CudaPrograms.softmax(rows, cols), in);
            // the max is exact; each exponential within 2 ulps, so their sum within ((n + 1) u + 2 u') of itself, y twice that plus a rounding
            double rel = (cols + 1) * U32 + 2 * 0x1p-23;
            HostData sum = b.cpu.get(1);
            assertClose("softmax " + rows + "x" + cols, b.cpu.get(0), b.gpu.get(0), i -> (2 * rel + U32) * Math.abs(b.cpu.get(0).getDouble(i)));
            assertClose("sums " + rows + "x" + cols, sum, b.gpu.get(1), i -> rel * Math.abs(sum.getDouble(i)));
        }
    }

    @Test
    void aScanMatchesTheCpu() {
        var r = new Random(5);
        int n = 16;
        float[] w = new float[8];
        for (int i = 0; i < 8; i++) w[i] = (float) (r.nextDouble() * 1.8 - 0.9);
        List<HostData> in = List.of(HostData.own(w), gaussian(8, r, 0.5), gaussian(n * 8, r, 1));
        Both b = both(CudaPrograms.scan(n), in);
        // |w| < 1 and |tanh'| <= 1, so an error is not amplified: each step adds up to 2 ulps of tanh
        // and a rounding of c w + x (|c w + x| < 6 here) on each side
        double perStep = 2 * (2 * U32 + 6 * 2 * U32);
        assertClose("carry", b.cpu.get(0), b.gpu.get(0), i -> n * perStep);
        assertClose("ys", b.cpu.get(1), b.gpu.get(1), i -> 2 * n * perStep);
    }

    @Test
    void buffersOfEveryDtypeRoundTripAndFill() {
        Backend gpu = gpu();
        var r = new Random(6);
        for (DType d : DType.computeTypes()) {
            HostData h = HostData.allocate(d, 37);
            for (int i = 0; i < 37; i++) h.setLong(i, r.nextInt());
            HostData back = gpu.download(gpu.upload(h.copy()));
            for (int i = 0; i < 37; i++) assertEquals(h.getDouble(i), back.getDouble(i), d + " [" + i + "]");
            Buffer dst = gpu.allocate(dev.jaxj.ir.ShapedArray.of(d, 40));
            gpu.copy(gpu.upload(h.copy()), 5, dst, 1, 30);
            HostData copied = gpu.download(dst);
            for (int i = 0; i < 30; i++) assertEquals(h.getDouble(5 + i), copied.getDouble(1 + i), d + " copy [" + i + "]");
        }
        CudaBackend cuda = (CudaBackend) gpu;
        CudaBuffer ones = (CudaBuffer) cuda.allocate(dev.jaxj.ir.ShapedArray.of(DType.I32, 5));
        cuda.context().fill(ones.ptr(), (byte) 1, 20);
        for (int v : cuda.download(ones).i32()) assertEquals(0x01010101, v);
    }
}
