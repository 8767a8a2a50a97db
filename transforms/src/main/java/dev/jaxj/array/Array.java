package dev.jaxj.array;

import dev.jaxj.accel.Backends;
import dev.jaxj.accel.Device;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;

import static dev.jaxj.array.NumpyOps.reduce;

/**
 * An immutable n-dimensional array: the value every jaxj function takes and returns.
 *
 * <p>Outside a transform an array holds data on a device. Inside one ({@code grad},
 * {@code vmap}, {@code jit}) the same calls receive a {@link Tracer} that records or
 * transforms the computation instead. The fluent methods follow NumPy: operands broadcast
 * and promote by JAX's rules, and Java scalars are weakly typed, so {@code x.mul(2.0)} keeps
 * {@code x}'s dtype.
 * {@snippet :
 * Array x = Jnp.array(new float[][] {{1, 2}, {3, 4}});   // f32[2,2]
 * Array y = x.mul(w).add(b).tanh();                       // w: f32[2,2], b: f32[2]
 * float total = y.sum().floatValue();
 * }
 */
public abstract sealed class Array permits ConcreteArray, Tracer {
    Array() {}

    /** {@return the abstract value: shape, dtype and weak type} */
    public abstract ShapedArray aval();

    /**
     * The data in host memory; tracers raise {@code ConcretizationError} naming {@code op}, or
     * {@code TracerLeakError} once they have escaped their transform.
     */
    abstract HostData host(String op);

    public final Shape shape() { return aval().shape(); }

    public final DType dtype() { return aval().dtype(); }

    /** {@return the number of axes} */
    public final int ndim() { return aval().rank(); }

    /** {@return the number of elements} */
    public final int size() { return aval().size(); }

    /** {@return whether the dtype came from a Java scalar and gives way in promotion} */
    public final boolean weakType() { return aval().weakType(); }

    /**
     * {@return the device holding the data}, e.g. {@code cpu:0} or {@code opencl:0}
     * @throws dev.jaxj.errors.ConcretizationError inside a transform, where the array is a tracer
     */
    public final Device device() { return Placement.device(this); }

    // Creation --------------------------------------------------------------------------------

    /**
     * {@return an array that takes ownership of {@code data}}, which the caller must not
     * write afterwards. Most code wants {@code Jnp.array(...)}, which copies.
     */
    public static Array fromHost(ShapedArray aval, HostData data) {
        return new ConcreteArray(aval, Backends.defaultBackend().upload(data));
    }

    /**
     * {@return a weakly typed f32 scalar, as JAX treats a Python float}; it keeps the exact
     * double, so that meeting an f64 array it promotes without rounding through f32 (see {@link JavaScalars}).
     */
    public static Array scalar(double v) {
        return new ConcreteArray(new ShapedArray(Shape.SCALAR, DType.F32, true),
                Backends.defaultBackend().upload(HostData.own(new float[] {(float) v})), v);
    }

    /**
     * {@return a weakly typed integer scalar, as JAX treats a Python int}: i32, or i64 for a value
     * that i32 cannot hold, so that reading it back never gives a wrapped number. It keeps the
     * exact long; an operation that needs it as a narrower integer raises {@code ArgumentError}
     * rather than wrap it (see {@link JavaScalars}).
     */
    public static Array scalar(long v) {
        return v == (int) v ? scalar(v, DType.I32, true) : scalar(v, DType.I64, true);
    }

    /** {@return a scalar of {@code dtype} holding {@code v} exactly converted, weakly typed or not} */
    static Array scalar(Number v, DType dtype, boolean weak) {
        HostData b = HostData.allocate(dtype, 1);
        if (v instanceof Long l) b.setLong(0, l);
        else b.setDouble(0, v.doubleValue());
        return new ConcreteArray(new ShapedArray(Shape.SCALAR, dtype, weak), Backends.defaultBackend().upload(b), weak ? v : null);
    }

    /** {@return a bool scalar} */
    public static Array scalar(boolean v) {
        return fromHost(ShapedArray.of(DType.BOOL), HostData.own(new boolean[] {v}));
    }

