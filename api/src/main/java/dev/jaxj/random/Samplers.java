package dev.jaxj.random;

import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import static dev.jaxj.random.Bits.*;

/**
 * JAX's continuous samplers and {@code bernoulli}/{@code categorical}, op for op as in
 * {@code jax/_src/random.py}, so that the same key gives the same floats: uniform floats come
 * from the top mantissa bits of random words, normals from {@code sqrt(2) * erf_inv(u)}, and
 * the others from uniform draws by inverse transforms. Integer sampling lives in
 * {@link IntegerSamplers}.
 */
public final class Samplers {
    private Samplers() {}

    /** The standard deviation of a standard normal truncated to (-2, 2), as JAX's initializers use it. */
    static final double TRUNCATED_STDDEV = .87962566103423978;

    /**
     * {@return uniform values in {@code [minval, maxval)}}: 23 (f32) or 52 (f64) random mantissa
     * bits under the exponent of 1.0 give a float in [1, 2); subtracting 1 and scaling maps it
     * to the interval, and a final max with {@code minval} guards against rounding below it.
     *
     * @param minval broadcast-compatible with {@code shape}; converted to {@code dtype}
     * @param maxval broadcast-compatible with {@code shape}; converted to {@code dtype}
     */
    public static Array uniform(Key key, Shape shape, DType dtype, Array minval, Array maxval) {
        requireFloat("uniform", dtype);
        Array lo = toRank("uniform", "minval", Lax.convertElementType(minval, dtype), shape);
        Array hi = toRank("uniform", "maxval", Lax.convertElementType(maxval, dtype), shape);
        int nbits = dtype.bits(), nmant = dtype == DType.F32 ? 23 : 52;
        Array bits = Threefry.randomBits(key, nbits, shape);
        Array one = dtype == DType.F32 ? u32(Float.floatToRawIntBits(1f)) : i64(Double.doubleToRawLongBits(1.0));
        Array floatBits = Lax.or(shiftRight(bits, nbits - nmant), to(one, shape));
        Array floats = Lax.sub(Lax.bitcastConvertType(floatBits, dtype), to(real(1, dtype), shape));
        return lo.maximum(floats.mul(hi.sub(lo)).add(lo));
    }

    /** {@return values uniform in {@code [minval, maxval)}}, the bounds rounded to {@code dtype} once */
    public static Array uniform(Key key, Shape shape, DType dtype, double minval, double maxval) {
        requireFloat("uniform", dtype);
        return uniform(key, shape, dtype, real(minval, dtype), real(maxval, dtype));
    }

    /**
     * {@return standard normal values}: {@code sqrt(2) * erf_inv(u)} for u uniform in (-1, 1),
     * with XLA's expansion of {@code erf_inv} (see {@link XlaErfInv}) so the floats are JAX's
     */
    public static Array normal(Key key, Shape shape, DType dtype) {
        requireFloat("normal", dtype);
        double lo = dtype == DType.F32 ? Math.nextUp(-1f) : Math.nextUp(-1.0);
        Array u = uniform(key, shape, dtype, real(lo, dtype), real(1, dtype));
        return Lax.mul(to(real(Math.sqrt(2), dtype), shape), XlaErfInv.of(u));
    }

    /**
     * {@return standard normal values truncated to the open interval {@code (lower, upper)}} by
     * inverting the CDF between {@code erf(lower/√2)} and {@code erf(upper/√2)}, then clamping
     * to the interval's inner neighbours against rounding
     *
     * @param shape the result shape, or none for the broadcast of {@code lower} and {@code upper}
     */
    public static Array truncatedNormal(Key key, Array lower, Array upper, Option<Shape> shape, DType dtype) {
        requireFloat("truncated_normal", dtype);
        Shape s = resultShape("truncated_normal", shape, lower.shape(), upper.shape());
        Array sqrt2 = real(Math.sqrt(2), dtype);
        Array lo = Lax.convertElementType(lower, dtype), hi = Lax.convertElementType(upper, dtype);
        Array a = Lax.erf(lo.div(sqrt2)), b = Lax.erf(hi.div(sqrt2));
        Array out = Lax.mul(to(sqrt2, s), XlaErfInv.of(uniform(key, s, dtype, a, b)));
        Array above = Lax.nextafter(lo, to(real(Double.POSITIVE_INFINITY, dtype), lo.shape()));
        Array below = Lax.nextafter(hi, to(real(Double.NEGATIVE_INFINITY, dtype), hi.shape()));
        return out.maximum(above).minimum(below);
    }

    /** {@return standard normal values of {@code shape} truncated to {@code (lower, upper)}} */
    public static Array truncatedNormal(Key key, double lower, double upper, Shape shape, DType dtype) {
        requireFloat("truncated_normal", dtype);
        return truncatedNormal(key, real(lower, dtype), real(upper, dtype), Option.some(shape), dtype);
    }

    /**
     * {@return bools that are true with probability {@code p}}: {@code uniform < p}
     *
     * @param p     floating probabilities
     * @param shape the result shape, or none for {@code p}'s shape
     */
    public static Array bernoulli(Key key, Array p, Option<Shape> shape) {
        if (!p.dtype().isFloating()) throw new DTypeError("random.bernoulli", "probability p must have a floating dtype, got " + p.aval());
        Shape s = resultShape("bernoulli", shape, p.shape());
        return uniform(key, s, p.dtype(), real(0, p.dtype()), real(1, p.dtype())).lt(Lax.convertElementType(p, p.dtype()));
    }

