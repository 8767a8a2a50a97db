package dev.jaxj.properties;

import dev.jaxj.Jax;
import dev.jaxj.Linalg;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.testing.GradCheck;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import net.jqwik.api.ForAll;
import net.jqwik.api.Example;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.Random;
import java.util.function.Function;

import static dev.jaxj.properties.VmapEliminationCases.eye;
import static dev.jaxj.properties.VmapEliminationCases.gram;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Derivatives of Cholesky, LU, the triangular solve and the solvers built on them, against
 * central differences in f64 over random well-conditioned matrices with 0 to 2 batch axes
 * (orders 0 to 4 in the primitive laws, so 0x0 and 1x1 matrices are drawn), in forward and
 * reverse mode; {@code jit} equals eager. The vmap laws are rows of {@link VmapProperties}.
 */
class EliminationProperties {

    private static Array data(Shape s, Random r) {
        double[] v = new double[s.size()];
        for (int i = 0; i < v.length; i++) v[i] = 2 * r.nextDouble() - 1;
        return dev.jaxj.Jnp.array(v, DType.F64, s.toArray());
    }

    /**
     * Entries {@code ±k/size} for a random permutation of {@code k = 1..size}: no two of equal or
     * nearly equal magnitude. LU's pivot choice is not differentiable where two candidates tie,
     * and central differences across such a tie (uniform data drew 0.20159 and -0.20142 in one
     * column) measure the jump, not the derivative.
     */
    private static Array distinctMagnitudes(Shape s, Random r) {
        int size = s.size();
        Integer[] k = new Integer[size];
        for (int i = 0; i < size; i++) k[i] = i + 1;
        java.util.Collections.shuffle(java.util.Arrays.asList(k), r);
        double[] v = new double[size];
        for (int i = 0; i < size; i++) v[i] = (r.nextBoolean() ? 1 : -1) * k[i] / (double) size;
        return dev.jaxj.Jnp.array(v, DType.F64, s.toArray());
    }

    private static Shape matrices(Random r, int rows, int cols) {
        int[] d = new int[r.nextInt(3) + 2];
        for (int i = 0; i < d.length - 2; i++) d[i] = 1 + r.nextInt(2);
        d[d.length - 2] = rows;
        d[d.length - 1] = cols;
        return Shape.of(d);
    }

    private static void allModes(String op, Function<Seq<Array>, Array> f, Seq<Array> args, long seed) {
        GradCheck c = GradCheck.of(op, f);
        c.assertJvpMatchesCentralDifferences(args, seed);
        c.assertVjpMatchesCentralDifferences(args, seed);
        c.assertVjpIsTransposeOfJvp(args, seed);
    }

    /** A symmetric positive-definite input, so the perturbed inputs are too. */
    private static Array spd(Array x) {
        return Lax.add(gram(x), eye(x, x.shape().dim(-1) + 1));
    }

    @Property(tries = 40)
    void choleskyDerivativesMatchCentralDifferences(@ForAll @IntRange(max = 4) int n, @ForAll long seed) {
        Random r = new Random(seed);
        allModes("cholesky", xs -> Linalg.cholesky(spd(xs.head())), Vector.of(data(matrices(r, n, n), r)), seed);
    }

    @Property(tries = 40)
    void luDerivativesMatchCentralDifferences(@ForAll @IntRange(max = 4) int m, @ForAll @IntRange(max = 4) int n, @ForAll long seed) {
        Random r = new Random(seed);
        allModes("lu", xs -> Lax.lu(xs.head()).head(), Vector.of(distinctMagnitudes(matrices(r, m, n), r)), seed);
    }

    @Property(tries = 60)
    void triangularSolveDerivativesMatchCentralDifferences(@ForAll @IntRange(max = 4) int k, @ForAll @IntRange(max = 3) int n,
                                                           @ForAll @IntRange(max = 15) int flags, @ForAll long seed) {
        Random r = new Random(seed);
        boolean left = (flags & 1) != 0, lower = (flags & 2) != 0, trans = (flags & 4) != 0, unit = (flags & 8) != 0;
        Shape a = matrices(r, k, k);
        int[] bd = a.toArray();
        bd[bd.length - 2] = left ? k : n;
        bd[bd.length - 1] = left ? n : k;
        allModes("triangular_solve", xs -> Lax.triangularSolve(Lax.add(xs.get(0), eye(xs.get(0), 4)), xs.get(1), left, lower, trans, false, unit),
                Vector.of(data(a, r), data(Shape.of(bd), r)), seed);
    }

    @Property(tries = 30)
    void solverDerivativesMatchCentralDifferences(@ForAll @IntRange(min = 1, max = 4) int n, @ForAll long seed) {
        Random r = new Random(seed);
        Shape s = matrices(r, n, n);
        Array a = data(s, r), b = data(s, r);
        Function<Array, Array> wellConditioned = x -> Lax.add(x, eye(x, 3));
        allModes("solve", xs -> Linalg.solve(wellConditioned.apply(xs.get(0)), xs.get(1)), Vector.of(a, b), seed);
        allModes("inv", xs -> Linalg.inv(wellConditioned.apply(xs.head())), Vector.of(a), seed);
        allModes("det", xs -> Linalg.det(xs.head()), Vector.of(a), seed);
        allModes("slogdet", xs -> Linalg.slogdet(wellConditioned.apply(xs.head())).logabsdet(), Vector.of(a), seed);
        allModes("cho_solve", xs -> dev.jaxj.scipy.Linalg.choSolve(dev.jaxj.scipy.Linalg.choFactor(spd(xs.get(0)), true), xs.get(1)),
                Vector.of(a, b), seed);
        allModes("solve_triangular", xs -> dev.jaxj.scipy.Linalg.solveTriangular(wellConditioned.apply(xs.get(0)), xs.get(1), 1, false, false),
                Vector.of(a, b), seed);
    }

