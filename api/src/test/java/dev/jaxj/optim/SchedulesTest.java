package dev.jaxj.optim;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.DType;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.function.IntToDoubleFunction;

import static org.junit.jupiter.api.Assertions.*;

/** Schedules at chosen steps against their formulas, evaluated in doubles. */
class SchedulesTest {
    /** Schedules compute in f32, as JAX does by default: a few f32 ulps of values of order 1. */
    private static final double TOL = 1e-6;

    private static void assertFollows(Schedule s, IntToDoubleFunction formula, int... steps) {
        for (int step : steps) {
            double want = formula.applyAsDouble(step);
            assertEquals(want, s.valueAt(step), TOL * Math.max(1, Math.abs(want)), "at step " + step);
        }
    }

    @Test
    void shouldHoldAConstant() {
        assertFollows(Schedules.constant(0.3), t -> 0.3, 0, 1, 1000);
    }

    @Test
    void shouldReturnAnF32Scalar() {
        Array v = Schedules.cosineDecay(1, 10).apply(Array.scalar(3, DType.I32));
        assertEquals(DType.F32, v.dtype());
        assertEquals(0, v.ndim());
    }

    @Test
    void shouldDecayExponentially() {
        assertFollows(Schedules.exponentialDecay(2.0, 10, 0.5), t -> 2.0 * Math.pow(0.5, t / 10.0), 0, 1, 5, 10, 25, 100);
    }

    @Test
    void shouldDecayInStairs() {
        assertFollows(Schedules.exponentialDecay(2.0, 10, 0.5, true), t -> 2.0 * Math.pow(0.5, Math.floor(t / 10.0)), 0, 9, 10, 19, 20, 35);
    }

    @Test
    void shouldHoldUntilTheTransitionBeginsAndStopAtTheEndValue() {
        var s = Schedules.exponentialDecay(1.0, 10, 0.5, 5, false, io.vavr.control.Option.some(0.3));
        assertFollows(s, t -> t <= 5 ? 1.0 : Math.max(0.3, Math.pow(0.5, (t - 5) / 10.0)), 0, 3, 5, 6, 15, 25, 100);
        var growing = Schedules.exponentialDecay(1.0, 1, 2.0, 0, false, io.vavr.control.Option.some(5.0));
        assertFollows(growing, t -> Math.min(5.0, Math.pow(2.0, t)), 0, 1, 2, 3, 10);
    }

    @Test
    void shouldBeConstantForNonPositiveTransitionStepsOrZeroRate() {
        assertFollows(Schedules.exponentialDecay(0.7, 0, 0.5), t -> 0.7, 0, 10);
        assertFollows(Schedules.exponentialDecay(0.7, 10, 0), t -> 0.7, 0, 10);
    }

    @Test
    void shouldFollowACosine() {
        assertFollows(Schedules.cosineDecay(2.0, 100, 0.1),
                t -> 2.0 * (0.9 * 0.5 * (1 + Math.cos(Math.PI * Math.min(t, 100) / 100.0)) + 0.1), 0, 1, 25, 50, 99, 100, 150);
        assertFollows(Schedules.cosineDecay(1.0, 10, 0, 2),
                t -> Math.pow(0.5 * (1 + Math.cos(Math.PI * Math.min(t, 10) / 10.0)), 2), 0, 3, 5, 10, 11);
        assertEquals(0, Schedules.cosineDecay(1.0, 10).valueAt(10), TOL);
    }

    @Test
    void shouldRejectNonPositiveCosineDecaySteps() {
        var e = assertThrows(ArgumentError.class, () -> Schedules.cosineDecay(1, 0));
        assertTrue(e.getMessage().contains("decaySteps must be positive, got 0"), e.getMessage());
    }

    @Test
    void shouldRampLinearly() {
        assertFollows(Schedules.linear(0.0, 1.0, 10), t -> Math.min(t, 10) / 10.0, 0, 1, 5, 10, 20);
        assertFollows(Schedules.linear(1.0, 0.5, 4, 3), t -> 1.0 - 0.5 * Math.min(Math.max(t - 3, 0), 4) / 4.0, 0, 3, 4, 6, 7, 100);
    }

    @Test
    void shouldFollowAPolynomial() {
        assertFollows(Schedules.polynomial(1.0, 0.01, 2, 100, 0),
                t -> 0.99 * Math.pow(1 - Math.min(t, 100) / 100.0, 2) + 0.01, 0, 10, 50, 99, 100, 200);
        assertFollows(Schedules.polynomial(1.0, 0.0, 0.5, 10, 0), t -> Math.sqrt(1 - Math.min(t, 10) / 10.0), 0, 4, 10);
    }

    @Test
    void shouldWarmUpThenDecayAlongACosine() {
        double init = 0.0, peak = 1.0, end = 0.1;
        int warmup = 10, total = 110;
        IntToDoubleFunction formula = t -> t < warmup
                ? init + (peak - init) * t / warmup
                : end + (peak - end) * 0.5 * (1 + Math.cos(Math.PI * Math.min(t - warmup, total - warmup) / (total - warmup)));
        assertFollows(Schedules.warmupCosineDecay(init, peak, warmup, total, end), formula, 0, 1, 5, 9, 10, 11, 60, 109, 110, 500);
    }

    @Test
    void shouldJoinSchedulesAtTheirBoundaries() {
        var s = Schedules.joinSchedules(Vector.of(Schedules.constant(1), Schedules.linear(2, 0, 10), Schedules.constant(5)),
                Vector.of(3, 8));
        assertFollows(s, t -> t < 3 ? 1 : t < 8 ? 2 - 2 * (t - 3) / 10.0 : 5, 0, 2, 3, 4, 7, 8, 20);
    }

    @Test
    void shouldRejectJoinsWithMismatchedCounts() {
        var e = assertThrows(ArgumentError.class, () -> Schedules.joinSchedules(Vector.of(Schedules.constant(1)), Vector.of(3)));
        assertTrue(e.getMessage().contains("needs one schedule more than boundaries, got 1 schedules and 1 boundaries"), e.getMessage());
    }
}
