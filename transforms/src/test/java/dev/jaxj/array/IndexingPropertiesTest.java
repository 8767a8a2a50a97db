package dev.jaxj.array;

import io.vavr.control.Option;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Random;

import static dev.jaxj.array.Ref.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Laws of {@link Array#get} and {@link Array#at} over random static index expressions on
 * random shapes (zero-size axes included): the two lowerings agree, and {@code set} writes
 * exactly the elements {@code get} reads. A failure names the seed, the aval and the index.
 */
class IndexingPropertiesTest {

    /** A random static index expression (integers, slices of every form, new axes) for {@code shape}. */
    private static Object[] randomStaticIndex(int[] shape, Random r) {
        var out = new ArrayList<Object>();
        for (int n : shape) {
            if (r.nextInt(5) == 0) out.add(Index.NEW_AXIS);
            if (n > 0 && r.nextInt(4) == 0) {
                out.add(r.nextInt(2 * n) - n);
                continue;
            }
            Option<Integer> start = r.nextBoolean() ? Option.some(r.nextInt(17) - 8) : Option.none();
            Option<Integer> stop = r.nextBoolean() ? Option.some(r.nextInt(17) - 8) : Option.none();
            Option<Integer> step = r.nextBoolean() ? Option.some(new int[] {-3, -2, -1, 1, 2, 3}[r.nextInt(6)]) : Option.none();
            out.add(new Index.Slice(start, stop, step));
        }
        return out.toArray();
    }

    private static int[] randomShape(Random r) {
        int[] s = new int[1 + r.nextInt(3)];
        for (int i = 0; i < s.length; i++) s[i] = r.nextInt(6);
        return s;
    }

    @Property(tries = 150)
    void sliceAndGatherLoweringsAgree(@ForAll long seed) {
        Random r = new Random(seed);
        int[] shape = randomShape(r);
        Object[] index = randomStaticIndex(shape, r);
        Array x = iota(shape);
        Array viaSlices = x.get(index);
        // A leading integer array sends the same expression through the gather lowering.
        Object[] withArray = new Object[index.length + 1];
        withArray[0] = ints1(0);
        System.arraycopy(index, 0, withArray, 1, index.length);
        Array viaGather = x.expandDims(0).get(withArray);
        String what = "seed " + seed + ": " + x.aval() + Arrays.toString(index);
        assertEquals(viaSlices.shape().insert(0, 1), viaGather.shape(), what);
        assertArrayEquals(viaSlices.toFloatArray(), viaGather.toFloatArray(), what);
    }

    @Property(tries = 150)
    void setWritesExactlyTheElementsThatGetReads(@ForAll long seed) {
        Random r = new Random(seed);
        int[] shape = randomShape(r);
        Object[] index = randomStaticIndex(shape, r);
        Array x = iota(shape);
        float[] read = x.get(index).toFloatArray();
        float[] marks = new float[read.length];
        for (int i = 0; i < marks.length; i++) marks[i] = -1 - read[i];
        Array updated = x.at(index).set(floats(marks, x.get(index).shape().toArray()));
        String what = "seed " + seed + ": " + x.aval() + Arrays.toString(index);
        assertArrayEquals(marks, updated.get(index).toFloatArray(), what);
        // Static indices never repeat a position, so exactly the read elements changed, each to -1 - itself.
        float[] before = x.toFloatArray(), after = updated.toFloatArray();
        int changed = 0;
        for (int i = 0; i < before.length; i++) {
            if (after[i] != before[i]) {
                assertEquals(-1 - before[i], after[i], what);
                changed++;
            }
        }
        assertEquals(read.length, changed, what);
    }
}
