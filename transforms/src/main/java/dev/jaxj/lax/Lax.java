package dev.jaxj.lax;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * The primitives as functions, with {@code jax.lax}'s strictness: operands of binary ops must
 * already have equal shapes and dtypes (use {@code Jnp} or the fluent {@link Array} methods for
 * NumPy broadcasting and promotion). Every function binds exactly one primitive, so it works
 * the same eagerly and under every transform.
 * {@snippet :
 * Array y = Lax.add(Lax.sin(x), x);                 // x: f32[3] -> f32[3]
 * Array s = Lax.reduceSum(y, 0);                     // f32[]
 * }
 */
public final class Lax {
    private Lax() {}

    private static Array un(Primitive p, Array x) { return Bind.bind1(p, x); }

    private static Array bin(Primitive p, Array x, Array y) { return Bind.bind1(p, x, y); }

    // Unary -----------------------------------------------------------------------------------
    public static Array neg(Array x) { return un(new Neg(), x); }
    public static Array abs(Array x) { return un(new Abs(), x); }
    public static Array sign(Array x) { return un(new Sign(), x); }
    public static Array floor(Array x) { return un(new Floor(), x); }
    public static Array ceil(Array x) { return un(new Ceil(), x); }
    /** Rounds halves away from zero, as {@code lax.round}'s default. */
    public static Array round(Array x) { return un(new Round(RoundingMethod.AWAY_FROM_ZERO), x); }
    public static Array round(Array x, RoundingMethod method) { return un(new Round(method), x); }
    public static Array exp(Array x) { return un(new Exp(), x); }
    public static Array exp2(Array x) { return un(new Exp2(), x); }
    public static Array log(Array x) { return un(new Log(), x); }
    public static Array log1p(Array x) { return un(new Log1p(), x); }
    public static Array expm1(Array x) { return un(new Expm1(), x); }
    public static Array sqrt(Array x) { return un(new Sqrt(), x); }
    public static Array rsqrt(Array x) { return un(new Rsqrt(), x); }
    public static Array cbrt(Array x) { return un(new Cbrt(), x); }
    public static Array sin(Array x) { return un(new Sin(), x); }
    public static Array cos(Array x) { return un(new Cos(), x); }
    public static Array tan(Array x) { return un(new Tan(), x); }
    /**
     * {@return the arcsine}; for complex {@code x} the principal value, with the cuts on the real
     * axis beyond ±1 (asinh and atan: the imaginary axis beyond ±i; acos and atanh as asin; acosh
     * left of 1), a signed zero naming the side, as NumPy and C99.
     * {@snippet :
     * Lax.asin(z);   // c64[3] -> c64[3]; asin(2 + 0i) = π/2 + 1.317i, asin(2 - 0i) = π/2 - 1.317i
     * }
     */
    public static Array asin(Array x) { return un(new Asin(), x); }
    public static Array acos(Array x) { return un(new Acos(), x); }
    public static Array atan(Array x) { return un(new Atan(), x); }
    public static Array sinh(Array x) { return un(new Sinh(), x); }
    public static Array cosh(Array x) { return un(new Cosh(), x); }
    public static Array tanh(Array x) { return un(new Tanh(), x); }
    public static Array asinh(Array x) { return un(new Asinh(), x); }
    public static Array acosh(Array x) { return un(new Acosh(), x); }
    public static Array atanh(Array x) { return un(new Atanh(), x); }
    /** The logistic sigmoid {@code 1 / (1 + exp(-x))}. */
    public static Array logistic(Array x) { return un(new Logistic(), x); }
    public static Array erf(Array x) { return un(new Erf(), x); }
    public static Array erfc(Array x) { return un(new Erfc(), x); }
    public static Array erfInv(Array x) { return un(new ErfInv(), x); }
    public static Array lgamma(Array x) { return un(new Lgamma(), x); }
    public static Array digamma(Array x) { return un(new Digamma(), x); }
    public static Array isFinite(Array x) { return un(new IsFinite(), x); }
    public static Array not(Array x) { return un(new Not(), x); }
    /** {@code x ** y} for a static integer {@code y}. */
    public static Array integerPow(Array x, int y) { return un(new IntegerPow(y), x); }
    /** Converts to {@code dtype}, strongly typed. */
    public static Array convertElementType(Array x, DType dtype) { return convertElementType(x, dtype, false); }
    public static Array convertElementType(Array x, DType dtype, boolean weakType) {
        if (x.dtype() == dtype && x.weakType() == weakType) return x;
        return un(new ConvertElementType(dtype, weakType), x);
    }
    public static Array bitcastConvertType(Array x, DType dtype) { return un(new BitcastConvertType(dtype), x); }
    public static Array copy(Array x) { return un(new Copy(), x); }

    // Binary ----------------------------------------------------------------------------------
    public static Array add(Array x, Array y) { return bin(new Add(), x, y); }
    public static Array sub(Array x, Array y) { return bin(new Sub(), x, y); }
    public static Array mul(Array x, Array y) { return bin(new Mul(), x, y); }
    /** Division; integers round toward zero. */
    public static Array div(Array x, Array y) { return bin(new Div(), x, y); }
    /** Remainder with the dividend's sign (C's fmod). */
    public static Array rem(Array x, Array y) { return bin(new Rem(), x, y); }
    public static Array pow(Array x, Array y) { return bin(new Pow(), x, y); }
    /**
     * {@return the elementwise maximum}; NaN propagates. Complex numbers compare by real parts,
     * then by imaginary parts: {@code x} where it is greater, else {@code y}, as {@code lax.max}.
     * {@snippet :
     * Lax.max(x, y);   // c128[2] x c128[2] -> c128[2]; max(1+5i, 2-9i) = 2-9i, max(2-1i, 2+4i) = 2+4i
     * }
     */
    public static Array max(Array x, Array y) { return bin(new Max(), x, y); }
    /** {@return the elementwise minimum}; complex numbers as in {@link #max}. */
    public static Array min(Array x, Array y) { return bin(new Min(), x, y); }
    public static Array atan2(Array x, Array y) { return bin(new Atan2(), x, y); }
    public static Array nextafter(Array x, Array y) { return bin(new Nextafter(), x, y); }