    /** {@return a strongly typed scalar of {@code dtype}} */
    public static Array scalar(double v, DType dtype) {
        return fromHost(ShapedArray.of(dtype), HostData.filled(dtype, 1, v));
    }

    // Data out --------------------------------------------------------------------------------

    // Copies out are allocated through HostData, so one the heap cannot hold is a BackendError.

    /** {@return the elements in row-major order, converted to float} */
    public final float[] toFloatArray() {
        HostData h = host("toFloatArray");
        if (h.dtype() == DType.F32) return h.copy().f32();
        float[] r = HostData.allocate(DType.F32, h.size()).f32();
        for (int i = 0; i < r.length; i++) r[i] = (float) h.getDouble(i);
        return r;
    }

    /** {@return the elements in row-major order, converted to double} */
    public final double[] toDoubleArray() {
        HostData h = host("toDoubleArray");
        double[] r = HostData.allocate(DType.F64, h.size()).f64();
        for (int i = 0; i < r.length; i++) r[i] = h.getDouble(i);
        return r;
    }

    /** {@return the elements in row-major order, converted to int (floats truncate)} */
    public final int[] toIntArray() {
        HostData h = host("toIntArray");
        int[] r = HostData.allocate(DType.I32, h.size()).i32();
        for (int i = 0; i < r.length; i++) r[i] = (int) h.getLong(i);
        return r;
    }

    /**
     * {@return the elements in row-major order, converted to long (u32 read unsigned)}. A u64
     * element comes as its 64 bits, so that one from 2^63 up reads negative: read it with
     * {@code Long.toUnsignedString}, {@code Long.compareUnsigned} or {@code Long.divideUnsigned}.
     * {@snippet :
     * long[] v = Jnp.array(new long[] {-1L}, DType.U64).toLongArray();
     * Long.toUnsignedString(v[0]);   // "18446744073709551615"
     * }
     */
    public final long[] toLongArray() {
        HostData h = host("toLongArray");
        long[] r = HostData.allocate(DType.I64, h.size()).i64();
        for (int i = 0; i < r.length; i++) r[i] = h.getLong(i);
        return r;
    }

    /** {@return the elements in row-major order as bools (non-zero is true)} */
    public final boolean[] toBooleanArray() {
        HostData h = host("toBooleanArray");
        boolean[] r = HostData.allocate(DType.BOOL, h.size()).bool();
        for (int i = 0; i < r.length; i++) r[i] = h.getDouble(i) != 0;
        return r;
    }

    /** {@return the complex elements in row-major order as {@code double[2 * size]}, real and imaginary parts interleaved} (a real array's imaginary parts are 0) */
    public final double[] toComplexArray() {
        HostData h = host("toComplexArray");
        double[] r = HostData.allocate(DType.F64, dev.jaxj.accel.host.HeapArrays.scratchLength("toComplexArray", DType.F64, 2L * h.size())).f64();
        for (int i = 0; i < h.size(); i++) {
            r[2 * i] = h.getDouble(i);
            r[2 * i + 1] = h.getImag(i);
        }
        return r;
    }

    /** {@return a copy of the elements in their storage form} (see {@link HostData}: bf16 as its 16 bits, complex numbers as interleaved parts) */
    public final HostData toHost() {
        return host("toHost").copy();
    }

    /** A tracer's state is reported before the shape, as JAX concretizes before it converts. */
    private HostData single(String op) {
        HostData h = host(op);
        if (size() != 1) throw new ShapeError(op, "needs an array of exactly one element, got " + aval());
        return h;
    }

    /** {@return the only element as a double} @throws ShapeError unless the array has one element */
    public final double doubleValue() { return single("doubleValue").getDouble(0); }

    public final float floatValue() { return (float) single("floatValue").getDouble(0); }

    public final int intValue() { return (int) single("intValue").getLong(0); }

    /** {@return the only element as a long} (u64 as its bits, as {@link #toLongArray()}) @throws ShapeError unless the array has one element */
    public final long longValue() { return single("longValue").getLong(0); }

