package dev.jaxj.array;

import dev.jaxj.accel.Backend;
import dev.jaxj.accel.Backends;
import dev.jaxj.accel.Buffer;
import dev.jaxj.accel.cpu.HostBuffer;
import dev.jaxj.compiler.kernel.KernelProgram;
import dev.jaxj.compiler.kernel.Step;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.Atom;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Lit;

import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;

import java.util.HashMap;
import java.util.Map;

/**
 * Runs a compiled program on concrete arrays: each step goes straight to the backend with the
 * avals the program already carries, so a call costs no tracing and no shape rules.
 */
public final class Executor {
    private Executor() {}

    /** {@return the program's outputs} for its constants and concrete inputs */
    public static Seq<Array> run(KernelProgram program, Seq<Array> consts, Seq<Array> args) {
        Jaxpr j = program.source();
        if (args.size() != j.inVars().size()) {
            throw new ArgumentError("jit", "the compiled program takes " + j.inVars().size() + " inputs, got " + args.size());
        }
        Backend backend = Backends.defaultBackend();
        Map<Var, Buffer> env = new HashMap<>();
        for (int i = 0; i < consts.size(); i++) env.put(j.constVars().get(i), buffer(consts.get(i)));
        for (int i = 0; i < args.size(); i++) env.put(j.inVars().get(i), buffer(args.get(i)));
        for (Step step : program.steps()) {
            Seq<Buffer> outs = switch (step) {
                case Step.LibraryCall c -> backend.execute(c.eqn().prim(), c.eqn().in().map(Atom::aval),
                        c.eqn().in().map(a -> read(env, a)), c.eqn().out().map(Var::aval));
                case Step.FusedLoop f -> {
                    Seq<Buffer> out = f.outputs().map(v -> backend.allocate(v.aval()));
                    backend.runFused(f, f.inputs().map(env::get), out);
                    yield out;
                }
            };
            Seq<Var> vars = step.outputs();
            for (int i = 0; i < vars.size(); i++) env.put(vars.get(i), outs.get(i));
        }
        return j.outs().map(a -> new ConcreteArray(a.aval(), read(env, a)));
    }

    private static Buffer buffer(Array a) {
        return ((ConcreteArray) a).buffer();
    }

    private static Buffer read(Map<Var, Buffer> env, Atom a) {
        return switch (a) {
            case Var v -> env.get(v);
            case Lit l -> HostBuffer.filled(l.aval().dtype(), 1, l.doubleValue());
        };
    }

}
