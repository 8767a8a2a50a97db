package dev.jaxj.random;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static dev.jaxj.random.Bits.*;

/**
 * JAX's Threefry PRNG implementation ({@code threefry_prng_impl}): seeding, splitting,
 * folding in and raw random bits, in both {@link ThreefryMode}s, built from the
 * {@code threefry2x32} primitive and ordinary array ops so that it traces under {@code jit}
 * and {@code vmap}.
 * {@snippet lang=text :
 * seed       :: int            -> u32[2]
 * hash       :: u32[2], u32[*s] -> u32[*s]           (JAX threefry_2x32)
 * split      :: Key, shape     -> u32[*shape, 2]
 * foldIn     :: Key, u32[]     -> u32[2]             (same in both modes)
 * randomBits :: Key, 32|64, s  -> u32[*s] | i64[*s]  (64 bits as an i64 bit pattern)
 * }
 */
public final class Threefry {
    private Threefry() {}

    // Seeding ----------------------------------------------------------------------------------

    /** {@return the key data of an int32 seed: {@code [0, seed]} (JAX {@code threefry_seed})} */
    public static Array seed(int seed) { return u32s(0, seed); }

    /** {@return the key data of an int64 seed: its high and low words} */
    public static Array seed(long seed) { return u32s((int) (seed >>> 32), (int) seed); }

    /**
     * {@return the key data of a scalar integer seed array}, traceable: i64 and u64 seeds give
     * their two words, i32 and u32 seeds {@code [0, bits]}
     * @throws DTypeError for a non-integer seed; @throws ShapeError for a non-scalar one
     */
    public static Array seed(Array seed) {
        if (seed.ndim() != 0) throw new ShapeError("random.key", "seed must be a scalar, got " + seed.aval() + "; use vmap for batching");
        Seq<Array> words = switch (seed.dtype()) {
            case I64 -> words64(seed);
            case I32 -> Vector.of(u32(0), Lax.bitcastConvertType(seed, DType.U32));
            case U32 -> Vector.of(u32(0), seed);
            case U64 -> words64(Lax.bitcastConvertType(seed, DType.I64));
            case I8, I16, U8, U16 -> Vector.of(u32(0), Lax.convertElementType(Lax.convertElementType(seed, seed.dtype().computeType()), DType.U32));
            case F32, F64, BOOL, BF16, F16, C64, C128 -> throw new DTypeError("random.key", "seed must be an integer, got " + seed.aval());
        };
        return Lax.concatenate(words.map(w -> Lax.reshape(w, Shape.of(1))), 0);
    }

    /** {@return the high and low u32 words of 64 bits held in an i64} */
    private static Seq<Array> words64(Array bits) {
        return Vector.of(Lax.convertElementType(shiftRight(bits, 32), DType.U32),
                Lax.convertElementType(Lax.and(bits, i64(0xFFFF_FFFFL)), DType.U32));
    }

    // The hash ---------------------------------------------------------------------------------

    /**
     * JAX's {@code threefry_2x32}: hashes {@code count} (u32, any shape) under one key. The
     * flattened counts (padded with a zero to even length) are cut in two halves that form the
     * cipher's word pairs; the two output words are concatenated back in the same layout.
     *
     * @param keyData u32[2]
     * @param count   u32 of any shape
     * @return u32 of {@code count}'s shape
     */
    public static Array hash(Array keyData, Array count) {
        if (count.dtype() != DType.U32 || keyData.dtype() != DType.U32) {
            throw new DTypeError("threefry_2x32", "requires u32 key and counts, got " + keyData.aval() + " and " + count.aval());
        }
        int n = count.size(), odd = n % 2, half = (n + odd) / 2;
        Array flat = Lax.reshape(count, Shape.of(n));
        Array padded = odd == 1 ? Lax.concatenate(Vector.of(flat, u32s(0)), 0) : flat;
        Seq<Array> y = cipher(keyData, slice(padded, 0, 0, half), slice(padded, 0, half, 2 * half));
        Array out = Lax.concatenate(y, 0);
        return Lax.reshape(odd == 1 ? slice(out, 0, 0, n) : out, count.shape());
    }

    /** The cipher with one key (u32[2]) for counter pairs of any shape. */
    static Seq<Array> cipher(Array keyData, Array x0, Array x1) {
        return Lax.threefry2x32(to(lastAxisAt(keyData, 0), x0.shape()), to(lastAxisAt(keyData, 1), x0.shape()), x0, x1);
    }

    /**
     * {@return the high and low u32 words of the 64-bit row-major index of every element of
     * {@code shape}} (JAX {@code iota_2x32_shape}); array sizes below 2^31 leave the high words zero
     */
    static Seq<Array> iota2x32(Shape shape) {
        Array hi = to(u32(0), shape);
        Array lo = shape.rank() == 0 ? u32(0) : Lax.reshape(iota(shape.size()), shape);
        return Vector.of(hi, lo);
    }

