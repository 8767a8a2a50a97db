package dev.jaxj.array;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.ShapedArray;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.*;

/** Java integers convert to a dtype only when it holds them; the fluent methods raise instead of wrapping. */
class JavaScalarsTest {
    private static final BigInteger TWO_32 = BigInteger.ONE.shiftLeft(32), TWO_31 = BigInteger.ONE.shiftLeft(31);

    @Property(tries = 500)
    void fitsExactlyTheIntegerRangeOfEachDType(@ForAll long v) {
        BigInteger b = BigInteger.valueOf(v);
        assertEquals(b.compareTo(TWO_31.negate()) >= 0 && b.compareTo(TWO_31) < 0, JavaScalars.fits(v, DType.I32));
        assertEquals(b.signum() >= 0 && b.compareTo(TWO_32) < 0, JavaScalars.fits(v, DType.U32));
        for (DType d : new DType[] {DType.I64, DType.F32, DType.F64, DType.BOOL}) assertTrue(JavaScalars.fits(v, d), d.toString());
    }

    @Property(tries = 200)
    void i32ArraysAddJavaIntegersThatFitAndRejectTheRest(@ForAll long v) {
        Array x = Array.fromHost(ShapedArray.of(DType.I32, 3), HostData.own(DType.I32, new int[] {1, 2, 3}));
        if (v == (int) v) {
            assertEquals(DType.I32, x.add(v).dtype());
            assertArrayEquals(new int[] {(int) (1 + v), (int) (2 + v), (int) (3 + v)}, x.add(v).toIntArray());
        } else {
            ArgumentError e = assertThrows(ArgumentError.class, () -> x.add(v));
            assertTrue(e.getMessage().startsWith("add: a Java integer must fit the dtype it converts to, i32 (-2147483648 to 2147483647), got "
                    + v + " with i32[3], i64[]"), e.getMessage());
            assertTrue(e.getMessage().contains("JavaScalarsTest.java:"), e.getMessage());
        }
    }

    @Property(tries = 300)
    void aJavaIntegerOnItsOwnReadsBackExactlyAndKeepsItsValueForI64Operands(@ForAll long v) {
        Array s = Array.scalar(v);
        assertTrue(s.weakType());
        assertEquals(v == (int) v ? DType.I32 : DType.I64, s.dtype(), "the narrowest default integer type that holds " + v);
        assertEquals(v, s.toLongArray()[0]);
        Array zeros = Array.fromHost(ShapedArray.of(DType.I64, 2), HostData.own(new long[] {0, 0}));
        assertArrayEquals(new long[] {v, v}, zeros.add(v).toLongArray());
        assertArrayEquals(new long[] {v, v}, zeros.add(s).toLongArray());
    }

    @Test
    void shouldRejectTheIssuesExampleAndNegativeUnsignedValues() {
        Array x = Array.fromHost(ShapedArray.of(DType.I32, 3), HostData.own(DType.I32, new int[] {1, 2, 3}));
        assertThrows(ArgumentError.class, () -> x.add(1L << 40));
        Array u = x.astype(DType.U32);
        assertThrows(ArgumentError.class, () -> u.sub(-1L));
        assertThrows(ArgumentError.class, () -> u.maximum(1L << 32));
        assertArrayEquals(new long[] {4294967295L, 4294967295L, 4294967295L}, u.maximum(4294967295L).toLongArray());
    }
}
