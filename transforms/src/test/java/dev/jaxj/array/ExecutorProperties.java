package dev.jaxj.array;

import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.transforms.jit.Compiled;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Planned execution equals eager evaluation on random programs: elementwise chains over a
 * pool of values, cut into several loops by library calls (products, sorts, reshapes), with
 * random inputs donated — so dead temporaries and donated inputs get overwritten, and any
 * value overwritten too early shows up as a wrong number.
 */
class ExecutorProperties {
    /** One random program of {@code depth} steps over three k×k inputs, determined by {@code seed}; returns two or three values. */
    static Function<Seq<Array>, Seq<Array>> program(long seed, int depth) {
        return in -> {
            Random r = new Random(seed);
            List<Array> pool = new ArrayList<>(in.asJava());
            // One broadcast constant used in several loops: each loop that uses it stores it (as fusion lowers constants).
            int n0 = in.head().shape().dim(0);
            Array half = Lax.broadcastInDim(Array.scalar(0.5, in.head().dtype()), Shape.of(n0, n0), Vector.empty());
            for (int step = 0; step < depth; step++) {
                Array a = pool.get(r.nextInt(pool.size())), b = pool.get(r.nextInt(pool.size()));
                int k = a.shape().dim(0);
                pool.add(switch (r.nextInt(11)) {
                    case 0 -> a.sin();
                    case 1 -> a.tanh().mul(b);
                    case 2 -> a.add(b).mul(half);
                    case 3 -> a.sub(b).maximum(a.neg());
                    case 4 -> a.matmul(b).tanh();
                    case 5 -> Lax.sort(Vector.of(a), 1, true, 1).head();
                    case 6 -> Lax.sort(Vector.of(a.reshape(k * k)), 0, true, 1).head().reshape(k, k);
                    case 7 -> k == 0 ? a : a.sub(a.max(true, 1));
                    case 8 -> a.transpose().mul(b);
                    case 9 -> Lax.sort(Vector.of(a.mul(half).add(b)), 0, true, 1).head();
                    default -> a.exp().mul(half);
                });
            }
            int n = pool.size();
            return r.nextBoolean() ? Vector.of(pool.get(n - 1), pool.get(n - 2)) : Vector.of(pool.get(n - 1), pool.get(n - 2), pool.get(r.nextInt(3)));
        };
    }

    static Vector<Array> inputs(int k, long seed) {
        Random r = new Random(seed);
        return Vector.range(0, 3).map(i -> {
            float[] v = new float[k * k];
            for (int j = 0; j < v.length; j++) v[j] = (float) (r.nextDouble() * 4 - 2);
            return ExecutorTest.f32(Shape.of(k, k), v);
        });
    }

    @Property(tries = 200)
    void plannedExecutionEqualsEagerEvaluation(@ForAll @IntRange(min = 0, max = 5) int k, @ForAll long seed,
                                               @ForAll @IntRange(min = 1, max = 30) int depth, @ForAll @IntRange(min = 0, max = 7) int donateMask) {
        Function<Seq<Array>, Seq<Array>> f = program(seed, depth);
        Seq<Integer> donated = Vector.range(0, 3).filter(i -> (donateMask >> i & 1) != 0);
        Seq<float[]> eager = f.apply(inputs(k, seed)).map(Array::toFloatArray);
        Compiled c = ExecutorTest.compile(f, donated, inputs(k, seed).toJavaArray(Array[]::new));
        Vector<Array> args = inputs(k, seed);
        Seq<float[]> planned = c.run(args).map(Array::toFloatArray);
        String where = "k=" + k + " seed=" + seed + " depth=" + depth + " donated=" + donated + "\n" + c.plan() + "\n" + c.kernels();
        for (int o = 0; o < eager.size(); o++) {
            float[] want = eager.get(o), got = planned.get(o);
            for (int i = 0; i < want.length; i++) {
                // Fused transcendentals are a few ulps from the eager kernels' correctly rounded values.
                assertEquals(want[i], got[i], 1e-5f * Math.max(1, Math.abs(want[i])), "output " + o + " element " + i + ", " + where);
            }
        }
        for (int i = 0; i < 3; i++) assertEquals(donated.contains(i), ((ConcreteArray) args.get(i)).isDeleted(), "input " + i + ", " + where);
        Seq<float[]> undonated = c.run(inputs(k, seed), false).map(Array::toFloatArray);
        for (int o = 0; o < eager.size(); o++) {
            assertArrayEquals(undonated.get(o), planned.get(o), 0f, "the same kernels with and without donation, output " + o + ", " + where);
        }
    }
}
