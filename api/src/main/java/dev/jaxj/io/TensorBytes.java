package dev.jaxj.io;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.array.Array;
import dev.jaxj.io.Header.Entry;
import dev.jaxj.ir.ShapedArray;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;

/**
 * Array data to and from the little-endian bytes of a safetensors file, moved in bounded
 * chunks so that a large tensor never needs a second full-size copy in memory. Floats are
 * moved by their raw bits, so NaN payloads and signed zeros survive.
 */
final class TensorBytes {
    private static final int CHUNK_BYTES = 1 << 20;

    /** Moves {@code count} elements starting at element {@code from} between a chunk and an array. */
    @FunctionalInterface
    private interface Copy {
        void apply(ByteBuffer chunk, int from, int count) throws IOException;
    }

    private TensorBytes() {}

    /** Writes the bytes of {@code a}, whose dtype and size the header already recorded. */
    static void write(Array a, WritableByteChannel out) throws IOException {
        int n = a.size();
        switch (a.dtype()) {
            case F32 -> {
                float[] v = a.toFloatArray();
                chunks(n, 4, (b, i, c) -> b.asFloatBuffer().put(v, i, c), out);
            }
            case F64 -> {
                double[] v = a.toDoubleArray();
                chunks(n, 8, (b, i, c) -> b.asDoubleBuffer().put(v, i, c), out);
            }
            case I32 -> {
                int[] v = a.toIntArray();
                chunks(n, 4, (b, i, c) -> b.asIntBuffer().put(v, i, c), out);
            }
            case U32 -> {
                long[] v = a.toLongArray();
                chunks(n, 4, (b, i, c) -> { for (int k = 0; k < c; k++) b.putInt(4 * k, (int) v[i + k]); }, out);
            }
            case I64, U64 -> {
                long[] v = a.toLongArray();       // u64 as its bits
                chunks(n, 8, (b, i, c) -> b.asLongBuffer().put(v, i, c), out);
            }
            case BOOL -> {
                boolean[] v = a.toBooleanArray();
                chunks(n, 1, (b, i, c) -> { for (int k = 0; k < c; k++) b.put(k, (byte) (v[i + k] ? 1 : 0)); }, out);
            }
            // The storage types are written by their bits; a complex number as its two parts.
            case BF16, F16, I16, U16 -> {
                short[] v = (short[]) a.toHost().array();
                chunks(n, 2, (b, i, c) -> b.asShortBuffer().put(v, i, c), out);
            }
            case I8, U8 -> {
                byte[] v = (byte[]) a.toHost().array();
                chunks(n, 1, (b, i, c) -> b.put(0, v, i, c), out);
            }
            case C64 -> {
                float[] v = a.toHost().f32();
                chunks(2 * n, 4, (b, i, c) -> b.asFloatBuffer().put(v, i, c), out);
            }
            case C128 -> throw new CheckpointError("safetensors has no complex128 dtype: store the real and imaginary parts as two F64 tensors");
        }
    }

    /**
     * {@return the array of {@code e}}, read from {@code src}
     *
     * @param dataStart the file offset of the data section
     * @throws CheckpointError for a BOOL byte other than 0 or 1
     */
    static Array read(Entry e, ByteSource src, long dataStart, String source) throws IOException {
        int n = e.shape().size();
        long at = dataStart + e.begin();
        HostData data = switch (e.dtype()) {
            case F32 -> {
                float[] v = new float[n];
                readChunks(n, 4, at, src, (b, i, c) -> b.asFloatBuffer().get(v, i, c));
                yield HostData.own(v);
            }
            case F64 -> {
                double[] v = new double[n];
                readChunks(n, 8, at, src, (b, i, c) -> b.asDoubleBuffer().get(v, i, c));
                yield HostData.own(v);
            }
            case I32, U32 -> {
                int[] v = new int[n];
                readChunks(n, 4, at, src, (b, i, c) -> b.asIntBuffer().get(v, i, c));
                yield HostData.own(e.dtype(), v);
            }
            case I64, U64 -> {
                long[] v = new long[n];
                readChunks(n, 8, at, src, (b, i, c) -> b.asLongBuffer().get(v, i, c));
                yield HostData.own(e.dtype(), v);
            }
            case BOOL -> {
                boolean[] v = new boolean[n];
                readChunks(n, 1, at, src, (b, i, c) -> {
                    for (int k = 0; k < c; k++) {
                        byte x = b.get(k);
                        // Only 0 and 1 round-trip; anything else is corruption, not a truth value.
                        if (x != 0 && x != 1)
                            throw new CheckpointError(source + ": BOOL tensor '" + e.name() + "' must hold bytes 0 or 1, got "
                                    + (x & 0xFF) + " at byte offset " + (at + i + k));
                        v[i + k] = x == 1;
                    }
                });
                yield HostData.own(v);
            }
            case BF16, F16, I16, U16 -> {
                short[] v = new short[n];
                readChunks(n, 2, at, src, (b, i, c) -> b.asShortBuffer().get(v, i, c));
                yield HostData.ownStorage(e.dtype(), v);
            }
            case I8, U8 -> {
                byte[] v = new byte[n];
                readChunks(n, 1, at, src, (b, i, c) -> b.get(0, v, i, c));
                yield HostData.ownStorage(e.dtype(), v);
            }
            case C64 -> {
                float[] v = new float[Math.multiplyExact(2, n)];
                readChunks(2 * n, 4, at, src, (b, i, c) -> b.asFloatBuffer().get(v, i, c));
                yield HostData.ownStorage(e.dtype(), v);
            }
            case C128 -> throw new CheckpointError(source + ": safetensors has no complex128 dtype");
        };
        return Array.fromHost(ShapedArray.of(e.dtype(), e.shape()), data);
    }

    private static void chunks(int n, int itemSize, Copy fill, WritableByteChannel out) throws IOException {
        int per = CHUNK_BYTES / itemSize;
        var chunk = ByteBuffer.allocate(Math.min(n, per) * itemSize).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i += per) {
            int c = Math.min(per, n - i);
            chunk.clear();
            fill.apply(chunk, i, c);
            chunk.position(0).limit(c * itemSize);
            while (chunk.hasRemaining()) out.write(chunk);
        }
    }

    private static void readChunks(int n, int itemSize, long at, ByteSource src, Copy drain) throws IOException {
        int per = CHUNK_BYTES / itemSize;
        var chunk = ByteBuffer.allocate(Math.min(n, per) * itemSize).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i += per) {
            int c = Math.min(per, n - i);
            chunk.clear().limit(c * itemSize);
            src.readFully(at + (long) i * itemSize, chunk);
            chunk.flip();
            drain.apply(chunk, i, c);
        }
    }
}
