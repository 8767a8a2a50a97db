package dev.jaxj.array;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.JaxjException;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.DotDimensionNumbers;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.Arrays;

/**
 * NumPy semantics on top of the strict primitives: broadcasting, type promotion (with Java
 * scalars weakly typed), axis normalisation, reductions with {@code keepdims}, and
 * {@code matmul}. This is the one NumPy layer: the fluent {@link Array} methods, {@link Ufuncs}
 * and {@code Jnp} are all written with these.
 */
public final class NumpyOps {
    private NumpyOps() {}

    /** {@return the NumPy broadcast of several shapes} @throws ShapeError naming the op and the shapes when they are incompatible */
    public static Shape broadcastShapes(String op, Seq<Shape> shapes) {
        return broadcast(shapes).getOrElseThrow(() -> new ShapeError(op,
                "operands could not be broadcast together, got shapes " + shapes.map(Shape::toString).mkString(" and ")));
    }

    /** {@return the NumPy broadcast of the operands' shapes} @throws ShapeError naming the op and the operands' avals when they are incompatible */
    public static Shape broadcastShape(String op, Seq<Array> xs) {
        return broadcast(xs.map(Array::shape)).getOrElseThrow(() -> new ShapeError(op,
                "operands could not be broadcast together, got " + avals(xs)));
    }

    /** {@return the broadcast shape, or none when two sizes of one axis differ and neither is 1} */
    public static Option<Shape> broadcast(Seq<Shape> shapes) {
        int rank = shapes.map(Shape::rank).max().getOrElse(0);
        int[] out = new int[rank];
        Arrays.fill(out, 1);
        for (Shape s : shapes) {
            for (int i = 0; i < s.rank(); i++) {
                int o = rank - s.rank() + i, d = s.dim(i);
                if (d == out[o] || d == 1) continue;
                if (out[o] != 1) return Option.none();
                out[o] = d;
            }
        }
        return Option.some(Shape.of(out));
    }

    /** {@return whether NumPy broadcasting takes {@code from} to exactly {@code to}} */
    public static boolean broadcastsTo(Shape from, Shape to) {
        return broadcast(Vector.of(from, to)).contains(to);
    }

    /** {@return {@code x} broadcast to {@code shape} by NumPy's rules (trailing axes aligned)} */
    public static Array broadcastTo(Array x, Shape shape) {
        if (x.shape().equals(shape)) return x;
        if (!broadcastsTo(x.shape(), shape)) {
            throw new ShapeError("broadcast_to", "cannot broadcast " + x.aval() + " to shape " + shape);
        }
        int lead = shape.rank() - x.ndim();
        // Size-1 axes that must grow are dropped first, so broadcast_in_dim sees only exact matches or new axes.
        Vector<Integer> keep = Vector.range(0, x.ndim()).filter(i -> x.shape().dim(i) == shape.dim(lead + i));
        Vector<Integer> drop = Vector.range(0, x.ndim()).filter(i -> !keep.contains(i));
        Array squeezed = Lax.reshape(x, x.shape().without(NumpyOps.ints(drop)));
        return Lax.broadcastInDim(squeezed, shape, keep.map(i -> lead + i));
    }

    /**
     * Promotes operands to their common dtype in the family {@code kind} (JAX's lattice). Java
     * scalars are weak: each converts from its exact value, once, to the dtype chosen.
     *
     * @throws ArgumentError naming {@code op} for a Java integer that the chosen dtype cannot hold
     */
    public static Seq<Array> promote(String op, Promotion.Kind kind, Seq<Array> xs) {
        Promotion.Typed t = Promotion.resultType(kind, xs.map(Array::aval));
        return xs.map(x -> convert(op, x, t, xs));
    }

    /** {@return the operands promoted to their common dtype of {@code kind} and broadcast to one shape} */
    public static Vector<Array> prepare(String op, Promotion.Kind kind, Seq<Array> xs) {
        Shape s = broadcastShape(op, xs);
        return promote(op, kind, xs).toVector().map(x -> broadcastTo(x, s));
    }

    /** {@return the operands broadcast to one shape, dtypes untouched} */
    public static Vector<Array> broadcast(String op, Seq<Array> xs) {
        Shape s = broadcastShape(op, xs);
        return xs.toVector().map(x -> broadcastTo(x, s));
    }

