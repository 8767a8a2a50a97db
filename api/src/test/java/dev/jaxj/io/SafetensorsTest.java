package dev.jaxj.io;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/** The format against hand-built bytes: round trips, the reference writer's exact layout, and well-formed reads. */
class SafetensorsTest {

    static Array f32(Shape shape, float... v) { return Array.fromHost(ShapedArray.of(DType.F32, shape), HostData.own(v)); }
    static Array f64(Shape shape, double... v) { return Array.fromHost(ShapedArray.of(DType.F64, shape), HostData.own(v)); }
    static Array i32(Shape shape, int... v) { return Array.fromHost(ShapedArray.of(DType.I32, shape), HostData.own(DType.I32, v)); }
    static Array u32(Shape shape, int... v) { return Array.fromHost(ShapedArray.of(DType.U32, shape), HostData.own(DType.U32, v)); }
    static Array i64(Shape shape, long... v) { return Array.fromHost(ShapedArray.of(DType.I64, shape), HostData.own(v)); }
    static Array bool(Shape shape, boolean... v) { return Array.fromHost(ShapedArray.of(DType.BOOL, shape), HostData.own(v)); }

    /** Every dtype, with the values that a lossy path would change: NaN payloads, -0.0, extremes. */
    static Map<String, Array> everyDtype() {
        return LinkedHashMap.<String, Array>empty()
                .put("f32.special", f32(Shape.of(8),
                        Float.intBitsToFloat(0x7fc00001), Float.intBitsToFloat(0x7f800001), Float.intBitsToFloat(0xffc12345),
                        -0.0f, Float.MIN_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE))
                .put("f64.special", f64(Shape.of(2, 3),
                        Double.longBitsToDouble(0x7ff8000000000abcL), Double.longBitsToDouble(0x7ff0000000000001L),
                        -0.0, Double.MIN_VALUE, Double.NEGATIVE_INFINITY, -Double.MAX_VALUE))
                .put("i32", i32(Shape.of(2, 2), Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0))
                .put("u32", u32(Shape.of(3), 0xFFFFFFFF, 0x80000000, 7))
                .put("i64", i64(Shape.of(3), Long.MIN_VALUE, Long.MAX_VALUE, -1))
                .put("bool", bool(Shape.of(2, 3), true, false, false, true, true, false))
                .put("scalar", f32(Shape.SCALAR, 3.5f))
                .put("scalar.bool", bool(Shape.SCALAR, true))
                .put("empty.f32", f32(Shape.of(0)))
                .put("empty.i64", i64(Shape.of(2, 0, 3)))
                .put("empty.bool", bool(Shape.of(0)));
    }

    /** Compares the stored bits, not the values: NaN != NaN and -0.0 == 0.0 would hide a lossy path. */
    static void assertBitsEqual(Array expected, Array actual, String name) {
        assertEquals(expected.aval(), actual.aval(), "aval of " + name);
        switch (expected.dtype()) {
            case F32 -> {
                float[] e = expected.toFloatArray(), a = actual.toFloatArray();
                for (int i = 0; i < e.length; i++)
                    assertEquals(Float.floatToRawIntBits(e[i]), Float.floatToRawIntBits(a[i]), name + "[" + i + "] bits");
            }
            case F64 -> {
                double[] e = expected.toDoubleArray(), a = actual.toDoubleArray();
                for (int i = 0; i < e.length; i++)
                    assertEquals(Double.doubleToRawLongBits(e[i]), Double.doubleToRawLongBits(a[i]), name + "[" + i + "] bits");
            }
            case I32, U32, I64 -> assertArrayEquals(expected.toLongArray(), actual.toLongArray(), name);
            case BOOL -> assertArrayEquals(expected.toBooleanArray(), actual.toBooleanArray(), name);
        }
    }

    @Test
    void shouldRoundTripEveryDtypeBitExactlyThroughBytes() {
        var tensors = everyDtype();
        var back = Safetensors.fromBytes(Safetensors.toBytes(tensors, TreeMap.of("note", "é \"quoted\"\n")));
        assertEquals(tensors.keySet(), back.tensors().keySet());
        for (var t : tensors) assertBitsEqual(t._2, back.tensors().get(t._1).get(), t._1);
        assertEquals(1, back.metadata().size());
        assertEquals("é \"quoted\"\n", back.metadata().get("note").get());
    }

