package dev.jaxj.accel.device.library;

import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.device.Dialect;
import dev.jaxj.accel.device.render.LoopRenderer;
import dev.jaxj.compiler.kernel.IndexMap;
import dev.jaxj.compiler.kernel.Node;
import dev.jaxj.compiler.kernel.Step;
import dev.jaxj.errors.BackendError;
import dev.jaxj.ir.Atom;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Primitive;
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
 * DeviceCall call = LibraryKernels.lower(eqn, Dialect.OPENCL);   // eqn: a library call's equation
 * }
 */
public final class LibraryKernels {
    private LibraryKernels() {}

    /**
     * {@return the launches computing {@code eqn}} (its operands' and results' avals fix the shapes)
     * @throws BackendError for a primitive that never runs as a kernel (loops and branches, staged linear maps)
     */
    public static DeviceCall lower(Eqn eqn, Dialect dialect) {
        Seq<ShapedArray> in = eqn.in().map(Atom::aval), out = eqn.out().map(Var::aval);
        return switch (eqn.prim()) {
            // Fusion keeps an elementwise primitive out of a loop only where it must (a copy): one-node loop.
            case Elementwise e -> LoopRenderer.render(alone(e, in, out.single()), dialect);
            case Structural s -> StructuralKernels.lower(s, in, out);
            case StopGradient s -> StructuralKernels.lower(s, in, out);
            case Reduction r -> ReductionKernels.lower(r, in, out);
            case ArgReduction a -> ArgReductionKernels.lower(a, in, out);
            case Cumulative c -> CumulativeKernels.lower(c, in, out);
            case DotGeneral d -> DotGeneralKernels.lower(d, in, out);
            case ConvGeneralDilated c -> ConvKernels.lower(c, in, out);
            case ReduceWindow w -> ReduceWindowKernels.lower(w, in, out);
            case Sort s -> SortKernels.lower(s, in, out);
            case Threefry2x32 t -> ThreefryKernels.lower(t, in, out);
            case CustomVjpLinear c -> throw new BackendError(c.name(), "is a staged linear map and runs only under a transform (it is transposed, never executed)");
            case ControlFlow c -> throw new BackendError(c.name(), "runs its programs through the plan runner, not as one kernel");
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