    // Complex numbers -------------------------------------------------------------------------
    /** {@return {@code x + i y}} from f32 or f64 parts of equal shape: c64 or c128 ({@code lax.complex}) */
    public static Array complex(Array x, Array y) { return bin(new Complex(), x, y); }
    /** {@return the real parts of the complex {@code x}}: f32 for c64, f64 for c128 */
    public static Array real(Array x) { return un(new Real(), x); }
    /** {@return the imaginary parts of the complex {@code x}}: f32 for c64, f64 for c128 */
    public static Array imag(Array x) { return un(new Imag(), x); }
    /** {@return the complex conjugates of the complex {@code x}} */
    public static Array conj(Array x) { return un(new Conj(), x); }
    public static Array and(Array x, Array y) { return bin(new And(), x, y); }
    public static Array or(Array x, Array y) { return bin(new Or(), x, y); }
    public static Array xor(Array x, Array y) { return bin(new Xor(), x, y); }
    public static Array shiftLeft(Array x, Array y) { return bin(new ShiftLeft(), x, y); }
    public static Array shiftRightLogical(Array x, Array y) { return bin(new ShiftRightLogical(), x, y); }
    public static Array shiftRightArithmetic(Array x, Array y) { return bin(new ShiftRightArithmetic(), x, y); }
    public static Array eq(Array x, Array y) { return bin(new Eq(), x, y); }
    public static Array ne(Array x, Array y) { return bin(new Ne(), x, y); }
    public static Array lt(Array x, Array y) { return bin(new Lt(), x, y); }
    public static Array le(Array x, Array y) { return bin(new Le(), x, y); }
    public static Array gt(Array x, Array y) { return bin(new Gt(), x, y); }
    public static Array ge(Array x, Array y) { return bin(new Ge(), x, y); }

    /** {@code which ? onTrue : onFalse} elementwise ({@code lax.select}). */
    public static Array select(Array which, Array onTrue, Array onFalse) {
        return Bind.bind1(new SelectN(), which, onFalse, onTrue);
    }

    /** {@code cases[which]} elementwise. */
    public static Array selectN(Array which, Seq<Array> cases) {
        return Bind.bind(new SelectN(), cases.prepend(which)).head();
    }

    /** {@code min(max(x, lo), hi)}; bounds are scalars or shaped like {@code x}. */
    public static Array clamp(Array lo, Array x, Array hi) { return Bind.bind1(new Clamp(), lo, x, hi); }

    // Structural ------------------------------------------------------------------------------
    public static Array broadcastInDim(Array x, Shape shape, Seq<Integer> broadcastDimensions) {
        if (x.shape().equals(shape) && broadcastDimensions.equals(Vector.range(0, shape.rank()))) return x;
        return un(new BroadcastInDim(shape, broadcastDimensions), x);
    }
    public static Array reshape(Array x, Shape newSizes) {
        return x.shape().equals(newSizes) ? x : un(new Reshape(newSizes), x);
    }
    public static Array transpose(Array x, Seq<Integer> permutation) {
        return permutation.equals(Vector.range(0, x.ndim())) ? x : un(new Transpose(permutation), x);
    }
    public static Array squeeze(Array x, Seq<Integer> dimensions) {
        return dimensions.isEmpty() ? x : un(new Squeeze(dimensions), x);
    }
    public static Array expandDims(Array x, Seq<Integer> dimensions) {
        return dimensions.isEmpty() ? x : un(new ExpandDims(dimensions), x);
    }
    public static Array rev(Array x, Seq<Integer> dimensions) {
        return dimensions.isEmpty() ? x : un(new Rev(dimensions), x);
    }
    public static Array slice(Array x, Seq<Integer> start, Seq<Integer> limit, Seq<Integer> strides) {
        return un(new Slice(start, limit, strides), x);
    }
    /** A slice of static size starting at dynamic (clamped) indices, one integer scalar per axis. */
    public static Array dynamicSlice(Array x, Seq<Array> startIndices, Seq<Integer> sliceSizes) {
        return Bind.bind(new DynamicSlice(sliceSizes), startIndices.prepend(x)).head();
    }
    public static Array dynamicUpdateSlice(Array x, Array update, Seq<Array> startIndices) {
        return Bind.bind(new DynamicUpdateSlice(), startIndices.prepend(update).prepend(x)).head();
    }
    public static Array concatenate(Seq<Array> xs, int dimension) {
        return xs.size() == 1 ? xs.head() : Bind.bind(new Concatenate(dimension), xs).head();
    }
    public static Array pad(Array x, Array padValue, Seq<PadConfig> config) {
        return bin(new Pad(config), x, padValue);
    }
    public static Array iota(DType dtype, Shape shape, int dimension) {
        return Bind.bind(new Iota(dtype, shape, dimension), Vector.empty()).head();
    }
    public static Array gather(Array operand, Array indices, GatherDimensionNumbers dims, Seq<Integer> sliceSizes, GatherScatterMode mode) {
        return bin(new Gather(dims, sliceSizes, mode), operand, indices);
    }
    public static Array scatter(Array operand, Array indices, Array updates, ScatterDimensionNumbers dims, GatherScatterMode mode) {
        return Bind.bind1(new Scatter(dims, mode), operand, indices, updates);
    }
    public static Array scatterAdd(Array operand, Array indices, Array updates, ScatterDimensionNumbers dims, GatherScatterMode mode) {
        return Bind.bind1(new ScatterAdd(dims, mode), operand, indices, updates);
    }
    public static Array scatterMul(Array operand, Array indices, Array updates, ScatterDimensionNumbers dims, GatherScatterMode mode) {
        return Bind.bind1(new ScatterMul(dims, mode), operand, indices, updates);
    }
    public static Array scatterMin(Array operand, Array indices, Array updates, ScatterDimensionNumbers dims, GatherScatterMode mode) {
        return Bind.bind1(new ScatterMin(dims, mode), operand, indices, updates);
    }
    public static Array scatterMax(Array operand, Array indices, Array updates, ScatterDimensionNumbers dims, GatherScatterMode mode) {
        return Bind.bind1(new ScatterMax(dims, mode), operand, indices, updates);
    }

    // Reductions ------------------------------------------------------------------------------
    public static Array reduceSum(Array x, Seq<Integer> axes) { return axes.isEmpty() ? x : un(new ReduceSum(axes), x); }
    public static Array reduceSum(Array x, Integer... axes) { return reduceSum(x, Vector.of(axes)); }
    public static Array reduceProd(Array x, Seq<Integer> axes) { return axes.isEmpty() ? x : un(new ReduceProd(axes), x); }
    public static Array reduceMax(Array x, Seq<Integer> axes) { return axes.isEmpty() ? x : un(new ReduceMax(axes), x); }
    public static Array reduceMin(Array x, Seq<Integer> axes) { return axes.isEmpty() ? x : un(new ReduceMin(axes), x); }
    public static Array reduceAnd(Array x, Seq<Integer> axes) { return axes.isEmpty() ? x : un(new ReduceAnd(axes), x); }
    public static Array reduceOr(Array x, Seq<Integer> axes) { return axes.isEmpty() ? x : un(new ReduceOr(axes), x); }
    public static Array argmax(Array x, int axis, DType indexDtype) { return un(new Argmax(axis, indexDtype), x); }
    public static Array argmin(Array x, int axis, DType indexDtype) { return un(new Argmin(axis, indexDtype), x); }
    public static Array cumsum(Array x, int axis, boolean reverse) { return un(new Cumsum(axis, reverse), x); }
    public static Array cumprod(Array x, int axis, boolean reverse) { return un(new Cumprod(axis, reverse), x); }
    public static Array cummax(Array x, int axis, boolean reverse) { return un(new Cummax(axis, reverse), x); }
    public static Array cummin(Array x, int axis, boolean reverse) { return un(new Cummin(axis, reverse), x); }

