package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.host.HeapArrays;

import dev.jaxj.errors.BackendError;
import dev.jaxj.ir.DType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Allocation refusals become BackendErrors that name the dtype, count and bytes; nothing is allocated to find out. */
class HeapArraysTest {
    @Test
    void shouldRefuseMoreBytesThanTheHeapLimitWithoutTrying() {
        long heap = Runtime.getRuntime().maxMemory();
        int n = (int) Math.min(Integer.MAX_VALUE, heap / 8 + 1);
        BackendError e = assertThrows(BackendError.class, () -> HeapArrays.allocate(DType.F64, n, k -> fail("allocation was tried")));
        assertTrue(e.getMessage().contains("got f64[" + n + "] of " + 8L * n + " bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("HeapArraysTest.java:"), e.getMessage());
    }

    @Test
    void shouldTurnAFailedAllocationIntoABackendError() {
        var oom = new OutOfMemoryError("Java heap space");
        BackendError e = assertThrows(BackendError.class, () -> HeapArrays.allocate(DType.BOOL, 1000, k -> { throw oom; }));
        assertSame(oom, e.getCause());
        assertTrue(e.getMessage().contains("the free JVM heap"), e.getMessage());
        assertTrue(e.getMessage().contains("got bool[1000] of 1000 bytes"), e.getMessage());
    }

    @Test
    void shouldRefuseLongerArraysThanTheJvmAllows() {
        // No heap holds a Java array of 2^31-1 longs: refused before trying, or by the JVM itself.
        assertThrows(BackendError.class, () -> HostData.allocate(DType.I64, Integer.MAX_VALUE));
        assertThrows(BackendError.class, () -> HostData.allocateForOverwrite(DType.F32, Integer.MAX_VALUE));
        assertEquals(0.0, HostData.allocate(DType.F32, 3).getDouble(2));
    }

    @Test
    void shouldAllocateZeroedStorageOfEachDtype() {
        assertArrayEquals(new float[4], HeapArrays.floats(4));
        assertArrayEquals(new long[2], HeapArrays.longs(2));
        assertInstanceOf(int[].class, HeapArrays.storage(DType.U32, 3));
        assertInstanceOf(boolean[].class, HeapArrays.storage(DType.BOOL, 3));
        assertEquals(5, ((double[]) HeapArrays.storage(DType.F64, 5)).length);
    }
}
