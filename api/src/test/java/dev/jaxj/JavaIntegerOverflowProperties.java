package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A Java integer that does not fit the dtype it is converted to raises (JAX: "Python int too
 * large to convert to int32"), through every entry point; one that fits keeps its exact value.
 */
class JavaIntegerOverflowProperties {
    /** An entry point taking an array and a Java long, with the op name its error must carry. */
    record Entry(String op, BiFunction<Array, Long, Array> f, boolean exponent) {
        Entry(String op, BiFunction<Array, Long, Array> f) { this(op, f, false); }

        @Override public String toString() { return op; }
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("add", Array::add), new Entry("add", Jnp::add), new Entry("add", (x, s) -> Jnp.add(s, x)),
            new Entry("subtract", Array::sub), new Entry("subtract", Jnp::subtract), new Entry("subtract", (x, s) -> Jnp.subtract(s, x)),
            new Entry("multiply", Array::mul), new Entry("multiply", Jnp::multiply), new Entry("multiply", (x, s) -> Jnp.multiply(s, x)),
            new Entry("floor_divide", Jnp::floorDivide), new Entry("remainder", Jnp::remainder), new Entry("remainder", Jnp::mod),
            new Entry("power", Array::pow, true), new Entry("power", Jnp::power, true), new Entry("power", (x, s) -> Jnp.power(s, x)),
            new Entry("maximum", Array::maximum), new Entry("maximum", Jnp::maximum), new Entry("maximum", (x, s) -> Jnp.maximum(s, x)),
            new Entry("minimum", Array::minimum), new Entry("minimum", Jnp::minimum), new Entry("minimum", (x, s) -> Jnp.minimum(s, x)),
            new Entry("clip", (x, s) -> Jnp.clip(x, s, s)), new Entry("where", (x, s) -> Jnp.where(Jnp.greater(x, 0L), x, s)),
            new Entry("where", (x, s) -> Jnp.where(Jnp.greater(x, 0L), s, x)),
            new Entry("equal", Array::eq), new Entry("equal", Jnp::equal), new Entry("less", Array::lt), new Entry("less", Jnp::less),
            new Entry("greater_equal", Array::ge), new Entry("greater_equal", Jnp::greaterEqual),
            new Entry("full", Jnp::fullLike), new Entry("at.set", (x, s) -> x.at(0).set(s)), new Entry("at.add", (x, s) -> x.at(1).add(s)),
            new Entry("at.max", (x, s) -> x.at(2).max(s)));

    @Provide
    Arbitrary<Entry> entries() { return Arbitraries.of(ENTRIES); }

    /** Longs outside i32: beyond either end, up to the extremes of long. */
    @Provide
    Arbitrary<Long> outsideI32() {
        return Arbitraries.oneOf(Arbitraries.longs().between(Integer.MAX_VALUE + 1L, Long.MAX_VALUE),
                Arbitraries.longs().between(Long.MIN_VALUE, Integer.MIN_VALUE - 1L), Arbitraries.of(1L << 40, 1L << 31, -(1L << 31) - 1));
    }

    /** Longs outside u32: negative, or from 2^32 on. */
    @Provide
    Arbitrary<Long> outsideU32() {
        return Arbitraries.oneOf(Arbitraries.longs().between(Long.MIN_VALUE, -1), Arbitraries.longs().between(1L << 32, Long.MAX_VALUE),
                Arbitraries.of(-1L, 1L << 32));
    }

    @Property(tries = 200)
    void i32RejectsJavaIntegersOutsideItsRange(@ForAll("entries") Entry e, @ForAll("outsideI32") long s) {
        assertRejected(e, Jnp.array(new int[] {1, 2, 3}), s, "i32");
    }

    @Property(tries = 200)
    void u32RejectsNegativeAndTooLargeJavaIntegers(@ForAll("entries") Entry e, @ForAll("outsideU32") long s) {
        // An int exponent is static (integer_pow), not converted to u32: a negative one is a DTypeError, as in JAX.
        Assume.that(!(e.exponent() && s == (int) s));
        assertRejected(e, Jnp.array(new int[] {1, 2, 3}).astype(DType.U32), s, "u32");
    }

    private static void assertRejected(Entry e, Array x, long s, String dtype) {
        ArgumentError err = assertThrows(ArgumentError.class, () -> e.f().apply(x, s), e + " of " + x.aval() + " and " + s);
        assertEquals(e.op(), err.op(), err.getMessage());
        assertTrue(err.detail().contains(Long.toString(s)) && err.detail().contains(dtype), err.getMessage());
        assertTrue(err.getMessage().contains("JavaIntegerOverflowProperties.java:"), err.getMessage());
    }

    @Property(tries = 100)
    void i64KeepsEveryJavaIntegerExact(@ForAll long a, @ForAll long s) {
        Array x = Jnp.array(new long[] {a});
        BigInteger sum = BigInteger.valueOf(a).add(BigInteger.valueOf(s));
        assertEquals(sum.longValue(), x.add(s).longValue());
        assertEquals(sum.longValue(), Jnp.add(x, s).longValue());
        assertEquals(Math.max(a, s), Jnp.maximum(x, s).longValue());
        assertEquals(s, Jnp.fullLike(x, s).longValue());
        assertEquals(s, x.at(0).set(s).longValue());
        assertEquals(DType.I64, Jnp.where(Jnp.array(new boolean[] {false}), x, s).dtype());
        assertEquals(s, Jnp.where(Jnp.array(new boolean[] {false}), x, s).longValue());
    }

    @Property(tries = 100)
    void integersThatFitKeepTheArraysDType(@ForAll int s) {
        Array x = Jnp.array(new int[] {7});
        assertEquals(DType.I32, x.add((long) s).dtype());
        assertEquals((int) (7L + s), x.add((long) s).intValue());
        Array u = x.astype(DType.U32);
        long us = Integer.toUnsignedLong(s);
        assertEquals(DType.U32, Jnp.add(u, us).dtype());
        assertEquals((7 + us) & 0xFFFF_FFFFL, Jnp.add(u, us).longValue());
    }

    @Test
    void javaIntegersAmongThemselvesAreI32AndMustFitIt() {
        assertThrows(ArgumentError.class, () -> Jnp.add(Array.scalar(1L << 40), Array.scalar(1L)));
        assertThrows(ArgumentError.class, () -> Jnp.full(Shape.of(2), 1L << 40, DType.I32));
        assertEquals(DType.I32, Jnp.add(Array.scalar(5L), Array.scalar(1L)).dtype());
    }

    @Test
    void divisionAndFloatsTakeLargeIntegersAsFloats() {
        // Operations that compute in floating point convert the integer to the float type, which holds it (rounded).
        Array x = Jnp.array(new int[] {1, 2});
        assertArrayEquals(new float[] {(float) (1 / 0x1p40), (float) (2 / 0x1p40)}, Jnp.divide(x, 1L << 40).toFloatArray());
        assertEquals((float) (1.5 + (1L << 40)), Jnp.array(new float[] {1.5f}).add(1L << 40).floatValue());
    }
}
