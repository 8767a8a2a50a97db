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
    public static Array max(Array x, Array y) { return bin(new Max(), x, y); }
    public static Array min(Array x, Array y) { return bin(new Min(), x, y); }
    public static Array atan2(Array x, Array y) { return bin(new Atan2(), x, y); }
    public static Array nextafter(Array x, Array y) { return bin(new Nextafter(), x, y); }
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
}
