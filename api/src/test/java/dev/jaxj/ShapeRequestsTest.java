package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import io.vavr.collection.Vector;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every function that takes a shape as Java ints, eagerly or traced by jit, either returns an
 * array of exactly that shape or, when a dim is negative or the exact (BigInteger) element
 * count exceeds 2^31-1, raises a ShapeError naming itself, the dims and this file's line.
 */
class ShapeRequestsTest {
    /** A creation function under its Java name and the op name its errors carry. */
    record Creator(String op, BiFunction<Array, int[], Array> make) {
        @Override public String toString() { return op; }
    }

    private static final Vector<Creator> CREATORS = Vector.of(
            new Creator("zeros", (x, d) -> Jnp.zeros(d)),
            new Creator("ones", (x, d) -> Jnp.ones(d)),
            new Creator("broadcast_to", Jnp::broadcastTo),
            new Creator("normal", (x, d) -> Random.normal(Random.key(1), d)),
            new Creator("uniform", (x, d) -> Random.uniform(Random.key(1), d)),
            new Creator("bits", (x, d) -> Random.bits(Random.key(1), d)),
            new Creator("gumbel", (x, d) -> Random.gumbel(Random.key(1), d)),
            new Creator("exponential", (x, d) -> Random.exponential(Random.key(1), d)),
            new Creator("laplace", (x, d) -> Random.laplace(Random.key(1), d)),
            new Creator("logistic", (x, d) -> Random.logistic(Random.key(1), d)));

    @Property(tries = 400)
    void shouldMakeExactlyTheRequestedShapeOrRefuseIt(@ForAll("creators") Creator c, @ForAll("dims") int[] dims, @ForAll boolean jit) {
        BigInteger count = Arrays.stream(dims).mapToObj(BigInteger::valueOf).reduce(BigInteger.ONE, BigInteger::multiply);
        boolean negative = Arrays.stream(dims).anyMatch(d -> d < 0);
        Array one = Jnp.zeros();                                 // a scalar broadcasts to any shape
        java.util.function.Function<Array, Array> f = x -> c.make().apply(x, dims);
        if (negative || count.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
            ShapeError e = assertThrows(ShapeError.class, () -> (jit ? Jax.jit(f) : f).apply(one));
            assertEquals(c.op(), e.op(), e.getMessage());
            assertTrue(e.getMessage().contains(negative ? "dimensions must be non-negative" : "at most 2^31-1 elements"), e.getMessage());
            assertTrue(e.getMessage().contains(Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining(","))), e.getMessage());
            assertTrue(e.getMessage().contains("ShapeRequestsTest.java:"), e.getMessage());
        } else {
            Array a = (jit ? Jax.jit(f) : f).apply(one);
            assertArrayEquals(dims, a.shape().toArray());
            assertEquals(count.intValueExact(), a.size());
            assertTrue(a.dtype() == DType.F32 || a.dtype() == DType.U32, a.aval().toString());
        }
    }

    @Provide
    Arbitrary<Creator> creators() {
        return Arbitraries.of(CREATORS.asJava());
    }

    /** Small valid shapes (allocated), and shapes past the limit or with a negative dim (never allocated). */
    @Provide
    Arbitrary<int[]> dims() {
        Arbitrary<int[]> small = Arbitraries.integers().between(0, 4).array(int[].class).ofMaxSize(3);
        Arbitrary<Integer> dim = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(1, 5)),
                Tuple.of(4, Arbitraries.of(46341, 65536, 1 << 20, 1 << 30, Integer.MAX_VALUE)),
                Tuple.of(1, Arbitraries.of(-1, -3, Integer.MIN_VALUE)));
        Arbitrary<int[]> bad = dim.array(int[].class).ofMinSize(1).ofMaxSize(5).filter(d -> {
            BigInteger n = Arrays.stream(d).mapToObj(BigInteger::valueOf).reduce(BigInteger.ONE, BigInteger::multiply);
            return Arrays.stream(d).anyMatch(x -> x < 0) || n.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0;
        });
        return Arbitraries.frequencyOf(Tuple.of(1, small), Tuple.of(3, bad));
    }
}
