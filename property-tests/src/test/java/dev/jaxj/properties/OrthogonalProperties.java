package dev.jaxj.properties;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.Linalg;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.testing.GradCheck;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.SplittableRandom;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The QR, eigh, SVD and eig primitives and the functions built on them, on random well-conditioned
 * f64 matrices (a spread diagonal plus a small random part, so that eigen- and singular values
 * are distinct and bounded away from zero), with up to one leading batch axis:
 * <ul>
 * <li>forward and reverse mode agree with central differences; eigen- and singular vectors
 * enter through sign-invariant quantities ({@code V∘V}, {@code U∘U}), since their signs are a
 * convention; general eigenvalues through their power sums {@code Re Σ w^k} and eigenvectors
 * through {@code Σ_k Re(v_ik)²}, which do not depend on the order the solver returns them in;
 * <li>{@code vmap} equals the loop over the stacked matrices, {@code jit} equals eager, and a
 * zero-size batch axis gives zero-size results of the right shapes.
 * </ul>
 */
class OrthogonalProperties {

    /** A matrix {@code [batch..., m, n]}: {@code spread·i} on the diagonal plus noise in {@code (-0.3, 0.3)}; symmetric if asked. */
    static Array matrix(long seed, int batch, int m, int n, double spread, boolean symmetric) {
        SplittableRandom rng = new SplittableRandom(seed);
        int count = Math.max(1, batch);
        double[] v = new double[count * m * n];
        for (int b = 0; b < count; b++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) v[(b * m + i) * n + j] = rng.nextDouble(-0.3, 0.3) + (i == j ? spread * (i + 1) : 0);
            }
            if (symmetric) {
                for (int i = 0; i < m; i++) for (int j = 0; j < i; j++) v[(b * m + j) * n + i] = v[(b * m + i) * n + j];
            }
        }
        Shape s = batch == 0 ? Shape.of(m, n) : Shape.of(batch, m, n);
        return Jnp.array(v, DType.F64, s.toArray());
    }

    private static Array squared(Array x) { return Lax.mul(x, x); }

    /** {@code Re Σ_i w_i^k} for {@code k = 1..n} along a new last axis: symmetric in the eigenvalues. */
    private static Array powerSums(Array w) {
        int n = w.shape().dim(-1), last = w.ndim() - 1;
        Vector<Array> sums = Vector.range(1, n + 1).map(k -> Jnp.real(Lax.reduceSum(Lax.integerPow(w, k), last)));
        return Jnp.stack(sums, -1);
    }

    /** {@code Σ_k Re(v_ik)²}: the same for every order of the columns, and sensitive to their normalization. */
    private static Array realSquares(Array v) { return Lax.reduceSum(squared(Jnp.real(v)), v.ndim() - 1); }

    /** The functions checked, each of one matrix argument. */
    private static Vector<Case> cases(int m, int n) {
        Vector<Case> c = Vector.of(
                new Case("qr.q", false, 2, x -> Linalg.qr(x).q()),
                new Case("qr.r", false, 2, x -> Linalg.qr(x).r()),
                new Case("svd.s", false, 2, Linalg::svdvals),
                new Case("svd.u∘u", false, 2, x -> squared(Linalg.svd(x, false).u())),
                new Case("svd.vh∘vh", false, 2, x -> squared(Linalg.svd(x, false).vh())),
                new Case("pinv", false, 2, Linalg::pinv),
                new Case("norm 2", false, 2, x -> Linalg.norm(x, 2, new int[] {-2, -1}, false)),
                new Case("norm nuc", false, 2, x -> Linalg.norm(x, "nuc", new int[] {-2, -1}, false)),
                new Case("cond", false, 2, Linalg::cond),
                new Case("eigh.w", true, 4, x -> Linalg.eigh(x).eigenvalues()),
                new Case("eigh.v∘v", true, 4, x -> squared(Linalg.eigh(x).eigenvectors())));
        if (m == n) {
            c = c.appendAll(Vector.of(
                    new Case("qr complete", false, 2, x -> Linalg.qr(x, "complete").q()),
                    new Case("eigvals power sums", false, 2, x -> powerSums(Linalg.eigvals(x))),
                    new Case("eig.vr", false, 2, x -> realSquares(Lax.eig(x, false, true, true).get(1))),
                    new Case("eig.vl", false, 2, x -> realSquares(Lax.eig(x, true, false, true).get(1)))));
        }
        return c;
    }

    record Case(String name, boolean symmetric, double spread, Function<Array, Array> f) {
        Array input(long seed, int batch, int m, int n) {
            return symmetric ? matrix(seed, batch, n, n, spread, true) : matrix(seed, batch, m, n, spread, false);
        }

        GradCheck check() { return GradCheck.of(name, (Seq<Array> xs) -> f.apply(xs.head())); }
    }

    @Property(tries = 12)
    void jvpAndVjpMatchCentralDifferences(@ForAll @IntRange(min = 1, max = 4) int m, @ForAll @IntRange(min = 1, max = 4) int n,
                                          @ForAll @IntRange(min = 0, max = 2) int batch, @ForAll long seed) {
        for (Case c : cases(m, n)) {
            Seq<Array> x = Vector.of(c.input(seed, batch, m, n));
            c.check().assertJvpMatchesCentralDifferences(x, seed);
            c.check().assertVjpMatchesCentralDifferences(x, seed);
        }
    }

    @Property(tries = 10)
    void vmapEqualsTheLoopAndJitEqualsEager(@ForAll @IntRange(min = 1, max = 4) int m, @ForAll @IntRange(min = 1, max = 4) int n,
                                            @ForAll long seed) {
        for (Case c : cases(m, n)) {
            Array stacked = c.input(seed, 3, m, n);
            Array batched = Jax.vmap(c.f()).apply(stacked);
            for (int b = 0; b < 3; b++) {
                Array one = Lax.squeeze(Lax.slice(stacked, Vector.of(b, 0, 0), Vector.of(b + 1, stacked.shape().dim(1), stacked.shape().dim(2)),
                        Vector.of(1, 1, 1)), Vector.of(0));
                double[] expected = c.f().apply(one).toDoubleArray(), all = batched.toDoubleArray();
                int size = expected.length;
                assertArrayEquals(expected, java.util.Arrays.copyOfRange(all, b * size, b * size + size), 1e-12, c.name() + " under vmap, example " + b);
            }
            assertArrayEquals(c.f().apply(stacked).toDoubleArray(), Jax.jit(c.f()).apply(stacked).toDoubleArray(), 1e-12, c.name() + " under jit");
        }
    }

    @Property(tries = 4)
    void zeroSizeBatchesGiveEmptyResults(@ForAll @IntRange(min = 1, max = 3) int m, @ForAll @IntRange(min = 1, max = 3) int n) {
        Array x = Jnp.zeros(Shape.of(0, m, n), DType.F64);
        int k = Math.min(m, n);
        assertEquals(Shape.of(0, m, k), Linalg.qr(x).q().shape());
        assertEquals(Shape.of(0, k), Jax.jit((Array a) -> Linalg.svdvals(a)).apply(x).shape());
        Array sq = Jnp.zeros(Shape.of(0, n, n), DType.F64);
        assertEquals(Shape.of(0, n), Linalg.eigh(sq).eigenvalues().shape());
        assertEquals(Shape.of(0, n, n), Jax.vmap((Array a) -> Linalg.eigh(a).eigenvectors()).apply(sq).shape());
        assertEquals(Shape.of(0, n), Linalg.eigvals(sq).shape());
        assertEquals(Shape.of(0, n, n), Jax.vmap((Array a) -> Linalg.eig(a).eigenvectors()).apply(sq).shape());
    }
}
