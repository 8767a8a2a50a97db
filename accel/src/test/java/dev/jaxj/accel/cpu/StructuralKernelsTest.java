package dev.jaxj.accel.cpu;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import dev.jaxj.accel.host.HostData;

import dev.jaxj.accel.cpu.KernelHarness.Operand;
import dev.jaxj.accel.cpu.KernelHarness.Result;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import io.vavr.collection.Vector;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.jaxj.accel.cpu.KernelHarness.run;
import static dev.jaxj.accel.cpu.NdReference.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The structural kernels against naive per-element references over multi-indices, for every dtype. */
class StructuralKernelsTest {
    /** The types kernels compute in (the compiler lowers every other one to these before a kernel runs). */
    @Provide
    Arbitrary<DType> computeTypes() { return Arbitraries.of(DType.computeTypes()); }


    private static Vector<Integer> seq(int[] a) {
        return Vector.ofAll(a);
    }

    // ---------------------------------------------------------------------------------------- broadcast

    @Property(tries = 150)
    void shouldBroadcastByRepeatingSizeOneAndNewAxes(@ForAll("computeTypes") DType t, @ForAll long seed) {
        var r = new Random(seed);
        int[] in = randomDims(r, 0, 3, 3);
        int outRank = in.length + r.nextInt(3);
        // Strictly increasing output axes for the operand axes.
        int[] bdims = java.util.Arrays.stream(randomPermutation(outRank, r)).limit(in.length).sorted().toArray();
        int[] out = new int[outRank];
        for (int i = 0; i < outRank; i++) out[i] = 1 + r.nextInt(3);
        for (int i = 0; i < in.length; i++) out[bdims[i]] = in[i] == 1 ? r.nextInt(4) : in[i];
        Operand x = random(t, in, r);
        Result res = run(new BroadcastInDim(Shape.of(out), seq(bdims)), x);
        HostData e = expected(x, out, o -> {
            int[] src = new int[in.length];
            for (int i = 0; i < in.length; i++) src[i] = in[i] == 1 ? 0 : o[bdims[i]];
            return flat(src, in);
        }, null);
        check(res, out, e, "broadcast_in_dim " + x.aval() + " to " + Shape.of(out) + " dims " + seq(bdims));
    }

    @Test
    void shouldBroadcastScalarToMatrix() {
        Result r = run(new BroadcastInDim(Shape.of(2, 3), Vector.empty()), Operand.i64(Shape.SCALAR, Long.MAX_VALUE - 1));
        assertArrayEquals(new long[] {Long.MAX_VALUE - 1, Long.MAX_VALUE - 1, Long.MAX_VALUE - 1,
                Long.MAX_VALUE - 1, Long.MAX_VALUE - 1, Long.MAX_VALUE - 1}, r.data().i64());
    }

