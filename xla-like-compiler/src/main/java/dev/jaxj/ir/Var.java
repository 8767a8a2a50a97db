package dev.jaxj.ir;

import static java.util.Objects.requireNonNull;

/**
 * A variable of a {@link Jaxpr}, assigned exactly once. Its printed name (a, b, …) is chosen
 * when the program is printed; {@code id} only makes it unique.
 */
public record Var(int id, ShapedArray aval) implements Atom {
    public Var {
        requireNonNull(aval, "aval is null");
    }
}
