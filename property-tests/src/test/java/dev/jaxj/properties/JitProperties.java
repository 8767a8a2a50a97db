package dev.jaxj.properties;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.collection.Vector;
import net.jqwik.api.*;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code jit(f)} equals {@code f} on random programs over random shapes (rank 0 and zero-size
 * included): elementwise chains, scalars, broadcasts of lower-rank operands, reductions with
 * keepdims broadcast back (the softmax pattern), reshapes and transposes.
 */
class JitProperties {
    @Provide
    Arbitrary<int[]> shapes() {
        return Arbitraries.integers().between(0, 4).array(int[].class).ofMinSize(0).ofMaxSize(3);
    }

    static Array data(Shape s, Random r) {
        float[] v = new float[s.size()];
        for (int i = 0; i < v.length; i++) v[i] = (float) (r.nextDouble() * 4 - 2);
        return Jnp.array(v, DType.F32, s.toArray());
    }

    /** One random program of {@code depth} steps, determined by {@code seed}. */
    static Function<Vector<Array>, Array> program(long seed, int depth) {
        return in -> {
            Random r = new Random(seed);
            Array x = in.get(0), y = in.get(1), row = in.get(2);
            Array v = x;
            for (int step = 0; step < depth; step++) {
                v = switch (r.nextInt(12)) {
                    case 0 -> v.sin();
                    case 1 -> v.tanh();
                    case 2 -> v.mul(y);
                    case 3 -> v.add(row);
                    case 4 -> v.sub(1.5);
                    case 5 -> v.maximum(y);
                    case 6 -> v.abs().add(0.5).log();
                    case 7 -> v.sigmoid();
                    case 8 -> v.ndim() == 0 || v.shape().dim(-1) == 0 ? v : v.sub(v.max(true, v.ndim() - 1));
                    case 9 -> v.ndim() == 0 ? v : v.mul(v.sum(true, v.ndim() - 1));
                    case 10 -> v.transpose().transpose();
                    default -> v.reshape(v.size()).reshape(v.shape().toArray());
                };
            }
            return v.add(x);
        };
    }

    @Property(tries = 120)
    void jitEqualsEagerOnRandomPrograms(@ForAll("shapes") int[] dims, @ForAll long seed) {
        Shape s = Shape.of(dims);
        Random r = new Random(seed);
        Array x = data(s, r), y = data(s, r);
        Array row = data(dims.length == 0 ? Shape.SCALAR : Shape.of(dims[dims.length - 1]), r);
        Function<Vector<Array>, Array> f = program(seed, 1 + r.nextInt(6));
        Vector<Array> args = Vector.of(x, y, row);
        float[] eager = f.apply(args).toFloatArray();
        Function<Vector<Array>, Array> jitted = Jax.jit(f);
        float[] compiled = jitted.apply(args).toFloatArray();
        assertEquals(eager.length, compiled.length);
        for (int i = 0; i < eager.length; i++) {
            // Fused transcendentals are a few ulps from the eager kernels' correctly rounded values.
            float tol = 1e-5f * Math.max(1, Math.abs(eager[i]));
            assertEquals(eager[i], compiled[i], tol, "element " + i + " of " + Arrays.toString(dims) + ", seed " + seed);
        }
        assertArrayEquals(compiled, jitted.apply(args).toFloatArray(), 0f, "a second call runs the cached program");
    }

    @Property(tries = 40)
    void jitOfGradEqualsGrad(@ForAll("shapes") int[] dims, @ForAll long seed) {
        Random r = new Random(seed);
        Shape s = Shape.of(dims);
        Array x = data(s, r), y = data(s, r);
        Array row = data(dims.length == 0 ? Shape.SCALAR : Shape.of(dims[dims.length - 1]), r);
        Function<Vector<Array>, Array> f = program(seed, 1 + r.nextInt(4));
        Function<Array, Array> loss = a -> f.apply(Vector.of(a, y, row)).sum();
        float[] eager = Jax.grad(loss).apply(x).toFloatArray();
        float[] compiled = Jax.jit(Jax.grad(loss)).apply(x).toFloatArray();
        for (int i = 0; i < eager.length; i++) {
            assertEquals(eager[i], compiled[i], 1e-4f * Math.max(1, Math.abs(eager[i])), "element " + i + ", seed " + seed);
        }
    }

    /** Per-example gradients agree however jit, grad and vmap are ordered. */
    @Property(tries = 25)
    void jitGradAndVmapCommute(@ForAll("shapes") int[] dims, @ForAll long seed) {
        Random r = new Random(seed);
        int batch = 1 + r.nextInt(3);
        Shape s = Shape.of(dims);
        Array y = data(s, r);
        Array row = data(dims.length == 0 ? Shape.SCALAR : Shape.of(dims[dims.length - 1]), r);
        int[] batched = new int[dims.length + 1];
        batched[0] = batch;
        System.arraycopy(dims, 0, batched, 1, dims.length);
        Array xs = data(Shape.of(batched), r);
        Function<Vector<Array>, Array> f = program(seed, 1 + r.nextInt(4));
        Function<Array, Array> loss = a -> f.apply(Vector.of(a, y, row)).sum();
        float[] reference = Jax.vmap(Jax.grad(loss)).apply(xs).toFloatArray();
        var orders = Vector.<Function<Array, Array>>of(
                Jax.jit(Jax.vmap(Jax.grad(loss))),
                Jax.vmap(Jax.jit(Jax.grad(loss))),
                Jax.vmap(Jax.grad(Jax.jit(loss))),
                Jax.jit(Jax.vmap(Jax.jit(Jax.grad(Jax.jit(loss))))));
        for (int k = 0; k < orders.size(); k++) {
            float[] got = orders.get(k).apply(xs).toFloatArray();
            assertEquals(reference.length, got.length);
            for (int i = 0; i < got.length; i++) {
                assertEquals(reference[i], got[i], 1e-4f * Math.max(1, Math.abs(reference[i])), "order " + k + ", element " + i + ", seed " + seed);
            }
        }
    }
}
