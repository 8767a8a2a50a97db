package dev.jaxj.compiler.kernel;

import dev.jaxj.ir.Atom;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.HashMap;
import java.util.Map;

/**
 * A program lowered for execution: the source {@link Jaxpr}'s inputs and outputs, and the
 * steps that compute the outputs — library calls and fused loops, in an order that respects
 * their dependencies. Backend-neutral: the CPU compiles each fused loop to JVM bytecode; another
 * backend renders the same loops in its own language.
 */
public record KernelProgram(Jaxpr source, Seq<Step> steps) {
    public KernelProgram {
        steps = Vector.ofAll(steps);
    }

    /** {@return the number of fused loops} */
    public int fusedLoops() {
        return steps.count(s -> s instanceof Step.FusedLoop);
    }

    /**
     * {@return the program as text}, one line per step, e.g.
     * {@snippet lang=text :
     * fused_0 over (3,): in (a, b)
     *   0 = load a [1]
     *   1 = load b [1]
     *   2 = mul 0 1
     *   3 = tanh 2
     *   store 3 -> c
     * }
     */
    @Override
    public String toString() {
        Map<Var, String> names = new HashMap<>();
        var sb = new StringBuilder();
        for (Var v : source.constVars().appendAll(source.inVars())) name(names, v);
        for (Step s : steps) {
            switch (s) {
                case Step.LibraryCall c -> sb.append(c.eqn().out().map(v -> name(names, v)).mkString(" ")).append(" = ")
                        .append(c.eqn().prim().name()).append(' ')
                        .append(c.eqn().in().map(a -> atom(names, a)).mkString(" ")).append('\n');
                case Step.FusedLoop f -> {
                    sb.append(f.name()).append(" over ").append(f.domain());
                    if (f.reducedAxes() > 0) sb.append(" rows of last ").append(f.reducedAxes());
                    sb.append(": in (")
                            .append(f.inputs().map(v -> name(names, v)).mkString(", ")).append(")\n");
                    for (int i = 0; i < f.nodes().size(); i++) {
                        sb.append("  ").append(i).append(" = ").append(node(names, f, f.nodes().get(i))).append('\n');
                    }
                    for (Step.Store st : f.stores()) sb.append("  store ").append(st.node()).append(" -> ").append(name(names, st.target())).append('\n');
                }
            }
        }
        return sb.append("out (").append(source.outs().map(a -> atom(names, a)).mkString(", ")).append(")").toString();
    }

    private static String node(Map<Var, String> names, Step.FusedLoop f, Node n) {
        return switch (n) {
            case Node.Load l -> "load " + name(names, f.inputs().get(l.input())) + " " + l.map();
            case Node.Constant c -> "const " + c.value().doubleValue() + ":" + c.aval().dtype();
            case Node.Apply a -> a.prim().name() + " " + a.args().mkString(" ");
            case Node.Reduce r -> r.kind().name() + " " + r.arg();
        };
    }

    private static String atom(Map<Var, String> names, Atom a) {
        return switch (a) {
            case Var v -> name(names, v);
            case dev.jaxj.ir.Lit l -> l.toString();
        };
    }

    private static String name(Map<Var, String> names, Var v) {
        return names.computeIfAbsent(v, k -> {
            int n = names.size();
            var sb = new StringBuilder();
            do {
                sb.insert(0, (char) ('a' + n % 26));
                n /= 26;
            } while (n > 0);
            return sb.toString();
        });
    }
}