    // Contractions and windows ----------------------------------------------------------------
    public static Array dotGeneral(Array lhs, Array rhs, DotDimensionNumbers dims) {
        return bin(new DotGeneral(dims, Option.none()), lhs, rhs);
    }
    public static Array dotGeneral(Array lhs, Array rhs, DotDimensionNumbers dims, Option<DType> preferredElementType) {
        return bin(new DotGeneral(dims, preferredElementType), lhs, rhs);
    }
    public static Array convGeneralDilated(Array lhs, Array rhs, Seq<Integer> windowStrides, Seq<Padding> padding,
                                           Seq<Integer> lhsDilation, Seq<Integer> rhsDilation, ConvDimensionNumbers dims,
                                           int featureGroupCount, int batchGroupCount) {
        return bin(new ConvGeneralDilated(windowStrides, padding, lhsDilation, rhsDilation, dims, featureGroupCount,
                batchGroupCount, Option.none()), lhs, rhs);
    }
    public static Array reduceWindowSum(Array x, WindowConfig window) { return un(new ReduceWindowSum(window), x); }
    public static Array reduceWindowMax(Array x, WindowConfig window) { return un(new ReduceWindowMax(window), x); }
    public static Array reduceWindowMin(Array x, WindowConfig window) { return un(new ReduceWindowMin(window), x); }

    /** Sorts {@code operands} together along {@code dimension} by the first {@code numKeys} of them. */
    public static Seq<Array> sort(Seq<Array> operands, int dimension, boolean isStable, int numKeys) {
        return Bind.bind(new Sort(dimension, isStable, numKeys), operands);
    }

    /** Threefry-2x32 of the counters {@code (x0, x1)} under the key {@code (key0, key1)}; all u32 of one shape. */
    public static Seq<Array> threefry2x32(Array key0, Array key1, Array x0, Array x1) {
        return Bind.bind(new Threefry2x32(), Vector.of(key0, key1, x0, x1));
    }

    // Cholesky, LU, triangular solves ----------------------------------------------------------

    /**
     * {@return the lower Cholesky factor of {@code a [..., n, n]}}, of its symmetric part
     * {@code (a + a^T) / 2} as JAX's {@code lax.linalg.cholesky} with its default
     * {@code symmetrize_input=True}; the upper triangle of the result is zero, and it is all NaN
     * where {@code a} is not positive definite.
     * {@snippet :
     * Array l = Lax.cholesky(Jnp.array(new double[][] {{4, 2}, {2, 3}}));   // [[2, 0], [1, 1.414]]
     * }
     */
    public static Array cholesky(Array a) { return cholesky(a, true); }

    /** {@return the lower Cholesky factor of {@code (a + a^T) / 2} when {@code symmetrizeInput}}, else of the matrix that {@code a}'s lower triangle defines */
    public static Array cholesky(Array a, boolean symmetrizeInput) { return un(new Cholesky(symmetrizeInput), a); }

    /**
     * {@return {@code lu, pivots, permutation}} of {@code a [..., m, n]} ({@code lu_p}): LU with
     * partial pivoting, {@code a[permutation] = L U}; pivots and permutation are i32.
     */
    public static Seq<Array> lu(Array a) { return Bind.bind(new Lu(), Vector.of(a)); }

    /**
     * {@return {@code x} solving {@code op(a) x = b} ({@code leftSide}) or {@code x op(a) = b}}
     * for triangular {@code a [..., k, k]}, as {@code lax.linalg.triangular_solve}.
     */
    public static Array triangularSolve(Array a, Array b, boolean leftSide, boolean lower, boolean transposeA,
                                        boolean conjugateA, boolean unitDiagonal) {
        return bin(new TriangularSolve(leftSide, lower, transposeA, conjugateA, unitDiagonal), a, b);
    }

    // QR, symmetric eigendecomposition, SVD -------------------------------------------------

    /**
     * The QR decomposition of {@code x [..., m, n]}, as JAX's {@code lax.linalg.qr}: {@code (q, r)}
     * with {@code q [..., m, k]}, {@code r [..., k, n]}, {@code k = m} if {@code fullMatrices} else
     * {@code min(m, n)}.
     */
    public static Seq<Array> qr(Array x, boolean fullMatrices) {
        return Bind.bind(new Qr(fullMatrices), Vector.of(x));
    }

    /**
     * The eigendecomposition of symmetric {@code x [..., n, n]}, as JAX's {@code lax.linalg.eigh}
     * with {@code symmetrize_input=False}: {@code (v, w)}, eigenvectors in the columns of
     * {@code v} and eigenvalues {@code w}; only the {@code lower} (or upper) triangle is read.
     */
    public static Seq<Array> eigh(Array x, boolean lower, boolean sortEigenvalues) {
        return Bind.bind(new Eigh(lower, sortEigenvalues), Vector.of(x));
    }

    /**
     * The singular value decomposition of {@code x [..., m, n]} as JAX's {@code svd_p}:
     * {@code (s, u, vt)}, or {@code (s)} without {@code computeUv}; {@code s} descends.
     * ({@code lax.linalg.svd} returns these as {@code (u, s, vt)}.)
     */
    public static Seq<Array> svd(Array x, boolean fullMatrices, boolean computeUv) {
        return Bind.bind(new Svd(fullMatrices, computeUv), Vector.of(x));
    }

    /**
     * The eigendecomposition of general square matrices {@code x [..., n, n]} (f32, f64, c64 or
     * c128), as JAX's {@code lax.linalg.eig}: the eigenvalues {@code w [..., n]}, then the left
     * eigenvectors {@code vl} ({@code vl[..., :, k]^H x = w[..., k] vl[..., :, k]^H}) when
     * {@code computeLeftEigenvectors} and the right ones {@code vr} ({@code x vr[..., :, k] =
     * w[..., k] vr[..., :, k]}) when {@code computeRightEigenvectors}, all complex (c64 for 32-bit
     * operands, else c128), each eigenvector of unit norm with its largest component real. A
     * matrix whose iteration fails gives NaNs. Derivatives: of the eigenvalues always; of the
     * eigenvectors only with {@code enableEigvecDerivs}, and only valid for distinct eigenvalues.
     */
    public static Seq<Array> eig(Array x, boolean computeLeftEigenvectors, boolean computeRightEigenvectors, boolean enableEigvecDerivs) {
        return Bind.bind(new Eig(computeLeftEigenvectors, computeRightEigenvectors, enableEigvecDerivs), Vector.of(x));
    }

