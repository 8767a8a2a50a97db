package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.random.Discrete;
import dev.jaxj.random.IntegerSamplers;
import dev.jaxj.random.Key;
import dev.jaxj.random.MultivariateNormal;
import dev.jaxj.random.Samplers;
import dev.jaxj.random.Threefry;
import dev.jaxj.random.ThreefryMode;
import io.vavr.control.Option;

/**
 * {@code jax.random}: counter-based pseudo-random numbers from explicit keys, bit for bit as
 * JAX computes them with its default Threefry-2x32 generator. Nothing is stateful: the same
 * key always gives the same numbers, so split a key whenever you need new ones.
 * {@snippet :
 * Key key = Random.key(0);
 * Key keys = Random.split(key);                   // two new keys; do not use `key` again
 * Array w = Random.normal(keys.get(0), 3, 4);      // f32[3,4]
 * Array b = Random.uniform(keys.get(1), 4);        // f32[4] in [0, 1)
 * }
 * Both of JAX's Threefry modes are available: the default since JAX 0.5 ("partitionable") and
 * the earlier one, chosen by {@code -Djaxj.threefry_partitionable=false} when a key is
 * created, and carried by the key (see {@link ThreefryMode}). Shapes are given as Java
 * varargs ({@code int...}) or a {@link Shape}; floating results default to f32 and integer
 * results to i32, as in JAX without x64.
 */
public final class Random {
    private Random() {}

    // Keys -------------------------------------------------------------------------------------

    /** {@return a key from a 32-bit seed: data {@code [0, seed]} (JAX {@code random.key} of an int32)}, in the flag's mode */
    public static Key key(int seed) { return new Key(Threefry.seed(seed), ThreefryMode.fromFlag()); }

    /** {@return a key from a 64-bit seed: data {@code [seed >>> 32, seed & 0xFFFFFFFF]} (an int64 seed under x64)} */
    public static Key key(long seed) { return new Key(Threefry.seed(seed), ThreefryMode.fromFlag()); }

    /** {@return a key from a scalar integer seed array (i32, u32 or i64)}; traceable */
    public static Key key(Array seed) { return new Key(Threefry.seed(seed), ThreefryMode.fromFlag()); }

    /** {@return a key from a 32-bit seed in an explicit mode} */
    public static Key key(int seed, ThreefryMode mode) { return new Key(Threefry.seed(seed), mode); }

    /** {@return a key from a 64-bit seed in an explicit mode} */
    public static Key key(long seed, ThreefryMode mode) { return new Key(Threefry.seed(seed), mode); }

    /** {@return the raw u32[2] key data of a 32-bit seed, as JAX's legacy {@code random.PRNGKey}} */
    public static Array prngKey(int seed) { return Threefry.seed(seed); }

    /** {@return the raw u32[2] key data of a 64-bit seed} */
    public static Array prngKey(long seed) { return Threefry.seed(seed); }

    /** {@return the u32 data under a key array: shape {@code key.shape() + (2,)}} */
    public static Array keyData(Key key) { return key.data(); }

    /** {@return keys over raw u32 data of shape {@code (..., 2)}, in the mode the flag selects now} */
    public static Key wrapKeyData(Array data) { return new Key(data, ThreefryMode.fromFlag()); }

    /** {@return keys over raw u32 data of shape {@code (..., 2)}, in the given mode} */
    public static Key wrapKeyData(Array data, ThreefryMode mode) { return new Key(data, mode); }

    /** {@return two new keys (a key array of shape (2)) from a single key} */
    public static Key split(Key key) { return split(key, Shape.of(2)); }

    /** {@return {@code num} new keys (shape (num)) from a single key} */
    public static Key split(Key key, int num) {
        return split(key, Shape.of(num));
    }

    /** {@return a key array of the given shape from a single key} */
    public static Key split(Key key, Shape shape) { return new Key(Threefry.split(key, shape), key.mode()); }

    /** {@return a new key mixing 32 bits of {@code data} into a single key} (negative ints wrap to u32) */
    public static Key foldIn(Key key, int data) { return foldIn(key, Array.scalar(Integer.toUnsignedLong(data), DType.U32)); }

    /** {@return a new key mixing an integer scalar into a single key} (converted to u32) */
    public static Key foldIn(Key key, Array data) {
        Array word = data.dtype() == DType.I32 ? Lax.bitcastConvertType(data, DType.U32) : data.astype(DType.U32);
        return new Key(Threefry.foldIn(key, word), key.mode());
    }

