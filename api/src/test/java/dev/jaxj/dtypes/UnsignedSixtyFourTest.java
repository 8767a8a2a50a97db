package dev.jaxj.dtypes;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.errors.NotDifferentiable;
import dev.jaxj.io.Safetensors;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.random.Key;
import dev.jaxj.random.ThreefryMode;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.LongBinaryOperator;

import static org.junit.jupiter.api.Assertions.*;

/**
 * u64 end to end, eagerly and under jit, against references that do not go through the
 * lowering: Java's own unsigned arithmetic ({@code Long.compareUnsigned}, {@code divideUnsigned},
 * {@code remainderUnsigned}, {@code toUnsignedString}), exact decimal rounding for conversions,
 * JAX's promotion table, NumPy's printing, and JAX's published random bits. u64 elements are
 * read as their 64 bits, so values from 2^63 up are negative longs here.
 */
class UnsignedSixtyFourTest {

    private static final long TOP = Long.MIN_VALUE;   // 2^63
    private static final long MAX = -1L;              // 2^64 - 1
    /** Values around both ends and across 2^63. */
    private static final long[] EDGES = {0, 1, 2, 7, Long.MAX_VALUE, TOP, TOP + 1, TOP + 12345, MAX - 1, MAX};

    private static Array u64(long... bits) { return Jnp.array(bits.clone()).astype(DType.U64); }

    /** {@return f's elements eagerly, after checking that jit gives the same ones} */
    private static long[] both(Function<Array, Array> f, Array x) {
        long[] eager = f.apply(x).toLongArray();
        assertArrayEquals(eager, Jax.jit(f).apply(x).toLongArray(), "jit differs from eager");
        return eager;
    }

    private static long[] both(BinaryOperator<Array> f, Array x, Array y) {
        long[] eager = f.apply(x, y).toLongArray();
        assertArrayEquals(eager, Jax.jit((Vector<Array> in) -> f.apply(in.get(0), in.get(1))).apply(Vector.of(x, y)).toLongArray(),
                "jit differs from eager");
        return eager;
    }

    /** Every pair of {@code EDGES}, as two flat arrays. */
    private static long[][] pairs() {
        int n = EDGES.length;
        long[] a = new long[n * n], b = new long[n * n];
        for (int i = 0; i < n * n; i++) {
            a[i] = EDGES[i / n];
            b[i] = EDGES[i % n];
        }
        return new long[][] {a, b};
    }

    private static long[] zip(long[] a, long[] b, LongBinaryOperator f) {
        long[] r = new long[a.length];
        for (int i = 0; i < a.length; i++) r[i] = f.applyAsLong(a[i], b[i]);
        return r;
    }

    @Test
    void arithmeticWrapsModuloTwoToThe64() {
        long[][] p = pairs();
        Array a = u64(p[0]), b = u64(p[1]);
        assertEquals(DType.U64, Lax.add(a, b).dtype());
        assertArrayEquals(zip(p[0], p[1], Long::sum), both(Lax::add, a, b));
        assertArrayEquals(zip(p[0], p[1], (x, y) -> x - y), both(Lax::sub, a, b));
        assertArrayEquals(zip(p[0], p[1], (x, y) -> x * y), both(Lax::mul, a, b));
        assertArrayEquals(new long[] {0, MAX, TOP}, both(Lax::neg, u64(0, 1, TOP)));
        // (2^32)^2 = 2^64 wraps to 0; 3^41 keeps its low 64 bits.
        long pow41 = 1;
        for (int i = 0; i < 41; i++) pow41 *= 3;
        assertArrayEquals(new long[] {0}, both(x -> Lax.integerPow(x, 2), u64(1L << 32)));
        assertArrayEquals(new long[] {pow41}, both(x -> Lax.integerPow(x, 41), u64(3)));
    }

