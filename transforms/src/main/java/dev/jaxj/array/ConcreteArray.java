package dev.jaxj.array;

import dev.jaxj.accel.Backends;
import dev.jaxj.accel.Buffer;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.errors.DeletedArrayError;
import dev.jaxj.ir.ShapedArray;

import static java.util.Objects.requireNonNull;

/**
 * An array with data: an aval and a device buffer that nobody writes again — unless the
 * array is donated to a jitted function, which deletes the array and may then write an output
 * into the buffer. Reads of a deleted array raise {@link DeletedArrayError}.
 */
final class ConcreteArray extends Array {
    private final ShapedArray aval;
    private final Buffer buffer;
    /** The Java value a weakly typed scalar was made from, before rounding to its dtype. */
    private final Number exact;
    private volatile boolean deleted;
    /** Whether another array may hold the same buffer, so that donating this one must not overwrite it. */
    private volatile boolean shared;
    /**
     * Whether the array was placed on its device explicitly ({@code devicePut}), or computed from
     * such an array: operations run on a committed operand's device and move uncommitted ones
     * there, as JAX does.
     */
    private final boolean committed;

    ConcreteArray(ShapedArray aval, Buffer buffer) {
        this(aval, buffer, null, false);
    }

    ConcreteArray(ShapedArray aval, Buffer buffer, boolean committed) {
        this(aval, buffer, null, committed);
    }

    ConcreteArray(ShapedArray aval, Buffer buffer, Number exact) {
        this(aval, buffer, exact, false);
    }

    private ConcreteArray(ShapedArray aval, Buffer buffer, Number exact, boolean committed) {
        this.aval = requireNonNull(aval, "aval is null");
        this.buffer = requireNonNull(buffer, "buffer is null");
        if (buffer.size() != aval.size() || buffer.dtype() != aval.dtype()) {
            throw new IllegalArgumentException("buffer " + buffer + " does not hold " + aval);
        }
        this.exact = exact;
        this.committed = committed;
    }

    boolean committed() { return committed; }

    /** {@return the exact Java value of a weak scalar, or null when there is none} @throws DeletedArrayError naming {@code op} once donated */
    Number exact(String op) {
        if (deleted) throw DeletedArrayError.of(op, aval);
        return exact;
    }

    @Override
    public ShapedArray aval() { return aval; }

    /** {@return the buffer, for an operation bound on this array} */
    Buffer buffer() { return buffer("bind"); }

    /** {@return the buffer} for {@code op}, which fails if the array has been deleted */
    Buffer buffer(String op) {
        if (deleted) throw DeletedArrayError.of(op, aval);
        return buffer;
    }

    /** {@return whether this call deleted the array} (false when it was deleted already); the buffer is then the caller's */
    synchronized boolean delete() {
        if (deleted) return false;
        deleted = true;
        return true;
    }

    boolean isDeleted() { return deleted; }

    /** Records that another array may hold this buffer too. */
    void markShared() { shared = true; }

    boolean isShared() { return shared; }

    /** The data on the host: an explicit transfer from the buffer's device (none on the CPU). */
    @Override
    HostData host(String op) {
        Buffer b = buffer(op);
        return Backends.of(b.device()).download(b);
    }

    /** A deleted array prints its aval only (JAX raises here; a Java {@code toString} should not). */
    @Override
    public String toString() {
        return deleted ? "Array(<deleted>, " + aval + ")" : super.toString();
    }
}
