package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.errors.JaxjException;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.nn.Activations;
import dev.jaxj.nn.Dense;
import dev.jaxj.nn.Losses;
import dev.jaxj.optim.Optim;
import io.vavr.collection.Vector;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.function.Consumer;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Functions built from other operations validate their own inputs: an error names the function
 * the user called, not the operation inside it that would have failed, and shows the user's aval.
 */
class PublicNamesTest {

    /**
     * @param op    the public name the error must carry
     * @param input the user's offending array for a size {@code n >= 1}: its aval must be shown
     * @param call  the public call on it that must fail
     */
    record Case(String op, IntFunction<Array> input, Consumer<Array> call) {
        @Override
        public String toString() { return op; }
    }

    private static Array f32(int... shape) { return Jnp.zeros(Shape.of(shape), DType.F32); }

    private static int n(Array x) { return x.shape().dim(0); }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.of(
                new Case("random.categorical", n -> f32(n, 0), l -> Random.categorical(Random.key(0), l)),
                new Case("std", n -> f32(n), x -> Jnp.std(x, 1)),
                new Case("trace", n -> f32(n), Jnp::trace),
                new Case("hstack", n -> f32(n, 2), x -> Jnp.hstack(x, f32(n(x) + 1, 2))),
                new Case("vstack", n -> f32(2, n), x -> Jnp.vstack(x, f32(2, x.shape().dim(1) + 1))),
                new Case("allclose", n -> f32(n + 1), x -> Jnp.allclose(x, f32(n(x) + 1))),
                new Case("mean_squared_error", n -> f32(n + 1), x -> Losses.meanSquaredError(x, f32(n(x) + 1))),
                new Case("softmax_cross_entropy", n -> f32(), x -> Losses.softmaxCrossEntropy(x, x)),
                new Case("log_softmax", n -> f32(n), x -> Activations.logSoftmax(x, n(x) + 1)),
                new Case("Dense", n -> f32(2, n + 1), x -> Dense.forward(Dense.Params.noBias(f32(x.shape().dim(1) - 1, 3)), x)),
                new Case("apply_updates", n -> f32(n + 1), u -> Optim.applyUpdates(Vector.of(f32(n(u) - 1)), Vector.of(u))),
                new Case("grad", n -> f32(n), x -> Jax.grad((Array y) -> y.mul(2.0)).apply(x)),
                new Case("clip", n -> f32(n + 1), x -> Jnp.clip(x, f32(n(x) + 1), f32(1))),
                new Case("clip", n -> Jnp.zeros(Shape.of(n), DType.I32), x -> Jnp.clip(x, 0L, 1L << 40)));
    }

    @Property(tries = 60)
    void errorsShouldNameThePublicFunctionAndTheAval(@ForAll("cases") Case c, @ForAll @IntRange(min = 1, max = 4) int n) {
        Array x = c.input().apply(n);
        JaxjException e = assertThrows(JaxjException.class, () -> c.call().accept(x), c.op());
        assertEquals(c.op(), e.op(), e.getMessage());
        assertTrue(e.getMessage().contains(x.aval().toString()), () -> "'" + x.aval() + "' missing from: " + e.getMessage());
    }
}
