package dev.jaxj.accel.cuda;

import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.device.Dialect;
import dev.jaxj.accel.device.Launch;
import dev.jaxj.accel.device.library.LibraryKernels;
import dev.jaxj.accel.device.render.LoopRenderer;
import dev.jaxj.compiler.kernel.BufferPlan;
import dev.jaxj.compiler.kernel.Fusion;
import dev.jaxj.compiler.kernel.KernelProgram;
import dev.jaxj.compiler.kernel.Step;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Lit;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * Programs for the CUDA tests: whole functions lowered by {@link Fusion} (an elementwise
 * chain, a matmul, reductions, a softmax, a scan), and one equation of each library family on
 * the dtypes it takes, lowered by {@link LibraryKernels}.
 */
final class CudaPrograms {
    private CudaPrograms() {}

    /** A program and a name for messages. */
    record Program(String name, Jaxpr jaxpr) {
        BufferPlan plan() { return BufferPlan.of(Fusion.lower(jaxpr)); }

        @Override public String toString() { return name; }
    }

    private static ShapedArray f32(int... dims) { return ShapedArray.of(DType.F32, dims); }

    /** {@code z = max(exp(x) * y + sin(x), 0)}, then {@code i = convert<i32>(z * 100)}, {@code w = z - mean-free y}: f32[64, 33]. */
    static Program elementwiseChain() {
        var a = f32(64, 33);
        return new Program("elementwise chain", Jaxpr.build(Vector.of(a, a), b -> {
            Var e = b.add(new Mul(), b.add(new Exp(), b.in(0)).head(), b.in(1)).head();
            Var z = b.add(new Add(), e, b.add(new Sin(), b.in(0)).head()).head();
            Var zero = b.add(new BroadcastInDim(a.shape(), Vector.empty()), new Lit(0.0, ShapedArray.of(DType.F32))).head();
            Var r = b.add(new Max(), z, zero).head();
            Var hundred = b.add(new BroadcastInDim(a.shape(), Vector.empty()), new Lit(100.0, ShapedArray.of(DType.F32))).head();
            Var i = b.add(new ConvertElementType(DType.I32, false), b.add(new Mul(), r, hundred).head()).head();
            return Vector.of(r, i, b.add(new Sub(), r, b.in(1)).head());
        }).typecheck());
    }

    /** {@code x @ w + bias}: f32[48, 40] @ f32[40, 36], bias broadcast along rows. */
    static Program matmul() {
        return new Program("matmul", Jaxpr.build(Vector.of(f32(48, 40), f32(40, 36), f32(36)), b -> {
            var dn = new DotDimensionNumbers(Vector.of(1), Vector.of(0), Vector.empty(), Vector.empty());
            Var y = b.add(new DotGeneral(dn, Option.none()), b.in(0), b.in(1)).head();
            return Vector.of(b.add(new Add(), y, b.add(new BroadcastInDim(Shape.of(48, 36), Vector.of(1)), b.in(2)).head()).head());
        }).typecheck());
    }

    /** Row sums and column maxima of f32[30, 500], and the sum of all elements of f64[7, 9]. */
    static Program reductions() {
        return new Program("reductions", Jaxpr.build(Vector.of(f32(30, 500), ShapedArray.of(DType.F64, 7, 9)), b -> Vector.of(
                b.add(new ReduceSum(Vector.of(1)), b.in(0)).head(),
                b.add(new ReduceMax(Vector.of(0)), b.in(0)).head(),
                b.add(new ReduceSum(Vector.of(0, 1)), b.in(1)).head())).typecheck());
    }

    /** {@code softmax(x + bias)} along rows of f32[rows, cols], and the row sums of the exponentials. */
    static Program softmax(int rows, int cols) {
        Shape dom = Shape.of(rows, cols);
        return new Program("softmax " + dom, Jaxpr.build(Vector.of(f32(rows, cols), f32(cols)), b -> {
            Var h = b.add(new Add(), b.in(0), b.add(new BroadcastInDim(dom, Vector.of(1)), b.in(1)).head()).head();
            Var m = b.add(new ReduceMax(Vector.of(1)), h).head();
            Var e = b.add(new Exp(), b.add(new Sub(), h, b.add(new BroadcastInDim(dom, Vector.of(0)), m).head()).head()).head();
            Var sum = b.add(new ReduceSum(Vector.of(1)), e).head();
            return Vector.of(b.add(new Div(), e, b.add(new BroadcastInDim(dom, Vector.of(0)), sum).head()).head(), sum);
        }).typecheck());
    }

    /** A recurrent scan over xs:f32[n, 8] with carry c:f32[8] and weight w:f32[8]: {@code c' = tanh(c * w + x)}, {@code y = 2 c'}. */
    static Program scan(int n) {
        var v = f32(8);
        Jaxpr body = Jaxpr.build(Vector.of(v, v, v), b -> {
            Var c = b.add(new Tanh(), b.add(new Add(), b.add(new Mul(), b.in(1), b.in(0)).head(), b.in(2)).head()).head();
            Var two = b.add(new BroadcastInDim(v.shape(), Vector.empty()), new Lit(2.0, ShapedArray.of(DType.F32))).head();
            return Vector.of(c, b.add(new Mul(), c, two).head());
        });
        return new Program("scan " + n, Jaxpr.build(Vector.of(v, v, f32(n, 8)), b ->
                b.addAll(new Scan(body, n, false, 1, 1, 1), b.in(0), b.in(1), b.in(2))).typecheck());
    }

    static List<Program> programs() {
        return List.of(elementwiseChain(), matmul(), reductions(), softmax(6, 130), softmax(9, 20), scan(16));
    }

