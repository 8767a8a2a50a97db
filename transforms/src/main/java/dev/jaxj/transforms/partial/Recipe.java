package dev.jaxj.transforms.partial;

import dev.jaxj.array.Array;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.SourceInfo;
import io.vavr.collection.Seq;

/** How an unknown value of a partial evaluation comes about; the staged program is read off these. */
sealed interface Recipe {
    /** An input of the staged program. */
    record Input() implements Recipe {}

    /** A known value used by staged code: a constant of the staged program. */
    record Const(Array value) implements Recipe {}

    /**
     * An equation; its outputs are created with this recipe and then registered, so that every
     * output can name the one equation that defines it.
     */
    final class EqnRecipe implements Recipe {
        final Primitive prim;
        final Seq<PeTracer> in;
        final Seq<ShapedArray> outAvals;
        final SourceInfo where;
        Seq<PeTracer> out;

        EqnRecipe(Primitive prim, Seq<PeTracer> in, Seq<ShapedArray> outAvals, SourceInfo where) {
            this.prim = prim;
            this.in = in;
            this.outAvals = outAvals;
            this.where = where;
        }
    }
}
