package dev.jaxj.ir;

import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static java.util.Objects.requireNonNull;

/**
 * One equation {@code out… = prim[params] in…}, with the user's line that created it.
 */
public record Eqn(Primitive prim, Seq<Atom> in, Seq<Var> out, SourceInfo where) {
    public Eqn {
        requireNonNull(prim, "prim is null");
        in = Vector.ofAll(in);
        out = Vector.ofAll(out);
        requireNonNull(where, "where is null");
    }
}
