package dev.jaxj.ir;

import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.JaxjException;
import dev.jaxj.errors.ShapeError;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import static dev.jaxj.ir.ShapeRules.*;
import static java.util.Objects.requireNonNull;

/**
 * The closed set of primitive operations: the only operations the IR contains.
 *
 * <p>A record holds static parameters only (axes, shapes, dtypes); array operands are the
 * inputs of an {@link Eqn}. Each record carries its shape/dtype rule, {@link #abstractEval}.
 * Rules of transforms and backends are exhaustive {@code switch}es over this sealed type, so
 * the compiler lists every rule a new primitive still lacks.
 * {@snippet lang=text :
 * Primitive   ::= Elementwise | Structural | Reduction | Cumulative | Contraction | Windowed | Sort
 *               | Elimination | ControlFlow
 * Elementwise ::= Unary | Binary | SelectN | Clamp
 * Unary       ::= FloatUnary | NumericUnary | ComplexUnary | Not | ConvertElementType | BitcastConvertType | Copy
 * Binary      ::= Arithmetic | FloatBinary | Bitwise | Shift | Comparison
 * ControlFlow ::= Cond | Scan | While | Remat | CustomJvpCall | CustomVjpCall | Pjit
 * }
 */
public sealed interface Primitive {

    /**
     * The shape and dtype rule: the avals of the outputs for operands of the given avals.
     *
     * @throws ShapeError  when the shapes do not fit
     * @throws DTypeError  when a dtype is not accepted
     * @throws ArgumentError when the operand count is wrong
     */
    Seq<ShapedArray> abstractEval(Seq<ShapedArray> in);

    /** {@return JAX's name of the primitive, e.g. {@code broadcast_in_dim}} */
    default String name() { return ShapeRules.NAMES.get(getClass()); }

    // ---------------------------------------------------------------------------------------
    // Elementwise
    // ---------------------------------------------------------------------------------------

    /** Operations applied independently at every index of equal-shaped operands. */
    sealed interface Elementwise extends Primitive permits Unary, Binary, SelectN, Clamp {}

