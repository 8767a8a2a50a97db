package dev.jaxj.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Malformed files: each must fail with a {@link CheckpointError} whose message names the
 * requirement, what was found and the byte offset, quickly and without allocating by an
 * unchecked length.
 */
class SafetensorsRejectionTest {
    private static final String F32x2 = "{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":";

    /** A valid file: one f32[2] tensor, header padded to 8 bytes. */
    private static byte[] valid() {
        return StBytes.header("{\"t\":" + F32x2 + "[0,8]}}    ").f32(1, 2).bytes();
    }

    private static void assertRejected(byte[] file, String... fragments) {
        var e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(CheckpointError.class, () -> Safetensors.fromBytes(file)));
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "'" + f + "' missing from: " + e.getMessage());
    }

    @Test
    void shouldAcceptTheValidBaseline() {
        assertArrayEquals(new float[] {1, 2}, Safetensors.fromBytes(valid()).tensors().get("t").get().toFloatArray());
    }

    @Test
    void shouldRejectAFileShorterThanTheLengthField() {
        assertRejected(new byte[5], "8-byte header length", "a file of 5 bytes", "byte offset 0");
        assertRejected(new byte[0], "a file of 0 bytes");
    }

    @Test
    void shouldRejectAFileTruncatedInTheData() {
        byte[] v = valid();
        assertRejected(Arrays.copyOf(v, v.length - 3), "tensor 't' must lie within the data section of 5 bytes",
                "data_offsets [0, 8]", "truncated");
    }

    @Test
    void shouldRejectAFileTruncatedInTheHeader() {
        byte[] v = valid();
        int headerLength = v.length - 8 - 8;
        assertRejected(Arrays.copyOf(v, 20), "header length must fit in the file (12 bytes", "got " + headerLength, "byte offset 0");
    }

    @Test
    void shouldRejectAHeaderLengthLargerThanTheFileWithoutAllocatingIt() {
        assertRejected(StBytes.length(99_999_999).raw("{}".getBytes()).bytes(), "must fit in the file", "got 99999999");
    }

    @Test
    void shouldRejectAnAbsurdHeaderLength() {
        assertRejected(StBytes.length(1L << 62).raw("{}".getBytes()).bytes(),
                "at most 100000000 bytes", "got 4611686018427387904", "byte offset 0");
        assertRejected(StBytes.length(-1L).raw("{}".getBytes()).bytes(), "got 18446744073709551615");
    }

    @Test
    void shouldRejectAHeaderTooShortForAnObject() {
        assertRejected(StBytes.length(0).bytes(), "at least a JSON object", "length of 0");
    }

    @Test
    void shouldRejectAHeaderThatIsNotJson() {
        assertRejected(StBytes.header("{\"t\": nope}").bytes(), "must be JSON", "Unrecognized token 'nope'", "byte offset 14");
        String unclosed = "{\"t\":" + F32x2 + "[0,8]}";
        assertRejected(StBytes.header(unclosed).f32(1, 2).bytes(), "end-of-input", "close marker for Object",
                "byte offset " + (8 + unclosed.length()));
        assertRejected(StBytes.header("[1, 2]").bytes(), "must start with '{'", "byte 0x5B", "byte offset 8");
        assertRejected(StBytes.header("{}x").bytes(), "Unrecognized token 'x'", "byte offset 10");
        assertRejected(StBytes.header("{}{}").bytes(), "nothing but whitespace after the top-level value", "got '{'", "byte offset 10");
        assertRejected(StBytes.header("{\"a\":1,}").bytes(), "double-quote to start property name", "'}'", "byte offset 15");
        assertRejected(StBytes.header("{\"a\":01}").bytes(), "Leading zeroes not allowed", "byte offset 14");
        assertRejected(StBytes.header("{\"a\":+1}").bytes(), "plus signs", "byte offset 14");
        assertRejected(StBytes.header("{\"a\":NaN}").bytes(), "Non-standard token 'NaN'", "byte offset 16");
        assertRejected(StBytes.header("{'a':1}").bytes(), "double-quote to start property name", "byte offset 9");
    }

    @Test
    void shouldRejectInvalidUtf8AndEscapes() {
        assertRejected(StBytes.length(6).raw('{', '"', 0xC3, 0x28, '"', '}').bytes(), "valid UTF-8", "byte 0xC3", "byte offset 10");
        assertRejected(StBytes.length(7).raw('{', '"', 0xC0, 0xAF, '"', ':', '}').bytes(), "valid UTF-8", "byte offset 10");
        // A surrogate encoded in UTF-8 (U+D800 as ED A0 80) and a truncated sequence at the end.
        assertRejected(StBytes.length(9).raw('{', '"', 0xED, 0xA0, 0x80, '"', ':', '1', '}').bytes(), "valid UTF-8", "byte 0xED", "byte offset 10");
        assertRejected(StBytes.length(3).raw('{', '"', 0xE2).bytes(), "valid UTF-8", "byte 0xE2", "byte offset 10");
        // A lone surrogate escape: in a key the parser stops where the low half should start.
        assertRejected(StBytes.header("{\"\\ud800\":1}").bytes(), "surrogate pair", "byte offset 16");
        assertRejected(StBytes.header("{\"\\udc00\":1}").bytes(), "low surrogate", "byte offset 16");
        assertRejected(StBytes.header("{\"__metadata__\":{\"k\":\"x\\ud800\"}}").bytes(), "lone one", "byte offset 29");
        assertRejected(StBytes.header("{\"\\x\":1}").bytes(), "Unrecognized character escape 'x'", "byte offset 11");
        assertRejected(StBytes.header("{\"\\u12G4\":1}").bytes(), "hex-digit", "byte offset 14");
        assertRejected(StBytes.length(5).raw('{', '"', 0x01, '"', '}').bytes(), "CTRL-CHAR, code 1", "byte offset 10");
    }

    @Test
    void shouldRejectDeepNestingWithoutOverflowingTheStack() {
        String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        // The 64th bracket opens the 65th level; the parser stops just past it.
        assertRejected(StBytes.header(deep).bytes(), "nesting depth (65) exceeds the maximum allowed (64)",
                "byte offset " + (8 + 5 + 64));
        String ok = "{\"a\":" + "[".repeat(63) + "]".repeat(63) + "}";
        assertRejected(StBytes.header(ok).bytes(), "tensor 'a' must be an object");
    }

    @Test
    void shouldRejectDuplicateNames() {
        String json = "{\"t\":" + F32x2 + "[0,8]},\"t\":" + F32x2 + "[8,16]}}";
        // The parser notices the second 't' at the end of its name.
        assertRejected(StBytes.header(json).f32(1, 2, 3, 4).bytes(),
                "Duplicate Object property \"t\"", "byte offset " + (8 + json.indexOf(",\"t\"") + 4));
        assertRejected(StBytes.header("{\"__metadata__\":{\"k\":\"a\",\"k\":\"b\"}}").bytes(), "Duplicate Object property \"k\"");
    }

    @Test
    void shouldRejectNumbersLongerThanAThousandDigits() {
        String json = "{\"a\":{\"dtype\":\"F32\",\"shape\":[" + "1".repeat(1001) + "],\"data_offsets\":[0,0]}}";
        assertRejected(StBytes.header(json).bytes(), "Number value length (1001) exceeds the maximum allowed (1000)");
    }

    @Test
    void shouldRejectOverlappingOffsets() {
        assertRejected(StBytes.header("{\"a\":" + F32x2 + "[0,8]},\"b\":" + F32x2 + "[4,12]}}").zeros(12).bytes(),
                "tensor 'b' must begin where tensor 'a' ends, at 8", "data_offsets [4, 12], overlapping it");
    }

    @Test
    void shouldRejectGapsBetweenTensors() {
        assertRejected(StBytes.header("{\"a\":" + F32x2 + "[0,8]},\"b\":" + F32x2 + "[12,20]}}").zeros(20).bytes(),
                "tensor 'b' must begin where tensor 'a' ends, at 8", "leaving a gap");
        assertRejected(StBytes.header("{\"a\":" + F32x2 + "[4,12]}}").zeros(12).bytes(),
                "must begin where the data section begins, at 0");
    }

    @Test
    void shouldRejectOffsetsOutOfRange() {
        String json = "{\"a\":" + F32x2 + "[0,8]}}";
        int dataStart = 8 + json.length();
        assertRejected(StBytes.header(json).zeros(4).bytes(), "within the data section of 4 bytes",
                "file offsets " + dataStart + " to " + (dataStart + 4));
        assertRejected(StBytes.header("{\"a\":" + F32x2 + "[8,0]}}").bytes(), "must not end before they begin", "[8, 0]");
        assertRejected(StBytes.header("{\"a\":" + F32x2 + "[0,99999999999999999999]}}").bytes(),
                "integers of at most 9223372036854775807", "got 99999999999999999999");
    }

    @Test
    void shouldRejectOffsetsThatDoNotMatchTheShape() {
        String json = "{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}";
        assertRejected(StBytes.header(json).zeros(8).bytes(), "tensor 'a' needs 12 bytes (f32, shape [3])",
                "data_offsets [0, 8] spanning 8 bytes", "byte offset " + (8 + json.indexOf("[0,8]")));
    }

    @Test
    void shouldRejectMalformedShapesAndOffsets() {
        assertRejected(StBytes.header("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,0]}}").bytes(),
                "shape of tensor 'a' must hold non-negative integers", "got -1");
        assertRejected(StBytes.header("{\"a\":{\"dtype\":\"F32\",\"shape\":[2.0],\"data_offsets\":[0,8]}}").zeros(8).bytes(),
                "non-negative integers", "got 2.0");
        assertRejected(StBytes.header("{\"a\":{\"dtype\":\"F32\",\"shape\":[2147483647,2147483647],\"data_offsets\":[0,0]}}").bytes(),
                "at most 2147483647 elements", "shape [2147483647, 2147483647]");
        assertRejected(StBytes.header("{\"a\":{\"dtype\":\"F32\",\"shape\":2,\"data_offsets\":[0,8]}}").zeros(8).bytes(),
                "must be an array of integers", "got a number");
        assertRejected(StBytes.header("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4,8]}}").zeros(8).bytes(),
                "must be [begin, end]", "got 3 numbers");
        assertRejected(StBytes.header("{\"a\":{\"dtype\":\"F32\",\"data_offsets\":[0,8]}}").zeros(8).bytes(),
                "tensor 'a' must have a 'shape'", "keys ['dtype', 'data_offsets']");
        assertRejected(StBytes.header("{\"a\":[1]}").bytes(), "tensor 'a' must be an object", "got an array");
    }

    @Test
    void shouldRejectUnknownAndUnsupportedDtypes() {
        assertRejected(StBytes.header("{\"a\":{\"dtype\":\"Q4\",\"shape\":[2],\"data_offsets\":[0,8]}}").zeros(8).bytes(),
                "must be one of F32, F64, I32, I64, U32, BOOL, BF16, F16, I8, I16, U8, U16, U64, C64", "the unknown dtype 'Q4'", "byte offset 22");
        assertRejected(StBytes.header("{\"a\":{\"dtype\":\"F8_E5M2\",\"shape\":[2],\"data_offsets\":[0,2]}}").zeros(2).bytes(),
                "the safetensors dtype 'F8_E5M2', which jaxj does not support");
        assertRejected(StBytes.header("{\"a\":{\"dtype\":32,\"shape\":[2],\"data_offsets\":[0,8]}}").zeros(8).bytes(),
                "dtype of tensor 'a' must be a string", "got a number");
    }

    @Test
    void shouldRejectTrailingBytes() {
        byte[] v = valid();
        byte[] longer = Arrays.copyOf(v, v.length + 5);
        assertRejected(longer, "must end with the last tensor's data, at byte offset " + v.length, "5 trailing bytes");
        assertRejected(StBytes.header("{}").raw(0).bytes(), "1 trailing bytes", "byte offset 10");
    }

    @Test
    void shouldRejectBoolBytesOtherThanZeroAndOne() {
        String json = "{\"b\":{\"dtype\":\"BOOL\",\"shape\":[3],\"data_offsets\":[0,3]}}";
        assertRejected(StBytes.header(json).raw(0, 1, 2).bytes(), "BOOL tensor 'b' must hold bytes 0 or 1", "got 2",
                "byte offset " + (8 + json.length() + 2));
    }

    @Test
    void shouldRejectMetadataThatIsNotStrings() {
        assertRejected(StBytes.header("{\"__metadata__\":{\"epoch\":3}}").bytes(), "values must be strings", "a number for key 'epoch'");
        assertRejected(StBytes.header("{\"__metadata__\":[]}").bytes(), "must be an object of strings", "got an array");
    }

    @Test
    void shouldNameTheFileWhenReadingFromDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.safetensors");
        Files.write(file, new byte[3]);
        var e = assertThrows(CheckpointError.class, () -> Safetensors.read(file));
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
    }

    @Test
    void shouldReportAMissingFileAsAnIoFailure(@TempDir Path dir) {
        assertThrows(java.io.UncheckedIOException.class, () -> Safetensors.read(dir.resolve("absent.safetensors")));
    }
}
