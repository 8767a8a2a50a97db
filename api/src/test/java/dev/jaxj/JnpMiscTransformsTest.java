package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.autodiff.GradChecks;
import dev.jaxj.autodiff.GradChecks.Mode;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ConcretizationError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.collection.HashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static dev.jaxj.ArrayAssertions.arr;
import static dev.jaxj.ArrayAssertions.assertError;
import static dev.jaxj.ArrayAssertions.f64;
import static dev.jaxj.ArrayAssertions.i32;
import static dev.jaxj.ArrayAssertions.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The helpers of {@link JnpMiscReferenceTest} under transforms: derivatives against f64 central
 * differences ({@link GradChecks}), {@code jit} equal to eager, {@code vmap} equal to the stacked
 * loop, and the errors that name the public function and the user's avals.
 */
class JnpMiscTransformsTest {
    private static final HashSet<Mode> BOTH = HashSet.of(Mode.FWD, Mode.REV);

    private static void grads(String label, Function<Seq<Array>, Array> f, int order, Array... args) {
        GradChecks.checkGrads(f, Vector.of(args), order, BOTH, GradChecks.Settings.DEFAULT.withLabel(label));
    }

    private static Array f64s(long seed, double lo, double hi, int... shape) {
        return arr(DType.F64, Shape.of(shape), uniform(seed, Shape.of(shape).size(), lo, hi));
    }

    // Derivatives ------------------------------------------------------------------------------

    @Test
    void shouldDifferentiatePolynomialsAndConvolutions() {
        Array p = f64s(1, -2, 2, 4), x = f64s(2, -1.5, 1.5, 5), v = f64s(3, -1, 1, 3);
        grads("polyval", a -> Jnp.polyval(a.get(0), a.get(1)), 2, p, x);
        grads("polymul", a -> Jnp.polymul(a.get(0), a.get(1)), 1, p, v);
        grads("polyint", a -> Jnp.polyint(a.get(0), 2, a.get(1)), 1, p, f64(0.5, -1));
        grads("polyder", a -> Jnp.polyder(a.get(0), 2), 1, p);
        grads("poly", a -> Jnp.poly(a.get(0)), 1, v);
        for (Jnp.ConvolveMode m : Jnp.ConvolveMode.values()) {
            grads("convolve " + m, a -> Jnp.convolve(a.get(0), a.get(1), m), 1, x, v);
            grads("correlate " + m, a -> Jnp.correlate(a.get(1), a.get(0), m), 1, x, v);
        }
    }

    @Test
    void shouldDifferentiateInterpolationAndCalculus() {
        Array xp = f64(0, 1, 2.5, 4), fp = f64(1, -1, 3, 0), xq = f64(-0.5, 0.3, 1.7, 3.1, 4.5);
        grads("interp", a -> Jnp.interp(a.get(0), a.get(1), a.get(2)), 1, xq, xp, fp);
        grads("interp period", a -> Jnp.interp(a.get(0), xp, a.get(1), 5.0), 1, xq, fp);
        Array f = f64s(4, -2, 2, 3, 5), coords = f64(0, 0.7, 1.5, 3.1, 4);
        grads("gradient", a -> Jnp.gradient(a.get(0), a.get(1), 1), 1, f, coords);
        grads("trapezoid", a -> Jnp.trapezoid(a.get(0), a.get(1), 1), 1, f, coords);
        grads("diff", a -> Jnp.diff(a.get(0), 2, 0, Option.some(Array.scalar(1.0)), Option.none()), 1, f);
        grads("cumulativeProd", a -> Jnp.cumulativeProd(a.get(0), 1, true), 1, f);
    }