    @Test
    void shouldRoundTripEveryDtypeBitExactlyThroughAFile(@TempDir Path dir) {
        var tensors = everyDtype();
        Path file = dir.resolve("all.safetensors");
        Safetensors.write(file, tensors);
        var back = Safetensors.read(file);
        for (var t : tensors) assertBitsEqual(t._2, back.tensors().get(t._1).get(), t._1);
        assertTrue(back.metadata().isEmpty());
    }

    /** The bytes the reference writer produces: larger dtypes first, then by name, header padded with spaces. */
    @Test
    void shouldWriteTheReferenceLayoutByteForByte() {
        var tensors = LinkedHashMap.<String, Array>empty()
                .put("w", f32(Shape.of(2), 1.0f, -2.0f))
                .put("a", i32(Shape.of(0)))
                .put("n", i64(Shape.SCALAR, 7))
                .put("m", f32(Shape.of(1), 0.5f));
        String json = "{\"__metadata__\":{\"k\":\"v\"},"
                + "\"n\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[0,8]},"
                + "\"m\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[12,20]},"
                + "\"a\":{\"dtype\":\"I32\",\"shape\":[0],\"data_offsets\":[20,20]}}";
        int padded = (json.length() + 7) / 8 * 8;
        byte[] expected = StBytes.length(padded)
                .raw(json.getBytes(StandardCharsets.UTF_8)).raw(" ".repeat(padded - json.length()).getBytes(StandardCharsets.US_ASCII))
                .raw(7, 0, 0, 0, 0, 0, 0, 0)            // n = 7, i64 little-endian
                .raw(0x00, 0x00, 0x00, 0x3F)            // m = 0.5f
                .raw(0x00, 0x00, 0x80, 0x3F)            // w[0] = 1.0f
                .raw(0x00, 0x00, 0x00, 0xC0)            // w[1] = -2.0f
                .bytes();
        assertArrayEquals(expected, Safetensors.toBytes(tensors, TreeMap.of("k", "v")));
    }

    /** An empty file is the 8-byte length 8, then {} padded with six spaces, as the reference writes it. */
    @Test
    void shouldWriteAnEmptyFileAsTheReferenceDoes() {
        byte[] expected = {8, 0, 0, 0, 0, 0, 0, 0, '{', '}', ' ', ' ', ' ', ' ', ' ', ' '};
        assertArrayEquals(expected, Safetensors.toBytes(LinkedHashMap.empty(), TreeMap.empty()));
        assertTrue(Safetensors.fromBytes(expected).tensors().isEmpty());
    }

    @Test
    void shouldSortNamesByUtf8BytesLikeTheReferenceWriter() {
        // Java's String order puts U+1F600 (UTF-16 D83D DE00) before U+FF21; UTF-8 bytes (F0.. vs EF..) put it after.
        var tensors = LinkedHashMap.<String, Array>empty()
                .put("\uD83D\uDE00", f32(Shape.SCALAR, 1))
                .put("\uFF21", f32(Shape.SCALAR, 2))
                .put("Z", f32(Shape.SCALAR, 3));
        var names = Safetensors.fromBytes(Safetensors.toBytes(tensors, TreeMap.empty())).tensors().keySet().toList();
        assertEquals(io.vavr.collection.List.of("Z", "\uFF21", "\uD83D\uDE00"), names);
    }

    /**
     * Names escaped as serde_json (the reference writer) escapes them: quote, backslash and the
     * five short escapes, other control characters as six-character escapes in lowercase hex,
     * and everything else, '/', DEL, U+2028 and non-BMP characters included, as plain UTF-8.
     */
    @Test
    void shouldEscapeNamesAsTheReferenceWriterDoes() {
        String name = "a/\"\\\b\f\n\r\t\u0001\u001f\u007f \u00e9\uD83D\uDE00\u2028";
        String escaped = "a/\\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u001f\u007f \u00e9\uD83D\uDE00\u2028";
        String json = "{\"" + escaped + "\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,4]}}";
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        int padded = (header.length + 7) / 8 * 8;
        byte[] expected = StBytes.length(padded).raw(header)
                .raw(" ".repeat(padded - header.length).getBytes(StandardCharsets.US_ASCII)).f32(2.5f).bytes();
        byte[] written = Safetensors.toBytes(LinkedHashMap.of(name, f32(Shape.SCALAR, 2.5f)), TreeMap.empty());
        assertArrayEquals(expected, written);
        assertEquals(io.vavr.collection.List.of(name), Safetensors.fromBytes(written).tensors().keySet().toList());
    }

