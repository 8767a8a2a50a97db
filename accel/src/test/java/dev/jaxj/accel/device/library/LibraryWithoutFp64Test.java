package dev.jaxj.accel.device.library;

import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.device.Dialect;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.accel.device.Launch;
import dev.jaxj.accel.device.Nvcc;
import dev.jaxj.accel.device.library.LibraryChecks1.Case;
import dev.jaxj.accel.device.library.LibraryChecks1.Draw;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.opencl.PoCl;
import dev.jaxj.errors.BackendError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.Var;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static dev.jaxj.accel.device.library.LibraryChecks1.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The library's kernels for a device without fp64: nothing computes in {@code double}, the
 * families that the CPU widens (reductions, reduce_window, cumulative scans, conv's integer
 * results) agree with the CPU backend within the float accumulation's bounds stated per test,
 * and an f64 equation is refused with a {@link BackendError}.
 */
class LibraryWithoutFp64Test {
    private static final double U = 0x1p-24;   // f32's unit roundoff
    private static final Pattern DOUBLE = Pattern.compile("\\bdouble\\b");

    /** The cases of the widening families' own tests that have no f64 operand or result. */
    private static List<Case> widening() {
        List<Case> cs = new ArrayList<>();
        cs.addAll(ReductionKernels1Test.cases());
        cs.addAll(ReduceWindowKernels1Test.cases());
        cs.addAll(CumulativeKernels1Test.cases());
        cs.addAll(ConvKernels1Test.cases());
        // Long folds that take the work-group tree, of sums and products too.
        cs.add(Case.of(new ReduceSum(Vector.of(1)), ShapedArray.of(DType.F32, 3, 5000)));
        cs.add(Case.of(new ReduceProd(Vector.of(0)), ShapedArray.of(DType.F32, 2500)));
        return cs.stream().filter(c -> !c.in().appendAll(c.out()).exists(a -> a.dtype() == DType.F64)).toList();
    }

    private static DeviceCall lower(Case c) {
        if (c.p() instanceof Reduction r) return ReductionKernels.lower(r, c.in(), c.out(), false);
        if (c.p() instanceof ReduceWindow w) return ReduceWindowKernels.lower(w, c.in(), c.out(), false);
        if (c.p() instanceof Cumulative s) return CumulativeKernels.lower(s, c.in(), c.out(), false);
        if (c.p() instanceof ConvGeneralDilated k) return ConvKernels.lower(k, c.in(), c.out(), false);
        throw new IllegalArgumentException("not a widening family: " + c.p());
    }

    /** One equation of {@code p} on operands of {@code in}. */
    private static dev.jaxj.ir.Eqn eqn(Primitive p, ShapedArray... in) {
        Jaxpr j = Jaxpr.build(Vector.of(in), b -> b.addAll(p, Vector.range(0, in.length).map(b::in).toJavaArray(Var[]::new))).typecheck();
        return j.eqns().single();
    }

