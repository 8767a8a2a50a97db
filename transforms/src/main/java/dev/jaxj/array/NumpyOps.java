package dev.jaxj.array;

import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.JaxjException;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.DotDimensionNumbers;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.Arrays;
import java.util.function.BinaryOperator;

/**
 * NumPy semantics on top of the strict primitives: broadcasting, type promotion, axis
 * normalisation, reductions with {@code keepdims}, and {@code matmul}. Both the fluent
 * {@link Array} methods and {@code Jnp} are written with these.
 */
public final class NumpyOps {
    private NumpyOps() {}

    /** {@return the NumPy broadcast of several shapes} @throws ShapeError naming the op and the shapes when they are incompatible */
    public static Shape broadcastShapes(String op, Seq<Shape> shapes) {
        int rank = shapes.map(Shape::rank).max().getOrElse(0);
        int[] out = new int[rank];
        Arrays.fill(out, 1);
        for (Shape s : shapes) {
            for (int i = 0; i < s.rank(); i++) {
                int o = rank - s.rank() + i, d = s.dim(i);
                if (d == out[o] || d == 1) continue;
                if (out[o] != 1) {
                    throw new ShapeError(op, "operands could not be broadcast together, got shapes "
                            + shapes.map(Shape::toString).mkString(" and "));
                }
                out[o] = d;
            }
        }
        return Shape.of(out);
    }

    /** {@return {@code x} broadcast to {@code shape} by NumPy's rules (trailing axes aligned)} */
    public static Array broadcastTo(Array x, Shape shape) {
        if (x.shape().equals(shape)) return x;
        Shape target = broadcastShapes("broadcast_to", Vector.of(x.shape(), shape));
        if (!target.equals(shape)) {
            throw new ShapeError("broadcast_to", "cannot broadcast " + x.aval() + " to shape " + shape);
        }
        int lead = shape.rank() - x.ndim();
        // Size-1 axes that must grow are dropped first, so broadcast_in_dim sees only exact matches or new axes.
        Vector<Integer> keep = Vector.range(0, x.ndim()).filter(i -> x.shape().dim(i) == shape.dim(lead + i));
        Vector<Integer> drop = Vector.range(0, x.ndim()).filter(i -> !keep.contains(i));
        Array squeezed = Lax.reshape(x, x.shape().without(NumpyOps.ints(drop)));
        return Lax.broadcastInDim(squeezed, shape, keep.map(i -> lead + i));
    }

    /** Promotes operands to their common dtype (JAX's lattice; Java scalars are weak). */
    public static Seq<Array> promote(Seq<Array> xs) {
        Promotion.Typed t = Promotion.resultType(xs.map(Array::aval));
        return xs.map(x -> x.dtype() == t.dtype() ? x : convert(x, t));
    }

    /** A Java scalar converts from its exact value, directly (no operation to trace); other arrays through convert_element_type. */
    private static Array convert(Array x, Promotion.Typed t) {
        if (x instanceof ConcreteArray c && c.exact() != null) return Array.scalar(c.exact(), t.dtype(), t.weak());
        return Lax.convertElementType(x, t.dtype(), t.weak());
    }

    /** Applies a strict binary op after NumPy promotion and broadcasting. */
    public static Array binary(String op, BinaryOperator<Array> strict, Array x, Array y) {
        Seq<Array> p = promote(Vector.of(x, y));
        Shape s = broadcastShapes(op, Vector.of(x.shape(), y.shape()));
        return strict.apply(broadcastTo(p.get(0), s), broadcastTo(p.get(1), s));
    }

    /** Like {@link #binary} but without promotion: for ops whose operands keep their own dtypes. */
    public static Array broadcasted(String op, BinaryOperator<Array> strict, Array x, Array y) {
        Shape s = broadcastShapes(op, Vector.of(x.shape(), y.shape()));
        return strict.apply(broadcastTo(x, s), broadcastTo(y, s));
    }

    /** {@return the floating dtype an operation on {@code x} computes in (ints and bools become f32)} */
    public static Array toInexact(Array x) {
        return x.dtype().isFloating() ? x : Lax.convertElementType(x, DType.F32, x.weakType());
    }

    /** NumPy's true division: integers are divided as floats. */
    public static Array trueDivide(Array x, Array y) {
        Seq<Array> p = promote(Vector.of(x, y));
        return binary("divide", Lax::div, toInexact(p.get(0)), toInexact(p.get(1)));
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
        Seq<Array> p = promote(Vector.of(a, b));
        Array x = a.ndim() == 1 ? Lax.expandDims(p.get(0), Vector.of(0)) : p.get(0);
        Array y = b.ndim() == 1 ? Lax.expandDims(p.get(1), Vector.of(1)) : p.get(1);
        int k1 = x.shape().dim(-1), k2 = y.shape().dim(-2);
        if (k1 != k2) {
            throw new ShapeError("matmul", "contracting dimensions must have equal sizes, got " + a.aval() + " (last axis = " + k1
                    + ") and " + b.aval() + " (axis " + (b.ndim() == 1 ? 0 : b.ndim() - 2) + " = " + k2 + ")");
        }
        Shape xb = Shape.of(Arrays.copyOf(x.shape().toArray(), x.ndim() - 2));
        Shape yb = Shape.of(Arrays.copyOf(y.shape().toArray(), y.ndim() - 2));
        Shape batch = broadcastShapes("matmul", Vector.of(xb, yb));
        int nb = batch.rank();
        x = broadcastTo(x, concat(batch, x.shape().dim(-2), x.shape().dim(-1)));
        y = broadcastTo(y, concat(batch, y.shape().dim(-2), y.shape().dim(-1)));
        Vector<Integer> bd = Vector.range(0, nb);
        Array out = Lax.dotGeneral(x, y, new DotDimensionNumbers(Vector.of(nb + 1), Vector.of(nb), bd, bd));
        if (a.ndim() == 1) out = Lax.squeeze(out, Vector.of(out.ndim() - 2));
        if (b.ndim() == 1) out = Lax.squeeze(out, Vector.of(out.ndim() - 1));
        return out;
    }

    private static Shape concat(Shape batch, int... tail) {
        int[] d = Arrays.copyOf(batch.toArray(), batch.rank() + tail.length);
        System.arraycopy(tail, 0, d, batch.rank(), tail.length);
        return Shape.of(d);
    }

    static int[] ints(Seq<Integer> s) {
        return s.toJavaStream().mapToInt(Integer::intValue).toArray();
    }
}
