package dev.jaxj.compiler.kernel;

import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The order in which a kernel program runs its steps. */
final class Schedule {
    private Schedule() {}

    /**
     * Orders steps so that each runs after the steps defining its inputs, otherwise keeping
     * program order: a depth-first walk with an explicit stack, since a program may chain
     * thousands of steps.
     */
    static List<Step> order(List<Step> steps) {
        Map<Var, Integer> definedBy = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) for (Var v : steps.get(i).outputs()) definedBy.put(v, i);
        List<Step> order = new ArrayList<>();
        boolean[] done = new boolean[steps.size()];
        boolean[] onPath = new boolean[steps.size()];
        List<Seq<Var>> inputsOf = steps.stream().map(Schedule::inputsOf).toList();
        ArrayDeque<int[]> path = new ArrayDeque<>();   // (step, next input to look at)
        for (int root = 0; root < steps.size(); root++) {
            if (done[root]) continue;
            path.push(new int[] {root, 0});
            onPath[root] = true;
            while (!path.isEmpty()) {
                int[] top = path.peek();
                Seq<Var> inputs = inputsOf.get(top[0]);
                if (top[1] < inputs.size()) {
                    Integer d = definedBy.get(inputs.get(top[1]++));
                    if (d == null || d == top[0] || done[d]) continue;
                    if (onPath[d]) throw new IllegalStateException("fusion produced a cyclic schedule at step " + d);
                    onPath[d] = true;
                    path.push(new int[] {d, 0});
                    continue;
                }
                path.pop();
                onPath[top[0]] = false;
                done[top[0]] = true;
                order.add(steps.get(top[0]));
            }
        }
        return order;
    }

    private static Seq<Var> inputsOf(Step s) {
        return switch (s) {
            case Step.LibraryCall c -> c.eqn().in().filter(a -> a instanceof Var).map(a -> (Var) a);
            case Step.FusedLoop f -> f.inputs();
            case Step.Nested n -> n.eqn().in().filter(a -> a instanceof Var).map(a -> (Var) a);
        };
    }
}
