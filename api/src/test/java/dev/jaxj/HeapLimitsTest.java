package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.errors.BackendError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Arrays the JVM heap cannot hold are refused with a BackendError naming the call and the
 * bytes, and the JVM goes on computing afterwards. Requests of 2^31-1 elements fail on any
 * heap (no Java array is that long); the others are sized from this JVM's {@code -Xmx}, so
 * nothing here allocates more than a few MiB.
 */
class HeapLimitsTest {
    private static final long HEAP = Runtime.getRuntime().maxMemory();

    private static void assertRefused(String op, String bytes, Executable call) {
        BackendError e = assertThrows(BackendError.class, call);
        assertEquals(op, e.op(), e.getMessage());
        assertTrue(e.getMessage().startsWith(op + ": a cpu buffer must fit in "), e.getMessage());
        assertTrue(e.getMessage().contains(" of " + bytes + " bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("HeapLimitsTest.java:"), e.getMessage());
        assertUsable();
    }

    /** An ordinary computation after a refusal: 1 + 2 + … + 1000, against the closed form. */
    private static void assertUsable() {
        assertEquals(500_500.0, Jnp.arange(1, 1001, 1).astype(DType.F64).sum().doubleValue(), 0.0);
    }

    /**
     * A convolution whose operands and result are small but whose im2col matrix is not:
     * 1 feature x a 50,000-tap window x 50,000 positions is 2.5e9 elements, past what an int
     * counts, from an f64[1,1,1] input, an f64[1,1,50000] kernel and an f64[1,1,50000] result.
     */
    @Test
    void shouldRefuseAConvolutionScratchMatrixPastOneJavaArray() {
        int taps = 50_000, positions = 50_000;
        var dims = new dev.jaxj.ir.Primitive.ConvDimensionNumbers(io.vavr.collection.Vector.of(0, 1, 2),
                io.vavr.collection.Vector.of(0, 1, 2), io.vavr.collection.Vector.of(0, 1, 2));
        Executable conv = () -> dev.jaxj.lax.Lax.convGeneralDilated(Jnp.ones(Shape.of(1, 1, 1), DType.F64), Jnp.ones(Shape.of(1, 1, taps), DType.F64),
                io.vavr.collection.Vector.of(1), io.vavr.collection.Vector.of(new dev.jaxj.ir.Primitive.Padding(taps - 1, positions - 1)),
                io.vavr.collection.Vector.of(1), io.vavr.collection.Vector.of(1), dims, 1, 1);
        BackendError e = assertThrows(BackendError.class, conv);
        assertTrue(e.getMessage().startsWith("conv_general_dilated: a cpu kernel's scratch buffer must fit one Java array"), e.getMessage());
        assertTrue(e.getMessage().contains("[2500000000]"), e.getMessage());
        assertTrue(e.getMessage().contains("HeapLimitsTest.java:"), e.getMessage());
        assertUsable();
    }

    @Test
    void shouldRefuseArraysLongerThanAnyJavaArray() {
        assertRefused("zeros", "17179869176", () -> Jnp.zeros(Shape.of(Integer.MAX_VALUE), DType.F64));
        assertRefused("ones", "8589934588", () -> Jnp.ones(Integer.MAX_VALUE));
        assertRefused("full", "8589934588", () -> Jnp.full(Shape.of(Integer.MAX_VALUE), 2.5, DType.I32));
        assertRefused("linspace", "17179869176", () -> Jnp.linspace(0, 1, Integer.MAX_VALUE));
    }

    @Test
    void shouldRefuseArraysLongerThanAnyJavaArrayUnderJit() {
        var f = Jax.jit((Array x) -> Jnp.zeros(Shape.of(Integer.MAX_VALUE), DType.F64).add(x));
        BackendError e = assertThrows(BackendError.class, () -> f.apply(Jnp.zeros(1)));
        assertTrue(e.getMessage().contains("f64[2147483647] of 17179869176 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("HeapLimitsTest.java:"), e.getMessage());
        assertEquals("jit", e.op(), e.getMessage());
        assertUsable();
    }

    @Test
    void shouldRefuseArraysLargerThanTheHeap() {
        long elements = HEAP / 4 + 1;                           // one f32 more than -Xmx holds
        assumeTrue(elements <= Integer.MAX_VALUE, "the heap holds every f32 array that Java can index");
        int rows = (int) Math.min(elements, 60_000), cols = (int) Math.ceilDiv(elements, rows);
        String f32Bytes = Long.toString(4L * rows * cols), f64Bytes = Long.toString(8L * rows * cols);
        assertRefused("zeros", f32Bytes, () -> Jnp.zeros(rows, cols));
        assertRefused("zeros", f64Bytes, () -> Jnp.zeros(Shape.of(rows, cols), DType.F64));
        assertRefused("normal", f32Bytes, () -> Random.normal(Random.key(0), rows, cols));
        assertRefused("matmul", f64Bytes, () -> Jnp.matmul(Jnp.zeros(Shape.of(rows, 1), DType.F64), Jnp.zeros(Shape.of(1, cols), DType.F64)));
    }
}
