package dev.jaxj.staging;

import dev.jaxj.errors.ArgumentError;
import dev.jaxj.tree.TreeDef;
import io.vavr.collection.Seq;
import io.vavr.collection.SortedSet;
import io.vavr.collection.TreeSet;
import io.vavr.collection.Vector;

/**
 * Which positional arguments of a jitted function are donated ({@code donate_argnums}). A
 * function of one argument takes it as its input pytree; a function of two takes both as a
 * {@code Tuple2}, whose children are the arguments. Donating an argument donates every leaf.
 *
 * @param argnums the donated argument positions
 * @param arity   how many array arguments the function takes (1 or 2)
 */
public record Donation(SortedSet<Integer> argnums, int arity) {
    /** Nothing donated. */
    public static final Donation NONE = new Donation(TreeSet.empty(), 1);

    /** @throws ArgumentError when a position is not one of the function's {@code arity} array arguments */
    public Donation {
        argnums = TreeSet.ofAll(argnums);
        if (arity < 1 || arity > 2) throw new IllegalArgumentException("arity must be 1 or 2, got " + arity);
        for (int a : argnums) {
            if (a < 0 || a >= arity) {
                throw new ArgumentError("jit", "donateArgnums must name " + (arity == 1 ? "argument 0, the function's only array argument"
                        : "argument 0 or 1 of a two-argument function") + ", got " + a);
            }
        }
    }

    /** {@return the positions of the donated leaves among the flat inputs of a call whose input structure is {@code def}} */
    public Seq<Integer> leaves(TreeDef def) {
        if (argnums.isEmpty()) return Vector.empty();
        if (arity == 1) return Vector.range(0, def.numLeaves());
        Seq<Integer> out = Vector.empty();
        int start = 0;
        for (int a = 0; a < arity; a++) {
            int n = def.children().get(a).numLeaves();
            if (argnums.contains(a)) out = out.appendAll(Vector.range(start, start + n));
            start += n;
        }
        return out;
    }
}
