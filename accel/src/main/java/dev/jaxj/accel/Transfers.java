package dev.jaxj.accel;

import dev.jaxj.ir.DType;

/**
 * Reports transfers between the host and devices when {@code -Djaxj.log_transfers=true},
 * one line each on {@link System.Logger} {@code dev.jaxj.transfers} at INFO, e.g.
 * {@code upload f32[1024] host -> opencl:0}. Backends call it for every explicit transfer, so
 * a program that moves data it should keep on the device shows it.
 */
public final class Transfers {
    private static final boolean ENABLED = Boolean.getBoolean("jaxj.log_transfers");
    private static final System.Logger LOG = System.getLogger("dev.jaxj.transfers");

    private Transfers() {}

    /** {@return whether transfers are reported} */
    public static boolean enabled() { return ENABLED; }

    /** Reports one transfer of {@code size} elements of {@code dtype} from {@code from} to {@code to}. */
    public static void log(String what, DType dtype, int size, Object from, Object to) {
        if (ENABLED) LOG.log(System.Logger.Level.INFO, what + " " + dtype + "[" + size + "] " + from + " -> " + to);
    }
}
