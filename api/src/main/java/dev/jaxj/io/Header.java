package dev.jaxj.io;

import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.TreeMap;
import io.vavr.collection.Vector;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

import static java.util.Objects.requireNonNull;

/**
 * A safetensors header: where each tensor's bytes are and what they hold, plus the free-form
 * string metadata. {@link HeaderReader} builds one from a file, checking it; this class lays
 * one out for writing, exactly as the reference writer does.
 *
 * @param entries  the tensors, in data order
 * @param metadata the {@code __metadata__} object; omitted from the file when empty
 */
record Header(Seq<Entry> entries, Map<String, String> metadata) {

    /** The key that holds the metadata rather than a tensor. */
    static final String METADATA_KEY = "__metadata__";

    /** The reference implementation's bound on the header length, which readers enforce. */
    static final long MAX_LENGTH = 100_000_000L;

    /** Names in UTF-8 byte order, as the reference writer (Rust's {@code String} order) sorts them. */
    static final Comparator<String> NAME_ORDER = (a, b) ->
            Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    /**
     * One tensor.
     *
     * @param name  its key in the header
     * @param dtype its element type
     * @param shape its shape
     * @param begin the offset of its first byte within the data section
     * @param end   the offset just past its last byte
     */
    record Entry(String name, DType dtype, Shape shape, long begin, long end) {
        long byteSize() { return end - begin; }
    }

    Header {
        requireNonNull(entries, "entries is null");
        requireNonNull(metadata, "metadata is null");
    }

    /**
     * {@return the layout of these tensors}: larger element types first, then by name, each
     * tensor's data following the previous one's
     */
    static Header layout(Seq<Entry> unplaced, Map<String, String> metadata) {
        var sorted = unplaced.sorted(Comparator
                .comparingInt((Entry e) -> -DTypeCodes.writeRank(e.dtype()))
                .thenComparing(Entry::name, NAME_ORDER));
        long offset = 0;
        var placed = Vector.<Entry>empty();
        for (Entry e : sorted) {
            long n = (long) e.shape().size() * DTypeCodes.itemSize(e.dtype());
            placed = placed.append(new Entry(e.name(), e.dtype(), e.shape(), offset, offset + n));
            offset += n;
        }
        return new Header(placed, metadata);
    }

    /** {@return the bytes of the data section} */
    long dataLength() { return entries.isEmpty() ? 0 : entries.last().end(); }

    /** {@return the header as written: compact UTF-8 JSON padded with spaces to a multiple of 8 bytes} */
    byte[] encode() {
        var sb = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            quote(sb, METADATA_KEY).append(":{");
            var sortedKeys = metadata.keySet().toSortedSet(NAME_ORDER);
            boolean first = true;
            for (String k : sortedKeys) {
                if (!first) sb.append(',');
                first = false;
                quote(sb, k).append(':');
                quote(sb, metadata.get(k).get());
            }
            sb.append('}');
        }
        for (Entry e : entries) {
            if (sb.length() > 1) sb.append(',');
            quote(sb, e.name()).append(":{\"dtype\":");
            quote(sb, DTypeCodes.name(e.dtype())).append(",\"shape\":[");
            int[] dims = e.shape().toArray();
            for (int i = 0; i < dims.length; i++) sb.append(i > 0 ? "," : "").append(dims[i]);
            sb.append("],\"data_offsets\":[").append(e.begin()).append(',').append(e.end()).append("]}");
        }
        sb.append('}');
        byte[] json = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(json, (json.length + 7) / 8 * 8);
        Arrays.fill(padded, json.length, padded.length, (byte) ' ');
        return padded;
    }

    /** Appends {@code s} as a JSON string, escaped as serde_json escapes (non-ASCII kept as UTF-8). */
    private static StringBuilder quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"');
    }

    /** {@return an empty metadata map in the order the writer uses} */
    static Map<String, String> noMetadata() { return TreeMap.empty(NAME_ORDER); }
}
