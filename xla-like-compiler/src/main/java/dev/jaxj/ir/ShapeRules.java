package dev.jaxj.ir;

import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.JaxjException;
import dev.jaxj.errors.ShapeError;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.function.Predicate;

/** Checks shared by the primitives' shape and dtype rules; each failure names the op and the avals. */
final class ShapeRules {
    private ShapeRules() {}

    static void arity(Primitive p, Seq<ShapedArray> in, int n) {
        if (in.size() != n) {
            throw new ArgumentError(p.name(), "takes " + n + " operand" + (n == 1 ? "" : "s") + ", got " + in.size()
                    + (in.isEmpty() ? "" : ": " + JaxjException.avals(in)));
        }
    }

    static void minArity(Primitive p, Seq<ShapedArray> in, int n) {
        if (in.size() < n) throw new ArgumentError(p.name(), "takes at least " + n + " operands, got " + in.size());
    }

    static void dtype(Primitive p, ShapedArray x, Predicate<DType> ok, String required) {
        if (!ok.test(x.dtype())) throw new DTypeError(p.name(), "requires " + required + " operands, got " + x);
    }

    static void sameDTypes(Primitive p, Seq<ShapedArray> in) {
        DType d = in.head().dtype();
        if (in.exists(a -> a.dtype() != d)) {
            throw new DTypeError(p.name(), "requires operands of one dtype, got " + JaxjException.avals(in));
        }
    }

    static void sameShapes(Primitive p, Seq<ShapedArray> in) {
        Shape s = in.head().shape();
        if (in.exists(a -> !a.shape().equals(s))) {
            throw new ShapeError(p.name(), "requires operands of equal shapes, got " + JaxjException.avals(in));
        }
    }

    static boolean allWeak(Seq<ShapedArray> in) {
        return in.forAll(ShapedArray::weakType);
    }

    static void scalar(Primitive p, ShapedArray x, String what) {
        if (x.rank() != 0) throw new ShapeError(p.name(), what + " must be a scalar, got " + x);
    }

    /** Linear algebra operands: floating {@code [..., m, n]} (rank at least 2). */
    static void matrices(Primitive p, ShapedArray x, String what) {
        dtype(p, x, DType::isFloating, "floating-point");
        if (x.rank() < 2) throw new ShapeError(p.name(), what + " must have rank >= 2 ([..., m, n]), got " + x);
    }

    /** Linear algebra operands that must be square: floating {@code [..., n, n]}. */
    static void squareMatrices(Primitive p, ShapedArray x, String what) {
        matrices(p, x, what);
        if (x.shape().dim(-1) != x.shape().dim(-2)) throw new ShapeError(p.name(), what + " must be square matrices ([..., n, n]), got " + x);
    }

    /** Axes given as static params must lie in {@code [0, rank)} (already normalised by the caller). */
    static void axesInRange(Primitive p, Seq<Integer> axes, int rank, ShapedArray x) {
        for (int a : axes) {
            if (a < 0 || a >= rank) throw new ShapeError(p.name(), "axis " + a + " is out of range for rank " + rank + ", got " + x);
        }
    }

    /** Validates a static axis list at construction: non-negative and unique. */
    static Vector<Integer> uniqueAxes(String op, Seq<Integer> axes) {
        Vector<Integer> v = Vector.ofAll(axes);
        if (v.exists(a -> a < 0)) throw new ArgumentError(op, "axes must be non-negative (normalise negatives first), got " + v.mkString("(", ", ", ")"));
        if (v.distinct().size() != v.size()) throw new ArgumentError(op, "axes must be unique, got " + v.mkString("(", ", ", ")"));
        return v;
    }

    static Vector<Integer> positive(String op, String what, Seq<Integer> xs) {
        Vector<Integer> v = Vector.ofAll(xs);
        if (v.exists(a -> a < 1)) throw new ArgumentError(op, what + " must be >= 1, got " + v.mkString("(", ", ", ")"));
        return v;
    }

    static int[] ints(Seq<Integer> s) {
        int[] r = new int[s.size()];
        int i = 0;
        for (int x : s) r[i++] = x;
        return r;
    }

    /**
     * The output size of a strided, dilated window over a padded, dilated input dimension, in
     * {@code long}: large paddings and dilations must not wrap around before {@link #result} checks them.
     */
    static long windowOutputSize(int in, int lo, int hi, int baseDilation, int window, int windowDilation, int stride) {
        long dilatedIn = in == 0 ? 0 : (in - 1L) * baseDilation + 1;
        long padded = dilatedIn + lo + hi;
        long dilatedWindow = (window - 1L) * windowDilation + 1;
        return padded < dilatedWindow ? 0 : (padded - dilatedWindow) / stride + 1;
    }

    /**
     * {@return the shape of {@code p}'s result}, from sizes the rule computed in {@code long}.
     *
     * @throws ShapeError for a negative size or more than 2^31-1 elements, naming the operation
     *                    the user called, the requested aval and {@code p}'s operands
     */
    static Shape result(Primitive p, Seq<ShapedArray> in, DType dtype, long... dims) {
        return Shape.checked(Option.some(dtype), dims, () -> " from " + p.name() + " of " + JaxjException.avals(in));
    }

    /** {@return the shape of {@code p}'s result} (see {@link #result(Primitive, Seq, DType, long...)}) */
    static Shape result(Primitive p, Seq<ShapedArray> in, DType dtype, int[] dims) {
        return result(p, in, dtype, java.util.Arrays.stream(dims).asLongStream().toArray());
    }

    /** CamelCase record name to JAX's snake_case primitive name. */
    /** Primitive names by class, computed once: every eager operation asks for its name. */
    static final ClassValue<String> NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) { return snake(type.getSimpleName()); }
    };

    static String snake(String camel) {
        var sb = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) sb.append('_');
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
