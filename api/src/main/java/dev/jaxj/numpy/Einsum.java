package dev.jaxj.numpy;

import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.array.Promotion;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.DotDimensionNumbers;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Vector;

/**
 * Einstein summation from transposes, reductions, broadcasts and {@code dot_general}.
 *
 * <p>Each operand first loses its repeated labels (a diagonal per repeat), its size-1 axes are
 * broadcast where another operand has the label larger, and labels that occur nowhere else are
 * summed away. The operands are then contracted pairwise from left to right: a shared label
 * still needed later (by a later operand or the output) is a batch axis of {@code dot_general},
 * any other shared label is contracted. A final transpose puts the axes in output order.
 */
public final class Einsum {
    private Einsum() {}

    /** An intermediate result and the label of each of its axes. */
    private record Labeled(Array array, Vector<Integer> labels) {}

    public static Array einsum(String subscripts, Array... operands) {
        EinsumSpec spec = EinsumSpec.parse(subscripts, operands);
        Vector<Array> ops = operands.length == 0 ? Vector.empty() : NumpyOps.promote("einsum", Promotion.Kind.ANY, Vector.of(operands)).toVector();
        boolean bool = !ops.isEmpty() && ops.head().dtype().isBool();
        if (bool) ops = ops.map(x -> Lax.convertElementType(x, DType.I32));
        Map<Integer, Integer> sizes = labelSizes(spec, ops, operands);

        Vector<Labeled> xs = Vector.empty();
        for (int i = 0; i < ops.size(); i++) xs = xs.append(diagonals(new Labeled(ops.get(i), spec.inputs().get(i)), operands));
        xs = xs.map(x -> broadcast(x, sizes));
        Labeled acc = sumUnneeded(xs.head(), needed(xs.tail(), spec.output()));
        for (int i = 1; i < xs.size(); i++) {
            Vector<Integer> later = needed(xs.drop(i + 1), spec.output());
            Labeled b = sumUnneeded(xs.get(i), later.appendAll(acc.labels()));
            acc = contract(acc, b, later);
        }
        Labeled acc0 = acc;
        Array r = Lax.transpose(acc.array(), spec.output().map(l -> acc0.labels().indexOf(l)));
        return bool ? Lax.ne(r, Operands.fullLike(r, 0)) : r;
    }

    private static Vector<Integer> needed(Vector<Labeled> rest, Vector<Integer> output) {
        return rest.flatMap(Labeled::labels).appendAll(output).distinct();
    }

    /** The size of each label: the operands must agree, except that size 1 broadcasts. */
    private static Map<Integer, Integer> labelSizes(EinsumSpec spec, Vector<Array> ops, Array[] originals) {
        Map<Integer, Integer> sizes = HashMap.empty();
        for (int i = 0; i < ops.size(); i++) {
            Vector<Integer> labels = spec.inputs().get(i);
            for (int k = 0; k < labels.size(); k++) {
                int l = labels.get(k), d = ops.get(i).shape().dim(k);
                Integer prev = sizes.get(l).getOrNull();
                if (prev == null || prev == 1) {
                    sizes = sizes.put(l, d);
                } else if (d != 1 && d != prev) {
                    throw new ShapeError("einsum", "subscript " + name(l) + " has sizes " + prev + " and " + d
                            + " in different places, got " + Operands.avals(originals));
                }
            }
        }
        return sizes;
    }

    private static String name(int label) { return label > 0 ? "'" + (char) label + "'" : "'...' (axis " + label + ")"; }

    /** Replaces each repeated label by one axis holding the diagonal, at the end. */
    private static Labeled diagonals(Labeled x, Array[] originals) {
        Labeled cur = x;
        while (true) {
            Vector<Integer> ls = cur.labels();
            int p = -1, q = -1;
            for (int i = 0; i < ls.size() && p < 0; i++) {
                int j = ls.lastIndexOf(ls.get(i));
                if (j != i) { p = i; q = j; }
            }
            if (p < 0) return cur;
            int dp = cur.array().shape().dim(p), dq = cur.array().shape().dim(q);
            if (dp != dq) {
                throw new ShapeError("einsum", "repeated subscript " + name(ls.get(p)) + " needs equal sizes, got " + dp + " and " + dq
                        + " in " + Operands.avals(originals));
            }
            Array d = Matrices.diagonal(cur.array(), 0, p, q);
            int pp = p, qq = q;
            Vector<Integer> rest = Vector.range(0, ls.size()).filter(i -> i != pp && i != qq).map(ls::get);
            cur = new Labeled(d, rest.append(ls.get(p)));
        }
    }

    private static Labeled broadcast(Labeled x, Map<Integer, Integer> sizes) {
        Shape target = Shape.of(x.labels().map(l -> sizes.get(l).get()));
        if (target.equals(x.array().shape())) return x;
        return new Labeled(NumpyOps.broadcastTo(x.array(), target), x.labels());
    }

    /** Sums away the axes whose labels are not in {@code keep}. */
    private static Labeled sumUnneeded(Labeled x, Vector<Integer> keep) {
        Vector<Integer> drop = Vector.range(0, x.labels().size()).filter(i -> !keep.contains(x.labels().get(i)));
        if (drop.isEmpty()) return x;
        return new Labeled(Lax.reduceSum(x.array(), drop), Vector.range(0, x.labels().size()).filter(i -> !drop.contains(i)).map(x.labels()::get));
    }

    private static Labeled contract(Labeled a, Labeled b, Vector<Integer> later) {
        Vector<Integer> shared = a.labels().filter(b.labels()::contains);
        Vector<Integer> batch = shared.filter(later::contains), summed = shared.filter(l -> !later.contains(l));
        var dims = new DotDimensionNumbers(summed.map(a.labels()::indexOf), summed.map(b.labels()::indexOf),
                batch.map(a.labels()::indexOf), batch.map(b.labels()::indexOf));
        Array r = Lax.dotGeneral(a.array(), b.array(), dims);
        Vector<Integer> labels = batch.appendAll(a.labels().filter(l -> !shared.contains(l))).appendAll(b.labels().filter(l -> !shared.contains(l)));
        return new Labeled(r, labels);
    }
}
