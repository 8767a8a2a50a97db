package dev.jaxj.accel.cpu;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import dev.jaxj.accel.host.HostData;

import dev.jaxj.accel.cpu.KernelHarness.Operand;
import dev.jaxj.accel.cpu.KernelHarness.Result;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.Iota;
import dev.jaxj.ir.Primitive.Sort;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.jaxj.accel.cpu.KernelHarness.run;
import static dev.jaxj.accel.cpu.KernelHarness.runAll;
import static dev.jaxj.accel.cpu.NdReference.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Sort against a reference that sorts each lane's positions with the JDK's stable list sort and a
 * comparator written from JAX's rules (-0.0 equals 0.0, NaN after +inf, u32 unsigned, false before true).
 */
class SortKernelsTest {
    /** The types kernels compute in (the compiler lowers every other one to these before a kernel runs). */
    @Provide
    Arbitrary<DType> computeTypes() { return Arbitraries.of(DType.computeTypes()); }


    /** JAX's order of two elements of one buffer. */
    private static int compare(HostData b, int i, int j) {
        if (b.dtype().isFloating()) return Double.compare(b.getDouble(i) + 0.0, b.getDouble(j) + 0.0);   // + 0.0 turns -0.0 into 0.0
        return Long.compare(b.getLong(i), b.getLong(j));            // u32 reads unsigned
    }

    /** Sorts every operand along {@code dim} the naive way: per lane, a stable sort of positions by the keys. */
    private static List<HostData> reference(int[] dims, int dim, int numKeys, Operand... in) {
        int size = Shape.of(dims).size();
        int[] perm = new int[size];
        int[] laneDims = dims.clone();
        laneDims[dim] = 1;
        forEachIndex(laneDims, lane -> {
            List<Integer> pos = new ArrayList<>();
            for (int k = 0; k < dims[dim]; k++) {
                int[] at = lane.clone();
                at[dim] = k;
                pos.add(flat(at, dims));
            }
            List<Integer> sorted = new ArrayList<>(pos);
            sorted.sort((a, b) -> {
                for (int j = 0; j < numKeys; j++) {
                    int c = compare(in[j].data(), a, b);
                    if (c != 0) return c;
                }
                return 0;
            });
            for (int k = 0; k < pos.size(); k++) perm[pos.get(k)] = sorted.get(k);
        });
        List<HostData> out = new ArrayList<>();
        for (Operand o : in) out.add(o.data().gather(perm));
        return out;
    }

