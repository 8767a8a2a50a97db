package dev.jaxj.accel;

import dev.jaxj.accel.cpu.CpuBackend;

/** The available backends. The CPU backend is always present and is the default. */
public final class Backends {
    private static final Backend CPU = new CpuBackend();

    private Backends() {}

    /** {@return the backend eager operations run on} */
    public static Backend defaultBackend() { return CPU; }

    /** {@return the pure-Java CPU backend} */
    public static Backend cpu() { return CPU; }
}