    /** {@return {@code (w, vl, vr)}}: {@link #eig(Array, boolean, boolean, boolean)} with JAX's defaults (both sides, no eigenvector derivatives) */
    public static Seq<Array> eig(Array x) { return eig(x, true, true, false); }

    /** {@return {@code x}, with a zero derivative: gradients do not flow through it} */
    public static Array stopGradient(Array x) {
        return x.dtype().isFloating() ? Bind.bind1(new StopGradient(), x) : x;
    }

    // Control flow ----------------------------------------------------------------------------

    /**
     * {@code trueFun(operand)} if {@code pred} holds, else {@code falseFun(operand)}, as
     * {@code lax.cond}: both branches are traced and staged, the predicate picks one at run time
     * (under {@code vmap} with a batched predicate, both run and each example takes its own).
     * Branches must return the same pytree structure and avals; what they capture becomes operands.
     * {@snippet :
     * Array y = Lax.cond(x.sum().gt(0.0), v -> v.mul(2.0), v -> v.neg(), x);   // f32[3] -> f32[3]
     * }
     *
     * @param pred a bool scalar, or an integer scalar meaning {@code pred != 0}
     * @throws dev.jaxj.errors.ControlFlowTypeError when the branches' results differ in structure or avals
     */
    public static <O, R> R cond(Array pred, java.util.function.Function<O, R> trueFun, java.util.function.Function<O, R> falseFun, O operand) {
        return Control.cond(pred, trueFun, falseFun, operand);
    }

    /**
     * {@code branches[index](operand)}, as {@code lax.switch}: the index (an integer scalar) is
     * clamped to {@code [0, n-1]}.
     * {@snippet :
     * Array y = Lax.switchCase(k, Vector.of(Lax::sin, Lax::cos, Lax::tanh), x);
     * }
     */
    public static <O, R> R switchCase(Array index, Seq<java.util.function.Function<O, R>> branches, O operand) {
        return Control.switchCase(index, branches, operand);
    }

    /**
     * Repeats {@code carry = bodyFun(carry)} while {@code condFun(carry)} (a bool scalar) holds,
     * as {@code lax.while_loop}; the carry is any pytree of arrays and keeps its structure and
     * avals. Differentiable in forward mode; for reverse mode give a bound with
     * {@link #whileLoop(java.util.function.Function, java.util.function.Function, Object, int)}.
     * {@snippet :
     * Array n = Lax.whileLoop(i -> i.lt(10), i -> i.add(1), Jnp.array(0));   // i32[] 10
     * }
     */
    public static <C> C whileLoop(java.util.function.Function<C, Array> condFun, java.util.function.Function<C, C> bodyFun, C init) {
        return Control.whileLoop(condFun, bodyFun, init, Primitive.While.UNBOUNDED);
    }

    /**
     * Like {@link #whileLoop(java.util.function.Function, java.util.function.Function, Object)}, stopping after at most
     * {@code maxSteps} iterations — which makes the loop differentiable in reverse mode: its
     * gradient runs as a scan over {@code maxSteps} steps, those after the predicate fails
     * leaving the carry unchanged.
     */
    public static <C> C whileLoop(java.util.function.Function<C, Array> condFun, java.util.function.Function<C, C> bodyFun, C init, int maxSteps) {
        return Control.whileLoop(condFun, bodyFun, init, maxSteps);
    }

    /**
     * {@code for (i = lower; i < upper; i++) carry = body(i, carry)}, as {@code lax.fori_loop}:
     * {@code i} is a traced i32 scalar. Static bounds make it a {@link #scan} of
     * {@code upper - lower} steps, differentiable in both modes.
     * {@snippet :
     * Array s = Lax.foriLoop(0, 10, (i, acc) -> acc.add(i), Jnp.array(0));   // i32[] 45
     * }
     */
    public static <C> C foriLoop(int lower, int upper, java.util.function.BiFunction<Array, C, C> body, C init) {
        return Control.foriLoop(lower, upper, body, init);
    }

    /** {@link #foriLoop(int, int, java.util.function.BiFunction, Object)} with traced bounds (integer scalars): a while loop. */
    public static <C> C foriLoop(Array lower, Array upper, java.util.function.BiFunction<Array, C, C> body, C init) {
        return Control.foriLoop(lower, upper, body, init);
    }

    /**
     * Scans {@code f} over the leading axis of {@code xs}, threading a carry, as {@code lax.scan}:
     * {@code (carry, y_i) = f(carry, x_i)}; returns the final carry and the {@code y_i} stacked.
     * The body is traced once and stays a loop under {@code jit}, {@code grad} and {@code vmap}.
     * {@snippet :
     * // cumulative sum of xs: f32[5] -> (f32[], f32[5])
     * var r = Lax.scan((Array c, Array x) -> Tuple.of(c.add(x), c.add(x)), Jnp.array(0f), xs);
     * }
     *
     * @param xs a pytree of arrays with one leading axis length, or null with {@link ScanOptions#length(int)}
     * @throws dev.jaxj.errors.ControlFlowTypeError when the body changes the carry's structure or avals
     */
    public static <C, X, Y> ScanResult<C, Y> scan(java.util.function.BiFunction<C, X, io.vavr.Tuple2<C, Y>> f, C init, X xs) {
        return Control.scan(f, init, xs, ScanOptions.DEFAULT);
    }

    /** {@link #scan(java.util.function.BiFunction, Object, Object)} with a length, reverse order or unrolling. */
    public static <C, X, Y> ScanResult<C, Y> scan(java.util.function.BiFunction<C, X, io.vavr.Tuple2<C, Y>> f, C init, X xs, ScanOptions options) {
        return Control.scan(f, init, xs, options);
    }

    /** {@code f} applied to each slice of {@code xs} along its leading axis, results stacked, as {@code lax.map} (a scan). */
    public static <X, Y> Y map(java.util.function.Function<X, Y> f, X xs) {
        return Control.map(f, xs);
    }

    /**
     * {@code f} marked for rematerialization, as {@code jax.checkpoint}: the same values and
     * derivatives, but reverse mode saves only what {@code policy} allows from inside {@code f}
     * and recomputes the rest in the backward pass — less memory for more compute.
     * {@snippet :
     * Function<Array, Array> block = Lax.checkpoint(x -> Lax.tanh(x.matmul(w)), CheckpointPolicy.nothingSaveable());
     * }
     */
    public static <P, R> java.util.function.Function<P, R> checkpoint(java.util.function.Function<P, R> f, dev.jaxj.ir.CheckpointPolicy policy) {
        return Control.checkpoint(f, policy);
    }

    // The rest of jax.lax, composed from the primitives above (reduce_precision is its own) -----
    // Each binds primitives only, so derivatives, batching and compilation come from their rules.

