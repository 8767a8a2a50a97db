package dev.jaxj.autodiff;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.autodiff.GradChecks.Mode;
import dev.jaxj.autodiff.GradChecks.Settings;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.NotDifferentiable;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;
import io.vavr.collection.HashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.function.Function;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.*;

/** Gradient checking must accept right derivatives, at every order and dtype, and reject wrong ones with a useful message. */
class GradChecksTest {
    private static final Set<Mode> BOTH = HashSet.of(Mode.FWD, Mode.REV);

    private static Array f32(float... v) { return Jnp.array(v); }

    private static Array f64(double... v) { return Jnp.array(v); }

    private static Function<Seq<Array>, Array> unary(UnaryOperator<Array> g) {
        return xs -> g.apply(xs.head());
    }

    /** sin with a JVP rule whose tangent is scaled by {@code factor} (1 is the true derivative). */
    private static UnaryOperator<Array> sinWithScaledJvp(double factor) {
        return Jax.customJvp(Array::sin, (x, t) -> new Jax.JvpResult<>(x.sin(), t.mul(x.cos()).mul(factor)));
    }

    @Test
    void shouldPassOnSmoothFunctionsOfSeveralArgumentsToSecondOrder() {
        Function<Seq<Array>, Array> f = xs -> xs.get(0).sin().mul(xs.get(1).exp()).add(xs.get(0).mul(xs.get(1)).tanh());
        GradChecks.checkGrads(f, Vector.of(f32(0.3f, -1.2f, 2f), f32(0.5f, 0.1f, -0.7f)), 2, BOTH);
        GradChecks.checkGrads(f, Vector.of(f64(0.3, -1.2, 2), f64(0.5, 0.1, -0.7)), 2, BOTH);
    }

    @Test
    void shouldPassOnReductionsToScalars() {
        GradChecks.checkGrads(unary(x -> x.mul(x.sin()).sum()), Vector.of(f64(-1.3, 0.2, 0.4, 2.5)), 2, BOTH, 3);
    }

    @Test
    void shouldPassOnScalarAndZeroSizeArguments() {
        GradChecks.checkGrads(unary(x -> x.tanh().mul(x)), Vector.of(Jnp.scalar(0.7, DType.F64)), 2, BOTH);
        GradChecks.checkGrads(unary(x -> x.tanh().mul(x)), Vector.of(Jnp.zeros(dev.jaxj.ir.Shape.of(0, 3), DType.F32)), 2, BOTH);
    }

    @Test
    void shouldPassOnARightCustomJvp() {
        GradChecks.checkGrads(unary(sinWithScaledJvp(1)), Vector.of(f32(0.1f, 1.5f, -2f)), 2, BOTH);
    }

    @Test
    void shouldFailOnAWrongCustomJvpNamingTheFunctionArgumentsSeedAndWorstElement() {
        Settings settings = Settings.DEFAULT.withLabel("bad_sin").withSeed(7);
        AssertionError e = assertThrows(AssertionError.class, () ->
                GradChecks.checkGrads(unary(sinWithScaledJvp(1.5)), Vector.of(f32(0.1f, 1.2f, -2f)), 1, HashSet.of(Mode.FWD), settings));
        String m = e.getMessage();
        assertTrue(m.startsWith("check_grads(bad_sin): JVP differs from central differences"), m);
        assertTrue(m.contains("arguments: f32[3]; seed 7"), m);
        assertTrue(m.contains("worst element: output 0 ["), m);
        assertTrue(m.contains("abs error") && m.contains("rel error"), m);
    }

    @Test
    void shouldFailOnAWrongCustomJvpInReverseModeAlone() {
        AssertionError e = assertThrows(AssertionError.class, () ->
                GradChecks.checkGrads(unary(sinWithScaledJvp(-1)), Vector.of(f64(0.1, 1.2, -2)), 1, HashSet.of(Mode.REV)));
        assertTrue(e.getMessage().contains("VJP is not the transpose of <u, central differences along v>"), e.getMessage());
    }

    @Test
    void shouldFailOnAWrongCustomVjp() {
        UnaryOperator<Array> f = Jax.customVjp(Array::sin, x -> new Jax.Residuals(x.sin(), Vector.of(x)),
                (res, ct) -> ct.mul(res.head().cos()).mul(2.0));
        assertThrows(AssertionError.class, () -> GradChecks.checkGrads(unary(f), Vector.of(f32(0.3f, -0.4f)), 1, HashSet.of(Mode.REV)));
    }

