package dev.jaxj.io;

import io.vavr.collection.Vector;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The JSON of safetensors headers, read and written with Jackson's streaming core, and read
 * into values that remember their byte offsets, so that every error names its place in the file.
 *
 * <p>Strict where a lenient reader would let a corrupted header through: RFC 8259 only, no
 * duplicate keys, no lone surrogates, no overlong or truncated UTF-8, no trailing content but
 * whitespace, and a nesting limit, so that a hostile header fails with a {@link CheckpointError}
 * rather than a {@link StackOverflowError}.
 */
final class Json {
    /** Deeper than any safetensors header needs (three levels), shallow enough for any stack. */
    static final int MAX_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            // The reference reader rejects a name given twice; a lenient reader would keep one silently.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Names and strings as long as the header itself: the format bounds the header, not its
            // names, and the writer must be able to read back whatever it wrote.
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxDocumentLength(Header.MAX_LENGTH)
                    .maxNameLength((int) Header.MAX_LENGTH)
                    .maxStringLength((int) Header.MAX_LENGTH)
                    .build())
            // Escaped as serde_json (the reference writer) escapes, so the same tensors give the same bytes.
            .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    /** A parsed value; {@code offset} is the file offset of its first byte. */
    sealed interface Value permits Obj, Arr, Str, Num, Bool, Null {
        long offset();
    }

    record Member(String key, Value value) {}
    record Obj(Vector<Member> members, long offset) implements Value {}
    record Arr(Vector<Value> items, long offset) implements Value {}
    record Str(String value, long offset) implements Value {}
    /** A number kept as its literal text, so integers of any size can be checked exactly. */
    record Num(String text, long offset) implements Value {}
    record Bool(boolean value, long offset) implements Value {}
    record Null(long offset) implements Value {}

    private Json() {}

    /** {@return a generator writing compact UTF-8 JSON to {@code out}, escaped as the reference writer escapes} */
    static JsonGenerator generator(OutputStream out) {
        return FACTORY.createGenerator(ObjectWriteContext.empty(), out);
    }

    /**
     * {@return the single JSON value in {@code bytes}}, surrounded by nothing but whitespace
     *
     * @param base   the file offset of {@code bytes[0]}, for messages
     * @param source the file name, for messages
     * @throws CheckpointError at the first byte that breaks the grammar
     */
    static Value parse(byte[] bytes, long base, String source) {
        checkUtf8(bytes, base, source);
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), bytes)) {
            try {
                if (p.nextToken() == null)
                    throw new CheckpointError(source + ": the header must be JSON, got no value at byte offset " + base);
                Value v = value(p, base, source);
                if (p.nextToken() != null)
                    throw new CheckpointError(source + ": the header must be JSON with nothing but whitespace after the top-level value, got '"
                            + p.getString() + "' at byte offset " + (base + p.currentTokenLocation().getByteOffset()));
                return v;
            } catch (JacksonException e) {
                // Limits (nesting, lengths) are reported without a location; the parser stands where it stopped.
                var at = e.getLocation() != null && e.getLocation().getByteOffset() >= 0 ? e.getLocation() : p.currentLocation();
                throw new CheckpointError(source + ": the header must be JSON: " + reason(e) + ", at byte offset "
                        + (base + at.getByteOffset()), e);
            }
        }
    }

    /** The parser stands on the value's first token; leaves it on the value's last. */
    private static Value value(JsonParser p, long base, String source) {
        long at = base + p.currentTokenLocation().getByteOffset();
        return switch (p.currentToken()) {
            case START_OBJECT -> {
                var members = Vector.<Member>empty();
                // Jackson has checked the grammar, the depth and the keys' uniqueness; END_OBJECT ends the loop.
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    members = members.append(new Member(key, value(p, base, source)));
                }
                yield new Obj(members, at);
            }
            case START_ARRAY -> {
                var items = Vector.<Value>empty();
                while (p.nextToken() != JsonToken.END_ARRAY) items = items.append(value(p, base, source));
                yield new Arr(items, at);
            }
            case VALUE_STRING -> new Str(unicode(p.getString(), at, source), at);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Num(p.getString(), at);
            case VALUE_TRUE -> new Bool(true, at);
            case VALUE_FALSE -> new Bool(false, at);
            case VALUE_NULL -> new Null(at);
            case END_OBJECT, END_ARRAY, PROPERTY_NAME, NOT_AVAILABLE, VALUE_EMBEDDED_OBJECT ->
                    throw new IllegalStateException("a JSON parser over bytes gave " + p.currentToken() + " where a value starts");
        };
    }

    /**
     * {@return {@code s}} when it is valid Unicode. Jackson rejects a lone surrogate escape in a
     * key but lets one through in a string value, which would then have no UTF-8 form.
     */
    private static String unicode(String s, long at, String source) {
        if (!StandardCharsets.UTF_8.newEncoder().canEncode(s))
            throw new CheckpointError(source + ": a \\u escape of a UTF-16 surrogate must be half of a pair, got a lone one in the string at byte offset " + at);
        return s;
    }

    /**
     * Rejects bytes that are not UTF-8, naming the first bad sequence where it starts. Jackson
     * rejects them too, but reports the place where it noticed, a byte or more further on.
     */
    private static void checkUtf8(byte[] bytes, long base, String source) {
        var decoder = StandardCharsets.UTF_8.newDecoder();
        var in = ByteBuffer.wrap(bytes);
        var out = CharBuffer.allocate(4096);
        while (true) {
            var result = decoder.decode(in, out, true);
            if (result.isError())
                throw new CheckpointError(source + ": the header must be valid UTF-8, got a malformed sequence starting with byte "
                        + String.format("0x%02X", bytes[in.position()] & 0xFF) + " at byte offset " + (base + in.position()));
            if (result.isUnderflow()) return;
            out.clear();
        }
    }

    /** Jackson's message, less its pointers into Jackson's own API, which a reader of checkpoints cannot use. */
    private static String reason(JacksonException e) {
        return e.getOriginalMessage()
                .replaceAll(": enable `[^`]*` to allow", "")
                .replaceAll(", from `[^`]*`", "")
                .replaceAll(" \\(start marker at \\[Source: [^\\]]*\\]\\)", "");
    }
}