    /** {@code x * x} ({@code lax.square}). */
    public static Array square(Array x) { return integerPow(x, 2); }

    /** {@code 1 / x} ({@code lax.reciprocal}). */
    public static Array reciprocal(Array x) { return integerPow(x, -1); }

    /** {@code x} with {@code sizes} prepended to its shape: {@code f32[3]}, {@code (2, 4)} → {@code f32[2,4,3]}. */
    public static Array broadcast(Array x, Seq<Integer> sizes) { return LaxShaping.broadcast(x, sizes); }

    /** {@return the NumPy broadcast of {@code shapes}}, as {@code lax.broadcast_shapes}: {@code (3, 1), (4)} → {@code (3, 4)} */
    public static Shape broadcastShapes(Shape... shapes) {
        return dev.jaxj.array.NumpyOps.broadcastShapes("broadcast_shapes", Vector.of(shapes));
    }

    /** {@code x} with leading axes of size 1 added up to {@code rank} (unchanged when it has that many). */
    public static Array broadcastToRank(Array x, int rank) { return LaxShaping.broadcastToRank(x, rank); }

    /** The indices along {@code dimension} of an array of {@code shape}: {@code (i32, (2, 3), 1)} → {@code [[0,1,2],[0,1,2]]}. */
    public static Array broadcastedIota(DType dtype, Shape shape, int dimension) {
        return iota(dtype, shape, dev.jaxj.array.NumpyOps.normalizeAxis("broadcasted_iota", dimension, shape.rank()));
    }

    /** Axes {@code [start, x.ndim)} merged into one: {@code f32[2,3,4]}, 1 → {@code f32[2,12]}. */
    public static Array collapse(Array x, int startDimension) { return LaxShaping.collapse(x, startDimension, x.ndim()); }

    /** Axes {@code [start, stop)} merged into one; negative axes count from the end. */
    public static Array collapse(Array x, int startDimension, int stopDimension) { return LaxShaping.collapse(x, startDimension, stopDimension); }

    /** An array of {@code shape} filled with the scalar {@code fillValue}, of its dtype and weak type. */
    public static Array full(Shape shape, Array fillValue) { return LaxShaping.full(shape, fillValue); }

    /** An array of {@code shape} and {@code dtype} filled with {@code fillValue}. */
    public static Array full(Shape shape, double fillValue, DType dtype) {
        return LaxShaping.full(shape, Array.scalar(fillValue, dtype));
    }

    /** An array shaped and typed like {@code x} (weak type included) filled with {@code fillValue}. */
    public static Array fullLike(Array x, double fillValue) { return dev.jaxj.array.NumpyOps.fullLike(x, fillValue); }

    /** An array shaped like {@code x}, of {@code dtype}, filled with {@code fillValue}. */
    public static Array fullLike(Array x, double fillValue, DType dtype) { return full(x.shape(), fillValue, dtype); }

    /** A scalar of {@code dtype} whose value the caller must not rely on ({@code lax.empty}); jaxj gives zero. */
    public static Array empty(DType dtype) { return Array.scalar(0.0, dtype); }

    /** {@code x[start:limit:stride]} along {@code axis}; negative bounds count from the end. */
    public static Array sliceInDim(Array x, int start, int limit, int stride, int axis) { return LaxShaping.sliceInDim(x, start, limit, stride, axis); }

    /** {@code x[index]} along {@code axis}, the axis kept with size 1 when {@code keepdims} (JAX's default). */
    public static Array indexInDim(Array x, int index, int axis, boolean keepdims) { return LaxShaping.indexInDim(x, index, axis, keepdims); }

    /** {@code sliceSize} elements from the traced {@code start} along {@code axis} (clamped into bounds). */
    public static Array dynamicSliceInDim(Array x, Array start, int sliceSize, int axis) { return LaxShaping.dynamicSliceInDim(x, start, sliceSize, axis); }

    /** The element at the traced {@code index} along {@code axis} (clamped), the axis kept when {@code keepdims}. */
    public static Array dynamicIndexInDim(Array x, Array index, int axis, boolean keepdims) { return LaxShaping.dynamicIndexInDim(x, index, axis, keepdims); }

    /** {@code x} with {@code update} written from the traced {@code start} along {@code axis}. */
    public static Array dynamicUpdateSliceInDim(Array x, Array update, Array start, int axis) { return LaxShaping.dynamicUpdateSliceInDim(x, update, start, axis); }

    /** {@code x} with {@code update} (with or without the size-1 axis) written at the traced {@code index} along {@code axis}. */
    public static Array dynamicUpdateIndexInDim(Array x, Array update, Array index, int axis) { return LaxShaping.dynamicUpdateIndexInDim(x, update, index, axis); }

    /** {@code x} cut along {@code axis} into pieces of {@code sizes}, which must sum to the axis' size. */
    public static Seq<Array> split(Array x, Seq<Integer> sizes, int axis) { return LaxShaping.split(x, sizes, axis); }

    /**
     * {@code src[idxs[0][i], idxs[1][i], …]} on {@code axes} for each {@code i} ({@code lax.index_take}):
     * {@code f32[5,6,7]}, two {@code i32[4]} on axes {@code (0, 2)} → {@code f32[4,6]}; indices wrap modulo the axis size.
     */
    public static Array indexTake(Array src, Seq<Array> idxs, Seq<Integer> axes) { return LaxShaping.indexTake(src, idxs, axes); }

    /** {@code operand} with {@code updates} subtracted at {@code indices} ({@code lax.scatter_sub}): a scatter-add of {@code -updates}. */
    public static Array scatterSub(Array operand, Array indices, Array updates, ScatterDimensionNumbers dims, GatherScatterMode mode) {
        return scatterAdd(operand, indices, neg(updates), dims, mode);
    }

    /** The number of set bits of each element (i32, u32 or i64), bit-exact. */
    public static Array populationCount(Array x) { return LaxBits.populationCount(x); }

    /** The number of leading zero bits of each element (i32, u32 or i64), bit-exact: {@code clz(1) == 31} in i32. */
    public static Array clz(Array x) { return LaxBits.clz(x); }

    /**
     * {@code x} rounded to a float format with {@code exponentBits} and {@code mantissaBits},
     * bit-exact as XLA's {@code ReducePrecision}: {@code (8, 7)} rounds to bfloat16's values,
     * {@code (5, 10)} to float16's normal range (smaller values flush to a signed zero).
     * Differentiable: the tangent is rounded the same way.
     */
    public static Array reducePrecision(Array x, int exponentBits, int mantissaBits) { return un(new ReducePrecision(exponentBits, mantissaBits), x); }