    /** det is a polynomial, so central differences are exact enough even where it is singular: JAX's cofactor rule must agree. */
    @Property(tries = 30)
    void determinantDerivativeIsRightAtSingularMatrices(@ForAll @IntRange(min = 2, max = 4) int n, @ForAll @IntRange(min = 1, max = 2) int deficit,
                                                        @ForAll long seed) {
        Random r = new Random(seed);
        int rank = Math.max(0, n - deficit);
        Array u = data(Shape.of(n, rank), r), v = data(Shape.of(rank, n), r);
        Array singular = rank == 0 ? data(Shape.of(n, n), r).mul(0.0) : Linalg.multiDot(u, v);
        allModes("det (rank " + rank + " of " + n + ")", xs -> Linalg.det(xs.head()), Vector.of(singular), seed);
    }

    @Property(tries = 20)
    void expmDerivativesMatchCentralDifferences(@ForAll @IntRange(min = 1, max = 3) int n, @ForAll long seed) {
        Random r = new Random(seed);
        allModes("expm", xs -> dev.jaxj.scipy.Linalg.expm(xs.head()), Vector.of(data(Shape.of(n, n), r)), seed);
    }

    @Property(tries = 30)
    void jitEqualsEager(@ForAll @IntRange(max = 4) int n, @ForAll long seed) {
        Random r = new Random(seed);
        Array a = data(matrices(r, n, n), r).astype(DType.F32);
        Function<Array, Array> f = x -> Linalg.solve(Lax.add(x, eye(x, 3)), Linalg.cholesky(spd(x))).add(Lax.lu(x).head());
        Array eager = f.apply(a), compiled = Jax.jit(f).apply(a);
        assertArrayEquals(eager.toFloatArray(), compiled.toFloatArray(), 1e-5f, "jit of solve/cholesky/lu on " + a.aval() + ", seed " + seed);
    }

    /** The batching rule's shortcut: one shared triangle solves every example's right-hand side as extra columns. */
    @Property(tries = 30)
    void vmapOverTheRightHandSideEqualsTheLoop(@ForAll @IntRange(max = 4) int k, @ForAll @IntRange(max = 3) int n,
                                              @ForAll @IntRange(max = 3) int size, @ForAll @IntRange(max = 7) int flags, @ForAll long seed) {
        Random r = new Random(seed);
        boolean lower = (flags & 1) != 0, trans = (flags & 2) != 0, unit = (flags & 4) != 0;
        Array a = Lax.add(data(Shape.of(k, k), r), eye(data(Shape.of(k, k), r), 4));
        Array bs = data(Shape.of(k, size, n), r);
        Function<Array, Array> solve = b -> Lax.triangularSolve(a, b, true, lower, trans, false, unit);
        Array got = Jax.vmap(solve, 1, 0).apply(bs);
        assertEquals(Shape.of(size, k, n), got.shape());
        for (int i = 0; i < size; i++) {
            int at = i;
            Array bi = dev.jaxj.Jnp.array(slice(bs.toDoubleArray(), k, size, n, at), DType.F64, k, n);
            assertArrayEquals(solve.apply(bi).toDoubleArray(), slice(got.toDoubleArray(), 1, size, k * n, at), 1e-12,
                    "example " + i + ", seed " + seed);
        }
    }

    /** Example {@code i} of an array laid out {@code [outer, size, inner]}. */
    private static double[] slice(double[] v, int outer, int size, int inner, int i) {
        double[] s = new double[outer * inner];
        for (int o = 0; o < outer; o++) System.arraycopy(v, (o * size + i) * inner, s, o * inner, inner);
        return s;
    }

    @Example
    void emptyAndOneByOneMatricesWork() {
        Array empty = data(Shape.of(2, 0, 0), new Random(1));
        assertEquals(Shape.of(2, 0, 0), Linalg.cholesky(empty).shape());
        assertArrayEquals(new double[] {1, 1}, Linalg.det(empty).toDoubleArray(), "det of 0x0 is 1, as in NumPy");
        assertEquals(Shape.of(2, 0, 3), Linalg.solve(empty, data(Shape.of(2, 0, 3), new Random(2))).shape());
        Array one = dev.jaxj.Jnp.array(new double[] {4}, DType.F64, 1, 1);
        assertArrayEquals(new double[] {2}, Linalg.cholesky(one).toDoubleArray());
        assertArrayEquals(new double[] {1}, Jax.grad(Linalg::det).apply(one).toDoubleArray());
        assertEquals(Shape.of(0, 3, 3), Linalg.inv(data(Shape.of(0, 3, 3), new Random(3))).shape());
    }
}
