package dev.jaxj.testing;

import dev.jaxj.Jax;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.*;

/** The assertions pass on right derivatives and fail on wrong ones, naming op, shape, dtype, seed and worst element. */
class GradCheckTest {
    private static Seq<Array> args(Domain d, DType dtype, int... shape) {
        return d.arrays(new SplittableRandom(9), Vector.of(Shape.of(shape)), dtype);
    }

    /** tanh whose JVP rule forgets the square: 1 - y instead of 1 - y². */
    private static final UnaryOperator<Array> BAD_TANH = Jax.customJvp(Lax::tanh,
            (x, t) -> new Jax.JvpResult<>(Lax.tanh(x), t.mul(x.tanh().neg().add(1.0))));

    @Test
    void shouldPassOnARightDerivativeInEveryLaw() {
        GradCheck c = GradCheck.of("tanh", xs -> Lax.tanh(xs.head()));
        for (DType d : new DType[] {DType.F32, DType.F64}) {
            Seq<Array> x = args(Domain.REAL, d, 2, 3);
            c.assertJvpMatchesCentralDifferences(x, 1);
            c.assertVjpMatchesCentralDifferences(x, 1);
            c.assertVjpIsTransposeOfJvp(x, 1);
            c.assertSecondOrder(x, 1);
        }
    }

    @Test
    void shouldNameOpShapeDtypeSeedAndWorstElementOnFailure() {
        GradCheck c = GradCheck.of("bad_tanh", xs -> BAD_TANH.apply(xs.head()));
        String m = assertThrows(AssertionError.class, () -> c.assertJvpMatchesCentralDifferences(args(Domain.REAL, DType.F32, 2, 3), 77)).getMessage();
        assertTrue(m.contains("bad_tanh"), m);
        assertTrue(m.contains("f32[2,3]"), m);
        assertTrue(m.contains("seed 77"), m);
        assertTrue(m.matches("(?s).*worst element: output 0 \\[\\d, \\d] of f32\\[2,3]: got .*, expected .* \\(abs error .*, rel error .*"), m);
        assertThrows(AssertionError.class, () -> c.assertVjpMatchesCentralDifferences(args(Domain.REAL, DType.F64, 4), 1));
        assertThrows(AssertionError.class, () -> c.assertSecondOrder(args(Domain.REAL, DType.F64, 4), 1));
    }

    @Test
    void shouldApplyToleranceOverridesOfTheArgumentsDtype() {
        // A JVP off by 1e-3 relative is within f32's gradient tolerance (2e-3) but not f64's (1e-5), unless overridden.
        UnaryOperator<Array> off = Jax.customJvp(Lax::sin, (x, t) -> new Jax.JvpResult<>(Lax.sin(x), t.mul(x.cos()).mul(1 + 1e-3)));
        GradCheck c = GradCheck.of("sin", xs -> off.apply(xs.head()));
        Seq<Array> x64 = args(Domain.REAL, DType.F64, 5);
        assertThrows(AssertionError.class, () -> c.assertJvpMatchesCentralDifferences(x64, 3));
        c.withTol(Tol.DEFAULT.withGrad(DType.F64, 2e-3)).assertJvpMatchesCentralDifferences(x64, 3);
        c.assertJvpMatchesCentralDifferences(args(Domain.REAL, DType.F32, 5), 3);
    }

    @Test
    void shouldRecogniseAZeroDerivative() {
        Seq<Array> x = args(Domain.REAL, DType.F32, 3);
        GradCheck.of("stop_gradient", xs -> Lax.stopGradient(xs.head())).assertZeroDerivative(x, 4);
        AssertionError e = assertThrows(AssertionError.class, () -> GradCheck.of("sin", xs -> Lax.sin(xs.head())).assertZeroDerivative(x, 4));
        assertTrue(e.getMessage().startsWith("sin: the derivative must be zero"), e.getMessage());
        assertTrue(e.getMessage().contains("f32[3]; seed 4"), e.getMessage());
    }
}
