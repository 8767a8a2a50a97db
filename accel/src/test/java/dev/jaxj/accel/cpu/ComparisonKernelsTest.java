package dev.jaxj.accel.cpu;

import dev.jaxj.accel.cpu.KernelHarness.Operand;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link ComparisonKernels} through the backend: all six comparisons on every dtype, on every
 * pair of a set of edge values. The reference orders values exactly ({@link BigDecimal} for
 * floats, unsigned for u32, false before true) and makes NaN unordered.
 */
class ComparisonKernelsTest {
    private static final double NAN = Double.NaN, INF = Double.POSITIVE_INFINITY;

    /** A comparison and how it reads the three-way order (NaN, being unordered, satisfies only ne). */
    private record Rule(Primitive p, IntPredicate holds, boolean whenUnordered) {}

    private static final List<Rule> RULES = List.of(
            new Rule(new Eq(), c -> c == 0, false), new Rule(new Ne(), c -> c != 0, true),
            new Rule(new Lt(), c -> c < 0, false), new Rule(new Le(), c -> c <= 0, false),
            new Rule(new Gt(), c -> c > 0, false), new Rule(new Ge(), c -> c >= 0, false));

    @Test
    void shouldCompareFloatsAsIeeeDoes() {
        double[] values = {NAN, -INF, -1e300, -2.5, -Double.MIN_VALUE, -0.0, 0.0, Double.MIN_VALUE, 1, 2.5, 1e300, INF};
        for (DType d : new DType[] {DType.F32, DType.F64}) {
            check(d, values.length, (i, j) -> {
                double a = d == DType.F32 ? (float) values[i] : values[i], b = d == DType.F32 ? (float) values[j] : values[j];
                if (Double.isNaN(a) || Double.isNaN(b)) return null;
                // -0 and +0 are the same number; infinities lie beyond every finite value.
                if (Double.isInfinite(a) || Double.isInfinite(b)) return a == b ? 0 : Double.compare(a, b);
                return new BigDecimal(a).compareTo(new BigDecimal(b));
            }, k -> Operand.of(d, Shape.of(k.length), java.util.Arrays.stream(k).mapToDouble(i -> values[i]).toArray()));
        }
    }

    @Test
    void shouldCompareSignedAndUnsignedIntegersInTheirOrder() {
        long[] i64 = {Long.MIN_VALUE, -5, -1, 0, 1, 7, Long.MAX_VALUE};
        check(DType.I64, i64.length, (i, j) -> Long.compare(i64[i], i64[j]),
                k -> Operand.i64(Shape.of(k.length), java.util.Arrays.stream(k).mapToLong(i -> i64[i]).toArray()));
        int[] i32 = {Integer.MIN_VALUE, -5, -1, 0, 1, 7, Integer.MAX_VALUE};
        check(DType.I32, i32.length, (i, j) -> Integer.compare(i32[i], i32[j]),
                k -> Operand.i32(Shape.of(k.length), java.util.Arrays.stream(k).map(i -> i32[i]).toArray()));
        // As u32, the bits of -1 are 4294967295, the largest value, and MIN is 2^31.
        check(DType.U32, i32.length, (i, j) -> Long.compare(i32[i] & 0xFFFF_FFFFL, i32[j] & 0xFFFF_FFFFL),
                k -> Operand.u32(Shape.of(k.length), java.util.Arrays.stream(k).map(i -> i32[i]).toArray()));
    }

    @Test
    void shouldOrderFalseBeforeTrue() {
        boolean[] values = {false, true};
        check(DType.BOOL, 2, (i, j) -> Boolean.compare(values[i], values[j]), k -> {
            boolean[] b = new boolean[k.length];
            for (int i = 0; i < k.length; i++) b[i] = values[k[i]];
            return Operand.bool(Shape.of(k.length), b);
        });
    }

    /** The three-way order of values {@code i} and {@code j}, or null when they are unordered. */
    private interface Order {
        Integer compare(int i, int j);
    }

    /** Builds an operand from indices into the value table. */
    private interface Maker {
        Operand of(int[] indices);
    }

    /** Compares every pair of the {@code n} values with every rule. */
    private static void check(DType d, int n, Order order, Maker maker) {
        int[] left = new int[n * n], right = new int[n * n];
        for (int k = 0; k < n * n; k++) {
            left[k] = k / n;
            right[k] = k % n;
        }
        for (Rule rule : RULES) {
            var result = KernelHarness.run(rule.p(), maker.of(left), maker.of(right));
            assertEquals(DType.BOOL, result.data().dtype());
            boolean[] got = result.data().bool();
            for (int k = 0; k < n * n; k++) {
                Integer c = order.compare(left[k], right[k]);
                boolean expected = c == null ? rule.whenUnordered() : rule.holds().test(c);
                assertEquals(expected, got[k], rule.p().name() + " of values " + left[k] + " and " + right[k] + " in " + d);
            }
        }
    }
}