    public final boolean booleanValue() { return single("booleanValue").getDouble(0) != 0; }

    /**
     * {@return NumPy-style text, e.g. {@code Array([1., 2.], dtype=float32)}} A tracer prints its
     * aval and transform instead, e.g. {@code Traced<f32[3]>with<jvp (level 1)>}, marked
     * {@code leaked} once it has escaped that transform: like JAX's {@code repr}, and unlike the
     * other reads, printing never raises, so that logging and debuggers keep working.
     */
    @Override
    public String toString() {
        if (this instanceof Tracer t) return "Traced<" + aval() + ">with<" + t.trace().describe() + (t.isLeaked() ? ", leaked" : "") + ">";
        return ArrayPrinter.print(aval(), host("toString"));
    }

    // Arithmetic (NumPy broadcasting and promotion) -------------------------------------------

    public final Array add(Array y) { return Ufuncs.add(this, y); }
    public final Array add(double y) { return add(scalar(y)); }
    public final Array add(long y) { return add(scalar(y)); }
    public final Array sub(Array y) { return Ufuncs.subtract(this, y); }
    public final Array sub(double y) { return sub(scalar(y)); }
    public final Array sub(long y) { return sub(scalar(y)); }
    public final Array mul(Array y) { return Ufuncs.multiply(this, y); }
    public final Array mul(double y) { return mul(scalar(y)); }
    public final Array mul(long y) { return mul(scalar(y)); }
    /** True division: integer operands are divided as floats, as NumPy's {@code /}. */
    public final Array div(Array y) { return Ufuncs.divide(this, y); }
    public final Array div(double y) { return div(scalar(y)); }
    public final Array div(long y) { return div(scalar(y)); }
    /** {@code this ** y}: integers raised to integers stay integers, as in JAX. */
    public final Array pow(Array y) { return Ufuncs.power(this, y); }
    public final Array pow(double y) { return pow(scalar(y)); }
    /** {@code this ** y}; an exponent that fits an int becomes {@code integer_pow}. */
    public final Array pow(long y) { return y == (int) y ? Ufuncs.power(this, (int) y) : pow(scalar(y)); }
    public final Array maximum(Array y) { return Ufuncs.maximum(this, y); }
    public final Array maximum(double y) { return maximum(scalar(y)); }
    public final Array maximum(long y) { return maximum(scalar(y)); }
    public final Array minimum(Array y) { return Ufuncs.minimum(this, y); }
    public final Array minimum(double y) { return minimum(scalar(y)); }
    public final Array minimum(long y) { return minimum(scalar(y)); }

    public final Array eq(Array y) { return Ufuncs.equal(this, y); }
    public final Array eq(double y) { return eq(scalar(y)); }
    public final Array eq(long y) { return eq(scalar(y)); }
    public final Array ne(Array y) { return Ufuncs.notEqual(this, y); }
    public final Array ne(double y) { return ne(scalar(y)); }
    public final Array ne(long y) { return ne(scalar(y)); }
    public final Array lt(Array y) { return Ufuncs.less(this, y); }
    public final Array lt(double y) { return lt(scalar(y)); }
    public final Array lt(long y) { return lt(scalar(y)); }
    public final Array le(Array y) { return Ufuncs.lessEqual(this, y); }
    public final Array le(double y) { return le(scalar(y)); }
    public final Array le(long y) { return le(scalar(y)); }
    public final Array gt(Array y) { return Ufuncs.greater(this, y); }
    public final Array gt(double y) { return gt(scalar(y)); }
    public final Array gt(long y) { return gt(scalar(y)); }
    public final Array ge(Array y) { return Ufuncs.greaterEqual(this, y); }
    public final Array ge(double y) { return ge(scalar(y)); }
    public final Array ge(long y) { return ge(scalar(y)); }
    /** Logical and of bools, bitwise and of integers. */
    public final Array and(Array y) { return Ufuncs.bitwiseAnd(this, y); }
    public final Array or(Array y) { return Ufuncs.bitwiseOr(this, y); }
    public final Array xor(Array y) { return Ufuncs.bitwiseXor(this, y); }
    public final Array not() { return Lax.not(this); }

