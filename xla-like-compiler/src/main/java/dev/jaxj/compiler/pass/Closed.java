package dev.jaxj.compiler.pass;

import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.HashMap;

import static java.util.Objects.requireNonNull;

/**
 * A program with the values of its constants, as JAX's {@code ClosedJaxpr}: {@code consts}
 * are bound, in order, to {@code jaxpr.constVars()}. The value type is the caller's (the
 * runtime's arrays); passes never look inside a value except through an {@link Evaluator}.
 *
 * @param jaxpr  the program
 * @param consts one value per constant variable
 * @param <T>    the type of constant values
 */
public record Closed<T>(Jaxpr jaxpr, Seq<T> consts) {
    public Closed {
        requireNonNull(jaxpr, "jaxpr is null");
        consts = Vector.ofAll(requireNonNull(consts, "consts is null"));
        if (consts.size() != jaxpr.constVars().size()) {
            throw new IllegalArgumentException("a program with " + jaxpr.constVars().size() + " constant variables needs as many values, got " + consts.size());
        }
    }

    /**
     * {@return {@code after} with the values of its constants, taken from this program} This is
     * how the result of a {@link Pass}, which may drop constant variables, gets its values.
     *
     * @throws IllegalArgumentException when {@code after} has a constant variable this program lacks
     */
    public Closed<T> restrictTo(Jaxpr after) {
        if (after == jaxpr) return this;
        return new Closed<>(after, keptConstIndices(jaxpr, after).map(consts::get));
    }

    /**
     * {@return for each constant variable of {@code after}, its index among {@code before}'s}
     * A caller that keeps constants in its own structure applies this mapping to it.
     * {@snippet :
     * Jaxpr optimised = Passes.standard().apply(jaxpr);
     * Seq<Array> kept = Closed.keptConstIndices(jaxpr, optimised).map(consts::get);
     * }
     *
     * @throws IllegalArgumentException when {@code after} has a constant variable {@code before} lacks
     */
    public static Seq<Integer> keptConstIndices(Jaxpr before, Jaxpr after) {
        var index = new HashMap<Var, Integer>();
        for (int i = 0; i < before.constVars().size(); i++) index.put(before.constVars().get(i), i);
        return after.constVars().map(v -> {
            Integer i = index.get(v);
            if (i == null) throw new IllegalArgumentException("constant variable " + v.aval() + " #" + v.id() + " is not a constant of the original program");
            return i;
        }).toVector();
    }
}