    /**
     * Reduces {@code dimensions} of {@code x} with the binary {@code computation}, starting from
     * {@code initValue} ({@code lax.reduce}). A computation that is one add, mul, max, min, and
     * or of its arguments binds that reduction primitive; any other must be associative and
     * elementwise on arrays, and runs as a balanced tree of its applications.
     * {@snippet :
     * Array s = Lax.reduce(x, Lax.full(Shape.SCALAR, 0, DType.F32), Lax::add, Vector.of(1));   // f32[3,4] -> f32[3]
     * }
     */
    public static Array reduce(Array x, Array initValue, java.util.function.BinaryOperator<Array> computation, Seq<Integer> dimensions) {
        return LaxReductions.reduce(x, initValue, computation, dimensions);
    }

    /** Variadic {@code lax.reduce}: several operands of one shape reduced together (e.g. a value and its index). */
    public static Seq<Array> reduce(Seq<Array> xs, Seq<Array> initValues,
                                    java.util.function.BiFunction<Seq<Array>, Seq<Array>, Seq<Array>> computation, Seq<Integer> dimensions) {
        return LaxReductions.reduce(xs, initValues, computation, dimensions);
    }

    /** Bitwise xor over {@code dimensions} (integers and bools). */
    public static Array reduceXor(Array x, Seq<Integer> dimensions) { return LaxReductions.reduceXor(x, dimensions); }

    /** {@code log(cumsum(exp(x)))} along {@code axis}, computed stably. */
    public static Array cumlogsumexp(Array x, int axis, boolean reverse) { return LaxReductions.cumlogsumexp(x, axis, reverse); }

    /**
     * The inclusive scan of an associative {@code fn} over a pytree of arrays along {@code axis}
     * ({@code lax.associative_scan}), in {@code O(log n)} depth: {@code fn(a, b)} receives
     * slices with {@code a} the earlier elements (from the end when {@code reverse}).
     * {@snippet :
     * Array c = Lax.associativeScan(Lax::add, x, false, 0);   // cumsum: f32[5] -> f32[5]
     * }
     */
    public static <T> T associativeScan(java.util.function.BinaryOperator<T> fn, T elems, boolean reverse, int axis) {
        return LaxReductions.associativeScan(fn, elems, reverse, axis);
    }

    /** {@code (keys, values)} sorted together by {@code keys} along {@code dimension}. */
    public static Seq<Array> sortKeyVal(Array keys, Array values, int dimension, boolean isStable) {
        return LaxSorting.sortKeyVal(keys, values, dimension, isStable);
    }

    /**
     * The {@code k} largest entries along the last axis, largest first, and their i32 indices
     * ({@code lax.top_k}); equal entries keep index order. Differentiable in the values.
     * {@snippet :
     * Seq<Array> vi = Lax.topK(x, 2);   // f32[3,5] -> (f32[3,2], i32[3,2])
     * }
     */
    public static Seq<Array> topK(Array x, int k) { return LaxSorting.topK(x, k); }

    /** {@code lax.approx_max_k}: the {@code k} largest along {@code reductionDimension} and their indices; exact on the CPU. */
    public static Seq<Array> approxMaxK(Array x, int k, int reductionDimension, double recallTarget) {
        return LaxSorting.approxK("approx_max_k", x, k, reductionDimension, recallTarget, true);
    }

    /** {@code lax.approx_min_k}: the {@code k} smallest along {@code reductionDimension} and their indices; exact on the CPU. */
    public static Seq<Array> approxMinK(Array x, int k, int reductionDimension, double recallTarget) {
        return LaxSorting.approxK("approx_min_k", x, k, reductionDimension, recallTarget, false);
    }

    /** Vector or matrix product ({@code lax.dot}): ranks 1 or 2, contracting the last axis of {@code lhs} with the first of {@code rhs}. */
    public static Array dot(Array lhs, Array rhs) { return LaxContractions.dot(lhs, rhs); }

    /** Batched matrix product of operands of one rank {@code >= 2}: {@code f32[b,m,k] x f32[b,k,n] -> f32[b,m,n]}. */
    public static Array batchMatmul(Array lhs, Array rhs) { return LaxContractions.batchMatmul(lhs, rhs); }

    /**
     * Grouped matrix product ({@code lax.ragged_dot}): rows of {@code lhs[m,k]} in consecutive
     * groups of {@code groupSizes[g]} multiply {@code rhs[g]} of {@code rhs[g,k,n]}; result {@code [m,n]}.
     */
    public static Array raggedDot(Array lhs, Array rhs, Array groupSizes) { return LaxContractions.raggedDot(lhs, rhs, groupSizes); }

    /**
     * Generalised ragged matrix product ({@code lax.ragged_dot_general}). The lhs ragged axis is cut into
     * consecutive groups of {@code groupSizes[g]} (i32 or other integers, shape {@code [g]}); positions past the
     * last group belong to none. Three modes, by the kind of the ragged axis:
     * free ({@code [b,m,k] × [g,b,k,n] → [b,m,n]}: each position uses its group's slice of the rhs group axis),
     * contracting ({@code [b,m,k] × [b,k,n] → [g,b,m,n]}: each group contracts its own span of k) and
     * batch ({@code → [b,m,n]}, positions outside the groups giving zeros). Differentiable and batchable, as
     * {@link #raggedDot}, of which it is the general form. JAX also takes group sizes shaped
     * {@code [b..., x..., g]}; jaxj takes {@code [g]}, which JAX broadcasts.
     * {@snippet :
     * var dn = new RaggedDotDimensionNumbers(new DotDimensionNumbers(Vector.of(1), Vector.of(1), Vector.empty(), Vector.empty()),
     *         Vector.of(0), Vector.of(0));
     * Array y = Lax.raggedDotGeneral(lhs, rhs, sizes, dn, Option.none()); // f32[m,k], f32[g,k,n], i32[g] -> f32[m,n]
     * }
     * @throws dev.jaxj.errors.ShapeError when the axes do not fit the mode, or {@code groupSizes} is not {@code [g]}
     * @throws dev.jaxj.errors.DTypeError when {@code groupSizes} is not an integer array
     */
    public static Array raggedDotGeneral(Array lhs, Array rhs, Array groupSizes, RaggedDotDimensionNumbers dimensionNumbers,
                                         Option<DType> preferredElementType) {
        return RaggedDot.raggedDotGeneral(lhs, rhs, groupSizes, dimensionNumbers, preferredElementType);
    }

