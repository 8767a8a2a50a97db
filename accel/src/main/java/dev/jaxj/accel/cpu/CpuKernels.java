package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.compiler.kernel.Step;
import dev.jaxj.errors.BackendError;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * The CPU's library kernels, one entry per primitive family: the reference implementation of
 * every primitive for every dtype its rule accepts, against which other backends are tested.
 */
public final class CpuKernels {
    private CpuKernels() {}

    /**
     * {@return the results of {@code p}} on host data; shape and dtype checks have passed, so
     * {@code outAvals} is the primitive's {@code abstractEval}. A result may be an operand's own
     * data (a reshape): callers compare by identity.
     */
    public static Seq<HostData> execute(Primitive p, Seq<ShapedArray> inAvals, Seq<HostData> in, Seq<ShapedArray> outAvals) {
        Vector<HostData> h = Vector.ofAll(in);
        ShapedArray out = outAvals.head();
        Seq<HostData> r = switch (p) {
            case Unary u -> Vector.of(ElementwiseKernels.unary(u, h.get(0), out));
            case Binary b -> Vector.of(ElementwiseKernels.binary(b, h.get(0), h.get(1), out));
            case SelectN _ -> Vector.of(ElementwiseKernels.selectN(h.get(0), h.tail(), out));
            case Clamp _ -> Vector.of(ElementwiseKernels.clamp(h.get(0), h.get(1), h.get(2), out));
            // Buffers are immutable, so shape-only changes share storage.
            case Reshape _, Squeeze _, ExpandDims _ -> Vector.of(h.get(0));
            case BroadcastInDim b -> Vector.of(StructuralKernels.broadcastInDim(b, inAvals.get(0), h.get(0), out));
            case Transpose t -> Vector.of(StructuralKernels.transpose(t, inAvals.get(0), h.get(0), out));
            case Rev rv -> Vector.of(StructuralKernels.rev(rv, inAvals.get(0), h.get(0)));
            case Slice s -> Vector.of(StructuralKernels.slice(s, inAvals.get(0), h.get(0), out));
            case DynamicSlice d -> Vector.of(StructuralKernels.dynamicSlice(d, inAvals.get(0), h.get(0), h.tail(), out));
            case DynamicUpdateSlice _ -> Vector.of(StructuralKernels.dynamicUpdateSlice(inAvals.get(0), h.get(0), inAvals.get(1), h.get(1), h.drop(2)));
            case Concatenate c -> Vector.of(StructuralKernels.concatenate(c, inAvals, h, out));
            case Pad pd -> Vector.of(StructuralKernels.pad(pd, inAvals.get(0), h.get(0), h.get(1), out));
            case Iota i -> Vector.of(StructuralKernels.iota(i, out));
            case Gather g -> Vector.of(GatherScatterKernels.gather(g, inAvals.get(0), h.get(0), inAvals.get(1), h.get(1), out));
            case ScatterFamily s -> Vector.of(GatherScatterKernels.scatter(s, inAvals.get(0), h.get(0), inAvals.get(1), h.get(1), inAvals.get(2), h.get(2)));
            case Reduction rd -> Vector.of(ReductionKernels.reduce(rd, inAvals.get(0), h.get(0), out));
            case ArgReduction a -> Vector.of(ReductionKernels.argReduce(a, inAvals.get(0), h.get(0), out));
            case Cumulative c -> Vector.of(ReductionKernels.cumulative(c, inAvals.get(0), h.get(0)));
            case DotGeneral d -> Vector.of(DotKernels.dotGeneral(d, inAvals.get(0), h.get(0), inAvals.get(1), h.get(1), out));
            case ConvGeneralDilated c -> Vector.of(ConvKernels.conv(c, inAvals.get(0), h.get(0), inAvals.get(1), h.get(1), out));
            case ReduceWindow w -> Vector.of(ConvKernels.reduceWindow(w, inAvals.get(0), h.get(0), out));
            case Sort s -> SortKernels.sort(s, inAvals.get(0), h);
            case StopGradient _ -> Vector.of(h.get(0));
            // The lowering of complex arithmetic reads and writes complex storage through these views: no copy.
            case ViewAsReal _, ViewAsComplex _ -> Vector.of(h.get(0).retype(out.dtype()));
            case CustomVjpLinear c -> throw new BackendError(c.name(), "is a staged linear map and runs only under a transform (it is transposed, never executed)");
            case Threefry2x32 _ -> ThreefryKernel.threefry2x32(h.get(0), h.get(1), h.get(2), h.get(3));
            // Float formats
            case ReducePrecision rp -> Vector.of(ReducePrecisionKernel.apply(rp, h.get(0)));
            case Elimination e -> LinalgKernels.run(e, inAvals, h);
            // Loops and branches are driven by the plan runner, which runs their programs' steps here.
            case ControlFlow c -> throw new BackendError(c.name(), "runs its programs through the executor, not as one kernel");
            // QR, symmetric eigendecomposition, SVD
            case Orthogonal o -> OrthogonalKernels.execute(o, inAvals.get(0), h.get(0), outAvals);
            // Fast Fourier transforms
            case Fft f -> Vector.of(FftKernel.fft(f, inAvals.get(0), h.get(0), out));
            // General eigendecomposition
            case Eig e -> EigKernels.execute(e, inAvals.get(0), h.get(0), outAvals);
        };
        // A kernel with nothing to do (an empty window, a reduction over no axes) may wrap its
        // operand's own array anew: return the operand's buffer itself then, whose sharing the
        // executor sees and never overwrites.
        return r.map(b -> operandSharing(h, b));
    }

    /**
     * Runs a fused loop in the interpreter, the reference semantics of every loop the compiler
     * fuses, writing one result per store into {@code outputs} (sized for them).
     */
    public static void interpret(Step.FusedLoop loop, Seq<HostData> inputs, Seq<HostData> outputs) {
        FusedLoopRunner.run(loop, Vector.ofAll(inputs), Vector.ofAll(outputs));
    }

    private static HostData operandSharing(Seq<HostData> operands, HostData result) {
        for (HostData x : operands) {
            if (x != result && x.array() == result.array() && x.dtype() == result.dtype() && x.size() == result.size()) return x;
        }
        return result;
    }
}
