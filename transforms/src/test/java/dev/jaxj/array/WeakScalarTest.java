package dev.jaxj.array;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.ShapedArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Java scalars are weakly typed and keep their exact value until they meet an operand. */
class WeakScalarTest {
    @Test
    void shouldPromoteJavaDoublesToF64WithoutRoundingThroughF32() {
        Array x = Array.fromHost(ShapedArray.of(DType.F64, 1), HostData.own(new double[] {1.0}));
        assertEquals(1.1, x.add(0.1).doubleValue(), 0.0);
        assertEquals(0.9, x.mul(0.9).doubleValue(), 0.0);
    }

    @Test
    void shouldRoundJavaDoublesOnceForF32() {
        Array x = Array.fromHost(ShapedArray.of(DType.F32, 1), HostData.own(new float[] {1f}));
        assertEquals(1f + 0.1f, x.add(0.1).floatValue(), 0f);
        assertEquals(DType.F32, x.add(0.1).dtype());
    }

    @Test
    void shouldKeepLargeJavaLongsExactForI64() {
        Array x = Array.fromHost(ShapedArray.of(DType.I64, 1), HostData.own(new long[] {1L}));
        assertEquals(5_000_000_001L, x.add(5_000_000_000L).longValue());
        assertEquals(DType.I64, x.add(5_000_000_000L).dtype());
    }

    @Test
    void shouldStayWeakAmongThemselves() {
        Array s = Array.scalar(1.5).add(Array.scalar(2L));
        assertEquals(DType.F32, s.dtype());
        assertTrue(s.weakType());
        assertEquals(3.5f, s.floatValue(), 0f);
    }
}
