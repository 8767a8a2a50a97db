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
public record ScaleBySchedule(Schedule stepSize) implements GradientTransformation {

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
    public Object init(Object params) { return new State(LeafOps.zeroCount()); }

    @Override
    public Update update(Object updates, Object state, Option<?> params) {
        var s = LeafOps.state(state, State.class, "scale_by_schedule");
        Array step = stepSize.apply(s.count());
        var out = LeafOps.map(updates, "scale_by_schedule", g -> step.astype(g.dtype()).mul(g));
        return new Update(out, new State(LeafOps.safeIncrement(s.count())));
    }
}
