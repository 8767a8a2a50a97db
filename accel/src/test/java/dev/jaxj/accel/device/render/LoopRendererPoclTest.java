package dev.jaxj.accel.device.render;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.accel.cpu.CpuKernels;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.device.Dialect;
import dev.jaxj.accel.device.KernelArg;
import dev.jaxj.accel.device.Launch;
import dev.jaxj.accel.opencl.PoCl;
import dev.jaxj.compiler.kernel.Fusion;
import dev.jaxj.compiler.kernel.KernelProgram;
import dev.jaxj.compiler.kernel.Node;
import dev.jaxj.compiler.kernel.Step;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.Var;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The OpenCL rendering run on the first OpenCL device (PoCL in CI) against the CPU backend's
 * interpreter of the same fused loops, on random operands with NaN, infinities, signed zeros
 * and integer extremes: every elementwise primitive on every dtype it accepts (tolerances in
 * {@link DeviceAccuracy}), broadcast and strided loads with several outputs and the loops of
 * data movement ({@link MoveCases}, exact), each
 * reduction monoid over short and long rows, and softmax rows (bounds stated at each check).
 * The loops of one test run as one device call, so one program is built for all of them.
 */
class LoopRendererPoclTest {
    private static final Random RNG = new Random(20261207);

    @Test
    void everyElementwisePrimitiveMatchesTheCpu() {
        List<RenderCases.Case> cases = RenderCases.elementwise(Shape.of(8, 256));
        Results r = run(cases);
        List<String> failures = new ArrayList<>();
        for (int c = 0; c < cases.size(); c++) {
            Node.Apply a = (Node.Apply) cases.get(c).loop().nodes().last();
            DType in = cases.get(c).loop().inputs().last().aval().dtype();
            DeviceAccuracy tol = DeviceAccuracy.of(a.prim(), in);
            compare(cases.get(c).name(), r.inputs.get(c), r.cpu.get(c).getFirst(), r.device.get(c).getFirst(), (i, cpu, dev) -> tol.accepts(cpu, dev, a.aval().dtype() == DType.F32), failures);
        }
        assertTrue(failures.isEmpty(), failures.size() + " mismatches, the first ones:\n" + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    @Test
    void broadcastAndStridedLoadsAndSeveralOutputsMatchTheCpuExactly() {
        List<RenderCases.Case> cases = new ArrayList<>();
        for (DType d : DType.computeTypes().toArray(DType[]::new)) if (d != DType.BOOL) cases.add(new RenderCases.Case("strided " + d, RenderCases.broadcastStridedMultiOutput(d)));
        Results r = run(cases);
        List<String> failures = new ArrayList<>();
        for (int c = 0; c < cases.size(); c++) {
            for (int s = 0; s < 2; s++) compare(cases.get(c).name() + " out" + s, r.inputs.get(c), r.cpu.get(c).get(s), r.device.get(c).get(s),
                    (i, cpu, dev) -> DeviceAccuracy.EXACT.accepts(cpu, dev, false), failures);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    /**
     * The loops fusion makes of data movement (offsets, negative strides, iotas, pads and
     * concatenations as bounded loads, moves read in place by a select): exact, every dtype.
     */
    @Test
    void movesMatchTheCpuExactly() {
        List<RenderCases.Case> cases = new ArrayList<>();
        for (MoveCases.Program p : MoveCases.programs()) cases.addAll(p.loops());
        Results r = run(cases);
        List<String> failures = new ArrayList<>();
        for (int c = 0; c < cases.size(); c++) {
            boolean f32 = cases.get(c).loop().stores().head().target().aval().dtype() == DType.F32;
            compare(cases.get(c).name(), r.inputs.get(c), r.cpu.get(c).getFirst(), r.device.get(c).getFirst(),
                    (i, cpu, dev) -> DeviceAccuracy.EXACT.accepts(cpu, dev, f32), failures);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    /**
     * Max and min are exact (NaN propagates, -0 below +0, whatever the order). A sum differs by
     * its order: the CPU adds f32 terms in float lanes, then in double, so it lies within
     * {@code (n + 1) u sum|t|} of the exact sum (u = 2^-24; 2^-53 for f64), and the device,
     * adding in double, within {@code n 2^-53 sum|t|}; then both round once to the dtype.
     */
    @Test
    void reductionsOfEachMonoidMatchTheCpu() {
        List<RenderCases.Case> cases = new ArrayList<>();
        for (DType d : List.of(DType.F32, DType.F64)) {
            for (Primitive.Reduction k : List.<Primitive.Reduction>of(new ReduceSum(Vector.of(1)), new ReduceMax(Vector.of(1)), new ReduceMin(Vector.of(1)))) {
                for (int cols : new int[] {0, 1, 7, 63, 64, 200, 1000}) cases.add(new RenderCases.Case(k.name() + " " + d + " cols=" + cols, RenderCases.reduction(k, d, 5, cols)));
            }
        }
        Results r = run(cases);
        List<String> failures = new ArrayList<>();
        for (int c = 0; c < cases.size(); c++) {
            Step.FusedLoop loop = cases.get(c).loop();
            boolean f32 = loop.inputs().head().aval().dtype() == DType.F32;
            int cols = loop.rowLength();
            HostData x = r.inputs.get(c).getFirst();
            double[] bound = new double[loop.rows()];
            if (((Node.Reduce) loop.nodes().get(3)).kind() instanceof ReduceSum) {
                for (int row = 0; row < bound.length; row++) {
                    double abs = 0;
                    for (int j = 0; j < cols; j++) abs += Math.abs(f32 ? (double) (2 * x.f32()[row * cols + j]) : 2 * x.f64()[row * cols + j]);
                    double roundSum = (cols + 1) * (f32 ? 0x1p-24 : 0x1p-53) * abs + cols * 0x1p-53 * abs;
                    bound[row] = roundSum;
                }
            }
            compare(cases.get(c).name() + " reduced", r.inputs.get(c), r.cpu.get(c).get(0), r.device.get(c).get(0),
                    (row, cpu, dev) -> withinBound(cpu, dev, bound[row], f32), failures);
            compare(cases.get(c).name() + " x - reduced", r.inputs.get(c), r.cpu.get(c).get(1), r.device.get(c).get(1),
                    (i, cpu, dev) -> withinBound(cpu, dev, bound[i / Math.max(1, cols)], f32), failures);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    /**
     * Softmax rows, one work-item per row (15 points) and one work-group per row (770 points).
     * The max is exact. The CPU's f32 exp is the Vector API's (2 ulps from the device's, see
     * {@link DeviceAccuracy}), so each term differs by up to 2 ulps and the sum, of positive
     * terms, by {@code ((n + 1) u + 2 u') sum} (u' = 2^-23); y = e / sum by twice that, plus
     * the rounding of the division (f64: 5 ulps of exp instead of 2).
     */
    @Test
    void softmaxRowsMatchTheCpu() {
        List<RenderCases.Case> cases = new ArrayList<>();
        for (DType d : List.of(DType.F32, DType.F64)) {
            cases.add(new RenderCases.Case("softmax short " + d, RenderCases.softmax(d, 6, 3, 5)));
            cases.add(new RenderCases.Case("softmax long " + d, RenderCases.softmax(d, 4, 10, 77)));
        }
        Results r = run(cases);
        List<String> failures = new ArrayList<>();
        for (int c = 0; c < cases.size(); c++) {
            Step.FusedLoop loop = cases.get(c).loop();
            boolean f32 = loop.inputs().head().aval().dtype() == DType.F32;
            int n = loop.rowLength();
            double rel = f32 ? (n + 1) * 0x1p-24 + 2 * 0x1p-23 : (n + 1) * 0x1p-53 + 5 * 0x1p-52;
            HostData sum = r.cpu.get(c).get(1);
            compare(cases.get(c).name() + " max", r.inputs.get(c), r.cpu.get(c).get(0), r.device.get(c).get(0),
                    (i, cpu, dev) -> DeviceAccuracy.EXACT.accepts(cpu, dev, f32), failures);
            compare(cases.get(c).name() + " sum", r.inputs.get(c), sum, r.device.get(c).get(1),
                    (i, cpu, dev) -> withinBound(cpu, dev, rel * Math.abs(cpu), f32), failures);
            compare(cases.get(c).name() + " y", r.inputs.get(c), r.cpu.get(c).get(2), r.device.get(c).get(2),
                    (i, cpu, dev) -> withinBound(cpu, dev, (2 * rel + (f32 ? 0x1p-24 : 0x1p-53)) * Math.abs(cpu), f32), failures);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    /**
     * A biased softmax written as a program, {@code y = exp(h - max h) / sum exp(h - max h)} with
     * {@code h = x + bias}, lowered by {@link Fusion} to one loop (the bias a broadcast load, the
     * max and the sum read back along their rows), over long and short rows; bounds as in
     * {@link #softmaxRowsMatchTheCpu}.
     */
    @Test
    void aSoftmaxLoweredByFusionMatchesTheCpu() {
        List<RenderCases.Case> cases = new ArrayList<>();
        for (int[] shape : new int[][] {{6, 130}, {9, 20}}) {
            int rows = shape[0], cols = shape[1];
            Shape dom = Shape.of(rows, cols);
            Jaxpr j = Jaxpr.build(Vector.of(ShapedArray.of(DType.F32, rows, cols), ShapedArray.of(DType.F32, cols)), b -> {
                Var h = b.add(new Add(), b.in(0), b.add(new BroadcastInDim(dom, Vector.of(1)), b.in(1)).head()).head();
                Var m = b.add(new ReduceMax(Vector.of(1)), h).head();
                Var e = b.add(new Exp(), b.add(new Sub(), h, b.add(new BroadcastInDim(dom, Vector.of(0)), m).head()).head()).head();
                Var sum = b.add(new ReduceSum(Vector.of(1)), e).head();
                return Vector.of(b.add(new Div(), e, b.add(new BroadcastInDim(dom, Vector.of(0)), sum).head()).head(), sum);
            });
            KernelProgram k = Fusion.lower(j.typecheck());
            assertEquals(1, k.steps().size(), k::toString);
            Step.FusedLoop loop = (Step.FusedLoop) k.steps().head();
            assertEquals(3, loop.passes(), loop::toString);
            cases.add(new RenderCases.Case("softmax " + dom, loop));
        }
        Results r = run(cases);
        List<String> failures = new ArrayList<>();
        for (int c = 0; c < cases.size(); c++) {
            int n = cases.get(c).loop().rowLength();
            double rel = (n + 1) * 0x1p-24 + 2 * 0x1p-23;
            for (int o = 0; o < r.cpu.get(c).size(); o++) {
                compare(cases.get(c).name() + " out" + o, r.inputs.get(c), r.cpu.get(c).get(o), r.device.get(c).get(o),
                        (i, cpu, dev) -> withinBound(cpu, dev, (2 * rel + 0x1p-24) * Math.abs(cpu), true), failures);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void withoutFp64EveryF32AndIntegerPrimitiveMatchesTheCpu() {
        List<RenderCases.Case> cases = RenderCases.elementwise(Shape.of(8, 256)).stream().filter(c -> !RenderCases.needsFp64(c.loop())).toList();
        Results r = run(cases, false);
        List<String> failures = new ArrayList<>();
        for (int c = 0; c < cases.size(); c++) {
            Node.Apply a = (Node.Apply) cases.get(c).loop().nodes().last();
            DType in = cases.get(c).loop().inputs().last().aval().dtype();
            DeviceAccuracy tol = in == DType.F32 ? DeviceAccuracy.withoutFp64(a.prim()) : DeviceAccuracy.EXACT;
            compare(cases.get(c).name(), r.inputs.get(c), r.cpu.get(c).getFirst(), r.device.get(c).getFirst(), (i, cpu, dev) -> tol.accepts(cpu, dev, true), failures);
        }
        assertTrue(failures.isEmpty(), failures.size() + " mismatches, the first ones:\n" + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    /**
     * f32 reductions on a device without fp64 accumulate in float: the device's sum lies within
     * {@code n u sum|t|} of the exact one and the CPU's within {@code (n + 1) u sum|t|}; max and
     * min stay exact.
     */
    @Test
    void withoutFp64ReductionsAccumulateInFloat() {
        List<RenderCases.Case> cases = new ArrayList<>();
        for (Primitive.Reduction k : List.<Primitive.Reduction>of(new ReduceSum(Vector.of(1)), new ReduceMax(Vector.of(1)), new ReduceMin(Vector.of(1)))) {
            for (int cols : new int[] {0, 7, 64, 1000}) cases.add(new RenderCases.Case(k.name() + " cols=" + cols, RenderCases.reduction(k, DType.F32, 5, cols)));
        }
        Results r = run(cases, false);
        List<String> failures = new ArrayList<>();
        for (int c = 0; c < cases.size(); c++) {
            Step.FusedLoop loop = cases.get(c).loop();
            int cols = loop.rowLength();
            HostData x = r.inputs.get(c).getFirst();
            double[] bound = new double[loop.rows()];
            if (((Node.Reduce) loop.nodes().get(3)).kind() instanceof ReduceSum) {
                for (int row = 0; row < bound.length; row++) {
                    double abs = 0;
                    for (int j = 0; j < cols; j++) abs += Math.abs((double) (2 * x.f32()[row * cols + j]));
                    bound[row] = (2 * cols + 1) * 0x1p-24 * abs;
                }
            }
            compare(cases.get(c).name() + " reduced", r.inputs.get(c), r.cpu.get(c).get(0), r.device.get(c).get(0),
                    (row, cpu, dev) -> withinBound(cpu, dev, bound[row], true), failures);
            compare(cases.get(c).name() + " x - reduced", r.inputs.get(c), r.cpu.get(c).get(1), r.device.get(c).get(1),
                    (i, cpu, dev) -> withinBound(cpu, dev, bound[i / Math.max(1, cols)], true), failures);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    /** Within {@code bound} plus the final rounding (an ulp of either value); non-finite values must agree. */
    private static boolean withinBound(double cpu, double dev, double bound, boolean f32) {
        if (!Double.isFinite(cpu) || !Double.isFinite(dev)) return Double.isNaN(cpu) ? Double.isNaN(dev) : cpu == dev;
        double ulp = f32 ? Math.max(Math.ulp((float) cpu), Math.ulp((float) dev)) : Math.max(Math.ulp(cpu), Math.ulp(dev));
        return Math.abs(cpu - dev) <= bound + ulp;
    }

    // ---------------------------------------------------------------------------------------

    private interface Check {
        boolean ok(int index, double cpu, double device);
    }

    private static void compare(String what, List<HostData> inputs, HostData cpu, HostData dev, Check check, List<String> failures) {
        assertEquals(cpu.size(), dev.size(), what);
        for (int i = 0; i < cpu.size(); i++) {
            boolean ok = cpu.dtype().isFloating() ? check.ok(i, cpu.getDouble(i), dev.getDouble(i)) : cpu.getLong(i) == dev.getLong(i);
            if (!ok) {
                int at = i;
                String operands = String.join(", ", inputs.stream().map(b -> b.size() == cpu.size() ? show(b, at) : "…").toList());
                failures.add(what + " [" + i + "] of (" + operands + "): cpu " + show(cpu, i) + ", device " + show(dev, i));
                return;   // one line per output
            }
        }
    }

    private static String show(HostData b, int i) {
        return switch (b.dtype()) {
            case F32 -> b.f32()[i] + " (0x" + Integer.toHexString(Float.floatToRawIntBits(b.f32()[i])) + ")";
            case F64 -> b.f64()[i] + " (0x" + Long.toHexString(Double.doubleToRawLongBits(b.f64()[i])) + ")";
            case I32, U32, I64, BOOL -> Long.toString(b.getLong(i));
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(b.dtype());
        };
    }

    /** Each case's operands, and its results on the CPU interpreter and on the device. */
    private record Results(List<List<HostData>> inputs, List<List<HostData>> cpu, List<List<HostData>> device) {}

    /** Runs every case's loop on the CPU interpreter, and all of them as one call on the device. */
    private static Results run(List<RenderCases.Case> cases) {
        return run(cases, true);
    }

    private static Results run(List<RenderCases.Case> cases, boolean fp64) {
        PoCl.assumeAvailable();
        List<List<HostData>> inputs = new ArrayList<>(), cpu = new ArrayList<>();
        List<HostData> allInputs = new ArrayList<>();
        List<ShapedArray> allOut = new ArrayList<>();
        List<Launch> launches = new ArrayList<>();
        for (RenderCases.Case c : cases) {
            Step.FusedLoop loop = c.loop();
            List<HostData> in = new ArrayList<>();
            for (int k = 0; k < loop.inputs().size(); k++) {
                ShapedArray a = loop.inputs().get(k).aval();
                in.add(DeviceInputs.of(a.dtype(), a.size(), RNG, k, loop.inputs().size()));
            }
            inputs.add(in);
            cpu.add(interpret(loop, in));
            int inBase = allInputs.size(), outBase = allOut.size();
            allInputs.addAll(in);
            for (Step.Store s : loop.stores()) allOut.add(s.target().aval());
            for (Launch l : LoopRenderer.render(loop, Dialect.OPENCL, fp64).launches()) {
                launches.add(new Launch(l.kernel(), l.global(), l.local(), l.args().map(a -> switch (a) {
                    case KernelArg.In(int i) -> new KernelArg.In(inBase + i);
                    case KernelArg.Out(int o) -> new KernelArg.Out(outBase + o);
                    case KernelArg.Temp _, KernelArg.I32 _, KernelArg.I64 _, KernelArg.F32 _, KernelArg.F64 _ -> a;
                })));
            }
        }
        DeviceCall call = new DeviceCall(Vector.ofAll(launches), Vector.empty(), Vector.fill(allOut.size(), -1));
        List<HostData> all = PoCl.run(call, allInputs, allOut);
        List<List<HostData>> device = new ArrayList<>();
        int o = 0;
        for (RenderCases.Case c : cases) {
            int n = c.loop().stores().size();
            device.add(all.subList(o, o + n));
            o += n;
        }
        return new Results(inputs, cpu, device);
    }

    private static List<HostData> interpret(Step.FusedLoop loop, List<HostData> in) {
        List<HostData> out = loop.stores().map(s -> HostData.allocate(s.target().aval().dtype(), s.target().aval().size())).toJavaList();
        CpuKernels.interpret(loop, Vector.ofAll(in), Vector.ofAll(out));
        return out;
    }
}
