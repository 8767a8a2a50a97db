package dev.jaxj.staging;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.compiler.kernel.Fusion;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Long random programs under {@code jit}, long enough to be cut into many fused loops: values
 * reused far from where they are made, comparisons feeding selects, row reductions read back
 * along their rows. Each run is checked against the same program in double precision.
 *
 * <p>Every step maps the values so far to a new one with Lipschitz constant at most 0.9 in the
 * largest error over all earlier values, and keeps values within [-2, 2]. So if one step adds a
 * local error of at most {@code d}, no value is ever off by more than {@code d / (1 - 0.9)}.
 * A step rounds at most 8 times in f32 ({@code u = 2^-24} each, relative to values of at most 2),
 * its transcendental is within 4 ulp, and a row sum of {@code L} terms adds {@code L} roundings:
 * {@code d <= (12 + L) * u * 2}.
 */
class LongProgramTest {
    private static final double U = 0x1p-24;

    /** One step of a program: how it reads the running value {@code y} and an earlier value {@code v}. */
    enum Op {
        TANH_MIX, SIN, LEAKY, MINUS_ROW_MAX, MINUS_ROW_MEAN;

        Array apply(Array y, Array v) {
            return switch (this) {
                case TANH_MIX -> y.mul(0.5).add(v.tanh().mul(0.4));
                case SIN -> y.sin().mul(0.9);
                case LEAKY -> Jnp.where(y.lt(0.0), y.mul(0.1), y.mul(0.9));
                case MINUS_ROW_MAX -> y.sub(v.max(true, 1)).mul(0.45);
                case MINUS_ROW_MEAN -> y.sub(v.mean(true, 1)).mul(0.45);
            };
        }

        double[][] apply(double[][] y, double[][] v) {
            double[][] out = new double[y.length][y[0].length];
            for (int r = 0; r < y.length; r++) {
                double max = Double.NEGATIVE_INFINITY, sum = 0;
                for (double x : v[r]) {
                    max = Math.max(max, x);
                    sum += x;
                }
                for (int c = 0; c < y[r].length; c++) {
                    double a = y[r][c], b = v[r][c];
                    out[r][c] = switch (this) {
                        case TANH_MIX -> 0.5 * a + 0.4 * Math.tanh(b);
                        case SIN -> 0.9 * Math.sin(a);
                        case LEAKY -> a < 0 ? 0.1 * a : 0.9 * a;
                        case MINUS_ROW_MAX -> 0.45 * (a - max);
                        case MINUS_ROW_MEAN -> 0.45 * (a - sum / v[r].length);
                    };
                }
            }
            return out;
        }
    }

    /** A program: step {@code k} applies {@code ops[k]} to the running value and the value {@code back[k]} steps before it. */
    record Program(List<Op> ops, List<Integer> back) {
        Array run(Array x) {
            List<Array> values = new ArrayList<>(List.of(x));
            for (int k = 0; k < ops.size(); k++) {
                Array y = values.getLast();
                values.add(ops.get(k).apply(y, values.get(Math.max(0, values.size() - 1 - back.get(k)))));
            }
            return values.getLast();
        }

        double[][] reference(double[][] x) {
            List<double[][]> values = new ArrayList<>();
            values.add(x);
            for (int k = 0; k < ops.size(); k++) {
                double[][] y = values.getLast();
                values.add(ops.get(k).apply(y, values.get(Math.max(0, values.size() - 1 - back.get(k)))));
            }
            return values.getLast();
        }
    }

    /** Step counts around the node budget (a step is 3 to 7 nodes) and well past it. */
    @Provide
    Arbitrary<Integer> steps() {
        int budget = Fusion.MAX_LOOP_NODES;
        return Arbitraries.oneOf(Arbitraries.of(1, 2, budget / 7, budget / 4, budget / 3), Arbitraries.integers().between(1, 400));
    }

    @Property(tries = 25)
    void aLongRandomProgramUnderJitMatchesDoublePrecision(@ForAll("steps") int n, @ForAll long seed,
                                                          @ForAll @IntRange(min = 1, max = 3) int rows,
                                                          @ForAll @IntRange(min = 1, max = 8) int cols) throws Throwable {
        Random rng = new Random(seed);
        List<Op> ops = new ArrayList<>();
        List<Integer> back = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            ops.add(Op.values()[rng.nextInt(Op.values().length)]);
            back.add(rng.nextInt(60));
        }
        Program p = new Program(ops, back);
        float[][] x = new float[rows][cols];
        double[][] xd = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                x[r][c] = (float) (rng.nextDouble() * 4 - 2);
                xd[r][c] = x[r][c];
            }
        }
        float[] got = LongChainTest.onSmallStack(() -> Jax.jit(p::run).apply(Jnp.array(x)).toFloatArray());
        double[][] expected = p.reference(xd);
        double bound = (12 + cols) * U * 2 / (1 - 0.9);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double error = Math.abs(got[r * cols + c] - expected[r][c]);
                assertTrue(error <= bound, n + " steps " + ops.subList(0, Math.min(n, 12)) + "…, seed " + seed + ": at [" + r + "," + c
                        + "] expected " + expected[r][c] + ", got " + got[r * cols + c] + ", error " + error + " over " + bound);
            }
        }
    }
}