    @Test
    void comparisonsMaxAndMinOrderAcrossTwoToThe63() {
        long[][] p = pairs();
        Array a = u64(p[0]), b = u64(p[1]);
        long[] lt = zip(p[0], p[1], (x, y) -> Long.compareUnsigned(x, y) < 0 ? 1 : 0);
        long[] le = zip(p[0], p[1], (x, y) -> Long.compareUnsigned(x, y) <= 0 ? 1 : 0);
        long[] gt = zip(p[0], p[1], (x, y) -> Long.compareUnsigned(x, y) > 0 ? 1 : 0);
        long[] ge = zip(p[0], p[1], (x, y) -> Long.compareUnsigned(x, y) >= 0 ? 1 : 0);
        assertArrayEquals(lt, both(Lax::lt, a, b));
        assertArrayEquals(le, both(Lax::le, a, b));
        assertArrayEquals(gt, both(Lax::gt, a, b));
        assertArrayEquals(ge, both(Lax::ge, a, b));
        assertArrayEquals(zip(p[0], p[1], (x, y) -> Long.compareUnsigned(x, y) >= 0 ? x : y), both(Lax::max, a, b));
        assertArrayEquals(zip(p[0], p[1], (x, y) -> Long.compareUnsigned(x, y) <= 0 ? x : y), both(Lax::min, a, b));
        // clamp(1, x, 2^63 + 1)
        Array lo = u64(1).reshape(), hi = u64(TOP + 1).reshape();
        long[] clamped = Arrays.stream(EDGES).map(x -> Long.compareUnsigned(x, 1) < 0 ? 1 : Long.compareUnsigned(x, TOP + 1) > 0 ? TOP + 1 : x).toArray();
        assertArrayEquals(clamped, both(x -> Lax.clamp(lo, x, hi), u64(EDGES)));
    }

    @Test
    void reductionsSortAndArgReductionsOrderUnsigned() {
        long[] v = {5, MAX, TOP, 0, Long.MAX_VALUE, TOP + 3};
        Array x = u64(v);
        long[] sorted = Arrays.stream(v).boxed().sorted(Long::compareUnsigned).mapToLong(Long::longValue).toArray();
        assertArrayEquals(sorted, both(a -> Lax.sort(Vector.of(a), 0, true, 1).head(), x));
        assertArrayEquals(new long[] {MAX}, both(a -> Lax.reduceMax(a, Vector.of(0)).reshape(1), x));
        assertArrayEquals(new long[] {0}, both(a -> Lax.reduceMin(a, Vector.of(0)).reshape(1), x));
        assertArrayEquals(new long[] {1}, both(a -> Lax.argmax(a, 0, DType.I32).reshape(1), x));
        assertArrayEquals(new long[] {3}, both(a -> Lax.argmin(a, 0, DType.I32).reshape(1), x));
        assertArrayEquals(new long[] {5, MAX, MAX, MAX, MAX, MAX}, both(a -> Lax.cummax(a, 0, false), x));
        assertArrayEquals(new long[] {5, 5, 5, 0, 0, 0}, both(a -> Lax.cummin(a, 0, false), x));
        Primitive.WindowConfig pairsOf2 = new Primitive.WindowConfig(Vector.of(2), Vector.of(2), Vector.of(new Primitive.Padding(0, 0)), Vector.of(1), Vector.of(1));
        assertArrayEquals(new long[] {MAX, TOP, TOP + 3}, both(a -> Lax.reduceWindowMax(a, pairsOf2), x));
        // Scatter-max keeps the larger unsigned value: 2^63 beats 5, 1 beats 0.
        assertArrayEquals(new long[] {TOP, MAX, TOP, 1, Long.MAX_VALUE, TOP + 3},
                both(a -> a.at(Jnp.array(new int[] {0, 3})).max(u64(TOP, 1)), x));
        assertArrayEquals(new long[] {MAX, TOP + 3}, Lax.topK(x, 2).head().toLongArray());
        assertArrayEquals(new long[] {1, 5}, Lax.topK(x, 2).get(1).toLongArray());
        // jnp's max and argsort, which JAX users reach first, agree.
        assertEquals(MAX, Jnp.max(x).longValue());
        assertArrayEquals(new long[] {3, 0, 4, 2, 5, 1}, Jnp.argsort(x).toLongArray());
    }

    @Test
    void divisionAndRemainderAreUnsignedWithXlasZeroDivisor() {
        long[][] p = pairs();
        Array a = u64(p[0]), b = u64(p[1]);
        // XLA's x / 0 is all ones and x % 0 is x, as jaxj's u32 (one width up).
        long[] q = zip(p[0], p[1], (x, y) -> y == 0 ? MAX : Long.divideUnsigned(x, y));
        long[] r = zip(p[0], p[1], (x, y) -> y == 0 ? x : Long.remainderUnsigned(x, y));
        assertArrayEquals(q, both(Lax::div, a, b));
        assertArrayEquals(r, both(Lax::rem, a, b));
        // Divisors of 2^63 and more go in at most once.
        assertArrayEquals(new long[] {1, 0, 1}, both(Lax::div, u64(MAX, TOP - 1, TOP), u64(TOP, TOP, TOP)));
        assertArrayEquals(new long[] {Long.MAX_VALUE, TOP - 1, 0}, both(Lax::rem, u64(MAX, TOP - 1, TOP), u64(TOP, TOP, TOP)));
    }

