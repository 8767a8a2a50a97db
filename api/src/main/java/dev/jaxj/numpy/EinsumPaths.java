package dev.jaxj.numpy;

import dev.jaxj.Jnp.EinsumPath;
import dev.jaxj.Jnp.EinsumPath.Contraction;
import dev.jaxj.array.Array;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Vector;

/**
 * {@code einsum_path}: the order of pairwise contractions that an optimizing einsum would use,
 * by opt_einsum's cost model (a contraction over the labels {@code L} costs {@code prod(sizes
 * of L)} times 2 when it sums a label away, else 1). Up to four operands every order is tried
 * (JAX's default {@code 'auto'} does the same); beyond, the cheapest step is taken greedily,
 * preferring pairs that share a label. Each step names two positions in the current list of
 * operands; their result joins the end of the list.
 */
public final class EinsumPaths {
    private EinsumPaths() {}

    private static final int EXHAUSTIVE = 4;

    public static EinsumPath einsumPath(String subscripts, Array... operands) {
        EinsumSpec spec = EinsumSpec.parse("einsum_path", subscripts, operands);
        Map<Integer, Integer> sizes = HashMap.empty();
        for (int i = 0; i < operands.length; i++) {
            Vector<Integer> labels = spec.inputs().get(i);
            for (int k = 0; k < labels.size(); k++) {
                int d = operands[i].shape().dim(k);
                sizes = sizes.put(labels.get(k), Math.max(d, sizes.get(labels.get(k)).getOrElse(1)));
            }
        }
        Costs c = new Costs(sizes, spec.output());
        Vector<Vector<Integer>> ops = spec.inputs().map(Vector::distinct);
        Vector<Contraction> path = ops.size() <= EXHAUSTIVE ? optimal(c, ops)._2 : greedy(c, ops);
        Vector<Integer> all = ops.flatMap(v -> v).distinct();
        double naive = c.flops(all, all.exists(l -> !spec.output().contains(l)), ops.size());
        StringBuilder steps = new StringBuilder();
        double optimized = 0;
        for (Contraction p : path) {
            int i = p.first(), j = p.second();
            Vector<Integer> out = c.result(ops, i, j);
            optimized += c.step(ops, i, j);
            steps.append("\n  (").append(i).append(", ").append(j).append(")  ")
                    .append(text(ops.get(i))).append(',').append(text(ops.get(j))).append("->").append(text(out));
            ops = ops.removeAt(j).removeAt(i).append(out);
        }
        String report = "  Complete contraction:  " + subscripts.replaceAll("\\s", "")
                + "\n  Naive FLOP count:  " + String.format("%.4g", naive)
                + "\n  Optimized FLOP count:  " + String.format("%.4g", optimized)
                + "\n  Contractions (positions in the current list; each result joins its end):" + steps;
        return new EinsumPath(path, report);
    }

    /** The label sizes and the output's labels, which price each contraction. */
    private record Costs(Map<Integer, Integer> sizes, Vector<Integer> output) {
        double size(Vector<Integer> labels) { return labels.foldLeft(1.0, (p, l) -> p * sizes.get(l).getOrElse(1)); }

        double flops(Vector<Integer> labels, boolean inner, int terms) { return size(labels) * (Math.max(1, terms - 1) + (inner ? 1 : 0)); }

        /** The labels of the contraction of operands {@code i} and {@code j}: those another operand or the output still needs. */
        Vector<Integer> result(Vector<Vector<Integer>> ops, int i, int j) {
            Vector<Integer> later = output;
            for (int k = 0; k < ops.size(); k++) if (k != i && k != j) later = later.appendAll(ops.get(k));
            Vector<Integer> keep = later;
            return ops.get(i).appendAll(ops.get(j)).distinct().filter(keep::contains);
        }

        double step(Vector<Vector<Integer>> ops, int i, int j) {
            Vector<Integer> union = ops.get(i).appendAll(ops.get(j)).distinct();
            return flops(union, union.size() > result(ops, i, j).size(), 2);
        }
    }

    /** The cheapest complete order, trying every pair at every step. */
    private static Tuple2<Double, Vector<Contraction>> optimal(Costs c, Vector<Vector<Integer>> ops) {
        if (ops.size() < 2) return Tuple.of(0.0, Vector.empty());
        Tuple2<Double, Vector<Contraction>> best = null;
        for (int i = 0; i < ops.size(); i++) {
            for (int j = i + 1; j < ops.size(); j++) {
                Tuple2<Double, Vector<Contraction>> rest = optimal(c, ops.removeAt(j).removeAt(i).append(c.result(ops, i, j)));
                double cost = c.step(ops, i, j) + rest._1;
                if (best == null || cost < best._1) best = Tuple.of(cost, rest._2.prepend(new Contraction(i, j)));
            }
        }
        return best;
    }

    /** NumPy's greedy order: the pair that removes the most elements (then the cheaper), pairs sharing a label first. */
    private static Vector<Contraction> greedy(Costs c, Vector<Vector<Integer>> ops) {
        Vector<Contraction> path = Vector.empty();
        while (ops.size() > 1) {
            int bi = -1, bj = -1;
            double bestRemoved = 0, bestCost = 0;
            boolean bestShares = false;
            for (int i = 0; i < ops.size(); i++) {
                for (int j = i + 1; j < ops.size(); j++) {
                    boolean shares = ops.get(i).exists(ops.get(j)::contains);
                    double removed = c.size(ops.get(i)) + c.size(ops.get(j)) - c.size(c.result(ops, i, j));
                    double cost = c.step(ops, i, j);
                    boolean better = shares != bestShares ? shares : removed != bestRemoved ? removed > bestRemoved : cost < bestCost;
                    if (bi < 0 || better) {
                        bi = i;
                        bj = j;
                        bestRemoved = removed;
                        bestCost = cost;
                        bestShares = shares;
                    }
                }
            }
            path = path.append(new Contraction(bi, bj));
            ops = ops.removeAt(bj).removeAt(bi).append(c.result(ops, bi, bj));
        }
        return path;
    }

    private static String text(Vector<Integer> labels) {
        return labels.map(l -> l > 0 ? String.valueOf((char) (int) l) : ".").mkString();
    }
}
