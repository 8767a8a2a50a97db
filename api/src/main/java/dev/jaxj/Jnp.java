package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.array.Promotion;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.numpy.Creation;

/**
 * The NumPy surface, with JAX's names in camelCase ({@code jnp.zeros_like} is
 * {@link #zerosLike}). Functions accept arrays and return new arrays; nothing is modified in
 * place. Broadcasting and type promotion follow JAX; Java scalars are weakly typed.
 * {@snippet :
 * Array x = Jnp.linspace(-1, 1, 5);              // f32[5]
 * Array y = Jnp.where(x.gt(0), x, Jnp.zerosLike(x));
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

    public static Array zeros(int... shape) { return full(Shape.of(shape), 0, DType.F32); }
    public static Array zeros(Shape shape, DType dtype) { return full(shape, 0, dtype); }
    public static Array ones(int... shape) { return full(Shape.of(shape), 1, DType.F32); }
    public static Array ones(Shape shape, DType dtype) { return full(shape, 1, dtype); }
    public static Array full(Shape shape, double value, DType dtype) { return Creation.full(shape, value, dtype); }
    public static Array zerosLike(Array x) { return full(x.shape(), 0, x.dtype()); }
    public static Array onesLike(Array x) { return full(x.shape(), 1, x.dtype()); }
    public static Array fullLike(Array x, double value) { return full(x.shape(), value, x.dtype()); }

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

    /** {@return the {@code n x n} identity matrix, f32} */
    public static Array eye(int n) { return Creation.eye(n, n, 0, DType.F32); }
    public static Array eye(int n, int m, int k, DType dtype) { return Creation.eye(n, m, k, dtype); }

    // Types -----------------------------------------------------------------------------------

    /** {@return JAX's {@code promote_types}: the dtype a binary operation on {@code a} and {@code b} computes in} */
    public static DType promoteTypes(DType a, DType b) { return Promotion.promoteTypes(a, b); }
}