    /** A Java scalar converts from its exact value, directly (no operation to trace); other arrays through convert_element_type. */
    private static Array convert(String op, Array x, Promotion.Typed t, Seq<Array> operands) {
        // A Java scalar already of the chosen dtype holds its value (scalar(long) picks i64 for what i32 cannot hold).
        if (x.dtype() == t.dtype()) return x;
        if (x instanceof ConcreteArray c && c.exact(op) != null) return JavaScalars.convert(op, c.exact(op), t, () -> avals(operands));
        return Lax.convertElementType(x, t.dtype(), t.weak());
    }

    /** {@return the avals of {@code xs} for a message, e.g. {@code f32[3], i32[]}} */
    public static String avals(Seq<Array> xs) {
        return JaxjException.avals(xs.map(Array::aval));
    }

    /** {@return an array shaped, typed and weakly typed like {@code x}, filled with {@code v}} (exact in f64) */
    public static Array fullLike(Array x, double v) {
        Array s = Array.fromHost(new ShapedArray(Shape.SCALAR, x.dtype(), x.weakType()), HostData.filled(x.dtype(), 1, v));
        return Lax.broadcastInDim(s, x.shape(), Vector.empty());
    }

    /**
     * {@return {@code x} in the type a sum or product accumulates in}: JAX's {@code promote_integers},
     * which takes bools and integers narrower than the default int to it (i32, or u32 for unsigned
     * ones), as NumPy takes them to its widest; other types are kept
     */
    public static Array promoteIntegers(Array x) {
        DType to = switch (x.dtype()) {
            case BOOL, I8, I16 -> DType.I32;
            case U8, U16 -> DType.U32;
            case F32, F64, I32, I64, U32, U64, BF16, F16, C64, C128 -> x.dtype();
        };
        return to == x.dtype() ? x : Lax.convertElementType(x, to);
    }

    /**
     * {@return the inexact dtype an operation on {@code x} computes in}: ints and bools become f32,
     * floating and complex arrays stay as they are (JAX's {@code promote_args_inexact})
     */
    public static Array toInexact(Array x) {
        return x.dtype().isInexact() ? x : Lax.convertElementType(x, DType.F32, x.weakType());
    }

    /** {@return {@code axis} in {@code [0, rank)}, counting negative axes from the end} */
    public static int normalizeAxis(String op, int axis, int rank) {
        if (axis < -rank || axis >= rank) {
            throw new ShapeError(op, "axis " + axis + " is out of bounds for an array of rank " + rank);
        }
        return axis < 0 ? axis + rank : axis;
    }

    /** Normalises several axes; none given means all axes. Duplicates are an error. */
    public static Vector<Integer> normalizeAxes(String op, int[] axes, int rank) {
        if (axes.length == 0) return Vector.range(0, rank);
        Vector<Integer> v = Vector.ofAll(axes).map(a -> normalizeAxis(op, a, rank));
        if (v.distinct().size() != v.size()) throw new ArgumentError(op, "repeated axis in " + Arrays.toString(axes));
        return v;
    }

    /** Re-inserts reduced axes as size 1 when {@code keepdims}. */
    public static Array keepDims(Array reduced, Seq<Integer> axes, boolean keepdims) {
        return keepdims ? Lax.expandDims(reduced, axes.sorted()) : reduced;
    }

    /** A reduction in NumPy form: normalised axes, optional {@code keepdims}. */
    public static Array reduce(String op, Array x, int[] axes, boolean keepdims, java.util.function.BiFunction<Array, Seq<Integer>, Array> strict) {
        Vector<Integer> ax = normalizeAxes(op, axes, x.ndim());
        return keepDims(strict.apply(x, ax), ax, keepdims);
    }

    /** Reshape with at most one {@code -1}, inferred from the element count. */
    public static Array reshape(Array x, int... newShape) {
        int infer = -1;
        long known = 1;
        for (int i = 0; i < newShape.length; i++) {
            if (newShape[i] == -1) {
                if (infer >= 0) throw new ArgumentError("reshape", "can only infer one dimension, got " + Arrays.toString(newShape));
                infer = i;
            } else if (newShape[i] < 0) {
                throw new ArgumentError("reshape", "dimensions must be >= 0 or -1, got " + Arrays.toString(newShape));
            } else {
                known *= newShape[i];
            }
        }
        int[] dims = newShape.clone();
        if (infer >= 0) {
            if (known == 0 || x.size() % known != 0) {
                throw new ShapeError("reshape", "cannot reshape " + x.aval() + " (" + x.size() + " elements) into shape " + Arrays.toString(newShape));
            }
            dims[infer] = (int) (x.size() / known);
        }
        if (Shape.of(dims).size() != x.size()) {
            throw new ShapeError("reshape", "cannot reshape " + x.aval() + " (" + x.size() + " elements) into shape " + Shape.of(dims));
        }
        return Lax.reshape(x, Shape.of(dims));
    }