    /** Random values with many ties, and the special values of each dtype. */
    private static Operand keys(DType t, int[] dims, Random r) {
        Operand x = random(t, dims, r);
        HostData b = x.data();
        for (int i = 0; i < b.size(); i++) {
            int pick = r.nextInt(8);
            switch (t) {
                case F32 -> b.f32()[i] = new float[] {Float.NaN, -0f, 0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1, -1, b.f32()[i]}[pick];
                case F64 -> b.f64()[i] = new double[] {Double.NaN, -0d, 0d, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1, -1, b.f64()[i]}[pick];
                case I32 -> b.i32()[i] = new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 1, 2, 3, b.i32()[i]}[pick];
                case U32 -> b.i32()[i] = new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 1, 2, 3, b.i32()[i]}[pick];
                case I64 -> b.i64()[i] = new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1, 1L << 60, 3, b.i64()[i]}[pick];
                case BOOL -> { }
            }
        }
        return x;
    }

    private static void check(List<HostData> expected, Seq<Result> actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) assertSameElements(expected.get(i), actual.get(i).data(), what + ", operand " + i);
    }

    @Property(tries = 300)
    void shouldSortLanesStablyWithTheirPayload(@ForAll("computeTypes") DType key, @ForAll("computeTypes") DType payload, @ForAll long seed) {
        var r = new Random(seed);
        int[] dims = randomDims(r, 1, 3, 5);
        int dim = r.nextInt(dims.length);
        Operand k = keys(key, dims, r), p = random(payload, dims, r);
        var result = runAll(new Sort(dim, r.nextBoolean(), 1), k, p);
        check(reference(dims, dim, 1, k, p), result, "sort " + k.aval() + " along " + dim + " with " + p.aval());
    }

    @Property(tries = 200)
    void shouldSortLexicographicallyByTheFirstKeys(@ForAll("computeTypes") DType first, @ForAll("computeTypes") DType second, @ForAll long seed) {
        var r = new Random(seed);
        int[] dims = randomDims(r, 1, 2, 9);
        int dim = r.nextInt(dims.length);
        Operand a = keys(first, dims, r), b = keys(second, dims, r), c = random(DType.I32, dims, r);
        int numKeys = 1 + r.nextInt(3);
        var result = runAll(new Sort(dim, true, numKeys), a, b, c);
        check(reference(dims, dim, numKeys, a, b, c), result, "sort " + numKeys + " keys " + a.aval() + ", " + b.aval() + " along " + dim);
    }

    @Property(tries = 100)
    void shouldOrderEveryLaneAndPermuteIt(@ForAll("computeTypes") DType t, @ForAll long seed) {
        // A law independent of the reference: output lanes are ordered and hold the input's multiset.
        var r = new Random(seed);
        int n = r.nextInt(40);
        Operand x = keys(t, new int[] {n}, r);
        HostData y = run(new Sort(0, true, 1), x).data();
        for (int i = 1; i < n; i++) assertTrue(compare(y, i - 1, i) <= 0, "ordered at " + i);
        for (int i = 0; i < n; i++) {
            int in = 0, out = 0;
            for (int j = 0; j < n; j++) {
                if (same(x.data(), i, x.data(), j)) in++;
                if (same(x.data(), i, y, j)) out++;
            }
            assertEquals(in, out, "count of element " + show(x.data(), i));
        }
    }

    @Test
    void shouldPutNaNLastAndKeepSignedZerosInOrder() {
        Operand x = Operand.f32(Shape.of(7), Float.NaN, 1, Float.NEGATIVE_INFINITY, 0f, -0f, Float.POSITIVE_INFINITY, -1);
        Operand idx = new Operand(ShapedArray.of(DType.I32, 7), run(new Iota(DType.I32, Shape.of(7), 0)).data());
        var r = runAll(new Sort(0, true, 1), x, idx);
        assertArrayEquals(new int[] {2, 6, 3, 4, 1, 5, 0}, r.get(1).data().i32());
        assertArrayEquals(new float[] {Float.NEGATIVE_INFINITY, -1, 0f, -0f, 1, Float.POSITIVE_INFINITY, Float.NaN}, r.get(0).data().f32());
    }

    @Test
    void shouldSortU32UnsignedAndBoolsFalseFirst() {
        assertArrayEquals(new int[] {1, Integer.MAX_VALUE, Integer.MIN_VALUE, -1},
                run(new Sort(0, false, 1), Operand.u32(Shape.of(4), -1, Integer.MIN_VALUE, 1, Integer.MAX_VALUE)).data().i32());
        assertArrayEquals(new boolean[] {false, false, true, true},
                run(new Sort(0, false, 1), Operand.bool(Shape.of(4), true, false, true, false)).data().bool());
        assertArrayEquals(new long[] {Long.MIN_VALUE, -1, (1L << 53) + 1, Long.MAX_VALUE},
                run(new Sort(0, false, 1), Operand.i64(Shape.of(4), Long.MAX_VALUE, (1L << 53) + 1, -1, Long.MIN_VALUE)).data().i64());
    }

    @Test
    void shouldSortColumnsOfAMatrix() {
        Result r = run(new Sort(0, true, 1), Operand.f64(Shape.of(3, 2), 3, -1, 1, -3, 2, -2));
        assertArrayEquals(new double[] {1, -3, 2, -2, 3, -1}, r.data().f64());
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F32", "F64", "I32", "I64", "U32", "BOOL"})  // the types kernels compute in
    void shouldSortZeroSizeArrays(DType t) {
        for (int[] dims : new int[][] {{0}, {3, 0}, {0, 4}}) {
            for (int dim = 0; dim < dims.length; dim++) {
                var r = runAll(new Sort(dim, true, 1), random(t, dims, new Random(1)), random(DType.F32, dims, new Random(2)));
                assertEquals(0, r.get(0).data().size());
                assertEquals(t, r.get(0).data().dtype());
            }
        }
    }

    @Test
    void shouldSortLargeArraysOnThePool() {
        for (DType t : new DType[] {DType.F32, DType.F64}) {
            int[] dims = {64, 1024};
            var rnd = new Random(5);
            Operand x = keys(t, dims, rnd), p = random(DType.I32, dims, rnd);
            check(reference(dims, 1, 1, x, p), runAll(new Sort(1, false, 1), x, p), "large " + t);
        }
    }
}
