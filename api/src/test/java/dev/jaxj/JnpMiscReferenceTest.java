package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.function.UnaryOperator;

import static dev.jaxj.MiscReference.check;
import static dev.jaxj.MiscReference.get;
import static dev.jaxj.MiscReference.input;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Polynomials, windows, signal and calculus helpers, integer and float functions, products and
 * dtype information against NumPy's and SciPy's results stored in {@code numpy_misc/}. Inputs
 * are f64 unless a case says otherwise, so that the comparison measures the algorithm.
 */
class JnpMiscReferenceTest {
    /** f64 composites of a few dozen primitives: each rounds once, so errors stay within some tens of ulps. */
    private static final double F64 = 1e-13;
    /** f32 windows: a handful of primitives of f32 rounding, as {@link ArrayAssertions#tol} allows for one. */
    private static final double F32 = 1e-6;

    // Polynomials --------------------------------------------------------------------------------

    @Test
    void shouldMatchNumpyPolynomials() {
        Array p = input("p"), x = input("x"), a = input("a"), b = input("b"), c = input("c");
        check("polyval", Jnp.polyval(p, x), DType.F64, F64);
        check("polyadd", Jnp.polyadd(a, b), DType.F64, 0);
        check("polyadd_rev", Jnp.polyadd(b, a), DType.F64, 0);
        check("polysub", Jnp.polysub(b, c), DType.F64, 0);
        check("polymul", Jnp.polymul(a, c), DType.F64, F64);
        check("polyder1", Jnp.polyder(c), DType.F64, 0);
        check("polyder2", Jnp.polyder(c, 2), DType.F64, 0);
        check("polyint1", Jnp.polyint(c), DType.F64, F64);
        check("polyint2k", Jnp.polyint(c, 2, ArrayAssertions.f64(1.5, -2.0)), DType.F64, F64);
        check("polyint3s", Jnp.polyint(a, 3, 0.5), DType.F64, F64);
        check("poly", Jnp.poly(input("roots")), DType.F64, F64);
        Array z = input("z");
        check("trim_fb", Jnp.trimZeros(z), DType.F64, 0);
        check("trim_f", Jnp.trimZeros(z, true, false), DType.F64, 0);
        check("trim_b", Jnp.trimZeros(z, false, true), DType.F64, 0);
        check("trim2", Jnp.trimZeros(input("z2")), DType.F64, 0);
        check("trim2_f_axis1", Jnp.trimZeros(input("z2"), true, false, 1), DType.F64, 0);
        assertEquals(Shape.of(0), Jnp.trimZeros(ArrayAssertions.f64(0, 0)).shape());
    }

    @Test
    void shouldFollowJaxDtypesAndEdgesOfPolynomials() {
        Array ints = ArrayAssertions.i32(1, 2, 3);
        assertEquals(DType.I32, Jnp.polyadd(ints, ArrayAssertions.i32(1)).dtype(), "polyadd promotes without going inexact");
        assertEquals(DType.F32, Jnp.polyder(ints).dtype(), "polyder computes in floating point, as JAX's does");
        assertEquals(Shape.of(0), Jnp.polyder(ints, 3).shape(), "JAX gives an empty array below the order");
        assertEquals(Shape.SCALAR, Jnp.poly(Jnp.zeros(0)).shape());
        ArrayAssertions.assertArray(Jnp.polyval(ArrayAssertions.f32(), ArrayAssertions.f32(1, 2)), DType.F32, Shape.of(2), 0, 0);
    }

    // Windows and I0 ---------------------------------------------------------------------------

    @Test
    void shouldMatchNumpyWindowsInF32() {
        check("hamming7", Jnp.hamming(7), DType.F32, F32);
        check("hanning8", Jnp.hanning(8), DType.F32, F32);
        check("blackman9", Jnp.blackman(9), DType.F32, F32);
        check("bartlett6", Jnp.bartlett(6), DType.F32, F32);
        check("kaiser10", Jnp.kaiser(10, 5.0), DType.F32, F32);
        check("kaiser7", Jnp.kaiser(7, 14.0), DType.F32, F32);
        ArrayAssertions.assertArray(Jnp.hamming(1), DType.F32, Shape.of(1), 1);
        ArrayAssertions.assertArray(Jnp.kaiser(0, 3), DType.F32, Shape.of(0));
    }

