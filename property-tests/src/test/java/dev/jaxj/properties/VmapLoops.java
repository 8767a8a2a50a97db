package dev.jaxj.properties;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import dev.jaxj.properties.VmapCase.Operand;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reference side of the vmap laws: examples taken one at a time (a static slice and a
 * squeeze) and results stacked (expand_dims and concatenate), plus random values and the
 * comparison. None of it goes through a batching rule.
 */
final class VmapLoops {
    private VmapLoops() {}

    /**
     * {@return random values of the operand's dtype and range, in {@code shape}}: floats uniform
     * in the range (rounded to the dtype), complex numbers with both parts so, integers uniform
     * in the range cut to what the dtype holds, u32 any bits, bools fair coins.
     */
    static Array values(Operand o, Shape shape, Random r) {
        int n = shape.size();
        DType d = o.dtype();
        HostData h = HostData.allocate(d, n);
        switch (d.kind()) {
            case FLOAT -> { for (int i = 0; i < n; i++) h.setDouble(i, uniform(o, r)); }
            case COMPLEX -> { for (int i = 0; i < n; i++) h.setComplex(i, uniform(o, r), uniform(o, r)); }
            case SIGNED, UNSIGNED -> {
                long lo = Math.max((long) o.lo(), smallest(d)), hi = Math.min((long) o.hi(), largest(d) + 1);
                for (int i = 0; i < n; i++) h.setLong(i, d == DType.U32 ? r.nextInt() & 0xFFFF_FFFFL : lo + r.nextInt((int) (hi - lo)));
            }
            case BOOL -> { for (int i = 0; i < n; i++) h.setLong(i, r.nextBoolean() ? 1 : 0); }
        }
        return Array.fromHost(ShapedArray.of(d, shape), h);
    }

    private static double uniform(Operand o, Random r) {
        return o.lo() + (o.hi() - o.lo()) * r.nextDouble();
    }

    /** The least value of an integer dtype. */
    private static long smallest(DType d) {
        return d.kind() == DType.Kind.UNSIGNED ? 0 : -(1L << (d.bits() - 1));
    }

    /** The greatest value of an integer dtype (held in a long). */
    private static long largest(DType d) {
        return d.bits() == 64 ? Long.MAX_VALUE - 1 : (1L << (d.bits() - (d.kind() == DType.Kind.UNSIGNED ? 0 : 1))) - 1;
    }

    /** {@return example {@code i} of {@code x} along {@code axis}} */
    static Array take(Array x, int axis, int i) {
        Vector<Integer> start = Vector.fill(x.ndim(), 0).update(axis, i);
        Vector<Integer> limit = x.shape().toSeq().update(axis, i + 1);
        return Lax.squeeze(Lax.slice(x, start, limit, Vector.fill(x.ndim(), 1)), Vector.of(axis));
    }

    /** {@return the examples stacked along a new {@code axis}}; none give a zero-size axis in an array of {@code aval} */
    static Array stack(Seq<Array> xs, int axis, ShapedArray aval) {
        if (xs.isEmpty()) {
            Array zeros = Lax.broadcastInDim(Array.scalar(0, aval.dtype()), aval.shape().insert(axis, 0), Vector.empty());
            return zeros;
        }
        return Lax.concatenate(xs.map(x -> Lax.expandDims(x, Vector.of(axis))), axis);
    }

    /** {@return the elementwise sum of the examples, {@code zeros} of {@code aval} for none} */
    static Array sum(Seq<Array> xs, ShapedArray aval) {
        return xs.foldLeft(Lax.broadcastInDim(Array.scalar(0, aval.dtype()), aval.shape(), Vector.empty()), Lax::add);
    }

    /**
     * Equal shapes and dtypes, integers and bools exactly equal, floats (and both parts of complex
     * numbers) within {@code tol} relative to {@code max(1, |want|)}, NaN where NaN is expected.
     */
    static void assertClose(Array want, Array got, double tol, String what) {
        assertEquals(want.shape(), got.shape(), "shape of " + what);
        assertEquals(want.dtype(), got.dtype(), "dtype of " + what);
        if (!want.dtype().isInexact()) {
            assertArrayEquals(want.toLongArray(), got.toLongArray(), "values of " + what);
            return;
        }
        boolean complex = want.dtype().isComplex();
        double[] w = complex ? want.toComplexArray() : want.toDoubleArray(), g = complex ? got.toComplexArray() : got.toDoubleArray();
        int worst = -1;
        double worstErr = 0;
        for (int i = 0; i < w.length; i++) {
            if (Double.isNaN(w[i]) || Double.isNaN(g[i])) {
                if (Double.isNaN(w[i]) != Double.isNaN(g[i])) {
                    worst = i;
                    worstErr = Double.POSITIVE_INFINITY;
                }
                continue;
            }
            if (w[i] == g[i]) continue;
            double err = Math.abs(w[i] - g[i]) / Math.max(1, Math.abs(w[i]));
            if (err > worstErr) {
                worst = i;
                worstErr = err;
            }
        }
        if (worstErr > tol) {
            throw new AssertionError(what + ": worst relative error " + worstErr + " at " + (complex ? "part " : "flat index ") + worst + " (want " + w[worst]
                    + ", got " + g[worst] + ") of " + want.aval());
        }
    }
}
