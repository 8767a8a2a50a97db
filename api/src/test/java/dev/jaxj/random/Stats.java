package dev.jaxj.random;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Goodness-of-fit checks for the statistical tests. Every test draws with a fixed key, so a
 * check either always passes or always fails; the 0.1% significance level only decides how
 * far from the distribution a sampler may be before the check catches it.
 */
final class Stats {
    private Stats() {}

    /** Asserts the one-sample Kolmogorov-Smirnov statistic is below its 0.1% critical value 1.949/sqrt(n) (asymptotic). */
    static void ks(String what, float[] samples, DoubleUnaryOperator cdf) {
        double[] x = new double[samples.length];
        for (int i = 0; i < x.length; i++) x[i] = samples[i];
        Arrays.sort(x);
        int n = x.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = cdf.applyAsDouble(x[i]);
            d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
        }
        double critical = 1.949 / Math.sqrt(n);
        double stat = d;
        assertTrue(stat < critical, () -> what + ": KS statistic " + stat + " >= critical " + critical);
    }

    /** Asserts a chi-squared goodness of fit of category counts, at the 0.1% level. */
    static void chiSquared(String what, long[] counts, double[] probabilities) {
        long n = Arrays.stream(counts).sum();
        double stat = 0;
        for (int i = 0; i < counts.length; i++) {
            double e = n * probabilities[i];
            stat += (counts[i] - e) * (counts[i] - e) / e;
        }
        int df = counts.length - 1;
        // Wilson-Hilferty approximation of the 0.999 quantile of chi-squared(df); z(0.999) = 3.0902.
        double critical = df * Math.pow(1 - 2.0 / (9 * df) + 3.0902 * Math.sqrt(2.0 / (9 * df)), 3);
        double s = stat;
        assertTrue(s < critical, () -> what + ": chi-squared " + s + " >= critical " + critical + " (df " + df + ")");
    }

    /** Asserts the sample mean lies within 5 standard errors of {@code mean}. */
    static void mean(String what, float[] x, double mean, double variance) {
        double m = Arrays.stream(toDouble(x)).average().orElseThrow();
        double se = Math.sqrt(variance / x.length);
        assertTrue(Math.abs(m - mean) < 5 * se, () -> what + ": mean " + m + " is not within 5 standard errors of " + mean);
    }

    /** Asserts the sample variance lies within 10% of {@code variance} (loose, as heavy tails make its error large). */
    static void variance(String what, float[] x, double variance) {
        double[] d = toDouble(x);
        double m = Arrays.stream(d).average().orElseThrow();
        double v = Arrays.stream(d).map(t -> (t - m) * (t - m)).sum() / (d.length - 1);
        assertTrue(Math.abs(v - variance) < 0.1 * variance, () -> what + ": variance " + v + " is not within 10% of " + variance);
    }

    static long[] counts(int[] values, int categories) {
        long[] c = new long[categories];
        for (int v : values) c[v]++;
        return c;
    }

    static double normalCdf(double x) { return 0.5 * (1 + JaxReference.erf(x / Math.sqrt(2))); }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) d[i] = x[i];
        return d;
    }
}
