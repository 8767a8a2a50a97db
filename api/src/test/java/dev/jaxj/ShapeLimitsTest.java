package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.JaxjException;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.random.Key;
import dev.jaxj.random.ThreefryMode;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every way of asking for an array too large to index with an {@code int}, or with a negative
 * dimension, raises a ShapeError that names the call, the requested dims and this file's line:
 * eagerly and while {@code jit} traces. Nothing here allocates more than a few MiB.
 */
class ShapeLimitsTest {
    /** A request: the call, the op its error names, and text of the requested aval it must show. */
    record Request(String op, String requested, Function<Array, Array> call) {}

    private static final Key KEY = Random.key(0);

    static Vector<Request> tooLarge() {
        return Vector.of(
                new Request("zeros", "f32[1000000,1000000]", x -> Jnp.zeros(1_000_000, 1_000_000)),
                new Request("ones", "f32[65536,65536,65536,65536]", x -> Jnp.ones(65536, 65536, 65536, 65536)),
                new Request("shape", "4294967296,4294967296", x -> Jnp.ones(Shape.of(DType.F32, 1L << 32, 1L << 32), DType.F32)),
                new Request("shape", "f64[3037000500,3037000500]", x -> Jnp.full(Shape.of(DType.F64, 3_037_000_500L, 3_037_000_500L), 1, DType.F64)),
                new Request("eye", "f32[100000,100000]", x -> Jnp.eye(100_000)),
                new Request("eye", "f64[65536,65536]", x -> Jnp.eye(65536, 65536, 3, DType.F64)),
                new Request("arange", "f32[10000000000000]", x -> Jnp.arange(0.0, 1e10, 1e-3)),
                new Request("arange", "i32[4294967295]", x -> Jnp.arange(Integer.MIN_VALUE, Integer.MAX_VALUE, 1)),
                new Request("broadcast_to", "1000000,1000000", x -> Jnp.broadcastTo(x, 1_000_000, 1_000_000)),
                new Request("matmul", "f32[100000,100000]", x -> Jnp.matmul(Jnp.zeros(100_000, 1), Jnp.zeros(1, 100_000))),
                new Request("outer", "100000,100000", x -> Jnp.outer(Jnp.zeros(100_000), Jnp.zeros(100_000))),
                new Request("einsum", "100000,100000", x -> Jnp.einsum("i,j->ij", Jnp.zeros(100_000), Jnp.zeros(100_000))),
                new Request("tile", "f32[65536,65536]", x -> Jnp.tile(Jnp.zeros(65536), 65536, 1)),
                new Request("repeat", "65536,65536", x -> Jnp.repeat(Jnp.zeros(65536), 65536)),
                new Request("pad", "f32[2147483648]", x -> Jnp.pad(x, new int[][] {{Integer.MAX_VALUE, 0}})),
                new Request("normal", "f32[1000000,1000000]", x -> Random.normal(KEY, 1_000_000, 1_000_000)),
                new Request("uniform", "f32[1000000,1000000]", x -> Random.uniform(KEY, 1_000_000, 1_000_000)),
                new Request("bits", "u32[1000000,1000000]", x -> Random.bits(KEY, 1_000_000, 1_000_000)),
                new Request("bits", "u32[2147483650]", x -> Random.bits(Random.key(0, ThreefryMode.LEGACY), Shape.of((1 << 30) + 1), DType.I64)),
                new Request("split", "2147483647,2", x -> Random.split(KEY, Integer.MAX_VALUE).data()));
    }

