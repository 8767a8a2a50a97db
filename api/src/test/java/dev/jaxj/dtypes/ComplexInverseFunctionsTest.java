package dev.jaxj.dtypes;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The complex asin, acos, atan, asinh, acosh and atanh beyond the stored NumPy points: they
 * invert their functions, keep every digit near the branch points ±1 (where
 * {@code asin(1 + iδ) = π/2 - √δ + i√δ} to relative order δ) and at tiny and huge |z| (against
 * the leading terms of their series and of their expansions at infinity), and their jvps are
 * the holomorphic derivatives, against f64 central differences along the real and the
 * imaginary direction.
 */
class ComplexInverseFunctionsTest {
    private record Inverse(String name, UnaryOperator<Array> f, UnaryOperator<Array> forward) {}

    private static final List<Inverse> INVERSES = List.of(
            new Inverse("asin", Lax::asin, Lax::sin), new Inverse("acos", Lax::acos, Lax::cos),
            new Inverse("atan", Lax::atan, Lax::tan), new Inverse("asinh", Lax::asinh, Lax::sinh),
            new Inverse("acosh", Lax::acosh, Lax::cosh), new Inverse("atanh", Lax::atanh, Lax::tanh));

    /** One point in each quadrant, points near ±1 and ±i, on both sides of every cut, and tiny ones. */
    private static final double[][] POINTS = {
            {0.3, 0.4}, {-0.7, 1.2}, {-2.5, -0.5}, {1.5, -3}, {1 + 1e-9, 1e-9}, {-1, -1e-7}, {0.999, -1e-12},
            {1e-5, 1 - 1e-6}, {-1e-8, -1.01}, {2, 1e-200}, {-3, -1e-200}, {1e-200, 3}, {-1e-200, -2},
            {1e-150, -2e-150}};

    private static Array c128(double[]... pts) {
        double[] re = new double[pts.length], im = new double[pts.length];
        for (int i = 0; i < pts.length; i++) {
            re[i] = pts[i][0];
            im[i] = pts[i][1];
        }
        return Lax.complex(Jnp.array(re, DType.F64, re.length), Jnp.array(im, DType.F64, im.length));
    }

    private static void assertNear(double wantRe, double wantIm, double gotRe, double gotIm, double rel, String what) {
        double scale = Math.hypot(wantRe, wantIm);
        assertTrue(Math.abs(gotRe - wantRe) <= rel * scale && Math.abs(gotIm - wantIm) <= rel * scale,
                () -> what + ": expected " + wantRe + " + " + wantIm + "i, got " + gotRe + " + " + gotIm + "i");
    }

    @Test
    void shouldInvertTheirFunctions() {
        Array z = c128(POINTS);
        double[] want = z.toComplexArray();
        for (Inverse f : INVERSES) {
            double[] w = f.f.apply(z).toComplexArray(), got = f.forward.apply(f.f.apply(z)).toComplexArray();
            for (int i = 0; i < POINTS.length; i++) {
                // w carries an error of order eps |w|, which the forward function passes on (cos(acos 1e-150) is cos(π/2 rounded)).
                double abs = 1e-13 * Math.hypot(w[2 * i], w[2 * i + 1]), scale = Math.hypot(want[2 * i], want[2 * i + 1]);
                assertNear(want[2 * i], want[2 * i + 1], got[2 * i], got[2 * i + 1], 1e-13 + abs / scale, f.name + "∘inverse at z[" + i + "]");
            }
        }
    }

    @Test
    void shouldKeepEveryDigitNearTheBranchPoints() {
        // δ = 1e-20: the textbook formulas lose all of √δ = 1e-10 next to π/2.
        double d = 1e-20, r = 1e-10;
        double[] asin = Lax.asin(c128(new double[] {1, d})).toComplexArray();
        assertNear(Math.PI / 2 - r, 0, asin[0], 0, 1e-15, "re asin(1 + iδ)");
        assertEquals(r, asin[1], 1e-15 * r, "im asin(1 + iδ)");
        // acos(1 + iδ) = √δ - i√δ: both parts small, both to relative precision.
        double[] acos = Lax.acos(c128(new double[] {1, d})).toComplexArray();
        assertEquals(r, acos[0], 1e-14 * r, "re acos(1 + iδ)");
        assertEquals(-r, acos[1], 1e-14 * r, "im acos(1 + iδ)");
        // acosh(-1 - iδ) = √δ - i(π - √δ), by acosh z = -i acos z below the real axis and acos(-z) = π - acos z.
        double[] acosh = Lax.acosh(c128(new double[] {-1, -d})).toComplexArray();
        assertEquals(r, acosh[0], 1e-14 * r, "re acosh(-1 - iδ)");
        assertEquals(-(Math.PI - r), acosh[1], 1e-15 * Math.PI, "im acosh(-1 - iδ)");
        // atanh(x) for real x near 1: (1/2) log((1 + x)/(1 - x)), x = 1 - 2^-40 exactly.
        double x = 1 - 0x1p-40;
        double[] atanh = Lax.atanh(c128(new double[] {x, 0})).toComplexArray();
        assertEquals(0.5 * Math.log((1 + x) / 0x1p-40), atanh[0], 1e-15 * atanh[0], "atanh(1 - 2^-40)");
        assertEquals(0.0, atanh[1]);
    }