    @Test
    void shouldDifferentiateElementwiseHelpers() {
        // i0 on both sides of the switch between its series and its asymptotic expansion.
        grads("i0", a -> Jnp.i0(a.get(0)), 2, f64(-35, -3, -0.2, 0.4, 2, 12, 29, 31, 60));
        grads("sinc", a -> Jnp.sinc(a.get(0)), 2, f64(-2.3, -0.4, 0.01, 0.5, 1.7));
        grads("ldexp", a -> Jnp.ldexp(a.get(0), i32(3, -2, 0, 7, -40)), 1, f64s(5, -3, 3, 5));
        grads("floatPower", a -> Jnp.floatPower(a.get(0), a.get(1)), 1, f64s(6, 0.5, 3, 4), f64s(7, -2, 2, 4));
        grads("fmod", a -> Jnp.fmod(a.get(0), a.get(1)), 1, f64(-7.3, 5.1, 2.2), f64(2, -1.5, 0.7));
        grads("modf", a -> Jnp.modf(a.get(0))._1, 1, f64(-2.3, 0.4, 5.8));
        grads("kron", a -> Jnp.kron(a.get(0), a.get(1)), 1, f64s(8, -1, 1, 2, 2), f64s(9, -1, 1, 2, 3));
        grads("cross", a -> Jnp.cross(a.get(0), a.get(1)), 1, f64s(10, -1, 1, 4, 3), f64s(11, -1, 1, 3));
        grads("vander", a -> Jnp.vander(a.get(0)), 1, f64(0.5, -1.3, 0, 2.1));
        Array x = f64(-2.1, -0.5, 0.4, 1.3, 2.7);
        grads("select", a -> Jnp.select(Vector.of(Jnp.less(x, 0.0), Jnp.less(x, 2.0)), Vector.of(Jnp.sin(a.get(0)), Jnp.square(a.get(0))), a.get(0)), 1, x);
        grads("piecewise", a -> Jnp.piecewise(a.get(0), Vector.of(Jnp.less(x, 0.0)), Vector.of(Jnp::exp, Jnp::cos)), 1, x);
    }

    @Test
    void shouldGiveSincTheTaylorDerivativesAtZero() {
        Function<Array, Array> sinc = Jnp::sinc;
        Array zero = Array.scalar(0.0, DType.F64);
        assertEquals(1.0, sinc.apply(zero).doubleValue(), 0);
        assertEquals(0.0, Jax.grad(sinc).apply(zero).doubleValue(), 1e-15);
        // sinc(x) = 1 - (pi x)²/6 + …: the second derivative at 0 is -pi²/3.
        assertEquals(-Math.PI * Math.PI / 3, Jax.grad(Jax.grad(sinc)).apply(zero).doubleValue(), 1e-12);
    }

    // jit equals eager -------------------------------------------------------------------------

    private static void jitEqualsEager(Function<Array, Array> f, Array x) {
        Array eager = f.apply(x), jitted = Jax.jit(f).apply(x);
        assertEquals(eager.aval(), jitted.aval());
        assertArrayEquals(eager.toDoubleArray(), jitted.toDoubleArray(), 0);
    }

    @Test
    void shouldGiveTheSameUnderJit() {
        Array x = f64s(12, -3, 3, 6), v = f64(0.5, -1, 2);
        jitEqualsEager(a -> Jnp.polyval(v, a), x);
        jitEqualsEager(a -> Jnp.convolve(a, v, Jnp.ConvolveMode.SAME), x);
        jitEqualsEager(a -> Jnp.interp(a, f64(-1, 0, 2), f64(3, -1, 4)), x);
        jitEqualsEager(a -> Jnp.gradient(a, 0), x);
        jitEqualsEager(a -> Jnp.trapezoid(a), x);
        jitEqualsEager(a -> Jnp.frexp(a)._1, x);
        jitEqualsEager(a -> Jnp.ldexp(a, i32(1, 2, 3, -1, -2, 900)), x);
        jitEqualsEager(Jnp::spacing, x);
        jitEqualsEager(Jnp::i0, x);
        jitEqualsEager(a -> Jnp.kron(a, v), x);
        jitEqualsEager(a -> Jnp.rot90(Jnp.reshape(a, 2, 3), 3, 0, 1), x);
        jitEqualsEager(a -> Jnp.applyAlongAxis(Jnp::cumsum, 1, Jnp.reshape(a, 2, 3)), x);
        jitEqualsEager(a -> Jnp.gcd(a, i32(4, 6, 0, -9, 35, 1)), i32(6, -4, 0, 12, 21, 7));
        jitEqualsEager(a -> Jnp.cumulativeSum(a, 0, true), x);
    }

