package dev.jaxj.io;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Random tensors round-trip bit-exactly; randomly corrupted files fail only with {@link CheckpointError}. */
class SafetensorsFuzzTest {
    private static final String[] NAME_PARTS = {"w", "bias", "0", "layers", "é", "\u6f22", "\uD83D\uDE00", "a b", "\"q\"", "\\", "\n"};

    /** Up to five tensors of random dtypes, ranks 0 to 3, dims 0 to 4, and random bits. */
    static Map<String, Array> randomTensors(Random r) {
        Map<String, Array> out = LinkedHashMap.empty();
        int count = r.nextInt(6);
        while (out.size() < count) {
            String name = NAME_PARTS[r.nextInt(NAME_PARTS.length)] + "." + NAME_PARTS[r.nextInt(NAME_PARTS.length)] + r.nextInt(3);
            int[] dims = new int[r.nextInt(4)];
            for (int i = 0; i < dims.length; i++) dims[i] = r.nextInt(5);
            // Every dtype that safetensors names (it has no complex128).
            DType[] stored = java.util.Arrays.stream(DType.values()).filter(d -> d != DType.C128).toArray(DType[]::new);
            out = out.put(name, randomArray(r, stored[r.nextInt(stored.length)], Shape.of(dims)));
        }
        return out;
    }

    static Array randomArray(Random r, DType dtype, Shape shape) {
        int n = shape.size();
        HostData data = switch (dtype) {
            case F32 -> {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) v[i] = Float.intBitsToFloat(r.nextInt());
                yield HostData.own(v);
            }
            case F64 -> {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) v[i] = Double.longBitsToDouble(r.nextLong());
                yield HostData.own(v);
            }
            case I32, U32 -> HostData.own(dtype, r.ints(n).toArray());
            case I64, U64 -> HostData.own(dtype, r.longs(n).toArray());
            case BOOL -> {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) v[i] = r.nextBoolean();
                yield HostData.own(v);
            }
            // Random bits: NaN payloads of bf16 and f16 must survive too.
            case BF16, F16, I16, U16 -> {
                short[] v = new short[n];
                for (int i = 0; i < n; i++) v[i] = (short) r.nextInt();
                yield HostData.ownStorage(dtype, v);
            }
            case I8, U8 -> {
                byte[] v = new byte[n];
                r.nextBytes(v);
                yield HostData.ownStorage(dtype, v);
            }
            case C64 -> {
                float[] v = new float[2 * n];
                for (int i = 0; i < 2 * n; i++) v[i] = Float.intBitsToFloat(r.nextInt());
                yield HostData.ownStorage(dtype, v);
            }
            case C128 -> throw new IllegalArgumentException("safetensors has no complex128");
        };
        return Array.fromHost(ShapedArray.of(dtype, shape), data);
    }

    @Property(tries = 200)
    void randomTensorsRoundTripBitExactly(@ForAll long seed) {
        var tensors = randomTensors(new Random(seed));
        var back = Safetensors.fromBytes(Safetensors.toBytes(tensors, TreeMap.of("seed", Long.toString(seed))));
        assertEquals(tensors.keySet(), back.tensors().keySet(), "seed " + seed);
        for (var t : tensors) SafetensorsTest.assertBitsEqual(t._2, back.tensors().get(t._1).get(), t._1 + " (seed " + seed + ")");
        assertEquals(Long.toString(seed), back.metadata().get("seed").get());
    }

    @Property(tries = 500)
    void corruptedFilesFailOnlyWithCheckpointErrors(@ForAll long seed) {
        var r = new Random(seed);
        byte[] file = Safetensors.toBytes(randomTensors(r), TreeMap.empty());
        byte[] bad = switch (r.nextInt(5)) {
            case 0 -> Arrays.copyOf(file, r.nextInt(file.length));                     // truncated
            case 1 -> Arrays.copyOf(file, file.length + 1 + r.nextInt(16));           // trailing bytes
            case 2 -> {                                                               // bytes flipped anywhere
                byte[] b = file.clone();
                for (int k = 0; k <= r.nextInt(4); k++) b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                yield b;
            }
            case 3 -> {                                                               // a random header length
                byte[] b = file.clone();
                for (int k = 0; k < 8; k++) b[k] = (byte) r.nextInt();
                yield b;
            }
            default -> {                                                              // a header byte replaced
                byte[] b = file.clone();
                int headerEnd = (int) Math.min(b.length, 8 + (b[0] & 0xFF) + ((b[1] & 0xFF) << 8));
                b[8 + r.nextInt(Math.max(1, headerEnd - 8))] = (byte) "{}[],:\"0-9e. \\u".charAt(r.nextInt(15));
                yield b;
            }
        };
        try {
            Safetensors.fromBytes(bad);
        } catch (CheckpointError e) {
            assertTrue(e.getMessage().startsWith("safetensors bytes: "), e.getMessage());
        }
    }
}
