package dev.jaxj.array;

import dev.jaxj.accel.Buffer;
import dev.jaxj.accel.cpu.HostBuffer;
import dev.jaxj.ir.ShapedArray;

import static java.util.Objects.requireNonNull;

/** An array with data: an aval and a device buffer that nobody writes again. */
final class ConcreteArray extends Array {
    private final ShapedArray aval;
    private final Buffer buffer;
    /** The Java value a weakly typed scalar was made from, before rounding to its dtype. */
    private final Number exact;

    ConcreteArray(ShapedArray aval, Buffer buffer) {
        this(aval, buffer, null);
    }

    ConcreteArray(ShapedArray aval, Buffer buffer, Number exact) {
        this.aval = requireNonNull(aval, "aval is null");
        this.buffer = requireNonNull(buffer, "buffer is null");
        if (buffer.size() != aval.size() || buffer.dtype() != aval.dtype()) {
            throw new IllegalArgumentException("buffer " + buffer + " does not hold " + aval);
        }
        this.exact = exact;
    }

    /** {@return the exact Java value of a weak scalar, or null when there is none} */
    Number exact() { return exact; }

    @Override
    public ShapedArray aval() { return aval; }

    Buffer buffer() { return buffer; }

    @Override
    protected HostBuffer host(String op) { return buffer.toHost(); }
}