    @Test
    void shouldPassOnARightCustomVjpInReverseMode() {
        UnaryOperator<Array> f = Jax.customVjp(Array::sin, x -> new Jax.Residuals(x.sin(), Vector.of(x)),
                (res, ct) -> ct.mul(res.head().cos()));
        GradChecks.checkGrads(unary(f), Vector.of(f32(0.3f, -0.4f)), 1, HashSet.of(Mode.REV));
    }

    /** x³ whose rule freezes 3x² with stop_gradient: right at first order, wrong at second. */
    @Test
    void shouldCatchAWrongSecondDerivativeOnlyAtOrderTwo() {
        UnaryOperator<Array> cube = Jax.customJvp(x -> x.pow(3L),
                (x, t) -> new Jax.JvpResult<>(x.pow(3L), t.mul(Lax.stopGradient(x.mul(x).mul(3.0)))));
        Seq<Array> args = Vector.of(f64(0.5, -1.5, 2));
        GradChecks.checkGrads(unary(cube), args, 1, BOTH);
        AssertionError e = assertThrows(AssertionError.class, () -> GradChecks.checkGrads(unary(cube), args, 2, HashSet.of(Mode.FWD)));
        assertTrue(e.getMessage().contains("JVP of JVP differs"), e.getMessage());
    }

    /** An error of 1e-4 relative hides below f32's tolerance (2e-3) but not below f64's (1e-5). */
    @Test
    void shouldHoldEachDtypeToItsOwnTolerance() {
        UnaryOperator<Array> slightlyOff = sinWithScaledJvp(1 + 1e-4);
        GradChecks.checkGrads(unary(slightlyOff), Vector.of(f32(0.1f, 1.2f, -2f)), 1, BOTH);
        assertThrows(AssertionError.class, () -> GradChecks.checkGrads(unary(slightlyOff), Vector.of(f64(0.1, 1.2, -2)), 1, BOTH));
        Settings loose = Settings.DEFAULT.withTolerance(new Tolerance(1e-3, 1e-15));
        GradChecks.checkGrads(unary(slightlyOff), Vector.of(f64(0.1, 1.2, -2)), 1, BOTH, loose);
    }

    @Test
    void shouldReplayTheSameDirectionsForTheSameSeed() {
        Function<Seq<Array>, Array> bad = unary(sinWithScaledJvp(1.5));
        Seq<Array> args = Vector.of(f64(0.1, 1.2, -2, 0.4));
        String first = assertThrows(AssertionError.class, () -> GradChecks.checkGrads(bad, args, 1, BOTH, 11)).getMessage();
        String again = assertThrows(AssertionError.class, () -> GradChecks.checkGrads(bad, args, 1, BOTH, 11)).getMessage();
        String other = assertThrows(AssertionError.class, () -> GradChecks.checkGrads(bad, args, 1, BOTH, 12)).getMessage();
        assertEquals(first, again);
        assertNotEquals(first.substring(first.indexOf("worst")), other.substring(other.indexOf("worst")));
    }

    @Test
    void shouldCheckTransposesAgainstForwardMode() {
        Function<Seq<Array>, Array> f = xs -> xs.get(0).matmul(xs.get(1)).sin();
        Seq<Array> args = Vector.of(Jnp.array(new double[][] {{1, 2}, {0.5, -1}, {0, 3}}), Jnp.array(new double[][] {{0.2}, {-0.4}}));
        GradChecks.checkTranspose(f, args, Settings.DEFAULT);
        GradChecks.checkJvp(f, args, Settings.DEFAULT);
        GradChecks.checkVjp(f, args, Settings.DEFAULT);
    }

    @Test
    void shouldRejectIntegerArgumentsAndOutputs() {
        assertThrows(NotDifferentiable.class, () -> GradChecks.checkGrads(unary(x -> x), Vector.of(Jnp.arange(3)), 1, BOTH));
        assertThrows(NotDifferentiable.class, () -> GradChecks.checkGrads(unary(x -> x.gt(0.0)), Vector.of(f32(1f)), 1, BOTH));
    }

    @Test
    void shouldRejectOrdersBelowOneAndEmptyModes() {
        assertThrows(ArgumentError.class, () -> GradChecks.checkGrads(unary(Array::sin), Vector.of(f32(1f)), 0, BOTH));
        assertThrows(ArgumentError.class, () -> GradChecks.checkGrads(unary(Array::sin), Vector.of(f32(1f)), 1, HashSet.empty()));
    }
}
