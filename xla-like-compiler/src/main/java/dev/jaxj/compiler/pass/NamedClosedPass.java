package dev.jaxj.compiler.pass;

/** A closed-program pass with a name for messages and debugging. */
record NamedClosedPass<T>(String name, ClosedPass<T> body) implements ClosedPass<T> {
    @Override
    public Closed<T> apply(Closed<T> program) {
        return body.apply(program);
    }

    @Override
    public String toString() {
        return name;
    }
}