    @Test
    void shouldNeedConcreteValuesForTrimZeros() {
        assertEquals(Shape.of(2), Jnp.trimZeros(f64(0, 1, 2, 0)).shape());
        assertError(ConcretizationError.class, "trim_zeros", () -> Jax.jit((Array a) -> Jnp.trimZeros(a)).apply(f64(0, 1, 0)), "f64[3]");
    }

    // vmap equals the stacked loop ---------------------------------------------------------------

    private static void vmapEqualsLoop(Function<Array, Array> f, Array xs) {
        Array mapped = Jax.vmap(f).apply(xs);
        Vector<Array> rows = Vector.range(0, xs.shape().dim(0)).map(i -> f.apply(Jnp.squeeze(Jnp.split(xs, xs.shape().dim(0)).get(i), 0)));
        Array stacked = Jnp.stack(rows, 0);
        assertEquals(stacked.aval(), mapped.aval());
        ArrayAssertions.assertClose(mapped.toDoubleArray(), stacked.toDoubleArray(), 1e-15);
    }

    @Test
    void shouldBatchLikeTheStackedLoop() {
        Array xs = f64s(13, -3, 3, 3, 5), v = f64(0.5, -1, 2);
        vmapEqualsLoop(a -> Jnp.convolve(a, v, Jnp.ConvolveMode.FULL), xs);
        vmapEqualsLoop(a -> Jnp.correlate(v, a, Jnp.ConvolveMode.VALID), xs);
        vmapEqualsLoop(a -> Jnp.polyval(a, Array.scalar(0.7)), xs);
        vmapEqualsLoop(a -> Jnp.interp(v, f64(-1, 0, 1, 2, 3), a), xs);
        vmapEqualsLoop(a -> Jnp.gradient(a, 0), xs);
        vmapEqualsLoop(a -> Jnp.diff(a, 2, 0, Option.none(), Option.none()), xs);
        vmapEqualsLoop(a -> Jnp.trapezoid(a, 0.5, 0), xs);
        vmapEqualsLoop(a -> Jnp.cross(a, v), f64s(14, -1, 1, 4, 3));
        vmapEqualsLoop(a -> Jnp.gcd(a, i32(4, 6, 0, -9, 35)), i32s());
        vmapEqualsLoop(Jnp::i0, xs);
    }

    private static Array i32s() { return arr(DType.I32, Shape.of(2, 5), 6, -4, 0, 12, 21, 7, 9, 100, -3, 14); }

    // Dtypes, rank 0 and zero size ---------------------------------------------------------------

    @Test
    void shouldFollowJaxDtypes() {
        ArrayAssertions.assertArray(Jnp.convolve(i32(1, 2), i32(1, 1)), DType.F32, Shape.of(3), 1, 3, 2);
        // JAX's documented example: float_power promotes integers to the default float.
        ArrayAssertions.assertArray(Jnp.floatPower(i32(3, 1, -5), i32(2, 4, -1)), DType.F32, Shape.of(3), 9, 1, -0.2);
        assertEquals(DType.F32, Jnp.interp(ArrayAssertions.f32(0.5), ArrayAssertions.f32(0, 1), ArrayAssertions.f32(2, 4)).dtype());
        assertEquals(DType.F32, Jnp.sinc(i32(0, 1)).dtype());
        assertEquals(DType.F32, Jnp.ldexp(i32(3), i32(2)).dtype());
        assertEquals(DType.F32, Jnp.tri(2).dtype());
        assertEquals(DType.F32, Jnp.hamming(3).dtype());
        ArrayAssertions.assertArray(Jnp.kron(i32(1, 2), ArrayAssertions.bools(true, false)), DType.I32, Shape.of(4), 1, 0, 2, 0);
        ArrayAssertions.assertArray(Jnp.gcd(ArrayAssertions.bools(true, false), i32(4, 6)), DType.I32, Shape.of(2), 1, 6);
        ArrayAssertions.assertBools(Jnp.isposinf(i32(1, 2)), Shape.of(2), false, false);
        ArrayAssertions.assertBools(Jnp.isneginf(f64(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN)), Shape.of(3), true, false, false);
        ArrayAssertions.assertBools(Jnp.isreal(f64(1, 2)), Shape.of(2), true, true);
        ArrayAssertions.assertBools(Jnp.iscomplex(f64(1)), Shape.of(1), false);
        ArrayAssertions.assertArray(Jnp.degrees(f64(Math.PI)), DType.F64, Shape.of(1), 180);
        ArrayAssertions.assertArray(Jnp.radians(f64(180)), DType.F64, Shape.of(1), Math.PI);
    }