    @Test
    void shiftsSignAndBitCountsActOnTheBits() {
        Array x = u64(MAX, TOP, 12);
        Array s = u64(60, 1, 64);
        assertArrayEquals(new long[] {15, TOP >>> 1, 0}, both(Lax::shiftRightLogical, x, s));
        // An arithmetic shift reads the top bit as a sign, as XLA's (and jaxj's u32's) does.
        assertArrayEquals(new long[] {MAX, TOP >> 1, 0}, both(Lax::shiftRightArithmetic, x, s));
        assertArrayEquals(new long[] {MAX << 60, 0, 0}, both(Lax::shiftLeft, x, s));
        assertArrayEquals(new long[] {0, 1, 1, 1}, both(Lax::sign, u64(0, 5, TOP, MAX)));
        assertArrayEquals(new long[] {64, 1, 2}, both(a -> Jnp.bitwiseCount(a).astype(DType.I64), x));
    }

    /** The double nearest the unsigned value of {@code bits} (BigDecimal rounds exactly, ties to even). */
    private static double nearestDouble(long bits) { return new BigDecimal(Long.toUnsignedString(bits)).doubleValue(); }

    private static float nearestFloat(long bits) { return new BigDecimal(Long.toUnsignedString(bits)).floatValue(); }

    @Test
    void conversionsToFloatsRoundTheUnsignedValue() {
        // 2^63 + 2^10 is halfway between two doubles and goes to the even 2^63; 2^64 - 1 rounds up to 2^64.
        long[] v = {0, 1, Long.MAX_VALUE, TOP, TOP + 1024, TOP + 1025, TOP + 3072, MAX - 1, MAX, 0x1234_5678_9ABC_DEF0L};
        Array x = u64(v);
        double[] f64 = x.astype(DType.F64).toDoubleArray(), jitted = Jax.jit((Array a) -> a.astype(DType.F64)).apply(x).toDoubleArray();
        float[] f32 = x.astype(DType.F32).toFloatArray();
        for (int i = 0; i < v.length; i++) {
            String at = Long.toUnsignedString(v[i]);
            assertEquals(nearestDouble(v[i]), f64[i], "f64 of " + at);
            assertEquals(nearestDouble(v[i]), jitted[i], "f64 of " + at + " under jit");
            assertEquals(nearestFloat(v[i]), f32[i], "f32 of " + at);
        }
    }

    @Test
    void conversionsFromFloatsTruncateAndSaturate() {
        double[] v = {0.0, 1.9, 0x1p63, 0x1.8p63, 0x1.fffffffffffffp63, 0x1p64, 1e30, -1.0, -0.5, Double.NaN, Double.POSITIVE_INFINITY};
        long[] expected = {0, 1, TOP, TOP + (1L << 62), 0xFFFF_FFFF_FFFF_F800L, MAX, MAX, 0, 0, 0, MAX};
        assertArrayEquals(expected, both(a -> a.astype(DType.U64), Jnp.array(v.clone())));
        // f32 2^63 converts exactly.
        assertArrayEquals(new long[] {TOP}, Jnp.array(new float[] {0x1p63f}).astype(DType.U64).toLongArray());
    }

    @Test
    void integerAndBoolConversionsWrapAsC() {
        Array x = u64(MAX, TOP + 0x1_0000_0005L, 300);
        assertArrayEquals(new long[] {-1, TOP + 0x1_0000_0005L, 300}, both(a -> a.astype(DType.I64), x));
        assertArrayEquals(new long[] {-1, 5, 300}, both(a -> a.astype(DType.I32), x));
        assertArrayEquals(new long[] {0xFFFF_FFFFL, 5, 300}, both(a -> a.astype(DType.U32), x));
        assertArrayEquals(new long[] {255, 5, 44}, both(a -> a.astype(DType.U8), x));
        assertArrayEquals(new long[] {1, 1, 1, 0}, both(a -> a.astype(DType.BOOL), u64(MAX, TOP, 1, 0)));
        // Signed sources sign-extend, unsigned ones zero-extend, bools give 0 or 1.
        assertArrayEquals(new long[] {MAX, 5}, both(a -> a.astype(DType.U64), Jnp.array(new int[] {-1, 5})));
        assertArrayEquals(new long[] {0xFFFF_FFFFL}, both(a -> a.astype(DType.U64), Jnp.array(new int[] {-1}).astype(DType.U32)));
        assertArrayEquals(new long[] {1, 0}, both(a -> a.astype(DType.U64), Jnp.array(new boolean[] {true, false})));
        assertArrayEquals(new long[] {MAX}, both(a -> Lax.bitcastConvertType(a, DType.U64), Jnp.array(new long[] {-1})));
    }