    // Bits and uniform -------------------------------------------------------------------------

    /** {@return uniformly random u32 words of the given shape} */
    public static Array bits(Key key, int... shape) { return bits(key, Shape.of(DType.U32, shape), DType.U32); }

    /**
     * {@return uniformly random bits}: {@code dtype} u8, u16, u32 or u64 (and i64, the same 64 bits
     * as u64, as jaxj spelled them before it had u64). A u64 value is JAX's: two 32-bit threefry
     * words, the first the high half.
     * {@snippet :
     * Array b = Random.bits(Random.key(0), Shape.of(3), DType.U64);   // u64[3]
     * }
     */
    public static Array bits(Key key, Shape shape, DType dtype) {
        if (dtype != DType.U8 && dtype != DType.U16 && dtype != DType.U32 && dtype != DType.U64 && dtype != DType.I64) {
            throw new DTypeError("random.bits", "dtype must be u8, u16, u32 or u64 (or i64 for 64 raw bits), got " + dtype);
        }
        Array bits = Threefry.randomBits(key, dtype.bits(), shape);
        return dtype == DType.U64 ? Lax.bitcastConvertType(bits, DType.U64) : bits;
    }

    /** {@return f32 values uniform in [0, 1)} */
    public static Array uniform(Key key, int... shape) { return uniform(key, Shape.of(DType.F32, shape), DType.F32); }

    /** {@return values uniform in [0, 1) of a floating dtype} */
    public static Array uniform(Key key, Shape shape, DType dtype) { return uniform(key, shape, dtype, 0, 1); }

    /** {@return values uniform in {@code [minval, maxval)}} */
    public static Array uniform(Key key, Shape shape, DType dtype, double minval, double maxval) {
        return Samplers.uniform(key, shape, dtype, minval, maxval);
    }

    /** {@return values uniform in {@code [minval, maxval)}, bounds broadcast-compatible with {@code shape}} */
    public static Array uniform(Key key, Shape shape, DType dtype, Array minval, Array maxval) {
        return Samplers.uniform(key, shape, dtype, minval, maxval);
    }

    /** {@return integers uniform in {@code [minval, maxval)}, i32} */
    public static Array randint(Key key, Shape shape, long minval, long maxval) { return randint(key, shape, minval, maxval, DType.I32); }

    /** {@return integers of an integer {@code dtype} (u64 included) uniform in {@code [minval, maxval)}; bounds beyond the dtype are clipped} */
    public static Array randint(Key key, Shape shape, long minval, long maxval, DType dtype) {
        return IntegerSamplers.randint(key, shape, minval, maxval, dtype);
    }

    /** {@return integers uniform in {@code [minval, maxval)}, bounds broadcast-compatible with {@code shape}} */
    public static Array randint(Key key, Shape shape, Array minval, Array maxval, DType dtype) {
        return IntegerSamplers.randint(key, shape, minval, maxval, dtype);
    }

    // Continuous distributions -----------------------------------------------------------------

    /** {@return f32 standard normal values} */
    public static Array normal(Key key, int... shape) { return normal(key, Shape.of(DType.F32, shape), DType.F32); }

    /** {@return standard normal values of a floating dtype} */
    public static Array normal(Key key, Shape shape, DType dtype) { return Samplers.normal(key, shape, dtype); }

    /** {@return f32 standard normal values truncated to {@code (lower, upper)}} */
    public static Array truncatedNormal(Key key, double lower, double upper, int... shape) {
        return Samplers.truncatedNormal(key, lower, upper, Shape.of(DType.F32, shape), DType.F32);
    }

    /** {@return standard normal values truncated to {@code (lower, upper)}, bounds broadcast-compatible with {@code shape}} */
    public static Array truncatedNormal(Key key, Array lower, Array upper, Shape shape, DType dtype) {
        return Samplers.truncatedNormal(key, lower, upper, Option.some(shape), dtype);
    }

    /** {@return f32 standard Gumbel values} */
    public static Array gumbel(Key key, int... shape) { return Samplers.gumbel(key, Shape.of(DType.F32, shape), DType.F32); }

    /** {@return standard Gumbel values of a floating dtype} */
    public static Array gumbel(Key key, Shape shape, DType dtype) { return Samplers.gumbel(key, shape, dtype); }