    @Test
    void shouldMatchScipyI0AcrossBothExpansions() {
        double[] got = Jnp.i0(input("xi")).toDoubleArray(), want = get("i0").doubles();
        // Relative: the values span 1 to 1e302.
        for (int i = 0; i < want.length; i++) assertEquals(want[i], got[i], F64 * Math.abs(want[i]), "i0 at element " + i);
    }

    // Convolution ------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"full", "same", "valid"})
    void shouldMatchNumpyConvolveAndCorrelate(String mode) {
        Jnp.ConvolveMode m = Jnp.ConvolveMode.valueOf(mode.toUpperCase(java.util.Locale.ROOT));
        Array u = input("u"), v = input("v");
        check("convolve_" + mode, Jnp.convolve(u, v, m), DType.F64, F64);
        check("convolve_rev_" + mode, Jnp.convolve(v, u, m), DType.F64, F64);
        check("correlate_" + mode, Jnp.correlate(u, v, m), DType.F64, F64);
        check("correlate_rev_" + mode, Jnp.correlate(v, u, m), DType.F64, F64);
    }

    // Interpolation, differences, calculus ------------------------------------------------------

    @Test
    void shouldMatchNumpyInterp() {
        Array xp = input("xp"), fp = input("fp"), xq = input("xq");
        check("interp", Jnp.interp(xq, xp, fp), DType.F64, F64);
        check("interp_lr", Jnp.interp(xq, xp, fp, -9.0, 9.0), DType.F64, F64);
        check("interp_period", Jnp.interp(input("xqp"), input("xpp"), input("fpp"), 360.0), DType.F64, F64);
    }

    @Test
    void shouldMatchNumpyDifferences() {
        Array m = input("m");
        check("diff", Jnp.diff(m), DType.F64, 0);
        check("diff2_axis0_pre", Jnp.diff(m, 2, 0, Option.some(Array.scalar(0.0)), Option.none()), DType.F64, 0);
        check("diff_app", Jnp.diff(m, 1, 1, Option.none(), Option.some(ArrayAssertions.arr(DType.F64, Shape.of(2, 1), 1, 2))), DType.F64, 0);
        check("ediff1d", Jnp.ediff1d(ArrayAssertions.f64(1, 4, 9, 16), Option.some(ArrayAssertions.f64(99)), Option.some(ArrayAssertions.f64(-5))), DType.F64, 0);
        ArrayAssertions.assertBools(Jnp.diff(ArrayAssertions.bools(true, true, false)), Shape.of(2), false, true);
    }

    @Test
    void shouldMatchNumpyGradientAndTrapezoid() {
        Array f = input("f"), g = input("g");
        check("gradient", Jnp.gradient(f, 0), DType.F64, F64);
        check("gradient_h", Jnp.gradient(f, Array.scalar(0.5), 0), DType.F64, F64);
        check("gradient_x", Jnp.gradient(f, input("cx"), 0), DType.F64, F64);
        var both = Jnp.gradient(g);
        check("gradient2_0", both.get(0), DType.F64, F64);
        check("gradient2_1", both.get(1), DType.F64, F64);
        check("trapezoid_dx", Jnp.trapezoid(g, 0.5, -1), DType.F64, F64);
        Array x4 = ArrayAssertions.f64(0.0, 1.0, 1.5, 3.5);
        check("trapezoid_x", Jnp.trapezoid(g, x4, 1), DType.F64, F64);
        check("trapezoid_axis0", Jnp.trapezoid(g, 1.0, 0), DType.F64, F64);
    }

    @Test
    void shouldMatchCumulativeWithInitial() {
        Array m = input("m");
        check("cumsum_init", Jnp.cumulativeSum(m, 1, true), DType.F64, F64);
        check("cumprod_init", Jnp.cumulativeProd(m, 0, true), DType.F64, F64);
        ArrayAssertions.assertArray(Jnp.cumulativeSum(ArrayAssertions.bools(true, true)), DType.I32, Shape.of(2), 1, 2);
    }

    // Integer and float functions ----------------------------------------------------------------

