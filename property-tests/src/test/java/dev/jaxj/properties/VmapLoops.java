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

    /** {@return random values of the operand's dtype and range, in {@code shape}} */
    static Array values(Operand o, Shape shape, Random r) {
        int n = shape.size();
        HostData h = switch (o.dtype()) {
            case F32 -> {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) v[i] = (float) (o.lo() + (o.hi() - o.lo()) * r.nextDouble());
                yield HostData.own(v);
            }
            case I32 -> {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) v[i] = (int) o.lo() + r.nextInt((int) (o.hi() - o.lo()));
                yield HostData.own(DType.I32, v);
            }
            case U32 -> {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) v[i] = r.nextInt();
                yield HostData.own(DType.U32, v);
            }
            case BOOL -> {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) v[i] = r.nextBoolean();
                yield HostData.own(v);
            }
            case F64, I64 -> throw new IllegalArgumentException("the vmap table draws no " + o.dtype() + " operands");
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw new IllegalArgumentException("these properties cover the types kernels compute in, got " + o.dtype());
        };
        return Array.fromHost(ShapedArray.of(o.dtype(), shape), h);
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
     * Equal shapes and dtypes, integers and bools exactly equal, floats within {@code tol}
     * relative to {@code max(1, |want|)}, NaN where NaN is expected.
     */
    static void assertClose(Array want, Array got, double tol, String what) {
        assertEquals(want.shape(), got.shape(), "shape of " + what);
        assertEquals(want.dtype(), got.dtype(), "dtype of " + what);
        if (!want.dtype().isFloating()) {
            assertArrayEquals(want.toLongArray(), got.toLongArray(), "values of " + what);
            return;
        }
        double[] w = want.toDoubleArray(), g = got.toDoubleArray();
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
            throw new AssertionError(what + ": worst relative error " + worstErr + " at flat index " + worst + " (want " + w[worst]
                    + ", got " + g[worst] + ") of " + want.aval());
        }
    }
}
