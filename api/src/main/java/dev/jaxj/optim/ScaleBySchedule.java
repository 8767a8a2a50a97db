package dev.jaxj.optim;

import dev.jaxj.array.Array;
import io.vavr.control.Option;

import static java.util.Objects.requireNonNull;

/**
 * Multiplies the updates by {@code stepSize(count)}, where {@code count} is the number of
 * updates made so far: Optax's {@code scale_by_schedule}. The first update uses count 0.
 *
 * @param stepSize the schedule; its value is cast to each leaf's dtype
 */
public record ScaleBySchedule(Schedule stepSize) implements GradientTransformation<ScaleBySchedule.State> {

    /**
     * The step counter.
     *
     * @param count an i32 scalar, the number of updates made
     */
    public record State(Array count) {
        public State { requireNonNull(count, "count is null"); }
    }

    public ScaleBySchedule { requireNonNull(stepSize, "stepSize is null"); }

    @Override
    public State init(Object params) { return new State(LeafOps.zeroCount()); }

    @Override
    public <U> Update<U, State> update(U updates, State s, Option<?> params) {
        Array step = stepSize.apply(s.count());
        var out = LeafOps.map(updates, "scale_by_schedule", g -> step.astype(g.dtype()).mul(g));
        return new Update<>(LeafOps.same(updates, out), new State(LeafOps.safeIncrement(s.count())));
    }

    @Override
    public State checkState(Object state) { return LeafOps.state(state, State.class, "scale_by_schedule"); }
}