    public final Array neg() { return Lax.neg(this); }
    public final Array abs() { return Lax.abs(this); }
    public final Array sign() { return Lax.sign(this); }
    public final Array square() { return Lax.integerPow(this, 2); }
    public final Array exp() { return Lax.exp(NumpyOps.toInexact(this)); }
    public final Array log() { return Lax.log(NumpyOps.toInexact(this)); }
    public final Array log1p() { return Lax.log1p(NumpyOps.toInexact(this)); }
    public final Array expm1() { return Lax.expm1(NumpyOps.toInexact(this)); }
    public final Array sqrt() { return Lax.sqrt(NumpyOps.toInexact(this)); }
    public final Array rsqrt() { return Lax.rsqrt(NumpyOps.toInexact(this)); }
    public final Array sin() { return Lax.sin(NumpyOps.toInexact(this)); }
    public final Array cos() { return Lax.cos(NumpyOps.toInexact(this)); }
    public final Array tan() { return Lax.tan(NumpyOps.toInexact(this)); }
    public final Array tanh() { return Lax.tanh(NumpyOps.toInexact(this)); }
    public final Array sinh() { return Lax.sinh(NumpyOps.toInexact(this)); }
    public final Array cosh() { return Lax.cosh(NumpyOps.toInexact(this)); }
    /** The logistic sigmoid. */
    public final Array sigmoid() { return Lax.logistic(NumpyOps.toInexact(this)); }
    public final Array floor() { return dtype().isFloating() ? Lax.floor(this) : this; }
    public final Array ceil() { return dtype().isFloating() ? Lax.ceil(this) : this; }

    /** {@return this array converted to {@code dtype}} */
    public final Array astype(DType dtype) { return Lax.convertElementType(this, dtype); }

    // Reductions ------------------------------------------------------------------------------

    /** Sum over {@code axes} (all when none are given). */
    public final Array sum(int... axes) { return sum(false, axes); }
    public final Array sum(boolean keepdims, int... axes) {
        return reduce("sum", NumpyOps.promoteIntegers(this), axes, keepdims, Lax::reduceSum);
    }
    public final Array prod(int... axes) { return reduce("prod", NumpyOps.promoteIntegers(this), axes, false, Lax::reduceProd); }
    public final Array max(int... axes) { return max(false, axes); }
    public final Array max(boolean keepdims, int... axes) { return reduce("max", nonEmpty("max", axes), axes, keepdims, Lax::reduceMax); }
    public final Array min(int... axes) { return min(false, axes); }
    public final Array min(boolean keepdims, int... axes) { return reduce("min", nonEmpty("min", axes), axes, keepdims, Lax::reduceMin); }
    /** Mean over {@code axes} (all when none are given); integers average as f32. */
    public final Array mean(int... axes) { return mean(false, axes); }
    public final Array mean(boolean keepdims, int... axes) {
        Vector<Integer> ax = NumpyOps.normalizeAxes("mean", axes, ndim());
        int count = ax.map(shape()::dim).fold(1, (a, b) -> a * b);
        return NumpyOps.toInexact(this).sum(keepdims, axes).div((double) count);
    }
    /** Index of the maximum along {@code axis} (first on ties, NaN wins), as i32. */
    public final Array argmax(int axis) {
        return Lax.argmax(this, NumpyOps.normalizeAxis("argmax", axis, ndim()), DType.I32);
    }
    public final Array argmin(int axis) {
        return Lax.argmin(this, NumpyOps.normalizeAxis("argmin", axis, ndim()), DType.I32);
    }

    private Array nonEmpty(String op, int[] axes) {
        for (int a : NumpyOps.normalizeAxes(op, axes, ndim())) {
            if (shape().dim(a) == 0) throw new ShapeError(op, "zero-size axis " + a + " has no identity for " + op + ", got " + aval());
        }
        return this;
    }

    // Shape -----------------------------------------------------------------------------------

    /** Row-major reshape; one dimension may be {@code -1}. */
    public final Array reshape(int... newShape) { return NumpyOps.reshape(this, newShape); }

