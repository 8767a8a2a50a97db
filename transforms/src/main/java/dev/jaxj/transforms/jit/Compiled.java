package dev.jaxj.transforms.jit;

import dev.jaxj.accel.Backend;
import dev.jaxj.accel.Backends;
import dev.jaxj.accel.Executable;
import dev.jaxj.array.Array;
import dev.jaxj.array.Executor;
import dev.jaxj.array.Placement;
import dev.jaxj.compiler.kernel.BufferPlan;
import dev.jaxj.compiler.kernel.Fusion;
import dev.jaxj.compiler.kernel.KernelProgram;
import dev.jaxj.compiler.pass.Closed;
import dev.jaxj.compiler.pass.Passes;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.transforms.partial.Staged;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * A staged program compiled for concrete inputs of the avals it was traced for: typechecked,
 * optimised, lowered to fused loops and library calls, its buffers planned, and compiled by
 * the backend into an executable that owns its code.
 *
 * @param executable   the compiled program
 * @param consts       the values of its constants
 * @param outStructure how the caller rebuilds outputs (a {@code TreeDef}), opaque here
 */
public record Compiled(Executable executable, Seq<Array> consts, Object outStructure) {
    /** Checks, optimises ({@link Passes#forExecution()}), lowers and plans a staged program donating nothing. */
    public static Compiled of(Staged staged, Object outStructure) {
        return of(staged, outStructure, Vector.empty());
    }

    /**
     * Like {@link #of(Staged, Object)}; the flat inputs at positions {@code donated} may have
     * their buffers overwritten once the program no longer reads them.
     */
    public static Compiled of(Staged staged, Object outStructure, Seq<Integer> donated) {
        return of(staged, outStructure, donated, Backends.defaultBackend());
    }

    /**
     * Like {@link #of(Staged, Object, Seq)}, compiled for {@code backend}: the constants are
     * copied to its device once, here, so that a call moves nothing but its arguments.
     */
    public static Compiled of(Staged staged, Object outStructure, Seq<Integer> donated, Backend backend) {
        Closed<Array> program = Passes.forExecution().<Array>closed().apply(new Closed<>(staged.jaxpr().typecheck(), staged.consts()));
        KernelProgram kernels = Fusion.lower(program.jaxpr().typecheck());
        Seq<Array> consts = program.consts().map(c -> Placement.device(c).equals(backend.device()) ? c : Placement.put(c, backend.device()));
        return new Compiled(backend.compile(BufferPlan.of(kernels, donated)), consts, outStructure);
    }

    /** {@return the lowered program and where each of its results is written} */
    public BufferPlan plan() { return executable.plan(); }

    public KernelProgram kernels() { return plan().program(); }

    public Jaxpr jaxpr() { return kernels().source(); }

    /**
     * {@return the outputs for the given concrete inputs}
     *
     * @param donate whether the donated inputs are donated by this call; pass false under an
     *               outer transform, where they are left intact
     */
    public Seq<Array> run(Seq<Array> args, boolean donate) {
        return Executor.run(executable, consts, args, donate);
    }

    /** {@return the outputs for the given concrete inputs}, donating what the plan donates */
    public Seq<Array> run(Seq<Array> args) {
        return run(args, true);
    }
}