    /** One equation of every family, on f32 (and the integer operands some take). */
    private static List<dev.jaxj.ir.Eqn> everyFamily(DType d) {
        var rows = new DotDimensionNumbers(Vector.of(1), Vector.of(0), Vector.empty(), Vector.empty());
        var pool = new WindowConfig(Vector.of(1, 3, 3), Vector.of(1, 2, 2), Vector.of(new Padding(0, 0), new Padding(1, 1), new Padding(1, 1)),
                Vector.of(1, 1, 1), Vector.of(1, 1, 1));
        var gather = new GatherDimensionNumbers(Vector.of(1), Vector.of(0), Vector.of(0), Vector.empty(), Vector.empty());
        var scatter = new ScatterDimensionNumbers(Vector.of(1), Vector.of(0), Vector.of(0), Vector.empty(), Vector.empty());
        var bits = ShapedArray.of(DType.U32, 8);
        return List.of(
                eqn(new Exp(), ShapedArray.of(d, 4, 5)),
                eqn(new DynamicSlice(Vector.of(2, 3)), ShapedArray.of(d, 4, 5), ShapedArray.of(DType.I32), ShapedArray.of(DType.I32)),
                eqn(new StopGradient(), ShapedArray.of(d, 4, 5)),
                eqn(new ReduceSum(Vector.of(1)), ShapedArray.of(d, 5, 3000)),
                eqn(new ReduceProd(Vector.of(0)), ShapedArray.of(d, 5, 3)),
                eqn(new Argmax(1, DType.I32), ShapedArray.of(d, 6, 41)),
                eqn(new Cumsum(1, true), ShapedArray.of(d, 9, 70)),
                eqn(new Cumprod(0, false), ShapedArray.of(d, 9, 70)),
                eqn(new DotGeneral(rows, Option.none()), ShapedArray.of(d, 12, 10), ShapedArray.of(d, 10, 9)),
                eqn(new ConvGeneralDilated(Vector.of(1, 1), Vector.fill(2, new Padding(1, 1)), Vector.of(1, 1), Vector.of(1, 1),
                        ConvDimensionNumbers.channelsFirst(2), 1, 1, Option.of(DType.I32)), ShapedArray.of(d, 2, 3, 9, 9), ShapedArray.of(d, 4, 3, 3, 3)),
                eqn(new ConvGeneralDilated(Vector.of(1, 1), Vector.fill(2, new Padding(1, 1)), Vector.of(1, 1), Vector.of(1, 1),
                        ConvDimensionNumbers.channelsFirst(2), 1, 1, Option.none()), ShapedArray.of(d, 2, 3, 9, 9), ShapedArray.of(d, 4, 3, 3, 3)),
                eqn(new ReduceWindowSum(pool), ShapedArray.of(d, 2, 9, 9)),
                eqn(new ReduceWindowMax(pool), ShapedArray.of(d, 2, 9, 9)),
                eqn(new Sort(1, true, 1), ShapedArray.of(d, 5, 100)),
                eqn(new Gather(gather, Vector.of(1, 3), GatherScatterMode.CLIP), ShapedArray.of(d, 5, 3), ShapedArray.of(DType.I32, 4, 1)),
                eqn(new ScatterAdd(scatter, GatherScatterMode.FILL_OR_DROP), ShapedArray.of(d, 5, 3), ShapedArray.of(DType.I32, 4, 1), ShapedArray.of(d, 4, 3)),
                eqn(new Threefry2x32(), bits, bits, bits, bits));
    }

    private static List<KernelSource> kernels(List<DeviceCall> calls) {
        List<KernelSource> ks = new ArrayList<>();
        for (DeviceCall c : calls) for (Launch l : c.launches()) ks.add(l.kernel());
        return ks;
    }

    private static void assertNoDouble(List<KernelSource> kernels) {
        assertFalse(kernels.isEmpty(), "no kernels");
        for (KernelSource k : kernels) {
            assertFalse(k.usesF64(), k.name() + " says it uses f64");
            assertFalse(DOUBLE.matcher(k.code()).find(), k.name() + " mentions double:\n" + k.code());
        }
    }

    @Test
    void noKernelComputesInDouble() {
        assertNoDouble(kernels(widening().stream().map(LibraryWithoutFp64Test::lower).toList()));
        assertNoDouble(kernels(everyFamily(DType.F32).stream().map(e -> LibraryKernels.lower(e, Dialect.OPENCL, false)).toList()));
        // The same equations on a device with fp64 widen f32 sums: the test above could fail.
        assertTrue(kernels(everyFamily(DType.F32).stream().map(e -> LibraryKernels.lower(e, Dialect.OPENCL, true)).toList())
                .stream().anyMatch(KernelSource::usesF64));
    }

    @Test
    void anF64EquationIsRefusedNamingItsPrimitive() {
        for (dev.jaxj.ir.Eqn e : everyFamily(DType.F64)) {
            boolean f64 = e.in().appendAll(e.out()).exists(a -> a.aval().dtype() == DType.F64);
            if (!f64) {
                assertNoDouble(kernels(List.of(LibraryKernels.lower(e, Dialect.OPENCL, false))));
                continue;
            }
            var err = assertThrows(BackendError.class, () -> LibraryKernels.lower(e, Dialect.OPENCL, false), e.prim().name());
            assertEquals(e.prim().name(), err.op());
            assertTrue(err.getMessage().contains("cl_khr_fp64") && err.getMessage().contains("f64[") && err.getMessage().contains("use f32"), err.getMessage());
        }
    }

