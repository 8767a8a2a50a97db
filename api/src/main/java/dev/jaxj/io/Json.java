package dev.jaxj.io;

import io.vavr.collection.Vector;

import java.util.HashSet;

/**
 * A strict JSON parser (RFC 8259) for safetensors headers, working on the UTF-8 bytes so that
 * every error can name its byte offset in the file.
 *
 * <p>Strict where a lenient parser would let a corrupted header through: no duplicate keys, no
 * lone surrogates, no overlong or truncated UTF-8, no trailing content but whitespace, and a
 * nesting limit, so that a hostile header fails with a {@link CheckpointError} rather than a
 * {@link StackOverflowError}.
 */
final class Json {
    /** Deeper than any safetensors header needs (three levels), shallow enough for any stack. */
    private static final int MAX_DEPTH = 64;

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

    private final byte[] in;
    private final long base;
    private final String source;
    private int pos;

    private Json(byte[] in, long base, String source) {
        this.in = in;
        this.base = base;
        this.source = source;
    }

    /**
     * {@return the single JSON value in {@code bytes}}, surrounded by nothing but whitespace
     *
     * @param base   the file offset of {@code bytes[0]}, for messages
     * @param source the file name, for messages
     * @throws CheckpointError at the first byte that breaks the grammar
     */
    static Value parse(byte[] bytes, long base, String source) {
        var p = new Json(bytes, base, source);
        p.skipWhitespace();
        Value v = p.value(0);
        p.skipWhitespace();
        if (p.pos < bytes.length) throw p.error("nothing but whitespace after the top-level value", "byte " + p.show(p.pos));
        return v;
    }

    private Value value(int depth) {
        if (pos >= in.length) throw error("a JSON value", "the end of the header");
        long at = base + pos;
        return switch (in[pos]) {
            case '{' -> object(depth + 1, at);
            case '[' -> array(depth + 1, at);
            case '"' -> new Str(string(), at);
            case 't' -> literal("true", new Bool(true, at));
            case 'f' -> literal("false", new Bool(false, at));
            case 'n' -> literal("null", new Null(at));
            default -> {
                if (in[pos] == '-' || isDigit(in[pos])) yield number(at);
                throw error("a JSON value", "byte " + show(pos));
            }
        };
    }

