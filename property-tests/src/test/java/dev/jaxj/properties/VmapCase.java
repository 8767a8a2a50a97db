package dev.jaxj.properties;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.Random;
import java.util.function.Function;

/**
 * One row of the vmap table: a primitive (named as JAX names it, with a variant after a space)
 * and how to draw an instance of it (per-example operands and static params) for random shapes.
 *
 * @param name the primitive's name, e.g. {@code gather (rows)}
 * @param draw draws an instance
 */
record VmapCase(String name, Function<VmapCase.Draw, VmapCase.Instance> draw) {
    @Override public String toString() { return name; }

    /** {@return the primitive this row exercises} */
    String primitive() {
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    /**
     * A drawn instance.
     *
     * @param operands the per-example operands, described
     * @param f        the function of one example's operands
     */
    record Instance(Seq<Operand> operands, Function<Seq<Array>, Seq<Array>> f) {
        static Instance of(Seq<Operand> operands, Function<Seq<Array>, Array> f) {
            return new Instance(operands, xs -> Vector.of(f.apply(xs)));
        }
    }

    /** A per-example operand: its aval and the range its values are drawn from ({@code [lo, hi)}). */
    record Operand(DType dtype, Shape shape, double lo, double hi) {
        static Operand real(Shape s) { return new Operand(DType.F32, s, -2, 2); }
        static Operand positive(Shape s) { return new Operand(DType.F32, s, 0.1, 3); }
        static Operand unit(Shape s) { return new Operand(DType.F32, s, -0.95, 0.95); }
        static Operand ints(Shape s, int lo, int hi) { return new Operand(DType.I32, s, lo, hi); }
        static Operand index(int lo, int hi) { return ints(Shape.SCALAR, lo, hi); }
        static Operand bools(Shape s) { return new Operand(DType.BOOL, s, 0, 2); }
        static Operand u32(Shape s) { return new Operand(DType.U32, s, 0, 0); }
    }

    /** Random choices for drawing instances, from one seeded generator so that a failure replays. */
    static final class Draw {
        final Random r;

        Draw(Random r) { this.r = r; }

        /** {@return an int in {@code [lo, hi]}} */
        int between(int lo, int hi) { return lo + r.nextInt(hi - lo + 1); }

        boolean coin() { return r.nextBoolean(); }

        /** {@return a shape of rank in {@code [minRank, maxRank]} and dims in {@code [minDim, maxDim]}} */
        Shape shape(int minRank, int maxRank, int minDim, int maxDim) {
            int[] d = new int[between(minRank, maxRank)];
            for (int i = 0; i < d.length; i++) d[i] = between(minDim, maxDim);
            return Shape.of(d);
        }

        /** Ranks 0 to 3, dims 0 to 4: scalars and zero-size shapes included. */
        Shape shape() { return shape(0, 3, 0, 4); }

        /** {@return a sorted random subset of {@code [0, n)}} */
        Vector<Integer> subset(int n) { return Vector.range(0, n).filter(i -> coin()); }

        Vector<Integer> permutation(int n) {
            Vector<Integer> p = Vector.range(0, n);
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                Integer a = p.get(i);
                p = p.update(i, p.get(j)).update(j, a);
            }
            return p;
        }

        <T> T pick(Seq<T> xs) { return xs.get(r.nextInt(xs.size())); }
    }
}
