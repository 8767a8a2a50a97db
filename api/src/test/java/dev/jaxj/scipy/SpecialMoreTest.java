package dev.jaxj.scipy;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.ReferenceFile;
import dev.jaxj.array.Array;
import dev.jaxj.autodiff.GradChecks.Mode;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.HashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The later {@link Special} functions against {@code special_more_reference.txt}, which
 * {@code special_more_reference.py} (beside it) computes without SciPy: 60-digit decimal series or
 * far finer float64 quadrature. Also closed forms, identities and f64 central differences.
 */
class SpecialMoreTest {
    private static final ReferenceFile REF = ReferenceFile.load(SpecialMoreTest.class, "special_more_reference.txt");

    /** Relative error at most {@code tol} everywhere (values here span many decades). */
    static void assertRelative(double[] actual, double[] expected, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": element count");
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i], a = actual[i];
            if (!(Math.abs(a - e) <= tol * Math.abs(e)))
                fail(what + " element " + i + ": expected " + e + " but was " + a + " (relative tol " + tol + ")");
        }
    }

    private static Array ref(String name, DType d) {
        double[] v = REF.get(name);
        return arr(d, Shape.of(v.length), v);
    }

    private static void grads(Function<Seq<Array>, Array> f, Array... args) {
        Jax.checkGrads(a -> Jnp.sum(f.apply(a)), Vector.of(args), 1, HashSet.of(Mode.FWD, Mode.REV));
    }

    // bessel_jn -----------------------------------------------------------------------------------

    @Test
    void besselJnShouldStackOrdersZeroToVAsJax() {
        Array z = ref("bessel_jn.0", DType.F64);
        Array j = Special.besselJn(z, 4);
        assertEquals(Shape.of(5, z.shape().dim(0)), j.shape());
        // Miller's recurrence from order 51 is good to a few ulp of the largest of J_0..J_4 up to |z| = 20.
        assertNear(j, DType.F64, j.shape(), 1e-14, REF.get("bessel_jn"));
        // In f32 the recurrence's growth (about (2k/z)^k from 1e-16) overflows for |z| below about 4,
        // as JAX's does, giving NaN; where it stays finite it is good to f32 rounding.
        double[] f32 = Special.besselJn(ref("bessel_jn.0", DType.F32), 4).toDoubleArray(), e = REF.get("bessel_jn");
        double[] zs = REF.get("bessel_jn.0");
        for (int i = 0; i < f32.length; i++) {
            double zi = zs[i % zs.length];
            if (Math.abs(zi) >= 4 && !(Math.abs(f32[i] - e[i]) <= 2e-6)) fail("f32 J_" + i / zs.length + "(" + zi + "): " + f32[i] + " vs " + e[i]);
        }
    }

    @Test
    void besselJnShouldKeepRankAndRejectBadArguments() {
        assertEquals(Shape.of(3, 2, 2), Special.besselJn(f32(1, 2, 3, 4).reshape(2, 2), 2).shape());
        assertEquals(Shape.of(1), Special.besselJn(Jnp.scalar(1.0f), 0).shape());
        assertEquals(DType.F32, Special.besselJn(i32(1, 2), 1).dtype());
        // v past n_iter keeps the n_iter + 1 orders the recurrence made, as JAX's slice does.
        assertEquals(Shape.of(4, 2), Special.besselJn(f32(1, 2), 9, 3).shape());
        assertError(ArgumentError.class, "bessel_jn", () -> Special.besselJn(f32(1), -1), "v = -1", "f32[1]");
        assertError(DTypeError.class, "bessel_jn", () -> Special.besselJn(Jnp.zeros(Shape.of(2), DType.C64), 1), "c64[2]");
    }

    @Test
    void besselJnShouldDifferentiateAsTheRecurrenceRelations() {
        // J_1' = (J_0 - J_2)/2, from the recurrence relations.
        Array z = f64(0.5, 2.5, 9.3);
        Array g0 = Jax.grad((Array x) -> Jnp.sum(Lax.indexInDim(Special.besselJn(x, 2), 1, 0, false))).apply(z);
        double[] j = Special.besselJn(z, 2).toDoubleArray();
        assertNear(g0, DType.F64, Shape.of(3), 1e-13, (j[0] - j[6]) / 2, (j[1] - j[7]) / 2, (j[2] - j[8]) / 2);
        grads(a -> Special.besselJn(a.get(0), 3), f64(-4.2, 0.7, 3.3, 12));
    }

    // owens_t -------------------------------------------------------------------------------------

    @Test
    void owensTShouldMatchTheQuadratureReference() {
        Array t = Special.owensT(ref("owens_t.0", DType.F64), ref("owens_t.1", DType.F64));
        assertRelative(t.toDoubleArray(), REF.get("owens_t"), 2e-13, "owens_t f64");
        // SciPy's documented example, owens_t(0.78, 3.5) = 0.10877216734852274.
        assertNear(Special.owensT(Jnp.scalar(0.78, DType.F64), Jnp.scalar(3.5, DType.F64)), DType.F64, Shape.of(), 1e-15, 0.10877216734852274);
        Array t32 = Special.owensT(ref("owens_t.0", DType.F32), ref("owens_t.1", DType.F32));
        assertEquals(DType.F32, t32.dtype());
    }

    @Test
    void owensTShouldSatisfyOwensClosedForms() {
        Array h = f64(-2.5, -0.3, 0, 0.9, 1.7, 4);
        // T(h, 1) = Φ(h)(1 - Φ(h))/2 and T(0, a) = atan(a)/(2π) (Owen 1980, 2.2 and 2.3).
        double[] t1 = Special.owensT(h, f64(1)).toDoubleArray(), p = Special.ndtr(h).toDoubleArray();
        double[] e1 = new double[p.length];
        for (int i = 0; i < p.length; i++) e1[i] = p[i] * (1 - p[i]) / 2;
        assertRelative(t1, e1, 1e-13, "T(h, 1)");
        double[] a = {-7, -1, 0.25, 1, 3, 1e3};
        double[] t0 = Special.owensT(f64(0), f64(a)).toDoubleArray(), e0 = new double[a.length];
        for (int i = 0; i < a.length; i++) e0[i] = Math.atan(a[i]) / (2 * Math.PI);
        assertRelative(t0, e0, 1e-14, "T(0, a)");
    }

    @Test
    void owensTShouldHaveItsDerivativesInBothArguments() {
        grads(a -> Special.owensT(a.get(0), a.get(1)), f64(-1.5, 0.2, 0.8, 2.2, 3), f64(0.4, -2.5, 1.3, 0.9, 7));
    }

    // wofz ----------------------------------------------------------------------------------------

    @Test
    void wofzShouldMatchTheTaylorSeriesInBothHalfPlanes() {
        Array z = Lax.complex(ref("wofz_re.0", DType.F64), ref("wofz_re.1", DType.F64));
        Array w = Special.wofz(z);
        assertEquals(DType.C128, w.dtype());
        double[] re = Lax.real(w).toDoubleArray(), im = Lax.imag(w).toDoubleArray();
        double[] er = REF.get("wofz_re"), ei = REF.get("wofz_im");
        for (int i = 0; i < er.length; i++) {
            double err = Math.hypot(re[i] - er[i], im[i] - ei[i]), mag = Math.hypot(er[i], ei[i]);
            // Weideman's N = 40 approximation: a few ulp of |w| above the axis; below it 2 exp(-z²) - w(-z) adds exp's rounding.
            if (!(err <= 5e-15 * mag)) fail("wofz element " + i + ": " + re[i] + " + " + im[i] + "i vs " + er[i] + " + " + ei[i] + "i");
        }
        Array w32 = Special.wofz(Lax.complex(ref("wofz_re.0", DType.F32), ref("wofz_re.1", DType.F32)));
        assertEquals(DType.C64, w32.dtype());
        assertClose(Lax.real(w32).toDoubleArray(), er, 1e-5);
    }

    @Test
    void wofzOfARealArgumentShouldBeComplexWithTheGaussianAsRealPart() {
        Array w = Special.wofz(f64(-1.2, 0, 0.5, 3));
        assertEquals(DType.C128, w.dtype());
        double[] x = {-1.2, 0, 0.5, 3}, e = new double[4];
        for (int i = 0; i < 4; i++) e[i] = Math.exp(-x[i] * x[i]);
        assertNear(Lax.real(w), DType.F64, Shape.of(4), 1e-15, e);
        assertEquals(DType.C64, Special.wofz(i32(1, 2)).dtype());
    }

    @Test
    void wofzShouldHaveTheComplexDerivativeMinus2zwPlus2iOverSqrtPi() {
        // The JVP along a complex direction against a central difference in f64.
        Array z = Lax.complex(f64(0.3, -1.1, 2.0), f64(0.8, 0.2, -0.6));
        Array v = Lax.complex(f64(1, 0.5, -0.25), f64(-0.5, 1, 0.75));
        Array tangent = Jax.jvp(Special::wofz, z, v).tangent();
        double h = 1e-5;
        Array step = Lax.mul(v, Lax.complex(f64(h, h, h), f64(0, 0, 0)));
        Array diff = Lax.sub(Special.wofz(Lax.add(z, step)), Special.wofz(Lax.sub(z, step)));
        double[] dre = Lax.real(diff).toDoubleArray(), dim = Lax.imag(diff).toDoubleArray();
        for (int i = 0; i < 3; i++) { dre[i] /= 2 * h; dim[i] /= 2 * h; }
        assertClose(Lax.real(tangent).toDoubleArray(), dre, 1e-8);
        assertClose(Lax.imag(tangent).toDoubleArray(), dim, 1e-8);
    }

    // sph_harm_y ----------------------------------------------------------------------------------

    private static Array ints(String name) {
        double[] v = REF.get(name);
        return arr(DType.I32, Shape.of(v.length), v);
    }

    @Test
    void sphHarmYShouldMatchTheExplicitLegendreFormula() {
        Array y = Special.sphHarmY(ints("sph_harm_y_re.0"), ints("sph_harm_y_re.1"), ref("sph_harm_y_re.2", DType.F64), ref("sph_harm_y_re.3", DType.F64));
        assertEquals(DType.C128, y.dtype());
        assertNear(Lax.real(y), DType.F64, y.shape(), 1e-14, REF.get("sph_harm_y_re"));
        assertNear(Lax.imag(y), DType.F64, y.shape(), 1e-14, REF.get("sph_harm_y_im"));
        Array y32 = Special.sphHarmY(ints("sph_harm_y_re.0"), ints("sph_harm_y_re.1"), ref("sph_harm_y_re.2", DType.F32), ref("sph_harm_y_re.3", DType.F32));
        assertEquals(DType.C64, y32.dtype());
        assertClose(Lax.real(y32).toDoubleArray(), REF.get("sph_harm_y_re"), 1e-5);
    }

    @Test
    void sphHarmYShouldClipDegreesToNMaxAndRejectDerivativeOrders() {
        Array t = f64(0.9), p = f64(0.3);
        // Y_1^0 = ½√(3/π) cos θ; with n_max = 1, degree 4 is clipped to 1, as JAX's table lookup.
        double y10 = 0.5 * Math.sqrt(3 / Math.PI) * Math.cos(0.9);
        assertNear(Lax.real(Special.sphHarmY(i32(4), i32(0), t, p, 0, 1)), DType.F64, Shape.of(1), 1e-15, y10);
        assertError(ArgumentError.class, "sph_harm_y", () -> Special.sphHarmY(i32(1), i32(0), t, p, 1, 1), "diff_n = 1");
        assertError(DTypeError.class, "sph_harm_y", () -> Special.sphHarmY(f32(1), i32(0), t, p), "f32[1]");
    }

    @Test
    void sphHarmYShouldDifferentiateInTheAnglesAndBatchWithNMax() {
        // ∂/∂θ Re Y_2^1 against central differences; vmap and jit with n_max given.
        grads(a -> Lax.real(Special.sphHarmY(i32(2, 3), i32(1, -2), a.get(0), a.get(1), 0, 3)), f64(0.7, 1.9), f64(0.4, 2.5));
        // The first seven reference points have degrees up to 3: n_max = 3 keeps the traced table small.
        Function<Seq<Array>, Array> f = a -> Lax.real(Special.sphHarmY(a.get(0), a.get(1), a.get(2), a.get(3), 0, 3));
        Seq<Array> args = Vector.of(ints("sph_harm_y_re.0"), ints("sph_harm_y_re.1"), ref("sph_harm_y_re.2", DType.F64), ref("sph_harm_y_re.3", DType.F64))
                .map(x -> Lax.sliceInDim(x, 0, 7, 1, 0));
        double[] expected = java.util.Arrays.copyOf(REF.get("sph_harm_y_re"), 7);
        assertClose(Jax.vmap(f).apply(args).toDoubleArray(), expected, 1e-14);
        assertClose(Jax.jit(f).apply(args).toDoubleArray(), expected, 1e-14);
    }

    @Test
    void besselOwensAndWofzShouldAgreeUnderJitAndVmap() {
        Array z = f64(-4.2, 0.7, 3.3), h = f64(0.2, -1.5, 2.4), a = f64(0.5, 3, -0.8);
        Function<Seq<Array>, Array> owens = x -> Special.owensT(x.get(0), x.get(1));
        Function<Seq<Array>, Array> wofz = x -> Lax.imag(Special.wofz(Lax.complex(x.get(0), x.get(1))));
        Function<Array, Array> bessel = x -> Special.besselJn(x, 3);
        for (Function<Seq<Array>, Array> f : java.util.List.of(owens, wofz)) {
            double[] eager = f.apply(Vector.of(h, a)).toDoubleArray();
            assertClose(Jax.jit(f).apply(Vector.of(h, a)).toDoubleArray(), eager, 1e-15);
            assertClose(Jax.vmap(f).apply(Vector.of(h, a)).toDoubleArray(), eager, 1e-15);
        }
        // vmap over z puts the batch first: [3, 4] against the eager [4, 3].
        double[] eager = bessel.apply(z).toDoubleArray(), mapped = Jax.vmap(bessel).apply(z).toDoubleArray();
        for (int i = 0; i < 3; i++) for (int k = 0; k < 4; k++) assertEquals(eager[k * 3 + i], mapped[i * 4 + k], 1e-15);
        assertClose(Jax.jit(bessel).apply(z).toDoubleArray(), eager, 1e-15);
    }
}
