package dev.jaxj.transforms.jit;

import dev.jaxj.array.Array;
import dev.jaxj.core.JaxprInterpreter;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.transforms.partial.Staged;
import io.vavr.collection.Seq;

/**
 * A staged program ready to run on concrete inputs of the avals it was traced for.
 *
 * @param program      the typechecked program and its constants
 * @param outStructure how the caller rebuilds outputs (a {@code TreeDef}), opaque here
 */
public record Compiled(Staged program, Object outStructure) {
    /** Checks and prepares a staged program. */
    public static Compiled of(Staged staged, Object outStructure) {
        staged.jaxpr().typecheck();
        return new Compiled(staged, outStructure);
    }

    public Jaxpr jaxpr() { return program.jaxpr(); }

    /** {@return the outputs for the given inputs} */
    public Seq<Array> run(Seq<Array> args) {
        return JaxprInterpreter.eval(program.jaxpr(), program.consts(), args);
    }
}
