package dev.jaxj.compiler.pass;

import static java.util.Objects.requireNonNull;

/**
 * A rewrite of a program together with its constants' values: the form a pass takes when it
 * needs the values, as {@link ConstantFolding#withEvaluator} does, since it turns equations
 * into new constants. Every {@link Pass} lifts to one with {@link Pass#closed()}.
 *
 * <p>The contract is {@link Pass}'s, except that the result's constants may differ from the
 * argument's: surviving constants keep their variables and values, and new ones are appended.
 *
 * @param <T> the caller's type of constant values (an array class of the runtime)
 */
@FunctionalInterface
public interface ClosedPass<T> {
    /** {@return the rewritten program with the values of its constants} */
    Closed<T> apply(Closed<T> program);

    /** {@return the pass that runs this one, then {@code next}} */
    default ClosedPass<T> andThen(ClosedPass<T> next) {
        requireNonNull(next, "next is null");
        return new NamedClosedPass<>(this + ", " + next, c -> next.apply(apply(c)));
    }

    /** {@return the pass that runs this one, then {@code next} on the program alone} */
    default ClosedPass<T> andThen(Pass next) {
        return andThen(next.<T>closed());
    }

    /**
     * {@return this pass repeated until the program stops changing, at most {@code maxRounds}
     * times} Only the program is compared: a change of constants always changes it.
     *
     * @throws IllegalArgumentException when {@code maxRounds < 1}
     */
    default ClosedPass<T> fixpoint(int maxRounds) {
        if (maxRounds < 1) throw new IllegalArgumentException("fixpoint needs at least one round, got " + maxRounds);
        return new NamedClosedPass<>("fixpoint(" + this + ")", c -> {
            Closed<T> current = c;
            for (int round = 0; round < maxRounds; round++) {
                Closed<T> next = apply(current);
                if (next.jaxpr() == current.jaxpr() || next.jaxpr().equals(current.jaxpr())) return current;
                current = next;
            }
            return current;
        });
    }

    /** {@return this pass, printing as {@code name}} */
    default ClosedPass<T> named(String name) {
        requireNonNull(name, "name is null");
        return new NamedClosedPass<>(name, this);
    }
}