    static Vector<Request> negative() {
        return Vector.of(
                new Request("zeros", "f32[-1]", x -> Jnp.zeros(-1)),
                new Request("ones", "f32[3,-2]", x -> Jnp.ones(3, -2)),
                new Request("eye", "f32[-1,-1]", x -> Jnp.eye(-1)),
                new Request("eye", "f32[2,-3]", x -> Jnp.eye(2, -3, 0, DType.F32)),
                new Request("broadcast_to", "[-1]", x -> Jnp.broadcastTo(x, -1)),
                new Request("normal", "f32[-5]", x -> Random.normal(KEY, -5)),
                new Request("split", "[-1]", x -> Random.split(KEY, -1).data()));
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseShapesPastTwoToTheThirtyOneElements() {
        return cases(tooLarge(), "at most 2^31-1 elements");
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseNegativeDimensions() {
        return cases(negative(), "dimensions must be non-negative");
    }

    private static Stream<DynamicTest> cases(Vector<Request> requests, String requirement) {
        return requests.toJavaStream().flatMap(r -> Stream.of(
                DynamicTest.dynamicTest(r.op() + " " + r.requested() + " eagerly", () -> check(r, requirement, () -> r.call().apply(Jnp.zeros(1)))),
                DynamicTest.dynamicTest(r.op() + " " + r.requested() + " under jit", () -> check(r, requirement, () -> Jax.jit(r.call()).apply(Jnp.zeros(1))))));
    }

    private static void check(Request r, String requirement, org.junit.jupiter.api.function.Executable call) {
        ShapeError e = assertThrows(ShapeError.class, call);
        assertEquals(r.op(), e.op(), e.getMessage());
        assertTrue(e.getMessage().startsWith(r.op() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(requirement), e.getMessage());
        assertTrue(e.getMessage().contains(r.requested()), e.getMessage());
        assertTrue(e.getMessage().contains("ShapeLimitsTest.java:"), e.getMessage());
    }

    /** Concatenation sums sizes: traced (never materialised) operands of 2^30 elements each. */
    @org.junit.jupiter.api.Test
    void shouldRefuseConcatenationsPastTwoToTheThirtyOneElementsUnderJit() {
        Request r = new Request("concatenate", "f32[3221225472]", x -> {
            Array big = Jnp.broadcastTo(x, 1 << 30);
            return Jnp.concatenate(big, big, big);
        });
        check(r, "at most 2^31-1 elements", () -> Jax.jit(r.call()).apply(Jnp.zeros(1)));
    }

    /** NumPy: "arange: cannot compute length" for a NaN or infinite bound or step, and a zero step. */
    @TestFactory
    Stream<DynamicTest> shouldRefuseArangesWithoutAComputableLength() {
        double nan = Double.NaN, inf = Double.POSITIVE_INFINITY;
        double[][] bad = {{0, nan, 1}, {nan, 1, 1}, {0, 1, nan}, {0, inf, 1}, {-inf, 0, 1}, {0, 1, inf}, {inf, inf, 1}, {0, 1, 0}, {0, 0, 0}, {1, 0, -0.0}};
        return Stream.of(bad).map(b -> DynamicTest.dynamicTest(java.util.Arrays.toString(b), () -> {
            ArgumentError e = assertThrows(ArgumentError.class, () -> Jnp.arange(b[0], b[1], b[2]));
            assertTrue(e.getMessage().startsWith("arange: cannot compute the length"), e.getMessage());
            assertTrue(e.getMessage().contains("ShapeLimitsTest.java:"), e.getMessage());
        }));
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseNegativeCounts() {
        record Count(String op, Function<Integer, Array> call) {}
        Vector<Count> calls = Vector.of(new Count("linspace", n -> Jnp.linspace(0, 1, n)),
                new Count("linspace", n -> Jnp.linspace(0, 1, n, false, DType.F64)),
                new Count("logspace", n -> Jnp.logspace(0, 1, n)),
                new Count("logspace", n -> Jnp.logspace(0, 1, n, false, 2, DType.F64)),
                new Count("geomspace", n -> Jnp.geomspace(1, 8, n)),
                new Count("geomspace", n -> Jnp.geomspace(-1, -8, n, true, DType.F64)));
        return Stream.of(-1, -7, Integer.MIN_VALUE).flatMap(n -> calls.toJavaStream().map(c -> DynamicTest.dynamicTest(c.op() + " num " + n, () -> {
            JaxjException e = assertThrows(ArgumentError.class, () -> c.call().apply(n));
            assertTrue(e.getMessage().startsWith(c.op() + ": num must be >= 0, got " + n), e.getMessage());
            assertTrue(e.getMessage().contains("ShapeLimitsTest.java:"), e.getMessage());
        })));
    }

    @org.junit.jupiter.api.Test
    void shouldRefuseGeometricSequencesThroughZero() {
        for (double[] b : new double[][] {{0, 1}, {1, 0}, {-1, 1}, {1, -1}, {1, Double.POSITIVE_INFINITY}, {Double.NaN, 1}}) {
            ArgumentError e = assertThrows(ArgumentError.class, () -> Jnp.geomspace(b[0], b[1], 4));
            assertTrue(e.getMessage().startsWith("geomspace: start and stop must be finite, non-zero and of one sign"), e.getMessage());
        }
    }

    /** Against the closed forms in StrictMath; endpoints are exact. */
    @org.junit.jupiter.api.Test
    void shouldSpaceLogarithmicallyAndGeometrically() {
        double[] log = Jnp.logspace(-2, 3, 6, true, 10, DType.F64).toDoubleArray();
        double[] geo = Jnp.geomspace(-3, -96, 6, true, DType.F64).toDoubleArray();
        double[] half = Jnp.geomspace(1, 16, 4, false, DType.F64).toDoubleArray();
        for (int k = 0; k < 6; k++) {
            assertEquals(StrictMath.pow(10, k - 2), log[k], 1e-12 * StrictMath.pow(10, k - 2));
            assertEquals(-3 * StrictMath.pow(2, k), geo[k], 1e-12 * 3 * StrictMath.pow(2, k));
        }
        assertEquals(-96.0, geo[5], 0.0);
        assertArrayEquals(new double[] {1, 2, 4, 8}, half, 1e-12);
        assertEquals(0, Jnp.geomspace(1, 2, 0).size());
    }
}
