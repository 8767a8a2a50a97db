package dev.jaxj.transforms.jvp;

import dev.jaxj.array.Array;
import io.vavr.collection.Seq;

/**
 * Primal outputs with their tangents, zeros kept symbolic.
 *
 * @param primals  the outputs
 * @param tangents one tangent per output
 */
public record SymbolicResult(Seq<Array> primals, Seq<Tangent> tangents) {
    /** {@return the result with every tangent materialized} */
    public JvpRules.Result instantiate() {
        return new JvpRules.Result(primals, tangents.map(Tangent::instantiate));
    }
}