    @Test
    void shouldMatchNumpyIntegerFunctions() {
        Array i1 = input("i1"), i2 = input("i2");
        check("gcd", Jnp.gcd(i1, i2), DType.I32, 0);
        Array s1 = Jnp.array(java.util.Arrays.copyOf(i1.toIntArray(), 6)), s2 = Jnp.array(java.util.Arrays.copyOf(i2.toIntArray(), 6));
        check("lcm", Jnp.lcm(s1, s2), DType.I32, 0);
        Array fa = input("fa"), fb = input("fb");
        check("fmod", Jnp.fmod(fa, fb), DType.F64, 0);
        Tuple2<Array, Array> qr = Jnp.divmod(fa, fb);
        check("divmod_q", qr._1, DType.F64, 0);
        check("divmod_r", qr._2, DType.F64, 0);
        check("fmod_int", Jnp.fmod(input("ia"), input("ib")), DType.I32, 0);
    }

    @Test
    void shouldMatchNumpyFloatRepresentationFunctions() {
        Tuple2<Array, Array> mw = Jnp.modf(input("mf"));
        check("modf_frac", mw._1, DType.F64, 0);
        check("modf_whole", mw._2, DType.F64, 0);
        Tuple2<Array, Array> me = Jnp.frexp(input("fr"));
        check("frexp_m", me._1, DType.F64, 0);
        check("frexp_e", me._2, DType.I32, 0);
        Tuple2<Array, Array> me32 = Jnp.frexp(input("fr32", DType.F32));
        check("frexp32_m", me32._1, DType.F32, 0);
        check("frexp32_e", me32._2, DType.I32, 0);
        check("ldexp", Jnp.ldexp(input("lx"), input("le")), DType.F64, 0);
        check("spacing32", Jnp.spacing(input("sx32", DType.F32)), DType.F32, 0);
        check("spacing", Jnp.spacing(input("sx")), DType.F64, 0);
        check("sinc", Jnp.sinc(input("sc")), DType.F64, F64);
        check("float_power", Jnp.floatPower(ArrayAssertions.f64(2, 0.5, 9), ArrayAssertions.f64(-1.5, 3, 0.5)), DType.F64, F64);
    }

    // Products and structured matrices ----------------------------------------------------------

    @Test
    void shouldMatchNumpyProducts() {
        Array k1 = input("k1"), k2 = input("k2");
        check("kron", Jnp.kron(k1, k2), DType.F64, 0);
        check("kron_1d", Jnp.kron(ArrayAssertions.f64(1, -2), k2), DType.F64, 0);
        Array ca = input("ca"), cb = input("cb");
        check("cross", Jnp.cross(ca, cb), DType.F64, 0);
        check("cross_2_3", Jnp.cross(ArrayAssertions.f64(1, 2), cb), DType.F64, 0);
        check("cross_2_2", Jnp.cross(ArrayAssertions.f64(1, 2), ArrayAssertions.f64(3, -4)), DType.F64, 0);
        check("cross_axis0", Jnp.cross(Jnp.transpose(ca), ArrayAssertions.arr(DType.F64, Shape.of(3, 2), 4, 1, -5, 0, 6, 2), 0), DType.F64, 0);
        Array vx = input("vx");
        check("vander", Jnp.vander(vx), DType.F64, 0);
        check("vander3_inc", Jnp.vander(vx, 3, true), DType.F64, 0);
        assertEquals(Shape.of(4, 0), Jnp.vander(vx, 0, false).shape());
        ArrayAssertions.assertArray(Jnp.vander(ArrayAssertions.i32(2, -3)), DType.I32, Shape.of(2, 2), 2, 1, -3, 1);
        check("tri_3_5_1", Jnp.tri(3, 5, 1, DType.F64), DType.F64, 0);
        check("tri_4_2_m1", Jnp.tri(4, 2, -1, DType.F64), DType.F64, 0);
        Array rt = input("rt");
        for (int k : new int[] {1, 2, 3, -1}) check("rot90_" + k, Jnp.rot90(rt, k, 0, 1), DType.F64, 0);
        check("rot90_12", Jnp.rot90(rt, 1, 1, 2), DType.F64, 0);
        check("fliplr", Jnp.fliplr(rt), DType.F64, 0);
        check("flipud", Jnp.flipud(rt), DType.F64, 0);
        assertEquals(Shape.of(2, 5, 3, 4), Jnp.rollaxis(Jnp.zeros(2, 3, 4, 5), 3, 1).shape());
        assertEquals(Shape.of(3, 4, 2, 5), Jnp.rollaxis(Jnp.zeros(2, 3, 4, 5), 0, 3).shape());
    }

    // Selection and functions over axes --------------------------------------------------------

