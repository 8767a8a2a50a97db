package dev.jaxj.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Random access to the bytes of a checkpoint: a file, or an array already in memory. */
interface ByteSource {

    /** {@return the total number of bytes} */
    long size() throws IOException;

    /**
     * Fills {@code dst} from its position to its limit with the bytes starting at {@code position}.
     *
     * @throws EOFException when the source ends first (a file truncated while being read)
     */
    void readFully(long position, ByteBuffer dst) throws IOException;

    /** {@return a source over a byte array, which it does not copy} */
    static ByteSource of(byte[] bytes) {
        return new ByteSource() {
            @Override public long size() { return bytes.length; }

            @Override public void readFully(long position, ByteBuffer dst) throws EOFException {
                if (position + dst.remaining() > bytes.length) throw new EOFException("past the end of the byte array");
                dst.put(bytes, (int) position, dst.remaining());
            }
        };
    }

    /** {@return a source over an open file channel, read with positional reads} */
    static ByteSource of(FileChannel channel) {
        return new ByteSource() {
            @Override public long size() throws IOException { return channel.size(); }

            @Override public void readFully(long position, ByteBuffer dst) throws IOException {
                long at = position;
                while (dst.hasRemaining()) {
                    int n = channel.read(dst, at);
                    if (n < 0) throw new EOFException("the file ended at byte offset " + at + " while being read");
                    at += n;
                }
            }
        };
    }
}
