package dev.jaxj.random;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.control.Option;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.jaxj.random.Stats.*;

/**
 * Moments and a Kolmogorov-Smirnov or chi-squared fit for every sampler, in both modes, with
 * fixed keys (so never flaky). These catch wrong algorithms that the bit-level tests could
 * miss where expected values come from the reference.
 */
class SamplerStatisticsTest {
    static final int N = 10_000;
    static final Shape S = Shape.of(N);

    static Key key(ThreefryMode mode) { return new Key(Threefry.seed(20250101), mode); }

    @ParameterizedTest
    @EnumSource(ThreefryMode.class)
    void uniformIsUniform(ThreefryMode mode) {
        float[] x = Samplers.uniform(key(mode), S, DType.F32, 0, 1).toFloatArray();
        mean("uniform", x, 0.5, 1 / 12.0);
        variance("uniform", x, 1 / 12.0);
        ks("uniform", x, t -> Math.min(1, Math.max(0, t)));
        float[] y = Samplers.uniform(key(mode), S, DType.F64, -2, 6).toFloatArray();
        ks("uniform f64 on [-2, 6)", y, t -> Math.min(1, Math.max(0, (t + 2) / 8)));
    }

    @ParameterizedTest
    @EnumSource(ThreefryMode.class)
    void normalIsNormal(ThreefryMode mode) {
        float[] x = Samplers.normal(key(mode), S, DType.F32).toFloatArray();
        mean("normal", x, 0, 1);
        variance("normal", x, 1);
        ks("normal", x, Stats::normalCdf);
        ks("normal f64", Samplers.normal(key(mode), S, DType.F64).toFloatArray(), Stats::normalCdf);
    }

    @ParameterizedTest
    @EnumSource(ThreefryMode.class)
    void truncatedNormalFollowsTheTruncatedCdf(ThreefryMode mode) {
        // JAX testTruncatedNormal's bounds (-0.3, 0.3), and a one-sided wide interval.
        double a = Stats.normalCdf(-0.3), b = Stats.normalCdf(0.3);
        float[] x = Samplers.truncatedNormal(key(mode), -0.3, 0.3, S, DType.F32).toFloatArray();
        mean("truncated normal", x, 0, 0.03);
        ks("truncated normal", x, t -> (Stats.normalCdf(t) - a) / (b - a));
        double c = Stats.normalCdf(-1);
        float[] y = Samplers.truncatedNormal(key(mode), -1, 10, S, DType.F32).toFloatArray();
        ks("truncated normal (-1, 10)", y, t -> (Stats.normalCdf(t) - c) / (1 - c));
    }

    @ParameterizedTest
    @EnumSource(ThreefryMode.class)
    void exponentialGumbelLaplaceAndLogisticFollowTheirCdfs(ThreefryMode mode) {
        Key k = key(mode);
        float[] e = Samplers.exponential(k, S, DType.F32).toFloatArray();
        mean("exponential", e, 1, 1);
        variance("exponential", e, 1);
        ks("exponential", e, t -> t < 0 ? 0 : 1 - Math.exp(-t));
        float[] g = Samplers.gumbel(k, S, DType.F32).toFloatArray();
        mean("gumbel", g, 0.5772156649, Math.PI * Math.PI / 6);
        variance("gumbel", g, Math.PI * Math.PI / 6);
        ks("gumbel", g, t -> Math.exp(-Math.exp(-t)));
        float[] l = Samplers.laplace(k, S, DType.F32).toFloatArray();
        mean("laplace", l, 0, 2);
        variance("laplace", l, 2);
        ks("laplace", l, t -> t < 0 ? 0.5 * Math.exp(t) : 1 - 0.5 * Math.exp(-t));
        float[] s = Samplers.logistic(k, S, DType.F32).toFloatArray();
        mean("logistic", s, 0, Math.PI * Math.PI / 3);
        variance("logistic", s, Math.PI * Math.PI / 3);
        ks("logistic", s, t -> 1 / (1 + Math.exp(-t)));
    }

