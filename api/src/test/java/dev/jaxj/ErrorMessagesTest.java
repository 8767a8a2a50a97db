package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.JaxjException;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.errors.TreeError;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Bad input raises the specific exception, naming the op, the requirement, the avals and this file's line. */
class ErrorMessagesTest {
    private static void assertNamesUserLine(JaxjException e) {
        assertTrue(e.getMessage().contains("at ErrorMessagesTest."), e.getMessage());
        assertTrue(e.getMessage().contains("ErrorMessagesTest.java:"), e.getMessage());
        String name = e.getClass().getSimpleName();
        assertTrue(e.getMessage().endsWith("\nSee https://jaxj.dev/docs/errors#" + name + " (docs/errors.md, section " + name + ")"), e.getMessage());
    }

    @Test
    void shouldNameBothShapesWhenBroadcastingFails() {
        Array a = Jnp.zeros(3, 4), b = Jnp.zeros(5);
        ShapeError e = assertThrows(ShapeError.class, () -> a.add(b));
        assertTrue(e.getMessage().startsWith("add: operands could not be broadcast together, got f32[3,4], f32[5]"), e.getMessage());
        assertNamesUserLine(e);
    }

    @Test
    void shouldNameTheAvalsInEveryBroadcastError() {
        Array a = Jnp.zeros(3, 4), b = Jnp.array(new int[] {1, 2, 3, 4, 5});
        ShapeError e = assertThrows(ShapeError.class, () -> Jnp.add(a, b));
        assertTrue(e.getMessage().startsWith("add: operands could not be broadcast together, got f32[3,4], i32[5]"), e.getMessage());
        assertNamesUserLine(e);
        e = assertThrows(ShapeError.class, () -> Jnp.where(Jnp.greater(a, 0L), a, b));
        assertTrue(e.getMessage().startsWith("where: operands could not be broadcast together, got bool[3,4], f32[3,4], i32[5]"), e.getMessage());
        e = assertThrows(ShapeError.class, () -> Jnp.broadcastArrays(a, b));
        assertTrue(e.getMessage().contains("got f32[3,4], i32[5]"), e.getMessage());
    }

    @Test
    void shouldNameMatmulBatchDimensionsAndBothOperands() {
        ShapeError e = assertThrows(ShapeError.class, () -> Jnp.zeros(2, 3, 4).matmul(Jnp.zeros(5, 4, 6)));
        assertTrue(e.getMessage().startsWith("matmul: batch dimensions must broadcast, got f32[2,3,4] (batch (2)) and f32[5,4,6] (batch (5))"),
                e.getMessage());
        assertNamesUserLine(e);
        e = assertThrows(ShapeError.class, () -> Jnp.matmul(Jnp.zeros(2, 7, 3, 4), Jnp.zeros(3, 1, 4, 6)));
        assertTrue(e.getMessage().contains("f32[2,7,3,4] (batch (2, 7)) and f32[3,1,4,6] (batch (3, 1))"), e.getMessage());
    }

    @Test
    void shouldRejectAxesOutOfRange() {
        ShapeError e = assertThrows(ShapeError.class, () -> Jnp.zeros(2, 3).sum(2));
        assertTrue(e.getMessage().startsWith("sum: axis 2 is out of bounds for an array of rank 2"), e.getMessage());
        assertNamesUserLine(e);
    }

    @Test
    void shouldRejectReshapesThatChangeTheSize() {
        ShapeError e = assertThrows(ShapeError.class, () -> Jnp.zeros(2, 3).reshape(4, 2));
        assertTrue(e.getMessage().contains("cannot reshape f32[2,3] (6 elements) into shape (4, 2)"), e.getMessage());
        assertThrows(ShapeError.class, () -> Jnp.zeros(2, 3).reshape(-1, 4));
        assertNamesUserLine(e);
    }

    @Test
    void shouldRejectWrongDtypes() {
        DTypeError e = assertThrows(DTypeError.class, () -> Lax.sin(Jnp.arange(3)));
        assertTrue(e.getMessage().startsWith("sin: requires floating-point or complex operands, got i32[3]"), e.getMessage());
        assertNamesUserLine(e);
        assertThrows(DTypeError.class, () -> Jnp.zeros(2).and(Jnp.zeros(2)));
    }

    @Test
    void shouldRejectMismatchedMatmulShapes() {
        ShapeError e = assertThrows(ShapeError.class, () -> Jnp.zeros(3, 4).matmul(Jnp.zeros(5, 2)));
        assertTrue(e.getMessage().contains("f32[3,4]") && e.getMessage().contains("f32[5,2]"), e.getMessage());
        assertNamesUserLine(e);
    }

    record Params(Array w, Array b) {}

    @Test
    void shouldRejectMalformedPytrees() {
        TreeError e = assertThrows(TreeError.class, () -> Jax.grad((Params p) -> p.w().sum()).apply(new Params(Jnp.zeros(2), null)));
        assertTrue(e.getMessage().contains("null"), e.getMessage());
        assertTrue(e.getMessage().contains("b"), e.getMessage());
    }

    @Test
    void shouldRejectRaggedJavaArrays() {
        assertThrows(ShapeError.class, () -> Jnp.array(new float[][] {{1, 2}, {3}}));
        assertEquals(DType.F64, Jnp.array(new double[][] {{1}, {2}}).dtype());
    }
}