    // Key operations ---------------------------------------------------------------------------

    /** {@return the data of {@code shape} new keys derived from one key, u32[*shape, 2]} */
    public static Array split(Key key, Shape shape) {
        Array k = single("split", key);
        // The key data is u32[*shape, 2]: refuse it before computing any of it.
        Shape out = Shape.of(DType.U32, java.util.stream.LongStream.concat(java.util.Arrays.stream(shape.toArray()).asLongStream(),
                java.util.stream.LongStream.of(2)).toArray());
        return switch (key.mode()) {
            case PARTITIONABLE -> {
                Seq<Array> counts = iota2x32(shape);
                Seq<Array> b = cipher(k, counts.get(0), counts.get(1));
                int r = shape.rank();
                yield Lax.concatenate(b.map(w -> Lax.expandDims(w, Vector.of(r))), r);
            }
            case LEGACY -> {
                yield Lax.reshape(hash(k, iota(out.size())), out);
            }
        };
    }

    /** {@return the data of a new key mixing {@code data} (a u32 scalar) into {@code key}}: the same in both modes */
    public static Array foldIn(Key key, Array data) {
        Array k = single("fold_in", key);
        if (data.ndim() != 0 || data.dtype() != DType.U32) throw new ArgumentError("random.fold_in", "data must be a u32 scalar, got " + data.aval());
        return hash(k, Lax.concatenate(Vector.of(u32s(0), Lax.reshape(data, Shape.of(1))), 0));
    }

    /**
     * {@return uniformly random bits of {@code shape}}: u8, u16 or u32 for {@code bitWidth} 8,
     * 16 or 32; for 64 an i64 array whose bits are JAX's uint64 bits
     * @throws ArgumentError for other widths
     */
    public static Array randomBits(Key key, int bitWidth, Shape shape) {
        Array k = single("random_bits", key);
        if (bitWidth != 8 && bitWidth != 16 && bitWidth != 32 && bitWidth != 64) {
            throw new ArgumentError("random_bits", "supports 8-, 16-, 32- and 64-bit fields, got " + bitWidth);
        }
        DType narrow = bitWidth == 8 ? DType.U8 : DType.U16;
        return switch (key.mode()) {
            case PARTITIONABLE -> {
                Seq<Array> counts = iota2x32(shape);
                Seq<Array> b = cipher(k, counts.get(0), counts.get(1));
                // Narrow fields keep the low bits of the 32-bit ones, as JAX converts them.
                yield bitWidth == 64 ? join64(b.get(0), b.get(1))
                        : bitWidth == 32 ? Lax.xor(b.get(0), b.get(1)) : Lax.convertElementType(Lax.xor(b.get(0), b.get(1)), narrow);
            }
            case LEGACY -> {
                int n = shape.size();
                if (bitWidth == 32) yield Lax.reshape(hash(k, iota(n)), shape);
                if (bitWidth < 32) yield Lax.reshape(narrowFields(hash(k, iota(Math.ceilDiv(bitWidth * n, 32))), bitWidth, n, narrow), shape);
                Array bits = hash(k, iota(Shape.of(DType.U32, 2L * n).size()));    // two u32 words per value, refused past 2^31-1
                yield Lax.reshape(join64(slice(bits, 0, 0, n), slice(bits, 0, n, 2 * n)), shape);
            }
        };
    }

    /**
     * {@return the first {@code n} fields of {@code bitWidth} bits of the u32 {@code words}},
     * each word's fields from its low bits up: the words' little-endian bytes viewed as u8 or u16,
     * as JAX's original generator reads them
     */
    private static Array narrowFields(Array words, int bitWidth, int n, DType narrow) {
        int count = words.shape().dim(0), per = 32 / bitWidth;
        Shape grid = Shape.of(count, per);
        Array spread = Lax.broadcastInDim(words, grid, Vector.of(0));
        Array shifts = Lax.mul(Lax.iota(DType.U32, grid, 1), Bits.to(u32(bitWidth), grid));
        Array fields = Lax.and(Lax.shiftRightLogical(spread, shifts), Bits.to(u32((1L << bitWidth) - 1), grid));
        return Lax.convertElementType(slice(Lax.reshape(fields, Shape.of(count * per)), 0, 0, n), narrow);
    }

    /** {@return {@code (hi << 32) | lo} as i64 bit patterns} */
    private static Array join64(Array hi, Array lo) {
        return Lax.or(shiftLeft(widen(hi), 32), widen(lo));
    }

    /** {@return the data of a single key} @throws ShapeError for key arrays (JAX asks for vmap there) */
    private static Array single(String op, Key key) {
        if (key.ndim() != 0) {
            throw new ShapeError("random." + op, "accepts a single key, but was given a key array of shape " + key.shape() + " != (); use vmap for batching");
        }
        return key.data();
    }
}