    @Test
    void promotionFollowsJaxsLatticeWithSixtyFourBitTypes() {
        // JAX's table (jax.numpy type promotion), 64-bit types enabled.
        assertEquals(DType.U64, Jnp.promoteTypes(DType.U64, DType.U8));
        assertEquals(DType.U64, Jnp.promoteTypes(DType.U32, DType.U64));
        assertEquals(DType.U64, Jnp.promoteTypes(DType.BOOL, DType.U64));
        assertEquals(DType.F64, Jnp.promoteTypes(DType.U64, DType.I64));
        assertEquals(DType.F64, Jnp.promoteTypes(DType.I8, DType.U64));
        assertEquals(DType.BF16, Jnp.promoteTypes(DType.U64, DType.BF16));
        assertEquals(DType.F16, Jnp.promoteTypes(DType.U64, DType.F16));
        assertEquals(DType.F32, Jnp.promoteTypes(DType.U64, DType.F32));
        assertEquals(DType.C64, Jnp.promoteTypes(DType.U64, DType.C64));
        Array x = u64(TOP, 3), i = Jnp.array(new long[] {1, -1});
        Array mixed = Jnp.add(x, i);
        assertEquals("f64[2]", mixed.aval().toString());
        assertTrue(mixed.aval().weakType(), "u64 + i64 joins at JAX's weak float");
        assertArrayEquals(new double[] {0x1p63 + 1, 2}, mixed.toDoubleArray());
        // A Java long is weak: the u64 operand's type wins, and a negative one does not fit.
        assertEquals(DType.U64, x.add(2L).dtype());
        assertArrayEquals(new long[] {TOP + 2, 5}, x.add(2L).toLongArray());
        assertThrows(dev.jaxj.errors.ArgumentError.class, () -> x.add(-1L));
    }

    /** u64 positions at 2^63 and above lie past the end: clamped to the last element, or out of bounds, never before the start. */
    @Test
    void positionsAcrossTwoToThe63LiePastTheEnd() {
        Array x = Jnp.array(new float[] {10, 20, 30, 40});
        Array at = u64(1, TOP, MAX);
        Function<Array, Array> clip = i -> Jnp.take(x, i, 0, dev.jaxj.array.Take.Mode.CLIP);
        Function<Array, Array> fill = i -> Jnp.take(x, i, 0, dev.jaxj.array.Take.Mode.FILL);
        for (Function<Array, Array> f : java.util.List.of(clip, Jax.jit(clip))) assertArrayEquals(new float[] {20, 40, 40}, f.apply(at).toFloatArray());
        for (Function<Array, Array> f : java.util.List.of(fill, Jax.jit(fill))) {
            float[] got = f.apply(at).toFloatArray();
            assertEquals(20, got[0]);
            assertTrue(Float.isNaN(got[1]) && Float.isNaN(got[2]), "out of bounds reads the fill value");
        }
        Function<Array, Array> window = i -> Lax.dynamicSlice(x, Vector.of(i), Vector.of(2));
        for (Function<Array, Array> f : java.util.List.of(window, Jax.jit(window))) assertArrayEquals(new float[] {30, 40}, f.apply(u64(TOP).reshape()).toFloatArray());
    }

    @Test
    void printsAsNumpyPrintsUint64() {
        // repr(np.array([[1, 2], [3, 2**63]], dtype=np.uint64)) in NumPy 1.24, array -> Array.
        assertEquals("""
                Array([[                  1,                   2],
                       [                  3, 9223372036854775808]], dtype=uint64)""", u64(1, 2, 3, TOP).reshape(2, 2).toString());
        assertEquals("Array(18446744073709551615, dtype=uint64)", u64(MAX).reshape().toString());
    }

    @Test
    void iinfoGivesTheRangeAsBits() {
        Jnp.Iinfo info = Jnp.iinfo(DType.U64);
        assertEquals(64, info.bits());
        assertEquals(0, info.min());
        assertEquals("18446744073709551615", Long.toUnsignedString(info.max()));
        assertEquals(DType.U64, DType.parse("uint64"));
    }