    @Test
    void shouldFollowTheirSeriesAtTinyArguments() {
        // f(z) = ±z + O(z³): to rounding at |z| = 1e-200, and acos z = π/2 - z.
        double[] z = {3e-200, -4e-200};
        for (Inverse f : INVERSES) {
            if (f.name.equals("acos") || f.name.equals("acosh")) continue;
            double[] got = f.f.apply(c128(z)).toComplexArray();
            assertNear(z[0], z[1], got[0], got[1], 1e-15, f.name + " of a tiny z");
        }
        double[] acos = Lax.acos(c128(z)).toComplexArray();
        assertEquals(Math.PI / 2, acos[0], 0);
        assertEquals(4e-200, acos[1], 1e-15 * 4e-200);
    }

    @Test
    void shouldFollowTheirExpansionsAtInfinityWithoutOverflow() {
        // asin z = -i log(2iz) + O(1/z²): for z = x + iy in the first quadrant, atan2(x, y) + i log(2|z|).
        double[] asin = Lax.asin(c128(new double[] {1e300, 1e300}, new double[] {3e200, 4e200})).toComplexArray();
        assertNear(Math.PI / 4, Math.log(2) + 0.5 * Math.log(2) + 300 * Math.log(10), asin[0], asin[1], 1e-15, "asin(1e300(1 + i))");
        assertNear(Math.atan2(3, 4), Math.log(2 * 5) + 200 * Math.log(10), asin[2], asin[3], 1e-15, "asin(3e200 + 4e200i)");
        // atanh z = 1/z - iπ/2 + O(1/z³) below the real axis: 1/z = conj(z)/|z|².
        double[] atanh = Lax.atanh(c128(new double[] {3e200, -4e200})).toComplexArray();
        assertEquals(1.2e-201, atanh[0], 1e-15 * atanh[0]);
        assertEquals(-Math.PI / 2, atanh[1], 1e-15);
        // In c64 the same points overflow f32's squares from |z| = 2e19 on.
        Array z64 = Jnp.astype(c128(new double[] {3e30, 4e30}), DType.C64);
        double[] asin64 = Lax.asin(z64).toComplexArray(), acos64 = Lax.acos(z64).toComplexArray();
        assertNear(Math.atan2(3, 4), Math.log(10) + 30 * Math.log(10), asin64[0], asin64[1], 3e-7, "c64 asin(3e30 + 4e30i)");
        assertNear(Math.atan2(4, 3), -(Math.log(10) + 30 * Math.log(10)), acos64[0], acos64[1], 3e-7, "c64 acos(3e30 + 4e30i)");
    }

    @Test
    void shouldHaveHolomorphicDerivativesAlongBothDirections() {
        double eps = 1e-4;
        double[][] points = {{0.3, 0.4}, {-0.7, 1.2}, {-2.5, -0.5}, {1.5, -3}, {-2, 0.5}, {0.2, -1.5}};
        for (Inverse f : INVERSES) {
            for (double[] p : points) {
                for (double[] v : new double[][] {{1, 0}, {0, 1}}) {
                    Array z = c128(p), dir = c128(v);
                    Function<Array, Array> fn = f.f;
                    double[] jvp = Jax.jvp(fn, z, dir).tangent().toComplexArray();
                    double[] hi = fn.apply(c128(new double[] {p[0] + eps * v[0], p[1] + eps * v[1]})).toComplexArray();
                    double[] lo = fn.apply(c128(new double[] {p[0] - eps * v[0], p[1] - eps * v[1]})).toComplexArray();
                    double fdRe = (hi[0] - lo[0]) / (2 * eps), fdIm = (hi[1] - lo[1]) / (2 * eps);
                    assertNear(fdRe, fdIm, jvp[0], jvp[1], 1e-5,
                            f.name + "'(" + p[0] + " + " + p[1] + "i) along " + (v[0] == 1 ? "1" : "i"));
                }
            }
        }
    }

    @Test
    void shouldAgreeUnderJit() {
        Array z = Jnp.astype(c128(POINTS), DType.C64);
        for (Inverse f : INVERSES) {
            Function<Array, Array> fn = f.f;
            double[] eager = fn.apply(z).toComplexArray(), jitted = Jax.jit(fn).apply(z).toComplexArray();
            for (int i = 0; i < eager.length; i++) {
                assertEquals(Double.doubleToLongBits(eager[i]), Double.doubleToLongBits(jitted[i]), f.name + " element " + i);
            }
        }
    }
}
