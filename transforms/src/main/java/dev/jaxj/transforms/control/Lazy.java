package dev.jaxj.transforms.control;

import java.util.function.Function;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * A value computed on first use and kept: the traced rules of a staged custom derivative.
 * Tracing a JVP rule eagerly would recurse when the rule calls the function it differentiates
 * (as {@code logaddexp}'s does), so it waits until forward mode asks for it — by then the
 * nested call stages as a call of its own.
 */
public final class Lazy<T> {
    private final String name;
    private final Supplier<T> compute;
    private volatile T value;

    public Lazy(String name, Supplier<T> compute) {
        this.name = requireNonNull(name, "name is null");
        this.compute = requireNonNull(compute, "compute is null");
    }

    /** {@return the value, computed now if it has not been} */
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                if (value == null) value = compute.get();
                v = value;
            }
        }
        return v;
    }

    /** {@return a lazy value made from this one's when it is needed} */
    public <U> Lazy<U> map(Function<T, U> f) {
        return new Lazy<>(name, () -> f.apply(get()));
    }

    /** The name a printed program shows for the parameter. */
    @Override
    public String toString() {
        return name;
    }
}
