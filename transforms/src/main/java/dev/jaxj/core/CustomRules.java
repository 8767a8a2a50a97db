package dev.jaxj.core;

import dev.jaxj.array.Array;
import io.vavr.collection.Seq;

import java.util.function.BiFunction;
import java.util.function.Function;

/** User-defined differentiation rules, carried through the transforms by {@link Trace#processCustomJvp} and {@link Trace#processCustomVjp}. */
public final class CustomRules {
    private CustomRules() {}

    /** Primal outputs with their tangents. */
    public record PrimalsTangents(Seq<Array> primals, Seq<Array> tangents) {}

    /** Outputs with the residuals the backward rule needs. */
    public record OutputsResiduals(Seq<Array> outputs, Seq<Array> residuals) {}

    /**
     * A function with its JVP rule.
     *
     * @param fun the function
     * @param jvp (primals, tangents) to (primal outputs, tangent outputs)
     */
    public record Jvp(Function<Seq<Array>, Seq<Array>> fun, BiFunction<Seq<Array>, Seq<Array>, PrimalsTangents> jvp) {}

    /**
     * A function with its VJP rule.
     *
     * @param fun the function
     * @param fwd primals to (outputs, residuals)
     * @param bwd (residuals, output cotangents) to input cotangents
     */
    public record Vjp(Function<Seq<Array>, Seq<Array>> fun, Function<Seq<Array>, OutputsResiduals> fwd,
                      BiFunction<Seq<Array>, Seq<Array>, Seq<Array>> bwd) {}
}
