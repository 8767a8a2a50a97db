package dev.jaxj.accel.device.library;

import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.device.Dialect;
import dev.jaxj.accel.device.render.LoopRenderer;
import dev.jaxj.compiler.kernel.IndexMap;
import dev.jaxj.compiler.kernel.Node;
import dev.jaxj.compiler.kernel.Step;
import dev.jaxj.errors.BackendError;
import dev.jaxj.ir.Atom;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * The library kernels of a device backend, one family per primitive family: what a program's
 * {@link Step.LibraryCall}s lower to. One exhaustive switch, so a new primitive is a compile
 * error here until a device can run it.
 * {@snippet :
 * DeviceCall call = LibraryKernels.lower(eqn, Dialect.OPENCL, device.fp64());   // eqn: a library call's equation
 * }
 *
 * <p>On a device without fp64 (OpenCL's {@code cl_khr_fp64}) no kernel computes in double:
 * f32 folds that the CPU widens accumulate in float instead (sums compensated), as each
 * family states, and an equation with f64 operands or results is refused.
 */
public final class LibraryKernels {
    private LibraryKernels() {}

    /**
     * {@return the launches computing {@code eqn}} on a device with fp64 (its operands' and
     * results' avals fix the shapes); see {@link #lower(Eqn, Dialect, boolean)}
     */
    public static DeviceCall lower(Eqn eqn, Dialect dialect) {
        return lower(eqn, dialect, true);
    }

    /**
     * {@return the launches computing {@code eqn}} (its operands' and results' avals fix the shapes)
     *
     * @param fp64 whether the device computes in double; without it no kernel uses {@code double}
     * @throws BackendError for a primitive that never runs as a kernel (loops and branches, staged
     *                      linear maps), or, without fp64, for an equation with f64 operands or results
     */
    public static DeviceCall lower(Eqn eqn, Dialect dialect, boolean fp64) {
        Seq<ShapedArray> in = eqn.in().map(Atom::aval), out = eqn.out().map(Var::aval);
        if (!fp64 && in.appendAll(out).exists(a -> a.dtype() == DType.F64)) {
            throw new BackendError(eqn.prim().name(), "computes in f64, which needs a device with fp64 (OpenCL's cl_khr_fp64), got "
                    + in.mkString(", ") + " -> " + out.mkString(", ") + ": use f32 on this device", eqn.where(), null);
        }
        if (in.appendAll(out).exists(a -> !a.dtype().isComputeType() || a.dtype().isComplex())) {
            throw new BackendError(eqn.prim().name(), "computes with " + in.appendAll(out).map(a -> a.dtype()).filter(d -> !d.isComputeType() || d.isComplex()).distinct().mkString(", ")
                    + " on the CPU backend only for now, got " + in.mkString(", ") + " -> " + out.mkString(", ") + ": run it with jaxj.platform=cpu", eqn.where(), null);
        }
        return switch (eqn.prim()) {
            // Fusion keeps an elementwise primitive out of a loop only where it must (a copy): one-node loop.
            case Elementwise e -> LoopRenderer.render(alone(e, in, out.single()), dialect, fp64);
            case Structural s -> StructuralKernels.lower(s, in, out);
            case StopGradient s -> StructuralKernels.lower(s, in, out);
            case Reduction r -> ReductionKernels.lower(r, in, out, fp64);
            case ArgReduction a -> ArgReductionKernels.lower(a, in, out);
            case Cumulative c -> CumulativeKernels.lower(c, in, out, fp64);
            case DotGeneral d -> DotGeneralKernels.lower(d, in, out);
            case ConvGeneralDilated c -> ConvKernels.lower(c, in, out, fp64);
            case ReduceWindow w -> ReduceWindowKernels.lower(w, in, out, fp64);
            case Sort s -> SortKernels.lower(s, in, out);
            case Threefry2x32 t -> ThreefryKernels.lower(t, in, out);
            // Float formats
            case ReducePrecision r -> throw new BackendError(r.name(), "runs on the CPU backend only", null, null);
            case Elimination e -> throw new BackendError(e.name(), "runs on the CPU backend only", null, null);
            case CustomVjpLinear c -> throw new BackendError(c.name(), "is a staged linear map and runs only under a transform (it is transposed, never executed)");
            case ControlFlow c -> throw new BackendError(c.name(), "runs its programs through the plan runner, not as one kernel");
            // QR, symmetric eigendecomposition, SVD
            case Orthogonal f -> throw new BackendError(f.name(), "runs on the CPU backend only", null, null);
            // Fast Fourier transforms
            case Fft f -> throw new BackendError(f.name(), "runs on the CPU backend only", null, null);
            // General eigendecomposition
            case Eig e -> throw new BackendError(e.name(), "runs on the CPU backend only", null, null);
        };
    }

    /** A loop applying {@code e} at every point of the result: operands of the result's shape read densely, scalars broadcast. */
    private static Step.FusedLoop alone(Elementwise e, Seq<ShapedArray> in, ShapedArray out) {
        Shape domain = out.shape();
        Seq<Node> loads = Vector.range(0, in.size()).map(i -> (Node) new Node.Load(i,
                in.get(i).rank() == 0 ? IndexMap.of(new int[domain.rank()]) : IndexMap.dense(domain), in.get(i).withShape(domain)));
        Node apply = new Node.Apply(e, Vector.range(0, in.size()), out);
        // The loop's variables only name its buffers here: the call binds them by position.
        Seq<Var> inputs = Vector.range(0, in.size()).map(i -> new Var(i, in.get(i)));
        return new Step.FusedLoop(e.name(), inputs, domain, 0, loads.append(apply), Vector.of(new Step.Store(in.size(), new Var(in.size(), out))));
    }
}
