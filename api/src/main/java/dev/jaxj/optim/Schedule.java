package dev.jaxj.optim;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;

/**
 * A value that changes with the step count, such as a learning rate: Optax's {@code Schedule}.
 *
 * <p>A schedule is a function of arrays so that it traces: under {@code jit} the count is the
 * i32 scalar kept in the optimizer state, and the schedule becomes part of the compiled step.
 * {@link Schedules} builds the usual ones.
 * {@snippet :
 * Schedule lr = Schedules.warmupCosineDecay(0, 1e-3, 100, 10_000, 1e-5);
 * var opt = Optim.adamw(lr);
 * double first = lr.valueAt(0);   // 0.0
 * }
 */
@FunctionalInterface
public interface Schedule {

    /**
     * {@return the value at {@code count}, an f32 scalar}
     *
     * @param count an i32 scalar: the number of updates made so far
     */
    Array apply(Array count);

    /** {@return the value at step {@code step}, computed eagerly} */
    default double valueAt(int step) { return apply(Array.scalar(step, DType.I32)).doubleValue(); }
}