    /**
     * Block-scaled {@code dot_general} ({@code lax.scaled_dot}): {@code (lhs * lhsScale) @ (rhs * rhsScale)}.
     * Each scale has its operand's rank and size, except on a contracting axis, where its size divides the
     * operand's and each scale covers that many consecutive elements (a subchannel). Computed in
     * {@code preferredElementType} (else the operands' promoted dtype); the result is {@code dot_general}'s:
     * batch axes, then lhs free axes, then rhs free axes. jaxj has no fp8 types: operands and scales are
     * any floating dtype. Not differentiable, as in JAX (which has no transpose rule for it).
     * {@snippet :
     * // lhs f32[2,64], rhs f32[64,3]; one scale per 32 contracted elements
     * Array y = Lax.scaledDot(lhs, rhs, lhsScale, rhsScale, // f32[2,2], f32[2,3]
     *         new DotDimensionNumbers(Vector.of(1), Vector.of(0), Vector.empty(), Vector.empty()), Option.none()); // f32[2,3]
     * }
     * @throws dev.jaxj.errors.ShapeError when a scale's rank or sizes do not fit its operand
     * @throws dev.jaxj.errors.DTypeError for non-floating operands or scales
     * @throws dev.jaxj.errors.NotDifferentiable when differentiated
     */
    public static Array scaledDot(Array lhs, Array rhs, Array lhsScale, Array rhsScale, DotDimensionNumbers dimensionNumbers,
                                  Option<DType> preferredElementType) {
        return ScaledDot.scaledDot(lhs, rhs, lhsScale, rhsScale, dimensionNumbers, preferredElementType);
    }

    /** Layouts from letter specs ({@code lax.conv_dimension_numbers}): e.g. {@code ("NHWC", "HWIO", "NHWC")} for rank 4. */
    public static ConvDimensionNumbers convDimensionNumbers(int rank, String lhsSpec, String rhsSpec, String outSpec) {
        return LaxContractions.dimensionNumbers(rank, lhsSpec, rhsSpec, outSpec);
    }

    /** Convolution of {@code NCHW…} inputs with {@code OIHW…} kernels ({@code lax.conv}), named padding. */
    public static Array conv(Array lhs, Array rhs, Seq<Integer> windowStrides, PaddingType padding) {
        ConvDimensionNumbers dn = ConvDimensionNumbers.channelsFirst(lhs.ndim() - 2);
        Seq<Integer> one = LaxContractions.ones(windowStrides.size());
        return conv(lhs, rhs, windowStrides, LaxContractions.pads(padding, lhs, rhs, windowStrides, one, dn));
    }

    /** Convolution of {@code NCHW…} inputs with {@code OIHW…} kernels ({@code lax.conv}), explicit pads. */
    public static Array conv(Array lhs, Array rhs, Seq<Integer> windowStrides, Seq<Padding> padding) {
        Seq<Integer> one = LaxContractions.ones(windowStrides.size());
        return LaxContractions.conv(lhs, rhs, windowStrides, padding, one, one, ConvDimensionNumbers.channelsFirst(lhs.ndim() - 2));
    }

    /** {@code lax.conv_with_general_padding}: channel-first convolution with pads and both dilations. */
    public static Array convWithGeneralPadding(Array lhs, Array rhs, Seq<Integer> windowStrides, Seq<Padding> padding,
                                               Seq<Integer> lhsDilation, Seq<Integer> rhsDilation) {
        return LaxContractions.conv(lhs, rhs, windowStrides, padding, lhsDilation, rhsDilation, ConvDimensionNumbers.channelsFirst(lhs.ndim() - 2));
    }

    /**
     * Transposed convolution ({@code lax.conv_transpose}) with JAX's channel-last defaults
     * ({@code NHWC} inputs, {@code HWIO} kernels): the input is dilated by {@code strides}.
     * {@snippet :
     * Array y = Lax.convTranspose(x, k, Vector.of(2, 2), PaddingType.SAME, false);   // f32[1,4,4,3], f32[3,3,3,8] -> f32[1,8,8,8]
     * }
     */
    public static Array convTranspose(Array lhs, Array rhs, Seq<Integer> strides, PaddingType padding, boolean transposeKernel) {
        ConvDimensionNumbers dn = LaxContractions.transposeDefault(lhs.ndim());
        return convTranspose(lhs, rhs, strides, padding, LaxContractions.ones(strides.size()), dn, transposeKernel);
    }

    /** {@code lax.conv_transpose} with a kernel dilation and layouts. */
    public static Array convTranspose(Array lhs, Array rhs, Seq<Integer> strides, PaddingType padding, Seq<Integer> rhsDilation,
                                      ConvDimensionNumbers dims, boolean transposeKernel) {
        Seq<Padding> pads = LaxContractions.transposePads(padding, rhs, strides, rhsDilation, dims);
        return LaxContractions.convTranspose(lhs, rhs, strides, pads, rhsDilation, dims, transposeKernel);
    }

    /** {@code lax.conv_transpose} with explicit pads (of the dilated input), a kernel dilation and layouts. */
    public static Array convTranspose(Array lhs, Array rhs, Seq<Integer> strides, Seq<Padding> padding, Seq<Integer> rhsDilation,
                                      ConvDimensionNumbers dims, boolean transposeKernel) {
        return LaxContractions.convTranspose(lhs, rhs, strides, padding, rhsDilation, dims, transposeKernel);
    }

    /**
     * The patches a convolution with a {@code filterShape} window sees, as features
     * ({@code lax.conv_general_dilated_patches}): channel-first {@code f32[n,c,h,w]} with a
     * {@code (kh, kw)} filter gives {@code f32[n, c*kh*kw, oh, ow]}, feature {@code c*kh*kw + i*kw + j}
     * being channel {@code c} at window offset {@code (i, j)}.
     */
    public static Array convGeneralDilatedPatches(Array lhs, Seq<Integer> filterShape, Seq<Integer> windowStrides, PaddingType padding) {
        ConvDimensionNumbers dn = ConvDimensionNumbers.channelsFirst(filterShape.size());
        Seq<Integer> one = LaxContractions.ones(filterShape.size());
        Seq<Integer> in = Vector.range(0, filterShape.size()).map(d -> lhs.ndim() > d + 2 ? lhs.shape().dim(d + 2) : 0);
        return convGeneralDilatedPatches(lhs, filterShape, windowStrides, padding.pads("conv_general_dilated_patches", in, filterShape, windowStrides), one, one, dn);
    }

    /** {@code lax.conv_general_dilated_patches} with pads, dilations and layouts (the rhs spec lays out the one-hot kernel). */
    public static Array convGeneralDilatedPatches(Array lhs, Seq<Integer> filterShape, Seq<Integer> windowStrides, Seq<Padding> padding,
                                                  Seq<Integer> lhsDilation, Seq<Integer> rhsDilation, ConvDimensionNumbers dims) {
        return LaxContractions.patches(lhs, filterShape, windowStrides, padding, lhsDilation, rhsDilation, dims);
    }

