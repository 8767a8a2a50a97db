package dev.jaxj.properties;

import dev.jaxj.Jax;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Derivative checks of a function whose operands are in a storage float type (bf16, f16: values
 * stored narrow, computed in f32 and rounded to the storage type after every primitive).
 *
 * <p>The reference is the same function's central differences in f64 at the operands and
 * directions widened exactly (their own truncation error, about 1e-8 here, is negligible). The
 * derivative under test is itself a short program of primitives (the jvp or transpose rule), each
 * rounding its result once to the storage type with relative error at most the unit roundoff
 * {@code u} (bf16 2^-8, f16 2^-11). A rounding errs relative to its own intermediate, not to the
 * final element: {@code 1 - tanh^2} near saturation, or the two terms of div's rule that nearly
 * cancel, lose all relative precision. The rows draw operands in [-2, 2] and directions from a
 * standard normal, so a rule's intermediates are of order one or of the output's own scale
 * {@code max_j |fd_j|}; {@code m = max(1, max_j |fd_j|)} bounds them up to the rows' constant
 * factors. The rules of the table chain a few rounded primitives per element, so element
 * {@code i} is held to {@code ROUNDINGS * u * (|fd_i| + m)}. The reverse-mode law compares two
 * inner products; each term carries that error, so the law is held to {@code ROUNDINGS * u} times
 * the sum over both products of {@code |a_k b_k| + |b_k|} ({@code b} the random vector, {@code a}
 * what AD computed). These are new tolerances for new types; f32 and f64 keep JAX's.
 */
final class StorageFloatCheck {
    private StorageFloatCheck() {}

    /**
     * How many roundings of {@code u} an element may carry: the rules of the table chain a handful of
     * rounded primitives per element (pow's rule alone: pow, mul, log, mul, add). The worst seen over
     * 300 tries of every row was 2.2 (pow at a scalar in f16, whose terms reach 12 where m is 1).
     */
    static final int ROUNDINGS = 6;

    /** {@return the unit roundoff of a storage float type}: half its machine epsilon. */
    static double unitRoundoff(DType d) {
        return switch (d) {
            case BF16 -> 0x1p-8;
            case F16 -> 0x1p-11;
            case F32, F64, I32, I64, U32, U64, BOOL, I8, I16, U8, U16, C64, C128 -> throw new IllegalArgumentException("not a storage float type: " + d);
        };
    }

    /**
     * Forward mode against f64 central differences, and the jvp's primal against {@code f} evaluated
     * directly. Both are held to the bound above: a rule may compute the primal in another order
     * than the primitive does (reduce_prod as a balanced tree of rounded products, as JAX's rule does).
     */
    static void assertJvpMatchesCentralDifferences(String op, Function<Seq<Array>, Array> f, Seq<Array> x, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Seq<Array> v = x.map(a -> normal(a.aval(), rng));
        var jvp = Jax.jvp(f, x, v);
        double u = unitRoundoff(loosest(x));
        assertWithin(op, "the jvp's primal differs from f evaluated directly", jvp.primal(), f.apply(x).toDoubleArray(), u, x, seed);
        assertWithin(op, "the jvp differs from f64 central differences", jvp.tangent(), centralDifferences(f, x, v), u, x, seed);
    }

    /** Every element of {@code got} within {@code ROUNDINGS * u * (|want_i| + max(1, max |want|))} of {@code want}. */
    private static void assertWithin(String op, String problem, Array got, double[] want, double u, Seq<Array> x, long seed) {
        double[] g = got.toDoubleArray();
        double scale = 1;
        for (double e : want) scale = Math.max(scale, Math.abs(e));
        for (int i = 0; i < want.length; i++) {
            double allowed = ROUNDINGS * u * (Math.abs(want[i]) + scale);
            if (!(Math.abs(g[i] - want[i]) <= allowed)) {
                fail(op, String.format(Locale.ROOT, "%s at flat index %d of %s: got %.6g, expected %.6g (allowed %.2e)",
                        problem, i, got.aval(), g[i], want[i], allowed), x, seed);
            }
        }
    }

    /** Reverse mode is the transpose of forward mode: {@code <vjp(w), v> = <w, jvp(v)>}, both computed in the storage type. */
    static void assertVjpIsTransposeOfJvp(String op, Function<Seq<Array>, Array> f, Seq<Array> x, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Seq<Array> v = x.map(a -> normal(a.aval(), rng));
        var vjp = Jax.vjp(f, x);
        Array w = normal(vjp.primal().aval(), rng);
        Seq<Array> ct = vjp.pullback().apply(w);
        double[] tangent = Jax.jvp(f, x, v).tangent().toDoubleArray();
        double[] lhs = {0, 0}, rhs = {0, 0};
        for (int k = 0; k < x.size(); k++) accumulate(lhs, ct.get(k).toDoubleArray(), v.get(k).toDoubleArray());
        accumulate(rhs, tangent, w.toDoubleArray());
        double allowed = ROUNDINGS * unitRoundoff(loosest(x)) * (lhs[1] + rhs[1]);
        if (!(Math.abs(lhs[0] - rhs[0]) <= allowed)) {
            fail(op, String.format(Locale.ROOT, "<vjp(w), v> = %.6g but <w, jvp(v)> = %.6g (allowed %.2e)", lhs[0], rhs[0], allowed), x, seed);
        }
    }

    /** Adds {@code <a, b>} to {@code sum[0]} and {@code sum_k |a_k b_k| + |b_k|} (its terms' error scale) to {@code sum[1]}. */
    private static void accumulate(double[] sum, double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            sum[0] += a[i] * b[i];
            sum[1] += Math.abs(a[i] * b[i]) + Math.abs(b[i]);
        }
    }

    /** {@return {@code (f(x + eps v) - f(x - eps v)) / 2 eps} with {@code x} and {@code v} widened to f64, eps 1e-4} */
    private static double[] centralDifferences(Function<Seq<Array>, Array> f, Seq<Array> x, Seq<Array> v) {
        double eps = 1e-4;
        double[] plus = f.apply(shifted(x, v, eps)).toDoubleArray(), minus = f.apply(shifted(x, v, -eps)).toDoubleArray();
        double[] d = new double[plus.length];
        for (int i = 0; i < d.length; i++) d[i] = (plus[i] - minus[i]) / (2 * eps);
        return d;
    }

    private static Seq<Array> shifted(Seq<Array> x, Seq<Array> v, double step) {
        return Vector.range(0, x.size()).map(k -> {
            double[] a = x.get(k).toDoubleArray(), d = v.get(k).toDoubleArray();
            for (int i = 0; i < a.length; i++) a[i] += step * d[i];
            return Array.fromHost(ShapedArray.of(DType.F64, x.get(k).shape()), HostData.own(a));
        });
    }

    /** Standard normal values rounded to {@code aval}'s dtype. */
    private static Array normal(ShapedArray aval, SplittableRandom rng) {
        HostData h = HostData.allocate(aval.dtype(), aval.size());
        for (int i = 0; i < aval.size(); i++) h.setDouble(i, rng.nextGaussian());
        return Array.fromHost(ShapedArray.of(aval.dtype(), aval.shape()), h);
    }

    private static DType loosest(Seq<Array> x) {
        return x.map(Array::dtype).maxBy(StorageFloatCheck::unitRoundoff).get();
    }

    private static void fail(String op, String problem, Seq<Array> x, long seed) {
        throw new AssertionError(op + ": " + problem + "\n  arguments: " + x.map(Array::aval).mkString(", ") + "; seed " + seed);
    }
}
