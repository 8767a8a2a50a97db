package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.JaxjException;
import dev.jaxj.ir.DType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The fluent {@link Array} methods and the {@link Jnp} functions are one NumPy layer: for every
 * pair of operand dtypes (bool included), and for Java scalars, they give the same dtype, weak
 * type and bits, or raise the same exception.
 */
class ArrayJnpAgreementProperties {
    /** A fluent method and its Jnp function, on two arrays, on an array and a double, and on an array and a long (null where there is no overload). */
    record Pair(String name, BiFunction<Array, Array, Array> method, BiFunction<Array, Array, Array> jnp,
                BiFunction<Array, Double, Array> methodD, BiFunction<Array, Double, Array> jnpD,
                BiFunction<Array, Long, Array> methodL, BiFunction<Array, Long, Array> jnpL) {
        @Override public String toString() { return name; }
    }

    private static final List<Pair> PAIRS = List.of(
            new Pair("add", Array::add, Jnp::add, Array::add, Jnp::add, Array::add, Jnp::add),
            new Pair("subtract", Array::sub, Jnp::subtract, Array::sub, Jnp::subtract, Array::sub, Jnp::subtract),
            new Pair("multiply", Array::mul, Jnp::multiply, Array::mul, Jnp::multiply, Array::mul, Jnp::multiply),
            new Pair("divide", Array::div, Jnp::divide, Array::div, Jnp::divide, Array::div, Jnp::divide),
            new Pair("power", Array::pow, Jnp::power, Array::pow, Jnp::power, Array::pow, Jnp::power),
            new Pair("maximum", Array::maximum, Jnp::maximum, Array::maximum, Jnp::maximum, Array::maximum, Jnp::maximum),
            new Pair("minimum", Array::minimum, Jnp::minimum, Array::minimum, Jnp::minimum, Array::minimum, Jnp::minimum),
            new Pair("equal", Array::eq, Jnp::equal, Array::eq, Jnp::equal, Array::eq, Jnp::equal),
            new Pair("not_equal", Array::ne, Jnp::notEqual, Array::ne, Jnp::notEqual, Array::ne, Jnp::notEqual),
            new Pair("less", Array::lt, Jnp::less, Array::lt, Jnp::less, Array::lt, Jnp::less),
            new Pair("less_equal", Array::le, Jnp::lessEqual, Array::le, Jnp::lessEqual, Array::le, Jnp::lessEqual),
            new Pair("greater", Array::gt, Jnp::greater, Array::gt, Jnp::greater, Array::gt, Jnp::greater),
            new Pair("greater_equal", Array::ge, Jnp::greaterEqual, Array::ge, Jnp::greaterEqual, Array::ge, Jnp::greaterEqual),
            new Pair("bitwise_and", Array::and, Jnp::bitwiseAnd, null, null, null, null),
            new Pair("bitwise_or", Array::or, Jnp::bitwiseOr, null, null, null, null),
            new Pair("bitwise_xor", Array::xor, Jnp::bitwiseXor, null, null, null, null));

    @Provide
    Arbitrary<Pair> pairs() { return Arbitraries.of(PAIRS); }

    @Property(tries = 150)
    void fluentMethodsAgreeWithJnpOnEveryPairOfDTypes(@ForAll("pairs") Pair p, @ForAll long seed) {
        Random r = new Random(seed);
        for (DType a : TypedValues.REAL) {
            Array x = TypedValues.array(a, TypedValues.draw(a, 4, r));
            for (DType b : TypedValues.REAL) {
                Array y = TypedValues.array(b, TypedValues.draw(b, 4, r));
                assertSame(p + " of " + x.aval() + ", " + y.aval(), () -> p.method().apply(x, y), () -> p.jnp().apply(x, y));
            }
            double sd = (r.nextInt(41) - 20) / 8.0 + 0.1;
            long sl = a == DType.U32 ? r.nextInt(5) : r.nextInt(9) - 4;
            if (p.methodD() != null) assertSame(p + " of " + x.aval() + ", " + sd, () -> p.methodD().apply(x, sd), () -> p.jnpD().apply(x, sd));
            if (p.methodL() != null) assertSame(p + " of " + x.aval() + ", " + sl + "L", () -> p.methodL().apply(x, sl), () -> p.jnpL().apply(x, sl));
        }
    }

    /** Both give the same aval (weak type included) and bits, or both raise the same exception class. */
    private static void assertSame(String what, Supplier<Array> method, Supplier<Array> jnp) {
        Array m, j;
        try {
            m = method.get();
        } catch (JaxjException e) {
            JaxjException other = assertThrows(JaxjException.class, jnp::get, what + ": the method raised " + e.getMessage());
            assertEquals(e.getClass(), other.getClass(), what);
            assertEquals(e.detail(), other.detail(), what);
            return;
        }
        j = jnp.get();
        assertEquals(m.aval(), j.aval(), what);
        assertEquals(m.weakType(), j.weakType(), what);
        assertArrayEquals(TypedValues.bits(m), TypedValues.bits(j), what);
    }

    @Test
    void boolsAddAsLogicalOrAndMultiplyAsLogicalAndInBothForms() {
        Array p = Jnp.array(new boolean[] {false, false, true, true}), q = Jnp.array(new boolean[] {false, true, false, true});
        for (Array r : List.of(p.add(q), Jnp.add(p, q), p.maximum(q), Jnp.maximum(p, q))) {
            assertEquals(DType.BOOL, r.dtype());
            assertArrayEquals(new boolean[] {false, true, true, true}, r.toBooleanArray());
        }
        for (Array r : List.of(p.mul(q), Jnp.multiply(p, q), p.minimum(q), Jnp.minimum(p, q))) {
            assertEquals(DType.BOOL, r.dtype());
            assertArrayEquals(new boolean[] {false, false, false, true}, r.toBooleanArray());
        }
        assertThrows(DTypeError.class, () -> p.sub(q));
        assertThrows(DTypeError.class, () -> Jnp.subtract(p, q));
    }

    @Test
    void integerPowersOfIntegersStayIntegersInBothForms() {
        Array x = Jnp.array(new int[] {-3, 2, 5}), n = Jnp.array(new int[] {3, 0, 2});
        for (Array r : List.of(x.pow(n), Jnp.power(x, n), x.pow(3L), Jnp.power(x, 3))) assertEquals(DType.I32, r.dtype());
        assertArrayEquals(new int[] {-27, 1, 25}, x.pow(n).toIntArray());
    }
}
