package dev.jaxj.random;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import static dev.jaxj.random.Bits.real;

/**
 * The initializers of {@code jax.nn.initializers} that layers need, with JAX's defaults and
 * arithmetic (variances are rounded to the dtype first, then scaled there), so a layer
 * initialised with the same key matches JAX's. Weight shapes follow JAX's convention: the
 * input features on axis -2 and the output features on axis -1; other axes are the receptive
 * field (e.g. a convolution's window).
 */
public final class Initializers {
    private Initializers() {}

    /** Which fan a variance-scaling initializer divides by. */
    public enum FanMode { FAN_IN, FAN_OUT, FAN_AVG }

    /** The distribution a variance-scaling initializer draws from, all with the same variance. */
    public enum Distribution { TRUNCATED_NORMAL, NORMAL, UNIFORM }

    /** {@return {@code varianceScaling(scale, mode, distribution)} with input axis -2 and output axis -1} */
    public static Initializer varianceScaling(double scale, FanMode mode, Distribution distribution) {
        return varianceScaling(scale, mode, distribution, Vector.of(-2), Vector.of(-1), Vector.empty());
    }

    /**
     * {@return an initializer with variance {@code scale / fan}}, where the fans multiply the
     * sizes of the input (or output) axes by the receptive field (the remaining non-batch axes)
     * @throws ShapeError at call time for weights of rank below 2
     */
    public static Initializer varianceScaling(double scale, FanMode mode, Distribution distribution,
                                              Seq<Integer> inAxes, Seq<Integer> outAxes, Seq<Integer> batchAxes) {
        return (key, shape, dtype) -> {
            Samplers.requireFloat("variance_scaling", dtype);
            double[] fans = fans(shape, inAxes, outAxes, batchAxes);
            double denominator = switch (mode) {
                case FAN_IN -> fans[0];
                case FAN_OUT -> fans[1];
                case FAN_AVG -> (fans[0] + fans[1]) / 2;
            };
            Array variance = real(scale / denominator, dtype);
            return switch (distribution) {
                case TRUNCATED_NORMAL -> {
                    Array stddev = Lax.div(Lax.sqrt(variance), real(Samplers.TRUNCATED_STDDEV, dtype));
                    yield Samplers.truncatedNormal(key, real(-2, dtype), real(2, dtype), Option.some(shape), dtype).mul(stddev);
                }
                case NORMAL -> Samplers.normal(key, shape, dtype).mul(Lax.sqrt(variance));
                case UNIFORM -> Samplers.uniform(key, shape, dtype, real(-1, dtype), real(1, dtype)).mul(Lax.sqrt(variance.mul(3.0)));
            };
        };
    }

    /** Glorot (Xavier) uniform: variance 1 / fan_avg. */
    public static Initializer glorotUniform() { return varianceScaling(1.0, FanMode.FAN_AVG, Distribution.UNIFORM); }

    /** Glorot (Xavier) normal: truncated normal with variance 1 / fan_avg. */
    public static Initializer glorotNormal() { return varianceScaling(1.0, FanMode.FAN_AVG, Distribution.TRUNCATED_NORMAL); }

    /** He (Kaiming) uniform: variance 2 / fan_in. */
    public static Initializer heUniform() { return varianceScaling(2.0, FanMode.FAN_IN, Distribution.UNIFORM); }

    /** He (Kaiming) normal: truncated normal with variance 2 / fan_in. */
    public static Initializer heNormal() { return varianceScaling(2.0, FanMode.FAN_IN, Distribution.TRUNCATED_NORMAL); }

    /** LeCun uniform: variance 1 / fan_in. */
    public static Initializer lecunUniform() { return varianceScaling(1.0, FanMode.FAN_IN, Distribution.UNIFORM); }

    /** LeCun normal: truncated normal with variance 1 / fan_in. */
    public static Initializer lecunNormal() { return varianceScaling(1.0, FanMode.FAN_IN, Distribution.TRUNCATED_NORMAL); }

    /** {@return uniform values in {@code [0, scale)}} (JAX's default scale is 1e-2) */
    public static Initializer uniform(double scale) {
        return (key, shape, dtype) -> Samplers.uniform(key, shape, dtype, real(0, dtype), real(1, dtype)).mul(real(scale, dtype));
    }

    /** {@return normal values with standard deviation {@code stddev}} (JAX's default is 1e-2) */
    public static Initializer normal(double stddev) {
        return (key, shape, dtype) -> Samplers.normal(key, shape, dtype).mul(real(stddev, dtype));
    }

    /** {@return normal values truncated to ±2 and scaled by {@code stddev}} (JAX's default is 1e-2) */
    public static Initializer truncatedNormal(double stddev) {
        return (key, shape, dtype) -> Samplers.truncatedNormal(key, real(-2, dtype), real(2, dtype), Option.some(shape), dtype).mul(real(stddev, dtype));
    }

    /** {@return zeros, whatever the key} */
    public static Initializer zeros() { return (key, shape, dtype) -> Jnp.zeros(shape, dtype); }

    /** {@return ones, whatever the key} */
    public static Initializer ones() { return (key, shape, dtype) -> Jnp.ones(shape, dtype); }

    /** {@return {@code (fan_in, fan_out)}: axis sizes times the receptive field, as JAX's {@code _compute_fans}} */
    static double[] fans(Shape shape, Seq<Integer> inAxes, Seq<Integer> outAxes, Seq<Integer> batchAxes) {
        if (shape.rank() < 2) {
            throw new ShapeError("variance_scaling", "can't compute input and output sizes of a " + shape.rank()
                    + "-dimensional weights tensor; it must be at least 2-d, got shape " + shape);
        }
        double in = product(shape, inAxes), out = product(shape, outAxes), batch = product(shape, batchAxes);
        double receptive = (double) shape.size() / in / out / batch;
        return new double[] {in * receptive, out * receptive};
    }

    private static double product(Shape shape, Seq<Integer> axes) {
        return axes.map(a -> shape.dim(NumpyOps.normalizeAxis("variance_scaling", a, shape.rank()))).fold(1, (x, y) -> x * y);
    }
}
