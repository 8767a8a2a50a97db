package dev.jaxj.io;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static java.util.Objects.requireNonNull;

/**
 * Reads and writes the safetensors format, the one PyTorch ({@code safetensors.torch}), JAX
 * ({@code safetensors.flax}) and Hugging Face use:
 * {@snippet lang=text :
 * file   ::= N:u64-le  header:N bytes  data
 * header ::= UTF-8 JSON {"__metadata__": {str: str, ...}?, name: {"dtype": D, "shape": [int, ...],
 *            "data_offsets": [begin, end]}, ...}, padded with spaces to a multiple of 8 bytes
 * data   ::= each tensor's elements, row-major, little-endian, at data_offsets within data
 * D      ::= F32 | F64 | I32 | I64 | U32 | U64 | BOOL | BF16 | F16 | I8 | U8 | I16 | U16 | C64   (the dtypes jaxj has)
 * }
 * Files are written as the reference writer writes them (larger dtypes first, then by name),
 * so the same tensors give the same bytes. Reading checks everything before allocating
 * anything sized by the file, and rejects any malformed file with a {@link CheckpointError}.
 */
public final class Safetensors {
    private Safetensors() {}

    /**
     * What a file holds.
     *
     * @param tensors  the tensors by name, in the order of their data in the file
     * @param metadata the string metadata, empty when the file has none
     */
    public record Contents(Map<String, Array> tensors, Map<String, String> metadata) {
        public Contents {
            requireNonNull(tensors, "tensors is null");
            requireNonNull(metadata, "metadata is null");
        }
    }

    /**
     * {@return the tensors and metadata of a file}
     *
     * @throws CheckpointError when the file is not well-formed safetensors or holds a dtype jaxj lacks
     * @throws UncheckedIOException when the file cannot be read
     */
    public static Contents read(Path path) {
        requireNonNull(path, "path is null");
        try (var channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return read(ByteSource.of(channel), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path + ": " + AtomicFile.reason(e), e);
        }
    }

    /** {@return the tensors and metadata of a file's bytes} @throws CheckpointError as {@link #read(Path)} */
    public static Contents fromBytes(byte[] bytes) {
        requireNonNull(bytes, "bytes is null");
        try {
            return read(ByteSource.of(bytes), "safetensors bytes");
        } catch (IOException e) {
            throw new IllegalStateException("reading an array cannot fail", e);
        }
    }

    /** Writes {@code tensors} to {@code path} atomically, without metadata. @see #write(Path, Map, Map) */
    public static void write(Path path, Map<String, Array> tensors) { write(path, tensors, Header.noMetadata()); }

    /**
     * Writes {@code tensors} and {@code metadata} to {@code path}, atomically: other readers see
     * the old file or the new one, never a part.
     *
     * @throws ArgumentError for the reserved name {@code __metadata__} or a name that is not valid Unicode
     * @throws dev.jaxj.errors.ConcretizationError for a traced array
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void write(Path path, Map<String, Array> tensors, Map<String, String> metadata) {
        requireNonNull(path, "path is null");
        Header header = layout(tensors, metadata);
        AtomicFile.write(path, out -> writeTo(out, header, tensors));
    }

    /** {@return the bytes {@link #write(Path, Map, Map)} would write} */
    public static byte[] toBytes(Map<String, Array> tensors, Map<String, String> metadata) {
        Header header = layout(tensors, metadata);
        var bytes = new ByteArrayOutputStream();
        try {
            writeTo(Channels.newChannel(bytes), header, tensors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Header layout(Map<String, Array> tensors, Map<String, String> metadata) {
        requireNonNull(tensors, "tensors is null");
        requireNonNull(metadata, "metadata is null");
        for (var t : tensors) {
            checkName(t._1, "tensor name");
            requireNonNull(t._2, "tensor '" + t._1 + "' is null");
            if (t._1.equals(Header.METADATA_KEY))
                throw new ArgumentError("safetensors", "tensor names must differ from the reserved key '"
                        + Header.METADATA_KEY + "', got a tensor named so");
        }
        for (var m : metadata) {
            checkName(m._1, "metadata key");
            checkName(requireNonNull(m._2, "metadata value is null"), "metadata value");
        }
        var unplaced = tensors.toVector().map(t -> new Header.Entry(t._1, t._2.dtype(), t._2.shape(), 0, 0));
        return Header.layout(unplaced, metadata);
    }

    /** Rejects unpaired surrogates, which have no UTF-8 form and would be written as '?'. */
    private static void checkName(String s, String what) {
        requireNonNull(s, what + " is null");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (paired) i++;
            else if (Character.isSurrogate(c))
                throw new ArgumentError("safetensors", "each " + what + " must be valid Unicode to be stored as UTF-8, got an unpaired surrogate at index "
                        + i + " of \"" + s + "\"");
        }
    }

    private static void writeTo(WritableByteChannel out, Header header, Map<String, Array> tensors) throws IOException {
        byte[] json = header.encode();
        var prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).flip();
        while (prefix.hasRemaining()) out.write(prefix);
        var body = ByteBuffer.wrap(json);
        while (body.hasRemaining()) out.write(body);
        for (var e : header.entries()) TensorBytes.write(tensors.get(e.name()).get(), out);
    }

    private static Contents read(ByteSource src, String source) throws IOException {
        try {
            long size = src.size();
            if (size < 8)
                throw new CheckpointError(source + ": a safetensors file must start with an 8-byte header length, got a file of "
                        + size + " bytes, at byte offset 0");
            byte[] prefix = new byte[8];
            src.readFully(0, ByteBuffer.wrap(prefix));
            long n = HeaderReader.headerLength(prefix, size, source);
            byte[] json = new byte[(int) n]; // bounded by Header.MAX_LENGTH and by the file size
            src.readFully(8, ByteBuffer.wrap(json));
            Header header = HeaderReader.read(json, size - 8 - n, source);
            var tensors = LinkedHashMap.<String, Array>empty();
            for (var e : header.entries()) tensors = tensors.put(e.name(), TensorBytes.read(e, src, 8 + n, source));
            return new Contents(tensors, header.metadata());
        } catch (EOFException e) {
            throw new CheckpointError(source + ": the file must not change while being read, got " + e.getMessage(), e);
        }
    }
}
