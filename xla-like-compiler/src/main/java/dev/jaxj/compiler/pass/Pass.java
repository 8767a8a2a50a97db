package dev.jaxj.compiler.pass;

import dev.jaxj.errors.JaxprTypeError;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.SourceInfo;

import static java.util.Objects.requireNonNull;

/**
 * A rewrite of a program that keeps its meaning and its types.
 *
 * <p>The contract every pass keeps, so that passes compose freely:
 * <ul>
 *   <li>the inputs ({@code inVars}) are unchanged, and the outputs keep their number and avals
 *       (an output may become an input variable or a literal);</li>
 *   <li>the result's {@code constVars} are a subsequence of the argument's (a pass may drop
 *       constants, never add or reorder them), so a caller that holds the constants' values
 *       keeps those of the surviving variables: {@link Closed#restrictTo}, {@link #closed()};</li>
 *   <li>a program that typechecks gives one that typechecks, with every equation's binders
 *       equal to its primitive's rule;</li>
 *   <li>a pass with nothing to do returns its argument, so {@link #fixpoint} stops cheaply.</li>
 * </ul>
 * Passes compose like {@code java.lang.classfile}'s {@code CodeTransform}:
 * {@snippet :
 * Pass p = new AlgebraicSimplifier().andThen(new DeadCodeElimination()).fixpoint(8).named("cleanup");
 * Jaxpr optimised = p.apply(jaxpr);
 * }
 */
@FunctionalInterface
public interface Pass {
    /** {@return the rewritten program} */
    Jaxpr apply(Jaxpr program);

    /** {@return the pass that runs this one, then {@code next}} */
    default Pass andThen(Pass next) {
        requireNonNull(next, "next is null");
        return new NamedPass(this + ", " + next, j -> next.apply(apply(j)));
    }

    /**
     * {@return this pass repeated until the program stops changing, at most {@code maxRounds}
     * times} A program still changing after the last round is returned as it is (it is valid,
     * only perhaps not fully simplified).
     *
     * @throws IllegalArgumentException when {@code maxRounds < 1}
     */
    default Pass fixpoint(int maxRounds) {
        if (maxRounds < 1) throw new IllegalArgumentException("fixpoint needs at least one round, got " + maxRounds);
        return new NamedPass("fixpoint(" + this + ")", j -> {
            Jaxpr current = j;
            for (int round = 0; round < maxRounds; round++) {
                Jaxpr next = apply(current);
                if (next == current || next.equals(current)) return current;
                current = next;
            }
            return current;
        });
    }

    /** {@return this pass, printing as {@code name}} */
    default Pass named(String name) {
        requireNonNull(name, "name is null");
        return new NamedPass(name, this);
    }

    /**
     * {@return this pass followed by {@link Jaxpr#typecheck()}, for debugging a pipeline} A
     * failure names the pass that produced the ill-typed program.
     */
    default Pass checked() {
        Pass self = this;
        return new NamedPass(toString(), j -> {
            Jaxpr out = self.apply(j);
            try {
                return out.typecheck();
            } catch (JaxprTypeError e) {
                throw new JaxprTypeError("pass " + self, "produced an ill-typed program: " + e.detail(), SourceInfo.UNKNOWN, e);
            }
        });
    }

    /** {@return this pass on programs with constant values, dropping the values of dropped constants} */
    default <T> ClosedPass<T> closed() {
        return new NamedClosedPass<>(toString(), c -> c.restrictTo(apply(c.jaxpr())));
    }
}