    @ParameterizedTest
    @EnumSource(ThreefryMode.class)
    void bernoulliHitsWithProbabilityP(ThreefryMode mode) {
        for (double p : new double[] {0.1, 0.5, 0.9}) {
            boolean[] b = Samplers.bernoulli(key(mode), Array.scalar(p, DType.F32), Option.some(S)).toBooleanArray();
            long hits = 0;
            for (boolean v : b) if (v) hits++;
            chiSquared("bernoulli p=" + p, new long[] {N - hits, hits}, new double[] {1 - p, p});
        }
    }

    @ParameterizedTest
    @EnumSource(ThreefryMode.class)
    void randintIsUniformOverItsRange(ThreefryMode mode) {
        // JAX testRngRandint's range [5, 10).
        int[] r = IntegerSamplers.randint(key(mode), S, 5, 10, DType.I32).toIntArray();
        int[] shifted = new int[N];
        for (int i = 0; i < N; i++) shifted[i] = r[i] - 5;
        chiSquared("randint", counts(shifted, 5), new double[] {.2, .2, .2, .2, .2});
    }

    @ParameterizedTest
    @EnumSource(ThreefryMode.class)
    void categoricalFollowsSoftmaxOfTheLogits(ThreefryMode mode) {
        // JAX testCategorical's p = [.1, .2, .3, .4], unnormalised logits log(p) - 42.
        double[] p = {.1, .2, .3, .4};
        float[] logits = new float[4];
        for (int i = 0; i < 4; i++) logits[i] = (float) (Math.log(p[i]) - 42);
        int[] c = Samplers.categorical(key(mode), Jnp.array(logits), -1, Option.some(S)).toIntArray();
        chiSquared("categorical", counts(c, 4), p);
        // Along axis 0 of a (2, 2) table: columns are distributions [.5, .5] and [.1, .9].
        Array table = Jnp.array(new float[][] {{(float) Math.log(.5), (float) Math.log(.1)}, {(float) Math.log(.5), (float) Math.log(.9)}});
        int[] d = Samplers.categorical(key(mode), table, 0, Option.some(Shape.of(N / 2, 2))).toIntArray();
        int[] col1 = new int[N / 2];
        for (int i = 0; i < N / 2; i++) col1[i] = d[2 * i + 1];
        chiSquared("categorical axis 0", counts(col1, 2), new double[] {.1, .9});
    }

    @ParameterizedTest
    @EnumSource(ThreefryMode.class)
    void weightedChoiceFollowsP(ThreefryMode mode) {
        double[] p = {.1, .2, .3, .4};
        Array probs = Jnp.array(new float[] {.1f, .2f, .3f, .4f});
        int[] c = Discrete.choice(key(mode), 4, S, true, Option.some(probs)).toIntArray();
        chiSquared("weighted choice", counts(c, 4), p);
        int[] u = Discrete.choice(key(mode), 7, S, true, Option.none()).toIntArray();
        chiSquared("uniform choice", counts(u, 7), new double[] {1 / 7., 1 / 7., 1 / 7., 1 / 7., 1 / 7., 1 / 7., 1 / 7.});
    }

    @ParameterizedTest
    @EnumSource(ThreefryMode.class)
    void permutationsPlaceEveryElementEverywhereEqually(ThreefryMode mode) {
        // 2000 independent shuffles of (0..4): where element 0 lands is uniform over 5 places.
        Array rows = Jnp.array(new int[] {0, 1, 2, 3, 4}).broadcastTo(2000, 5);
        int[] shuffled = Discrete.permutation(key(mode), rows, 1, true).toIntArray();
        int[] place = new int[2000];
        for (int r = 0; r < 2000; r++) for (int j = 0; j < 5; j++) if (shuffled[5 * r + j] == 0) place[r] = j;
        chiSquared("permutation", counts(place, 5), new double[] {.2, .2, .2, .2, .2});
    }
}
