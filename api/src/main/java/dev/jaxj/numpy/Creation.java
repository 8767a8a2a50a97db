package dev.jaxj.numpy;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.array.Array;
import dev.jaxj.array.JavaScalars;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;

import java.util.function.IntToDoubleFunction;

/** Arrays from Java data and from shapes. Java arrays are always copied: arrays never alias user memory. */
public final class Creation {
    private Creation() {}

    /** {@return a copy of a (possibly nested, rectangular) Java primitive array} */
    public static Array fromJava(Object data) {
        if (data == null) throw new ArgumentError("array", "data is null");
        int[] dims = dims(data);
        Shape shape = Shape.of(dims);
        DType dtype = leafDType(data, dims.length);
        HostData buf = HostData.allocate(dtype, shape.size());
        fill(data, dims, 0, buf, new int[] {0});
        return Array.fromHost(ShapedArray.of(dtype, shape), buf);
    }

    /** {@return a copy of {@code data} with the given shape} */
    public static Array fromJava(Object flat, DType dtype, Shape shape) {
        Array a = fromJava(flat);
        if (a.ndim() != 1 || a.size() != shape.size()) {
            throw new ShapeError("array", "data of " + a.size() + " elements does not fit shape " + shape);
        }
        return Lax.reshape(Lax.convertElementType(a, dtype), shape);
    }