    @Test
    void everyVariantCompilesAsCuda() {
        List<DeviceCall> calls = new ArrayList<>(widening().stream().map(LibraryWithoutFp64Test::lower).toList());
        everyFamily(DType.F32).forEach(e -> calls.add(LibraryKernels.lower(e, Dialect.CUDA, false)));
        List<KernelSource> ks = kernels(calls);
        String ptx = Nvcc.compile(ks);
        for (KernelSource k : ks) assertTrue(ptx.contains(".entry " + k.name() + "("), k.name() + " is an entry of the PTX");
    }

    /**
     * Against the CPU backend, which folds f32 in double. Max, min, integer folds and integer
     * conv results (of integer-valued operands, whose f32 sums are exact) match bit for bit.
     * <ul>
     *   <li>reduce_sum: the compensated float sum lies within {@code 2u|S| + n u² Σ|x|} of the
     *       exact one, the CPU's within {@code 16 u Σ|x|} (runs of up to 16 f32 additions before
     *       widening, see {@link ReductionKernels1Test}); held to that test's {@code 64 u Σ|x|};
     *   <li>reduce_prod and cumprod: a float product of {@code k} factors is within {@code k u}
     *       relative, the CPU's double one within a rounding: {@code n u |y|};
     *   <li>reduce_window sum: the CPU rounds once per axis ({@code (rank + 1) u Σ|x|}, see
     *       {@link ReduceWindowKernels1Test}); the compensated window sum adds at most
     *       {@code 2u Σ|x|}: {@code (rank + 3) u Σ|x|};
     *   <li>cumsum: the CPU rounds each prefix sum of doubles once, the device's compensated one
     *       within {@code 2u|S| + k u² Σ|x|}: {@code 3 u Σ|x|} over the prefix;
     *   <li>f32 conv is unchanged by fp64 (it accumulates in f32 on both): {@code 2 depth u} of
     *       {@code |lhs| ⊛ |rhs|}, as in {@link ConvKernels1Test}.
     * </ul>
     * {@code assertMatches} adds one ulp of the expected value for the final rounding.
     */
    @Test
    void matchesTheCpuBackendOnOpenCl() {
        PoCl.assumeAvailable();
        var rnd = new Random(21);
        int n = 0;
        for (Case c : widening()) {
            DType d = c.in().head().dtype(), out = c.out().head().dtype();
            boolean sum = c.p() instanceof ReduceSum || c.p() instanceof ReduceWindowSum || c.p() instanceof Cumsum;
            boolean prod = c.p() instanceof ReduceProd || c.p() instanceof Cumprod;
            Draw draw = c.p() instanceof ConvGeneralDilated ? (out.isFloating() ? Draw.SPREAD : Draw.TIES)
                    : sum ? Draw.SPREAD : prod ? (d.isFloating() ? Draw.NEAR_ONE : Draw.SPREAD) : Draw.TIES;
            List<HostData> ops = c.in().map(a -> random(a, rnd, draw)).toJavaList();
            HostData expected = cpu(c.p(), c.in(), ops, c.out()), scale = null;
            double factor = 0;
            if (out.isFloating()) {
                long folded = c.in().head().size() / Math.max(1, c.out().head().size());
                if (sum) scale = cpu(c.p(), c.in(), List.of(abs(ops.getFirst())), c.out());
                if (prod) scale = abs(expected);
                if (c.p() instanceof ReduceSum) factor = 64 * U;
                if (c.p() instanceof ReduceWindowSum) factor = (c.in().head().rank() + 3) * U;
                if (c.p() instanceof Cumsum) factor = 3 * U;
                if (c.p() instanceof ReduceProd) factor = folded * U;
                if (c.p() instanceof Cumprod p) factor = c.in().head().shape().dim(p.axis()) * U;
                if (c.p() instanceof ConvGeneralDilated p) {
                    scale = cpu(p, c.in(), List.of(abs(ops.get(0)), abs(ops.get(1))), c.out());
                    ShapedArray rhs = c.in().get(1);
                    factor = 2.0 * rhs.size() / Math.max(1, rhs.shape().dim(p.dimensionNumbers().rhsSpec().get(0))) * U;
                }
                // max and min: exact (scale stays null)
            }
            assertMatches(c.toString(), expected, device(lower(c), ops, c.out()), scale, factor);
            n++;
        }
        assertTrue(n > 50, "only " + n + " cases");
    }

