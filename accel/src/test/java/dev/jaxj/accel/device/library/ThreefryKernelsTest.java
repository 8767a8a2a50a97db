package dev.jaxj.accel.device.library;

import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.Threefry2x32;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static dev.jaxj.accel.device.library.LibraryCase.*;
import static org.junit.jupiter.api.Assertions.*;

/** Threefry-2x32: compiled as CUDA C, run on the Random123 known answers and against the CPU backend. */
class ThreefryKernelsTest {
    /** Random123's kat_vectors for threefry2x32_20 (also JAX's testThreefry2x32): key0, key1, x0, x1 -> y0, y1. */
    static final int[] KEY0 = {0, 0xffffffff, 0x13198a2e}, KEY1 = {0, 0xffffffff, 0x03707344},
            X0 = {0, 0xffffffff, 0x243f6a88}, X1 = {0, 0xffffffff, 0x85a308d3},
            Y0 = {0x6b200159, 0x1cb996fc, 0xc4923a9c}, Y1 = {0x99ba4efe, 0xbb002be7, 0x483df7a0};

    static LibraryCase knownAnswers() {
        return new LibraryCase("known answers", new Threefry2x32(), Vector.fill(4, aval(DType.U32, 3)), Vector.of(u32(KEY0), u32(KEY1), u32(X0), u32(X1)));
    }

    static List<LibraryCase> cases() {
        var r = new Random(3);
        var s = aval(DType.U32, 3, 5);
        return List.of(knownAnswers(),
                new LibraryCase("random", new Threefry2x32(), Vector.fill(4, s), Vector.fill(4, () -> random(DType.U32, 15, r, false))),
                new LibraryCase("scalar", new Threefry2x32(), Vector.fill(4, aval(DType.U32)), Vector.fill(4, () -> random(DType.U32, 1, r, false))),
                new LibraryCase("empty", new Threefry2x32(), Vector.fill(4, aval(DType.U32, 4, 0)), Vector.fill(4, () -> random(DType.U32, 0, r, false))));
    }

    @Test
    void shouldCompileAsCuda() {
        assertCompileAsCuda(cases());
    }

    @Test
    void shouldReproduceTheKnownAnswersOnPoCl() {
        dev.jaxj.accel.opencl.PoCl.assumeAvailable();
        var out = OnPoCl.run(knownAnswers());
        assertArrayEquals(Y0, out.get(0).i32());
        assertArrayEquals(Y1, out.get(1).i32());
    }

    @Test
    void shouldMatchTheCpuBackendOnPoCl() {
        OnPoCl.assertMatchesCpu(cases());
    }
}