    /** {@return f32 standard exponential values} */
    public static Array exponential(Key key, int... shape) { return Samplers.exponential(key, Shape.of(DType.F32, shape), DType.F32); }

    /** {@return standard exponential values of a floating dtype} */
    public static Array exponential(Key key, Shape shape, DType dtype) { return Samplers.exponential(key, shape, dtype); }

    /** {@return f32 standard Laplace values} */
    public static Array laplace(Key key, int... shape) { return Samplers.laplace(key, Shape.of(DType.F32, shape), DType.F32); }

    /** {@return standard Laplace values of a floating dtype} */
    public static Array laplace(Key key, Shape shape, DType dtype) { return Samplers.laplace(key, shape, dtype); }

    /** {@return f32 standard logistic values} */
    public static Array logistic(Key key, int... shape) { return Samplers.logistic(key, Shape.of(DType.F32, shape), DType.F32); }

    /** {@return standard logistic values of a floating dtype} */
    public static Array logistic(Key key, Shape shape, DType dtype) { return Samplers.logistic(key, shape, dtype); }

    /** {@return draws from N(mean, cov)}: mean {@code (..., n)}, cov {@code (..., n, n)}, result the broadcast batch shape plus (n) */
    public static Array multivariateNormal(Key key, Array mean, Array cov) {
        return MultivariateNormal.sample(key, mean, cov, Option.none(), Option.none());
    }

    /** {@return draws from N(mean, cov) of batch shape {@code shape}: result {@code shape + (n,)}} */
    public static Array multivariateNormal(Key key, Array mean, Array cov, Shape shape, DType dtype) {
        return MultivariateNormal.sample(key, mean, cov, Option.some(shape), Option.some(dtype));
    }

    // Discrete distributions -------------------------------------------------------------------

    /** {@return bools, true with probability {@code p} (f32)} */
    public static Array bernoulli(Key key, double p, int... shape) {
        return Samplers.bernoulli(key, Array.scalar(p, DType.F32), Option.some(Shape.of(DType.BOOL, shape)));
    }

    /** {@return bools, true with probability {@code p}, shaped like {@code p}} */
    public static Array bernoulli(Key key, Array p) { return Samplers.bernoulli(key, p, Option.none()); }

    /** {@return bools, true with probability {@code p} (broadcast-compatible with {@code shape})} */
    public static Array bernoulli(Key key, Array p, Shape shape) { return Samplers.bernoulli(key, p, Option.some(shape)); }

    /** {@return category indices (i32) drawn from {@code softmax(logits)} along the last axis} */
    public static Array categorical(Key key, Array logits) { return categorical(key, logits, -1); }

    /** {@return category indices (i32) drawn from {@code softmax(logits)} along {@code axis}} */
    public static Array categorical(Key key, Array logits, int axis) { return Samplers.categorical(key, logits, axis, Option.none()); }

    /** {@return category indices of {@code shape}; its trailing axes match the logits without {@code axis}} */
    public static Array categorical(Key key, Array logits, int axis, Shape shape) {
        return Samplers.categorical(key, logits, axis, Option.some(shape));
    }

    /** {@return {@code shape} draws from {@code 0 … n-1} with replacement (i32)} */
    public static Array choice(Key key, int n, Shape shape) { return Discrete.choice(key, n, shape, true, Option.none()); }

    /** {@return {@code shape} draws from {@code 0 … n-1}, weighted by {@code p} when given} */
    public static Array choice(Key key, int n, Shape shape, boolean replace, Option<Array> p) {
        return Discrete.choice(key, n, shape, replace, p);
    }

    /** {@return draws of slices of {@code a} along {@code axis}: shape {@code a.shape[:axis] + shape + a.shape[axis+1:]}} */
    public static Array choice(Key key, Array a, Shape shape, boolean replace, Option<Array> p, int axis) {
        return Discrete.choice(key, a, shape, replace, p, axis);
    }

    /** {@return a random permutation of {@code 0 … n-1} (i32)} */
    public static Array permutation(Key key, int n) { return Discrete.permutation(key, n); }

    /** {@return {@code x} with its rows (axis 0) permuted} */
    public static Array permutation(Key key, Array x) { return Discrete.permutation(key, x, 0, false); }

    /** {@return {@code x} permuted along {@code axis}; {@code independent} permutes every fibre separately} */
    public static Array permutation(Key key, Array x, int axis, boolean independent) {
        return Discrete.permutation(key, x, axis, independent);
    }
}
