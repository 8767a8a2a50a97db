package dev.jaxj.properties;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.ir.Shape;
import dev.jaxj.tree.Tree;
import io.vavr.Tuple;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import net.jqwik.api.*;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Laws of broadcasting, reshape and transpose, and pytree round trips, over random shapes (rank 0 and zero-size included). */
class ArrayLawsProperties {

    @Provide
    Arbitrary<int[]> shapes() {
        return Arbitraries.integers().between(0, 4).array(int[].class).ofMinSize(0).ofMaxSize(4);
    }

    private static Array iotaValued(int[] dims, long seed) {
        Shape s = Shape.of(dims);
        float[] v = new float[s.size()];
        Random r = new Random(seed);
        for (int i = 0; i < v.length; i++) v[i] = r.nextInt(1000) - 500;
        return Jnp.array(v, dev.jaxj.ir.DType.F32, dims);
    }

    /** Broadcasting is commutative in shape, and the result agrees with a direct index computation. */
    @Property(tries = 150)
    void broadcastingMatchesNumpyIndexing(@ForAll("shapes") int[] a, @ForAll("shapes") int[] bFull, @ForAll long seed) {
        // Make b broadcast-compatible with a's trailing axes by choosing, per axis, a's size or 1.
        int rank = Math.min(a.length, bFull.length);
        int[] b = new int[rank];
        for (int i = 0; i < rank; i++) b[i] = bFull[i] % 2 == 0 ? a[a.length - rank + i] : 1;
        Array x = iotaValued(a, seed), y = iotaValued(b, seed + 1);
        Array sum = x.add(y);
        Shape out = NumpyOps.broadcastShapes("add", Vector.of(Shape.of(a), Shape.of(b)));
        assertEquals(out, sum.shape());
        assertEquals(out, y.add(x).shape());
        float[] xs = x.toFloatArray(), ys = y.toFloatArray(), got = sum.toFloatArray();
        int[] o = out.toArray();
        for (int flat = 0; flat < out.size(); flat++) {
            int[] idx = unravel(flat, o);
            float want = xs[ravel(idx, a)] + ys[ravel(idx, b)];
            assertEquals(want, got[flat], 0f, "at " + Arrays.toString(idx));
        }
    }

    @Property(tries = 150)
    void reshapeRoundTripsAndKeepsRowMajorOrder(@ForAll("shapes") int[] dims, @ForAll long seed) {
        Array x = iotaValued(dims, seed);
        Array flat = x.reshape(x.size());
        assertArrayEquals(x.toFloatArray(), flat.toFloatArray());
        assertArrayEquals(x.toFloatArray(), flat.reshape(dims).toFloatArray());
        assertEquals(Shape.of(dims), flat.reshape(dims).shape());
    }

    @Property(tries = 150)
    void transposeByAPermutationAndItsInverseIsTheIdentity(@ForAll("shapes") int[] dims, @ForAll long seed) {
        Array x = iotaValued(dims, seed);
        java.util.List<Integer> perm = new java.util.ArrayList<>(List.range(0, dims.length).toJavaList());
        java.util.Collections.shuffle(perm, new Random(seed));
        int[] p = perm.stream().mapToInt(Integer::intValue).toArray();
        int[] inv = new int[p.length];
        for (int i = 0; i < p.length; i++) inv[p[i]] = i;
        Array t = x.transpose(p);
        for (int i = 0; i < p.length; i++) assertEquals(dims[p[i]], t.shape().dim(i));
        assertArrayEquals(x.toFloatArray(), t.transpose(inv).toFloatArray());
    }

    record Layer(Array w, Array b) {}

    @Property(tries = 100)
    void pytreesOfArraysRoundTrip(@ForAll("shapes") int[] d1, @ForAll("shapes") int[] d2, @ForAll long seed) {
        Object tree = List.of(new Layer(iotaValued(d1, seed), iotaValued(d2, seed + 1)),
                HashMap.of("scale", iotaValued(d2, seed + 2)), Tuple.of(Option.of(iotaValued(d1, seed + 3)), Option.none()));
        Tree.Flattened f = Tree.flatten(tree);
        assertEquals(4, f.leaves().size());
        Object rebuilt = Tree.unflatten(f.treeDef(), f.leaves());
        assertEquals(f.treeDef(), Tree.structure(rebuilt));
        assertEquals(f.leaves(), Tree.leaves(rebuilt));
        Object doubled = Tree.map(tree, a -> ((Array) a).mul(2.0));
        assertEquals(f.treeDef(), Tree.structure(doubled));
    }

    private static int[] unravel(int flat, int[] dims) {
        int[] idx = new int[dims.length];
        for (int d = dims.length - 1; d >= 0; d--) {
            idx[d] = dims[d] == 0 ? 0 : flat % dims[d];
            flat = dims[d] == 0 ? 0 : flat / dims[d];
        }
        return idx;
    }

    /** Flat index into an operand of {@code dims}, aligned at the trailing axes of the broadcast index. */
    private static int ravel(int[] outIdx, int[] dims) {
        int off = outIdx.length - dims.length, flat = 0;
        for (int d = 0; d < dims.length; d++) flat = flat * dims[d] + (dims[d] == 1 ? 0 : outIdx[off + d]);
        return flat;
    }
}
