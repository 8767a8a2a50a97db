package dev.jaxj.transforms.vmap;

import dev.jaxj.array.Array;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static dev.jaxj.transforms.vmap.BatchTracer.NOT_MAPPED;

/**
 * Axis bookkeeping shared by the batching rules: moving a batch axis, materialising one for an
 * unmapped operand, and renumbering the static axes of a primitive once a batch axis is
 * inserted. All moves go through {@link Lax}, so they trace under outer transforms.
 */
final class Moves {
    private Moves() {}

    /** {@return {@code x} with axis {@code from} moved to position {@code to} (no-op when equal)} */
    static Array moveAxis(Array x, int from, int to) {
        if (from == to) return x;
        Vector<Integer> rest = Vector.range(0, x.ndim()).remove(from);
        return Lax.transpose(x, rest.insert(to, from));
    }

    /**
     * {@return {@code x} with its batch axis at {@code to}}: moved there when {@code dim} is
     * mapped, otherwise broadcast to {@code size} along a new axis {@code to}
     */
    static Array bring(Array x, int dim, int size, int to) {
        if (dim != NOT_MAPPED) return moveAxis(x, dim, to);
        Seq<Integer> kept = Vector.range(0, x.ndim()).map(i -> shift(i, to));
        return Lax.broadcastInDim(x, x.shape().insert(to, size), kept);
    }

    /** {@return the batched position of unbatched axis {@code axis}, given a batch axis at {@code dim}} */
    static int shift(int axis, int dim) {
        return axis < dim ? axis : axis + 1;
    }

    /** {@return each unbatched axis renumbered for a batch axis at {@code dim}} */
    static Vector<Integer> shift(Seq<Integer> axes, int dim) {
        return Vector.ofAll(axes).map(a -> shift(a, dim));
    }

    /** {@return how many of {@code axes} lie before {@code dim}} */
    static int countBefore(Seq<Integer> axes, int dim) {
        return axes.count(a -> a < dim);
    }

    /**
     * Where a new axis goes so that it becomes the {@code ordinal}-th member of a sorted set of
     * positions ({@code members}), for rules whose static params list, say, the output's window
     * axes: the returned position is free after every member at or past it moves up by one.
     */
    static int slotFor(Seq<Integer> members, int ordinal) {
        if (ordinal < members.size()) return members.get(ordinal);
        return ordinal == 0 ? 0 : members.get(ordinal - 1) + 1;
    }

    /** {@return the sorted {@code members} with a new member at {@code slot}, later members moved up by one} */
    static Vector<Integer> withSlot(Seq<Integer> members, int slot) {
        return Vector.ofAll(members).map(m -> m >= slot ? m + 1 : m).append(slot).sorted();
    }

    /** {@return the positions in {@code [0, rank)} that are not in {@code members}, in order} */
    static Vector<Integer> complement(Seq<Integer> members, int rank) {
        return Vector.range(0, rank).filter(i -> !members.contains(i));
    }
}
