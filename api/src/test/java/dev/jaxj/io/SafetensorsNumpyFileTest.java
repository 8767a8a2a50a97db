package dev.jaxj.io;

import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import org.junit.jupiter.api.Test;

import static dev.jaxj.io.SafetensorsTest.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A file written by NumPy ({@code torch/make_torch_model.py}), one tensor per dtype jaxj has, read
 * against the values the script lists, and written back byte for byte as the reference writer would.
 */
class SafetensorsNumpyFileTest {
    @Test
    void shouldReadEveryDtypeWrittenByNumpy() throws Exception {
        var t = Safetensors.read(TorchWeightsTest.resource("dtypes.safetensors")).tensors();
        assertBitsEqual(f32(Shape.of(2, 3), 0.5f, -1.25f, 3.0e38f, Float.MIN_VALUE, -0.0f, 7.0f), t.get("f32").get(), "f32");
        assertBitsEqual(f64(Shape.of(3), 0.1, -2.5e-300, 1.0e300), t.get("f64").get(), "f64");
        assertBitsEqual(i32(Shape.of(3), Integer.MIN_VALUE, 0, Integer.MAX_VALUE), t.get("i32").get(), "i32");
        assertBitsEqual(i64(Shape.of(2, 1), Long.MIN_VALUE, Long.MAX_VALUE), t.get("i64").get(), "i64");
        assertBitsEqual(u32(Shape.of(3), 0, 1, 0xFFFFFFFF), t.get("u32").get(), "u32");
        assertEquals(4294967295L, t.get("u32").get().toLongArray()[2], "u32 is unsigned");
        assertBitsEqual(bool(Shape.of(3), true, false, true), t.get("bool").get(), "bool");
        assertBitsEqual(i64(Shape.SCALAR, 42), t.get("scalar").get(), "scalar");
        assertEquals(7, t.size());
        assertEquals(DType.U32, t.get("u32").get().dtype());
    }

    @Test
    void shouldWriteWhatItReadsAndReadItBack() throws Exception {
        var t = Safetensors.read(TorchWeightsTest.resource("dtypes.safetensors")).tensors();
        var back = Safetensors.fromBytes(Safetensors.toBytes(t, Header.noMetadata())).tensors();
        assertEquals(t.keySet(), back.keySet());
        for (var e : t) assertBitsEqual(e._2, back.get(e._1).get(), e._1);
    }
}