    /** Permutes axes; with no arguments reverses them (the matrix transpose for rank 2). */
    public final Array transpose(int... axes) {
        if (axes.length == 0) return Lax.transpose(this, Vector.range(0, ndim()).reverse());
        if (axes.length != ndim()) throw new ShapeError("transpose", "axes " + java.util.Arrays.toString(axes) + " do not match " + aval());
        return Lax.transpose(this, Vector.ofAll(axes).map(a -> NumpyOps.normalizeAxis("transpose", a, ndim())));
    }

    /** Inserts a size-1 axis at {@code axis} (negative counts from the end of the result). */
    public final Array expandDims(int axis) {
        return Lax.expandDims(this, Vector.of(NumpyOps.normalizeAxis("expand_dims", axis, ndim() + 1)));
    }

    /** Removes the given size-1 axes, or all size-1 axes when none are given. */
    public final Array squeeze(int... axes) {
        Vector<Integer> ax = axes.length == 0
                ? Vector.range(0, ndim()).filter(i -> shape().dim(i) == 1)
                : NumpyOps.normalizeAxes("squeeze", axes, ndim());
        return Lax.squeeze(this, ax);
    }

    /** {@return the elements as a rank-1 array} */
    public final Array ravel() { return reshape(size()); }

    /** Broadcasts to {@code shape} by NumPy's rules. */
    public final Array broadcastTo(int... shape) { return NumpyOps.broadcastTo(this, Shape.of(shape)); }

    /** NumPy's {@code matmul} ({@code @}). */
    public final Array matmul(Array y) { return NumpyOps.matmul(this, y); }

    // Indexing --------------------------------------------------------------------------------

    /**
     * NumPy/JAX indexing, {@code x[index]}. Each entry is an {@code int} (negative counts from
     * the end; drops the axis), an {@link Index} ({@link Index#slice slices} with any step,
     * {@link Index#NEW_AXIS}, {@link Index#ELLIPSIS}), an integer {@code Array} or {@code int[]}
     * (advanced indexing: index arrays broadcast together, and their axes replace the indexed
     * ones in place when adjacent, or go first otherwise), or a concrete bool {@code Array}
     * mask. Axes left over are taken whole. Static entries become slices; array entries one
     * gather, whose out-of-bounds positions are clamped into range, as in JAX.
     * {@snippet :
     * Array x = ...;                                     // f32[4,5,6]
     * x.get(0);                                          // f32[5,6]
     * x.get(Index.slice(1, 3), Index.ELLIPSIS, -1);      // f32[2,5]
     * x.get(Index.step(-1), Index.NEW_AXIS);             // f32[4,1,5,6], first axis reversed
     * x.get(Index.all(), idx, idx);                      // idx: i32[7] -> f32[4,7]
     * x.get(idx, Index.all(), idx);                      // separated arrays go first: f32[7,5]
     * }
     *
     * @throws dev.jaxj.errors.ShapeError         for too many indices, a static integer out of
     *                                            bounds, or index arrays that do not broadcast
     * @throws dev.jaxj.errors.DTypeError         for a floating-point index array
     * @throws dev.jaxj.errors.ArgumentError      for more than one ellipsis, a zero step or an unknown index type
     * @throws dev.jaxj.errors.ConcretizationError for a traced bool mask
     */
    public final Array get(Object... index) {
        return Indexing.get("getitem", this, Indexing.parse(index), dev.jaxj.ir.Primitive.GatherScatterMode.CLIP);
    }

    /**
     * JAX's {@code x.at[index]}: a functional update of {@code x[index]}, which returns new
     * arrays and leaves this one as it is. The index is read as by {@link #get}.
     * {@snippet :
     * Array y = x.at(0, Index.all()).set(1.0);   // x with row 0 set to 1
     * Array h = counts.at(bins).add(1.0);        // a histogram: repeated bins add up
     * }
     */
    public final At at(Object... index) {
        return new At(this, Indexing.parse(index), io.vavr.control.Option.none());
    }
}
