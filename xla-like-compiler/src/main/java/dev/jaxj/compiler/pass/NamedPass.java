package dev.jaxj.compiler.pass;

import dev.jaxj.ir.Jaxpr;

/** A pass with a name for messages and debugging; {@link Pass#named} and the combinators make these. */
record NamedPass(String name, Pass body) implements Pass {
    @Override
    public Jaxpr apply(Jaxpr program) {
        return body.apply(program);
    }

    @Override
    public String toString() {
        return name;
    }
}
