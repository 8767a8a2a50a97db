package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.array.PrintOptions;
import dev.jaxj.array.Promotion;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.numpy.Bessel;
import dev.jaxj.numpy.Creation;
import dev.jaxj.numpy.Einsum;
import dev.jaxj.numpy.Elementwise;
import dev.jaxj.numpy.FloatFunctions;
import dev.jaxj.numpy.Functional;
import dev.jaxj.numpy.IntegerFunctions;
import dev.jaxj.numpy.Joining;
import dev.jaxj.numpy.Linalg;
import dev.jaxj.numpy.Logic;
import dev.jaxj.numpy.Manipulation;
import dev.jaxj.numpy.Matrices;
import dev.jaxj.numpy.Padding;
import dev.jaxj.numpy.Polynomials;
import dev.jaxj.numpy.Products;
import dev.jaxj.numpy.Reductions;
import dev.jaxj.numpy.Signal;
import dev.jaxj.numpy.Sorting;
import dev.jaxj.numpy.TypeInfo;
import dev.jaxj.numpy.Windows;
import io.vavr.Tuple2;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * The NumPy surface, with JAX's names in camelCase ({@code jnp.zeros_like} is
 * {@link #zerosLike}). Functions accept arrays and return new arrays; nothing is modified in
 * place. Every function is a composite of primitives, so it works eagerly and under every
 * transform.
 *
 * <p>Conventions, as in {@code jax.numpy}:
 * <ul>
 *   <li>Binary functions broadcast by NumPy's rules and promote on JAX's lattice. Java scalars
 *       are weakly typed: {@code add(x, 1)} keeps an i32 {@code x} i32, {@code add(x, 1.0)}
 *       keeps an f32 or f64 {@code x} (exactly, for f64), and an integer {@code x} plus a Java
 *       double gives f32. A Java integer that the dtype it meets cannot hold raises
 *       {@link dev.jaxj.errors.ArgumentError}. The fluent {@code Array} methods share these rules:
 *       both go through {@link dev.jaxj.array.NumpyOps} and {@link dev.jaxj.array.Ufuncs}.</li>
 *   <li>Functions of reals ({@code exp}, {@code sin}, {@code divide}, {@code mean}, …) compute
 *       integers and bools in f32.</li>
 *   <li>Axes may be negative; an empty {@code axes} means every axis. A bad axis raises
 *       {@link dev.jaxj.errors.ShapeError}, a repeated one {@link dev.jaxj.errors.ArgumentError},
 *       incompatible shapes {@link dev.jaxj.errors.ShapeError}, an unsupported dtype
 *       {@link dev.jaxj.errors.DTypeError}; messages name the function and the operands' avals.</li>
 * </ul>
 * {@snippet :
 * Array x = Jnp.linspace(-1, 1, 5);                      // f32[5]
 * Array y = Jnp.where(Jnp.greater(x, 0), x, 0.0);        // relu: f32[5]
 * Array m = Jnp.mean(Jnp.square(y), true, -1);           // f32[1]
 * }
 */
public final class Jnp {
    private Jnp() {}

    // Creation --------------------------------------------------------------------------------

    /**
     * {@return a copy of a Java array}, nested arrays giving the axes: {@code float[][]} gives
     * an f32 matrix, {@code double[]} f64, {@code int[]} i32, {@code long[]} i64, {@code boolean[]} bool.
     * @throws dev.jaxj.errors.ShapeError for ragged nested arrays
     */
    public static Array array(Object javaArray) { return Creation.fromJava(javaArray); }

    /** {@return a copy of flat data with the given shape and dtype} */
    public static Array array(Object flatJavaArray, DType dtype, int... shape) {
        return Creation.fromJava(flatJavaArray, dtype, Shape.of(shape));
    }

    /** {@return a strongly typed scalar of {@code dtype}} */
    public static Array scalar(double value, DType dtype) { return Array.scalar(value, dtype); }

    /** {@return an f32 scalar} */
    public static Array scalar(float value) { return Array.scalar(value, DType.F32); }

    public static Array zeros(int... shape) { return full(Shape.of(DType.F32, shape), 0, DType.F32); }
    public static Array zeros(Shape shape, DType dtype) { return full(shape, 0, dtype); }
    public static Array ones(int... shape) { return full(Shape.of(DType.F32, shape), 1, DType.F32); }
    public static Array ones(Shape shape, DType dtype) { return full(shape, 1, dtype); }
    public static Array full(Shape shape, double value, DType dtype) { return Creation.full(shape, value, dtype); }
    /** {@return an array of {@code shape} filled with the integer {@code value}} @throws dev.jaxj.errors.ArgumentError when {@code dtype} cannot hold it */
    public static Array full(Shape shape, long value, DType dtype) { return Creation.full(shape, value, dtype); }
    public static Array zerosLike(Array x) { return full(x.shape(), 0, x.dtype()); }
    public static Array onesLike(Array x) { return full(x.shape(), 1, x.dtype()); }
    public static Array fullLike(Array x, double value) { return full(x.shape(), value, x.dtype()); }
    public static Array fullLike(Array x, long value) { return full(x.shape(), value, x.dtype()); }

    /** {@return {@code 0, 1, …, stop-1} as i32} */
    public static Array arange(int stop) { return Creation.arange(0, stop, 1, DType.I32); }
    public static Array arange(int start, int stop, int step) { return Creation.arange(start, stop, step, DType.I32); }
    /** {@return {@code [start, stop)} in steps of {@code step}, as f32} */
    public static Array arange(double start, double stop, double step) { return Creation.arange(start, stop, step, DType.F32); }
    public static Array arange(double start, double stop, double step, DType dtype) { return Creation.arange(start, stop, step, dtype); }

    /** {@return 50 evenly spaced f32 values from {@code start} to {@code stop} inclusive} */
    public static Array linspace(double start, double stop) { return linspace(start, stop, 50); }
    public static Array linspace(double start, double stop, int num) { return Creation.linspace(start, stop, num, true, DType.F32); }
    public static Array linspace(double start, double stop, int num, boolean endpoint, DType dtype) {
        return Creation.linspace(start, stop, num, endpoint, dtype);
    }
    /** {@return {@code 10^x} for {@code num} evenly spaced exponents {@code x} from {@code start} to {@code stop}, f32} @throws dev.jaxj.errors.ArgumentError for a negative num */
    public static Array logspace(double start, double stop, int num) { return Creation.logspace(start, stop, num, true, 10, DType.F32); }
    public static Array logspace(double start, double stop, int num, boolean endpoint, double base, DType dtype) {
        return Creation.logspace(start, stop, num, endpoint, base, dtype);
    }
    /**
     * {@return {@code num} values from {@code start} to {@code stop} in geometric progression, f32}
     * @throws dev.jaxj.errors.ArgumentError for a negative num, or bounds that are zero or of different signs
     */
    public static Array geomspace(double start, double stop, int num) { return Creation.geomspace(start, stop, num, true, DType.F32); }
    public static Array geomspace(double start, double stop, int num, boolean endpoint, DType dtype) {
        return Creation.geomspace(start, stop, num, endpoint, dtype);
    }

    /** {@return the {@code n x n} identity matrix, f32} */
    public static Array eye(int n) { return Creation.eye(n, n, 0, DType.F32); }
    public static Array eye(int n, int m, int k, DType dtype) { return Creation.eye(n, m, k, dtype); }

    // Types -----------------------------------------------------------------------------------

    /** {@return JAX's {@code promote_types}: the dtype a binary operation on {@code a} and {@code b} computes in} */
    public static DType promoteTypes(DType a, DType b) { return Promotion.promoteTypes(a, b); }

    /** {@return the dtype that operations on all of {@code xs} compute in} (weak types give way) */
    public static DType resultType(Array... xs) { return Promotion.resultType(Vector.of(xs).map(Array::aval)).dtype(); }

    /** {@return {@code x} converted to {@code dtype}} (floats to integers truncate toward zero) */
    public static Array astype(Array x, DType dtype) { return Lax.convertElementType(x, dtype); }

    // Arithmetic. Each binary function also takes a Java scalar on either side (weakly typed). --

    /** {@return {@code x + y}}; bools add as logical or. */
    public static Array add(Array x, Array y) { return Elementwise.add(x, y); }
    public static Array add(Array x, double y) { return add(x, Array.scalar(y)); }
    public static Array add(Array x, long y) { return add(x, Array.scalar(y)); }
    public static Array add(double x, Array y) { return add(Array.scalar(x), y); }
    public static Array add(long x, Array y) { return add(Array.scalar(x), y); }

    /** {@return {@code x - y}} @throws dev.jaxj.errors.DTypeError for bools */
    public static Array subtract(Array x, Array y) { return Elementwise.subtract(x, y); }
    public static Array subtract(Array x, double y) { return subtract(x, Array.scalar(y)); }
    public static Array subtract(Array x, long y) { return subtract(x, Array.scalar(y)); }
    public static Array subtract(double x, Array y) { return subtract(Array.scalar(x), y); }
    public static Array subtract(long x, Array y) { return subtract(Array.scalar(x), y); }

    /** {@return {@code x * y}}; bools multiply as logical and. */
    public static Array multiply(Array x, Array y) { return Elementwise.multiply(x, y); }
    public static Array multiply(Array x, double y) { return multiply(x, Array.scalar(y)); }
    public static Array multiply(Array x, long y) { return multiply(x, Array.scalar(y)); }
    public static Array multiply(double x, Array y) { return multiply(Array.scalar(x), y); }
    public static Array multiply(long x, Array y) { return multiply(Array.scalar(x), y); }

    /** {@return {@code x / y}}, true division: integers and bools divide as f32. */
    public static Array divide(Array x, Array y) { return Elementwise.divide(x, y); }
    public static Array divide(Array x, double y) { return divide(x, Array.scalar(y)); }
    public static Array divide(Array x, long y) { return divide(x, Array.scalar(y)); }
    public static Array divide(double x, Array y) { return divide(Array.scalar(x), y); }
    public static Array divide(long x, Array y) { return divide(Array.scalar(x), y); }

    /** {@return {@code x // y}}: the quotient rounded toward negative infinity ({@code floorDivide(-7, 2) = -4}). */
    public static Array floorDivide(Array x, Array y) { return Elementwise.floorDivide(x, y); }
    public static Array floorDivide(Array x, double y) { return floorDivide(x, Array.scalar(y)); }
    public static Array floorDivide(Array x, long y) { return floorDivide(x, Array.scalar(y)); }
    public static Array floorDivide(double x, Array y) { return floorDivide(Array.scalar(x), y); }
    public static Array floorDivide(long x, Array y) { return floorDivide(Array.scalar(x), y); }

    /**
     * {@return {@code x % y}} with the sign of the divisor, as Python's {@code %}
     * ({@code remainder(-7, 2) = 1}, {@code remainder(7, -2) = -1}); an integer divisor of 0 gives 0.
     */
    public static Array remainder(Array x, Array y) { return Elementwise.remainder(x, y); }
    public static Array remainder(Array x, double y) { return remainder(x, Array.scalar(y)); }
    public static Array remainder(Array x, long y) { return remainder(x, Array.scalar(y)); }
    public static Array remainder(double x, Array y) { return remainder(Array.scalar(x), y); }
    public static Array remainder(long x, Array y) { return remainder(Array.scalar(x), y); }

    /** Another name for {@link #remainder(Array, Array)}. */
    public static Array mod(Array x, Array y) { return remainder(x, y); }
    public static Array mod(Array x, double y) { return remainder(x, y); }
    public static Array mod(Array x, long y) { return remainder(x, y); }

    /**
     * {@return {@code x ** y}}. Integers raised to integers stay integers (exponents use their
     * low six bits, as in JAX); every other combination computes in floating point.
     */
    public static Array power(Array x, Array y) { return Elementwise.power(x, y); }
    public static Array power(Array x, double y) { return power(x, Array.scalar(y)); }
    /** {@return {@code x ** n}} for a static exponent, by repeated multiplication ({@code integer_pow}). */
    public static Array power(Array x, int n) { return Elementwise.power(x, n); }
    public static Array power(Array x, long y) { return y == (int) y ? power(x, (int) y) : power(x, Array.scalar(y)); }
    public static Array power(double x, Array y) { return power(Array.scalar(x), y); }
    public static Array power(long x, Array y) { return power(Array.scalar(x), y); }

    /** {@return {@code -x}} @throws dev.jaxj.errors.DTypeError for bools */
    public static Array negative(Array x) { return Elementwise.negative(x); }
    /** {@return {@code x}} @throws dev.jaxj.errors.DTypeError for bools */
    public static Array positive(Array x) { return Elementwise.positive(x); }
    /** {@return {@code |x|}}; bools and unsigned integers come back unchanged. */
    public static Array abs(Array x) { return Elementwise.abs(x); }
    public static Array absolute(Array x) { return abs(x); }
    /** {@return -1, 0 or 1 by the sign of {@code x}} (NaN stays NaN) */
    public static Array sign(Array x) { return Elementwise.sign(x); }
    public static Array square(Array x) { return Elementwise.square(x); }
    /** {@return {@code 1 / x}} in floating point */
    public static Array reciprocal(Array x) { return Elementwise.reciprocal(x); }

    // Rounding: integers and bools are returned unchanged (except by rint). -----------------------

    public static Array floor(Array x) { return Elementwise.floor(x); }
    public static Array ceil(Array x) { return Elementwise.ceil(x); }
    /** {@return {@code x} rounded toward zero} */
    public static Array trunc(Array x) { return Elementwise.trunc(x); }
    /** {@return {@code x} rounded to the nearest integer, halves to even} ({@code round([0.5, 1.5, 2.5]) = [0, 2, 2]}) */
    public static Array round(Array x) { return Elementwise.round(x, 0); }
    /** {@return {@code x} rounded to {@code decimals} decimal places, halves to even} */
    public static Array round(Array x, int decimals) { return Elementwise.round(x, decimals); }
    /** {@return {@code x} rounded to the nearest integer, halves to even, as a float} */
    public static Array rint(Array x) { return Elementwise.rint(x); }

    // Functions of reals ------------------------------------------------------------------------

    public static Array exp(Array x) { return Elementwise.exp(x); }
    public static Array exp2(Array x) { return Elementwise.exp2(x); }
    /** {@return {@code exp(x) - 1}}, accurate near 0 */
    public static Array expm1(Array x) { return Elementwise.expm1(x); }
    public static Array log(Array x) { return Elementwise.log(x); }
    public static Array log2(Array x) { return Elementwise.log2(x); }
    public static Array log10(Array x) { return Elementwise.log10(x); }
    /** {@return {@code log(1 + x)}}, accurate near 0 */
    public static Array log1p(Array x) { return Elementwise.log1p(x); }
    public static Array sqrt(Array x) { return Elementwise.sqrt(x); }
    /** {@return {@code 1 / sqrt(x)}} */
    public static Array rsqrt(Array x) { return Elementwise.rsqrt(x); }
    public static Array cbrt(Array x) { return Elementwise.cbrt(x); }
    public static Array sin(Array x) { return Elementwise.sin(x); }
    public static Array cos(Array x) { return Elementwise.cos(x); }
    public static Array tan(Array x) { return Elementwise.tan(x); }
    public static Array arcsin(Array x) { return Elementwise.arcsin(x); }
    public static Array arccos(Array x) { return Elementwise.arccos(x); }
    public static Array arctan(Array x) { return Elementwise.arctan(x); }
    /** {@return the angle of the point {@code (x2, x1)}} in {@code [-pi, pi]} */
    public static Array arctan2(Array x1, Array x2) { return Elementwise.arctan2(x1, x2); }
    public static Array sinh(Array x) { return Elementwise.sinh(x); }
    public static Array cosh(Array x) { return Elementwise.cosh(x); }
    public static Array tanh(Array x) { return Elementwise.tanh(x); }
    public static Array arcsinh(Array x) { return Elementwise.arcsinh(x); }
    public static Array arccosh(Array x) { return Elementwise.arccosh(x); }
    public static Array arctanh(Array x) { return Elementwise.arctanh(x); }
    public static Array deg2rad(Array x) { return Elementwise.deg2rad(x); }
    public static Array rad2deg(Array x) { return Elementwise.rad2deg(x); }
    /** {@return {@code sqrt(x1² + x2²)}} without intermediate overflow */
    public static Array hypot(Array x1, Array x2) { return Elementwise.hypot(x1, x2); }
    /** {@return {@code log(exp(x1) + exp(x2))}}, stable for large magnitudes */
    public static Array logaddexp(Array x1, Array x2) { return Elementwise.logaddexp(x1, x2); }
    public static Array logaddexp(Array x1, double x2) { return logaddexp(x1, Array.scalar(x2)); }
    public static Array logaddexp(double x1, Array x2) { return logaddexp(Array.scalar(x1), x2); }
    /** {@return {@code log2(2^x1 + 2^x2)}}, stable for large magnitudes */
    public static Array logaddexp2(Array x1, Array x2) { return Elementwise.logaddexp2(x1, x2); }
    public static Array logaddexp2(Array x1, double x2) { return logaddexp2(x1, Array.scalar(x2)); }
    public static Array logaddexp2(double x1, Array x2) { return logaddexp2(Array.scalar(x1), x2); }
    /** {@return {@code |x1|} with the sign of {@code x2}} (including the sign of {@code -0.0}) */
    public static Array copysign(Array x1, Array x2) { return Elementwise.copysign(x1, x2); }
    /** {@return 0 where {@code x1 < 0}, 1 where {@code x1 > 0}, {@code x2} where {@code x1 == 0}} */
    public static Array heaviside(Array x1, Array x2) { return Elementwise.heaviside(x1, x2); }

    // Extremes and selection ------------------------------------------------------------------

    /** {@return the elementwise maximum}; NaN propagates (see {@link #fmax}); complex numbers as {@link Lax#max} orders them */
    public static Array maximum(Array x, Array y) { return Elementwise.maximum(x, y); }
    public static Array maximum(Array x, double y) { return maximum(x, Array.scalar(y)); }
    public static Array maximum(Array x, long y) { return maximum(x, Array.scalar(y)); }
    public static Array maximum(double x, Array y) { return maximum(Array.scalar(x), y); }
    public static Array maximum(long x, Array y) { return maximum(Array.scalar(x), y); }
    /** {@return the elementwise minimum}; NaN propagates (see {@link #fmin}) */
    public static Array minimum(Array x, Array y) { return Elementwise.minimum(x, y); }
    public static Array minimum(Array x, double y) { return minimum(x, Array.scalar(y)); }
    public static Array minimum(Array x, long y) { return minimum(x, Array.scalar(y)); }
    public static Array minimum(double x, Array y) { return minimum(Array.scalar(x), y); }
    public static Array minimum(long x, Array y) { return minimum(Array.scalar(x), y); }
    /** {@return the elementwise maximum, ignoring a NaN operand} (NaN only where both are NaN) */
    public static Array fmax(Array x, Array y) { return Elementwise.fmax(x, y); }
    public static Array fmin(Array x, Array y) { return Elementwise.fmin(x, y); }

    /** {@return {@code x} limited to {@code [lo, hi]}}: {@code minimum(maximum(x, lo), hi)} */
    public static Array clip(Array x, Array lo, Array hi) { return Elementwise.clip(x, lo, hi); }
    public static Array clip(Array x, double lo, double hi) { return clip(x, Array.scalar(lo), Array.scalar(hi)); }
    public static Array clip(Array x, long lo, long hi) { return clip(x, Array.scalar(lo), Array.scalar(hi)); }

    /**
     * {@return {@code cond ? x : y} elementwise}, all three broadcast together and {@code x},
     * {@code y} promoted; a non-bool {@code cond} is true where non-zero.
     * {@snippet :
     * Array safe = Jnp.where(Jnp.equal(d, 0), 1.0, d);     // replace zeros before dividing
     * }
     */
    public static Array where(Array cond, Array x, Array y) { return Logic.where(cond, x, y); }
    public static Array where(Array cond, Array x, double y) { return where(cond, x, Array.scalar(y)); }
    public static Array where(Array cond, double x, Array y) { return where(cond, Array.scalar(x), y); }
    public static Array where(Array cond, double x, double y) { return where(cond, Array.scalar(x), Array.scalar(y)); }
    public static Array where(Array cond, Array x, long y) { return where(cond, x, Array.scalar(y)); }
    public static Array where(Array cond, long x, Array y) { return where(cond, Array.scalar(x), y); }
    public static Array where(Array cond, long x, long y) { return where(cond, Array.scalar(x), Array.scalar(y)); }

    // Comparisons, logic, bits ------------------------------------------------------------------

    /** {@return {@code x == y} as bool} */
    public static Array equal(Array x, Array y) { return Logic.equal(x, y); }
    public static Array equal(Array x, double y) { return equal(x, Array.scalar(y)); }
    public static Array equal(Array x, long y) { return equal(x, Array.scalar(y)); }
    public static Array notEqual(Array x, Array y) { return Logic.notEqual(x, y); }
    public static Array notEqual(Array x, double y) { return notEqual(x, Array.scalar(y)); }
    public static Array notEqual(Array x, long y) { return notEqual(x, Array.scalar(y)); }
    /** {@return {@code x < y} as bool}; complex numbers compare by real parts, then imaginary parts, as {@code jnp.less} (and its kin) */
    public static Array less(Array x, Array y) { return Logic.less(x, y); }
    public static Array less(Array x, double y) { return less(x, Array.scalar(y)); }
    public static Array less(Array x, long y) { return less(x, Array.scalar(y)); }
    public static Array lessEqual(Array x, Array y) { return Logic.lessEqual(x, y); }
    public static Array lessEqual(Array x, double y) { return lessEqual(x, Array.scalar(y)); }
    public static Array lessEqual(Array x, long y) { return lessEqual(x, Array.scalar(y)); }
    public static Array greater(Array x, Array y) { return Logic.greater(x, y); }
    public static Array greater(Array x, double y) { return greater(x, Array.scalar(y)); }
    public static Array greater(Array x, long y) { return greater(x, Array.scalar(y)); }
    public static Array greaterEqual(Array x, Array y) { return Logic.greaterEqual(x, y); }
    public static Array greaterEqual(Array x, double y) { return greaterEqual(x, Array.scalar(y)); }
    public static Array greaterEqual(Array x, long y) { return greaterEqual(x, Array.scalar(y)); }

    /** Logical functions accept any dtype and treat non-zero as true; results are bool. */
    public static Array logicalAnd(Array x, Array y) { return Logic.logicalAnd(x, y); }
    public static Array logicalOr(Array x, Array y) { return Logic.logicalOr(x, y); }
    public static Array logicalXor(Array x, Array y) { return Logic.logicalXor(x, y); }
    public static Array logicalNot(Array x) { return Logic.logicalNot(x); }

    /** Bitwise functions of integers and bools. @throws dev.jaxj.errors.DTypeError for floats */
    public static Array bitwiseAnd(Array x, Array y) { return Logic.bitwiseAnd(x, y); }
    public static Array bitwiseOr(Array x, Array y) { return Logic.bitwiseOr(x, y); }
    public static Array bitwiseXor(Array x, Array y) { return Logic.bitwiseXor(x, y); }
    public static Array bitwiseNot(Array x) { return Logic.bitwiseNot(x); }
    public static Array invert(Array x) { return bitwiseNot(x); }
    /** {@return {@code x << y}} */
    public static Array leftShift(Array x, Array y) { return Logic.leftShift(x, y); }
    /** {@return {@code x >> y}}: arithmetic for signed integers, logical for unsigned */
    public static Array rightShift(Array x, Array y) { return Logic.rightShift(x, y); }

    /** Floating-point predicates (bool results; integers and bools are finite and not NaN). */
    public static Array isfinite(Array x) { return Logic.isfinite(x); }
    public static Array isnan(Array x) { return Logic.isnan(x); }
    public static Array isinf(Array x) { return Logic.isinf(x); }
    /** {@return whether the sign bit is set}, true for {@code -0.0} */
    public static Array signbit(Array x) { return Logic.signbit(x); }

    /** {@return {@code x} with NaN as 0 and infinities as the dtype's largest finite values} */
    public static Array nanToNum(Array x) { return Logic.nanToNum(x); }
    public static Array nanToNum(Array x, double nan, double posinf, double neginf) { return Logic.nanToNum(x, nan, posinf, neginf); }

    /**
     * {@return where {@code |a - b| <= atol + rtol * |b|}} with {@code rtol = 1e-5},
     * {@code atol = 1e-8}; equal infinities are close, NaNs are not.
     */
    public static Array isclose(Array a, Array b) { return Logic.isclose(a, b, 1e-5, 1e-8, false); }
    public static Array isclose(Array a, Array b, double rtol, double atol, boolean equalNan) { return Logic.isclose(a, b, rtol, atol, equalNan); }
    /** {@return a bool scalar: whether all elements are {@link #isclose}} */
    public static Array allclose(Array a, Array b) { return Logic.allclose(a, b, 1e-5, 1e-8, false); }
    public static Array allclose(Array a, Array b, double rtol, double atol, boolean equalNan) { return Logic.allclose(a, b, rtol, atol, equalNan); }

    // Reductions: an empty axes list means all axes; keepdims keeps them as size 1. -------------

    /** {@return the sum over {@code axes}}; bools, i8 and i16 count in i32, u8 and u16 in u32 (JAX's {@code promote_integers}) */
    public static Array sum(Array x, int... axes) { return Reductions.sum(x, false, axes); }
    public static Array sum(Array x, boolean keepdims, int... axes) { return Reductions.sum(x, keepdims, axes); }
    public static Array prod(Array x, int... axes) { return Reductions.prod(x, false, axes); }
    public static Array prod(Array x, boolean keepdims, int... axes) { return Reductions.prod(x, keepdims, axes); }
    /**
     * {@return the maximum over {@code axes}}; NaN propagates (for complex numbers, which order by
     * real then imaginary parts, a NaN part anywhere gives NaN + NaN i)
     * @throws dev.jaxj.errors.ShapeError for an empty reduced axis
     */
    public static Array max(Array x, int... axes) { return Reductions.max(x, false, axes); }
    public static Array max(Array x, boolean keepdims, int... axes) { return Reductions.max(x, keepdims, axes); }
    public static Array min(Array x, int... axes) { return Reductions.min(x, false, axes); }
    public static Array min(Array x, boolean keepdims, int... axes) { return Reductions.min(x, keepdims, axes); }
    /** {@return the mean over {@code axes}} in floating point; an empty reduction gives NaN */
    public static Array mean(Array x, int... axes) { return Reductions.mean(x, false, axes); }
    public static Array mean(Array x, boolean keepdims, int... axes) { return Reductions.mean(x, keepdims, axes); }
    /** {@return the variance {@code mean((x - mean(x))²)}} over {@code axes} */
    public static Array var(Array x, int... axes) { return Reductions.var(x, 0, false, axes); }
    /** {@return the variance with divisor {@code N - ddof}} (not clamped, as in JAX) */
    public static Array var(Array x, int ddof, boolean keepdims, int... axes) { return Reductions.var(x, ddof, keepdims, axes); }
    public static Array std(Array x, int... axes) { return Reductions.std(x, 0, false, axes); }
    public static Array std(Array x, int ddof, boolean keepdims, int... axes) { return Reductions.std(x, ddof, keepdims, axes); }
    /** {@return whether all elements over {@code axes} are non-zero}, as bool */
    public static Array all(Array x, int... axes) { return Reductions.all(x, false, axes); }
    public static Array all(Array x, boolean keepdims, int... axes) { return Reductions.all(x, keepdims, axes); }
    public static Array any(Array x, int... axes) { return Reductions.any(x, false, axes); }
    public static Array any(Array x, boolean keepdims, int... axes) { return Reductions.any(x, keepdims, axes); }
    /** {@return the number of non-zero elements over {@code axes}}, as i32 */
    public static Array countNonzero(Array x, int... axes) { return Reductions.countNonzero(x, false, axes); }
    /** {@return the mean over {@code axes}} (NumPy's {@code average} without weights) */
    public static Array average(Array x, int... axes) { return mean(x, axes); }
    /** {@return {@code sum(x * w) / sum(w)} over {@code axes}}; weights shaped like {@code x}, or 1-d along the one axis */
    public static Array average(Array x, Array weights, int... axes) { return Reductions.average(x, weights, axes); }

    /**
     * {@return {@code log(sum(exp(x)))} over {@code axes}}, stable for large inputs
     * ({@code logsumexp([1000, 1000]) = 1000 + log 2}); all {@code -inf} gives {@code -inf}.
     */
    public static Array logsumexp(Array x, int... axes) { return Reductions.logsumexp(x, false, axes); }
    public static Array logsumexp(Array x, boolean keepdims, int... axes) { return Reductions.logsumexp(x, keepdims, axes); }

    /** {@return the i32 index of the first maximum of the flattened array} (NaN counts as the maximum) */
    public static Array argmax(Array x) { return Reductions.argmax(x, Option.none(), false); }
    /** {@return the i32 indices of the first maxima along {@code axis}}; complex numbers order by real, then imaginary parts, and NaN counts as the extreme */
    public static Array argmax(Array x, int axis) { return Reductions.argmax(x, Option.some(axis), false); }
    public static Array argmax(Array x, int axis, boolean keepdims) { return Reductions.argmax(x, Option.some(axis), keepdims); }
    public static Array argmin(Array x) { return Reductions.argmin(x, Option.none(), false); }
    public static Array argmin(Array x, int axis) { return Reductions.argmin(x, Option.some(axis), false); }
    public static Array argmin(Array x, int axis, boolean keepdims) { return Reductions.argmin(x, Option.some(axis), keepdims); }

    /** {@return the running sum of the flattened array}; bools count as i32 */
    public static Array cumsum(Array x) { return Reductions.cumsum(x, Option.none()); }
    /** {@return the running sum along {@code axis}} ({@code cumsum([[1, 2], [3, 4]], 1) = [[1, 3], [3, 7]]}) */
    public static Array cumsum(Array x, int axis) { return Reductions.cumsum(x, Option.some(axis)); }
    public static Array cumprod(Array x) { return Reductions.cumprod(x, Option.none()); }
    public static Array cumprod(Array x, int axis) { return Reductions.cumprod(x, Option.some(axis)); }

    // Shapes ----------------------------------------------------------------------------------

    /** {@return {@code x} with a new shape of the same size}; one dimension may be {@code -1} */
    public static Array reshape(Array x, int... shape) { return Manipulation.reshape(x, shape); }
    /** {@return the elements as a 1-d array}, row-major */
    public static Array ravel(Array x) { return Manipulation.ravel(x); }
    /** {@return {@code x} with its axes reversed} */
    public static Array transpose(Array x) { return Manipulation.transpose(x); }
    /** {@return {@code x} with axes permuted: output axis {@code i} is input axis {@code axes[i]}} */
    public static Array transpose(Array x, int... axes) { return Manipulation.transpose(x, axes); }
    public static Array swapaxes(Array x, int axis1, int axis2) { return Manipulation.swapaxes(x, axis1, axis2); }
    /** {@return {@code x} with axis {@code source} moved to position {@code destination}}, the others in order */
    public static Array moveaxis(Array x, int source, int destination) { return Manipulation.moveaxis(x, new int[] {source}, new int[] {destination}); }
    public static Array moveaxis(Array x, int[] source, int[] destination) { return Manipulation.moveaxis(x, source, destination); }
    /** {@return {@code x} with size-1 axes inserted at the given positions of the result} */
    public static Array expandDims(Array x, int... axes) { return Manipulation.expandDims(x, axes); }
    /** {@return {@code x} without the given size-1 axes}, or without all size-1 axes when none are given */
    public static Array squeeze(Array x, int... axes) { return Manipulation.squeeze(x, axes); }
    /** {@return {@code x} broadcast to {@code shape}} by NumPy's rules */
    public static Array broadcastTo(Array x, int... shape) { return Manipulation.broadcastTo(x, Shape.of(shape)); }
    public static Array broadcastTo(Array x, Shape shape) { return Manipulation.broadcastTo(x, shape); }
    /** {@return the arrays broadcast to their common shape}, dtypes unchanged */
    public static Seq<Array> broadcastArrays(Array... xs) { return Manipulation.broadcastArrays(xs); }
    public static Array atleast1d(Array x) { return Manipulation.atleast1d(x); }
    public static Array atleast2d(Array x) { return Manipulation.atleast2d(x); }
    public static Array atleast3d(Array x) { return Manipulation.atleast3d(x); }
    /** {@return {@code x} reversed along {@code axes}} (all when none) */
    public static Array flip(Array x, int... axes) { return Manipulation.flip(x, axes); }
    /** {@return the flattened {@code x} rolled forward by {@code shift}}, in {@code x}'s shape */
    public static Array roll(Array x, int shift) { return Manipulation.roll(x, shift); }
    /** {@return {@code x} rolled forward by {@code shift} along {@code axis}}, wrapping around ({@code roll([1, 2, 3], 1, 0) = [3, 1, 2]}) */
    public static Array roll(Array x, int shift, int axis) { return Manipulation.roll(x, new int[] {shift}, new int[] {axis}); }
    public static Array roll(Array x, int[] shifts, int[] axes) { return Manipulation.roll(x, shifts, axes); }
    /** {@return {@code x} repeated {@code reps[i]} times along axis {@code i}} ({@code tile([1, 2], 2) = [1, 2, 1, 2]}) */
    public static Array tile(Array x, int... reps) { return Manipulation.tile(x, reps); }
    /** {@return each element of the flattened {@code x} repeated} ({@code repeat([1, 2], 2) = [1, 1, 2, 2]}) */
    public static Array repeat(Array x, int repeats) { return Manipulation.repeat(x, repeats, Option.none()); }
    public static Array repeat(Array x, int repeats, int axis) { return Manipulation.repeat(x, repeats, Option.some(axis)); }
    /** {@return element {@code i} along {@code axis} repeated {@code repeats[i]} times} */
    public static Array repeat(Array x, int[] repeats, int axis) { return Manipulation.repeat(x, repeats, Option.some(axis)); }

    // Joining and splitting ---------------------------------------------------------------------

    /** {@return the arrays joined along {@code axis}}; dtypes promote, other axes must agree */
    public static Array concatenate(Seq<Array> xs, int axis) { return Joining.concatenate(xs, axis); }
    public static Array concatenate(Array... xs) { return Joining.concatenate(Vector.of(xs), 0); }
    /** {@return arrays of one shape joined along a new axis {@code axis}} */
    public static Array stack(Seq<Array> xs, int axis) { return Joining.stack(xs, axis); }
    public static Array stack(Array... xs) { return Joining.stack(Vector.of(xs), 0); }
    public static Array hstack(Array... xs) { return Joining.hstack(Vector.of(xs)); }
    public static Array vstack(Array... xs) { return Joining.vstack(Vector.of(xs)); }
    /** {@return {@code x} split into {@code sections} equal parts along {@code axis}} @throws dev.jaxj.errors.ArgumentError when unequal */
    public static Seq<Array> split(Array x, int sections, int axis) { return Joining.split(x, sections, axis); }
    public static Seq<Array> split(Array x, int sections) { return Joining.split(x, sections, 0); }
    /** {@return {@code x} split before each of {@code indices} along {@code axis}} */
    public static Seq<Array> split(Array x, int[] indices, int axis) { return Joining.split(x, indices, axis); }
    /** {@return {@code x} split into {@code sections} parts of sizes differing by at most one} */
    public static Seq<Array> arraySplit(Array x, int sections, int axis) { return Joining.arraySplit(x, sections, axis); }

    // Padding ---------------------------------------------------------------------------------

    /** How {@link #pad(Array, int[][], PadMode)} fills the border, as NumPy's {@code mode}. */
    public enum PadMode {
        /** A constant value (0 unless given). */
        CONSTANT,
        /** The edge element, repeated. */
        EDGE,
        /** The mirror image without the edge: {@code [1, 2, 3]} padded by 2 gives {@code 3 2 | 1 2 3 | 2 1}. */
        REFLECT,
        /** The mirror image with the edge: {@code 2 1 | 1 2 3 | 3 2}. */
        SYMMETRIC,
        /** The array repeated: {@code 2 3 | 1 2 3 | 1 2}. */
        WRAP
    }

    /** {@return {@code x} padded with {@code width} zeros on both sides of every axis} */
    public static Array pad(Array x, int width) { return Padding.pad(x, new int[][] {{width, width}}, PadMode.CONSTANT, 0); }
    /** {@return {@code x} padded with zeros}: {@code widths} holds {@code (before, after)} per axis, or one pair for all */
    public static Array pad(Array x, int[][] widths) { return Padding.pad(x, widths, PadMode.CONSTANT, 0); }
    public static Array pad(Array x, int[][] widths, double value) { return Padding.pad(x, widths, PadMode.CONSTANT, value); }
    /**
     * {@return {@code x} padded in the given mode}
     * {@snippet :
     * Array img = Jnp.pad(x, new int[][] {{0, 0}, {1, 1}, {1, 1}}, Jnp.PadMode.REFLECT);  // f32[c,h,w] -> f32[c,h+2,w+2]
     * }
     */
    public static Array pad(Array x, int[][] widths, PadMode mode) { return Padding.pad(x, widths, mode, 0); }

    // Matrices --------------------------------------------------------------------------------

    /** {@return {@code x} with the elements above the diagonal of the last two axes zeroed} */
    public static Array tril(Array x) { return Matrices.tril(x, 0); }
    /** {@return {@code x} with the elements above the {@code k}-th diagonal zeroed} ({@code k > 0} above the main one) */
    public static Array tril(Array x, int k) { return Matrices.tril(x, k); }
    public static Array triu(Array x) { return Matrices.triu(x, 0); }
    public static Array triu(Array x, int k) { return Matrices.triu(x, k); }
    /** {@return a square matrix with the 1-d {@code v} on its diagonal, or the diagonal of a matrix {@code v}} */
    public static Array diag(Array v) { return Matrices.diag(v, 0); }
    public static Array diag(Array v, int k) { return Matrices.diag(v, k); }
    /** {@return the main diagonal of the first two axes}, as the last axis */
    public static Array diagonal(Array x) { return Matrices.diagonal(x, 0, 0, 1); }
    public static Array diagonal(Array x, int offset, int axis1, int axis2) { return Matrices.diagonal(x, offset, axis1, axis2); }
    /** {@return the sum of the main diagonal of the first two axes} */
    public static Array trace(Array x) { return Matrices.trace(x, 0, 0, 1); }
    public static Array trace(Array x, int offset, int axis1, int axis2) { return Matrices.trace(x, offset, axis1, axis2); }

    /** Axis order of {@link #meshgrid(Indexing, Array...)}: {@code XY} (Cartesian, the default) swaps the first two. */
    public enum Indexing { XY, IJ }

    /** {@return coordinate matrices from 1-d coordinate vectors}, Cartesian ({@code XY}) indexing */
    public static Seq<Array> meshgrid(Array... xs) { return Matrices.meshgrid(Indexing.XY, xs); }
    public static Seq<Array> meshgrid(Indexing indexing, Array... xs) { return Matrices.meshgrid(indexing, xs); }

    // Sorting ---------------------------------------------------------------------------------

    /** {@return {@code x} sorted along the last axis}; NaNs last */
    public static Array sort(Array x) { return Sorting.sort(x, Option.some(-1), false); }
    public static Array sort(Array x, int axis) { return Sorting.sort(x, Option.some(axis), false); }
    public static Array sort(Array x, int axis, boolean descending) { return Sorting.sort(x, Option.some(axis), descending); }
    /** {@return the i32 indices that sort {@code x} along the last axis}, stable */
    /**
     * {@return {@code x} sorted along its last axis as complex numbers} ({@code jnp.sort_complex}):
     * by real part, then imaginary part, NaNs last; of {@code x}'s shape, c128 for f64 and c128
     * inputs, c64 for the rest (integers, bools and narrower floats are promoted).
     * {@snippet :
     * Jnp.sortComplex(Jnp.array(new int[] {3, -1, 2}));   // c64[3]: [-1+0j, 2+0j, 3+0j]
     * }
     * @throws dev.jaxj.errors.ShapeError when {@code x} is a scalar (it has no last axis)
     */
    public static Array sortComplex(Array x) { return Sorting.sortComplex(x); }

    public static Array argsort(Array x) { return Sorting.argsort(x, Option.some(-1), true, false); }
    public static Array argsort(Array x, int axis) { return Sorting.argsort(x, Option.some(axis), true, false); }
    public static Array argsort(Array x, int axis, boolean stable, boolean descending) { return Sorting.argsort(x, Option.some(axis), stable, descending); }

    // Linear algebra --------------------------------------------------------------------------

    /**
     * {@return NumPy's {@code dot}}: scalar products multiply, vectors give their inner product,
     * and otherwise the last axis of {@code a} is summed against the second-to-last of {@code b}
     * (its only axis if 1-d): {@code f32[2,3,4] . f32[5,4,6] -> f32[2,3,5,6]}.
     */
    public static Array dot(Array a, Array b) { return Linalg.dot(a, b); }
    /**
     * {@return NumPy's {@code matmul} ({@code @})}: stacks of matrices with broadcast batch axes
     * ({@code f32[8,1,3,4] @ f32[5,4,2] -> f32[8,5,3,2]}); a 1-d operand acts as a vector.
     */
    public static Array matmul(Array a, Array b) { return Linalg.matmul(a, b); }
    /** {@return the dot product of the flattened operands} */
    public static Array vdot(Array a, Array b) { return Linalg.vdot(a, b); }
    /** {@return the sum of products over the last axes of both}: {@code f32[2,3] , f32[4,3] -> f32[2,4]} */
    public static Array inner(Array a, Array b) { return Linalg.inner(a, b); }
    /** {@return the outer product of the flattened operands}, of shape {@code (a.size, b.size)} */
    public static Array outer(Array a, Array b) { return Linalg.outer(a, b); }
    /** {@return the last {@code axes} axes of {@code a} contracted with the first {@code axes} of {@code b}} */
    public static Array tensordot(Array a, Array b, int axes) { return Linalg.tensordot(a, b, axes); }
    /** {@return axes {@code axesA[i]} of {@code a} contracted with {@code axesB[i]} of {@code b}}; free axes of {@code a} first */
    public static Array tensordot(Array a, Array b, int[] axesA, int[] axesB) { return Linalg.tensordot(a, b, axesA, axesB); }

    /**
     * {@return Einstein summation over the labelled axes of the operands}. Labels are letters;
     * {@code ...} stands for broadcast leading axes; a label repeated in one operand takes the
     * diagonal; labels absent from the output are summed. Without {@code ->} the output is the
     * labels that occur once, sorted.
     * {@snippet :
     * Array c = Jnp.einsum("bij,bjk->bik", a, b);     // batched matmul
     * Array t = Jnp.einsum("ii", m);                  // trace
     * Array o = Jnp.einsum("i,j->ij", u, v);          // outer product
     * Array y = Jnp.einsum("...ij,...j->...i", m, v); // matrix-vector over any batch axes
     * }
     * @throws dev.jaxj.errors.ArgumentError for a malformed subscript string
     * @throws dev.jaxj.errors.ShapeError when ranks or label sizes do not fit the operands
     */
    public static Array einsum(String subscripts, Array... operands) { return Einsum.einsum(subscripts, operands); }

    /** {@return the 2-norm of all elements}: the vector 2-norm, or the Frobenius norm of a matrix */
    public static Array norm(Array x) { return Linalg.frobenius(x, new int[0], false); }
    /** {@return the 2-norm (Frobenius for two axes) over {@code axes}} */
    public static Array norm(Array x, int[] axes, boolean keepdims) { return Linalg.frobenius(x, axes, keepdims); }
    /** {@return the {@code ord}-norm of a vector or matrix {@code x}} (see {@link #norm(Array, double, int[], boolean)}) */
    public static Array norm(Array x, double ord) { return Linalg.norm(x, ord, new int[0], false); }
    /**
     * {@return the {@code ord}-norm over one axis (vector) or two axes (matrix)}. Vectors:
     * {@code inf} max |x|, {@code -inf} min |x|, {@code 0} the count of non-zeros, else
     * {@code sum(|x|^ord)^(1/ord)}. Matrices: {@code 1}/{@code -1} the max/min column sum of
     * |x|, {@code inf}/{@code -inf} the max/min row sum, {@code 2}/{@code -2} the largest/smallest singular value.
     * @throws dev.jaxj.errors.ArgumentError for another matrix order
     */
    public static Array norm(Array x, double ord, int[] axes, boolean keepdims) { return Linalg.norm(x, ord, axes, keepdims); }

    // Printing ----------------------------------------------------------------------------------

    /**
     * Sets how arrays print from now on, in every thread (NumPy's {@code set_printoptions});
     * a thread inside {@link #withPrintOptions} keeps the options given there.
     * {@snippet :
     * Jnp.setPrintOptions(PrintOptions.DEFAULT.withPrecision(3).withSuppress(true));
     * }
     */
    public static void setPrintOptions(PrintOptions options) { PrintOptions.set(options); }

    /** {@return how arrays print now on this thread} ({@link PrintOptions#DEFAULT} unless set) */
    public static PrintOptions printOptions() { return PrintOptions.current(); }

    /**
     * {@return what {@code body} returns, with arrays printing by {@code options} on this thread
     * for its extent} (NumPy's {@code with np.printoptions(...)}); the process's options are
     * left as they were.
     * {@snippet :
     * String s = Jnp.withPrintOptions(PrintOptions.DEFAULT.withThreshold(10), x::toString);
     * }
     */
    public static <T> T withPrintOptions(PrintOptions options, Supplier<T> body) { return PrintOptions.with(options, body); }

    /**
     * Runs {@code body} with arrays printing by {@code options} on this thread.
     * {@snippet :
     * Jnp.withPrintOptions(PrintOptions.DEFAULT.withPrecision(2), () -> System.out.println(x));
     * }
     */
    public static void withPrintOptions(PrintOptions options, Runnable body) {
        requireNonNull(body, "body is null");
        PrintOptions.with(options, () -> {
            body.run();
            return null;
        });
    }

    // Statistics, NaN-aware reductions, set operations, searching and index helpers -----------

    /** How {@link #quantile} turns a position between two sorted elements {@code lo <= pos <= hi} into a value, as JAX's {@code method}. */
    public enum QuantileMethod {
        /** {@code lo + (pos - floor(pos)) * (hi - lo)} (the default). */
        LINEAR,
        /** The lower element. */
        LOWER,
        /** The higher element. */
        HIGHER,
        /** The mean of the two. */
        MIDPOINT,
        /** The nearer element; at exactly half way the lower one, as in JAX (NumPy rounds half to even). */
        NEAREST
    }

    /** A histogram: {@code hist[i]} counts (or weighs, or gives the density of) the values in {@code [binEdges[i], binEdges[i+1])}, the last bin closed. */
    public record Histogram(Array hist, Array binEdges) {}

    /**
     * Every output of {@code unique_all}: the sorted distinct {@code values}, the index in the
     * flattened input of each one's first occurrence, the position in {@code values} of each
     * input element (shaped like the input), and how often each value occurs (0 for padding).
     */
    public record UniqueAll(Array values, Array indices, Array inverseIndices, Array counts) {}

    /** Out-of-range handling of {@link #ravelMultiIndex(Seq, int[], RavelMode)}, as JAX's {@code mode}. */
    public enum RavelMode {
        /** Raise for an index out of range (needs concrete indices). */
        RAISE,
        /** Wrap around, modulo the dimension. */
        WRAP,
        /** Clip into {@code [0, dim)}. */
        CLIP
    }

    /** {@return the sum over {@code axes} with NaNs counted as 0} (integers and bools: as {@link #sum}) */
    public static Array nansum(Array x, int... axes) { return dev.jaxj.numpy.NanReductions.nansum(x, false, axes); }
    public static Array nansum(Array x, boolean keepdims, int... axes) { return dev.jaxj.numpy.NanReductions.nansum(x, keepdims, axes); }
    /** {@return the product over {@code axes} with NaNs counted as 1} */
    public static Array nanprod(Array x, int... axes) { return dev.jaxj.numpy.NanReductions.nanprod(x, false, axes); }
    public static Array nanprod(Array x, boolean keepdims, int... axes) { return dev.jaxj.numpy.NanReductions.nanprod(x, keepdims, axes); }
    /** {@return the maximum over {@code axes} ignoring NaNs}; NaN for an all-NaN slice @throws dev.jaxj.errors.ShapeError for an empty reduced axis */
    public static Array nanmax(Array x, int... axes) { return dev.jaxj.numpy.NanReductions.nanmax(x, false, axes); }
    public static Array nanmax(Array x, boolean keepdims, int... axes) { return dev.jaxj.numpy.NanReductions.nanmax(x, keepdims, axes); }
    public static Array nanmin(Array x, int... axes) { return dev.jaxj.numpy.NanReductions.nanmin(x, false, axes); }
    public static Array nanmin(Array x, boolean keepdims, int... axes) { return dev.jaxj.numpy.NanReductions.nanmin(x, keepdims, axes); }
    /** {@return the mean of the non-NaN elements over {@code axes}}, in floating point; NaN where there are none */
    public static Array nanmean(Array x, int... axes) { return dev.jaxj.numpy.NanReductions.nanmean(x, false, axes); }
    public static Array nanmean(Array x, boolean keepdims, int... axes) { return dev.jaxj.numpy.NanReductions.nanmean(x, keepdims, axes); }
    /** {@return the variance of the non-NaN elements}, divisor {@code count - ddof}; NaN where that is not positive, as in JAX */
    public static Array nanvar(Array x, int... axes) { return dev.jaxj.numpy.NanReductions.nanvar(x, 0, false, axes); }
    public static Array nanvar(Array x, int ddof, boolean keepdims, int... axes) { return dev.jaxj.numpy.NanReductions.nanvar(x, ddof, keepdims, axes); }
    public static Array nanstd(Array x, int... axes) { return dev.jaxj.numpy.NanReductions.nanstd(x, 0, false, axes); }
    public static Array nanstd(Array x, int ddof, boolean keepdims, int... axes) { return dev.jaxj.numpy.NanReductions.nanstd(x, ddof, keepdims, axes); }
    /** {@return the i32 index of the first maximum of the flattened array ignoring NaNs}; -1 when all are NaN, as in JAX */
    public static Array nanargmax(Array x) { return dev.jaxj.numpy.NanReductions.nanargmax(x, Option.none(), false); }
    public static Array nanargmax(Array x, int axis, boolean keepdims) { return dev.jaxj.numpy.NanReductions.nanargmax(x, Option.some(axis), keepdims); }
    public static Array nanargmin(Array x) { return dev.jaxj.numpy.NanReductions.nanargmin(x, Option.none(), false); }
    public static Array nanargmin(Array x, int axis, boolean keepdims) { return dev.jaxj.numpy.NanReductions.nanargmin(x, Option.some(axis), keepdims); }
    /** {@return the running sum of the flattened array with NaNs counted as 0} */
    public static Array nancumsum(Array x) { return dev.jaxj.numpy.NanReductions.nancumsum(x, Option.none()); }
    public static Array nancumsum(Array x, int axis) { return dev.jaxj.numpy.NanReductions.nancumsum(x, Option.some(axis)); }
    public static Array nancumprod(Array x) { return dev.jaxj.numpy.NanReductions.nancumprod(x, Option.none()); }
    public static Array nancumprod(Array x, int axis) { return dev.jaxj.numpy.NanReductions.nancumprod(x, Option.some(axis)); }
    /** {@return {@code max - min} over {@code axes}} ("peak to peak") @throws dev.jaxj.errors.DTypeError for bools */
    public static Array ptp(Array x, int... axes) { return dev.jaxj.numpy.NanReductions.ptp(x, false, axes); }
    public static Array ptp(Array x, boolean keepdims, int... axes) { return dev.jaxj.numpy.NanReductions.ptp(x, keepdims, axes); }

    /**
     * {@return the {@code q}-quantile of the flattened {@code a}}, interpolating linearly;
     * a NaN in {@code a} gives NaN.
     * {@snippet :
     * Jnp.quantile(Jnp.array(new float[] {1, 2, 3, 4}), 0.25);   // 1.75
     * }
     * @throws dev.jaxj.errors.ArgumentError unless {@code 0 <= q <= 1}
     */
    public static Array quantile(Array a, double q) { return dev.jaxj.numpy.Quantiles.quantile("quantile", a, q, new int[0], QuantileMethod.LINEAR, false, false); }
    /**
     * {@return the quantiles {@code q} (a scalar or 1-d) of {@code a} along {@code axis}}:
     * shape {@code q.shape ++ a.shape without axis}, the axis kept as 1 with {@code keepdims}
     * ({@code f32[3] q} of {@code f32[5,7]} along 1 gives {@code f32[3,5]}).
     */
    public static Array quantile(Array a, Array q, int axis, boolean keepdims, QuantileMethod method) {
        return dev.jaxj.numpy.Quantiles.quantile("quantile", a, q, new int[] {axis}, method, keepdims, false);
    }
    /** {@return the quantiles {@code q} over several {@code axes}} (all when empty), which count as one */
    public static Array quantile(Array a, Array q, int[] axes, boolean keepdims, QuantileMethod method) {
        return dev.jaxj.numpy.Quantiles.quantile("quantile", a, q, axes, method, keepdims, false);
    }
    /** {@return the quantiles {@code q} of the flattened {@code a}} */
    public static Array quantile(Array a, Array q, QuantileMethod method) { return dev.jaxj.numpy.Quantiles.quantile("quantile", a, q, new int[0], method, false, false); }
    /** {@return {@link #quantile} ignoring NaNs}; NaN for an all-NaN slice */
    public static Array nanquantile(Array a, double q) { return dev.jaxj.numpy.Quantiles.quantile("nanquantile", a, q, new int[0], QuantileMethod.LINEAR, false, true); }
    public static Array nanquantile(Array a, Array q, int axis, boolean keepdims, QuantileMethod method) {
        return dev.jaxj.numpy.Quantiles.quantile("nanquantile", a, q, new int[] {axis}, method, keepdims, true);
    }
    public static Array nanquantile(Array a, Array q, int[] axes, boolean keepdims, QuantileMethod method) {
        return dev.jaxj.numpy.Quantiles.quantile("nanquantile", a, q, axes, method, keepdims, true);
    }
    /** {@return the {@code q}-th percentile of the flattened {@code a}}: {@code quantile(a, q / 100)} @throws dev.jaxj.errors.ArgumentError unless {@code 0 <= q <= 100} */
    public static Array percentile(Array a, double q) { return dev.jaxj.numpy.Quantiles.percentile("percentile", a, q, new int[0], QuantileMethod.LINEAR, false, false); }
    public static Array percentile(Array a, Array q, int axis, boolean keepdims, QuantileMethod method) {
        return dev.jaxj.numpy.Quantiles.quantile("percentile", a, Elementwise.divide(q, Array.scalar(100.0)), new int[] {axis}, method, keepdims, false);
    }
    public static Array nanpercentile(Array a, double q) { return dev.jaxj.numpy.Quantiles.percentile("nanpercentile", a, q, new int[0], QuantileMethod.LINEAR, false, true); }
    public static Array nanpercentile(Array a, Array q, int axis, boolean keepdims, QuantileMethod method) {
        return dev.jaxj.numpy.Quantiles.quantile("nanpercentile", a, Elementwise.divide(q, Array.scalar(100.0)), new int[] {axis}, method, keepdims, true);
    }
    /** {@return the median of the flattened {@code a}}: the mean of the two middle values for an even count */
    public static Array median(Array a) { return dev.jaxj.numpy.Quantiles.quantile("median", a, 0.5, new int[0], QuantileMethod.MIDPOINT, false, false); }
    public static Array median(Array a, int axis, boolean keepdims) {
        return dev.jaxj.numpy.Quantiles.quantile("median", a, 0.5, new int[] {axis}, QuantileMethod.MIDPOINT, keepdims, false);
    }
    /** {@return the median over several {@code axes}} (all when empty) */
    public static Array median(Array a, int[] axes, boolean keepdims) { return dev.jaxj.numpy.Quantiles.quantile("median", a, 0.5, axes, QuantileMethod.MIDPOINT, keepdims, false); }
    public static Array nanmedian(Array a) { return dev.jaxj.numpy.Quantiles.quantile("nanmedian", a, 0.5, new int[0], QuantileMethod.MIDPOINT, false, true); }
    public static Array nanmedian(Array a, int axis, boolean keepdims) {
        return dev.jaxj.numpy.Quantiles.quantile("nanmedian", a, 0.5, new int[] {axis}, QuantileMethod.MIDPOINT, keepdims, true);
    }

    /**
     * {@return the histogram of the flattened {@code a} in {@code bins} equal bins from its minimum to its maximum}
     * {@snippet :
     * Jnp.Histogram h = Jnp.histogram(x, 10);   // h.hist(): i32[10], h.binEdges(): f32[11]
     * }
     */
    public static Histogram histogram(Array a, int bins) { return histogram(a, bins, null, null, false); }
    /**
     * {@return the histogram of the flattened {@code a} in {@code bins} equal bins over {@code range}
     * ({@code {lo, hi}}, or null for the data's extent)}, each value counting {@code weights}
     * (shaped like {@code a}, or null for 1); {@code density} normalises it to integrate to 1
     */
    public static Histogram histogram(Array a, int bins, double[] range, Array weights, boolean density) {
        return dev.jaxj.numpy.Statistics.histogram(a, dev.jaxj.numpy.Statistics.histogramBinEdges(a, bins, Option.of(range)), Option.of(weights), density);
    }
    /** {@return the histogram over the given increasing 1-d bin {@code edges}} (the last bin closed) */
    public static Histogram histogram(Array a, Array edges, Array weights, boolean density) {
        return dev.jaxj.numpy.Statistics.histogram(a, edges, Option.of(weights), density);
    }
    /** {@return the {@code bins + 1} edges that {@link #histogram(Array, int)} uses} */
    public static Array histogramBinEdges(Array a, int bins) { return dev.jaxj.numpy.Statistics.histogramBinEdges(a, bins, Option.none()); }
    public static Array histogramBinEdges(Array a, int bins, double lo, double hi) { return dev.jaxj.numpy.Statistics.histogramBinEdges(a, bins, Option.some(new double[] {lo, hi})); }
    /**
     * {@return the number of occurrences of {@code 0, 1, …} in the 1-d integer {@code x}}, as
     * i32, of length {@code max(x) + 1}; needs a concrete {@code x} (under a transform, pass a length)
     */
    public static Array bincount(Array x) { return dev.jaxj.numpy.Statistics.bincount(x, Option.none(), 0, Option.none()); }
    /**
     * {@return the sum of {@code weights} (or 1s when null) per value of {@code x}, of static
     * {@code length}}: negative values count as 0 and values from {@code length} on are dropped, as in JAX
     */
    public static Array bincount(Array x, Array weights, int length) { return dev.jaxj.numpy.Statistics.bincount(x, Option.of(weights), 0, Option.some(length)); }
    /** {@return {@code bincount} with JAX's every argument}: {@code weights} null for 1s; the length at least {@code minlength}, or exactly {@code length} unless null */
    public static Array bincount(Array x, Array weights, int minlength, Integer length) {
        return dev.jaxj.numpy.Statistics.bincount(x, Option.of(weights), minlength, Option.of(length));
    }
    /** {@return the i32 index of the bin of each {@code x}}: {@code bins[i-1] <= x < bins[i]} for increasing bins */
    public static Array digitize(Array x, Array bins) { return dev.jaxj.numpy.Searching.digitize(x, bins, false); }
    /** {@return the bin indices with {@code right}: {@code bins[i-1] < x <= bins[i]}} */
    public static Array digitize(Array x, Array bins, boolean right) { return dev.jaxj.numpy.Searching.digitize(x, bins, right); }
    /** {@return the covariance matrix of the variables in the rows of {@code m}} (divisor {@code N - 1}; one variable gives a scalar) */
    public static Array cov(Array m) { return dev.jaxj.numpy.Statistics.cov(m, Option.none(), true, 1); }
    /** {@return the covariance of the variables of {@code m} and {@code y} (null for none)}, in columns unless {@code rowvar}, divisor {@code N - ddof} */
    public static Array cov(Array m, Array y, boolean rowvar, int ddof) { return dev.jaxj.numpy.Statistics.cov(m, Option.of(y), rowvar, ddof); }
    /** {@return the covariance with integer frequency weights and reliability weights per observation (either may be null)} */
    public static Array cov(Array m, Array y, boolean rowvar, int ddof, Array fweights, Array aweights) {
        return dev.jaxj.numpy.Statistics.cov(m, Option.of(y), rowvar, ddof, Option.of(fweights), Option.of(aweights));
    }
    /** {@return the correlation coefficients of the variables in the rows of {@code m}} */
    public static Array corrcoef(Array m) { return dev.jaxj.numpy.Statistics.corrcoef(m, Option.none(), true); }
    public static Array corrcoef(Array m, Array y, boolean rowvar) { return dev.jaxj.numpy.Statistics.corrcoef(m, Option.of(y), rowvar); }

    /**
     * {@return the i32 positions where the values {@code v} would be inserted into the sorted
     * 1-d {@code a} to keep it sorted}, before equal elements ({@code searchsorted([1, 2, 2, 3], 2) = 1})
     */
    public static Array searchsorted(Array a, Array v) { return dev.jaxj.numpy.Searching.searchsorted(a, v, false); }
    /** {@return the insertion points, after equal elements when {@code right}} */
    public static Array searchsorted(Array a, Array v, boolean right) { return dev.jaxj.numpy.Searching.searchsorted(a, v, right); }
    /** {@return the insertion points into {@code a[sorter]}}: {@code sorter} (i32) the indices that sort an unsorted {@code a}, as {@link #argsort} gives them */
    public static Array searchsorted(Array a, Array v, boolean right, Array sorter) {
        return dev.jaxj.numpy.Searching.searchsorted(dev.jaxj.array.Take.take(a, sorter, 0, dev.jaxj.array.Take.Mode.CLIP), v, right);
    }
    /** {@return the i32 indices that sort by {@code keys} along the last axis}, the last key primary */
    public static Array lexsort(Array... keys) { return dev.jaxj.numpy.Searching.lexsort(Vector.of(keys), -1); }
    public static Array lexsort(Seq<Array> keys, int axis) { return dev.jaxj.numpy.Searching.lexsort(keys, axis); }
    /** {@return {@code x} along the last axis with its {@code kth} smallest at {@code kth}}: the smaller ones before it ascending, the rest after it descending, as in JAX */
    public static Array partition(Array x, int kth) { return dev.jaxj.numpy.Searching.partition(x, kth, -1); }
    public static Array partition(Array x, int kth, int axis) { return dev.jaxj.numpy.Searching.partition(x, kth, axis); }
    /** {@return the i32 indices that {@link #partition} {@code x}} */
    public static Array argpartition(Array x, int kth) { return dev.jaxj.numpy.Searching.argpartition(x, kth, -1); }
    public static Array argpartition(Array x, int kth, int axis) { return dev.jaxj.numpy.Searching.argpartition(x, kth, axis); }

    /**
     * {@return the sorted distinct values of the flattened {@code x}}, all NaNs as one; needs a concrete {@code x}
     * {@snippet :
     * Jnp.unique(Jnp.array(new int[] {3, 1, 3, 2}));              // [1, 2, 3]
     * Jax.jit(x -> Jnp.unique(x, 4, 0.0)).apply(Jnp.array(new int[] {3, 1, 3, 2}));  // [1, 2, 3, 0]
     * }
     */
    public static Array unique(Array x) { return dev.jaxj.numpy.SetOps.uniqueAll("unique", x, Option.none(), true, Option.none(), Option.none()).values(); }
    /** {@return the first {@code size} distinct values, padded with {@code fillValue}}; traces */
    public static Array unique(Array x, int size, double fillValue) { return dev.jaxj.numpy.SetOps.uniqueAll("unique", x, Option.none(), true, Option.some(size), Option.some(fillValue)).values(); }
    /**
     * {@return {@code unique} with every output and every option of JAX's}: over the flattened
     * {@code x} ({@code axis} null) or its slices along {@code axis}; NaNs one value when
     * {@code equalNan}; the first {@code size} values (null: all, which needs a concrete
     * {@code x}), padded with {@code fillValue} (null: the smallest value)
     * {@snippet :
     * Jnp.UniqueAll u = Jnp.unique(rows, 0, true, null, null);   // distinct rows of an f32[n,d] matrix
     * }
     */
    public static UniqueAll unique(Array x, Integer axis, boolean equalNan, Integer size, Double fillValue) {
        return dev.jaxj.numpy.SetOps.uniqueAll("unique", x, Option.of(axis), equalNan, Option.of(size), Option.of(fillValue));
    }
    /** {@return the distinct values, first indices, inverse indices and counts} (array API; each NaN distinct) */
    public static UniqueAll uniqueAll(Array x) { return dev.jaxj.numpy.SetOps.uniqueAll("unique_all", x, Option.none(), false, Option.none(), Option.none()); }
    public static UniqueAll uniqueAll(Array x, int size, double fillValue) { return dev.jaxj.numpy.SetOps.uniqueAll("unique_all", x, Option.none(), false, Option.some(size), Option.some(fillValue)); }
    /** {@return the distinct values and their counts}: {@code (values, counts)} */
    public static Seq<Array> uniqueCounts(Array x) { UniqueAll u = dev.jaxj.numpy.SetOps.uniqueAll("unique_counts", x, Option.none(), false, Option.none(), Option.none()); return Vector.of(u.values(), u.counts()); }
    public static Seq<Array> uniqueCounts(Array x, int size, double fillValue) { UniqueAll u = dev.jaxj.numpy.SetOps.uniqueAll("unique_counts", x, Option.none(), false, Option.some(size), Option.some(fillValue)); return Vector.of(u.values(), u.counts()); }
    /** {@return the distinct values and the inverse indices}: {@code (values, inverse)} with {@code values[inverse] == x} */
    public static Seq<Array> uniqueInverse(Array x) { UniqueAll u = dev.jaxj.numpy.SetOps.uniqueAll("unique_inverse", x, Option.none(), false, Option.none(), Option.none()); return Vector.of(u.values(), u.inverseIndices()); }
    public static Seq<Array> uniqueInverse(Array x, int size, double fillValue) { UniqueAll u = dev.jaxj.numpy.SetOps.uniqueAll("unique_inverse", x, Option.none(), false, Option.some(size), Option.some(fillValue)); return Vector.of(u.values(), u.inverseIndices()); }
    /** {@return the distinct values} (array API: each NaN distinct) */
    public static Array uniqueValues(Array x) { return dev.jaxj.numpy.SetOps.uniqueAll("unique_values", x, Option.none(), false, Option.none(), Option.none()).values(); }
    public static Array uniqueValues(Array x, int size, double fillValue) { return dev.jaxj.numpy.SetOps.uniqueAll("unique_values", x, Option.none(), false, Option.some(size), Option.some(fillValue)).values(); }
    /** {@return the sorted values in either flattened array} */
    public static Array union1d(Array a, Array b) { return dev.jaxj.numpy.SetOps.union1d(a, b, Option.none(), Option.none()); }
    public static Array union1d(Array a, Array b, int size, double fillValue) { return dev.jaxj.numpy.SetOps.union1d(a, b, Option.some(size), Option.some(fillValue)); }
    /** {@return the sorted distinct values in both flattened arrays} */
    public static Array intersect1d(Array a, Array b) { return dev.jaxj.numpy.SetOps.intersect1d(a, b, Option.none(), Option.none()); }
    public static Array intersect1d(Array a, Array b, int size, double fillValue) { return dev.jaxj.numpy.SetOps.intersect1d(a, b, Option.some(size), Option.some(fillValue)); }
    /** {@return the sorted distinct values of {@code a} not in {@code b}} */
    public static Array setdiff1d(Array a, Array b) { return dev.jaxj.numpy.SetOps.setdiff1d(a, b, Option.none(), Option.none()); }
    public static Array setdiff1d(Array a, Array b, int size, double fillValue) { return dev.jaxj.numpy.SetOps.setdiff1d(a, b, Option.some(size), Option.some(fillValue)); }
    /** {@return the sorted values in exactly one of the flattened arrays} */
    public static Array setxor1d(Array a, Array b) { return dev.jaxj.numpy.SetOps.setxor1d(a, b, Option.none(), Option.none()); }
    public static Array setxor1d(Array a, Array b, int size, double fillValue) { return dev.jaxj.numpy.SetOps.setxor1d(a, b, Option.some(size), Option.some(fillValue)); }
    /** {@return whether each element occurs in {@code testElements}}, bool shaped like {@code element} */
    public static Array isin(Array element, Array testElements) { return dev.jaxj.numpy.SetOps.isin(element, testElements, false); }
    public static Array isin(Array element, Array testElements, boolean invert) { return dev.jaxj.numpy.SetOps.isin(element, testElements, invert); }

    /** {@return one i32 array per axis with the coordinates of the non-zero elements}; needs a concrete {@code x} */
    public static Seq<Array> nonzero(Array x) { return dev.jaxj.numpy.Indices.nonzero(x, Option.none(), Option.none()); }
    /** {@return the first {@code size} coordinates of non-zero elements, padded with {@code fillValue}}; traces */
    public static Seq<Array> nonzero(Array x, int size, int fillValue) { return dev.jaxj.numpy.Indices.nonzero(x, Option.some(size), Option.some(fillValue)); }
    /** {@return {@link #nonzero(Array)}}: {@code where} with only a condition (with a static size, use {@link #nonzero(Array, int, int)}) */
    public static Seq<Array> where(Array cond) { return nonzero(cond); }
    /** {@return the indices of the non-zero elements of the flattened {@code x}} */
    public static Array flatnonzero(Array x) { return dev.jaxj.numpy.Indices.flatnonzero(x, Option.none(), Option.none()); }
    public static Array flatnonzero(Array x, int size, int fillValue) { return dev.jaxj.numpy.Indices.flatnonzero(x, Option.some(size), Option.some(fillValue)); }
    /** {@return the coordinates of the non-zero elements as rows}: i32 {@code [count, x.ndim]} */
    public static Array argwhere(Array x) { return dev.jaxj.numpy.Indices.argwhere(x, Option.none(), Option.none()); }
    public static Array argwhere(Array x, int size, int fillValue) { return dev.jaxj.numpy.Indices.argwhere(x, Option.some(size), Option.some(fillValue)); }
    /** {@return the coordinates in {@code shape} of flat {@code indices}}: negative ones count from the end, others clip, as in JAX */
    public static Seq<Array> unravelIndex(Array indices, int... shape) { return dev.jaxj.numpy.Indices.unravelIndex(indices, shape); }
    /** {@return the flat indices of coordinate arrays into {@code dims}} @throws dev.jaxj.errors.ArgumentError for one out of range */
    public static Array ravelMultiIndex(Seq<Array> multiIndex, int... dims) { return dev.jaxj.numpy.Indices.ravelMultiIndex(multiIndex, dims, RavelMode.RAISE); }
    public static Array ravelMultiIndex(Seq<Array> multiIndex, int[] dims, RavelMode mode) { return dev.jaxj.numpy.Indices.ravelMultiIndex(multiIndex, dims, mode); }
    /** {@return an i32 grid {@code [dims.length, *dims]}} whose entry {@code i} is the coordinate along axis {@code i} */
    public static Array indices(int... dims) { return dev.jaxj.numpy.Indices.indices(dims); }
    /** {@return the indices of the main diagonal of an {@code n x n} array}: two copies of {@code 0..n-1} */
    public static Seq<Array> diagIndices(int n) { return dev.jaxj.numpy.Indices.diagIndices(n, 2); }
    public static Seq<Array> diagIndices(int n, int ndim) { return dev.jaxj.numpy.Indices.diagIndices(n, ndim); }
    public static Seq<Array> diagIndicesFrom(Array x) { return dev.jaxj.numpy.Indices.diagIndicesFrom(x); }
    /** {@return the rows and columns of the lower triangle of an {@code n x n} matrix}, row-major */
    public static Seq<Array> trilIndices(int n) { return dev.jaxj.numpy.Indices.trilIndices(n, 0, n); }
    /** {@return the rows and columns on and below diagonal {@code k} of an {@code n x m} matrix} */
    public static Seq<Array> trilIndices(int n, int k, int m) { return dev.jaxj.numpy.Indices.trilIndices(n, k, m); }
    public static Seq<Array> triuIndices(int n) { return dev.jaxj.numpy.Indices.triuIndices(n, 0, n); }
    public static Seq<Array> triuIndices(int n, int k, int m) { return dev.jaxj.numpy.Indices.triuIndices(n, k, m); }
    public static Seq<Array> trilIndicesFrom(Array x) { return dev.jaxj.numpy.Indices.trilIndicesFrom(x, 0); }
    public static Seq<Array> trilIndicesFrom(Array x, int k) { return dev.jaxj.numpy.Indices.trilIndicesFrom(x, k); }
    public static Seq<Array> triuIndicesFrom(Array x) { return dev.jaxj.numpy.Indices.triuIndicesFrom(x, 0); }
    public static Seq<Array> triuIndicesFrom(Array x, int k) { return dev.jaxj.numpy.Indices.triuIndicesFrom(x, k); }
    /** {@return the indices where {@code maskFunc.apply(ones(n, n), k)} is non-zero}: {@code maskIndices(3, Jnp::triu, 1)} is the strict upper triangle */
    public static Seq<Array> maskIndices(int n, java.util.function.BiFunction<Array, Integer, Array> maskFunc, int k) { return dev.jaxj.numpy.Indices.maskIndices(n, maskFunc, k); }

    // Polynomials, windows, signal and calculus helpers, integer and float functions, products, dtype info

    /**
     * {@return {@code p[0] x^(n-1) + … + p[n-1]}} by Horner's rule; {@code p}'s leading axis holds the coefficients, highest power first
     * {@snippet :
     * Array y = Jnp.polyval(Jnp.array(new float[] {1, 0, -2}), x);  // x² - 2
     * }
     */
    public static Array polyval(Array p, Array x) { return Polynomials.polyval(p, x); }

    /**
     * {@return the least-squares polynomial of degree {@code deg} through the points {@code (x, y)}}
     * ({@code jnp.polyfit}), highest power first: {@code [deg + 1]} for {@code x [m]}, {@code y [m]};
     * {@code [deg + 1, k]} for {@code y [m, k]}, one fit per column. Solved by SVD on the
     * Vandermonde matrix with unit-norm columns, dropping singular values below
     * {@code m·eps} of the largest; jits and differentiates.
     * {@snippet :
     * Array x = Jnp.array(new double[] {0, 1, 2, 3});
     * Jnp.polyfit(x, Jnp.array(new double[] {1, 3, 5, 7}), 1);   // [2, 1]: y = 2x + 1
     * }
     * @throws dev.jaxj.errors.ShapeError when {@code x} is not 1-d and non-empty or {@code y} not 1-d or 2-d of its length
     * @throws dev.jaxj.errors.ArgumentError when {@code deg < 0}
     */
    public static Array polyfit(Array x, Array y, int deg) { return dev.jaxj.numpy.Polyfit.polyfit(x, y, deg, Option.none(), Option.none()); }

    /** {@return {@link #polyfit(Array, Array, int)} with relative cutoff {@code rcond} and weights {@code w [m]} on the residuals} (none for the defaults) */
    public static Array polyfit(Array x, Array y, int deg, Option<Double> rcond, Option<Array> w) { return dev.jaxj.numpy.Polyfit.polyfit(x, y, deg, rcond, w); }

    /** What {@code polyfit(..., full=True)} returns: the coefficients, then lstsq's diagnostics of the scaled Vandermonde matrix. */
    public record PolyfitDiagnostics(Array coefficients, Array residuals, Array rank, Array singularValues, double rcond) {}

    /** What {@code polyfit(..., cov=True)} returns: the coefficients and their covariance matrix ({@code [deg + 1, deg + 1]}, or {@code [deg + 1, deg + 1, k]}). */
    public record PolyfitCovariance(Array coefficients, Array covariance) {}

    /**
     * {@return {@link #polyfit} with its diagnostics} ({@code full=True}): the sums of squared
     * residuals ({@code [1]} or {@code [k]}), the effective rank (i32), the singular values of the
     * scaled matrix and the {@code rcond} used.
     */
    public static PolyfitDiagnostics polyfitFull(Array x, Array y, int deg, Option<Double> rcond, Option<Array> w) {
        return dev.jaxj.numpy.Polyfit.polyfitFull(x, y, deg, rcond, w);
    }

    /**
     * {@return {@link #polyfit} with the coefficients' covariance} ({@code cov=True}, or
     * {@code cov="unscaled"} when {@code unscaled}): {@code inv(V^T V)} of the weighted Vandermonde
     * matrix {@code V}, scaled unless {@code unscaled} by the residual sum of squares over {@code m - deg - 1}.
     * @throws dev.jaxj.errors.ArgumentError when scaled and {@code m <= deg + 1}
     */
    public static PolyfitCovariance polyfitCov(Array x, Array y, int deg, Option<Array> w, boolean unscaled) {
        return dev.jaxj.numpy.Polyfit.polyfitCov(x, y, deg, Option.none(), w, unscaled);
    }
    /** {@return the sum of two 1-d polynomials}, aligned at the constant term ({@code polyadd([1, 2], [1, 1, 1]) = [1, 2, 3]}); dtypes promote */
    public static Array polyadd(Array a1, Array a2) { return Polynomials.polyadd(a1, a2); }
    /** {@return {@code a1 - a2} as polynomials} */
    public static Array polysub(Array a1, Array a2) { return Polynomials.polysub(a1, a2); }
    /** {@return the product of two 1-d polynomials}, of length {@code len(a1) + len(a2) - 1}, in floating point */
    public static Array polymul(Array a1, Array a2) { return Polynomials.polymul(a1, a2); }
    /** {@return the derivative of a 1-d polynomial} ({@code polyder([1, 1, 1]) = [2, 1]}) */
    public static Array polyder(Array p) { return Polynomials.polyder(p, 1); }
    /** {@return the {@code m}-th derivative}; a degree below {@code m} gives an empty array, as in JAX @throws dev.jaxj.errors.ArgumentError for {@code m < 0} */
    public static Array polyder(Array p, int m) { return Polynomials.polyder(p, m); }
    /** {@return the antiderivative with constant 0} ({@code polyint([3, 2, 1]) = [1, 1, 1, 0]}) */
    public static Array polyint(Array p) { return Polynomials.polyint(p, 1, Array.scalar(0L)); }
    /** {@return the {@code m}-th antiderivative with constant {@code k} at every step} */
    public static Array polyint(Array p, int m, double k) { return Polynomials.polyint(p, m, Array.scalar(k)); }
    /** {@return the {@code m}-th antiderivative with the {@code m} constants {@code k}}, the first for the first integration @throws dev.jaxj.errors.ShapeError unless {@code k} holds 1 or {@code m} values */
    public static Array polyint(Array p, int m, Array k) { return Polynomials.polyint(p, m, k); }
    /**
     * {@return the roots of the polynomial with coefficients {@code p} (1-d, highest power first)},
     * complex ({@code [n - 1]} after leading zeros are stripped), as {@code jnp.roots}: the
     * eigenvalues of the companion matrix.
     * {@snippet :
     * Array r = Jnp.roots(Jnp.array(new double[] {1, -6, 11, -6}));   // 3, 2, 1 (as c128)
     * }
     *
     * @throws dev.jaxj.errors.ConcretizationError under a transform: use {@link #roots(Array, boolean)} with {@code stripZeros = false}
     */
    public static Array roots(Array p) { return Polynomials.roots(p, true); }
    /**
     * {@return the roots of {@code p}}; with {@code stripZeros = false} the result always has
     * {@code n - 1} entries, a NaN for each leading zero coefficient, and works under {@code jit}
     * and the other transforms
     */
    public static Array roots(Array p, boolean stripZeros) { return Polynomials.roots(p, stripZeros); }
    /**
     * {@return the coefficients of the monic polynomial with the 1-d {@code roots}} ({@code poly([1, 2]) = [1, -3, 2]}); no roots give
     * the scalar 1; a non-empty square matrix gives its characteristic polynomial, complex (from its eigenvalues, as JAX)
     */
    public static Array poly(Array roots) { return Polynomials.poly(roots); }
    /**
     * {@return {@code filt} without its leading and trailing all-zero slices along every axis} ({@code [0, 1, 0, 2, 0] -> [1, 0, 2]})
     * @throws dev.jaxj.errors.ConcretizationError under a transform: the result's shape depends on the values
     */
    public static Array trimZeros(Array filt) { return Polynomials.trimZeros(filt, true, true); }
    /** {@return {@code filt} without leading ({@code front}) and/or trailing ({@code back}) all-zero slices along {@code axes}} (all when none; NumPy's {@code trim='f'}, {@code 'b'}, {@code 'fb'}) */
    public static Array trimZeros(Array filt, boolean front, boolean back, int... axes) { return Polynomials.trimZeros(filt, front, back, axes); }

    /**
     * {@return the Hamming window of {@code m} points}, f32
     * {@snippet :
     * Array w = Jnp.hamming(64);  // f32[64], 0.08 at both ends
     * }
     */
    public static Array hamming(int m) { return Windows.hamming(m); }
    /** {@return the Hann window of {@code m} points}, f32 */
    public static Array hanning(int m) { return Windows.hanning(m); }
    /** {@return the Blackman window of {@code m} points}, f32 */
    public static Array blackman(int m) { return Windows.blackman(m); }
    /** {@return the triangular (Bartlett) window of {@code m} points}, f32, 0 at both ends */
    public static Array bartlett(int m) { return Windows.bartlett(m); }
    /** {@return the Kaiser window of {@code m} points with shape parameter {@code beta}}, f32 */
    public static Array kaiser(int m, double beta) { return Windows.kaiser(m, beta); }
    /** {@return the modified Bessel function of the first kind of order 0}, in floating point; differentiable (its derivative is {@code I1}) */
    public static Array i0(Array x) { return Bessel.i0(x); }

    /** Which part of a full convolution {@link #convolve} and {@link #correlate} return, as NumPy's {@code mode}. */
    public enum ConvolveMode {
        /** Every overlap: length {@code n + m - 1}. */
        FULL,
        /** Centred, of the longer operand's length {@code max(n, m)}. */
        SAME,
        /** Only full overlaps: length {@code max(n, m) - min(n, m) + 1}. */
        VALID
    }

    /** {@return the full discrete convolution of two non-empty 1-d arrays}, in floating point ({@code convolve([1, 2], [1, 1]) = [1, 3, 2]}) */
    public static Array convolve(Array a, Array v) { return Signal.convolve(a, v, ConvolveMode.FULL); }
    /**
     * {@return the discrete convolution, the part given by {@code mode}}
     * {@snippet :
     * Array smooth = Jnp.convolve(x, Jnp.ones(5).div(5.0), Jnp.ConvolveMode.SAME);  // moving average
     * }
     */
    public static Array convolve(Array a, Array v, ConvolveMode mode) { return Signal.convolve(a, v, mode); }
    /** {@return the cross-correlation {@code c[k] = sum_n a[n + k] v[n]} of two non-empty 1-d arrays}, {@code VALID} part as NumPy's default */
    public static Array correlate(Array a, Array v) { return Signal.correlate(a, v, ConvolveMode.VALID); }
    public static Array correlate(Array a, Array v, ConvolveMode mode) { return Signal.correlate(a, v, mode); }

    /**
     * {@return the piecewise-linear interpolant of {@code (xp, fp)} at {@code x}}, {@code xp} increasing; outside, the end values
     * {@snippet :
     * Array y = Jnp.interp(x, xp, fp);  // x any shape, xp and fp 1-d: y shaped like x
     * }
     */
    public static Array interp(Array x, Array xp, Array fp) { return Signal.interp(x, xp, fp, Option.none(), Option.none(), Option.none()); }
    /** {@return the interpolant, {@code left} below {@code xp[0]} and {@code right} above {@code xp[-1]}} */
    public static Array interp(Array x, Array xp, Array fp, double left, double right) {
        return Signal.interp(x, xp, fp, Option.some(Array.scalar(left)), Option.some(Array.scalar(right)), Option.none());
    }
    /** {@return the interpolant of points that repeat with {@code period}}; {@code xp} in any order @throws dev.jaxj.errors.ArgumentError for a zero period */
    public static Array interp(Array x, Array xp, Array fp, double period) { return Signal.interp(x, xp, fp, Option.none(), Option.none(), Option.some(period)); }

    /** {@return {@code a[..., 1:] - a[..., :-1]}}, along the last axis ({@code diff([1, 4, 9]) = [3, 5]}); bools give {@code !=} */
    public static Array diff(Array a) { return Signal.diff(a, 1, -1, Option.none(), Option.none()); }
    /** {@return the {@code n}-th difference along {@code axis}} */
    public static Array diff(Array a, int n, int axis) { return Signal.diff(a, n, axis, Option.none(), Option.none()); }
    /** {@return the {@code n}-th difference along {@code axis} of {@code prepend}, {@code a} and {@code append} joined}; scalars stand for a slice of that value */
    public static Array diff(Array a, int n, int axis, Option<Array> prepend, Option<Array> append) { return Signal.diff(a, n, axis, prepend, append); }
    /** {@return the differences of the flattened array} */
    public static Array ediff1d(Array ary) { return Signal.ediff1d(ary, Option.none(), Option.none()); }
    /** {@return the differences of the flattened array with {@code toBegin} before and {@code toEnd} after} (JAX's argument order) */
    public static Array ediff1d(Array ary, Option<Array> toEnd, Option<Array> toBegin) { return Signal.ediff1d(ary, toEnd, toBegin); }

    /** {@return the numerical derivative along each axis, unit spacing}: central differences inside, one-sided at the edges */
    public static Seq<Array> gradient(Array f) { return Signal.gradient(f, Vector.empty()); }
    /** {@return the numerical derivative along each axis, with one spacing (scalar or 1-d coordinates) for all axes or one per axis} */
    public static Seq<Array> gradient(Array f, Array... spacing) { return Signal.gradient(f, Vector.of(spacing)); }
    /** {@return the numerical derivative along {@code axis}, unit spacing} ({@code gradient([1, 4, 9], 0) = [3, 4, 5]}) */
    public static Array gradient(Array f, int axis) { return Signal.gradient(f, Array.scalar(1.0), axis); }
    /** {@return the numerical derivative along {@code axis}; {@code spacing} a scalar step or the 1-d coordinates along the axis} */
    public static Array gradient(Array f, Array spacing, int axis) { return Signal.gradient(f, spacing, axis); }

    /** {@return the integral of {@code y} along the last axis by the trapezoidal rule, unit spacing} */
    public static Array trapezoid(Array y) { return Signal.trapezoid(y, 1.0, -1); }
    /** {@return the trapezoidal integral along {@code axis} with samples {@code dx} apart} */
    public static Array trapezoid(Array y, double dx, int axis) { return Signal.trapezoid(y, dx, axis); }
    /** {@return the trapezoidal integral along {@code axis} at the sample points {@code x}} (1-d along the axis, or shaped like {@code y}) */
    public static Array trapezoid(Array y, Array x, int axis) { return Signal.trapezoid(y, x, axis); }

    /** {@return the running sum of a 1-d {@code x}} (the array API's {@code cumulative_sum}) */
    public static Array cumulativeSum(Array x) { return Products.cumulativeSum(x, Option.none(), false); }
    /** {@return the running sum along {@code axis}, with a leading 0 when {@code includeInitial}} ({@code cumulativeSum([1, 2], 0, true) = [0, 1, 3]}) */
    public static Array cumulativeSum(Array x, int axis, boolean includeInitial) { return Products.cumulativeSum(x, Option.some(axis), includeInitial); }
    public static Array cumulativeProd(Array x) { return Products.cumulativeProd(x, Option.none(), false); }
    /** {@return the running product along {@code axis}, with a leading 1 when {@code includeInitial}} */
    public static Array cumulativeProd(Array x, int axis, boolean includeInitial) { return Products.cumulativeProd(x, Option.some(axis), includeInitial); }

    /** {@return the greatest common divisor of {@code |x1|} and {@code |x2|}} @throws dev.jaxj.errors.DTypeError for floats */
    public static Array gcd(Array x1, Array x2) { return IntegerFunctions.gcd(x1, x2); }
    /** {@return the least common multiple of {@code |x1|} and {@code |x2|}}, 0 when either is 0 */
    public static Array lcm(Array x1, Array x2) { return IntegerFunctions.lcm(x1, x2); }
    /** {@return C's {@code fmod}: the remainder with the dividend's sign} ({@code fmod(-7, 2) = -1}; see {@link #remainder}) */
    public static Array fmod(Array x1, Array x2) { return IntegerFunctions.fmod(x1, x2); }
    /** {@return {@code (floorDivide(x1, x2), remainder(x1, x2))}} */
    public static Tuple2<Array, Array> divmod(Array x1, Array x2) { return IntegerFunctions.divmod(x1, x2); }

    /** {@return the fractional and integral parts}, both with {@code x}'s sign ({@code modf(-2.5) = (-0.5, -2.0)}) */
    public static Tuple2<Array, Array> modf(Array x) { return FloatFunctions.modf(x); }
    /** {@return {@code (m, e)} with {@code x = m 2^e} and {@code 0.5 <= |m| < 1}, {@code e} i32} ({@code frexp(8) = (0.5, 4)}) */
    public static Tuple2<Array, Array> frexp(Array x) { return FloatFunctions.frexp(x); }
    /** {@return {@code x1 * 2^x2}} for an integer {@code x2} @throws dev.jaxj.errors.DTypeError for a floating {@code x2} */
    public static Array ldexp(Array x1, Array x2) { return FloatFunctions.ldexp(x1, x2); }
    /** {@return the gap from {@code x} to the next representable value away from zero} ({@code spacing(1f) = 2^-23}) */
    public static Array spacing(Array x) { return FloatFunctions.spacing(x); }
    /** {@return the normalised sinc {@code sin(pi x) / (pi x)}}, 1 at 0, with the right derivatives there */
    public static Array sinc(Array x) { return FloatFunctions.sinc(x); }
    /** Another name for {@link #rad2deg}. */
    public static Array degrees(Array x) { return rad2deg(x); }
    /** Another name for {@link #deg2rad}. */
    public static Array radians(Array x) { return deg2rad(x); }
    /** {@return {@code x1 ** x2}} in floating point: integers compute as f32 (JAX's rule; NumPy's is f64) */
    public static Array floatPower(Array x1, Array x2) { return FloatFunctions.floatPower(x1, x2); }
    public static Array floatPower(Array x1, double x2) { return floatPower(x1, Array.scalar(x2)); }
    /** {@return whether {@code x} is {@code +inf}}, as bool (false for integers) */
    public static Array isposinf(Array x) { return FloatFunctions.isposinf(x); }
    /** {@return whether {@code x} is {@code -inf}}, as bool */
    public static Array isneginf(Array x) { return FloatFunctions.isneginf(x); }
    /** {@return where the imaginary part is 0}, as bool of {@code x}'s shape: true everywhere for real dtypes */
    public static Array isreal(Array x) { return FloatFunctions.isreal(x); }
    /** {@return where the imaginary part is not 0}, as bool of {@code x}'s shape: false everywhere for real dtypes */
    public static Array iscomplex(Array x) { return FloatFunctions.iscomplex(x); }

    /** {@return the Kronecker product}: {@code f32[2,2] ⊗ f32[3,3] -> f32[6,6]}, block {@code (i, j)} being {@code a[i, j] * b} */
    public static Array kron(Array a, Array b) { return Products.kron(a, b); }
    /** {@return the cross product over the last axes}, vectors of 2 or 3 components broadcast over the others; two 2-vectors give the z component */
    public static Array cross(Array a, Array b) { return Products.cross(a, b, -1, -1, -1); }
    /** {@return the cross product of vectors along {@code axis} of both operands, the result's vectors along {@code axis}} */
    public static Array cross(Array a, Array b, int axis) { return Products.cross(a, b, axis, axis, axis); }
    public static Array cross(Array a, Array b, int axisa, int axisb, int axisc) { return Products.cross(a, b, axisa, axisb, axisc); }
    /** {@return the Vandermonde matrix of a 1-d {@code x}}: column {@code j} is {@code x^(n-1-j)}, {@code f32[n] -> f32[n,n]} */
    public static Array vander(Array x) { return Products.vander(x, Option.none(), false); }
    /** {@return the Vandermonde matrix with {@code n} columns, powers rising when {@code increasing}} */
    public static Array vander(Array x, int n, boolean increasing) { return Products.vander(x, Option.some(n), increasing); }
    /** {@return the {@code n x n} f32 matrix with ones at and below the diagonal} */
    public static Array tri(int n) { return Products.tri(n, n, 0, DType.F32); }
    /** {@return the {@code n x m} matrix with ones at and below the {@code k}-th diagonal} ({@code k > 0} above the main one) */
    public static Array tri(int n, int m, int k, DType dtype) { return Products.tri(n, m, k, dtype); }
    /** {@return {@code m} rotated by 90° in the plane of its first two axes}, counter-clockwise as printed */
    public static Array rot90(Array m) { return Products.rot90(m, 1, 0, 1); }
    /** {@return {@code m} rotated {@code k} times by 90° from {@code axis1} towards {@code axis2}} */
    public static Array rot90(Array m, int k, int axis1, int axis2) { return Products.rot90(m, k, axis1, axis2); }
    /** {@return {@code m} reversed along axis 1} @throws dev.jaxj.errors.ShapeError for rank below 2 */
    public static Array fliplr(Array m) { return Products.fliplr(m); }
    /** {@return {@code m} reversed along axis 0} */
    public static Array flipud(Array m) { return Products.flipud(m); }
    /** {@return {@code a} with {@code axis} moved to the front} */
    public static Array rollaxis(Array a, int axis) { return Products.rollaxis(a, axis, 0); }
    /** {@return {@code a} with {@code axis} moved to just before position {@code start}} (see {@link #moveaxis}) */
    public static Array rollaxis(Array a, int axis, int start) { return Products.rollaxis(a, axis, start); }

    /**
     * {@return elementwise, the choice of the first true condition, else 0}
     * {@snippet :
     * Array y = Jnp.select(Vector.of(Jnp.less(x, 0), Jnp.less(x, 1)), Vector.of(Jnp.negative(x), Jnp.square(x)), x);
     * }
     */
    public static Array select(Seq<Array> condlist, Seq<Array> choicelist) { return Functional.select(condlist, choicelist, Array.scalar(0L)); }
    /** {@return elementwise, the choice of the first true condition, else {@code fallback}} (NumPy's {@code default}) */
    public static Array select(Seq<Array> condlist, Seq<Array> choicelist, Array fallback) { return Functional.select(condlist, choicelist, fallback); }
    /**
     * {@return {@code funclist[i](x)} where {@code condlist[i]} holds (the last true one winning)}; an extra last function
     * applies where none holds, otherwise 0. Functions act elementwise; results take {@code x}'s dtype.
     * {@snippet :
     * Array y = Jnp.piecewise(x, Vector.of(Jnp.less(x, 0)), Vector.of(v -> Jnp.negative(v), v -> Jnp.square(v)));
     * }
     */
    public static Array piecewise(Array x, Seq<Array> condlist, Seq<UnaryOperator<Array>> funclist) { return Functional.piecewise(x, condlist, funclist); }
    /**
     * {@return {@code func1d} applied to every 1-d slice along {@code axis}} (by {@code vmap})
     * {@snippet :
     * Array r = Jnp.applyAlongAxis(v -> Jnp.sort(v), 0, m);  // f32[n,k] -> f32[n,k]
     * }
     */
    public static Array applyAlongAxis(Function<Array, Array> func1d, int axis, Array arr) { return Functional.applyAlongAxis(func1d, axis, arr); }
    /** {@return {@code func(a, axis)} applied for each axis in turn}, reduced axes kept as size 1 ({@code applyOverAxes((v, ax) -> Jnp.sum(v, ax), a, 0, 2)}) */
    public static Array applyOverAxes(BiFunction<Array, Integer, Array> func, Array a, int... axes) { return Functional.applyOverAxes(func, a, axes); }

    /**
     * Machine limits of a floating dtype, with NumPy's {@code finfo} fields.
     * @param dtype the dtype described
     * @param bits the width in bits
     * @param eps the gap from 1 to the next larger value
     * @param epsneg the gap from 1 to the next smaller value
     * @param max the largest finite value
     * @param min the most negative finite value, {@code -max}
     * @param tiny the smallest positive normal value (also {@link #smallestNormal()})
     * @param smallestSubnormal the smallest positive value
     * @param resolution {@code 10^-precision}
     * @param precision the decimal digits that survive a round trip
     * @param iexp the bits of the exponent
     * @param machep the exponent of {@code eps}
     * @param maxexp the smallest power of 2 that overflows
     * @param minexp the exponent of {@code tiny}
     * @param negep the exponent of {@code epsneg}
     * @param nexp the bits of the exponent
     * @param nmant the bits of the mantissa
     */
    public record Finfo(DType dtype, int bits, double eps, double epsneg, double max, double min, double tiny, double smallestSubnormal,
                        double resolution, int precision, int iexp, int machep, int maxexp, int minexp, int negep, int nexp, int nmant) {
        /** {@return the smallest positive normal value, {@code tiny}} */
        public double smallestNormal() { return tiny; }
    }

    /**
     * Limits of an integer dtype, with NumPy's {@code iinfo} fields.
     * @param dtype the dtype described
     * @param bits the width in bits
     * @param min the smallest value
     * @param max the largest value; for u64, whose 2^64 - 1 no long holds, its bits ({@code -1L}),
     *            as u64 elements are read ({@code Long.toUnsignedString(iinfo(DType.U64).max())} is
     *            {@code "18446744073709551615"})
     */
    public record Iinfo(DType dtype, int bits, long min, long max) {}

    /** {@return the machine limits of a floating dtype} ({@code finfo(F32).eps() = 2^-23}) @throws dev.jaxj.errors.DTypeError for other dtypes */
    public static Finfo finfo(DType dtype) { return TypeInfo.finfo(dtype); }
    /** {@return the range of an integer dtype} @throws dev.jaxj.errors.DTypeError for other dtypes */
    public static Iinfo iinfo(DType dtype) { return TypeInfo.iinfo(dtype); }

    /** How strictly {@link #canCast} judges a conversion, as NumPy's {@code casting}. */
    public enum Casting {
        /** Only to the same dtype. */
        NO,
        /** Only to the same dtype (byte order does not arise in jaxj). */
        EQUIV,
        /** Only conversions that keep every value. */
        SAFE,
        /** Safe ones, and any within a kind or up NumPy's order of kinds (bool, unsigned, signed, float). */
        SAME_KIND,
        /** Any conversion. */
        UNSAFE
    }

    /** {@return whether every value of {@code from} converts to {@code to} exactly} ({@code canCast(I32, F64)} but not {@code (I32, F32)}) */
    public static boolean canCast(DType from, DType to) { return TypeInfo.canCast(from, to, Casting.SAFE); }
    public static boolean canCast(DType from, DType to, Casting casting) { return TypeInfo.canCast(from, to, casting); }

    /** The abstract dtypes of NumPy's hierarchy that {@link #issubdtype} tests against ({@code jnp.floating}, …). */
    public enum DTypeCategory { GENERIC, NUMBER, INEXACT, FLOATING, COMPLEXFLOATING, INTEGER, SIGNEDINTEGER, UNSIGNEDINTEGER, BOOL }

    /** {@return whether {@code dtype} lies under {@code category}} ({@code issubdtype(I32, INTEGER)}, not {@code (BOOL, NUMBER)}) */
    public static boolean issubdtype(DType dtype, DTypeCategory category) { return TypeInfo.issubdtype(dtype, category); }
    /** {@return whether the dtypes are the same}: concrete dtypes have no subtypes */
    public static boolean issubdtype(DType dtype, DType other) { return dtype == other; }

    /** The kinds of dtype that {@link #isdtype} tests for, the array API's names ({@link #jaxName()}) beside them. */
    public enum DTypeKind {
        BOOL("bool"), SIGNED_INTEGER("signed integer"), UNSIGNED_INTEGER("unsigned integer"), INTEGRAL("integral"),
        REAL_FLOATING("real floating"), COMPLEX_FLOATING("complex floating"), NUMERIC("numeric");

        private final String jaxName;

        DTypeKind(String jaxName) { this.jaxName = jaxName; }

        /** {@return the kind's name in JAX and the array API} ({@code "real floating"}) */
        public String jaxName() { return jaxName; }

        /** {@return the kind named {@code name}} @throws dev.jaxj.errors.ArgumentError for a name that is none of them */
        public static DTypeKind of(String name) { return TypeInfo.dtypeKind(name); }
    }

    /**
     * {@return whether {@code dtype} is of one of {@code kinds}} ({@code jnp.isdtype} with a kind
     * or a tuple of kinds): {@code bool}; {@code signed integer}; {@code unsigned integer};
     * {@code integral} (both, not bool); {@code real floating} (bf16, f16, f32, f64);
     * {@code complex floating}; {@code numeric} (all but bool). No kinds: false.
     * {@snippet :
     * Jnp.isdtype(DType.BF16, DTypeKind.REAL_FLOATING);                      // true
     * Jnp.isdtype(DType.BOOL, DTypeKind.INTEGRAL, DTypeKind.NUMERIC);        // false
     * }
     */
    public static boolean isdtype(DType dtype, DTypeKind... kinds) { return TypeInfo.isdtype(dtype, kinds); }
    /** {@return {@link #isdtype(DType, DTypeKind...)} with the kinds named as in JAX} ({@code isdtype(F32, "real floating", "bool")}) @throws dev.jaxj.errors.ArgumentError for an unknown name */
    public static boolean isdtype(DType dtype, String... kinds) { return TypeInfo.isdtype(dtype, java.util.Arrays.stream(kinds).map(DTypeKind::of).toArray(DTypeKind[]::new)); }
    /** {@return whether {@code dtype} is one of {@code dtypes}} ({@code jnp.isdtype} with a dtype or a tuple of dtypes) */
    public static boolean isdtype(DType dtype, DType... dtypes) { return java.util.Arrays.asList(dtypes).contains(dtype); }

    // The rest of jax.numpy on existing primitives: editing, assembling, index helpers, ufunc, vectorize --

    /** {@return elements of the flattened {@code a} at {@code indices}}; out-of-range positions read NaN (or the dtype's extreme), as in JAX */
    public static Array take(Array a, Array indices) { return dev.jaxj.array.Take.take(a, indices); }
    /**
     * {@return the slices of {@code a} at {@code indices} along {@code axis}}: shape
     * {@code a.shape[:axis] ++ indices.shape ++ a.shape[axis+1:]}.
     * {@snippet :
     * Jnp.take(Jnp.array(new float[][] {{1, 2, 3}, {4, 5, 6}}), Jnp.array(new int[] {2, 0}), 1); // [[3, 1], [6, 4]]
     * }
     */
    public static Array take(Array a, Array indices, int axis) { return dev.jaxj.array.Take.take(a, indices, axis); }
    /** {@return {@link #take(Array, Array, int)} with out-of-range positions handled by {@code mode}} */
    public static Array take(Array a, Array indices, int axis, dev.jaxj.array.Take.Mode mode) { return dev.jaxj.array.Take.take(a, indices, axis, mode); }
    /** {@return for each position of {@code indices} (of {@code a}'s rank) the element it names along {@code axis}} */
    public static Array takeAlongAxis(Array a, Array indices, int axis) { return dev.jaxj.array.Take.takeAlongAxis(a, indices, axis); }
    public static Array takeAlongAxis(Array a, Array indices, int axis, dev.jaxj.array.Take.Mode mode) { return dev.jaxj.array.Take.takeAlongAxis(a, indices, axis, mode); }

    /**
     * {@return {@code a} with the flat positions {@code ind} set to {@code v}} (repeated cyclically),
     * functional as JAX's {@code put(..., inplace=False)}; out-of-range positions are dropped,
     * negative ones count from the end.
     * {@snippet :
     * Jnp.put(Jnp.zeros(2, 3), Jnp.array(new int[] {0, 4}), Jnp.array(new float[] {7, 8})); // [[7, 0, 0], [0, 8, 0]]
     * }
     */
    public static Array put(Array a, Array ind, Array v) { return dev.jaxj.numpy.Editing.put(a, ind, v, dev.jaxj.array.Take.Mode.FILL); }
    /** {@return {@link #put(Array, Array, Array)} with {@code CLIP} (clamp) or {@code WRAP} (modulo) positions; {@code FILL} drops them} */
    public static Array put(Array a, Array ind, Array v, dev.jaxj.array.Take.Mode mode) { return dev.jaxj.numpy.Editing.put(a, ind, v, mode); }
    /**
     * {@return {@code arr} with {@code values} written where {@code indices} point along {@code axis}}:
     * {@code indices} has {@code arr}'s rank; the inverse of {@link #takeAlongAxis(Array, Array, int)}.
     */
    public static Array putAlongAxis(Array arr, Array indices, Array values, int axis) { return dev.jaxj.numpy.Editing.putAlongAxis(arr, indices, values, Option.some(axis)); }
    /** {@return {@link #putAlongAxis(Array, Array, Array, int)} on the flattened {@code arr}} (1-d {@code indices}; the shape is kept) */
    public static Array putAlongAxis(Array arr, Array indices, Array values) { return dev.jaxj.numpy.Editing.putAlongAxis(arr, indices, values, Option.none()); }
    /**
     * {@return {@code arr} with its {@code mask}ed positions set to {@code vals} in order, repeated cyclically}
     * {@snippet :
     * Jnp.place(Jnp.zeros(5), Jnp.array(new boolean[] {true, false, true, true, false}), Jnp.array(new float[] {1, 2})); // [1, 0, 2, 1, 0]
     * }
     */
    public static Array place(Array arr, Array mask, Array vals) { return dev.jaxj.numpy.Editing.place(arr, mask, vals); }
    /** {@return {@code a} (at least 2-d, a hypercube beyond) with its main diagonal set to {@code val}} */
    public static Array fillDiagonal(Array a, double val) { return dev.jaxj.numpy.Editing.fillDiagonal(a, Array.scalar(val), false); }
    /** {@return {@code a} with its main diagonal set to {@code val} (repeated cyclically); {@code wrap} restarts it every {@code ncols + 1} rows of a tall matrix} */
    public static Array fillDiagonal(Array a, Array val, boolean wrap) { return dev.jaxj.numpy.Editing.fillDiagonal(a, val, wrap); }
    /**
     * {@return {@code choices[a]} elementwise}, all broadcast together; {@code a} must be concrete and in range (JAX's default mode).
     * {@snippet :
     * Jnp.choose(Jnp.array(new int[] {0, 1, 0}), Vector.of(Jnp.zeros(3), Jnp.ones(3))); // [0, 1, 0]
     * }
     */
    public static Array choose(Array a, Seq<Array> choices) { return dev.jaxj.numpy.Editing.choose(a, choices, RavelMode.RAISE); }
    /** {@return {@link #choose(Array, Seq)} with the slices of {@code choices} along its first axis as the choices} */
    public static Array choose(Array a, Array choices) { return dev.jaxj.numpy.Editing.choose(a, dev.jaxj.numpy.Assembling.unstack(choices, 0), RavelMode.RAISE); }
    /** {@return {@link #choose(Array, Seq)} with {@code WRAP} or {@code CLIP} handling of out-of-range choices (these trace)} */
    public static Array choose(Array a, Seq<Array> choices, RavelMode mode) { return dev.jaxj.numpy.Editing.choose(a, choices, mode); }
    /** {@return the elements of the flattened {@code a} where the 1-d {@code condition} is true} (concrete condition) */
    public static Array compress(Array condition, Array a) { return dev.jaxj.numpy.Editing.compress(condition, a, Option.none(), Option.none(), 0); }
    /** {@return the slices of {@code a} along {@code axis} where the 1-d {@code condition} is true} (concrete condition) */
    public static Array compress(Array condition, Array a, int axis) { return dev.jaxj.numpy.Editing.compress(condition, a, Option.some(axis), Option.none(), 0); }
    /** {@return the first {@code size} selected slices, padded with {@code fillValue}}: a static shape, so it traces */
    public static Array compress(Array condition, Array a, int axis, int size, double fillValue) { return dev.jaxj.numpy.Editing.compress(condition, a, Option.some(axis), Option.some(size), fillValue); }
    /** {@return the elements of {@code arr} where {@code condition} is true, both flattened} (concrete condition) */
    public static Array extract(Array condition, Array arr) { return dev.jaxj.numpy.Editing.extract(condition, arr, Option.none(), 0); }
    /** {@return the first {@code size} elements where {@code condition} is true, padded with {@code fillValue}} */
    public static Array extract(Array condition, Array arr, int size, double fillValue) { return dev.jaxj.numpy.Editing.extract(condition, arr, Option.some(size), fillValue); }
    /** {@return {@code values} appended to {@code arr}, both flattened} */
    public static Array append(Array arr, Array values) { return dev.jaxj.numpy.Editing.append(arr, values, Option.none()); }
    /** {@return {@code values} (of {@code arr}'s rank) appended along {@code axis}} */
    public static Array append(Array arr, Array values, int axis) { return dev.jaxj.numpy.Editing.append(arr, values, Option.some(axis)); }
    /**
     * {@return the flattened {@code arr} with {@code values} inserted before position {@code index}}
     * {@snippet :
     * Jnp.insert(Jnp.arange(4), 1, Jnp.array(new int[] {9, 9})); // [0, 9, 9, 1, 2, 3]
     * }
     */
    public static Array insert(Array arr, int index, Array values) { return dev.jaxj.numpy.Editing.insert(arr, Array.scalar(index, DType.I32), values, Option.none()); }
    /** {@return {@code arr} with {@code values} inserted as one block before {@code index} along {@code axis}} (their leading axis becomes {@code axis}, as NumPy's) */
    public static Array insert(Array arr, int index, Array values, int axis) { return dev.jaxj.numpy.Editing.insert(arr, Array.scalar(index, DType.I32), values, Option.some(axis)); }
    /** {@return the flattened {@code arr} with one value inserted before each of the 1-d {@code indices}} (which may be traced) */
    public static Array insert(Array arr, Array indices, Array values) { return dev.jaxj.numpy.Editing.insert(arr, indices, values, Option.none()); }
    /** {@return {@code arr} with one slice of {@code values} inserted before each of the 1-d {@code indices} along {@code axis}} */
    public static Array insert(Array arr, Array indices, Array values, int axis) { return dev.jaxj.numpy.Editing.insert(arr, indices, values, Option.some(axis)); }
    /** {@return the flattened {@code arr} without position {@code index}} */
    public static Array delete(Array arr, int index) { return dev.jaxj.numpy.Editing.delete(arr, new int[] {index}, Option.none()); }
    /** {@return {@code arr} without the slice {@code index} along {@code axis}} */
    public static Array delete(Array arr, int index, int axis) { return dev.jaxj.numpy.Editing.delete(arr, new int[] {index}, Option.some(axis)); }
    /** {@return {@code arr} without the positions {@code indices} along {@code axis}} */
    public static Array delete(Array arr, int[] indices, int axis) { return dev.jaxj.numpy.Editing.delete(arr, indices, Option.some(axis)); }
    /** {@return {@code arr} without the positions a slice selects along {@code axis}} */
    public static Array delete(Array arr, dev.jaxj.array.Index.Slice slice, int axis) { return dev.jaxj.numpy.Editing.delete(arr, slice, Option.some(axis)); }
    /**
     * {@return {@code arr} without the positions {@code indices} along {@code axis}}: concrete
     * indices, or traced ones with {@code assumeUniqueIndices} (distinct and in range), as JAX's {@code assume_unique_indices}
     */
    public static Array delete(Array arr, Array indices, int axis, boolean assumeUniqueIndices) { return dev.jaxj.numpy.Editing.delete(arr, indices, Option.some(axis), assumeUniqueIndices); }
    /**
     * {@return the flattened {@code a} repeated cyclically to {@code shape}}
     * {@snippet :
     * Jnp.resize(Jnp.arange(3), 2, 4); // [[0, 1, 2, 0], [1, 2, 0, 1]]
     * }
     */
    public static Array resize(Array a, int... shape) { return dev.jaxj.numpy.Editing.resize(a, shape); }

    /**
     * {@return the nested blocks joined}: NumPy's {@code block} for one level, a row.
     * {@snippet :
     * Jnp.block(Jnp.ones(2, 2), Jnp.zeros(2, 1));          // f32[2,3]
     * Jnp.block(new Array[][] {{a, b}, {c, d}});            // [[a, b], [c, d]]
     * }
     */
    public static Array block(Array... row) { return dev.jaxj.numpy.Assembling.block(row); }
    /** {@return rows of blocks joined: each row along the last axis, then the rows along the one before} */
    public static Array block(Array[]... rows) { return dev.jaxj.numpy.Assembling.block(rows); }
    /** {@return nested lists of blocks (a {@link Seq}, {@link java.util.List} or Java array at each level, arrays at the same depth) joined} */
    public static Array block(Seq<?> nested) { return dev.jaxj.numpy.Assembling.block(nested); }
    public static Array block(java.util.List<?> nested) { return dev.jaxj.numpy.Assembling.block(nested); }
    /** {@return 1-d arrays as the columns of a matrix, 2-d arrays joined along axis 1} */
    public static Array columnStack(Array... xs) { return dev.jaxj.numpy.Assembling.columnStack(Vector.of(xs)); }
    /** {@return the arrays, made at least 3-d, joined along axis 2} */
    public static Array dstack(Array... xs) { return dev.jaxj.numpy.Assembling.dstack(Vector.of(xs)); }
    /** {@return {@code x} split into equal parts along axis 1 (axis 0 when 1-d)} */
    public static Seq<Array> hsplit(Array x, int sections) { return split(x, sections, dev.jaxj.numpy.Assembling.splitAxis("hsplit", x)); }
    public static Seq<Array> hsplit(Array x, int[] indices) { return split(x, indices, dev.jaxj.numpy.Assembling.splitAxis("hsplit", x)); }
    /** {@return {@code x} (at least 2-d) split into equal parts along axis 0} */
    public static Seq<Array> vsplit(Array x, int sections) { return split(x, sections, dev.jaxj.numpy.Assembling.splitAxis("vsplit", x)); }
    public static Seq<Array> vsplit(Array x, int[] indices) { return split(x, indices, dev.jaxj.numpy.Assembling.splitAxis("vsplit", x)); }
    /** {@return {@code x} (at least 3-d) split into equal parts along axis 2} */
    public static Seq<Array> dsplit(Array x, int sections) { return split(x, sections, dev.jaxj.numpy.Assembling.splitAxis("dsplit", x)); }
    public static Seq<Array> dsplit(Array x, int[] indices) { return split(x, indices, dev.jaxj.numpy.Assembling.splitAxis("dsplit", x)); }
    /** {@return the slices of {@code x} along axis 0, each without it} */
    public static Seq<Array> unstack(Array x) { return dev.jaxj.numpy.Assembling.unstack(x, 0); }
    public static Seq<Array> unstack(Array x, int axis) { return dev.jaxj.numpy.Assembling.unstack(x, axis); }
    /** {@return a matrix with the flattened {@code v} on its diagonal} */
    public static Array diagflat(Array v) { return dev.jaxj.numpy.Assembling.diagflat(v, 0); }
    public static Array diagflat(Array v, int k) { return dev.jaxj.numpy.Assembling.diagflat(v, k); }
    /** {@return the {@code n×n} f32 identity matrix} */
    public static Array identity(int n) { return Creation.eye(n, n, 0, DType.F32); }
    public static Array identity(int n, DType dtype) { return Creation.eye(n, n, 0, dtype); }
    /** {@return an f32 array of {@code shape}}: JAX has no uninitialised memory, so it holds zeros */
    public static Array empty(int... shape) { return zeros(shape); }
    public static Array empty(Shape shape, DType dtype) { return zeros(shape, dtype); }
    /** {@return an array shaped and typed like {@code x}}, of zeros as in JAX */
    public static Array emptyLike(Array x) { return zerosLike(x); }
    public static Array emptyLike(Array x, DType dtype) { return zeros(x.shape(), dtype); }
    /** {@return a copy of {@code a}} */
    public static Array copy(Array a) { return Lax.copy(a); }
    /**
     * {@return {@code a} as an array}: an {@link Array} as it is, a Java array, number or boolean copied
     * {@snippet :
     * Jnp.asarray(new double[] {1, 2});   // f64[2]
     * Jnp.asarray(x);                     // x itself
     * }
     */
    public static Array asarray(Object a) {
        return switch (a) {
            case Array x -> x;
            case Integer i -> Array.scalar((long) i);
            case Long l -> Array.scalar((long) l);
            case Double d -> Array.scalar((double) d);
            case Float f -> Array.scalar((double) f);
            case Boolean b -> Array.scalar((boolean) b);
            case null -> throw new dev.jaxj.errors.ArgumentError("asarray", "cannot convert null to an array");
            default -> Creation.fromJava(a);
        };
    }
    /** {@return {@link #asarray(Object)} converted to {@code dtype}} */
    public static Array asarray(Object a, DType dtype) { return astype(asarray(a), dtype); }
    /**
     * {@return {@code f} of the f32 coordinate arrays of {@code shape}}: element {@code (i, j)} is {@code f(i, j)}.
     * {@snippet :
     * Jnp.fromfunction(ij -> Jnp.add(ij.get(0), ij.get(1)), 2, 3); // [[0, 1, 2], [1, 2, 3]]
     * }
     */
    public static Array fromfunction(Function<Seq<Array>, Array> f, int... shape) { return dev.jaxj.numpy.Assembling.fromfunction(f, DType.F32, shape); }
    public static Array fromfunction(Function<Seq<Array>, Array> f, DType dtype, int... shape) { return dev.jaxj.numpy.Assembling.fromfunction(f, dtype, shape); }
    /** {@return {@code x} (at least 2-d) with its last two axes swapped} */
    public static Array matrixTranspose(Array x) { return dev.jaxj.numpy.Assembling.matrixTranspose(x); }
    /** {@return the broadcast of {@code shapes}} ({@code broadcastShapes(Shape.of(3, 1), Shape.of(4))} is {@code (3, 4)}) */
    public static Shape broadcastShapes(Shape... shapes) { return dev.jaxj.numpy.Assembling.broadcastShapes(Vector.of(shapes)); }
    public static int[] broadcastShapes(int[]... shapes) { return dev.jaxj.numpy.Assembling.broadcastShapes(Vector.of(shapes).map(Shape::of)).toArray(); }

    /** {@return {@code sum(x1 * x2, -1)} with broadcast leading axes} */
    public static Array vecdot(Array x1, Array x2) { return dev.jaxj.numpy.VectorProducts.vecdot(x1, x2, -1); }
    /** {@return the dot products over axis {@code axis} of each operand} */
    public static Array vecdot(Array x1, Array x2, int axis) { return dev.jaxj.numpy.VectorProducts.vecdot(x1, x2, axis); }
    /** {@return matrices {@code [..., m, n]} times vectors {@code [..., n]}: {@code [..., m]}} */
    public static Array matvec(Array x1, Array x2) { return dev.jaxj.numpy.VectorProducts.matvec(x1, x2); }
    /** {@return vectors {@code [..., n]} times matrices {@code [..., n, m]}: {@code [..., m]}} */
    public static Array vecmat(Array x1, Array x2) { return dev.jaxj.numpy.VectorProducts.vecmat(x1, x2); }

    /**
     * A contraction order for an einsum and its report: {@code path.get(k)} names the two
     * positions, in the list of operands left at step {@code k}, contracted then (their result
     * joins the end of the list), as {@code jnp.einsum_path}'s first result.
     */
    public record EinsumPath(Seq<Contraction> path, String report) {
        /** One step: the positions of the two operands contracted, {@code first < second}. */
        public record Contraction(int first, int second) {}
    }
    /**
     * {@return the cheapest pairwise contraction order of the einsum} by opt_einsum's FLOP model
     * (exhaustive up to four operands, greedy beyond), without evaluating it.
     * {@snippet :
     * Jnp.einsumPath("ij,jk,kl->il", a, b, c).path();  // e.g. [Contraction[first=1, second=2], Contraction[first=0, second=1]]
     * }
     */
    public static EinsumPath einsumPath(String subscripts, Array... operands) { return dev.jaxj.numpy.EinsumPaths.einsumPath(subscripts, operands); }

    /** {@return the number of 1 bits of {@code |x|}} for integers and bools, in {@code u32} (JAX: {@code uint8}; jaxj has no 8-bit dtype yet) */
    public static Array bitwiseCount(Array x) { return dev.jaxj.numpy.Bits.bitwiseCount(x); }
    /** The bit order of {@link #packbits} and {@link #unpackbits}: most significant bit first, or least. */
    public enum BitOrder { BIG, LITTLE }
    /** {@return the flattened {@code a != 0} packed eight bits to a byte, most significant first} in {@code u32} (JAX: {@code uint8}) */
    public static Array packbits(Array a) { return dev.jaxj.numpy.Bits.packbits(a, Option.none(), BitOrder.BIG); }
    public static Array packbits(Array a, int axis) { return dev.jaxj.numpy.Bits.packbits(a, Option.some(axis), BitOrder.BIG); }
    public static Array packbits(Array a, int axis, BitOrder order) { return dev.jaxj.numpy.Bits.packbits(a, Option.some(axis), order); }
    /** {@return the bits of the low bytes of the flattened {@code a}, most significant first}, as 0/1 {@code u32} */
    public static Array unpackbits(Array a) { return dev.jaxj.numpy.Bits.unpackbits(a, Option.none(), Option.none(), BitOrder.BIG); }
    public static Array unpackbits(Array a, int axis) { return dev.jaxj.numpy.Bits.unpackbits(a, Option.some(axis), Option.none(), BitOrder.BIG); }
    /** {@return the first {@code count} bits along {@code axis}} (a negative count drops bits from the end) */
    public static Array unpackbits(Array a, int axis, int count, BitOrder order) { return dev.jaxj.numpy.Bits.unpackbits(a, Option.some(axis), Option.some(count), order); }
    /** {@return the next representable value after {@code x1} towards {@code x2}} */
    public static Array nextafter(Array x1, Array x2) { return dev.jaxj.numpy.Bits.nextafter(x1, x2); }
    /** {@return {@code |x|} as a float} (integers become f32) */
    public static Array fabs(Array x) { return dev.jaxj.numpy.Bits.fabs(x); }

    /** {@return a bool scalar: whether the arrays have one shape and equal elements} */
    public static Array arrayEqual(Array a1, Array a2) { return dev.jaxj.numpy.Assembling.arrayEqual(a1, a2, false); }
    /** {@return whether the arrays have one shape and equal elements, NaNs equal to each other when {@code equalNan}} */
    public static Array arrayEqual(Array a1, Array a2, boolean equalNan) { return dev.jaxj.numpy.Assembling.arrayEqual(a1, a2, equalNan); }
    /** {@return a bool scalar: whether the arrays broadcast together and are equal elementwise} */
    public static Array arrayEquiv(Array a1, Array a2) { return dev.jaxj.numpy.Assembling.arrayEquiv(a1, a2); }
    /** {@return {@code x}'s repr, {@code Array([1., 2.], dtype=float32)}, as {@link Array#toString}} */
    public static String arrayRepr(Array x) { return x.toString(); }
    /** {@return {@code x}'s repr with these print options} */
    public static String arrayRepr(Array x, PrintOptions options) { return withPrintOptions(options, () -> x.toString()); }
    /** {@return NumPy's {@code str} of {@code x}: {@code [1. 2.]}} */
    public static String arrayStr(Array x) { return dev.jaxj.array.ArrayText.str(x); }
    /** {@return NumPy's {@code str} of {@code x} with these print options} */
    public static String arrayStr(Array x, PrintOptions options) { return withPrintOptions(options, () -> dev.jaxj.array.ArrayText.str(x)); }

    /** A 2-d histogram: {@code hist[i][j]} counts the points in {@code [xedges[i], xedges[i+1]) × [yedges[j], yedges[j+1])}. */
    public record Histogram2d(Array hist, Array xedges, Array yedges) {}
    /** A d-dimensional histogram over the {@code edges} of each dimension. */
    public record HistogramDd(Array hist, Seq<Array> edges) {}
    /** {@return the 2-d histogram of the points {@code (x[i], y[i])} in {@code bins × bins} equal bins over their extent} */
    public static Histogram2d histogram2d(Array x, Array y, int bins) { return histogram2d(x, y, new int[] {bins, bins}, null, null, false); }
    /**
     * {@return the 2-d histogram with {@code bins[0] × bins[1]} equal bins over {@code range}
     * ({@code {{xlo, xhi}, {ylo, yhi}}}, the data's extent when null), weighted when {@code weights} is not null}
     */
    public static Histogram2d histogram2d(Array x, Array y, int[] bins, double[][] range, Array weights, boolean density) {
        HistogramDd h = dev.jaxj.numpy.Histograms.histogramdd("histogram2d", dev.jaxj.numpy.Histograms.pairs(x, y), bins, Option.of(range), Option.of(weights), density);
        return new Histogram2d(h.hist(), h.edges().get(0), h.edges().get(1));
    }
    /** {@return the 2-d histogram over the given increasing edges} */
    public static Histogram2d histogram2d(Array x, Array y, Array xedges, Array yedges, Array weights, boolean density) {
        HistogramDd h = dev.jaxj.numpy.Histograms.histogramdd("histogram2d", dev.jaxj.numpy.Histograms.pairs(x, y), Vector.of(xedges, yedges), Option.of(weights), density);
        return new Histogram2d(h.hist(), h.edges().get(0), h.edges().get(1));
    }
    /**
     * {@return the histogram of the rows of {@code sample} ({@code (N, D)}) in {@code bins} equal bins per dimension}
     * {@snippet :
     * Jnp.HistogramDd h = Jnp.histogramdd(points, 4);   // points: f32[100,3] -> h.hist(): i32[4,4,4]
     * }
     */
    public static HistogramDd histogramdd(Array sample, int bins) {
        int d = sample.ndim() == 1 ? 1 : sample.ndim() == 2 ? sample.shape().dim(1) : 0;
        int[] b = new int[d];
        java.util.Arrays.fill(b, bins);
        return dev.jaxj.numpy.Histograms.histogramdd("histogramdd", sample, d == 0 ? new int[] {bins} : b, Option.none(), Option.none(), false);
    }
    /** {@return the histogram with {@code bins[i]} equal bins over {@code range[i]} (the data's extent when null) per dimension} */
    public static HistogramDd histogramdd(Array sample, int[] bins, double[][] range, Array weights, boolean density) {
        return dev.jaxj.numpy.Histograms.histogramdd("histogramdd", sample, bins, Option.of(range), Option.of(weights), density);
    }
    /** {@return the histogram over the given increasing edges per dimension} */
    public static HistogramDd histogramdd(Array sample, Seq<Array> edges, Array weights, boolean density) {
        return dev.jaxj.numpy.Histograms.histogramdd("histogramdd", sample, edges, Option.of(weights), density);
    }

    /** {@return {@code p} with jumps above pi along the last axis unwrapped by multiples of 2 pi} */
    public static Array unwrap(Array p) { return dev.jaxj.numpy.Series.unwrap(p, Option.none(), -1, 2 * Math.PI); }
    public static Array unwrap(Array p, int axis) { return dev.jaxj.numpy.Series.unwrap(p, Option.none(), axis, 2 * Math.PI); }
    /** {@return {@code p} with jumps above {@code discont} (at least {@code period / 2}) along {@code axis} unwrapped by multiples of {@code period}} */
    public static Array unwrap(Array p, double discont, int axis, double period) { return dev.jaxj.numpy.Series.unwrap(p, Option.some(discont), axis, period); }
    /**
     * {@return the quotient and remainder of polynomial division {@code u / v}}; the remainder
     * keeps {@code u}'s length as in JAX (its leading entries are about zero).
     * {@snippet :
     * Jnp.polydiv(Jnp.array(new double[] {1, -3, 2}), Jnp.array(new double[] {1, -1})); // ([1, -2], [0, 0, 0])
     * }
     */
    public static Tuple2<Array, Array> polydiv(Array u, Array v) { return dev.jaxj.numpy.Series.polydiv(u, v); }

    /**
     * A Python slice as the grid helpers read it: {@code start:stop:step} ({@link Steps},
     * {@code arange}'s semantics) or {@code start:stop:numj} ({@link Points}, {@code num}
     * points from start to stop inclusive). Integer bounds give i32 ranges, others f32.
     */
    public sealed interface GridSlice {
        /** {@code start:stop:step}: the values {@code start, start + step, …} before {@code stop}. */
        record Steps(double start, double stop, double step, DType dtype) implements GridSlice {}
        /** {@code start:stop:numj}: {@code num} evenly spaced values from {@code start} to {@code stop}. */
        record Points(double start, double stop, int num) implements GridSlice {}

        /** {@return {@code start:stop}} */
        static GridSlice range(int start, int stop) { return new Steps(start, stop, 1, DType.I32); }
        /** {@return {@code start:stop:step}} */
        static GridSlice range(int start, int stop, int step) { return new Steps(start, stop, step, DType.I32); }
        /** {@return {@code start:stop:step} with float bounds} */
        static GridSlice range(double start, double stop, double step) { return new Steps(start, stop, step, DType.F32); }
        /** {@return {@code start:stop:numj}} */
        static GridSlice points(double start, double stop, int num) { return new Points(start, stop, num); }
    }
    /**
     * {@return the dense coordinate grid of the slices}, NumPy's {@code mgrid[...]}: shape
     * {@code (k, n_1, …, n_k)}, or the 1-d range of a single slice. Slices are {@link GridSlice}s
     * or integer {@link dev.jaxj.array.Index.Slice}s.
     * {@snippet :
     * Jnp.mgrid(GridSlice.range(0, 2), GridSlice.points(0, 1, 3)); // f32[2,2,3]
     * }
     */
    public static Array mgrid(Object... slices) { return dev.jaxj.numpy.IndexHelpers.mgrid(slices); }
    /** {@return the open grid of the slices}, NumPy's {@code ogrid[...]}: the i-th range shaped to lie along axis i */
    public static Seq<Array> ogrid(Object... slices) { return dev.jaxj.numpy.IndexHelpers.ogrid(slices); }
    /**
     * {@return the pieces joined along axis 0}, NumPy's {@code r_[...]}: arrays, numbers, Java
     * arrays and slices (1-d ranges); a first string {@code "axis[,ndmin[,trans1d]]"} sets the axis,
     * the rank pieces are raised to and where their own axes go.
     * {@snippet :
     * Jnp.r_(Jnp.array(new int[] {1, 2}), 0, GridSlice.range(4, 6));   // [1, 2, 0, 4, 5]
     * Jnp.r_("0,2", a, b);                                             // 1-d a, b as rows of a matrix
     * }
     */
    public static Array r_(Object... pieces) { return dev.jaxj.numpy.IndexHelpers.concatenator("r_", 0, 1, -1, pieces); }
    /** {@return the pieces joined along the last axis, 1-d ones as columns}, NumPy's {@code c_[...]} ({@code r_} with {@code "-1,2,0"}) */
    public static Array c_(Object... pieces) { return dev.jaxj.numpy.IndexHelpers.concatenator("c_", -1, 2, 0, pieces); }
    /** {@return 1-d arrays shaped to index their cross product}, NumPy's {@code ix_}: the i-th shaped {@code (1, …, n_i, …, 1)} */
    public static Seq<Array> ix_(Array... xs) { return dev.jaxj.numpy.IndexHelpers.ix(xs); }
    /**
     * {@return an index entry}, NumPy's {@code s_[...]} for one entry: an {@link dev.jaxj.array.Index} as it is,
     * an int, {@code int[]} or integer/bool {@link Array} converted as {@link Array#get} reads it.
     * {@snippet :
     * Index i = Jnp.s_(dev.jaxj.array.Index.slice(1, 5, 2));              // s_[1:5:2]
     * Index[] e = Jnp.s_(dev.jaxj.array.Index.ELLIPSIS, 0);               // s_[..., 0]
     * x.get(e);                                            // x[..., 0]
     * }
     */
    public static dev.jaxj.array.Index s_(Object entry) { return dev.jaxj.numpy.IndexHelpers.indexEntry(entry); }
    /** {@return the index entries}, NumPy's {@code s_[a, b, …]}, for {@link Array#get} and {@link Array#at} */
    public static dev.jaxj.array.Index[] s_(Object... entries) { return dev.jaxj.numpy.IndexHelpers.indexExp(entries); }
    /** {@return the index entries, always several}, NumPy's {@code index_exp[...]} */
    public static dev.jaxj.array.Index[] indexExp(Object... entries) { return dev.jaxj.numpy.IndexHelpers.indexExp(entries); }

    /**
     * A universal function, JAX's {@code jnp.ufunc}: an elementwise function of {@code nin}
     * arrays (1 or 2) with NumPy's ufunc methods, generic over the function: {@code reduce} and
     * {@code accumulate} scan along an axis, {@code outer} broadcasts, {@code at} applies the
     * function once per index, so that repeated indices compound.
     * {@snippet :
     * Jnp.Ufunc add = Jnp.Ufunc.of("add", Jnp::add, 0);
     * add.reduce(x, 0);                      // sum along axis 0
     * add.outer(a, b);                       // a[:, None] + b
     * add.at(x, idx, Jnp.ones(3));           // x with 1 added at each of idx, repeats adding up
     * }
     *
     * @param name     the name errors give
     * @param nin      the number of arguments, 1 or 2
     * @param func     the function of its {@code nin} arguments
     * @param identity the value of {@code reduce} over an empty axis, if any
     */
    public record Ufunc(String name, int nin, Function<Seq<Array>, Array> func, Option<Double> identity) {
        public Ufunc {
            requireNonNull(name, "name is null");
            requireNonNull(func, "func is null");
            requireNonNull(identity, "identity is null");
            if (nin != 1 && nin != 2) throw new dev.jaxj.errors.ArgumentError("ufunc", "nin must be 1 or 2, got " + nin + " for " + name);
        }
        /** {@return a unary ufunc} */
        public static Ufunc of(String name, UnaryOperator<Array> f) { return new Ufunc(name, 1, xs -> f.apply(xs.get(0)), Option.none()); }
        /** {@return a binary ufunc without an identity} */
        public static Ufunc of(String name, java.util.function.BinaryOperator<Array> f) { return new Ufunc(name, 2, xs -> f.apply(xs.get(0), xs.get(1)), Option.none()); }
        /** {@return a binary ufunc whose reduction over an empty axis is {@code identity}} */
        public static Ufunc of(String name, java.util.function.BinaryOperator<Array> f, double identity) { return new Ufunc(name, 2, xs -> f.apply(xs.get(0), xs.get(1)), Option.some(identity)); }
        /** {@return the function applied to its {@code nin} arguments} */
        public Array call(Array... args) { return dev.jaxj.numpy.UfuncMethods.call(this, args); }
        /** {@return {@code f(…f(a[0], a[1])…, a[n-1])} along axis 0} */
        public Array reduce(Array a) { return dev.jaxj.numpy.UfuncMethods.reduce(this, a, 0, false); }
        public Array reduce(Array a, int axis) { return dev.jaxj.numpy.UfuncMethods.reduce(this, a, axis, false); }
        public Array reduce(Array a, int axis, boolean keepdims) { return dev.jaxj.numpy.UfuncMethods.reduce(this, a, axis, keepdims); }
        /** {@return the running reduction along axis 0} */
        public Array accumulate(Array a) { return dev.jaxj.numpy.UfuncMethods.accumulate(this, a, 0); }
        public Array accumulate(Array a, int axis) { return dev.jaxj.numpy.UfuncMethods.accumulate(this, a, axis); }
        /** {@return {@code f} of every pair of elements: shape {@code a.shape ++ b.shape}} */
        public Array outer(Array a, Array b) { return dev.jaxj.numpy.UfuncMethods.outer(this, a, b); }
        /** {@return {@code a} with {@code a[i] = f(a[i], b[k])} for each {@code i = indices[k]} in turn} */
        public Array at(Array a, Array indices, Array b) { return dev.jaxj.numpy.UfuncMethods.at(this, a, indices, Option.some(b)); }
        /** {@return {@code a} with {@code a[i] = f(a[i])} for each {@code i} of {@code indices} in turn} (unary ufuncs) */
        public Array at(Array a, Array indices) { return dev.jaxj.numpy.UfuncMethods.at(this, a, indices, Option.none()); }
    }

    /**
     * {@return {@code f} vectorized over leading axes}: every argument's elements are its core
     * (JAX's {@code vectorize} without a signature), by nested {@link Jax#vmap}
     */
    public static Function<Seq<Array>, Array> vectorize(Function<Seq<Array>, Array> f) { return dev.jaxj.numpy.Vectorization.vectorize(f, Option.none()); }
    /**
     * {@return {@code f} vectorized over leading axes} with a generalized-ufunc signature naming
     * each argument's trailing core axes and the result's.
     * {@snippet :
     * var mv = Jnp.vectorize(xs -> Jnp.matmul(xs.get(0), xs.get(1)), "(m,n),(n)->(m)");
     * mv.apply(Vector.of(mats, vecs));   // mats: f32[8,3,4], vecs: f32[4] -> f32[8,3]
     * }
     */
    public static Function<Seq<Array>, Array> vectorize(Function<Seq<Array>, Array> f, String signature) { return dev.jaxj.numpy.Vectorization.vectorize(f, Option.some(signature)); }
    /** {@return a function of two arrays vectorized over leading axes by {@code signature}} */
    public static java.util.function.BinaryOperator<Array> vectorize(java.util.function.BinaryOperator<Array> f, String signature) {
        Function<Seq<Array>, Array> g = dev.jaxj.numpy.Vectorization.vectorize(xs -> f.apply(xs.get(0), xs.get(1)), Option.some(signature));
        return (a, b) -> g.apply(Vector.of(a, b));
    }

    // Complex numbers ---------------------------------------------------------------------------

    /** {@return the real part of {@code x}} ({@code jnp.real}): of the parts' dtype (f32 for c64); a real {@code x} itself */
    public static Array real(Array x) { return dev.jaxj.numpy.ComplexParts.real(x); }

    /** {@return the imaginary part of {@code x}} ({@code jnp.imag}): of the parts' dtype; zeros for a real {@code x} */
    public static Array imag(Array x) { return dev.jaxj.numpy.ComplexParts.imag(x); }

    /**
     * {@return the complex conjugate of {@code x}} ({@code jnp.conj}): its aval; a real {@code x} itself.
     *
     * <pre>{@code
     * Array z = Jnp.conj(Lax.complex(Jnp.array(1f), Jnp.array(2f)));   // c64: 1-2i
     * }</pre>
     */
    public static Array conj(Array x) { return dev.jaxj.numpy.ComplexParts.conj(x); }

    /** {@return the complex conjugate of {@code x}} ({@code jnp.conjugate}, an alias of {@link #conj}) */
    public static Array conjugate(Array x) { return conj(x); }

    /** {@return the argument {@code atan2(imag, real)} of {@code x} in radians} ({@code jnp.angle}): of the parts' floating dtype */
    public static Array angle(Array x) { return dev.jaxj.numpy.ComplexParts.angle(x, false); }

    /** {@return the argument of {@code x}, in degrees when {@code deg}} */
    public static Array angle(Array x, boolean deg) { return dev.jaxj.numpy.ComplexParts.angle(x, deg); }

    /** {@return whether {@code x}'s dtype is complex} ({@code jnp.iscomplexobj}) */
    public static boolean iscomplexobj(Array x) { return x.dtype().isComplex(); }

    /** {@return whether {@code x}'s dtype is not complex} ({@code jnp.isrealobj}) */
    public static boolean isrealobj(Array x) { return !iscomplexobj(x); }
}
