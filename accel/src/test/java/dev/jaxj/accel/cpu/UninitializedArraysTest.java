package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.host.UninitializedArrays;

import dev.jaxj.ir.DType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class UninitializedArraysTest {
    @Test
    void shouldReachTheJdkAllocatorUnderTheBuildsJvmFlags() {
        // The build passes --add-exports java.base/jdk.internal.misc=ALL-UNNAMED to tests, as benchmarks/run does.
        assertTrue(UninitializedArrays.available(), "allocateUninitializedArray is not reachable");
    }

    @Test
    void shouldGiveArraysOfTheRequestedLengthOnBothSidesOfTheThreshold() {
        for (int n : new int[] {0, 1, UninitializedArrays.MIN_ELEMENTS - 1, UninitializedArrays.MIN_ELEMENTS, 3 * UninitializedArrays.MIN_ELEMENTS + 5}) {
            assertEquals(n, UninitializedArrays.floats(n).length);
            HostData b = HostData.allocateForOverwrite(DType.F32, n);
            assertEquals(n, b.size());
            assertEquals(n, b.f32().length);
        }
        assertArrayEquals(new int[4], HostData.allocateForOverwrite(DType.I32, 4).i32(), "other dtypes come zeroed");
    }
}