    @Test
    void shouldMatchNumpySelectAndPiecewise() {
        Array x = input("sx2");
        check("select", Jnp.select(Vector.of(Jnp.less(x, 0.0), Jnp.less(x, 2.0)), Vector.of(Jnp.negative(x), Jnp.square(x)), Array.scalar(7.0)), DType.F64, 0);
        Vector<Array> conds = Vector.of(Jnp.less(x, 0.0), Jnp.greaterEqual(x, 1.0));
        Vector<UnaryOperator<Array>> two = Vector.of(Jnp::negative, Jnp::square);
        check("piecewise", Jnp.piecewise(x, conds, two), DType.F64, 0);
        check("piecewise_default", Jnp.piecewise(x, conds, two.append(t -> Jnp.multiply(t, 10.0))), DType.F64, 0);
    }

    @Test
    void shouldMatchNumpyApplyAlongAndOverAxes() {
        Array aa = input("aa");
        check("apply_along_axis", Jnp.applyAlongAxis(t -> Jnp.stack(Jnp.sum(t), Jnp.max(t)), 1, aa), DType.F64, 0);
        check("apply_along_axis_0", Jnp.applyAlongAxis(t -> Jnp.stack(Jnp.sum(t), Jnp.max(t)), 0, aa), DType.F64, 0);
        check("apply_along_axis_2", Jnp.applyAlongAxis(t -> Jnp.stack(Jnp.sum(t), Jnp.max(t)), 2, aa), DType.F64, 0);
        check("apply_along_axis_scalar", Jnp.applyAlongAxis(t -> Jnp.prod(t), -1, aa), DType.F64, F64);
        check("apply_over_axes", Jnp.applyOverAxes((t, ax) -> Jnp.sum(t, ax), aa, 0, 2), DType.F64, 0);
    }

    // dtype information --------------------------------------------------------------------------

    private static final DType[] DTYPES = {DType.F32, DType.F64, DType.I32, DType.I64, DType.U32, DType.BOOL};

    @Test
    void shouldMatchNumpyFinfoAndIinfo() {
        for (DType d : new DType[] {DType.F32, DType.F64}) {
            Jnp.Finfo f = Jnp.finfo(d);
            double[] got = {f.bits(), f.eps(), f.epsneg(), f.max(), f.min(), f.tiny(), f.smallestSubnormal(), f.resolution(),
                    f.precision(), f.iexp(), f.machep(), f.maxexp(), f.minexp(), f.negep(), f.nexp(), f.nmant()};
            // NumPy stores f32's resolution (1e-6) as an f32: compare within f32 rounding.
            ArrayAssertions.assertClose(got, get("finfo." + d.numpyName()).doubles(), 1e-7);
            assertEquals(f.tiny(), f.smallestNormal());
        }
        assertArrayEquals(get("iinfo.int32").longs(), new long[] {32, Jnp.iinfo(DType.I32).min(), Jnp.iinfo(DType.I32).max()});
        assertArrayEquals(get("iinfo.int64").longs(), new long[] {64, Jnp.iinfo(DType.I64).min(), Jnp.iinfo(DType.I64).max()});
        assertArrayEquals(get("iinfo.uint32").doubles(), new double[] {32, Jnp.iinfo(DType.U32).min(), Jnp.iinfo(DType.U32).max()});
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "equiv", "safe", "same_kind", "unsafe"})
    void shouldMatchNumpyCanCast(String casting) {
        boolean[] want = get("can_cast." + casting).bools();
        Jnp.Casting c = Jnp.Casting.valueOf(casting.toUpperCase(java.util.Locale.ROOT));
        for (int i = 0; i < DTYPES.length; i++) {
            for (int j = 0; j < DTYPES.length; j++) {
                assertEquals(want[i * DTYPES.length + j], Jnp.canCast(DTYPES[i], DTYPES[j], c), DTYPES[i] + " -> " + DTYPES[j] + " " + casting);
            }
        }
    }

    @Test
    void shouldMatchNumpyIssubdtype() {
        boolean[] want = get("issubdtype").bools();
        Jnp.DTypeCategory[] cats = Jnp.DTypeCategory.values();
        for (int i = 0; i < DTYPES.length; i++) {
            for (int j = 0; j < cats.length; j++) {
                assertEquals(want[i * cats.length + j], Jnp.issubdtype(DTYPES[i], cats[j]), DTYPES[i] + " under " + cats[j]);
            }
        }
    }
}
