package dev.jaxj.accel.opencl;

import dev.jaxj.accel.Buffer;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.ShapedArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Device memory follows the buffers' lifetimes: a buffer nothing holds is released once collected. */
class DeviceMemoryTest {
    @Test
    void anUnreachableBufferIsReleased() throws InterruptedException {
        PoCl.assumeAvailable();
        // A backend of its own, so that no other test's buffers come and go in its count.
        var backend = new OpenClBackend(ClDevice.all().getFirst(), 0, true);
        long before = backend.liveBytes();
        Buffer b = backend.allocate(ShapedArray.of(DType.F32, 1 << 18));
        assertEquals(before + (4L << 18), backend.liveBytes(), "a megabyte is held while the buffer is reachable");
        b = null;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (backend.liveBytes() > before && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(backend.liveBytes() <= before, "released after collection: " + backend.liveBytes() + " bytes live, " + before + " before");
    }
}
