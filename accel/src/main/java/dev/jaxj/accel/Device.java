package dev.jaxj.accel;

/**
 * A device of a backend, e.g. {@code cpu:0}.
 *
 * @param platform the backend's name
 * @param id       the index of the device within its backend
 */
public record Device(String platform, int id) {
    @Override
    public String toString() { return platform + ":" + id; }
}