    /**
     * NumPy's {@code matmul}: 1-d operands are promoted to matrices and the added axis removed
     * afterwards; leading (batch) axes broadcast.
     */
    public static Array matmul(Array a, Array b) {
        if (a.ndim() == 0 || b.ndim() == 0) {
            throw new ShapeError("matmul", "operands must have rank >= 1, got " + JaxjException.avals(a.aval(), b.aval()));
        }
        Seq<Array> p = promote("matmul", Promotion.Kind.ANY, Vector.of(a, b));
        Array x = a.ndim() == 1 ? Lax.expandDims(p.get(0), Vector.of(0)) : p.get(0);
        Array y = b.ndim() == 1 ? Lax.expandDims(p.get(1), Vector.of(1)) : p.get(1);
        int k1 = x.shape().dim(-1), k2 = y.shape().dim(-2);
        if (k1 != k2) {
            throw new ShapeError("matmul", "contracting dimensions must have equal sizes, got " + a.aval() + " (last axis = " + k1
                    + ") and " + b.aval() + " (axis " + (b.ndim() == 1 ? 0 : b.ndim() - 2) + " = " + k2 + ")");
        }
        // A matrix on the right multiplies every row of x's leading axes alike, as jnp.matmul
        // contracts it: one product over all of them, rather than the matrix broadcast to x's
        // batch axes and one product per batch (whose gradient then sums the copies).
        Array out = y.ndim() == 2
                ? Lax.dotGeneral(x, y, new DotDimensionNumbers(Vector.of(x.ndim() - 1), Vector.of(0), Vector.empty(), Vector.empty()))
                : batchedProduct(a, b, x, y);
        if (a.ndim() == 1) out = Lax.squeeze(out, Vector.of(out.ndim() - 2));
        if (b.ndim() == 1) out = Lax.squeeze(out, Vector.of(out.ndim() - 1));
        return out;
    }

    /** Stacks of matrices {@code x} and {@code y} (from {@code a} and {@code b}) with their batch axes broadcast, multiplied batch by batch. */
    private static Array batchedProduct(Array a, Array b, Array x, Array y) {
        Shape xb = Shape.of(Arrays.copyOf(x.shape().toArray(), x.ndim() - 2));
        Shape yb = Shape.of(Arrays.copyOf(y.shape().toArray(), y.ndim() - 2));
        Shape batch = broadcast(Vector.of(xb, yb)).getOrElseThrow(() -> new ShapeError("matmul",
                "batch dimensions must broadcast, got " + a.aval() + " (batch " + dims(xb) + ") and " + b.aval() + " (batch " + dims(yb) + ")"));
        int nb = batch.rank();
        x = broadcastTo(x, concat(batch, x.shape().dim(-2), x.shape().dim(-1)));
        y = broadcastTo(y, concat(batch, y.shape().dim(-2), y.shape().dim(-1)));
        Vector<Integer> bd = Vector.range(0, nb);
        return Lax.dotGeneral(x, y, new DotDimensionNumbers(Vector.of(nb + 1), Vector.of(nb), bd, bd));
    }

    private static Shape concat(Shape batch, int... tail) {
        int[] d = Arrays.copyOf(batch.toArray(), batch.rank() + tail.length);
        System.arraycopy(tail, 0, d, batch.rank(), tail.length);
        return Shape.of(d);
    }

    /** Dimensions for a message: {@code (2, 3)}, {@code (5)} or {@code ()}. */
    private static String dims(Shape s) {
        return Vector.range(0, s.rank()).map(s::dim).mkString("(", ", ", ")");
    }

    static int[] ints(Seq<Integer> s) {
        return s.toJavaStream().mapToInt(Integer::intValue).toArray();
    }
}
