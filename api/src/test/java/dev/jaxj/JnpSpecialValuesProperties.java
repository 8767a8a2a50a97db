package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.collection.List;
import io.vavr.collection.Vector;
import net.jqwik.api.*;
import net.jqwik.api.constraints.IntRange;

import java.util.Random;
import java.util.function.BinaryOperator;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The NumPy functions written from selects, comparisons and divisions, on the cartesian
 * product of special values (±0, ±1, ±inf, NaN, subnormals, extremes) and on random values,
 * eagerly and under jit, against NumPy's definitions written out in double precision (each
 * step rounded to the operands' dtype, as NumPy's C loops compute). NaN equals NaN; -0 differs
 * from +0.
 */
class JnpSpecialValuesProperties {
    private static final double[] SPECIAL = {
        0, -0.0, 1, -1, 0.5, -0.5, 2, -2, 3, -3, 7, -7.5, 100, 1e30, -1e30, 1e-30,
        Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_NORMAL, Float.MIN_VALUE, -Float.MIN_VALUE,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN
    };

    /** A NumPy function of two floats and its definition. */
    record Fn(String name, BinaryOperator<Array> f, Reference reference) {
        @Override public String toString() { return name; }
    }

    /** NumPy's definition, each operation rounded by {@code r} to the dtype. */
    interface Reference { double apply(double x, double y, java.util.function.DoubleUnaryOperator r); }

    private static final List<Fn> FUNCTIONS = List.of(
            new Fn("floor_divide", Jnp::floorDivide, (x, y, r) -> divmod(x, y, r)[0]),
            new Fn("remainder", Jnp::remainder, (x, y, r) -> divmod(x, y, r)[1]),
            new Fn("heaviside", Jnp::heaviside, (x, h, r) -> Double.isNaN(x) ? x : x == 0 ? h : x < 0 ? 0 : 1),
            new Fn("copysign", Jnp::copysign, (x, y, r) -> StrictMath.copySign(x, y)),
            new Fn("maximum", Jnp::maximum, (x, y, r) -> ieeeMaximum(x, y)),
            new Fn("minimum", Jnp::minimum, (x, y, r) -> -ieeeMaximum(-x, -y)),
            new Fn("fmax", Jnp::fmax, (x, y, r) -> Double.isNaN(x) ? y : Double.isNaN(y) ? x : ieeeMaximum(x, y)),
            new Fn("fmin", Jnp::fmin, (x, y, r) -> Double.isNaN(x) ? y : Double.isNaN(y) ? x : -ieeeMaximum(-x, -y)),
            new Fn("clip to [-y, y]", (x, y) -> Jnp.clip(x, Jnp.negative(y), y), (x, y, r) -> -ieeeMaximum(-ieeeMaximum(x, -y), -y)),
            new Fn("sign of x + y", (x, y) -> Jnp.sign(Jnp.add(x, y)), (x, y, r) -> StrictMath.signum(r.applyAsDouble(x + y))),
            new Fn("nan_to_num of x * y", (x, y) -> Jnp.nanToNum(Jnp.multiply(x, y)), JnpSpecialValuesProperties::nanToNumOfProduct));

    /**
     * NumPy's {@code npy_divmod}: the floored quotient and the remainder with the divisor's
     * sign. A zero divisor gives {@code x / 0} and NaN; a zero result takes its sign from
     * {@code x / y} (quotient) or {@code y} (remainder).
     */
    static double[] divmod(double x, double y, java.util.function.DoubleUnaryOperator r) {
        double mod = x % y;
        if (y == 0) return new double[] {r.applyAsDouble(x / y), mod};
        double div = r.applyAsDouble(r.applyAsDouble(x - mod) / y);
        if (mod != 0) {
            if ((y < 0) != (mod < 0)) {
                mod = r.applyAsDouble(mod + y);
                div = r.applyAsDouble(div - 1);
            }
        } else {
            mod = StrictMath.copySign(0.0, y);
        }
        double floorDiv;
        if (div != 0) {
            floorDiv = StrictMath.floor(div);
            if (div - floorDiv > 0.5) floorDiv += 1;
        } else {
            floorDiv = StrictMath.copySign(0.0, r.applyAsDouble(x / y));
        }
        return new double[] {floorDiv, mod};
    }