    /** {@return every device call of {@code program}'s steps, those of its loops' and branches' programs included}, rendered as CUDA C */
    static List<DeviceCall> calls(KernelProgram program) {
        List<DeviceCall> out = new ArrayList<>();
        for (Step s : program.steps()) {
            switch (s) {
                case Step.FusedLoop f -> out.add(LoopRenderer.render(f, Dialect.CUDA));
                case Step.LibraryCall c -> out.add(LibraryKernels.lower(c.eqn(), Dialect.CUDA));
                case Step.Nested n -> n.programs().forEach(p -> out.addAll(calls(p.program())));
            }
        }
        return out;
    }

    /** One equation of {@code p} on operands of {@code in}, lowered for CUDA. */
    static DeviceCall library(Primitive p, ShapedArray... in) {
        Jaxpr j = Jaxpr.build(Vector.of(in), b -> b.addAll(p, Vector.range(0, in.length).map(b::in).toJavaArray(Var[]::new))).typecheck();
        return LibraryKernels.lower(j.eqns().single(), Dialect.CUDA);
    }

    /** One call per library family and dtype it takes (shapes small: these are compiled, not run). */
    static List<DeviceCall> libraryCalls() {
        List<DeviceCall> out = new ArrayList<>();
        var rows = new DotDimensionNumbers(Vector.of(1), Vector.of(0), Vector.empty(), Vector.empty());
        var batched = new DotDimensionNumbers(Vector.of(2), Vector.of(1), Vector.of(0), Vector.of(0));
        for (DType d : List.of(DType.F32, DType.F64, DType.I32, DType.I64, DType.U32)) {
            // Moves (transpose, concatenate, rev, …) are fused loops; the dynamic slices stay library kernels.
            out.add(library(new DynamicSlice(Vector.of(2, 3)), ShapedArray.of(d, 5, 6), ShapedArray.of(DType.I32), ShapedArray.of(DType.I64)));
            out.add(library(new DynamicUpdateSlice(), ShapedArray.of(d, 5, 6), ShapedArray.of(d, 2, 3), ShapedArray.of(DType.U32), ShapedArray.of(DType.I32)));
            out.add(library(new Argmax(1, DType.I32), ShapedArray.of(d, 6, 41)));
            out.add(library(new Argmin(0, DType.I64), ShapedArray.of(d, 41, 3)));
            out.add(library(new Cumsum(1, false), ShapedArray.of(d, 9, 70)));
            out.add(library(new Cummax(0, true), ShapedArray.of(d, 9, 7)));
            out.add(library(new ReduceSum(Vector.of(1)), ShapedArray.of(d, 5, 300)));
            out.add(library(new ReduceMin(Vector.of(0)), ShapedArray.of(d, 5, 3)));
            out.add(library(new Sort(1, true, 1), ShapedArray.of(d, 5, 100)));
            out.add(library(new Sort(0, true, 1), ShapedArray.of(d, 40), ShapedArray.of(DType.I32, 40)));
            out.add(library(new DotGeneral(rows, Option.none()), ShapedArray.of(d, 12, 10), ShapedArray.of(d, 10, 9)));
            out.add(library(new DotGeneral(batched, Option.none()), ShapedArray.of(d, 2, 5, 7), ShapedArray.of(d, 2, 7, 3)));
        }
        for (DType d : List.of(DType.F32, DType.F64)) {
            var nchw = ConvDimensionNumbers.channelsFirst(2);
            var same = Vector.fill(2, new Padding(1, 1));
            out.add(library(new ConvGeneralDilated(Vector.of(1, 1), same, Vector.of(1, 1), Vector.of(1, 1), nchw, 1, 1, Option.none()),
                    ShapedArray.of(d, 2, 3, 9, 9), ShapedArray.of(d, 4, 3, 3, 3)));
            var pool = new WindowConfig(Vector.of(1, 3, 3), Vector.of(1, 2, 2), Vector.of(new Padding(0, 0), new Padding(1, 1), new Padding(1, 1)),
                    Vector.of(1, 1, 1), Vector.of(1, 1, 1));
            out.add(library(new ReduceWindowMax(pool), ShapedArray.of(d, 2, 9, 9)));
            out.add(library(new ReduceWindowSum(pool), ShapedArray.of(d, 2, 9, 9)));
            var gather = new GatherDimensionNumbers(Vector.of(1), Vector.of(0), Vector.of(0), Vector.empty(), Vector.empty());
            out.add(library(new Gather(gather, Vector.of(1, 3), GatherScatterMode.CLIP), ShapedArray.of(d, 5, 3), ShapedArray.of(DType.I32, 4, 1)));
            var scatter = new ScatterDimensionNumbers(Vector.of(1), Vector.of(0), Vector.of(0), Vector.empty(), Vector.empty());
            out.add(library(new ScatterAdd(scatter, GatherScatterMode.FILL_OR_DROP), ShapedArray.of(d, 5, 3), ShapedArray.of(DType.I32, 4, 1), ShapedArray.of(d, 4, 3)));
            out.add(library(new Scatter(scatter, GatherScatterMode.CLIP), ShapedArray.of(d, 5, 3), ShapedArray.of(DType.I32, 4, 1), ShapedArray.of(d, 4, 3)));
        }
        var bits = ShapedArray.of(DType.U32, 8);
        out.add(library(new Threefry2x32(), bits, bits, bits, bits));
        return out;
    }

    /** {@return the launches of {@code calls}} */
    static List<Launch> launches(List<DeviceCall> calls) {
        List<Launch> out = new ArrayList<>();
        for (DeviceCall c : calls) c.launches().forEach(out::add);
        return out;
    }

    static Seq<ShapedArray> avals(Jaxpr j) { return j.inVars().map(Var::aval); }
}
