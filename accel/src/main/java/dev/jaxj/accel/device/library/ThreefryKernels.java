package dev.jaxj.accel.device.library;

import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.device.KernelArg;
import dev.jaxj.accel.device.KernelArg.In;
import dev.jaxj.accel.device.KernelArg.Out;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.accel.device.Launch;
import dev.jaxj.ir.Primitive.Threefry2x32;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;

/**
 * The device kernel of Threefry-2x32 (20 rounds), bit for bit the CPU backend's: one work-item
 * per element encrypts the counter pair {@code (x0, x1)} under the key {@code (key0, key1)}.
 * {@snippet :
 * // four u32[n] operands -> two u32[n] results
 * DeviceCall c = ThreefryKernels.lower(new Threefry2x32(), Vector.fill(4, u32n), Vector.fill(2, u32n));
 * }
 */
public final class ThreefryKernels {
    private ThreefryKernels() {}

    /** Rotation amounts of rounds 1-4 and 5-8 (the schedule repeats every 8 rounds). */
    private static final int[][] ROTATIONS = {{13, 15, 26, 6}, {17, 29, 16, 24}};

    /**
     * {@return the launch encrypting every element}
     *
     * @param inAvals  {@code key0, key1, x0, x1}, u32 of one shape
     * @param outAvals the two encrypted words
     */
    public static DeviceCall lower(Threefry2x32 p, Seq<ShapedArray> inAvals, Seq<ShapedArray> outAvals) {
        long n = inAvals.head().size();
        if (n == 0) return DeviceCall.of(2);
        return DeviceCall.of(2, Launch.of(KERNEL, n, new In(0), new In(1), new In(2), new In(3), new Out(0), new Out(1), new KernelArg.I64(n)));
    }

    private static final KernelSource KERNEL = KernelSource.named("threefry2x32", name -> """
            KERNEL void %s(GLOBAL const u32_t* RESTRICT key0, GLOBAL const u32_t* RESTRICT key1, GLOBAL const u32_t* RESTRICT x0,
                           GLOBAL const u32_t* RESTRICT x1, GLOBAL u32_t* RESTRICT y0, GLOBAL u32_t* RESTRICT y1, i64_t n) {
                i64_t i = GID0;
                if (i >= n) return;
                /* Skein's parity constant makes the third key word independent of the other two. */
                u32_t ks0 = key0[i], ks1 = key1[i], ks2 = ks0 ^ ks1 ^ 0x1BD11BDAu;
                u32_t a = x0[i] + ks0, b = x1[i] + ks1;
            %s    y0[i] = a;
                y1[i] = b;
            }
            """.formatted(name, rounds()), false);

    /** Five groups of four rounds, each followed by a key injection that adds its group number. */
    private static String rounds() {
        String[] ks = {"ks0", "ks1", "ks2"};
        var sb = new StringBuilder();
        for (int g = 0; g < 5; g++) {
            for (int r : ROTATIONS[g % 2]) {
                sb.append("    a += b; b = ((b << ").append(r).append(") | (b >> ").append(32 - r).append(")) ^ a;\n");
            }
            sb.append("    a += ").append(ks[(g + 1) % 3]).append("; b += ").append(ks[(g + 2) % 3]).append(" + ").append(g + 1).append("u;\n");
        }
        return sb.toString();
    }
}