    @Test
    void safetensorsRoundTripsAndReadsKnownBytes() {
        Array x = u64(0, TOP, MAX, 42).reshape(2, 2);
        Array back = Safetensors.fromBytes(Safetensors.toBytes(LinkedHashMap.of("x", x), LinkedHashMap.empty())).tensors().get("x").get();
        assertEquals("u64[2,2]", back.aval().toString());
        assertArrayEquals(x.toLongArray(), back.toLongArray());
        // A file written by hand from the format's definition: an 8-byte little-endian header length,
        // the JSON header padded with spaces to 8 bytes, then the two elements little-endian.
        String header = "{\"v\":{\"dtype\":\"U64\",\"shape\":[2],\"data_offsets\":[0,16]}}";
        header = header + " ".repeat((8 - header.length() % 8) % 8);
        ByteBuffer file = ByteBuffer.allocate(8 + header.length() + 16).order(ByteOrder.LITTLE_ENDIAN);
        file.putLong(header.length()).put(header.getBytes(StandardCharsets.UTF_8));
        file.put(new byte[] {1, 0, 0, 0, 0, 0, 0, (byte) 0x80});                               // 2^63 + 1
        file.put(new byte[] {(byte) 0xFE, -1, -1, -1, -1, -1, -1, -1});                      // 2^64 - 2
        Array v = Safetensors.fromBytes(file.array()).tensors().get("v").get();
        assertEquals(DType.U64, v.dtype());
        assertArrayEquals(new String[] {"9223372036854775809", "18446744073709551614"},
                Arrays.stream(v.toLongArray()).mapToObj(Long::toUnsignedString).toArray(String[]::new));
    }

    @Test
    void randomBitsAreJaxsUint64Bits() {
        // JAX tests/random_test.py testRngRandomBits: _random_bits(PRNGKey(1701), 64, (3,)) under x64.
        Key k = Random.key(1701, ThreefryMode.LEGACY);
        Array b = Random.bits(k, Shape.of(3), DType.U64);
        assertEquals(DType.U64, b.dtype());
        assertArrayEquals(new String[] {"3982329540505020460", "16822122385914693683", "7882654074788531506"},
                Arrays.stream(b.toLongArray()).mapToObj(Long::toUnsignedString).toArray(String[]::new));
        // The same bits as the i64 spelling, whose partitionable stream the random tests pin to a reference.
        Key p = Random.key(1701, ThreefryMode.PARTITIONABLE);
        assertArrayEquals(Random.bits(p, Shape.of(2, 2), DType.I64).toLongArray(), Random.bits(p, Shape.of(2, 2), DType.U64).toLongArray());
    }

    @Test
    void randintDrawsAcrossTwoToThe63() {
        Key k = Random.key(3, ThreefryMode.PARTITIONABLE);
        Array lo = u64(TOP - 4), hi = u64(TOP + 4);
        long[] v = Random.randint(k, Shape.of(200), lo.reshape(), hi.reshape(), DType.U64).toLongArray();
        boolean below = false, above = false;
        for (long x : v) {
            assertTrue(Long.compareUnsigned(x, TOP - 4) >= 0 && Long.compareUnsigned(x, TOP + 4) < 0, Long.toUnsignedString(x));
            below |= Long.compareUnsigned(x, TOP) < 0;
            above |= Long.compareUnsigned(x, TOP) >= 0;
        }
        assertTrue(below && above, "200 draws from 8 values reach both sides of 2^63");
        // Bounds beyond u64 are clipped to it: [2^64 - 2, anything larger) can give 2^64 - 2 and 2^64 - 1.
        long[] top = Random.randint(k, Shape.of(50), u64(MAX - 1).reshape(), u64(MAX).reshape(), DType.U64).toLongArray();
        assertTrue(Arrays.stream(top).allMatch(x -> x == MAX - 1), "[2^64 - 2, 2^64 - 1) holds one value");
    }

    @Test
    void vmapAndGradTreatU64LikeTheOtherIntegers() {
        Array m = u64(1, TOP, 5, MAX, 0, 7).reshape(2, 3);
        Function<Array, Array> rowMax = r -> Lax.reduceMax(r, Vector.of(0));
        assertArrayEquals(new long[] {TOP, MAX}, Jax.vmap(rowMax).apply(m).toLongArray());
        assertArrayEquals(new long[] {TOP, MAX}, Jax.jit(Jax.vmap(rowMax)).apply(m).toLongArray());
        NotDifferentiable e = assertThrows(NotDifferentiable.class, () -> Jax.grad((Array a) -> a.sum().astype(DType.F32)).apply(u64(1, 2, 3)));
        assertTrue(e.getMessage().contains("got u64[3]"), e.getMessage());
        // A u64 constant inside a differentiated function is data: d/dx sum(x * c) = c.
        Array c = u64(TOP, 3);
        Array g = Jax.grad((Array x) -> Jnp.sum(Jnp.multiply(x, c.astype(DType.F64)))).apply(Jnp.array(new double[] {1, 1}));
        assertArrayEquals(new double[] {0x1p63, 3}, g.toDoubleArray());
    }
}