    private Obj object(int depth, long at) {
        checkDepth(depth);
        pos++;
        var members = Vector.<Member>empty();
        var keys = new HashSet<String>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return new Obj(members, at);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') throw error("a quoted key in a JSON object", describeHere());
            long keyAt = base + pos;
            String key = string();
            if (!keys.add(key)) throw new CheckpointError(source + ": JSON object keys must be unique, got a second '"
                    + key + "' at byte offset " + keyAt);
            skipWhitespace();
            expect(':');
            skipWhitespace();
            members = members.append(new Member(key, value(depth)));
            skipWhitespace();
            if (peek() == ',') { pos++; continue; }
            expect('}');
            return new Obj(members, at);
        }
    }

    private Arr array(int depth, long at) {
        checkDepth(depth);
        pos++;
        var items = Vector.<Value>empty();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return new Arr(items, at);
        }
        while (true) {
            skipWhitespace();
            items = items.append(value(depth));
            skipWhitespace();
            if (peek() == ',') { pos++; continue; }
            expect(']');
            return new Arr(items, at);
        }
    }

    private String string() {
        pos++; // the opening quote
        var sb = new StringBuilder();
        while (true) {
            if (pos >= in.length) throw error("a closing '\"' for the string", "the end of the header");
            int b = in[pos] & 0xFF;
            if (b == '"') {
                pos++;
                return sb.toString();
            }
            if (b < 0x20) throw error("control characters in JSON strings to be escaped", "byte " + show(pos));
            if (b == '\\') escape(sb);
            else if (b < 0x80) { sb.append((char) b); pos++; }
            else utf8(sb);
        }
    }

    private void escape(StringBuilder sb) {
        long at = base + pos;
        pos++;
        if (pos >= in.length) throw error("an escape after '\\'", "the end of the header");
        char c = (char) (in[pos++] & 0xFF);
        switch (c) {
            case '"', '\\', '/' -> sb.append(c);
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'u' -> {
                char u = hex4();
                if (Character.isHighSurrogate(u)) {
                    if (pos + 1 < in.length && in[pos] == '\\' && in[pos + 1] == 'u') {
                        pos += 2;
                        char low = hex4();
                        if (!Character.isLowSurrogate(low)) throw loneSurrogate(at);
                        sb.append(u).append(low);
                    } else throw loneSurrogate(at);
                } else if (Character.isLowSurrogate(u)) throw loneSurrogate(at);
                else sb.append(u);
            }
            default -> throw new CheckpointError(source + ": JSON escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX, got \\"
                    + (c < 0x20 || c > 0x7E ? String.format("0x%02X", (int) c) : c) + " at byte offset " + at);
        }
    }

    private CheckpointError loneSurrogate(long at) {
        return new CheckpointError(source + ": a \\u escape of a UTF-16 surrogate must be half of a pair, got a lone one at byte offset " + at);
    }

    private char hex4() {
        if (pos + 4 > in.length) throw error("four hex digits after \\u", "the end of the header");
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(in[pos] & 0xFF, 16);
            if (d < 0 || (in[pos] & 0x80) != 0) throw error("four hex digits after \\u", "byte " + show(pos));
            v = v * 16 + d;
            pos++;
        }
        return (char) v;
    }

    /** Decodes one multi-byte UTF-8 sequence, rejecting what RFC 3629 forbids. */
    private void utf8(StringBuilder sb) {
        int start = pos;
        int b0 = in[pos] & 0xFF;
        int len, cp, min;
        if (b0 >= 0xC2 && b0 <= 0xDF) { len = 2; cp = b0 & 0x1F; min = 0x80; }
        else if (b0 >= 0xE0 && b0 <= 0xEF) { len = 3; cp = b0 & 0x0F; min = 0x800; }
        else if (b0 >= 0xF0 && b0 <= 0xF4) { len = 4; cp = b0 & 0x07; min = 0x10000; }
        else throw badUtf8(start);
        if (pos + len > in.length) throw badUtf8(start);
        for (int i = 1; i < len; i++) {
            int b = in[pos + i] & 0xFF;
            if ((b & 0xC0) != 0x80) throw badUtf8(start);
            cp = (cp << 6) | (b & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) throw badUtf8(start);
        sb.appendCodePoint(cp);
        pos += len;
    }

    private CheckpointError badUtf8(int at) {
        return new CheckpointError(source + ": the header must be valid UTF-8, got a malformed sequence starting with byte "
                + show(at) + " at byte offset " + (base + at));
    }

    private Num number(long at) {
        int start = pos;
        if (peek() == '-') pos++;
        if (peek() == '0') pos++;
        else if (isDigit(peek())) while (isDigit(peek())) pos++;
        else throw error("a digit in the number", describeHere());
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) throw error("a digit after the decimal point", describeHere());
            while (isDigit(peek())) pos++;
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') pos++;
            if (!isDigit(peek())) throw error("a digit in the exponent", describeHere());
            while (isDigit(peek())) pos++;
        }
        return new Num(new String(in, start, pos - start, java.nio.charset.StandardCharsets.US_ASCII), at);
    }

    private Value literal(String word, Value v) {
        for (int i = 0; i < word.length(); i++) {
            if (pos + i >= in.length || in[pos + i] != word.charAt(i))
                throw error("the literal '" + word + "'", pos + i >= in.length ? "the end of the header" : "byte " + show(pos + i));
        }
        pos += word.length();
        return v;
    }

    private void checkDepth(int depth) {
        if (depth > MAX_DEPTH) throw error("JSON nesting of at most " + MAX_DEPTH + " levels", "deeper nesting");
    }

    private void expect(char c) {
        if (peek() != c) throw error("'" + c + "'", describeHere());
        pos++;
    }

    /** {@return the byte at the cursor, or -1 at the end} */
    private int peek() { return pos < in.length ? in[pos] & 0xFF : -1; }

    private void skipWhitespace() {
        while (pos < in.length && (in[pos] == ' ' || in[pos] == '\t' || in[pos] == '\n' || in[pos] == '\r')) pos++;
    }

    private static boolean isDigit(int b) { return b >= '0' && b <= '9'; }

    private String describeHere() { return pos >= in.length ? "the end of the header" : "byte " + show(pos); }

    /** {@return a byte for a message: printable ASCII quoted, anything else in hex} */
    private String show(int at) {
        int b = in[at] & 0xFF;
        return b >= 0x20 && b < 0x7F ? "'" + (char) b + "'" : String.format("0x%02X", b);
    }

    private CheckpointError error(String required, String found) {
        return new CheckpointError(source + ": the header must be JSON: expected " + required + ", got " + found
                + " at byte offset " + (base + Math.min(pos, in.length)));
    }
}
