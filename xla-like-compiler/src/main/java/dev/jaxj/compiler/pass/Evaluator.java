package dev.jaxj.compiler.pass;

import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Lit;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Runs one equation on concrete values, for {@link ConstantFolding#withEvaluator}. This module
 * has no kernels, so the caller (the runtime) supplies them; values are the caller's type.
 *
 * @param <T> the type of values (an array class of the runtime)
 */
public interface Evaluator<T> {
    /**
     * {@return the values of {@code eqn}'s outputs, in order}
     *
     * @param eqn      the equation; its operand and binder avals are those of the values
     * @param operands the values of {@code eqn.in()}, in order
     */
    Seq<T> eval(Eqn eqn, Seq<T> operands);

    /** {@return the value of a literal operand, a scalar of the literal's aval} */
    T literal(Lit lit);

    /**
     * {@return a scalar value as a literal of {@code aval}, or none to keep it a constant} A
     * literal lets the other passes see it (for instance {@code x * 1}); the literal's aval must
     * be {@code aval}.
     */
    default Option<Lit> toLiteral(T value, ShapedArray aval) {
        return Option.none();
    }
}