    /**
     * A 1 followed by many {@code 2⁻²⁶}: a plain float sum never moves from 1 (each addition
     * is below half an ulp), a compensated one keeps them all. The reference is the same fold
     * of the same values in f64 (exact here: every partial sum is a multiple of {@code 2⁻²⁶}
     * below 2) rounded to f32 once; the device must be within an ulp of it, in every folding
     * family and both reduction kernels (one work-item, and the work-group tree). (The CPU's
     * f32 sum, which adds runs of 16 in float first, is itself a few ulps off here.)
     */
    @Test
    void sumsAreCompensated() {
        PoCl.assumeAvailable();
        var window = new WindowConfig(Vector.of(3000), Vector.of(1), Vector.of(new Padding(0, 0)), Vector.of(1), Vector.of(1));
        for (Case c : List.of(Case.of(new ReduceSum(Vector.of(0)), ShapedArray.of(DType.F32, 2040)),
                Case.of(new ReduceSum(Vector.of(1)), ShapedArray.of(DType.F32, 2, 6000)),
                Case.of(new Cumsum(0, false), ShapedArray.of(DType.F32, 3000)),
                Case.of(new ReduceWindowSum(window), ShapedArray.of(DType.F32, 3000)))) {
            ShapedArray in = c.in().head();
            HostData x = HostData.allocate(DType.F32, in.size()), wide = HostData.allocate(DType.F64, in.size());
            int row = in.shape().dim(in.rank() - 1);
            for (int i = 0; i < in.size(); i++) {
                x.f32()[i] = i % row == 0 ? 1f : 0x1p-26f;
                wide.f64()[i] = x.f32()[i];
            }
            var in64 = Vector.of(ShapedArray.of(DType.F64, in.shape().toArray()));
            HostData exact = cpu(c.p(), in64, List.of(wide), c.p().abstractEval(in64)), got = device(lower(c), List.of(x), c.out());
            assertTrue(exact.f64()[exact.size() - 1] > 1 + 500 * 0x1p-24, c + ": not what this test is about: " + exact.f64()[exact.size() - 1]);
            for (int i = 0; i < exact.size(); i++) {
                float e = (float) exact.f64()[i], g = got.f32()[i];
                assertTrue(Math.abs(e - g) <= Math.ulp(e), c + " [" + i + "]: exact " + exact.f64()[i] + ", device " + g);
            }
        }
    }

    /**
     * The compensation drops its error term past an infinity or NaN, so a sum carries the
     * non-finite value as a plain sum does: +inf, inf - inf = NaN, NaN and -inf rows, each
     * leading its row (so every prefix of the scans is non-finite too), against the CPU.
     */
    @Test
    void nonFiniteSumsStayAsThePlainSum() {
        PoCl.assumeAvailable();
        var rnd = new Random(22);
        for (Case c : List.of(Case.of(new ReduceSum(Vector.of(1)), ShapedArray.of(DType.F32, 4, 100)),
                Case.of(new ReduceSum(Vector.of(1)), ShapedArray.of(DType.F32, 4, 3000)),
                Case.of(new Cumsum(1, false), ShapedArray.of(DType.F32, 4, 100)))) {
            int cols = c.in().head().shape().dim(1);
            HostData x = random(c.in().head(), rnd, Draw.FINITE);
            float[] lead = {Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, Float.NaN, Float.NEGATIVE_INFINITY};
            for (int r = 0; r < 4; r++) x.f32()[r * cols] = lead[r];
            x.f32()[cols + cols / 2] = Float.NEGATIVE_INFINITY;
            assertMatches(c.toString(), cpu(c.p(), c.in(), List.of(x), c.out()), device(lower(c), List.of(x), c.out()), null, 0);
        }
    }
}
