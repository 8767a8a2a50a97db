package dev.jaxj.transforms.vmap;

import dev.jaxj.array.Array;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static dev.jaxj.transforms.vmap.BatchTracer.NOT_MAPPED;

/**
 * What a batching rule returns for one output: the stacked value and its batch axis.
 *
 * @param value the value, batched along {@code dim}
 * @param dim   the batch axis, or {@link BatchTracer#NOT_MAPPED}
 */
record Batched(Array value, int dim) {
    static Seq<Batched> all(Seq<Array> values, int dim) {
        return Vector.ofAll(values).map(v -> new Batched(v, dim));
    }

    static Seq<Batched> one(Array value, int dim) {
        return Vector.of(new Batched(value, dim));
    }

    boolean mapped() { return dim != NOT_MAPPED; }
}