    /** The format bounds the header, not its names: a name of 200,000 characters round-trips. */
    @Test
    void shouldRoundTripVeryLongNamesAndMetadata() {
        String name = "layer.".repeat(40_000), value = "v".repeat(300_000);
        var back = Safetensors.fromBytes(Safetensors.toBytes(LinkedHashMap.of(name, f32(Shape.of(1), 1)), TreeMap.of("k", value)));
        assertEquals(io.vavr.collection.List.of(name), back.tensors().keySet().toList());
        assertEquals(value, back.metadata().get("k").get());
    }

    /** A file built by hand: keys out of data order, JSON whitespace and escapes, no padding. */
    @Test
    void shouldReadAHandBuiltFile() {
        String json = "{ \"b\\u00e9\" : {\"shape\": [3], \"dtype\": \"BOOL\", \"data_offsets\": [12, 15]},\n"
                + "  \"x\": {\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8], \"extra\": null},\n"
                + "  \"__metadata__\": {\"format\": \"pt\"},"
                + "  \"k\": {\"dtype\":\"U32\",\"shape\":[],\"data_offsets\":[8,12]} }\t";
        byte[] file = StBytes.header(json)
                .raw(0, 0, 0, 0, 0, 0, 0xE0, 0x3F)  // 0.5 as f64
                .raw(0xFF, 0xFF, 0xFF, 0xFF)          // u32 max
                .raw(1, 0, 1)
                .bytes();
        var back = Safetensors.fromBytes(file);
        assertEquals(io.vavr.collection.List.of("x", "k", "bé"), back.tensors().keySet().toList(), "data order");
        assertArrayEquals(new double[] {0.5}, back.tensors().get("x").get().toDoubleArray());
        assertEquals(ShapedArray.of(DType.F64, 1), back.tensors().get("x").get().aval());
        assertEquals(4294967295L, back.tensors().get("k").get().longValue());
        assertEquals(ShapedArray.of(DType.U32), back.tensors().get("k").get().aval());
        assertArrayEquals(new boolean[] {true, false, true}, back.tensors().get("bé").get().toBooleanArray());
        assertEquals("pt", back.metadata().get("format").get());
    }

    @Test
    void shouldRejectTheReservedMetadataKeyAsATensorName() {
        var e = assertThrows(ArgumentError.class,
                () -> Safetensors.toBytes(LinkedHashMap.of("__metadata__", f32(Shape.SCALAR, 1)), TreeMap.empty()));
        assertTrue(e.getMessage().contains("reserved key '__metadata__'"), e.getMessage());
    }

    @Test
    void shouldRejectNamesWithoutAUtf8Form() {
        var e = assertThrows(ArgumentError.class,
                () -> Safetensors.toBytes(LinkedHashMap.of("a\uD800b", f32(Shape.SCALAR, 1)), TreeMap.empty()));
        assertTrue(e.getMessage().contains("unpaired surrogate at index 1"), e.getMessage());
    }

    @Test
    void shouldReplaceAnExistingFileAndLeaveNoTemporaryFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.safetensors");
        Safetensors.write(file, LinkedHashMap.of("a", f32(Shape.of(1000), new float[1000])));
        Safetensors.write(file, LinkedHashMap.of("b", i32(Shape.of(2), 1, 2)));
        assertEquals(io.vavr.collection.List.of("b"), Safetensors.read(file).tensors().keySet().toList());
        try (var files = Files.list(dir)) {
            assertEquals(java.util.List.of(file), files.toList());
        }
        byte[] onDisk = Files.readAllBytes(file);
        long n = ByteBuffer.wrap(onDisk, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, n % 8, "the header is padded so the data is 8-byte aligned");
        assertEquals(8 + n + 8, onDisk.length);
        byte last = onDisk[(int) (8 + n - 1)];
        assertTrue(last == ' ' || last == '}', "the header ends with padding or the closing brace, got " + last);
        assertTrue(Arrays.equals(new byte[] {1, 0, 0, 0, 2, 0, 0, 0}, Arrays.copyOfRange(onDisk, (int) (8 + n), onDisk.length)));
    }
}
