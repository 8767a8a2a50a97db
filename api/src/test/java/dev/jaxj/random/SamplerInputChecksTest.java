package dev.jaxj.random;

import dev.jaxj.Jnp;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static dev.jaxj.ArrayAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The samplers check their inputs before any internal operation sees them, so that a bad
 * input names the public function ({@code random.categorical}, not the {@code argmax} it is
 * built on) and the offending aval.
 */
class SamplerInputChecksTest {

    @Provide
    Arbitrary<int[]> shapes() {
        return Arbitraries.integers().between(1, 3).array(int[].class).ofMinSize(1).ofMaxSize(3);
    }

    @Property(tries = 40)
    void categoricalShouldNameItselfForAnEmptyCategoryAxis(@ForAll("shapes") int[] dims, @ForAll @IntRange(min = 0, max = 2) int pick,
                                                          @ForAll boolean negativeAxis) {
        int axis = pick % dims.length;
        int[] empty = dims.clone();
        empty[axis] = 0;
        Array logits = Jnp.zeros(Shape.of(empty), DType.F32);
        int given = negativeAxis ? axis - dims.length : axis;
        assertError(ShapeError.class, "random.categorical", () -> Random.categorical(Random.key(0), logits, given),
                "at least one category", "axis " + given, "got " + logits.aval());
    }

    @Property(tries = 30)
    void categoricalShouldNameItselfForAShapeTheBatchDoesNotBroadcastTo(@ForAll("shapes") int[] dims, @ForAll @IntRange(min = 1, max = 3) int offset) {
        Array logits = Jnp.zeros(Shape.of(dims), DType.F32);
        int[] batch = Arrays.copyOf(dims, dims.length - 1);
        if (batch.length == 0) return;      // a scalar batch broadcasts to every shape
        int[] bad = batch.clone();
        bad[bad.length - 1] = batch[batch.length - 1] + offset;
        if (batch[batch.length - 1] == 1) {
            // A size-1 batch axis broadcasts: the draws take the shape argument.
            assertEquals(Shape.of(bad), Random.categorical(Random.key(0), logits, -1, Shape.of(bad)).shape());
            return;
        }
        assertError(ShapeError.class, "random.categorical", () -> Random.categorical(Random.key(0), logits, -1, Shape.of(bad)),
                "shape argument " + Shape.of(bad), "got logits " + logits.aval());
    }

    @Test
    void scalarLogitsShouldBeNamed() {
        Array logits = Array.scalar(1.0, DType.F32);
        assertError(ShapeError.class, "random.categorical", () -> Random.categorical(Random.key(0), logits), "axis of categories", "f32[]");
    }

    /** The bounds and probabilities of the other samplers: a shape they cannot broadcast to is named with the sampler. */
    @Property(tries = 30)
    void samplersShouldNameThemselvesForParametersThatDoNotBroadcastToTheShape(@ForAll @IntRange(min = 1, max = 4) int n,
                                                                              @ForAll @IntRange(min = 1, max = 3) int offset) {
        Key k = Random.key(1);
        Shape s = Shape.of(n);
        Array wide = Jnp.zeros(Shape.of(n + offset), DType.F32), wideInt = Jnp.zeros(Shape.of(n + offset), DType.I32);
        String got = "(" + (n + offset) + ",)";
        assertError(ShapeError.class, "random.uniform", () -> Random.uniform(k, s, DType.F32, wide, Jnp.ones(s, DType.F32)), "minval", wide.aval().toString());
        assertError(ShapeError.class, "random.randint", () -> Random.randint(k, s, wideInt, wideInt, DType.I32), "shape argument " + s, got);
        assertError(ShapeError.class, "random.bernoulli", () -> Random.bernoulli(k, wide, s), "shape argument " + s, got);
        assertError(ShapeError.class, "random.truncated_normal", () -> Random.truncatedNormal(k, wide, wide, s, DType.F32), "shape argument " + s, got);
    }

    @Property(tries = 10)
    void splitShouldRefuseANegativeCountAsAShape(@ForAll @IntRange(min = -5, max = -1) int num) {
        assertError(ShapeError.class, "split", () -> Random.split(Random.key(0), num), "[" + num + "]");
    }
}
