package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HeapArrays;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * Reductions over the middle axis of an {@code [outer, n, inner]} view for f64 ({@code double[]})
 * and for integers and bools widened to {@code long[]} (see {@link Widened}). The monoid comes
 * as a primitive operator: one loop serves every operation, at the cost of a call per element
 * (f32, the common case, has its own loops in {@link FloatReductions}).
 */
final class WideReductions {
    private WideReductions() {}

    static double[] reduce(DoubleBinaryOperator op, double identity, double[] x, int outer, int n, int inner) {
        double[] out = HeapArrays.doubles(outer * inner);
        LaneTiles v = LaneTiles.of(outer, n, inner);
        v.run((lo, hi) -> {
            for (int t = lo; t < hi; t++) {
                int o = v.o(t), j0 = v.j0(t), j1 = v.j1(t), dst = o * inner;
                if (inner == 1) {
                    double acc = identity;
                    for (int i = o * n, end = i + n; i < end; i++) acc = op.applyAsDouble(acc, x[i]);
                    out[o] = acc;
                    continue;
                }
                Arrays.fill(out, dst + j0, dst + j1, identity);
                for (int r = 0; r < n; r++) {
                    int base = v.at(o, r, 0);
                    for (int j = j0; j < j1; j++) out[dst + j] = op.applyAsDouble(out[dst + j], x[base + j]);
                }
            }
        });
        return out;
    }

    static long[] reduce(LongBinaryOperator op, long identity, long[] x, int outer, int n, int inner) {
        long[] out = HeapArrays.longs(outer * inner);
        LaneTiles v = LaneTiles.of(outer, n, inner);
        v.run((lo, hi) -> {
            for (int t = lo; t < hi; t++) {
                int o = v.o(t), j0 = v.j0(t), j1 = v.j1(t), dst = o * inner;
                if (inner == 1) {
                    long acc = identity;
                    for (int i = o * n, end = i + n; i < end; i++) acc = op.applyAsLong(acc, x[i]);
                    out[o] = acc;
                    continue;
                }
                Arrays.fill(out, dst + j0, dst + j1, identity);
                for (int r = 0; r < n; r++) {
                    int base = v.at(o, r, 0);
                    for (int j = j0; j < j1; j++) out[dst + j] = op.applyAsLong(out[dst + j], x[base + j]);
                }
            }
        });
        return out;
    }
}