    /** IEEE 754's maximum: NaN if either is NaN, and +0 above -0. */
    private static double ieeeMaximum(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) return Double.NaN;
        if (x == y) return Double.doubleToRawLongBits(x) < 0 ? y : x;
        return x > y ? x : y;
    }

    private static double nanToNumOfProduct(double x, double y, java.util.function.DoubleUnaryOperator r) {
        double p = r.applyAsDouble(x * y);
        double big = r.applyAsDouble(Double.MAX_VALUE) == Double.MAX_VALUE ? Double.MAX_VALUE : Float.MAX_VALUE;
        return Double.isNaN(p) ? 0 : p == Double.POSITIVE_INFINITY ? big : p == Double.NEGATIVE_INFINITY ? -big : p;
    }

    @Provide
    Arbitrary<Fn> functions() { return Arbitraries.of(FUNCTIONS.asJava()); }

    @Provide
    Arbitrary<DType> floats() { return Arbitraries.of(DType.F32, DType.F64); }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void agreesWithNumpyOnSpecialValues(@ForAll("functions") Fn fn, @ForAll("floats") DType d) {
        int n = SPECIAL.length;
        double[] x = new double[n * n], y = new double[n * n];
        for (int i = 0; i < n * n; i++) {
            x[i] = SPECIAL[i / n];
            y[i] = SPECIAL[i % n];
        }
        check(fn, d, x, y);
    }

    @Property(tries = 300)
    void agreesWithNumpyOnRandomValues(@ForAll("functions") Fn fn, @ForAll("floats") DType d,
                                       @ForAll @IntRange(min = 1, max = 200) int n, @ForAll long seed) {
        Random r = new Random(seed);
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextBoolean() ? SPECIAL[r.nextInt(SPECIAL.length)] : r.nextInt(-50, 50) * 0.25;
            y[i] = r.nextBoolean() ? SPECIAL[r.nextInt(SPECIAL.length)] : r.nextInt(-50, 50) * 0.25;
        }
        check(fn, d, x, y);
    }

    private static final long[] SPECIAL_INTEGERS = {
        0, 1, -1, 2, -2, 3, 7, -7, 100, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE + 1, Long.MAX_VALUE, Long.MIN_VALUE
    };

    @Provide
    Arbitrary<DType> integers() { return Arbitraries.of(DType.I32, DType.I64, DType.U32, DType.U64); }

    /**
     * Python's floored division and modulo of integers, with NumPy's 0 for a zero divisor and
     * the wrapped {@code MIN // -1 = MIN}, eagerly and under jit.
     */
    @Property(generation = GenerationMode.EXHAUSTIVE)
    void integerFloorDivisionAgreesWithNumpy(@ForAll("integers") DType d) {
        int n = SPECIAL_INTEGERS.length;
        long[] x = new long[n * n], y = new long[n * n];
        for (int i = 0; i < n * n; i++) {
            x[i] = narrow(SPECIAL_INTEGERS[i / n], d);
            y[i] = narrow(SPECIAL_INTEGERS[i % n], d);
        }
        Array a = Jnp.array(x.clone()).astype(d), b = Jnp.array(y.clone()).astype(d);
        var both = Jax.jit((Vector<Array> in) -> Vector.of(Jnp.floorDivide(in.get(0), in.get(1)), Jnp.remainder(in.get(0), in.get(1))));
        Vector<Array> jitted = both.apply(Vector.of(a, b));
        long[][] got = {Jnp.floorDivide(a, b).toLongArray(), Jnp.remainder(a, b).toLongArray(),
                        jitted.get(0).toLongArray(), jitted.get(1).toLongArray()};
        for (int i = 0; i < x.length; i++) {
            // u64 values are bit patterns here, divided unsigned; u32 values are their non-negative longs.
            long q = y[i] == 0 ? 0 : d == DType.I32 ? Math.floorDiv((int) x[i], (int) y[i])
                    : d == DType.U64 ? Long.divideUnsigned(x[i], y[i]) : Math.floorDiv(x[i], y[i]);
            long r = y[i] == 0 ? 0 : d == DType.U64 ? Long.remainderUnsigned(x[i], y[i]) : Math.floorMod(x[i], y[i]);
            String at = x[i] + ", " + y[i] + " in " + d;
            assertEquals(q, got[0][i], "floor_divide(" + at + ")");
            assertEquals(r, got[1][i], "remainder(" + at + ")");
            assertEquals(q, got[2][i], "floor_divide(" + at + ") under jit");
            assertEquals(r, got[3][i], "remainder(" + at + ") under jit");
        }
    }

    /** {@return {@code v} wrapped to the dtype; u32 values are their unsigned value} */
    private static long narrow(long v, DType d) {
        return switch (d) {
            case I32 -> (int) v;
            case U32 -> v & 0xFFFF_FFFFL;
            case I8 -> (byte) v;
            case I16 -> (short) v;
            case U8 -> v & 0xFF;
            case U16 -> v & 0xFFFF;
            case I64, U64, F32, F64, BOOL, BF16, F16, C64, C128 -> v;
        };
    }

    private static void check(Fn fn, DType d, double[] x, double[] y) {
        java.util.function.DoubleUnaryOperator round = d == DType.F32 ? v -> (float) v : v -> v;
        for (int i = 0; i < x.length; i++) {
            x[i] = round.applyAsDouble(x[i]);
            y[i] = round.applyAsDouble(y[i]);
        }
        Array a = Jnp.array(x.clone(), DType.F64, x.length).astype(d), b = Jnp.array(y.clone(), DType.F64, y.length).astype(d);
        double[] eager = fn.f().apply(a, b).toDoubleArray();
        double[] jitted = Jax.jit((Vector<Array> in) -> fn.f().apply(in.get(0), in.get(1))).apply(Vector.of(a, b)).toDoubleArray();
        for (int i = 0; i < x.length; i++) {
            double want = round.applyAsDouble(fn.reference().apply(x[i], y[i], round));
            String at = fn + "(" + x[i] + ", " + y[i] + ") in " + d;
            assertSame(want, eager[i], at);
            assertSame(want, jitted[i], at + " under jit");
        }
    }

    /** Equal bits, or both NaN. */
    private static void assertSame(double want, double got, String at) {
        if (Double.isNaN(want) && Double.isNaN(got)) return;
        assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got), at + ": want " + want + ", got " + got);
    }

    // The cases of the issue, spelled out --------------------------------------------------------

    @Example
    void floorDivisionByZeroGivesSignedInfinities() {
        Array q = Jnp.floorDivide(Jnp.array(new float[] {1, -1, 0, 5}), 0f);
        assertArrayEquals(new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.POSITIVE_INFINITY}, q.toFloatArray());
    }

    @Example
    void heavisideOfNanIsNan() {
        assertTrue(Float.isNaN(Jnp.heaviside(Jnp.array(new float[] {Float.NaN}), Jnp.array(new float[] {0.5f})).toFloatArray()[0]));
    }

    /** C's pow, which NumPy and XLA call: 1 for a base of 1 with any exponent and for -1 with an infinite one. */
    @Example
    void powerOfOneIsOneUnderJit() {
        float nan = Float.NaN, inf = Float.POSITIVE_INFINITY;
        float[] x = {1, 1, 1, -1, -1, 1, nan, 2}, y = {nan, inf, -inf, inf, -inf, 0, 0, nan};
        float[] want = {1, 1, 1, 1, 1, 1, 1, nan};
        for (DType d : List.of(DType.F32, DType.F64)) {
            // Long enough for whole vectors: the fused loop runs generated code.
            Array a = Jnp.tile(Jnp.array(x).astype(d), 20), b = Jnp.tile(Jnp.array(y).astype(d), 20);
            float[] eager = Jnp.power(a, b).toFloatArray();
            float[] jitted = Jax.jit((Vector<Array> in) -> Jnp.power(in.get(0), in.get(1))).apply(Vector.of(a, b)).toFloatArray();
            for (int i = 0; i < eager.length; i++) {
                assertEquals(want[i % want.length], eager[i], "power(" + x[i % x.length] + ", " + y[i % y.length] + ") in " + d);
                assertEquals(want[i % want.length], jitted[i], "power(" + x[i % x.length] + ", " + y[i % y.length] + ") in " + d + " under jit");
            }
        }
    }

    /** The signed-zero fix leaves the derivative alone: d remainder(x, y) / dx is 1, also where the remainder is ±0. */
    @Example
    void remainderKeepsItsGradientWhereItIsZero() {
        for (double y : new double[] {2, -2}) {
            Array g = Jax.grad((Array x) -> Jnp.sum(Jnp.remainder(x, y))).apply(Jnp.array(new float[] {4, -4, 0, 3}));
            assertArrayEquals(new float[] {1, 1, 1, 1}, g.toFloatArray(), "gradient of remainder(x, " + y + ")");
        }
    }

    /** NumPy: an integer divisor of 0 gives 0 for both; MIN // -1 wraps to MIN. */
    @Example
    void integerDivisionByZeroGivesZero() {
        for (DType d : List.of(DType.I32, DType.I64, DType.U32)) {
            Array x = Jnp.array(new long[] {5, -5, 0, 7}).astype(d), zero = Jnp.zeros(Shape.of(4), d);
            assertArrayEquals(new long[] {0, 0, 0, 0}, Jnp.floorDivide(x, zero).toLongArray(), "floor_divide by 0 in " + d);
            assertArrayEquals(new long[] {0, 0, 0, 0}, Jnp.remainder(x, zero).toLongArray(), "remainder by 0 in " + d);
        }
        Array min = Jnp.array(new int[] {Integer.MIN_VALUE, Integer.MIN_VALUE, -7, 7}), by = Jnp.array(new int[] {-1, 2, 2, -2});
        assertArrayEquals(new long[] {Integer.MIN_VALUE, Integer.MIN_VALUE / 2, -4, -4}, Jnp.floorDivide(min, by).toLongArray());
        assertArrayEquals(new long[] {0, 0, 1, -1}, Jnp.remainder(min, by).toLongArray());
    }
}
