package dev.jaxj.optim;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.DType;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import static java.util.Objects.requireNonNull;

/**
 * The usual schedules, with Optax's names and formulas ({@code optax.schedules}). Values are
 * computed in f32, as JAX does by default; {@code count} is the i32 step count.
 * {@snippet :
 * Schedule lr = Schedules.joinSchedules(
 *         Vector.of(Schedules.linear(0, 0.1, 10), Schedules.exponentialDecay(0.1, 1000, 0.5)),
 *         Vector.of(10));
 * }
 */
public final class Schedules {
    private Schedules() {}

    private static Array f32(double v) { return Array.scalar(v, DType.F32); }

    /** {@return a schedule that is {@code value} at every step} */
    public static Schedule constant(double value) {
        return count -> f32(value);
    }

    /** {@return {@link #exponentialDecay(double, int, double, int, boolean, Option)} starting at step 0, smooth, unbounded} */
    public static Schedule exponentialDecay(double initValue, int transitionSteps, double decayRate) {
        return exponentialDecay(initValue, transitionSteps, decayRate, 0, false, Option.none());
    }

    /** {@return {@link #exponentialDecay(double, int, double, int, boolean, Option)} starting at step 0, unbounded} */
    public static Schedule exponentialDecay(double initValue, int transitionSteps, double decayRate, boolean staircase) {
        return exponentialDecay(initValue, transitionSteps, decayRate, 0, staircase, Option.none());
    }

    /**
     * {@return {@code initValue * decayRate^((count - transitionBegin) / transitionSteps)}},
     * held at {@code initValue} up to {@code transitionBegin}: Optax's {@code exponential_decay}
     *
     * @param transitionSteps the steps over which the value is multiplied by {@code decayRate};
     *                        when not positive, the schedule is constant, as in Optax
     * @param decayRate       the factor per {@code transitionSteps}; 0 gives a constant schedule, as in Optax
     * @param transitionBegin steps before the decay starts; negative counts as 0
     * @param staircase       whether the exponent is rounded down to an integer (decay in jumps)
     * @param endValue        a bound the value does not pass: a floor when decaying, a ceiling when growing
     */
    public static Schedule exponentialDecay(double initValue, int transitionSteps, double decayRate, int transitionBegin,
                                            boolean staircase, Option<Double> endValue) {
        requireNonNull(endValue, "endValue is null");
        if (transitionSteps <= 0 || decayRate == 0) return constant(initValue);
        long begin = Math.max(0, transitionBegin);
        return count -> {
            Array elapsed = count.sub(begin);
            Array p = elapsed.astype(DType.F32).div(f32(transitionSteps));
            if (staircase) p = p.floor();
            Array decayed = LeafOps.where(elapsed.le(Array.scalar(0L)), f32(initValue), f32(initValue).mul(f32(decayRate).pow(p)));
            if (endValue.isEmpty()) return decayed;
            return decayRate < 1 ? decayed.maximum(f32(endValue.get())) : decayed.minimum(f32(endValue.get()));
        };
    }

    /** {@return {@link #cosineDecay(double, int, double, double)} decaying to 0 with exponent 1} */
    public static Schedule cosineDecay(double initValue, int decaySteps) { return cosineDecay(initValue, decaySteps, 0, 1); }

    /** {@return {@link #cosineDecay(double, int, double, double)} with exponent 1} */
    public static Schedule cosineDecay(double initValue, int decaySteps, double alpha) {
        return cosineDecay(initValue, decaySteps, alpha, 1);
    }

    /**
     * {@return {@code initValue * ((1 - alpha) * c^exponent + alpha)}} with
     * {@code c = (1 + cos(pi * min(count, decaySteps) / decaySteps)) / 2}: Optax's
     * {@code cosine_decay_schedule}
     *
     * @param decaySteps the steps over which the value falls to {@code alpha * initValue}
     * @param alpha      the final value as a fraction of the initial one
     * @throws ArgumentError when {@code decaySteps} is not positive
     */
    public static Schedule cosineDecay(double initValue, int decaySteps, double alpha, double exponent) {
        if (decaySteps <= 0)
            throw new ArgumentError("cosine_decay_schedule", "decaySteps must be positive, got " + decaySteps);
        return count -> {
            Array t = count.astype(DType.F32).minimum(f32(decaySteps));
            Array cosine = f32(0.5).mul(t.mul(f32(Math.PI)).div(f32(decaySteps)).cos().add(1.0));
            Array shaped = exponent == 1 ? cosine : cosine.pow(f32(exponent));
            return f32(initValue).mul(shaped.mul(f32(1 - alpha)).add(f32(alpha)));
        };
    }