    /**
     * Reduces each window of {@code x} with the binary {@code computation} from {@code initValue}
     * ({@code lax.reduce_window}); padding and base dilation are filled with the init value.
     * Add, max and min with their identity bind the window primitives; other computations must
     * be associative and elementwise on arrays.
     * {@snippet :
     * Array m = Lax.reduceWindow(x, Lax.full(Shape.SCALAR, Double.NEGATIVE_INFINITY, DType.F32), Lax::max,
     *         Vector.of(2, 2), Vector.of(2, 2), PaddingType.VALID);   // f32[4,6] -> f32[2,3]
     * }
     */
    public static Array reduceWindow(Array x, Array initValue, java.util.function.BinaryOperator<Array> computation, Seq<Integer> windowDimensions,
                                     Seq<Integer> windowStrides, Seq<Padding> padding, Seq<Integer> baseDilation, Seq<Integer> windowDilation) {
        return LaxReductions.reduceWindow(x, initValue, computation, new WindowConfig(windowDimensions, windowStrides, padding, baseDilation, windowDilation));
    }

    /** {@code lax.reduce_window} with a named padding, no dilations. */
    public static Array reduceWindow(Array x, Array initValue, java.util.function.BinaryOperator<Array> computation, Seq<Integer> windowDimensions,
                                     Seq<Integer> windowStrides, PaddingType padding) {
        LaxReductions.checkWindow(x, initValue, windowDimensions);
        Seq<Integer> one = LaxContractions.ones(windowDimensions.size());
        Seq<Padding> pads = padding.pads("reduce_window", x.shape().toSeq(), windowDimensions, windowStrides);
        return reduceWindow(x, initValue, computation, windowDimensions, windowStrides, pads, one, one);
    }

    /**
     * A convolution whose kernel differs at every output position ({@code lax.conv_general_dilated_local}):
     * channel-first {@code lhs f32[n,c,h,w]} with {@code rhs f32[o, c*kh*kw, oh, ow]} gives {@code f32[n,o,oh,ow]}.
     */
    public static Array convGeneralDilatedLocal(Array lhs, Array rhs, Seq<Integer> windowStrides, Seq<Padding> padding, Seq<Integer> filterShape,
                                                Seq<Integer> lhsDilation, Seq<Integer> rhsDilation, ConvDimensionNumbers dims) {
        return LaxContractions.local(lhs, rhs, windowStrides, padding, filterShape, lhsDilation, rhsDilation, dims);
    }

    /**
     * Random bits from an explicit state ({@code lax.rng_bit_generator}): a u32[4] key gives
     * {@code (next key, bits of shape)}, the same for the same key. As JAX leaves the default
     * algorithm to the backend, the bits are jaxj's own (Threefry-2x32); only u32 bits so far.
     * {@snippet :
     * Seq<Array> kb = Lax.rngBitGenerator(key, Shape.of(3, 2), DType.U32);   // (u32[4], u32[3,2])
     * }
     */
    public static Seq<Array> rngBitGenerator(Array key, Shape shape, DType dtype) { return LaxRandom.rngBitGenerator(key, shape, dtype); }

    /**
     * Uniform values in {@code [a, b)} of {@code shape} ({@code lax.rng_uniform}); {@code a} and {@code b}
     * are scalars of one floating or integer dtype, which the result has. JAX's is a stateful XLA
     * RngUniform whose stream each backend picks, nondeterministic across runs; jaxj keeps no global
     * random state (and a state baked into a jitted program would repeat anyway), so the state is an
     * explicit {@code seed}: the same seed gives the same values, eager or jitted. The bits are
     * {@link #rngBitGenerator}'s under the key (seed's low word, high word, 0, 0); floats use 24 bits
     * (f32, f16, bf16) or 53 bits (f64) of fraction; integers are {@code a + bits mod (b - a)}, for
     * ranges below 2^32. For new code prefer {@code dev.jaxj.Random}, as JAX's documentation says.
     * {@snippet :
     * Array u = Lax.rngUniform(Array.scalar(-1.0, DType.F32), Array.scalar(1.0, DType.F32), Shape.of(3), 42); // f32[3] in [-1, 1)
     * }
     * @throws dev.jaxj.errors.ShapeError when {@code a} or {@code b} is not a scalar, or their dtypes differ
     * @throws dev.jaxj.errors.DTypeError for bool or complex bounds
     */
    public static Array rngUniform(Array a, Array b, Shape shape, long seed) { return LaxRandom.rngUniform(a, b, shape, seed); }

    /**
     * {@code tree} unchanged, each array leaf passed through a {@code copy}, which the compiler
     * neither fuses with its neighbours nor simplifies away ({@code lax.optimization_barrier}):
     * work on either side stays on its side. Differentiable and batchable as the identity.
     */
    public static <T> T optimizationBarrier(T tree) {
        return dev.jaxj.tree.Tree.map(tree, leaf -> leaf instanceof Array a ? copy(a) : leaf);
    }

    /**
     * {@code operand} with the elementwise {@code func} applied at the positions that
     * {@code indices} scatter to, once per update landing there ({@code lax.scatter_apply});
     * {@code updateShape} is the shape the updates would have.
     * {@snippet :
     * Array y = Lax.scatterApply(x, idx, Lax::neg, dims, Shape.of(2), GatherScatterMode.FILL_OR_DROP);
     * }
     */
    public static Array scatterApply(Array operand, Array indices, java.util.function.UnaryOperator<Array> func, ScatterDimensionNumbers dims,
                                     Shape updateShape, GatherScatterMode mode) {
        return LaxShaping.scatterApply(operand, indices, func, dims, updateShape, mode);
    }

    // Fast Fourier transforms ------------------------------------------------------------------

    /**
     * {@return the discrete Fourier transform of {@code x} over its trailing {@code fftLengths.size()}
     * (1 to 3) axes} ({@code lax.fft}): {@code FFT}/{@code IFFT} keep a complex {@code x}'s aval (the
     * inverse divides by the product of the lengths); {@code RFFT} maps real {@code [..., n]} to
     * complex {@code [..., n / 2 + 1]}; {@code IRFFT} maps complex {@code [..., n / 2 + 1]} to real
     * {@code [..., n]}.
     *
     * <pre>{@code
     * Array z = Lax.fft(Lax.complex(x, Jnp.zerosLike(x)), FftType.FFT, Vector.of(4));   // c64[4] for f32[4] x
     * }</pre>
     */
    public static Array fft(Array x, FftType fftType, Seq<Integer> fftLengths) {
        return un(new Fft(fftType, fftLengths), x.dtype() == fftOperandType(x.dtype(), fftType) ? x : convertElementType(x, fftOperandType(x.dtype(), fftType)));
    }

    /** {@return {@link #fft(Array, FftType, Seq)} with the lengths given inline} */
    public static Array fft(Array x, FftType fftType, int... fftLengths) {
        return fft(x, fftType, Vector.ofAll(fftLengths));
    }

    /** As JAX's {@code lax.fft}: RFFT takes a float (integers become f32), the others a complex number (reals become complex). */
    private static DType fftOperandType(DType d, FftType fftType) {
        if (d.isComplex()) return d;
        DType real = d == DType.F64 ? DType.F64 : DType.F32;
        return fftType == FftType.RFFT ? real : real.complexType();
    }
}
