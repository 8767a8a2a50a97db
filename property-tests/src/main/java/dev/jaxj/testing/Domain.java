package dev.jaxj.testing;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.DoublePredicate;

import static java.util.Objects.requireNonNull;

/**
 * Where an operation's inputs may be drawn so that central differences are a fair reference:
 * inside the op's domain, away from its kinks and poles, and (for max, sort and friends) free
 * of ties. Values for all operands are drawn together, so a domain can relate them (no ties
 * across the operands of {@code max(x, y)}).
 * {@snippet :
 * Seq<Array> xs = Domain.POSITIVE.arrays(new SplittableRandom(seed), Vector.of(Shape.of(2, 3)), DType.F32);
 * }
 */
public interface Domain {
    /** The name used in failure messages. */
    String name();

    /** {@return one row-major value array per shape}, drawn together from {@code rng} */
    Seq<double[]> sample(SplittableRandom rng, Seq<Shape> shapes);

    /** {@return arrays of {@code dtype} holding {@link #sample}} (values rounded to the dtype) */
    default Seq<Array> arrays(SplittableRandom rng, Seq<Shape> shapes, DType dtype) {
        Seq<double[]> values = sample(rng, shapes);
        return Vector.range(0, shapes.size()).map(i -> array(shapes.get(i), dtype, values.get(i)));
    }

    /** [-2, 2] (tinygrad's default): for functions smooth on the whole real line that grow slowly, so they compose. */
    Domain REAL = new Interval("real", -2, 2, x -> true);
    /**
     * [-2, 2], for smooth functions that grow fast (exp, sinh, cubes, products): fine on their own,
     * but composed they make derivatives too large for central differences to be a fair reference.
     */
    Domain MODERATE = new Interval("moderate", -2, 2, x -> true);
    /** [0.1, 2]: log, sqrt, rsqrt, lgamma, pow's base. */
    Domain POSITIVE = new Interval("positive", 0.1, 2, x -> true);
    /**
     * [0.5, 2]: rsqrt, lgamma and digamma, whose high derivatives grow like a pole at 0. A
     * second-order central difference is off by ε²/6 times the fourth derivative: for rsqrt
     * 6.6·x^-4.5 and for digamma about 24·x^-5, which at 0.1 put the reference itself 3.5e-4 and
     * 4e-3 from the truth, past the f64 tolerance of 1e-5; from 0.5 on both stay under 1e-6.
     */
    Domain POSITIVE_AWAY_FROM_POLE = new Interval("positive, away from the pole", 0.5, 2, x -> true);
    /** (-0.9, 0.9), inside the open unit interval: tan, and first-order checks that need no margin from ±1. */
    Domain UNIT = new Interval("open unit interval", -0.9, 0.9, x -> true);
    /**
     * [-0.7, 0.7]: atanh, asin, acos, erf_inv and log1p, whose fourth derivatives grow like a pole
     * at ±1. A second-order central difference (step 1e-4) is off by ε²/6 times the fourth
     * derivative: at 0.9 that puts the reference 5e-5 from the truth for atanh, 2.5e-5 for erf_inv
     * and 1e-4 for log1p at -0.9, past the f64 tolerance of 1e-5; within 0.7 all stay under 1.3e-6.
     */
    Domain UNIT_AWAY_FROM_POLES = new Interval("open unit interval, away from the poles", -0.7, 0.7, x -> true);
    /** [1.1, 3]: acosh. */
    Domain ABOVE_ONE = new Interval("above one", 1.1, 3, x -> true);
    /** ±[0.5, 2]: divisors, negative powers, cbrt (whose derivative is singular at 0). */
    Domain NONZERO = new Interval("nonzero", -2, 2, x -> Math.abs(x) >= 0.5);
    /**
     * ±[0.8, 2]: negative integer powers. x^-2's fourth derivative, 120·x^-6, puts a second-order
     * central difference 1.3e-5 from the truth at |x| = 0.5, past the f64 tolerance of 1e-5;
     * from 0.8 on it stays under 1e-6.
     */
    Domain NONZERO_AWAY_FROM_POLE = new Interval("nonzero, away from the pole", -2, 2, x -> Math.abs(x) >= 0.8);
    /** [-2, 2] with |x| > 1e-3: abs, sign and other kinks at 0 (well beyond a central-difference step). */
    Domain AWAY_FROM_KINKS = new Interval("away from kinks", -2, 2, x -> Math.abs(x) > 1e-3);
    /** [-2, 2] at least 0.05 from every multiple of 1/2: floor, ceil and round jump there. */
    Domain NON_INTEGER = new Interval("non-integer", -2, 2, x -> Math.abs(2 * x - Math.rint(2 * x)) > 0.1);
    /** [-2, 2], all values of all operands distinct by a clear gap: max, min, sort, cummax, reduce_max. */
    Domain NO_TIES = new Distinct("no ties", -2, 2);