    /** {@return standard Gumbel values}: {@code -log(-log(u))} for u uniform in [tiny, 1) */
    public static Array gumbel(Key key, Shape shape, DType dtype) {
        requireFloat("gumbel", dtype);
        Array u = uniform(key, shape, dtype, real(tiny(dtype), dtype), real(1, dtype));
        return Lax.neg(Lax.log(Lax.neg(Lax.log(u))));
    }

    /** {@return standard exponential values}: {@code -log1p(-u)}, so that the log never sees 0 */
    public static Array exponential(Key key, Shape shape, DType dtype) {
        requireFloat("exponential", dtype);
        Array u = uniform(key, shape, dtype, real(0, dtype), real(1, dtype));
        return Lax.neg(Lax.log1p(Lax.neg(u)));
    }

    /** {@return standard Laplace values}: {@code sign(u) * log1p(-|u|)} for u uniform in (-1, 1) */
    public static Array laplace(Key key, Shape shape, DType dtype) {
        requireFloat("laplace", dtype);
        double epsneg = dtype == DType.F32 ? 0x1p-24 : 0x1p-53;
        Array u = uniform(key, shape, dtype, real(-1. + epsneg, dtype), real(1, dtype));
        return Lax.mul(Lax.sign(u), Lax.log1p(Lax.neg(Lax.abs(u))));
    }

    /** {@return standard logistic values}: {@code log(u / (1 - u))} for u uniform in [eps, 1) */
    public static Array logistic(Key key, Shape shape, DType dtype) {
        requireFloat("logistic", dtype);
        double eps = dtype == DType.F32 ? 0x1p-23 : 0x1p-52;
        Array x = uniform(key, shape, dtype, real(eps, dtype), real(1, dtype));
        return Lax.log(Lax.div(x, Lax.sub(to(real(1, dtype), shape), x)));
    }

    /**
     * {@return category indices (i32) drawn from {@code softmax(logits)} along {@code axis}}, by
     * the Gumbel-max trick: the argmax of Gumbel noise plus the logits
     *
     * @param shape the result shape, or none for {@code logits}' shape without {@code axis};
     *              leading extra axes draw independent samples
     */
    public static Array categorical(Key key, Array logits, int axis, Option<Shape> shape) {
        if (!logits.dtype().isFloating()) throw new DTypeError("random.categorical", "logits must be floating, got " + logits.aval());
        int nd = logits.ndim();
        if (nd == 0) throw new ShapeError("random.categorical", "logits need an axis of categories, got " + logits.aval());
        int ax = NumpyOps.normalizeAxis("random.categorical", axis, nd);
        // Checked here, not left to argmax, so that the message names this function and the logits.
        if (logits.shape().dim(ax) == 0)
            throw new ShapeError("random.categorical", "logits need at least one category along axis " + axis + ", got " + logits.aval());
        Shape batch = logits.shape().without(ax);
        if (shape.isDefined() && !NumpyOps.broadcastsTo(batch, shape.get()))
            throw new ShapeError("random.categorical", "the logits' shape without axis " + axis + ", " + batch
                    + ", must broadcast to the shape argument " + shape.get() + ", got logits " + logits.aval());
        Shape s = resultShape("categorical", shape, batch);
        int prefix = s.rank() - batch.rank();
        int[] drawn = new int[s.rank() + 1];
        for (int i = 0, j = 0; i < drawn.length; i++) drawn[i] = i == prefix + ax ? logits.shape().dim(ax) : s.dim(j++);
        Array g = gumbel(key, Shape.of(drawn), logits.dtype());
        Array lifted = Lax.expandDims(logits, Vector.range(0, prefix));
        return Lax.argmax(g.add(lifted), prefix + ax, DType.I32);
    }

    // Helpers ----------------------------------------------------------------------------------

    static void requireFloat(String op, DType dtype) {
        if (!dtype.isFloating()) throw new DTypeError("random." + op, "dtype must be floating (f32 or f64), got " + dtype);
    }

    /** {@return the smallest positive normal number of {@code dtype} (NumPy's {@code finfo.tiny})} */
    static double tiny(DType dtype) { return dtype == DType.F32 ? Float.MIN_NORMAL : Double.MIN_NORMAL; }

    /** JAX's {@code broadcast_to_rank}: leading size-1 axes up to the rank of {@code shape}, after checking compatibility. */
    static Array toRank(String op, String name, Array x, Shape shape) {
        if (!NumpyOps.broadcastsTo(x.shape(), shape)) {
            throw new ShapeError("random." + op, name + " must broadcast to the shape argument " + shape + ", got " + x.aval());
        }
        int lead = shape.rank() - x.ndim();
        return lead == 0 ? x : Lax.expandDims(x, Vector.range(0, lead));
    }

    /** {@return the explicit shape after checking the parameters broadcast to it, else their broadcast} */
    static Shape resultShape(String op, Option<Shape> shape, Shape... params) {
        if (shape.isEmpty()) return NumpyOps.broadcastShapes("random." + op, Vector.of(params));
        Shape s = shape.get();
        if (!Vector.of(params).forAll(p -> NumpyOps.broadcastsTo(p, s))) {
            throw new ShapeError("random." + op, "the parameters' shapes must broadcast to the shape argument " + s
                    + ", got " + Vector.of(params).mkString(" and "));
        }
        return s;
    }
}
