package dev.jaxj.compiler.kernel;

import dev.jaxj.ir.Atom;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.HashMap;
import java.util.Map;

/**
 * A program lowered for execution: the source {@link Jaxpr}'s inputs and outputs, and the
 * steps that compute the outputs — library calls, fused loops, and loops and branches holding
 * kernel programs of their own, in an order that respects their dependencies. Backend-neutral: the CPU compiles each fused loop to JVM bytecode; another
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
     * {@return the program as text}, one line per step (a loop or branch followed by its
     * programs, indented), e.g.
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
                case Step.Nested n -> {
                    sb.append(n.outputs().map(v -> name(names, v)).mkString(" ")).append(" = ").append(header(n)).append(' ')
                            .append(n.eqn().in().map(a -> atom(names, a)).mkString(" ")).append('\n');
                    // A nested program is closed: its variables are its own, named afresh.
                    for (int i = 0; i < n.programs().size(); i++) {
                        sb.append("  ").append(programLabel(n, i)).append(":\n").append(n.programs().get(i).program().toString().indent(4));
                    }
                }
            }
        }
        return sb.append("out (").append(source.outs().map(a -> atom(names, a)).mkString(", ")).append(")").toString();
    }

    /** {@return how many steps and loop nodes the program has, counting those of nested programs} (a measure of its size) */
    public int size() {
        int n = 0;
        for (Step s : steps) {
            n += 1 + switch (s) {
                case Step.LibraryCall _ -> 0;
                case Step.FusedLoop f -> f.nodes().size();
                case Step.Nested nested -> nested.programs().map(p -> p.program().size()).sum().intValue();
            };
        }
        return n;
    }

    /** The primitive and the static params that shape a run, e.g. {@code scan[length=64]}. */
    private static String header(Step.Nested n) {
        return switch (n.primitive()) {
            case Primitive.Cond _ -> "cond";
            case Primitive.Scan s -> "scan[length=" + s.length() + (s.reverse() ? " reverse" : "") + "]";
            case Primitive.While w -> w.bounded() ? "while[max_steps=" + w.maxSteps() + "]" : "while";
            case Primitive.Remat _, Primitive.CustomJvpCall _, Primitive.CustomVjpCall _, Primitive.Pjit _ -> throw Nesting.inlined(n.primitive());
        };
    }

    /** {@return the name of program {@code i} of a nested step}: {@code body}, {@code cond} or {@code branch i} */
    static String programLabel(Step.Nested n, int i) {
        return switch (n.primitive()) {
            case Primitive.Cond _ -> "branch " + i;
            case Primitive.Scan _ -> "body";
            case Primitive.While _ -> i == 0 ? "cond" : "body";
            case Primitive.Remat _, Primitive.CustomJvpCall _, Primitive.CustomVjpCall _, Primitive.Pjit _ -> throw Nesting.inlined(n.primitive());
        };
    }

    private static String node(Map<Var, String> names, Step.FusedLoop f, Node n) {
        return switch (n) {
            case Node.Load l -> "load " + name(names, f.inputs().get(l.input())) + " " + l.map();
            case Node.BoundedLoad b -> "load " + name(names, f.inputs().get(b.input())) + " " + b.map() + " where "
                    + b.bounds().map(x -> x.lo() + ":" + x.step() + ":" + x.count()).mkString("[", ", ", "]") + " else " + b.fill();
            case Node.Iota i -> "iota " + i.axis() + ":" + i.aval().dtype();
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
