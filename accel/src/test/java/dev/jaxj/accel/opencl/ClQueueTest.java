package dev.jaxj.accel.opencl;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Buffer transfers on the device, checked against the same moves done on Java arrays. */
class ClQueueTest {
    @Test
    void writesCopiesFillsAndReadsBuffers() {
        ClContext ctx = PoCl.context();
        ClQueue q = PoCl.queue();
        try (ClMem a = ctx.allocate(40); ClMem b = ctx.allocate(40)) {
            int[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
            q.write(a, x);
            q.fill(b, new byte[] {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF, 0x01}, 0, 40);
            q.copy(a, 8, b, 20, 12);        // ints 2..4 of a to ints 5..7 of b
            q.fill(b, new byte[] {0, 0, 0, 0}, 36, 4);
            int[] got = new int[10];
            q.read(b, got);
            int[] want = new int[10];
            java.util.Arrays.fill(want, 0x01EFCDAB); // the pattern's bytes, read little-endian
            System.arraycopy(x, 2, want, 5, 3);
            want[9] = 0;
            assertArrayEquals(want, got);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment part = arena.allocate(8);
                q.read(a, 12, part);
                assertArrayEquals(new int[] {4, 5}, part.toArray(JAVA_INT));
                q.write(a, 0, arena.allocateFrom(JAVA_INT, -1));
            }
            int[] head = new int[2];
            q.read(a, head);
            assertArrayEquals(new int[] {-1, 2}, head);
        }
    }

    @Test
    void refusesHostArraysOfOtherTypesOrSizes() {
        ClContext ctx = PoCl.context();
        try (ClMem a = ctx.allocate(8)) {
            assertThrows(IllegalArgumentException.class, () -> PoCl.queue().write(a, new short[2]));
            assertThrows(IllegalArgumentException.class, () -> PoCl.queue().write(a, new int[3]));
            assertThrows(IllegalArgumentException.class, () -> PoCl.queue().read(a, new long[2]));
        }
    }

    @Test
    void closingTwiceIsHarmlessAndUseAfterCloseIsRefused() {
        ClContext ctx = PoCl.context();
        ClMem a = ctx.allocate(16);
        a.close();
        a.close();
        assertThrows(IllegalStateException.class, () -> PoCl.queue().write(a, new int[1]));
        try (ClContext own = ClContext.create(ctx.device())) {
            ClQueue q = own.createQueue();
            q.close();
            q.close();
            assertThrows(IllegalStateException.class, q::finish);
            own.close();
            assertThrows(IllegalStateException.class, () -> own.allocate(4));
        }
    }
}