    /** One operand; the result has its shape. */
    sealed interface Unary extends Elementwise
            permits FloatUnary, NumericUnary, ComplexUnary, Not, ConvertElementType, BitcastConvertType, Copy {
        /** {@return whether operands of this dtype are accepted} */
        boolean accepts(DType d);

        /** The name of the accepted dtypes, for messages. */
        String requirement();

        /** {@return the output aval for a valid operand} */
        default ShapedArray outAval(ShapedArray x) { return x; }

        @Override
        default Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 1);
            dtype(this, in.head(), this::accepts, requirement());
            return Vector.of(outAval(in.head()));
        }
    }

    /** Unary functions of real numbers: floating operands only. */
    sealed interface FloatUnary extends Unary
            permits InexactUnary, Floor, Ceil, Round, Exp2, Cbrt, Logistic, Erf, Erfc, ErfInv, Lgamma, Digamma,
            IsFinite {
        @Override default boolean accepts(DType d) { return d.isFloating(); }
        @Override default String requirement() { return "floating-point"; }
    }

    /** The functions of {@link FloatUnary} that also take complex numbers (principal branches, as JAX's). */
    sealed interface InexactUnary extends FloatUnary
            permits Exp, Log, Log1p, Expm1, Sqrt, Rsqrt, Sin, Cos, Tan, Sinh, Cosh, Tanh, Asin, Acos, Atan, Asinh, Acosh, Atanh {
        @Override default boolean accepts(DType d) { return d.isInexact(); }
        @Override default String requirement() { return "floating-point or complex"; }
    }

    /** The parts of complex numbers: {@code real} and {@code imag} give their floating type, {@code conj} keeps the type. */
    sealed interface ComplexUnary extends Unary permits Real, Imag, Conj {
        @Override default boolean accepts(DType d) { return d.isComplex(); }
        @Override default String requirement() { return "complex"; }
        @Override default ShapedArray outAval(ShapedArray x) { return this instanceof Conj ? x : new ShapedArray(x.shape(), x.dtype().realType(), x.weakType()); }
    }

    record Real() implements ComplexUnary {}
    record Imag() implements ComplexUnary {}
    record Conj() implements ComplexUnary {}

    /** Unary functions of integers or reals. */
    sealed interface NumericUnary extends Unary permits Neg, Abs, Sign, IntegerPow {
        @Override default boolean accepts(DType d) { return !d.isBool(); }
        @Override default String requirement() { return "numeric (integer or floating-point)"; }
    }

    record Neg() implements NumericUnary {}
    /** Absolute value of signed integers, floats and complex numbers (their modulus, real); as {@code lax.abs}, unsigned integers are rejected. */
    record Abs() implements NumericUnary {
        @Override public boolean accepts(DType d) { return d.isInexact() || d.kind() == DType.Kind.SIGNED; }
        @Override public String requirement() { return "signed integer, floating-point or complex"; }
        @Override public ShapedArray outAval(ShapedArray x) { return x.dtype().isComplex() ? new ShapedArray(x.shape(), x.dtype().realType(), x.weakType()) : x; }
    }
    record Sign() implements NumericUnary {}
    /** {@code x ** y} for a static integer exponent (negative exponents need a floating operand). */
    record IntegerPow(int y) implements NumericUnary {
        @Override public boolean accepts(DType d) { return y >= 0 ? !d.isBool() : d.isInexact(); }
        @Override public String requirement() { return y >= 0 ? "numeric (integer or floating-point)" : "floating-point (for a negative exponent " + y + ")"; }
    }

    record Floor() implements FloatUnary {}
    record Ceil() implements FloatUnary {}
    /** Rounds to an integral value; JAX's default for {@code lax.round} is away from zero. */
    record Round(RoundingMethod method) implements FloatUnary {
        public Round { requireNonNull(method, "method is null"); }
    }
    /** How {@link Round} breaks ties. */
    enum RoundingMethod { AWAY_FROM_ZERO, TO_NEAREST_EVEN }

    record Exp() implements InexactUnary {}
    record Exp2() implements FloatUnary {}
    record Log() implements InexactUnary {}
    record Log1p() implements InexactUnary {}
    record Expm1() implements InexactUnary {}
    record Sqrt() implements InexactUnary {}
    record Rsqrt() implements InexactUnary {}
    record Cbrt() implements FloatUnary {}
    record Sin() implements InexactUnary {}
    record Cos() implements InexactUnary {}
    record Tan() implements InexactUnary {}
    record Asin() implements InexactUnary {}
    record Acos() implements InexactUnary {}
    record Atan() implements InexactUnary {}
    record Sinh() implements InexactUnary {}
    record Cosh() implements InexactUnary {}
    record Tanh() implements InexactUnary {}
    record Asinh() implements InexactUnary {}
    record Acosh() implements InexactUnary {}
    record Atanh() implements InexactUnary {}
    /** The logistic sigmoid {@code 1 / (1 + exp(-x))}. */
    record Logistic() implements FloatUnary {}
    record Erf() implements FloatUnary {}
    record Erfc() implements FloatUnary {}
    record ErfInv() implements FloatUnary {}
    record Lgamma() implements FloatUnary {}
    record Digamma() implements FloatUnary {}
    /** True where the operand is neither infinite nor NaN. */
    record IsFinite() implements FloatUnary {
        @Override public ShapedArray outAval(ShapedArray x) { return new ShapedArray(x.shape(), DType.BOOL, false); }
    }

    /** Logical not of bools, bitwise not of integers. */
    record Not() implements Unary {
        @Override public boolean accepts(DType d) { return d.isBool() || d.isInteger(); }
        @Override public String requirement() { return "bool or integer"; }
    }

    /** Converts values to {@code newDtype} (floats to integers truncate toward zero, as in C). */
    record ConvertElementType(DType newDtype, boolean weakType) implements Unary {
        public ConvertElementType { requireNonNull(newDtype, "newDtype is null"); }
        @Override public boolean accepts(DType d) { return true; }
        @Override public String requirement() { return "any"; }
        @Override public ShapedArray outAval(ShapedArray x) { return new ShapedArray(x.shape(), newDtype, weakType); }
    }

    /** Reinterprets the bits of each element as {@code newDtype}, which must have the same width. */
    record BitcastConvertType(DType newDtype) implements Unary {
        public BitcastConvertType {
            requireNonNull(newDtype, "newDtype is null");
            if (newDtype.isBool()) throw new ArgumentError("bitcast_convert_type", "cannot bitcast to bool");
        }
        @Override public boolean accepts(DType d) { return !d.isBool() && !d.isComplex() && !newDtype.isComplex() && d.bits() == newDtype.bits(); }
        @Override public String requirement() { return newDtype.bits() + "-bit non-bool (the width of " + newDtype + ")"; }
        @Override public ShapedArray outAval(ShapedArray x) { return new ShapedArray(x.shape(), newDtype, false); }
    }

    /** A copy of the operand (a fresh buffer; useful as a fusion or donation boundary). */
    record Copy() implements Unary {
        @Override public boolean accepts(DType d) { return true; }
        @Override public String requirement() { return "any"; }
    }

    /** Two operands of equal shape and dtype. */
    sealed interface Binary extends Elementwise permits Arithmetic, FloatBinary, Bitwise, Shift, Comparison {
        boolean accepts(DType d);

        String requirement();

        default DType outDType(DType in) { return in; }

        @Override
        default Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 2);
            sameDTypes(this, in);
            sameShapes(this, in);
            dtype(this, in.head(), this::accepts, requirement());
            DType out = outDType(in.head().dtype());
            return Vector.of(new ShapedArray(in.head().shape(), out, out == in.head().dtype() && allWeak(in)));
        }
    }

    /** Integer, floating or complex arithmetic ({@code rem} takes no complex numbers). */
    sealed interface Arithmetic extends Binary permits Add, Sub, Mul, Div, Rem, Max, Min {
        @Override default boolean accepts(DType d) { return !d.isBool(); }
        @Override default String requirement() { return accepts(DType.C64) ? "numeric (integer, floating-point or complex)" : "integer or floating-point"; }
    }

    record Add() implements Arithmetic {}
    record Sub() implements Arithmetic {}
    record Mul() implements Arithmetic {}
    /** Division; integers round toward zero, as in C and {@code lax.div}. */
    record Div() implements Arithmetic {}
    /** Remainder with the sign of the dividend, as C's {@code fmod} and {@code lax.rem}. */
    record Rem() implements Arithmetic {
        @Override public boolean accepts(DType d) { return d.isInteger() || d.isFloating(); }
    }
    /**
     * Elementwise maximum; NaN propagates. Complex numbers compare lexicographically by (real,
     * imaginary) parts, as {@code lax.max}: the result is {@code x} where it is greater, else
     * {@code y} (so a NaN part, which makes every comparison false, picks {@code y}).
     */
    record Max() implements Arithmetic {}
    /** Elementwise minimum; NaN propagates; complex numbers as for {@link Max}. */
    record Min() implements Arithmetic {}

    sealed interface FloatBinary extends Binary permits Pow, Atan2, Nextafter, Complex {
        @Override default boolean accepts(DType d) { return d.isFloating(); }
        @Override default String requirement() { return "floating-point"; }
    }

    /** {@code x ** y} of floats or complex numbers (the principal value). */
    record Pow() implements FloatBinary {
        @Override public boolean accepts(DType d) { return d.isInexact(); }
        @Override public String requirement() { return "floating-point or complex"; }
    }
    /** {@code x + i y} from f32 or f64 parts: c64 or c128. */
    record Complex() implements FloatBinary {
        @Override public boolean accepts(DType d) { return d == DType.F32 || d == DType.F64; }
        @Override public String requirement() { return "f32 or f64"; }
        @Override public DType outDType(DType in) { return in.complexType(); }
    }
    record Atan2() implements FloatBinary {}
    record Nextafter() implements FloatBinary {}

    /** Logical operations on bools, bitwise on integers. */
    sealed interface Bitwise extends Binary permits And, Or, Xor {
        @Override default boolean accepts(DType d) { return d.isBool() || d.isInteger(); }
        @Override default String requirement() { return "bool or integer"; }
    }

    record And() implements Bitwise {}
    record Or() implements Bitwise {}
    record Xor() implements Bitwise {}

    /** Bit shifts of integers; shift amounts outside {@code [0, bits)} give JAX's saturated results. */
    sealed interface Shift extends Binary permits ShiftLeft, ShiftRightLogical, ShiftRightArithmetic {
        @Override default boolean accepts(DType d) { return d.isInteger(); }
        @Override default String requirement() { return "integer"; }
    }

    record ShiftLeft() implements Shift {}
    record ShiftRightLogical() implements Shift {}
    record ShiftRightArithmetic() implements Shift {}

    /** Comparisons give bools; floats compare as IEEE 754 does (NaN is unequal to everything); complex numbers only for (in)equality. */
    sealed interface Comparison extends Binary permits Eq, Ne, Lt, Le, Gt, Ge {
        @Override default boolean accepts(DType d) { return !d.isComplex() || this instanceof Eq || this instanceof Ne; }
        @Override default String requirement() { return accepts(DType.C64) ? "any" : "real (complex numbers have no order)"; }
        @Override default DType outDType(DType in) { return DType.BOOL; }
    }

    record Eq() implements Comparison {}
    record Ne() implements Comparison {}
    record Lt() implements Comparison {}
    record Le() implements Comparison {}
    record Gt() implements Comparison {}
    record Ge() implements Comparison {}

    /**
     * Picks, per element, {@code cases[which]}: operands are {@code which} (bool for two cases,
     * else i32; a scalar or the cases' shape) followed by the cases (equal avals).
     */
    record SelectN() implements Elementwise {
        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            minArity(this, in, 2);
            ShapedArray which = in.head();
            Seq<ShapedArray> cases = in.tail();
            sameDTypes(this, cases);
            sameShapes(this, cases);
            if (cases.size() == 2 ? !(which.dtype().isBool() || which.dtype() == DType.I32) : which.dtype() != DType.I32) {
                throw new DTypeError(name(), "requires a bool (two cases) or i32 selector, got " + JaxjException.avals(in));
            }
            if (which.rank() != 0 && !which.shape().equals(cases.head().shape())) {
                throw new ShapeError(name(), "requires a scalar selector or one shaped like the cases, got " + JaxjException.avals(in));
            }
            return Vector.of(cases.head().weakType() && allWeak(cases) ? cases.head() : cases.head().strong());
        }
    }

    /** {@code min(max(x, lo), hi)}: operands {@code lo, x, hi}; bounds are scalars or shaped like {@code x}. */
    record Clamp() implements Elementwise {
        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 3);
            sameDTypes(this, in);
            ShapedArray x = in.get(1);
            dtype(this, x, d -> d.isInteger() || d.isFloating(), "integer or floating-point");
            for (ShapedArray b : Vector.of(in.get(0), in.get(2))) {
                if (b.rank() != 0 && !b.shape().equals(x.shape())) {
                    throw new ShapeError(name(), "requires scalar bounds or bounds shaped like x, got " + JaxjException.avals(in));
                }
            }
            return Vector.of(x);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Structural: data movement without arithmetic
    // ---------------------------------------------------------------------------------------

    sealed interface Structural extends Primitive
            permits BroadcastInDim, Reshape, Transpose, Squeeze, ExpandDims, Rev, Slice, DynamicSlice,
            DynamicUpdateSlice, Concatenate, Pad, Iota, Gather, ScatterFamily, ViewAsReal, ViewAsComplex {}

    /**
     * A complex array's storage seen as its parts: {@code c64[..]} to {@code f32[.., 2]} (real
     * part first), without moving data. The compiler's lowering of complex arithmetic
     * introduces it; user programs never contain it.
     */
    record ViewAsReal() implements Structural {
        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 1);
            dtype(this, in.head(), DType::isComplex, "complex");
            return Vector.of(new ShapedArray(in.head().shape().insert(in.head().rank(), 2), in.head().dtype().realType(), false));
        }
    }

    /** The inverse of {@link ViewAsReal}: {@code f32[.., 2]} seen as {@code c64[..]}. */
    record ViewAsComplex() implements Structural {
        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 1);
            ShapedArray x = in.head();
            dtype(this, x, d -> d == DType.F32 || d == DType.F64, "f32 or f64");
            if (x.rank() == 0 || x.shape().dim(x.rank() - 1) != 2) throw new ShapeError(name(), "requires a last axis of size 2 (real, imaginary), got " + x);
            return Vector.of(new ShapedArray(x.shape().without(x.rank() - 1), x.dtype().complexType(), false));
        }
    }

    /**
     * Broadcasts an operand into {@code shape}: operand axis {@code i} maps to output axis
     * {@code broadcastDimensions[i]} (strictly increasing); its size must be 1 or equal that axis.
     */
    record BroadcastInDim(Shape shape, Seq<Integer> broadcastDimensions) implements Structural {
        public BroadcastInDim {
            requireNonNull(shape, "shape is null");
            broadcastDimensions = uniqueAxes("broadcast_in_dim", broadcastDimensions);
        }

        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 1);
            ShapedArray x = in.head();
            if (broadcastDimensions.size() != x.rank()) {
                throw new ShapeError(name(), "needs one broadcast dimension per operand axis, got " + x + " with broadcast_dimensions " + broadcastDimensions.mkString("(", ",", ")"));
            }
            int prev = -1;
            for (int i = 0; i < x.rank(); i++) {
                int d = broadcastDimensions.get(i);
                if (d <= prev || d >= shape.rank()) {
                    throw new ShapeError(name(), "broadcast_dimensions must be strictly increasing and < " + shape.rank() + ", got " + broadcastDimensions.mkString("(", ",", ")"));
                }
                prev = d;
                if (x.shape().dim(i) != 1 && x.shape().dim(i) != shape.dim(d)) {
                    throw new ShapeError(name(), "operand axis " + i + " (size " + x.shape().dim(i) + ") must be 1 or " + shape.dim(d)
                            + " to broadcast to " + shape + ", got " + x);
                }
            }
            return Vector.of(x.withShape(shape));
        }
    }

    /** Row-major reshape to {@code newSizes}, which must have the same number of elements. */
    record Reshape(Shape newSizes) implements Structural {
        public Reshape { requireNonNull(newSizes, "newSizes is null"); }

        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 1);
            if (in.head().size() != newSizes.size()) {
                throw new ShapeError(name(), "cannot reshape " + in.head().size() + " elements to " + newSizes + " (" + newSizes.size() + " elements), got " + in.head());
            }
            return Vector.of(in.head().withShape(newSizes));
        }
    }

    /** Permutes axes: output axis {@code i} is operand axis {@code permutation[i]}. */
    record Transpose(Seq<Integer> permutation) implements Structural {
        public Transpose { permutation = uniqueAxes("transpose", permutation); }

        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 1);
            ShapedArray x = in.head();
            if (permutation.size() != x.rank() || permutation.exists(a -> a >= x.rank())) {
                throw new ShapeError(name(), "permutation " + permutation.mkString("(", ",", ")") + " is not a permutation of the axes of " + x);
            }
            return Vector.of(x.withShape(Shape.of(permutation.map(x.shape()::dim))));
        }
    }

    /** Removes the given axes, each of which must have size 1. */
    record Squeeze(Seq<Integer> dimensions) implements Structural {
        public Squeeze { dimensions = uniqueAxes("squeeze", dimensions); }

        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 1);
            ShapedArray x = in.head();
            axesInRange(this, dimensions, x.rank(), x);
            for (int d : dimensions) {
                if (x.shape().dim(d) != 1) throw new ShapeError(name(), "can only remove axes of size 1, axis " + d + " has size " + x.shape().dim(d) + ", got " + x);
            }
            return Vector.of(x.withShape(x.shape().without(ints(dimensions))));
        }
    }

    /** Inserts axes of size 1 at the given output positions. */
    record ExpandDims(Seq<Integer> dimensions) implements Structural {
        public ExpandDims { dimensions = uniqueAxes("expand_dims", dimensions); }

        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 1);
            ShapedArray x = in.head();
            int outRank = x.rank() + dimensions.size();
            axesInRange(this, dimensions, outRank, x);
            Shape s = x.shape();
            for (int d : dimensions.sorted()) s = s.insert(d, 1);
            return Vector.of(x.withShape(s));
        }
    }

    /** Reverses the order of elements along the given axes. */
    record Rev(Seq<Integer> dimensions) implements Structural {
        public Rev { dimensions = uniqueAxes("rev", dimensions); }

        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 1);
            axesInRange(this, dimensions, in.head().rank(), in.head());
            return in;
        }
    }

    /** The static strided slice {@code x[start:limit:stride]} in every axis. */
    record Slice(Seq<Integer> startIndices, Seq<Integer> limitIndices, Seq<Integer> strides) implements Structural {
        public Slice {
            startIndices = Vector.ofAll(startIndices);
            limitIndices = Vector.ofAll(limitIndices);
            strides = positive("slice", "strides", strides);
        }

        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 1);
            ShapedArray x = in.head();
            if (startIndices.size() != x.rank() || limitIndices.size() != x.rank() || strides.size() != x.rank()) {
                throw new ShapeError(name(), "needs start, limit and stride for each of the " + x.rank() + " axes, got " + x);
            }
            int[] out = new int[x.rank()];
            for (int i = 0; i < out.length; i++) {
                int lo = startIndices.get(i), hi = limitIndices.get(i), n = x.shape().dim(i);
                if (lo < 0 || hi < lo || hi > n) {
                    throw new ShapeError(name(), "axis " + i + " needs 0 <= start <= limit <= " + n + ", got start " + lo + " limit " + hi + " for " + x);
                }
                out[i] = (hi - lo + strides.get(i) - 1) / strides.get(i);
            }
            return Vector.of(x.withShape(result(this, in, x.dtype(), out)));
        }
    }

    /**
     * A slice of static size at dynamic start indices: operands {@code x, i0, i1, …} (one integer
     * scalar per axis); starts are clamped so that the slice stays in bounds, as in XLA.
     */
    record DynamicSlice(Seq<Integer> sliceSizes) implements Structural {
        public DynamicSlice { sliceSizes = Vector.ofAll(sliceSizes); }

        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            minArity(this, in, 1);
            ShapedArray x = in.head();
            checkStartIndices(this, x, in.tail());
            if (sliceSizes.size() != x.rank()) throw new ShapeError(name(), "needs one slice size per axis, got " + sliceSizes.size() + " for " + x);
            for (int i = 0; i < x.rank(); i++) {
                if (sliceSizes.get(i) < 0 || sliceSizes.get(i) > x.shape().dim(i)) {
                    throw new ShapeError(name(), "slice size " + sliceSizes.get(i) + " of axis " + i + " must lie in [0, " + x.shape().dim(i) + "], got " + x);
                }
            }
            return Vector.of(x.withShape(Shape.of(sliceSizes)));
        }
    }

    /** Writes {@code update} into {@code x} at dynamic (clamped) starts: operands {@code x, update, i0, i1, …}. */
    record DynamicUpdateSlice() implements Structural {
        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            minArity(this, in, 2);
            ShapedArray x = in.get(0), u = in.get(1);
            checkStartIndices(this, x, in.drop(2));
            if (u.dtype() != x.dtype() || u.rank() != x.rank()) {
                throw new ShapeError(name(), "update must have the operand's dtype and rank, got " + x + " and update " + u);
            }
            for (int i = 0; i < x.rank(); i++) {
                if (u.shape().dim(i) > x.shape().dim(i)) throw new ShapeError(name(), "update is larger than the operand in axis " + i + ", got " + x + " and update " + u);
            }
            return Vector.of(x);
        }
    }

    private static void checkStartIndices(Primitive p, ShapedArray x, Seq<ShapedArray> idx) {
        if (idx.size() != x.rank()) throw new ShapeError(p.name(), "needs one start index per axis of " + x + ", got " + idx.size());
        for (ShapedArray i : idx) {
            if (i.rank() != 0 || !i.dtype().isInteger()) throw new DTypeError(p.name(), "start indices must be integer scalars, got " + JaxjException.avals(idx));
        }
    }

    /** Joins operands along {@code dimension}; all other sizes and the dtype must agree. */
    record Concatenate(int dimension) implements Structural {
        public Concatenate {
            if (dimension < 0) throw new ArgumentError("concatenate", "dimension must be non-negative, got " + dimension);
        }

        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            minArity(this, in, 1);
            sameDTypes(this, in);
            ShapedArray x = in.head();
            if (dimension >= x.rank()) throw new ShapeError(name(), "dimension " + dimension + " is out of range, got " + JaxjException.avals(in));
            long total = 0;
            for (ShapedArray a : in) {
                if (a.rank() != x.rank() || !a.shape().with(dimension, 0).equals(x.shape().with(dimension, 0))) {
                    throw new ShapeError(name(), "operands must agree except in dimension " + dimension + ", got " + JaxjException.avals(in));
                }
                total += a.shape().dim(dimension);
            }
            long[] out = x.shape().toSeq().toJavaStream().mapToLong(Integer::longValue).toArray();
            out[dimension] = total;
            return Vector.of(x.strong().withShape(result(this, in, x.dtype(), out)));
        }
    }

    /** Low, high and interior padding of one axis; low and high may be negative (cropping). */
    record PadConfig(int lo, int hi, int interior) {
        public PadConfig {
            if (interior < 0) throw new ArgumentError("pad", "interior padding must be >= 0, got " + interior);
        }
    }

    /** Pads {@code x} with the scalar {@code padValue}: operands {@code x, padValue}. */
    record Pad(Seq<PadConfig> config) implements Structural {
        public Pad { config = Vector.ofAll(config); }

        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 2);
            ShapedArray x = in.head();
            scalar(this, in.get(1), "the padding value");
            sameDTypes(this, in);
            if (config.size() != x.rank()) throw new ShapeError(name(), "needs one padding config per axis, got " + config.size() + " for " + x);
            long[] out = new long[x.rank()];
            for (int i = 0; i < out.length; i++) {
                PadConfig c = config.get(i);
                int n = x.shape().dim(i);
                out[i] = (long) c.lo() + c.hi() + n + Math.max(0, n - 1L) * c.interior();
                if (out[i] < 0) throw new ShapeError(name(), "padding " + c + " of axis " + i + " leaves a negative size, got " + x);
            }
            return Vector.of(x.strong().withShape(result(this, in, x.dtype(), out)));
        }
    }

    /** {@code 0, 1, 2, …} along {@code dimension} of a new array of {@code shape}. No operands. */
    record Iota(DType dtype, Shape shape, int dimension) implements Structural {
        public Iota {
            requireNonNull(dtype, "dtype is null");
            requireNonNull(shape, "shape is null");
            if (dtype.isBool()) throw new ArgumentError("iota", "dtype must be numeric, got bool");
            if (dimension < 0 || dimension >= shape.rank()) throw new ArgumentError("iota", "dimension " + dimension + " is out of range for shape " + shape);
        }

        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 0);
            return Vector.of(ShapedArray.of(dtype, shape));
        }
    }

    /** What gather and scatter do with out-of-bounds indices. */
    enum GatherScatterMode {
        /** Clamp start indices so the whole slice is in bounds. */
        CLIP,
        /** Out-of-bounds gathers return the fill value; out-of-bounds scatter updates are dropped. */
        FILL_OR_DROP,
        /** The caller promises indices are in bounds; out-of-bounds behaviour is unspecified (the CPU backend clamps). */
        PROMISE_IN_BOUNDS
    }

    /**
     * XLA's gather dimension numbers; the index vector is the last axis of the indices.
     *
     * @param offsetDims             output axes that hold the slice's (non-collapsed) axes
     * @param collapsedSliceDims     operand axes of slice size 1 dropped from the output
     * @param startIndexMap          for each index-vector component, the operand axis it starts
     * @param operandBatchingDims    operand axes paired with {@code startIndicesBatchingDims}
     * @param startIndicesBatchingDims indices axes that batch the operand
     */
    record GatherDimensionNumbers(Seq<Integer> offsetDims, Seq<Integer> collapsedSliceDims, Seq<Integer> startIndexMap,
                                  Seq<Integer> operandBatchingDims, Seq<Integer> startIndicesBatchingDims) {
        public GatherDimensionNumbers {
            offsetDims = uniqueAxes("gather", offsetDims);
            collapsedSliceDims = uniqueAxes("gather", collapsedSliceDims);
            startIndexMap = uniqueAxes("gather", startIndexMap);
            operandBatchingDims = uniqueAxes("gather", operandBatchingDims);
            startIndicesBatchingDims = uniqueAxes("gather", startIndicesBatchingDims);
        }
    }

    /** Gathers slices of {@code operand} at {@code indices}: operands {@code operand, indices}. */
    record Gather(GatherDimensionNumbers dimensionNumbers, Seq<Integer> sliceSizes, GatherScatterMode mode) implements Structural {
        public Gather {
            requireNonNull(dimensionNumbers, "dimensionNumbers is null");
            sliceSizes = Vector.ofAll(sliceSizes);
            requireNonNull(mode, "mode is null");
        }

        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 2);
            return Vector.of(GatherScatterRules.gatherShape(this, in.get(0), in.get(1)));
        }
    }

    /**
     * XLA's scatter dimension numbers; the index vector is the last axis of the indices.
     *
     * @param updateWindowDims          update axes that hold the window
     * @param insertedWindowDims        operand axes the window has size 1 in and omits
     * @param scatterDimsToOperandDims  for each index-vector component, the operand axis it starts
     * @param operandBatchingDims       operand axes paired with {@code scatterIndicesBatchingDims}
     * @param scatterIndicesBatchingDims indices axes that batch the operand
     */
    record ScatterDimensionNumbers(Seq<Integer> updateWindowDims, Seq<Integer> insertedWindowDims,
                                   Seq<Integer> scatterDimsToOperandDims, Seq<Integer> operandBatchingDims,
                                   Seq<Integer> scatterIndicesBatchingDims) {
        public ScatterDimensionNumbers {
            updateWindowDims = uniqueAxes("scatter", updateWindowDims);
            insertedWindowDims = uniqueAxes("scatter", insertedWindowDims);
            scatterDimsToOperandDims = uniqueAxes("scatter", scatterDimsToOperandDims);
            operandBatchingDims = uniqueAxes("scatter", operandBatchingDims);
            scatterIndicesBatchingDims = uniqueAxes("scatter", scatterIndicesBatchingDims);
        }
    }

    /** Scatters {@code updates} into {@code operand} at {@code indices}: operands {@code operand, indices, updates}. */
    sealed interface ScatterFamily extends Structural permits Scatter, ScatterAdd, ScatterMul, ScatterMin, ScatterMax {
        ScatterDimensionNumbers dimensionNumbers();

        GatherScatterMode mode();

        @Override
        default Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 3);
            GatherScatterRules.checkScatter(this, in.get(0), in.get(1), in.get(2));
            return Vector.of(in.get(0).strong());
        }
    }

    /** Overwrites; with duplicate indices one of the updates wins (the CPU backend: the last in index order). */
    record Scatter(ScatterDimensionNumbers dimensionNumbers, GatherScatterMode mode) implements ScatterFamily {}
    record ScatterAdd(ScatterDimensionNumbers dimensionNumbers, GatherScatterMode mode) implements ScatterFamily {}
    record ScatterMul(ScatterDimensionNumbers dimensionNumbers, GatherScatterMode mode) implements ScatterFamily {}
    record ScatterMin(ScatterDimensionNumbers dimensionNumbers, GatherScatterMode mode) implements ScatterFamily {}
    record ScatterMax(ScatterDimensionNumbers dimensionNumbers, GatherScatterMode mode) implements ScatterFamily {}

    // ---------------------------------------------------------------------------------------
    // Reductions and scans
    // ---------------------------------------------------------------------------------------

    /** Reduces the given axes away with a monoid. */
    sealed interface Reduction extends Primitive permits ReduceSum, ReduceMax, ReduceMin, ReduceProd, ReduceAnd, ReduceOr {
        Seq<Integer> axes();

        default boolean accepts(DType d) { return !d.isBool(); }

        @Override
        default Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 1);
            ShapedArray x = in.head();
            dtype(this, x, this::accepts, this instanceof ReduceAnd || this instanceof ReduceOr ? "bool or integer" : "numeric");
            axesInRange(this, axes(), x.rank(), x);
            return Vector.of(x.withShape(x.shape().without(ints(axes()))));
        }
    }

    record ReduceSum(Seq<Integer> axes) implements Reduction {
        public ReduceSum { axes = uniqueAxes("reduce_sum", axes); }
    }
    record ReduceProd(Seq<Integer> axes) implements Reduction {
        public ReduceProd { axes = uniqueAxes("reduce_prod", axes); }
    }
    /**
     * Maximum over axes; NaN propagates; the identity is -inf (the lowest value for integers,
     * -inf + 0i for complex numbers, which compare lexicographically as in {@link Max}).
     */
    record ReduceMax(Seq<Integer> axes) implements Reduction {
        public ReduceMax { axes = uniqueAxes("reduce_max", axes); }
        @Override public boolean accepts(DType d) { return true; }
    }
    record ReduceMin(Seq<Integer> axes) implements Reduction {
        public ReduceMin { axes = uniqueAxes("reduce_min", axes); }
        @Override public boolean accepts(DType d) { return true; }
    }
    record ReduceAnd(Seq<Integer> axes) implements Reduction {
        public ReduceAnd { axes = uniqueAxes("reduce_and", axes); }
        @Override public boolean accepts(DType d) { return !d.isFloating(); }
    }
    record ReduceOr(Seq<Integer> axes) implements Reduction {
        public ReduceOr { axes = uniqueAxes("reduce_or", axes); }
        @Override public boolean accepts(DType d) { return !d.isFloating(); }
    }

    /** Index of the extreme value along one axis; the first one wins ties, NaN counts as extreme. */
    sealed interface ArgReduction extends Primitive permits Argmax, Argmin {
        int axis();

        DType indexDtype();

        @Override
        default Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 1);
            ShapedArray x = in.head();
            axesInRange(this, Vector.of(axis()), x.rank(), x);
            if (x.shape().dim(axis()) == 0) throw new ShapeError(name(), "cannot take the " + name() + " of an empty axis " + axis() + ", got " + x);
            return Vector.of(ShapedArray.of(indexDtype(), x.shape().without(axis())));
        }
    }

    record Argmax(int axis, DType indexDtype) implements ArgReduction {
        public Argmax { checkIndexDtype("argmax", indexDtype); }
    }
    record Argmin(int axis, DType indexDtype) implements ArgReduction {
        public Argmin { checkIndexDtype("argmin", indexDtype); }
    }

    private static void checkIndexDtype(String op, DType d) {
        if (d == null || !d.isInteger()) throw new ArgumentError(op, "index dtype must be an integer type, got " + d);
    }

    /** Inclusive scans along one axis, optionally from the end. */
    sealed interface Cumulative extends Primitive permits Cumsum, Cumprod, Cummax, Cummin {
        int axis();

        boolean reverse();

        @Override
        default Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 1);
            ShapedArray x = in.head();
            dtype(this, x, d -> !d.isBool(), "numeric");
            axesInRange(this, Vector.of(axis()), x.rank(), x);
            return in;
        }
    }

    record Cumsum(int axis, boolean reverse) implements Cumulative {}
    record Cumprod(int axis, boolean reverse) implements Cumulative {}
    record Cummax(int axis, boolean reverse) implements Cumulative {}
    record Cummin(int axis, boolean reverse) implements Cumulative {}

    // ---------------------------------------------------------------------------------------
    // Contractions and windows
    // ---------------------------------------------------------------------------------------

    sealed interface Contraction extends Primitive permits DotGeneral, ConvGeneralDilated {}

    /**
     * @param lhsContracting axes of lhs summed with {@code rhsContracting}
     * @param rhsContracting axes of rhs, pairwise equal in size to {@code lhsContracting}
     * @param lhsBatch       axes of lhs paired with {@code rhsBatch}; they lead the output
     * @param rhsBatch       axes of rhs
     */
    record DotDimensionNumbers(Seq<Integer> lhsContracting, Seq<Integer> rhsContracting, Seq<Integer> lhsBatch, Seq<Integer> rhsBatch) {
        public DotDimensionNumbers {
            lhsContracting = uniqueAxes("dot_general", lhsContracting);
            rhsContracting = uniqueAxes("dot_general", rhsContracting);
            lhsBatch = uniqueAxes("dot_general", lhsBatch);
            rhsBatch = uniqueAxes("dot_general", rhsBatch);
            if (lhsContracting.size() != rhsContracting.size() || lhsBatch.size() != rhsBatch.size()) {
                throw new ArgumentError("dot_general", "lhs and rhs need as many contracting and batch axes as each other");
            }
        }
    }

    /**
     * The general tensor contraction; the output is {@code batch ++ lhs free ++ rhs free}.
     *
     * @param preferredElementType the accumulation and output dtype, when not the operands'
     */
    record DotGeneral(DotDimensionNumbers dimensionNumbers, Option<DType> preferredElementType) implements Contraction {
        public DotGeneral {
            requireNonNull(dimensionNumbers, "dimensionNumbers is null");
            requireNonNull(preferredElementType, "preferredElementType is null");
        }

        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 2);
            return Vector.of(ContractionRules.dotShape(this, in.get(0), in.get(1)));
        }
    }

    /** Low and high padding of one spatial axis. */
    record Padding(int lo, int hi) {}

    /**
     * Axis layouts, as in {@code lax.ConvDimensionNumbers}: each spec lists (batch or output
     * feature, feature or input feature, spatial axes…) as positions in that array.
     */
    record ConvDimensionNumbers(Seq<Integer> lhsSpec, Seq<Integer> rhsSpec, Seq<Integer> outSpec) {
        public ConvDimensionNumbers {
            lhsSpec = uniqueAxes("conv_general_dilated", lhsSpec);
            rhsSpec = uniqueAxes("conv_general_dilated", rhsSpec);
            outSpec = uniqueAxes("conv_general_dilated", outSpec);
            if (lhsSpec.size() != rhsSpec.size() || lhsSpec.size() != outSpec.size() || lhsSpec.size() < 2) {
                throw new ArgumentError("conv_general_dilated", "lhs, rhs and out specs need the same length >= 2");
            }
        }

        /** {@return the NCHW/OIHW/NCHW layout for {@code spatial} spatial axes} */
        public static ConvDimensionNumbers channelsFirst(int spatial) {
            Vector<Integer> spec = Vector.range(0, spatial + 2);
            return new ConvDimensionNumbers(spec, spec, spec);
        }
    }

    /** Convolution (cross-correlation) with strides, padding, dilations and groups, as XLA's ConvGeneralDilated. */
    record ConvGeneralDilated(Seq<Integer> windowStrides, Seq<Padding> padding, Seq<Integer> lhsDilation,
                              Seq<Integer> rhsDilation, ConvDimensionNumbers dimensionNumbers, int featureGroupCount,
                              int batchGroupCount, Option<DType> preferredElementType) implements Contraction {
        public ConvGeneralDilated {
            windowStrides = positive("conv_general_dilated", "window strides", windowStrides);
            padding = Vector.ofAll(padding);
            lhsDilation = positive("conv_general_dilated", "lhs dilation", lhsDilation);
            rhsDilation = positive("conv_general_dilated", "rhs dilation", rhsDilation);
            requireNonNull(dimensionNumbers, "dimensionNumbers is null");
            requireNonNull(preferredElementType, "preferredElementType is null");
            if (featureGroupCount < 1 || batchGroupCount < 1) throw new ArgumentError("conv_general_dilated", "group counts must be >= 1");
            if (featureGroupCount > 1 && batchGroupCount > 1) throw new ArgumentError("conv_general_dilated", "feature_group_count and batch_group_count cannot both exceed 1");
        }

        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 2);
            return Vector.of(ContractionRules.convShape(this, in.get(0), in.get(1)));
        }
    }

    /**
     * A sliding window over every axis of the operand.
     *
     * @param windowDimensions window size per axis
     * @param windowStrides    step per axis
     * @param padding          low/high padding per axis (with the monoid's identity)
     * @param baseDilation     dilation of the operand
     * @param windowDilation   dilation of the window
     */
    record WindowConfig(Seq<Integer> windowDimensions, Seq<Integer> windowStrides, Seq<Padding> padding,
                        Seq<Integer> baseDilation, Seq<Integer> windowDilation) {
        public WindowConfig {
            windowDimensions = Vector.ofAll(windowDimensions);
            if (windowDimensions.exists(w -> w < 0)) throw new ArgumentError("reduce_window", "window dimensions must be >= 0");
            windowStrides = positive("reduce_window", "window strides", windowStrides);
            padding = Vector.ofAll(padding);
            baseDilation = positive("reduce_window", "base dilation", baseDilation);
            windowDilation = positive("reduce_window", "window dilation", windowDilation);
            int r = windowDimensions.size();
            if (windowStrides.size() != r || padding.size() != r || baseDilation.size() != r || windowDilation.size() != r) {
                throw new ArgumentError("reduce_window", "window dimensions, strides, padding and dilations need one entry per axis");
            }
        }
    }

    /** Reduces each window of the operand with a monoid (pooling). */
    sealed interface ReduceWindow extends Primitive permits ReduceWindowSum, ReduceWindowMax, ReduceWindowMin {
        WindowConfig window();

        @Override
        default Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 1);
            ShapedArray x = in.head();
            WindowConfig w = window();
            if (w.windowDimensions().size() != x.rank()) {
                throw new ShapeError(name(), "needs a window of rank " + x.rank() + ", got " + w.windowDimensions().size() + " dimensions for " + x);
            }
            dtype(this, x, d -> !d.isBool() || !(this instanceof ReduceWindowSum), "numeric");
            long[] out = new long[x.rank()];
            for (int i = 0; i < out.length; i++) {
                out[i] = windowOutputSize(x.shape().dim(i), w.padding().get(i).lo(), w.padding().get(i).hi(), w.baseDilation().get(i),
                        w.windowDimensions().get(i), w.windowDilation().get(i), w.windowStrides().get(i));
            }
            return Vector.of(x.withShape(result(this, in, x.dtype(), out)));
        }
    }

    record ReduceWindowSum(WindowConfig window) implements ReduceWindow {
        public ReduceWindowSum { requireNonNull(window, "window is null"); }
    }
    record ReduceWindowMax(WindowConfig window) implements ReduceWindow {
        public ReduceWindowMax { requireNonNull(window, "window is null"); }
    }
    record ReduceWindowMin(WindowConfig window) implements ReduceWindow {
        public ReduceWindowMin { requireNonNull(window, "window is null"); }
    }

    /**
     * Sorts operands of one shape together along {@code dimension}, ordered by the first
     * {@code numKeys} operands lexicographically; NaNs sort last, as in JAX.
     */
    record Sort(int dimension, boolean isStable, int numKeys) implements Primitive {
        public Sort {
            if (dimension < 0) throw new ArgumentError("sort", "dimension must be non-negative, got " + dimension);
            if (numKeys < 1) throw new ArgumentError("sort", "num_keys must be >= 1, got " + numKeys);
        }

        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            minArity(this, in, numKeys);
            sameShapes(this, in);
            axesInRange(this, Vector.of(dimension), in.head().rank(), in.head());
            return in.map(ShapedArray::strong);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Float formats: reduce_precision
    // ---------------------------------------------------------------------------------------

    /**
     * Rounds floats to the values of a format with {@code exponentBits} and {@code mantissaBits},
     * as XLA's ReducePrecision: the significand to nearest (ties to even), then the exponent
     * range (overflow to a signed infinity, below the smallest normal to a signed zero); NaNs
     * stay NaN while the format has a mantissa bit. A primitive rather than a composite of bit
     * operations because JAX differentiates it as a linear map: tangents and cotangents are
     * rounded the same way, which only a primitive with its own jvp and transpose can express.
     */
    record ReducePrecision(int exponentBits, int mantissaBits) implements Primitive {
        public ReducePrecision {
            if (exponentBits < 1 || mantissaBits < 0) {
                throw new ArgumentError("reduce_precision", "needs exponent_bits >= 1 and mantissa_bits >= 0, got "
                        + exponentBits + " and " + mantissaBits);
            }
        }

        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 1);
            dtype(this, in.head(), DType::isFloating, "floating");
            return Vector.of(in.head());
        }
    }

    // ---------------------------------------------------------------------------------------
    // Randomness
    // ---------------------------------------------------------------------------------------

    // ---------------------------------------------------------------------------------------
    // QR, symmetric eigendecomposition, SVD
    // ---------------------------------------------------------------------------------------

    /**
     * Orthogonal factorizations of the trailing two axes of one floating operand
     * {@code [..., m, n]}; the leading axes are a batch. The outputs share the operand's dtype.
     */
    sealed interface Orthogonal extends Primitive permits Qr, Eigh, Svd {
        /** {@return the batch shape and {@code (m, n)} of a floating operand of rank at least 2} */
        default int[] matrix(Seq<ShapedArray> in, boolean square) {
            arity(this, in, 1);
            ShapedArray x = in.head();
            dtype(this, x, DType::isFloating, "floating");
            if (x.rank() < 2) throw new ShapeError(name(), "needs an operand of rank >= 2 ([..., m, n]), got " + JaxjException.avals(in));
            int m = x.shape().dim(x.rank() - 2), n = x.shape().dim(x.rank() - 1);
            if (square && m != n) throw new ShapeError(name(), "needs square matrices [..., n, n], got " + JaxjException.avals(in));
            return new int[] {m, n};
        }

        /** {@return {@code x}'s aval with its trailing two axes replaced by {@code dims}} */
        default ShapedArray withMatrix(Seq<ShapedArray> in, long... dims) {
            ShapedArray x = in.head();
            long[] out = new long[x.rank() - 2 + dims.length];
            for (int i = 0; i < x.rank() - 2; i++) out[i] = x.shape().dim(i);
            System.arraycopy(dims, 0, out, x.rank() - 2, dims.length);
            return new ShapedArray(result(this, in, x.dtype(), out), x.dtype(), false);
        }
    }

    /**
     * Householder QR, as JAX's {@code lax.linalg.qr}: outputs {@code q [..., m, k]} and
     * {@code r [..., k, n]} with {@code k = m} when {@code fullMatrices}, else {@code min(m, n)};
     * {@code q} has orthonormal columns and {@code r} is upper triangular.
     */
    record Qr(boolean fullMatrices) implements Orthogonal {
        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            int[] mn = matrix(in, false);
            int k = fullMatrices ? mn[0] : Math.min(mn[0], mn[1]);
            return Vector.of(withMatrix(in, mn[0], k), withMatrix(in, k, mn[1]));
        }
    }

    /**
     * The eigendecomposition of symmetric matrices {@code [..., n, n]}, reading only the lower
     * (or upper) triangle, as JAX's {@code eigh_p}: outputs the eigenvectors {@code v [..., n, n]}
     * (columns) and the eigenvalues {@code w [..., n]}, ascending when {@code sortEigenvalues}.
     */
    record Eigh(boolean lower, boolean sortEigenvalues) implements Orthogonal {
        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            int n = matrix(in, true)[1];
            return Vector.of(withMatrix(in, n, n), withMatrix(in, n));
        }
    }

    /**
     * The singular value decomposition, as JAX's {@code svd_p}: outputs the singular values
     * {@code s [..., k]} ({@code k = min(m, n)}, descending) and, when {@code computeUv},
     * {@code u [..., m, m or k]} and {@code vt [..., n or k, n]} ({@code fullMatrices} chooses).
     */
    record Svd(boolean fullMatrices, boolean computeUv) implements Orthogonal {
        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            int[] mn = matrix(in, false);
            int m = mn[0], n = mn[1], k = Math.min(m, n);
            ShapedArray s = withMatrix(in, k);
            if (!computeUv) return Vector.of(s);
            return Vector.of(s, withMatrix(in, m, fullMatrices ? m : k), withMatrix(in, fullMatrices ? n : k, n));
        }
    }

    // ---------------------------------------------------------------------------------------
    // General (nonsymmetric) eigendecomposition
    // ---------------------------------------------------------------------------------------

    /**
     * The eigendecomposition of general square matrices {@code [..., n, n]}, as JAX's
     * {@code eig_p}: outputs the eigenvalues {@code w [..., n]}, then the left eigenvectors
     * {@code vl [..., n, n]} when {@code computeLeftEigenvectors} and the right ones
     * {@code vr [..., n, n]} when {@code computeRightEigenvectors} (columns, each of unit norm
     * with its largest component real, as LAPACK's {@code geev}). Operands are f32, f64, c64 or
     * c128; the outputs are always complex ({@code c64} for 32-bit operands, else {@code c128}),
     * since a real matrix may have complex eigenvalues. {@code enableEigvecDerivs} opts into
     * derivatives of the eigenvectors, which hold only for distinct eigenvalues (JAX's flag).
     */
    record Eig(boolean computeLeftEigenvectors, boolean computeRightEigenvectors, boolean enableEigvecDerivs) implements Primitive {
        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 1);
            ShapedArray x = in.head();
            dtype(this, x, d -> d == DType.F32 || d == DType.F64 || d.isComplex(), "float32, float64, complex64 or complex128");
            if (x.rank() < 2) throw new ShapeError(name(), "needs an operand of rank >= 2 ([..., n, n]), got " + x);
            int n = x.shape().dim(x.rank() - 1);
            if (x.shape().dim(x.rank() - 2) != n) throw new ShapeError(name(), "needs square matrices [..., n, n], got " + x);
            DType c = x.dtype().complexType();
            ShapedArray w = new ShapedArray(x.shape().without(x.rank() - 1), c, false), v = new ShapedArray(x.shape(), c, false);
            Vector<ShapedArray> out = Vector.of(w);
            if (computeLeftEigenvectors) out = out.append(v);
            if (computeRightEigenvectors) out = out.append(v);
            return out;
        }
    }

    // ---------------------------------------------------------------------------------------
    // Randomness: the Threefry cipher
    // ---------------------------------------------------------------------------------------

    /**
     * The Threefry-2x32 block cipher (20 rounds), as JAX's {@code threefry2x32_p}: operands
     * {@code key0, key1, x0, x1}, all u32 of one shape; outputs the two encrypted words.
     */
    record Threefry2x32() implements Primitive {
        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 4);
            for (ShapedArray a : in) dtype(this, a, d -> d == DType.U32, "u32");
            sameShapes(this, in);
            return Vector.of(in.head().strong(), in.head().strong());
        }
    }

    // ---------------------------------------------------------------------------------------
    // Fast Fourier transforms
    // ---------------------------------------------------------------------------------------

    /** The four transforms of {@link Fft}, as JAX's {@code FftType}. */
    enum FftType { FFT, IFFT, RFFT, IRFFT }

    /**
     * The discrete Fourier transform over the trailing {@code fftLengths.size()} (1 to 3) axes,
     * as JAX's {@code fft_p}: {@code FFT} and {@code IFFT} (divided by the product of the lengths)
     * map complex {@code [..., n1, n2]} to the same aval; {@code RFFT} maps real f32/f64
     * {@code [..., n1, n2]} to complex {@code [..., n1, n2 / 2 + 1]}; {@code IRFFT} maps complex
     * {@code [..., n1, n2 / 2 + 1]} back to real {@code [..., n1, n2]}. The leading axes are a batch.
     */
    record Fft(FftType fftType, Seq<Integer> fftLengths) implements Primitive {
        public Fft {
            requireNonNull(fftType, "fftType is null");
            fftLengths = Vector.ofAll(requireNonNull(fftLengths, "fftLengths is null"));
            if (fftLengths.isEmpty() || fftLengths.size() > 3 || fftLengths.exists(n -> n < 1)) {
                throw new ArgumentError("fft", "needs 1 to 3 positive fft_lengths, got " + fftLengths.mkString("(", ", ", ")"));
            }
        }

        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 1);
            ShapedArray x = in.head();
            int k = fftLengths.size(), r = x.rank();
            if (k > r) {
                throw new ShapeError(name(), fftType + " needs an operand of rank >= " + k + " (one axis per fft length "
                        + fftLengths.mkString("(", ", ", ")") + "), got " + x);
            }
            long[] dims = new long[r];
            for (int i = 0; i < r; i++) dims[i] = x.shape().dim(i);
            Seq<Long> minor = Vector.range(r - k, r).map(i -> (long) x.shape().dim(i));
            Seq<Long> lengths = fftLengths.map(Integer::longValue);
            DType out = switch (fftType) {
                case FFT, IFFT -> {
                    dtype(this, x, DType::isComplex, fftType + " of complex64 or complex128");
                    yield x.dtype();
                }
                case RFFT -> {
                    dtype(this, x, d -> d == DType.F32 || d == DType.F64, "RFFT of float32 or float64");
                    yield x.dtype().complexType();
                }
                case IRFFT -> {
                    dtype(this, x, DType::isComplex, "IRFFT of complex64 or complex128");
                    yield x.dtype().realType();
                }
            };
            boolean fits = fftType == FftType.IRFFT
                    ? minor.init().equals(lengths.init()) && x.shape().dim(r - 1) == fftLengths.last() / 2 + 1
                    : minor.equals(lengths);
            if (!fits) {
                String want = fftType == FftType.IRFFT
                        ? "minor dimensions " + lengths.init().append((long) fftLengths.last() / 2 + 1).mkString("(", ", ", ")")
                        : "minor dimensions equal to fft_lengths " + lengths.mkString("(", ", ", ")");
                throw new ShapeError(name(), fftType + " needs an operand with " + want + ", got " + x);
            }
            if (fftType == FftType.RFFT) dims[r - 1] = fftLengths.last() / 2 + 1;
            if (fftType == FftType.IRFFT) dims[r - 1] = fftLengths.last();
            return Vector.of(new ShapedArray(result(this, in, out, dims), out, false));
        }
    }

    // ---------------------------------------------------------------------------------------
    // Cholesky, LU, triangular solves
    // ---------------------------------------------------------------------------------------

    /**
     * Factorizations by Gaussian elimination and the triangular solves that use them, over
     * any number of leading batch axes ({@code [..., m, n]}), floating operands only.
     */
    sealed interface Elimination extends Primitive permits Cholesky, Lu, TriangularSolve {}

    /**
     * The lower Cholesky factor {@code L} of a symmetric positive-definite {@code a [..., n, n]},
     * {@code a = L L^T}; its upper triangle is zero. With {@code symmetrizeInput} it factors
     * {@code (a + a^T) / 2}, as JAX's {@code cholesky} does by default, and its tangent is
     * symmetrized likewise; without, it reads the lower triangle of {@code a} alone. (JAX
     * symmetrizes with separate operations before {@code cholesky_p}; here the kernel does it
     * while it copies its operand, saving a pass over the matrix that cost a third of the
     * factorization at {@code n = 512}.) As in JAX, a matrix that is not positive definite gives
     * a factor of NaNs (no exception).
     */
    record Cholesky(boolean symmetrizeInput) implements Elimination {
        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 1);
            squareMatrices(this, in.head(), "operand");
            return Vector.of(in.head().strong());
        }
    }

    /**
     * LU with partial pivoting of {@code a [..., m, n]}, as JAX's {@code lu_p}: outputs
     * {@code lu [..., m, n]} (unit-lower {@code L} below the diagonal, {@code U} on and above
     * it), {@code pivots i32[..., min(m, n)]} (row {@code i} was swapped with {@code pivots[i]})
     * and {@code permutation i32[..., m]}, with {@code a[permutation] = L U}.
     */
    record Lu() implements Elimination {
        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 1);
            ShapedArray a = in.head();
            matrices(this, a, "operand");
            int m = a.shape().dim(-2), n = a.shape().dim(-1);
            Shape batch = a.shape().without(a.rank() - 2, a.rank() - 1);
            return Vector.of(a.strong(), ShapedArray.of(DType.I32, batch.insert(batch.rank(), Math.min(m, n))),
                    ShapedArray.of(DType.I32, batch.insert(batch.rank(), m)));
        }
    }

    /**
     * Solves {@code op(a) x = b} ({@code leftSide}) or {@code x op(a) = b} for {@code x}, with
     * {@code a [..., k, k]} triangular ({@code lower} says which triangle is read) and
     * {@code op(a)} = {@code a}, or its transpose when {@code transposeA}; {@code conjugateA}
     * conjugates (a no-op on real dtypes); {@code unitDiagonal} takes the diagonal as ones.
     * {@code b} is {@code [..., k, n]} (left) or {@code [..., m, k]} (right), with the same
     * batch axes as {@code a}. Linear in {@code b}.
     */
    record TriangularSolve(boolean leftSide, boolean lower, boolean transposeA, boolean conjugateA, boolean unitDiagonal)
            implements Elimination {
        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 2);
            ShapedArray a = in.get(0), b = in.get(1);
            squareMatrices(this, a, "a");
            matrices(this, b, "b");
            sameDTypes(this, in);
            int k = a.shape().dim(-1), bk = b.shape().dim(leftSide ? -2 : -1);
            if (a.rank() != b.rank() || !a.shape().without(a.rank() - 2, a.rank() - 1).equals(b.shape().without(b.rank() - 2, b.rank() - 1))) {
                throw new ShapeError(name(), "a and b must have the same leading batch axes, got " + JaxjException.avals(in));
            }
            if (bk != k) {
                throw new ShapeError(name(), (leftSide ? "rows" : "columns") + " of b must equal the order of a ("
                        + (leftSide ? "left_side" : "right side") + "), got " + JaxjException.avals(in));
            }
            return Vector.of(b.strong());
        }
    }

    // ---------------------------------------------------------------------------------------
    // Differentiation markers
    // ---------------------------------------------------------------------------------------

    /** The identity, whose derivative is zero ({@code lax.stop_gradient}). */
    record StopGradient() implements Primitive {
        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            arity(this, in, 1);
            return in;
        }
    }

    /**
     * The linear map of a user-defined VJP, as it appears in a linearized program: operands
     * are {@code residuals ++ tangents}; its transpose calls the user's backward rule. The rule
     * is opaque here ({@code rule} is owned by the transforms), so this primitive is never
     * executed by a backend, only transposed.
     *
     * @param rule         the backward rule
     * @param numResiduals how many leading operands are residuals (non-linear)
     * @param outAvals     the avals of the tangent outputs
     */
    record CustomVjpLinear(Object rule, int numResiduals, Seq<ShapedArray> outAvals) implements Primitive {
        public CustomVjpLinear {
            requireNonNull(rule, "rule is null");
            outAvals = Vector.ofAll(outAvals);
        }

        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            minArity(this, in, numResiduals);
            return outAvals;
        }
    }

    // ---------------------------------------------------------------------------------------
    // Control flow
    // ---------------------------------------------------------------------------------------

    /**
     * Loops and branches: primitives whose parameters are programs. Every program is closed —
     * a value its Java lambda captured from outside is an operand of the primitive, not a
     * constant of the program — so the programs have no constant variables, and passes and
     * transforms treat them as plain data.
     */
    sealed interface ControlFlow extends Primitive permits Cond, Scan, While, Remat, CustomJvpCall, CustomVjpCall, Pjit {
        /** {@return the programs this primitive runs, in parameter order} */
        Seq<Jaxpr> jaxprs();

        /** {@return this primitive with its programs replaced (same count and order as {@link #jaxprs()})} */
        ControlFlow withJaxprs(Seq<Jaxpr> jaxprs);
    }

    /**
     * {@code cond[branches] index, operands…}: runs {@code branches[clamp(index, 0, n-1)]} on the
     * operands, as {@code lax.cond}/{@code lax.switch}. The index is an integer scalar; every
     * branch takes the operands' avals and returns the same avals.
     */
    record Cond(Seq<Jaxpr> branches) implements ControlFlow {
        public Cond {
            branches = Vector.ofAll(branches);
            ControlFlowRules.checkCond(branches);
        }

        @Override public Seq<Jaxpr> jaxprs() { return branches; }

        @Override public ControlFlow withJaxprs(Seq<Jaxpr> jaxprs) { return new Cond(jaxprs); }

        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            return ControlFlowRules.cond(this, in);
        }
    }

    /**
     * {@code scan[body, length, …] consts…, init…, xs… -> carry…, ys…}, as {@code lax.scan}:
     * {@code body(consts, carry, x_i) = (carry', y_i)} for {@code i} in {@code [0, length)}
     * ({@code length-1} down to 0 when {@code reverse}); each {@code xs} operand and each
     * {@code ys} result has a leading axis of {@code length}.
     *
     * @param body      takes {@code numConsts + numCarry + |xs|} inputs, returns {@code numCarry + |ys|}
     * @param unroll    how many iterations one step of the compiled loop runs (a hint, >= 1)
     */
    record Scan(Jaxpr body, int length, boolean reverse, int numConsts, int numCarry, int unroll) implements ControlFlow {
        public Scan {
            requireNonNull(body, "body is null");
            ControlFlowRules.checkScan(body, length, numConsts, numCarry, unroll);
        }

        /** {@return the number of scanned operands} */
        public int numXs() { return body.inVars().size() - numConsts - numCarry; }

        /** {@return the number of stacked results} */
        public int numYs() { return body.outs().size() - numCarry; }

        @Override public Seq<Jaxpr> jaxprs() { return Vector.of(body); }

        @Override public ControlFlow withJaxprs(Seq<Jaxpr> jaxprs) { return withBody(jaxprs.single()); }

        /** {@return this scan with another body of its own layout} */
        public Scan withBody(Jaxpr b) { return new Scan(b, length, reverse, numConsts, numCarry, unroll); }

        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            return ControlFlowRules.scan(this, in);
        }
    }

    /**
     * {@code while[cond, body, …] condConsts…, bodyConsts…, init… -> carry…}, as
     * {@code lax.while_loop}: repeats {@code carry = body(bodyConsts, carry)} while
     * {@code cond(condConsts, carry)} (a bool scalar) holds — at most {@code maxSteps} times when
     * {@code maxSteps >= 0}, which is what makes the loop differentiable in reverse mode.
     *
     * @param maxSteps the bound on the trip count, or {@link #UNBOUNDED}
     */
    record While(Jaxpr cond, Jaxpr body, int condConsts, int bodyConsts, int maxSteps) implements ControlFlow {
        /** {@link #maxSteps()} of a loop without a bound. */
        public static final int UNBOUNDED = -1;

        public While {
            requireNonNull(cond, "cond is null");
            requireNonNull(body, "body is null");
            ControlFlowRules.checkWhile(cond, body, condConsts, bodyConsts, maxSteps);
        }

        /** {@return the number of carried values} */
        public int numCarry() { return body.outs().size(); }

        /** {@return whether the trip count is bounded} */
        public boolean bounded() { return maxSteps != UNBOUNDED; }

        @Override public Seq<Jaxpr> jaxprs() { return Vector.of(cond, body); }

        @Override public ControlFlow withJaxprs(Seq<Jaxpr> jaxprs) { return new While(jaxprs.get(0), jaxprs.get(1), condConsts, bodyConsts, maxSteps); }

        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            return ControlFlowRules.whileLoop(this, in);
        }
    }

    /**
     * {@code remat[jaxpr, policy] operands…}: runs {@code body} on the operands, as
     * {@code jax.checkpoint}. Its value is the body's; what changes is reverse mode, which saves
     * only the intermediate values {@code policy} marks saveable and recomputes the rest from
     * the operands in the backward pass.
     */
    record Remat(Jaxpr body, CheckpointPolicy policy) implements ControlFlow {
        public Remat {
            requireNonNull(body, "body is null");
            requireNonNull(policy, "policy is null");
            if (!body.constVars().isEmpty()) throw new ArgumentError("remat", "programs of control flow are closed (constants are operands)");
        }

        @Override public Seq<Jaxpr> jaxprs() { return Vector.of(body); }

        @Override public ControlFlow withJaxprs(Seq<Jaxpr> jaxprs) { return new Remat(jaxprs.single(), policy); }

        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            ShapeRules.arity(this, in, body.inVars().size());
            for (int i = 0; i < in.size(); i++) {
                ShapedArray e = body.inAvals().get(i), a = in.get(i);
                if (e.dtype() != a.dtype() || !e.shape().equals(a.shape())) {
                    throw new ShapeError("remat", "operand " + i + " must be " + e + ", got " + a);
                }
            }
            return body.outAvals().map(ShapedArray::strong);
        }
    }

    /**
     * {@code custom_jvp_call[fun, jvp, num_consts] consts…, args…}: a function with a
     * user-defined JVP, staged so that the rule survives inside loop bodies and jitted code.
     * {@code fun} takes {@code consts ++ args}. The rule is traced only when forward mode needs
     * it (a rule may call the function itself), so it is opaque here: {@code jvp} is owned by
     * the transforms. The captured constants have no tangents, as in JAX's {@code custom_jvp}.
     */
    record CustomJvpCall(Jaxpr fun, Object jvp, int numConsts) implements ControlFlow {
        public CustomJvpCall {
            requireNonNull(fun, "fun is null");
            requireNonNull(jvp, "jvp is null");
            if (numConsts < 0 || numConsts > fun.inVars().size()) throw new ArgumentError("custom_jvp_call", "num_consts out of range: " + numConsts);
        }

        @Override public Seq<Jaxpr> jaxprs() { return Vector.of(fun); }

        @Override public ControlFlow withJaxprs(Seq<Jaxpr> jaxprs) { return new CustomJvpCall(jaxprs.single(), jvp, numConsts); }

        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            return ControlFlowRules.call(this, fun, in);
        }
    }

    /**
     * {@code custom_vjp_call[fun, rules, num_consts] consts…, args…}: a function with a
     * user-defined VJP, staged. {@code fun} takes {@code consts ++ args}; the forward and
     * backward rules are traced only when differentiation needs them, so they are opaque here.
     */
    record CustomVjpCall(Jaxpr fun, Object rules, int numConsts) implements ControlFlow {
        public CustomVjpCall {
            requireNonNull(fun, "fun is null");
            requireNonNull(rules, "rules is null");
            if (numConsts < 0 || numConsts > fun.inVars().size()) throw new ArgumentError("custom_vjp_call", "num_consts out of range: " + numConsts);
        }

        @Override public Seq<Jaxpr> jaxprs() { return Vector.of(fun); }

        @Override public ControlFlow withJaxprs(Seq<Jaxpr> jaxprs) { return new CustomVjpCall(jaxprs.single(), rules, numConsts); }

        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            return ControlFlowRules.call(this, fun, in);
        }
    }

    /**
     * {@code pjit[name, jaxpr] operands…}: a jit-compiled function called under a transform or
     * inside another jitted function, as JAX's {@code pjit}. It is traced once per call into its
     * own program, which transforms treat as a unit; a program about to run inlines it, so the
     * compiler fuses across the call.
     */
    record Pjit(Jaxpr body, String functionName) implements ControlFlow {
        public Pjit {
            requireNonNull(body, "body is null");
            requireNonNull(functionName, "functionName is null");
        }

        @Override public Seq<Jaxpr> jaxprs() { return Vector.of(body); }

        @Override public ControlFlow withJaxprs(Seq<Jaxpr> jaxprs) { return new Pjit(jaxprs.single(), functionName); }

        @Override
        public Seq<ShapedArray> abstractEval(Seq<ShapedArray> in) {
            return ControlFlowRules.call(this, body, in);
        }
    }
}
