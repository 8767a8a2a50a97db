package dev.jaxj.staging;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ConcretizationError;
import dev.jaxj.errors.JaxjException;
import dev.jaxj.errors.TracerLeakError;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every way to read a tracer's data on the host, under every transform: while the transform
 * runs the read raises {@link ConcretizationError}; after the tracer escaped it, {@link TracerLeakError}.
 */
class TracerReadsTest {

    /** The host reads of an array; {@code MASK} reads a bool array to index with it. */
    enum Read {
        TO_FLOAT_ARRAY(Array::toFloatArray), TO_DOUBLE_ARRAY(Array::toDoubleArray), TO_INT_ARRAY(Array::toIntArray),
        TO_LONG_ARRAY(Array::toLongArray), TO_BOOLEAN_ARRAY(Array::toBooleanArray),
        DOUBLE_VALUE(Array::doubleValue), FLOAT_VALUE(Array::floatValue), INT_VALUE(Array::intValue),
        LONG_VALUE(Array::longValue), BOOLEAN_VALUE(Array::booleanValue),
        MASK(null);

        private final Function<Array, Object> read;

        Read(Function<Array, Object> read) { this.read = read; }

        /** A bool scalar is no index at all (JAX rejects it whatever its value), so masks have rank 1. */
        boolean takes(Rank rank) { return this != MASK || rank != Rank.SCALAR; }

        /** Reads {@code x}; a mask read indexes a concrete array of {@code x}'s shape with {@code x > 0}. */
        void apply(Array x, Array boolX) {
            if (read == null) Jnp.zeros(x.shape(), x.dtype()).get(boolX);
            else read.apply(x);
        }
    }

    /** The transforms, each running {@code body} on the tracer of an f32 input of the given shape. */
    enum Transform {
        JIT, GRAD, VMAP, JVP;

        void run(int[] shape, Consumer<Array> body) {
            Array x = Jnp.ones(shape);
            UnaryOperator<Array> f = t -> {
                body.accept(t);
                return t.sum();
            };
            switch (this) {
                case JIT -> Jax.jit(f).apply(x);
                case GRAD -> Jax.grad(f).apply(x);
                case VMAP -> Jax.vmap(f).apply(Jnp.ones(prepend(2, shape)));
                case JVP -> Jax.jvp(f, x, x);
            }
        }

        private static int[] prepend(int n, int[] shape) {
            int[] r = new int[shape.length + 1];
            r[0] = n;
            System.arraycopy(shape, 0, r, 1, shape.length);
            return r;
        }
    }

    enum Rank {
        SCALAR(new int[0]), VECTOR(new int[] {3});

        final int[] shape;

        Rank(int[] shape) { this.shape = shape; }
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void readingAnEscapedTracerIsALeak(@ForAll Read read, @ForAll Transform transform, @ForAll Rank rank) {
        Assume.that(read.takes(rank));
        AtomicReference<Array> value = new AtomicReference<>();
        AtomicReference<Array> mask = new AtomicReference<>();
        transform.run(rank.shape, t -> {
            value.set(t.mul(2.0));
            mask.set(t.gt(0.0));
        });
        TracerLeakError e = assertThrows(TracerLeakError.class, () -> read.apply(value.get(), mask.get()));
        assertTrue(e.getMessage().contains("no longer active"), e.getMessage());
        assertTrue(e.getMessage().contains("TracerReadsTest.java"), "names the user's line: " + e.getMessage());
        assertTrue(value.get().toString().contains("leaked"), "printing never raises: " + value.get());
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void readingATracerInsideItsTransformNeedsAConcreteValue(@ForAll Read read, @ForAll Transform transform, @ForAll Rank rank) {
        Assume.that(read.takes(rank));
        AtomicReference<Throwable> raised = new AtomicReference<>();
        transform.run(rank.shape, t -> {
            try {
                read.apply(t.mul(2.0), t.gt(0.0));
            } catch (JaxjException e) {
                raised.set(e);
            }
            assertFalse(t.toString().contains("leaked"), t.toString());
        });
        assertInstanceOf(ConcretizationError.class, raised.get());
    }

    /** The transforms a leaked tracer may be handed to, each with a function that returns its input untouched. */
    enum Receiver {
        JIT, GRAD, VMAP, JVP, VJP, VALUE_AND_GRAD;

        /** @param scalar a leaked f32[] tracer, @param vector a leaked f32[3] one */
        void apply(Array scalar, Array vector) {
            UnaryOperator<Array> id = a -> a;
            switch (this) {
                case JIT -> Jax.jit(id).apply(vector);
                case GRAD -> Jax.grad(id).apply(scalar);
                case VMAP -> Jax.vmap(id).apply(vector);
                case JVP -> Jax.jvp(id, vector, Jnp.ones(3));
                case VJP -> Jax.vjp(id, vector);
                case VALUE_AND_GRAD -> Jax.valueAndGrad(id).apply(scalar);
            }
        }
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void passingAnEscapedTracerToAnyTransformIsALeakEvenWhenNothingBindsIt(@ForAll Transform transform, @ForAll Receiver receiver) {
        AtomicReference<Array> scalar = new AtomicReference<>(), vector = new AtomicReference<>();
        transform.run(new int[] {3}, t -> {
            vector.set(t.mul(2.0));
            scalar.set(t.mul(2.0).sum());
        });
        TracerLeakError e = assertThrows(TracerLeakError.class, () -> receiver.apply(scalar.get(), vector.get()));
        assertTrue(e.getMessage().contains("TracerReadsTest.java"), "names the user's line: " + e.getMessage());
    }
}