    /**
     * {@return {@code (initValue - endValue) * (1 - t / transitionSteps)^power + endValue}} with
     * {@code t = clip(count - transitionBegin, 0, transitionSteps)}: Optax's {@code polynomial_schedule}
     *
     * @param transitionSteps when not positive, the schedule is constant at {@code initValue}, as in Optax
     * @param transitionBegin steps before the transition starts; negative counts as 0
     */
    public static Schedule polynomial(double initValue, double endValue, double power, int transitionSteps, int transitionBegin) {
        if (transitionSteps <= 0) return constant(initValue);
        long begin = Math.max(0, transitionBegin);
        return count -> {
            Array t = count.sub(begin).maximum(Array.scalar(0L)).minimum(Array.scalar((long) transitionSteps));
            Array frac = f32(1).sub(t.div((long) transitionSteps));
            // An integral power is integer_pow, as a Python int exponent is in JAX, so power 1 is exact.
            Array shaped = power == Math.rint(power) && Math.abs(power) <= Integer.MAX_VALUE
                    ? frac.pow((long) power) : frac.pow(f32(power));
            return f32(initValue - endValue).mul(shaped).add(f32(endValue));
        };
    }

    /** {@return a linear ramp from {@code initValue} to {@code endValue} over {@code transitionSteps} steps: Optax's {@code linear_schedule}} */
    public static Schedule linear(double initValue, double endValue, int transitionSteps) {
        return polynomial(initValue, endValue, 1, transitionSteps, 0);
    }

    /** {@return {@link #linear(double, double, int)} starting after {@code transitionBegin} steps} */
    public static Schedule linear(double initValue, double endValue, int transitionSteps, int transitionBegin) {
        return polynomial(initValue, endValue, 1, transitionSteps, transitionBegin);
    }

    /** {@return {@link #warmupCosineDecay(double, double, int, int, double, double)} with exponent 1} */
    public static Schedule warmupCosineDecay(double initValue, double peakValue, int warmupSteps, int decaySteps, double endValue) {
        return warmupCosineDecay(initValue, peakValue, warmupSteps, decaySteps, endValue, 1);
    }

    /**
     * {@return a linear warmup from {@code initValue} to {@code peakValue} over
     * {@code warmupSteps}, then a cosine decay to {@code endValue} at step {@code decaySteps}}:
     * Optax's {@code warmup_cosine_decay_schedule}
     *
     * @param decaySteps the length of the whole schedule, warmup included
     * @throws ArgumentError when {@code decaySteps <= warmupSteps}
     */
    public static Schedule warmupCosineDecay(double initValue, double peakValue, int warmupSteps, int decaySteps,
                                             double endValue, double exponent) {
        double alpha = peakValue == 0 ? 0 : endValue / peakValue;
        return joinSchedules(
                Vector.of(linear(initValue, peakValue, warmupSteps),
                        cosineDecay(peakValue, decaySteps - warmupSteps, alpha, exponent)),
                Vector.of(warmupSteps));
    }

    /**
     * {@return schedule {@code i + 1} from boundary {@code i} on, fed the count relative to that
     * boundary}: Optax's {@code join_schedules}
     *
     * @param schedules  one more schedule than boundaries
     * @param boundaries the steps at which the next schedule takes over, increasing
     * @throws ArgumentError when the counts do not fit
     */
    public static Schedule joinSchedules(Seq<Schedule> schedules, Seq<Integer> boundaries) {
        requireNonNull(schedules, "schedules is null");
        requireNonNull(boundaries, "boundaries is null");
        if (schedules.size() != boundaries.size() + 1)
            throw new ArgumentError("join_schedules", "needs one schedule more than boundaries, got "
                    + schedules.size() + " schedules and " + boundaries.size() + " boundaries");
        var all = Vector.ofAll(schedules);
        var at = Vector.ofAll(boundaries);
        return count -> {
            Array out = all.head().apply(count);
            for (int i = 0; i < at.size(); i++) {
                Array boundary = Array.scalar((long) at.get(i));
                out = LeafOps.where(count.lt(boundary), out, all.get(i + 1).apply(count.sub(boundary)));
            }
            return out;
        };
    }
}
