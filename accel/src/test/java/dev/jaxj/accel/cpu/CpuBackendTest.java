package dev.jaxj.accel.cpu;

import dev.jaxj.accel.Buffer;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CpuBackendTest {
    /** Offsets and counts are in elements: a complex element is both its parts (a scan reads its rows of xs so). */
    @Test
    void copyMovesWholeComplexElements() {
        for (DType d : new DType[] {DType.C64, DType.C128}) {
            CpuBackend cpu = new CpuBackend();
            HostData src = HostData.allocate(d, 3);
            for (int i = 0; i < 3; i++) src.setComplex(i, i + 1, -(i + 1));
            Buffer dst = cpu.allocate(ShapedArray.of(d, Shape.of(2)));
            cpu.copy(cpu.upload(src), 1, dst, 0, 2);
            HostData got = cpu.download(dst);
            for (int i = 0; i < 2; i++) {
                assertEquals(i + 2, got.getDouble(i), d + " real part of element " + i);
                assertEquals(-(i + 2), got.getImag(i), d + " imaginary part of element " + i);
            }
        }
    }
}