    /** {@return a domain drawing {@code lo <= x <= hi} uniformly, rejecting values that fail {@code accept}} */
    static Domain interval(String name, double lo, double hi, DoublePredicate accept) {
        return new Interval(name, lo, hi, accept);
    }

    /** {@return a domain defined by its sampler} (for relations between operands, e.g. {@code lo < hi} of clamp) */
    static Domain of(String name, BiFunction<SplittableRandom, Seq<Shape>, Seq<double[]>> sampler) {
        requireNonNull(name, "name is null");
        requireNonNull(sampler, "sampler is null");
        return new Domain() {
            @Override public String name() { return name; }
            @Override public Seq<double[]> sample(SplittableRandom rng, Seq<Shape> shapes) { return sampler.apply(rng, shapes); }
            @Override public String toString() { return name; }
        };
    }

    private static Array array(Shape shape, DType dtype, double[] values) {
        HostData buf = HostData.allocate(dtype, values.length);
        for (int i = 0; i < values.length; i++) buf.setDouble(i, values[i]);
        return Array.fromHost(ShapedArray.of(dtype, shape), buf);
    }

    /** Uniform on {@code [lo, hi]}, by rejection of what {@code accept} refuses. */
    record Interval(String name, double lo, double hi, DoublePredicate accept) implements Domain {
        public Interval {
            requireNonNull(name, "name is null");
            requireNonNull(accept, "accept is null");
            if (!(lo < hi)) throw new IllegalArgumentException("need lo < hi, got " + lo + " and " + hi);
        }

        @Override
        public Seq<double[]> sample(SplittableRandom rng, Seq<Shape> shapes) {
            return Vector.ofAll(shapes).map(s -> {
                double[] v = new double[s.size()];
                for (int i = 0; i < v.length; i++) {
                    double x;
                    int tries = 0;
                    do {
                        x = lo + (hi - lo) * rng.nextDouble();
                        if (++tries > 10_000) throw new IllegalStateException(name + " accepts almost nothing in [" + lo + ", " + hi + "]");
                    } while (!accept.test(x));
                    v[i] = x;
                }
                return v;
            });
        }

        @Override public String toString() { return name; }
    }

    /**
     * Distinct values on {@code [lo, hi]}: the range is cut into one slot per element (of all
     * operands together), each element takes a random slot and a point in its middle 60%, so
     * any two values are at least 40% of a slot apart.
     */
    record Distinct(String name, double lo, double hi) implements Domain {
        public Distinct {
            requireNonNull(name, "name is null");
            if (!(lo < hi)) throw new IllegalArgumentException("need lo < hi, got " + lo + " and " + hi);
        }

        @Override
        public Seq<double[]> sample(SplittableRandom rng, Seq<Shape> shapes) {
            int n = shapes.map(Shape::size).sum().intValue();
            int[] slot = new int[n];
            for (int i = 0; i < n; i++) slot[i] = i;
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1), t = slot[i];
                slot[i] = slot[j];
                slot[j] = t;
            }
            double width = (hi - lo) / Math.max(n, 1);
            int[] next = {0};
            return Vector.ofAll(shapes).map(s -> {
                double[] v = new double[s.size()];
                for (int i = 0; i < v.length; i++) v[i] = lo + width * (slot[next[0]++] + 0.2 + 0.6 * rng.nextDouble());
                return v;
            });
        }

        @Override public String toString() { return name; }
    }
}
