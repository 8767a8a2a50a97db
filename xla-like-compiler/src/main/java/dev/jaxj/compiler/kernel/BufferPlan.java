package dev.jaxj.compiler.kernel;

import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.HashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Where every result of a {@link KernelProgram} lives: a fused loop's output goes into a fresh
 * buffer or into the buffer of a value that is dead by then (a temporary, or an input the
 * caller donated); a library call allocates its own results, except that a shape-only call
 * may return its operand's buffer itself, so its result is an alias that keeps the operand
 * alive. Planned once per compiled program; a run only looks the decisions up.
 * {@snippet lang=text :
 * plan    ::= ["donated (" var* ")"] line*
 * line    ::= loop ": out " var (" fresh" | " reuses " var)
 *           | primitive ": " var " aliases " var
 *           | control " " program ":" plan        (indented; a nested program's own names)
 * }
 * Rules: a program output, a constant and an input that is not donated are never overwritten;
 * buffers are reused only for the same dtype and element count; a loop writes over one of its
 * own inputs only where the backend allows it: dense loads alone, and no load stored unchanged.
 *
 * @param program the planned program
 * @param donated positions of the program inputs whose buffers may be overwritten, ascending
 * @param targets one entry per step of {@code program}, one target per output of the step
 * @param slots   the number of slots (buffers) the plan numbers
 */
public record BufferPlan(KernelProgram program, Seq<Integer> donated, Seq<Seq<Target>> targets, int slots) {
    public BufferPlan {
        requireNonNull(program, "program is null");
        donated = Vector.ofAll(donated).sorted().distinct();
        targets = Vector.ofAll(targets).map(Vector::ofAll);
        if (targets.size() != program.steps().size()) {
            throw new IllegalArgumentException("a plan needs one entry per step, got " + targets.size() + " for " + program.steps().size());
        }
    }

    /**
     * Where one output of a step is written. Buffers are numbered slots: the constants' first,
     * then the inputs', then one per new buffer, so that a run keeps one buffer per slot.
     */
    public sealed interface Target {
        /** A new buffer from the backend, for slot {@code slot}. */
        record Fresh(int slot) implements Target {}

        /** The buffer of slot {@code slot}, last holding {@code previous}, whose value (and every alias of it) is dead after this step. */
        record Reuse(int slot, Var previous) implements Target {
            public Reuse { requireNonNull(previous, "previous is null"); }
        }

        /** A buffer the library call allocates itself, for slot {@code slot}. */
        record Library(int slot) implements Target {}

        /** Possibly the buffer of {@code operand} itself: the output is planned as an alias of it. */
        record Alias(Var operand) implements Target {
            public Alias { requireNonNull(operand, "operand is null"); }
        }
    }

    /**
     * {@return the plan for {@code program}} where the inputs at positions {@code donated} may
     * be overwritten once nothing reads them any more.
     * {@snippet :
     * BufferPlan plan = BufferPlan.of(Fusion.lower(jaxpr), Vector.of(0));   // donate input 0
     * }
     *
     * @throws IllegalArgumentException when a donated position is not an input of the program
     */
    public static BufferPlan of(KernelProgram program, Seq<Integer> donated) {
        int inputs = program.source().inVars().size();
        for (int d : donated) {
            if (d < 0 || d >= inputs) throw new IllegalArgumentException("donated input " + d + " is not one of the program's " + inputs + " inputs");
        }
        return new BufferPlanner(program, donated).plan();
    }

    /** {@return the plan donating nothing} */
    public static BufferPlan of(KernelProgram program) {
        return of(program, Vector.empty());
    }

    /** {@return the slot of constant {@code i}} */
    public int constSlot(int i) { return i; }

    /** {@return the slot of input {@code i}} */
    public int inputSlot(int i) { return program.source().constVars().size() + i; }

    /** {@return how many fused-loop outputs are written into an existing buffer} */
    public int reuses() {
        return targets.map(t -> t.count(x -> x instanceof Target.Reuse)).sum().intValue();
    }

    /** {@return the plan as text}, names as in {@link KernelProgram#toString()} */
    @Override
    public String toString() {
        Map<Var, String> names = names(program);
        var sb = new StringBuilder();
        Jaxpr j = program.source();
        if (!donated.isEmpty()) sb.append("donated (").append(donated.map(i -> names.get(j.inVars().get(i))).mkString(", ")).append(")\n");
        for (int k = 0; k < targets.size(); k++) {
            Step step = program.steps().get(k);
            Seq<Var> outs = step.outputs();
            for (int o = 0; o < outs.size(); o++) {
                String out = names.get(outs.get(o));
                switch (targets.get(k).get(o)) {
                    case Target.Fresh _ -> sb.append(label(step)).append(": out ").append(out).append(" fresh\n");
                    case Target.Reuse r -> sb.append(label(step)).append(": out ").append(out).append(" reuses ").append(names.get(r.previous())).append('\n');
                    case Target.Alias a -> sb.append(label(step)).append(": ").append(out).append(" aliases ").append(names.get(a.operand())).append('\n');
                    case Target.Library _ -> { }
                }
            }
            if (step instanceof Step.Nested n) {
                for (int i = 0; i < n.programs().size(); i++) {
                    String inner = n.programs().get(i).toString();
                    if (!inner.isEmpty()) sb.append(label(step)).append(' ').append(KernelProgram.programLabel(n, i)).append(":\n").append(inner.indent(2));
                }
            }
        }
        return sb.isEmpty() ? "" : sb.substring(0, sb.length() - 1);
    }

    private static String label(Step s) {
        return switch (s) {
            case Step.FusedLoop f -> f.name();
            case Step.LibraryCall c -> c.eqn().prim().name();
            case Step.Nested n -> n.eqn().prim().name();
        };
    }

    /** Letters in order of definition: constants, inputs, then each step's outputs — the order the program text names them. */
    private static Map<Var, String> names(KernelProgram program) {
        Map<Var, String> names = new HashMap<>();
        Jaxpr j = program.source();
        Seq<Var> order = j.constVars().appendAll(j.inVars()).appendAll(program.steps().flatMap(Step::outputs));
        for (Var v : order) {
            if (names.containsKey(v)) continue;
            var sb = new StringBuilder();
            for (int n = names.size(); ; n = n / 26) {
                sb.insert(0, (char) ('a' + n % 26));
                if (n < 26) break;
            }
            names.put(v, sb.toString());
        }
        return names;
    }
}
