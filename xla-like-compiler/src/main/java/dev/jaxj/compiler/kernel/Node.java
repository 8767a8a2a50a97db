package dev.jaxj.compiler.kernel;

import dev.jaxj.ir.Lit;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static java.util.Objects.requireNonNull;

/**
 * One value computed at every point of a fused loop's domain. Nodes form a DAG in
 * definition order: an {@link Apply}, {@link Reduce} or {@link BoundedLoad} refers to earlier
 * nodes by position.
 *
 * <p>Data movement is reads: a {@link Load} reads an input through an {@link IndexMap}
 * (broadcast, transpose, rev, slice, reshape and their compositions), an {@link Iota} is the
 * index along an axis, and a {@link BoundedLoad} reads an input only inside a window of the
 * domain, every {@code step}-th point of it, and another node's value elsewhere: pad is one
 * bounded load over the padding value, concatenate one per operand, each falling back on the
 * previous. A loop of one such value and its store is a copy, which a backend may run with a
 * copy engine of its own.
 * {@snippet lang=text :
 * pad f32[3] by (lo 1, hi 0, interior 1) with p -> f32[6]
 *   0 = load p [0]
 *   1 = load x [1] where [1:2:3] else 0      // points 1, 3, 5 read x[0], x[1], x[2]
 * }
 */
public sealed interface Node {
    /** {@return the element type and the loop-domain shape of this value} */
    ShapedArray aval();

    /** Reads input {@code input} of the loop through {@code map}. */
    record Load(int input, IndexMap map, ShapedArray aval) implements Node {
        public Load {
            requireNonNull(map, "map is null");
            requireNonNull(aval, "aval is null");
        }
    }

    /** The index of each point along domain axis {@code axis}, converted to the node's dtype. */
    record Iota(int axis, ShapedArray aval) implements Node {
        public Iota {
            requireNonNull(aval, "aval is null");
            if (axis < 0 || axis >= aval.rank()) throw new IllegalArgumentException("iota axis " + axis + " outside a rank-" + aval.rank() + " domain");
        }
    }

    /**
     * Reads input {@code input} at the points that lie in every axis's {@link Bound}, and the
     * value of the earlier node {@code fill} elsewhere. At such a point axis {@code d} reads the
     * input's coordinate {@code j[d] = (idx[d] - lo) / step}, and {@code map} takes those
     * coordinates (not the domain's index) to the input's flat element
     * {@code offset + sum(j[d] * strides[d])}. Nothing is read outside the window, so the
     * input may be smaller than the domain.
     */
    record BoundedLoad(int input, IndexMap map, Seq<Bound> bounds, int fill, ShapedArray aval) implements Node {
        public BoundedLoad {
            requireNonNull(map, "map is null");
            requireNonNull(aval, "aval is null");
            bounds = Vector.ofAll(bounds);
            if (bounds.size() != aval.rank() || map.rank() != aval.rank()) {
                throw new IllegalArgumentException("a bounded load over a rank-" + aval.rank() + " domain needs that many bounds and strides, got "
                        + bounds.size() + " and " + map.rank());
            }
        }

        /** {@return whether domain point {@code idx} lies in the window} */
        public boolean contains(int[] idx) {
            for (int d = 0; d < idx.length; d++) if (!bounds.get(d).contains(idx[d])) return false;
            return true;
        }

        /** {@return the flat input element read at domain point {@code idx}, which lies in the window} */
        public int at(int[] idx) {
            int e = map.offset();
            for (int d = 0; d < idx.length; d++) e += bounds.get(d).coordinate(idx[d]) * map.stride(d);
            return e;
        }
    }

    /**
     * One axis of a {@link BoundedLoad}'s window: the points {@code lo, lo + step, …,
     * lo + (count - 1) * step} read input coordinates {@code 0 … count - 1}. {@code lo} may be
     * negative (the window starts before the domain: a pad that crops).
     */
    record Bound(int lo, int step, int count) {
        public Bound {
            if (step < 1 || count < 0) throw new IllegalArgumentException("bound step must be >= 1 and count >= 0, got " + step + " and " + count);
        }

        /** {@return the bound of a whole axis of {@code n} points} */
        public static Bound all(int n) { return new Bound(0, 1, n); }

        /** {@return whether domain index {@code i} lies in the window} */
        public boolean contains(int i) {
            long k = (long) i - lo;
            return k >= 0 && k % step == 0 && k / step < count;
        }

        /** {@return the input coordinate read at domain index {@code i}, which lies in the window} */
        public int coordinate(int i) { return (i - lo) / step; }

        /** {@return whether every index of an axis of {@code n} points lies in the window, reading its own coordinate} */
        public boolean isAll(int n) { return lo == 0 && step == 1 && count == n; }
    }

    /** A scalar constant, broadcast over the domain; the literal keeps integers exact. */
    record Constant(Lit value, ShapedArray aval) implements Node {
        public Constant {
            requireNonNull(value, "value is null");
            requireNonNull(aval, "aval is null");
        }
    }

    /** An elementwise primitive of earlier nodes. */
    record Apply(Primitive.Elementwise prim, Seq<Integer> args, ShapedArray aval) implements Node {
        public Apply {
            requireNonNull(prim, "prim is null");
            args = Vector.ofAll(args);
        }
    }

    /**
     * The reduction of node {@code arg} over the loop's reduced (trailing) axes with the monoid
     * of {@code kind}: one value per row, seen by later nodes at every point of that row (a
     * softmax divides by the sum of its own row in the same loop).
     */
    record Reduce(int arg, Primitive.Reduction kind, ShapedArray aval) implements Node {
        public Reduce {
            requireNonNull(kind, "kind is null");
            requireNonNull(aval, "aval is null");
        }
    }

    /**
     * {@return the pass of a row in which node {@code i} of {@code nodes} is available}: loads,
     * constants and iotas in pass 0, an {@link Apply} with its latest argument, a
     * {@link BoundedLoad} with its fill, and a {@link Reduce}
     * one pass after its argument, since a row must be read whole before its reduction is known.
     */
    static int[] passes(Seq<Node> nodes) {
        int[] pass = new int[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            pass[i] = switch (nodes.get(i)) {
                case Load _, Constant _, Iota _ -> 0;
                case BoundedLoad b -> pass[b.fill()];
                case Apply a -> a.args().map(j -> pass[j]).max().getOrElse(0);
                case Reduce r -> pass[r.arg()] + 1;
            };
        }
        return pass;
    }
}