    private static int[] dims(Object data) {
        var dims = new java.util.ArrayList<Integer>();
        Object cur = data;
        while (cur != null && cur.getClass().isArray()) {
            int n = java.lang.reflect.Array.getLength(cur);
            dims.add(n);
            if (!cur.getClass().getComponentType().isArray()) break;
            cur = n == 0 ? null : java.lang.reflect.Array.get(cur, 0);
        }
        if (!data.getClass().isArray()) throw new ArgumentError("array", "expected a Java primitive array, got " + data.getClass().getSimpleName());
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    private static DType leafDType(Object data, int rank) {
        Class<?> c = data.getClass();
        for (int i = 0; i < rank; i++) c = c.getComponentType();
        if (c == float.class) return DType.F32;
        if (c == double.class) return DType.F64;
        if (c == int.class || c == short.class || c == byte.class) return DType.I32;
        if (c == long.class) return DType.I64;
        if (c == boolean.class) return DType.BOOL;
        throw new ArgumentError("array", "element type must be float, double, int, long or boolean, got " + c.getSimpleName());
    }

    private static void fill(Object data, int[] dims, int axis, HostData out, int[] pos) {
        int n = java.lang.reflect.Array.getLength(data);
        if (n != dims[axis]) {
            throw new ShapeError("array", "ragged nested arrays: axis " + axis + " has lengths " + dims[axis] + " and " + n);
        }
        if (axis == dims.length - 1) {
            switch (data) {
                // Copied as they are: a float passed through a double would lose a signaling NaN's payload bit.
                case float[] a -> { System.arraycopy(a, 0, out.f32(), pos[0], a.length); pos[0] += a.length; }
                case double[] a -> { System.arraycopy(a, 0, out.f64(), pos[0], a.length); pos[0] += a.length; }
                case int[] a -> { for (int v : a) out.setLong(pos[0]++, v); }
                case short[] a -> { for (short v : a) out.setLong(pos[0]++, v); }
                case byte[] a -> { for (byte v : a) out.setLong(pos[0]++, v); }
                case long[] a -> { for (long v : a) out.setLong(pos[0]++, v); }
                case boolean[] a -> { for (boolean v : a) out.setLong(pos[0]++, v ? 1 : 0); }
                default -> throw new ShapeError("array", "ragged nested arrays at axis " + axis);
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            Object row = java.lang.reflect.Array.get(data, i);
            if (row == null || !row.getClass().isArray()) throw new ShapeError("array", "ragged nested arrays at axis " + (axis + 1));
            fill(row, dims, axis + 1, out, pos);
        }
    }

    /** {@return an array of {@code shape} filled with {@code value}} */
    public static Array full(Shape shape, double value, DType dtype) {
        return Lax.broadcastInDim(Array.scalar(value, dtype), shape, Vector.empty());
    }

    /**
     * {@return an array of {@code shape} filled with the integer {@code value}}, exact for i64
     * @throws ArgumentError when {@code dtype} cannot hold {@code value}
     */
    public static Array full(Shape shape, long value, DType dtype) {
        JavaScalars.requireFits("full", value, dtype, ShapedArray.of(dtype, shape).toString());
        HostData b = HostData.allocate(dtype, 1);
        b.setLong(0, value);
        return Lax.broadcastInDim(Array.fromHost(ShapedArray.of(dtype), b), shape, Vector.empty());
    }

    /**
     * {@return {@code [start, stop)} in steps of {@code step}, like NumPy's arange}
     *
     * @throws ArgumentError when the length cannot be computed: a NaN or infinite bound or step, or a zero step
     * @throws ShapeError    when the length exceeds 2^31-1
     */
    public static Array arange(double start, double stop, double step, DType dtype) {
        if (!Double.isFinite(start) || !Double.isFinite(stop) || !Double.isFinite(step) || step == 0) {
            throw new ArgumentError("arange", "cannot compute the length: start, stop and step must be finite and step non-zero, got start "
                    + start + ", stop " + stop + ", step " + step);
        }
        // In double, then saturating to long: Shape refuses a length past 2^31-1 instead of clamping it.
        // Bounds near ±Double.MAX_VALUE overflow stop - start; dividing first keeps such lengths finite.
        double delta = stop - start;
        double length = Math.ceil(Double.isFinite(delta) ? delta / step : stop / step - start / step);
        Shape shape = Shape.of(dtype, Math.max(0, (long) length));
        Array i = Lax.iota(dtype.isFloating() ? dtype : DType.I64, shape, 0);
        Array r = Lax.add(Lax.mul(i, full(shape, step, i.dtype())), full(shape, start, i.dtype()));
        return Lax.convertElementType(r, dtype);
    }

    /**
     * {@return {@code num} evenly spaced values from {@code start} to {@code stop}} (inclusive when {@code endpoint})
     *
     * @throws ArgumentError for a negative {@code num}
     * @throws dev.jaxj.errors.BackendError when the JVM heap cannot hold {@code num} doubles
     */
    public static Array linspace(double start, double stop, int num, boolean endpoint, DType dtype) {
        double div = endpoint ? num - 1 : num;
        double step = div > 0 ? (stop - start) / div : 0;
        return sequence("linspace", num, endpoint, start, stop, dtype, k -> start + k * step);
    }

    /** {@return {@code base} raised to {@code num} evenly spaced exponents from {@code start} to {@code stop}}, as NumPy's logspace */
    public static Array logspace(double start, double stop, int num, boolean endpoint, double base, DType dtype) {
        double div = endpoint ? num - 1 : num;
        double step = div > 0 ? (stop - start) / div : 0;
        return sequence("logspace", num, endpoint, Math.pow(base, start), Math.pow(base, stop), dtype, k -> Math.pow(base, start + k * step));
    }

    /**
     * {@return {@code num} values from {@code start} to {@code stop} with a constant ratio}, as NumPy's geomspace
     *
     * @throws ArgumentError for a negative {@code num}, or bounds that are zero, of different signs or not finite
     */
    public static Array geomspace(double start, double stop, int num, boolean endpoint, DType dtype) {
        if (start == 0 || stop == 0 || Math.signum(start) != Math.signum(stop) || !Double.isFinite(start) || !Double.isFinite(stop)) {
            throw new ArgumentError("geomspace", "start and stop must be finite, non-zero and of one sign, got start " + start + ", stop " + stop);
        }
        double sign = Math.signum(start), lo = Math.log(Math.abs(start)), hi = Math.log(Math.abs(stop));
        double div = endpoint ? num - 1 : num;
        double step = div > 0 ? (hi - lo) / div : 0;
        return sequence("geomspace", num, endpoint, start, stop, dtype, k -> sign * Math.exp(lo + k * step));
    }

    /**
     * The values {@code value(k)} for {@code k < num}, computed in double and rounded once, with
     * the first and (with {@code endpoint}) last set to {@code first} and {@code last} exactly.
     */
    private static Array sequence(String op, int num, boolean endpoint, double first, double last, DType dtype, IntToDoubleFunction value) {
        if (num < 0) throw new ArgumentError(op, "num must be >= 0, got " + num);
        Shape shape = Shape.of(dtype, num);
        HostData v = HostData.allocate(DType.F64, num);     // refused as a BackendError when the heap cannot hold it
        for (int k = 0; k < num; k++) v.setDouble(k, value.applyAsDouble(k));
        if (num > 0) v.setDouble(0, first);
        if (endpoint && num > 1) v.setDouble(num - 1, last);
        return Lax.convertElementType(Array.fromHost(ShapedArray.of(DType.F64, shape), v), dtype);
    }

    /** {@return an {@code n x m} matrix with ones on the {@code k}-th diagonal} */
    public static Array eye(int n, int m, int k, DType dtype) {
        Shape shape = Shape.of(dtype, n, m);
        Array rows = Lax.iota(DType.I32, shape, 0);
        Array cols = Lax.iota(DType.I32, shape, 1);
        Array onDiag = Lax.eq(Lax.add(rows, full(shape, k, DType.I32)), cols);
        return Lax.convertElementType(onDiag, dtype);
    }
}
