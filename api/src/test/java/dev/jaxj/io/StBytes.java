package dev.jaxj.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds safetensors files byte by byte for tests, independently of the writer under test. */
final class StBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** A file whose header length field is {@code n}. */
    static StBytes length(long n) {
        var b = new StBytes();
        b.raw(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(n).array());
        return b;
    }

    /** A file with this JSON header (its exact UTF-8 length, no padding). */
    static StBytes header(String json) {
        byte[] h = json.getBytes(StandardCharsets.UTF_8);
        return length(h.length).raw(h);
    }

    StBytes raw(byte... bytes) {
        out.writeBytes(bytes);
        return this;
    }

    StBytes raw(int... bytes) {
        for (int b : bytes) out.write(b);
        return this;
    }

    StBytes f32(float... v) {
        var b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) b.putInt(Float.floatToRawIntBits(x));
        return raw(b.array());
    }

    StBytes f64(double... v) {
        var b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) b.putLong(Double.doubleToRawLongBits(x));
        return raw(b.array());
    }

    StBytes zeros(int n) { return raw(new byte[n]); }

    byte[] bytes() { return out.toByteArray(); }
}
