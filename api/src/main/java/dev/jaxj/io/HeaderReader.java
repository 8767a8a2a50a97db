package dev.jaxj.io;

import dev.jaxj.io.Header.Entry;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.collection.Map;
import io.vavr.collection.Vector;

import java.util.Comparator;

/**
 * Reads a safetensors header and checks it against the file, as strictly as the reference
 * reader and then some: every tensor's offsets must lie in the data section, match its shape
 * and dtype, and tile the section exactly, without gaps, overlaps or trailing bytes.
 */
final class HeaderReader {
    private final String source;

    private HeaderReader(String source) { this.source = source; }

    /**
     * {@return the length {@code N} of the JSON header, read from the first 8 bytes}
     *
     * @param prefix   the first 8 bytes of the file
     * @param fileSize the size of the whole file
     * @throws CheckpointError when {@code N} cannot fit the file or exceeds the format's bound
     */
    static long headerLength(byte[] prefix, long fileSize, String source) {
        long n = 0;
        for (int i = 7; i >= 0; i--) n = (n << 8) | (prefix[i] & 0xFF);
        // Unsigned: a length of 2^63 or more reads negative, and is as invalid as any other huge one.
        if (n < 0 || n > Header.MAX_LENGTH)
            throw new CheckpointError(source + ": the header length must be at most " + Header.MAX_LENGTH
                    + " bytes, got " + Long.toUnsignedString(n) + " at byte offset 0");
        if (n > fileSize - 8)
            throw new CheckpointError(source + ": the header length must fit in the file (" + (fileSize - 8)
                    + " bytes after the length field), got " + n + " at byte offset 0; the file is truncated or not safetensors");
        if (n < 2)
            throw new CheckpointError(source + ": the header must hold at least a JSON object '{}', got a length of "
                    + n + " at byte offset 0");
        return n;
    }

    /**
     * {@return the header in {@code json}}, checked against the size of the data section
     *
     * @param json       the {@code N} header bytes, which start at file offset 8
     * @param dataLength the bytes after the header
     * @throws CheckpointError naming the first problem and its byte offset
     */
    static Header read(byte[] json, long dataLength, String source) {
        return new HeaderReader(source).parse(json, dataLength);
    }

