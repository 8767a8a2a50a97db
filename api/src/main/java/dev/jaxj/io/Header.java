package dev.jaxj.io;

import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.TreeMap;
import io.vavr.collection.Vector;

import java.io.ByteArrayOutputStream;
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
        var out = new ByteArrayOutputStream();
        try (var g = Json.generator(out)) {
            g.writeStartObject();
            if (!metadata.isEmpty()) {
                g.writeName(METADATA_KEY);
                g.writeStartObject();
                for (String k : metadata.keySet().toSortedSet(NAME_ORDER)) g.writeStringProperty(k, metadata.get(k).get());
                g.writeEndObject();
            }
            for (Entry e : entries) {
                g.writeName(e.name());
                g.writeStartObject();
                g.writeStringProperty("dtype", DTypeCodes.name(e.dtype()));
                g.writeName("shape");
                int[] dims = e.shape().toArray();
                g.writeArray(dims, 0, dims.length);
                g.writeName("data_offsets");
                g.writeArray(new long[] {e.begin(), e.end()}, 0, 2);
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        byte[] json = out.toByteArray();
        byte[] padded = Arrays.copyOf(json, (json.length + 7) / 8 * 8);
        Arrays.fill(padded, json.length, padded.length, (byte) ' ');
        return padded;
    }

    /** {@return an empty metadata map in the order the writer uses} */
    static Map<String, String> noMetadata() { return TreeMap.empty(NAME_ORDER); }
}
