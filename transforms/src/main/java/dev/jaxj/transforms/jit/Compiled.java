package dev.jaxj.transforms.jit;

import dev.jaxj.array.Array;
import dev.jaxj.array.Executor;
import dev.jaxj.compiler.kernel.Fusion;
import dev.jaxj.compiler.kernel.KernelProgram;
import dev.jaxj.compiler.pass.Closed;
import dev.jaxj.compiler.pass.Passes;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.transforms.partial.Staged;
import io.vavr.collection.Seq;

/**
 * A staged program compiled for concrete inputs of the avals it was traced for: typechecked,
 * then lowered to fused loops and library calls.
 *
 * @param kernels      the lowered program
 * @param consts       the values of its constants
 * @param outStructure how the caller rebuilds outputs (a {@code TreeDef}), opaque here
 */
public record Compiled(KernelProgram kernels, Seq<Array> consts, Object outStructure) {
    /** Checks, optimises ({@link Passes#forExecution()}) and lowers a staged program. */
    public static Compiled of(Staged staged, Object outStructure) {
        Closed<Array> program = Passes.forExecution().<Array>closed().apply(new Closed<>(staged.jaxpr().typecheck(), staged.consts()));
        return new Compiled(Fusion.lower(program.jaxpr().typecheck()), program.consts(), outStructure);
    }

    public Jaxpr jaxpr() { return kernels.source(); }

    /** {@return the outputs for the given concrete inputs} */
    public Seq<Array> run(Seq<Array> args) {
        return Executor.run(kernels, consts, args);
    }
}
