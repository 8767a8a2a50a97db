package dev.jaxj.transforms.vmap;

import dev.jaxj.array.Array;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static dev.jaxj.transforms.vmap.BatchTracer.NOT_MAPPED;
import static dev.jaxj.transforms.vmap.Moves.countBefore;
import static dev.jaxj.transforms.vmap.Moves.shift;

/** Batching rules of the data-movement primitives without indices: shapes, slices, joins and padding. */
final class StructuralBatchRules {
    private StructuralBatchRules() {}

    /**
     * The batch axis is broadcast as it is: it lands just before the output axis that the
     * operand axis after it maps to (or last), which keeps the broadcast dimensions increasing.
     */
    static Seq<Batched> broadcastInDim(BroadcastInDim b, Array x, int d) {
        Seq<Integer> dims = b.broadcastDimensions();
        int out = d < dims.size() ? dims.get(d) : b.shape().rank();
        Vector<Integer> newDims = Vector.range(0, dims.size() + 1)
                .map(i -> i < d ? dims.get(i) : i == d ? out : dims.get(i - 1) + 1);
        return Batched.one(Lax.broadcastInDim(x, b.shape().insert(out, x.shape().dim(d)), newDims), out);
    }

    /** A row-major reshape keeps examples apart only with the batch axis leading. */
    static Seq<Batched> reshape(Reshape r, Array x, int d) {
        Array front = Moves.moveAxis(x, d, 0);
        return Batched.one(Lax.reshape(front, r.newSizes().insert(0, front.shape().dim(0))), 0);
    }

    /** As JAX: the batch axis leads the permuted output. */
    static Seq<Batched> transpose(Transpose t, Array x, int d) {
        return Batched.one(Lax.transpose(x, shift(t.permutation(), d).prepend(d)), 0);
    }

    static Seq<Batched> squeeze(Squeeze s, Array x, int d) {
        Vector<Integer> dims = shift(s.dimensions(), d);
        return Batched.one(Lax.squeeze(x, dims), d - countBefore(dims, d));
    }

    /**
     * The new axes are placed around the batch axis so that the operand's axes, batch axis
     * included, keep their order: the batch axis goes where the operand axis after it would.
     */
    static Seq<Batched> expandDims(ExpandDims e, Array x, int d) {
        int outRank = x.ndim() - 1 + e.dimensions().size();
        Vector<Integer> kept = Moves.complement(e.dimensions(), outRank);
        int at = d < kept.size() ? kept.get(d) : outRank;
        Vector<Integer> dims = Vector.ofAll(e.dimensions()).map(p -> p < at ? p : p + 1);
        return Batched.one(Lax.expandDims(x, dims), at);
    }

    static Seq<Batched> slice(Slice s, Array x, int d, int size) {
        return Batched.one(Lax.slice(x, Vector.ofAll(s.startIndices()).insert(d, 0), Vector.ofAll(s.limitIndices()).insert(d, size),
                Vector.ofAll(s.strides()).insert(d, 1)), d);
    }

    /** Operands meet at the first mapped operand's batch axis; unmapped ones are broadcast along it. */
    static Seq<Batched> concatenate(Concatenate c, Seq<Array> x, Seq<Integer> d, int size) {
        int t = d.find(di -> di != NOT_MAPPED).get();
        Seq<Array> operands = x.zipWith(d, (xi, di) -> Moves.bring(xi, di, size, t));
        return Batched.one(Lax.concatenate(operands, shift(c.dimension(), t)), t);
    }

    /**
     * A shared padding value pads the batch axis by nothing. A per-example one cannot be a
     * scalar operand, so the padded cells are selected from it afterwards, as in JAX.
     */
    static Seq<Batched> pad(Pad p, Seq<Array> x, Seq<Integer> d, int size) {
        int t = d.get(0) == NOT_MAPPED ? 0 : d.get(0);
        Array operand = Moves.bring(x.get(0), d.get(0), size, t);
        Vector<PadConfig> config = Vector.ofAll(p.config()).insert(t, new PadConfig(0, 0, 0));
        if (d.get(1) == NOT_MAPPED) return Batched.one(Lax.pad(operand, x.get(1), config), t);
        Array padded = Lax.pad(operand, Array.scalar(0, operand.dtype()), config);
        Array inside = Lax.broadcastInDim(Array.scalar(true), operand.shape(), Vector.empty());
        Array mask = Lax.pad(inside, Array.scalar(false), config);
        Array values = Lax.broadcastInDim(Lax.convertElementType(x.get(1), operand.dtype()), padded.shape(), Vector.of(t));
        return Batched.one(Lax.select(mask, padded, values), t);
    }
}