    @Test
    void shouldHandleRankZeroAndZeroSize() {
        ArrayAssertions.assertArray(Jnp.polyval(f64(1, 2, 3), Array.scalar(2.0, DType.F64)), DType.F64, Shape.SCALAR, 11);
        ArrayAssertions.assertArray(Jnp.polyval(f64(1, 2), f64()), DType.F64, Shape.of(0));
        ArrayAssertions.assertArray(Jnp.diff(f64(1, 2, 4), 5, 0), DType.F64, Shape.of(0));
        ArrayAssertions.assertArray(Jnp.trapezoid(Jnp.zeros(2, 0)), DType.F32, Shape.of(2), 0, 0);
        ArrayAssertions.assertArray(Jnp.sinc(Array.scalar(0.5, DType.F64)), DType.F64, Shape.SCALAR, 2 / Math.PI);
        ArrayAssertions.assertArray(Jnp.gcd(Jnp.zeros(Shape.of(0), DType.I32), i32()), DType.I32, Shape.of(0));
        ArrayAssertions.assertArray(Jnp.cumulativeSum(f64(), 0, true), DType.F64, Shape.of(1), 0);
        assertError(ShapeError.class, "cumulative_sum", () -> Jnp.cumulativeSum(Array.scalar(1.0)), "f32[]");
        assertError(ShapeError.class, "diff", () -> Jnp.diff(Array.scalar(1.0)), "f32[]");
    }

    // Errors -----------------------------------------------------------------------------------

    @Test
    void shouldNameTheFunctionAndAvalsInErrors() {
        assertError(ShapeError.class, "convolve", () -> Jnp.convolve(Jnp.zeros(2, 2), f64(1)), "f32[2,2]");
        assertError(ShapeError.class, "correlate", () -> Jnp.correlate(f64(), f64(1)), "f64[0]");
        assertError(ShapeError.class, "interp", () -> Jnp.interp(f64(1), f64(1, 2), f64(1)), "f64[2]");
        assertError(ShapeError.class, "gradient", () -> Jnp.gradient(f64(1), 0), "f64[1]");
        assertError(ArgumentError.class, "polyder", () -> Jnp.polyder(f64(1, 2), -1), "f64[2]");
        assertError(DTypeError.class, "gcd", () -> Jnp.gcd(f64(1.5), i32(2)), "f64[1]");
        assertError(DTypeError.class, "ldexp", () -> Jnp.ldexp(f64(1.5), f64(2)), "f64[1]");
        assertError(ShapeError.class, "cross", () -> Jnp.cross(f64(1, 2, 3, 4), f64(1, 2, 3)), "f64[4]");
        assertError(ShapeError.class, "rot90", () -> Jnp.rot90(f64(1, 2)), "f64[2]");
        assertError(ArgumentError.class, "cumulative_sum", () -> Jnp.cumulativeSum(Jnp.zeros(2, 2)), "f32[2,2]");
        assertError(ArgumentError.class, "piecewise", () -> Jnp.piecewise(f64(1), Vector.of(ArrayAssertions.bools(true)), Vector.empty()), "f64[1]");
        assertError(DTypeError.class, "finfo", () -> Jnp.finfo(DType.I32), "i32");
    }
}