    private Header parse(byte[] json, long dataLength) {
        if (json[0] != '{')
            throw fail("the header must start with '{'", String.format("byte 0x%02X", json[0] & 0xFF), 8);
        var root = (Json.Obj) Json.parse(json, 8, source);
        Map<String, String> metadata = Header.noMetadata();
        var entries = Vector.<Entry>empty();
        for (var m : root.members()) {
            if (m.key().equals(Header.METADATA_KEY)) metadata = metadata(m.value());
            else entries = entries.append(entry(m.key(), m.value()));
        }
        var byOffset = entries.sorted(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        checkTiling(byOffset, dataLength, 8 + json.length);
        return new Header(byOffset, metadata);
    }

    private Map<String, String> metadata(Json.Value v) {
        if (!(v instanceof Json.Obj obj))
            throw fail("'" + Header.METADATA_KEY + "' must be an object of strings", kind(v), v.offset());
        Map<String, String> out = Header.noMetadata();
        for (var m : obj.members()) {
            if (!(m.value() instanceof Json.Str(var s, var _)))
                throw fail("'" + Header.METADATA_KEY + "' values must be strings", kind(m.value()) + " for key '" + m.key() + "'",
                        m.value().offset());
            out = out.put(m.key(), s);
        }
        return out;
    }

    private Entry entry(String name, Json.Value v) {
        if (!(v instanceof Json.Obj obj))
            throw fail("tensor '" + name + "' must be an object with dtype, shape and data_offsets", kind(v), v.offset());
        Json.Value dtypeV = field(obj, name, "dtype"), shapeV = field(obj, name, "shape"), offsetsV = field(obj, name, "data_offsets");

        if (!(dtypeV instanceof Json.Str(var code, var _)))
            throw fail("the dtype of tensor '" + name + "' must be a string", kind(dtypeV), dtypeV.offset());
        DType dtype = DTypeCodes.parse(code).getOrElseThrow(() -> fail(
                "the dtype of tensor '" + name + "' must be one of " + DTypeCodes.supported(),
                (DTypeCodes.isOtherSafetensors(code) ? "the safetensors dtype " : "the unknown dtype ") + "'" + code + "'"
                        + (DTypeCodes.isOtherSafetensors(code) ? ", which jaxj does not support" : ""),
                dtypeV.offset()));

        var dims = integers(shapeV, name, "shape", Integer.MAX_VALUE);
        long elements = 1;
        for (long d : dims) {
            elements *= d; // each factor is < 2^31 and the product is capped below, so this cannot overflow
            if (elements > Integer.MAX_VALUE)
                throw fail("tensor '" + name + "' must have at most " + Integer.MAX_VALUE + " elements", "shape "
                        + dims.mkString("[", ", ", "]"), shapeV.offset());
        }
        Shape shape = Shape.of(dims.map(Long::intValue));

        var offsets = integers(offsetsV, name, "data_offsets", Long.MAX_VALUE);
        if (offsets.size() != 2)
            throw fail("the data_offsets of tensor '" + name + "' must be [begin, end]", offsets.size() + " numbers", offsetsV.offset());
        long begin = offsets.get(0), end = offsets.get(1);
        if (end < begin)
            throw fail("the data_offsets of tensor '" + name + "' must not end before they begin", "[" + begin + ", " + end + "]",
                    offsetsV.offset());
        long needed = elements * DTypeCodes.itemSize(dtype);
        if (end - begin != needed)
            throw fail("tensor '" + name + "' needs " + needed + " bytes (" + dtype + ", shape " + dims.mkString("[", ", ", "]") + ")",
                    "data_offsets [" + begin + ", " + end + "] spanning " + (end - begin) + " bytes", offsetsV.offset());
        return new Entry(name, dtype, shape, begin, end);
    }

    private Json.Value field(Json.Obj obj, String name, String key) {
        return obj.members().find(m -> m.key().equals(key)).map(Json.Member::value).getOrElseThrow(() -> fail(
                "tensor '" + name + "' must have a '" + key + "'", "keys " + obj.members().map(m -> "'" + m.key() + "'").mkString("[", ", ", "]"),
                obj.offset()));
    }

    /** {@return the elements of a JSON array of non-negative integers no larger than {@code max}} */
    private Vector<Long> integers(Json.Value v, String name, String key, long max) {
        if (!(v instanceof Json.Arr arr))
            throw fail("the " + key + " of tensor '" + name + "' must be an array of integers", kind(v), v.offset());
        var out = Vector.<Long>empty();
        for (var item : arr.items()) {
            if (!(item instanceof Json.Num(var text, var at)) || !text.chars().allMatch(c -> c >= '0' && c <= '9'))
                throw fail("the " + key + " of tensor '" + name + "' must hold non-negative integers", describe(item), item.offset());
            long value;
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                value = -1; // more digits than a long holds
            }
            if (value < 0 || value > max)
                throw fail("the " + key + " of tensor '" + name + "' must hold integers of at most " + max, text, at);
            out = out.append(value);
        }
        return out;
    }

    /** Checks that the tensors, sorted by offset, cover {@code [0, dataLength)} exactly once. */
    private void checkTiling(Vector<Entry> byOffset, long dataLength, long dataStart) {
        long expected = 0;
        String previous = null;
        for (Entry e : byOffset) {
            if (e.end() > dataLength)
                throw fail("tensor '" + e.name() + "' must lie within the data section of " + dataLength + " bytes (file offsets "
                        + dataStart + " to " + (dataStart + dataLength) + ")", "data_offsets [" + e.begin() + ", " + e.end()
                        + "]; the file is truncated or the offsets are wrong", dataStart + Math.min(e.begin(), dataLength));
            if (e.begin() != expected)
                throw fail("tensor '" + e.name() + "' must begin where " + (previous == null ? "the data section begins, at 0"
                                : "tensor '" + previous + "' ends, at " + expected),
                        "data_offsets [" + e.begin() + ", " + e.end() + "]" + (e.begin() < expected ? ", overlapping it" : ", leaving a gap"),
                        dataStart + Math.min(e.begin(), expected));
            expected = e.end();
            previous = e.name();
        }
        if (expected != dataLength)
            throw fail("the file must end with the last tensor's data, at byte offset " + (dataStart + expected),
                    (dataLength - expected) + " trailing bytes", dataStart + expected);
    }

    private static String kind(Json.Value v) {
        return switch (v) {
            case Json.Obj _ -> "an object";
            case Json.Arr _ -> "an array";
            case Json.Str _ -> "a string";
            case Json.Num _ -> "a number";
            case Json.Bool _ -> "a boolean";
            case Json.Null _ -> "null";
        };
    }

    private static String describe(Json.Value v) {
        return v instanceof Json.Num(var text, var _) ? text : kind(v);
    }

    private CheckpointError fail(String required, String found, long offset) {
        return new CheckpointError(source + ": " + required + ", got " + found + " at byte offset " + offset);
    }
}