    @Test
    void shouldBroadcastRowAndColumnVectors() {
        Result rows = run(new BroadcastInDim(Shape.of(2, 3), Vector.of(1)), Operand.f32(Shape.of(3), 1, 2, 3));
        assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3}, rows.data().f32());
        Result cols = run(new BroadcastInDim(Shape.of(2, 3), Vector.of(0, 1)), Operand.bool(Shape.of(2, 1), true, false));
        assertArrayEquals(new boolean[] {true, true, true, false, false, false}, cols.data().bool());
    }

    @Test
    void shouldBroadcastLargeArraysOnThePool() {
        int n = 257, m = 301;
        var r = new Random(7);
        Operand x = random(DType.F32, new int[] {n, 1}, r);
        Result res = run(new BroadcastInDim(Shape.of(3, n, m), Vector.of(1, 2)), x);
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) assertEquals(x.data().f32()[i], res.data().f32()[(a * n + i) * m + j]);
            }
        }
    }

    // ---------------------------------------------------------------------------------------- transpose

    @Property(tries = 150)
    void shouldTransposeAndUndoWithTheInversePermutation(@ForAll("computeTypes") DType t, @ForAll long seed) {
        var r = new Random(seed);
        int[] in = randomDims(r, 0, 4, 4);
        int[] perm = randomPermutation(in.length, r);
        int[] out = new int[in.length], inverse = new int[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[perm[i]];
            inverse[perm[i]] = i;
        }
        Operand x = random(t, in, r);
        Result res = run(new Transpose(seq(perm)), x);
        HostData e = expected(x, out, o -> {
            int[] src = new int[in.length];
            for (int i = 0; i < in.length; i++) src[perm[i]] = o[i];
            return flat(src, in);
        }, null);
        check(res, out, e, "transpose " + x.aval() + " by " + seq(perm));
        Result back = run(new Transpose(seq(inverse)), new Operand(res.aval(), res.data()));
        check(back, in, x.data(), "transpose back by " + seq(inverse));
    }

    @Test
    void shouldTransposeLargeMatricesThroughTiles() {
        for (DType t : new DType[] {DType.F32, DType.F64, DType.I64}) {
            int n = 300, m = 217;
            Operand x = random(t, new int[] {n, m}, new Random(3));
            Result res = run(new Transpose(Vector.of(1, 0)), x);
            HostData e = expected(x, new int[] {m, n}, o -> o[1] * m + o[0], null);
            check(res, new int[] {m, n}, e, "transpose " + x.aval());
        }
    }

    @Test
    void shouldTransposeF32MatricesOfDenseLayerShapes() {
        // Weight-gradient shapes (power-of-two rows map a block's lines onto few cache sets),
        // sides off the block size, and one side short enough for plain row runs.
        int[][] shapes = {{512, 784}, {512, 512}, {10, 512}, {512, 10}, {65, 1000}, {1000, 65}, {129, 257}};
        for (int[] s : shapes) {
            int n = s[0], m = s[1];
            Operand x = random(DType.F32, new int[] {n, m}, new Random(n * 31L + m));
            Result res = run(new Transpose(Vector.of(1, 0)), x);
            HostData e = expected(x, new int[] {m, n}, o -> o[1] * m + o[0], null);
            check(res, new int[] {m, n}, e, "transpose " + x.aval());
        }
    }

    @Test
    void shouldTransposeBatchedMatricesThroughTiles() {
        int b = 3, n = 70, m = 90;
        Operand x = random(DType.I32, new int[] {b, n, m}, new Random(4));
        Result res = run(new Transpose(Vector.of(0, 2, 1)), x);
        HostData e = expected(x, new int[] {b, m, n}, o -> (o[0] * n + o[2]) * m + o[1], null);
        check(res, new int[] {b, m, n}, e, "transpose " + x.aval());
    }

    // ---------------------------------------------------------------------------------------- rev

    @Property(tries = 150)
    void shouldReverseTheChosenAxes(@ForAll("computeTypes") DType t, @ForAll long seed) {
        var r = new Random(seed);
        int[] dims = randomDims(r, 0, 4, 4);
        List<Integer> axes = new ArrayList<>();
        for (int i = 0; i < dims.length; i++) if (r.nextBoolean()) axes.add(i);
        Operand x = random(t, dims, r);
        Result res = run(new Rev(Vector.ofAll(axes)), x);
        HostData e = expected(x, dims, o -> {
            int[] src = o.clone();
            for (int a : axes) src[a] = dims[a] - 1 - o[a];
            return flat(src, dims);
        }, null);
        check(res, dims, e, "rev " + x.aval() + " axes " + axes);
    }

    @Test
    void shouldReverseVectors() {
        Result r = run(new Rev(Vector.of(0)), Operand.u32(Shape.of(3), 1, -1, 7));
        assertArrayEquals(new int[] {7, -1, 1}, r.data().i32());
    }

    // ---------------------------------------------------------------------------------------- slice

    @Property(tries = 150)
    void shouldSliceWithStrides(@ForAll("computeTypes") DType t, @ForAll long seed) {
        var r = new Random(seed);
        int[] dims = randomDims(r, 0, 3, 6);
        int rank = dims.length;
        int[] start = new int[rank], limit = new int[rank], stride = new int[rank], out = new int[rank];
        for (int i = 0; i < rank; i++) {
            start[i] = r.nextInt(dims[i] + 1);
            limit[i] = start[i] + r.nextInt(dims[i] - start[i] + 1);
            stride[i] = 1 + r.nextInt(3);
            out[i] = (limit[i] - start[i] + stride[i] - 1) / stride[i];
        }
        Operand x = random(t, dims, r);
        Result res = run(new Slice(seq(start), seq(limit), seq(stride)), x);
        HostData e = expected(x, out, o -> {
            int[] src = new int[rank];
            for (int i = 0; i < rank; i++) src[i] = start[i] + o[i] * stride[i];
            return flat(src, dims);
        }, null);
        check(res, out, e, "slice " + x.aval() + " " + seq(start) + " " + seq(limit) + " " + seq(stride));
    }

    @Test
    void shouldSliceEveryOtherColumn() {
        Operand x = Operand.f64(Shape.of(2, 5), 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        Result r = run(new Slice(Vector.of(1, 0), Vector.of(2, 5), Vector.of(1, 2)), x);
        assertArrayEquals(new double[] {5, 7, 9}, r.data().f64());
    }

    // ---------------------------------------------------------------------------------------- dynamic slice

    @Property(tries = 150)
    void shouldDynamicSliceAtClampedStarts(@ForAll("computeTypes") DType t, @ForAll long seed) {
        var r = new Random(seed);
        int[] dims = randomDims(r, 0, 3, 5);
        int rank = dims.length;
        int[] sizes = new int[rank];
        long[] starts = new long[rank];
        Operand[] in = new Operand[rank + 1];
        in[0] = random(t, dims, r);
        for (int i = 0; i < rank; i++) {
            sizes[i] = r.nextInt(dims[i] + 1);
            starts[i] = r.nextInt(dims[i] + 7) - 3;
            DType it = INDEX_TYPES[r.nextInt(3)];
            in[i + 1] = index(it, starts[i]);
            if (it == DType.U32 && starts[i] < 0) starts[i] += 1L << 32;   // the same bits read unsigned
        }
        Result res = run(new DynamicSlice(seq(sizes)), in);
        HostData e = expected(in[0], sizes, o -> {
            int[] src = new int[rank];
            for (int i = 0; i < rank; i++) src[i] = (int) Math.min(Math.max(starts[i], 0), dims[i] - sizes[i]) + o[i];
            return flat(src, dims);
        }, null);
        check(res, sizes, e, "dynamic_slice " + in[0].aval() + " starts " + java.util.Arrays.toString(starts));
    }

    @Test
    void shouldClampDynamicSliceStartsOfEveryIndexType() {
        Operand x = Operand.i32(Shape.of(5), 0, 1, 2, 3, 4);
        var slice = new DynamicSlice(Vector.of(2));
        assertArrayEquals(new int[] {3, 4}, run(slice, x, index(DType.I64, Long.MAX_VALUE)).data().i32());
        assertArrayEquals(new int[] {0, 1}, run(slice, x, index(DType.I64, Long.MIN_VALUE)).data().i32());
        assertArrayEquals(new int[] {3, 4}, run(slice, x, index(DType.U32, 0xFFFF_FFFFL)).data().i32());
        assertArrayEquals(new int[] {0, 1}, run(slice, x, index(DType.I32, -1)).data().i32());
        assertArrayEquals(new int[] {2, 3}, run(slice, x, index(DType.I32, 2)).data().i32());
    }

    @Test
    void shouldDynamicSliceScalars() {
        Result r = run(new DynamicSlice(Vector.empty()), Operand.bool(Shape.SCALAR, true));
        assertArrayEquals(new boolean[] {true}, r.data().bool());
    }

    // ---------------------------------------------------------------------------------------- dynamic update slice

    @Property(tries = 150)
    void shouldWriteUpdatesAtClampedStarts(@ForAll("computeTypes") DType t, @ForAll long seed) {
        var r = new Random(seed);
        int[] dims = randomDims(r, 0, 3, 5);
        int rank = dims.length;
        int[] upd = new int[rank];
        long[] starts = new long[rank];
        Operand[] in = new Operand[rank + 2];
        in[0] = random(t, dims, r);
        for (int i = 0; i < rank; i++) upd[i] = r.nextInt(dims[i] + 1);
        in[1] = random(t, upd, r);
        for (int i = 0; i < rank; i++) {
            starts[i] = r.nextInt(dims[i] + 7) - 3;
            in[i + 2] = index(DType.I32, starts[i]);
        }
        HostData before = in[0].data().copy();
        Result res = run(new DynamicUpdateSlice(), in);
        HostData e = before.copy();
        int[] at = new int[rank];
        for (int i = 0; i < rank; i++) at[i] = (int) Math.min(Math.max(starts[i], 0), dims[i] - upd[i]);
        forEachIndex(upd, u -> {
            int[] o = new int[rank];
            for (int i = 0; i < rank; i++) o[i] = at[i] + u[i];
            e.copyFrom(in[1].data(), flat(u, upd), flat(o, dims));
        });
        check(res, dims, e, "dynamic_update_slice " + in[0].aval() + " update " + in[1].aval());
        assertSameElements(before, in[0].data(), "operand left unchanged");
    }

    @Test
    void shouldClampUpdateIntoTheLastColumns() {
        Operand x = Operand.f32(Shape.of(2, 4), 0, 1, 2, 3, 4, 5, 6, 7);
        Operand u = Operand.f32(Shape.of(1, 2), -1, -2);
        Result r = run(new DynamicUpdateSlice(), x, u, index(DType.I32, 5), index(DType.U32, 3));
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, -1, -2}, r.data().f32());
    }

    // ---------------------------------------------------------------------------------------- concatenate

    @Property(tries = 150)
    void shouldConcatenateAlongTheDimension(@ForAll("computeTypes") DType t, @ForAll long seed) {
        var r = new Random(seed);
        int[] dims = randomDims(r, 1, 3, 3);
        int dim = r.nextInt(dims.length), k = 1 + r.nextInt(3);
        Operand[] in = new Operand[k];
        int[] offsets = new int[k + 1];
        for (int j = 0; j < k; j++) {
            int[] d = dims.clone();
            d[dim] = r.nextInt(4);
            in[j] = random(t, d, r);
            offsets[j + 1] = offsets[j] + d[dim];
        }
        int[] out = dims.clone();
        out[dim] = offsets[k];
        Result res = run(new Concatenate(dim), in);
        HostData e = HostData.allocate(t, Shape.of(out).size());
        forEachIndex(out, o -> {
            int j = 0;
            while (o[dim] >= offsets[j + 1]) j++;
            int[] src = o.clone();
            src[dim] -= offsets[j];
            e.copyFrom(in[j].data(), flat(src, in[j].aval().shape().toArray()), flat(o, out));
        });
        check(res, out, e, "concatenate " + k + " operands along " + dim);
    }

    @Test
    void shouldConcatenateRowsAndColumns() {
        Operand a = Operand.i64(Shape.of(2, 1), 1, 2), b = Operand.i64(Shape.of(2, 2), 3, 4, 5, 6);
        assertArrayEquals(new long[] {1, 3, 4, 2, 5, 6}, run(new Concatenate(1), a, b).data().i64());
        Operand c = Operand.i64(Shape.of(1, 2), 7, 8);
        assertArrayEquals(new long[] {3, 4, 5, 6, 7, 8}, run(new Concatenate(0), b, c).data().i64());
    }

    // ---------------------------------------------------------------------------------------- pad

    @Property(tries = 200)
    void shouldPadWithLowHighAndInteriorPadding(@ForAll("computeTypes") DType t, @ForAll long seed) {
        var r = new Random(seed);
        int[] dims = randomDims(r, 0, 3, 4);
        int rank = dims.length;
        int[] lo = new int[rank], hi = new int[rank], interior = new int[rank], out = new int[rank];
        for (int i = 0; i < rank; i++) {
            lo[i] = r.nextInt(7) - 3;
            interior[i] = r.nextInt(3);
            int inner = dims[i] + Math.max(0, dims[i] - 1) * interior[i];
            hi[i] = Math.max(r.nextInt(7) - 3, -(lo[i] + inner));   // never a negative size
            out[i] = lo[i] + inner + hi[i];
        }
        Operand x = random(t, dims, r), v = random(t, new int[0], r);
        Result res = run(pad(lo, hi, interior), x, v);
        HostData e = expected(x, out, o -> {
            int[] src = new int[rank];
            for (int i = 0; i < rank; i++) {
                int p = o[i] - lo[i], step = interior[i] + 1;
                if (p < 0 || p % step != 0 || p / step >= dims[i]) return -1;
                src[i] = p / step;
            }
            return flat(src, dims);
        }, v.data());
        check(res, out, e, "pad " + x.aval() + " lo " + seq(lo) + " hi " + seq(hi) + " interior " + seq(interior));
    }

    @Property(tries = 100)
    void shouldCropLikeSliceWithNegativePadding(@ForAll("computeTypes") DType t, @ForAll long seed) {
        var r = new Random(seed);
        int[] dims = randomDims(r, 1, 3, 5);
        int rank = dims.length;
        int[] lo = new int[rank], hi = new int[rank], start = new int[rank], limit = new int[rank], ones = new int[rank];
        for (int i = 0; i < rank; i++) {
            start[i] = r.nextInt(dims[i] + 1);
            limit[i] = start[i] + r.nextInt(dims[i] - start[i] + 1);
            lo[i] = -start[i];
            hi[i] = limit[i] - dims[i];
            ones[i] = 1;
        }
        Operand x = random(t, dims, r);
        Result padded = run(pad(lo, hi, new int[rank]), x, random(t, new int[0], r));
        Result sliced = run(new Slice(seq(start), seq(limit), seq(ones)), x);
        check(padded, sliced.aval().shape().toArray(), sliced.data(), "pad " + seq(lo) + " " + seq(hi) + " vs slice");
    }

    @Test
    void shouldCropAfterInteriorPadding() {
        // Interior padding gives [1 0 2 0 3]; lo = hi = -1 then crops one element from each end.
        Result r = run(pad(new int[] {-1}, new int[] {-1}, new int[] {1}), Operand.i32(Shape.of(3), 1, 2, 3), Operand.i32(Shape.SCALAR, 0));
        assertArrayEquals(new int[] {0, 2, 0}, r.data().i32());
        Result s = run(pad(new int[] {-2}, new int[] {1}, new int[] {2}), Operand.f32(Shape.of(2), 5, 6), Operand.f32(Shape.SCALAR, 9));
        assertArrayEquals(new float[] {9, 6, 9}, s.data().f32());
    }

    @Test
    void shouldPadLargeArraysOnThePool() {
        Operand x = random(DType.F32, new int[] {200, 190}, new Random(9));
        Result res = run(pad(new int[] {3, -2}, new int[] {-1, 4}, new int[] {0, 1}), x, Operand.f32(Shape.SCALAR, -7));
        int[] out = res.aval().shape().toArray();
        HostData e = expected(x, out, o -> {
            int p0 = o[0] - 3, p1 = o[1] + 2;
            return p0 < 0 || p0 >= 200 || p1 % 2 != 0 || p1 / 2 >= 190 ? -1 : p0 * 190 + p1 / 2;
        }, HostData.own(new float[] {-7}));
        check(res, out, e, "pad " + x.aval());
    }

    private static Pad pad(int[] lo, int[] hi, int[] interior) {
        List<PadConfig> c = new ArrayList<>();
        for (int i = 0; i < lo.length; i++) c.add(new PadConfig(lo[i], hi[i], interior[i]));
        return new Pad(Vector.ofAll(c));
    }

    // ---------------------------------------------------------------------------------------- iota

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F32", "F64", "I32", "I64", "U32"})
    void shouldCountAlongTheIotaDimension(DType t) {
        int[] dims = {3, 4, 2};
        for (int d = 0; d < dims.length; d++) {
            Result r = run(new Iota(t, Shape.of(dims), d));
            int axis = d;
            forEachIndex(dims, o -> assertEquals(o[axis], r.data().getDouble(flat(o, dims)), t + " iota along " + axis));
        }
    }

    @Test
    void shouldMakeEmptyAndLongIotas() {
        assertEquals(0, run(new Iota(DType.F32, Shape.of(3, 0), 0)).data().size());
        Result r = run(new Iota(DType.U32, Shape.of(40000), 0));
        for (int i = 0; i < 40000; i++) assertEquals(i, r.data().getLong(i));
    }

    // ---------------------------------------------------------------------------------------- rank 0 and zero size

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F32", "F64", "I32", "I64", "U32", "BOOL"})  // the types kernels compute in
    void shouldMoveScalars(DType t) {
        Operand x = random(t, new int[0], new Random(1));
        var none = Vector.<Integer>empty();
        for (Result r : List.of(run(new Transpose(none), x), run(new Rev(none), x), run(new Slice(none, none, none), x),
                run(new Pad(Vector.empty()), x, random(t, new int[0], new Random(2))), run(new BroadcastInDim(Shape.SCALAR, none), x),
                run(new DynamicUpdateSlice(), random(t, new int[0], new Random(3)), x))) {
            check(r, new int[0], x.data(), "scalar");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F32", "F64", "I32", "I64", "U32", "BOOL"})  // the types kernels compute in
    void shouldHandleZeroSizeArrays(DType t) {
        Operand x = random(t, new int[] {2, 0, 3}, new Random(1));
        assertEquals(0, run(new Transpose(Vector.of(2, 0, 1)), x).data().size());
        assertEquals(0, run(new Rev(Vector.of(0, 1)), x).data().size());
        assertEquals(0, run(new BroadcastInDim(Shape.of(4, 2, 0, 3), Vector.of(1, 2, 3)), x).data().size());
        Result padded = run(pad(new int[] {0, 1, 0}, new int[] {0, 1, 0}, new int[] {0, 2, 0}), x, random(t, new int[0], new Random(5)));
        assertArrayEquals(new int[] {2, 2, 3}, padded.aval().shape().toArray());
        for (int i = 0; i < padded.data().size(); i++) assertSameElements(random(t, new int[0], new Random(5)).data(), sliceOf(padded.data(), i), "fill");
    }

    private static HostData sliceOf(HostData b, int i) {
        return b.gather(new int[] {i});
    }
}
