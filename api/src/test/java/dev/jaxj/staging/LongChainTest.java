package dev.jaxj.staging;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.compiler.kernel.Fusion;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code y = y * 1.0001 + 0.001}, up to 10,000 times, eagerly and under every transform, on a
 * thread with a 512 KiB stack (surefire's threads have 8 MiB, which would hide an overflow),
 * against the same recurrence in double precision.
 *
 * <p>Error bounds, from the standard model {@code fl(a op b) = (a op b)(1 + d)}, {@code |d| <= u}
 * ({@code 2^-24} in f32, {@code 2^-53} in f64, where loops run in the tile interpreter):
 * <ul>
 *   <li>Values: with {@code e_k} the error of the computed {@code y_k}, one link gives
 *       {@code e_{k+1} <= A e_k + u A |y^_k| + u |y^_{k+1}|}, and {@code |y^_k| <= |y_k| + E_k}; the
 *       bound {@code E_k} is run alongside the reference. For 10,000 links in f32 it is about
 *       {@code 2u (A^n - 1)/(A - 1) max|y|}, some {@code 2e-3 max|y|}.</li>
 *   <li>Tangents and gradients are {@code t A^n}: a product of {@code n} roundings in whatever
 *       order the program multiplies, so within {@code gamma_n = n u / (1 - n u)} of it, relatively.</li>
 * </ul>
 * The reference itself runs in double, so its own bound (the same with {@code u = 2^-53}) is added.
 */
class LongChainTest {
    private static final double U64 = 0x1p-53;

    /** The element type of a run, with the unit roundoff of its arithmetic and the values its scalars become. */
    enum Precision {
        F32(0x1p-24, 1.0001f, 0.001f), F64(U64, 1.0001, 0.001);

        final double u, a, b;

        Precision(double u, double a, double b) {
            this.u = u;
            this.a = a;
            this.b = b;
        }

        Array array(double[] xs) {
            if (this == F64) return Jnp.array(xs);
            float[] f = new float[xs.length];
            for (int i = 0; i < f.length; i++) f[i] = (float) xs[i];
            return Jnp.array(f);
        }
    }

    enum Mode { EAGER, JIT, VMAP, VMAP_OF_JIT, JIT_OF_VMAP, JVP, JVP_OF_JIT, GRAD, GRAD_OF_JIT, JIT_OF_GRAD }

    static Array chain(Array x, int n) {
        Array y = x;
        for (int i = 0; i < n; i++) y = y.mul(1.0001).add(0.001);
        return y;
    }

    /** {@return what {@code mode} computes for the chain of {@code n} links at {@code x}} (a tangent along {@code x}, or a gradient of the sum) */
    static Array run(Mode mode, int n, Array x) {
        Function<Array, Array> f = a -> chain(a, n);
        Function<Array, Array> sum = a -> chain(a, n).sum();
        return switch (mode) {
            case EAGER -> f.apply(x);
            case JIT -> Jax.jit(f).apply(x);
            case VMAP -> Jax.vmap(f).apply(x);
            case VMAP_OF_JIT -> Jax.vmap(Jax.jit(f)).apply(x);
            case JIT_OF_VMAP -> Jax.jit(Jax.vmap(f)).apply(x);
            case JVP -> Jax.jvp(f, x, x).tangent();
            case JVP_OF_JIT -> Jax.jvp(Jax.jit(f), x, x).tangent();
            case GRAD -> Jax.grad(sum).apply(x);
            case GRAD_OF_JIT -> Jax.grad((Array a) -> Jax.jit(f).apply(a).sum()).apply(x);
            case JIT_OF_GRAD -> Jax.jit(Jax.grad(sum)).apply(x);
        };
    }

    /** Checks {@code mode}'s result for input {@code xs} against the double-precision recurrence and its error bound. */
    static void check(Mode mode, int n, double[] xs, Precision p) throws Throwable {
        Array x = p.array(xs);
        double[] got = onSmallStack(() -> run(mode, n, x).toDoubleArray());
        assertEquals(xs.length, got.length, mode + " n=" + n);
        double gamma = gamma(n, p.u) + gamma(n + 1, U64);   // the reference's own pow is within one more rounding
        double power = Math.pow(p.a, n);
        double[] inputs = x.toDoubleArray();   // as rounded to the precision
        for (int i = 0; i < xs.length; i++) {
            double x0 = inputs[i];
            Reference r = switch (mode) {
                case EAGER, JIT, VMAP, VMAP_OF_JIT, JIT_OF_VMAP -> recurrence(x0, n, p);
                case JVP, JVP_OF_JIT -> new Reference(x0 * power, gamma * Math.abs(x0 * power));
                case GRAD, GRAD_OF_JIT, JIT_OF_GRAD -> new Reference(power, gamma * power);
            };
            double error = Math.abs(got[i] - r.value());
            assertTrue(error <= r.bound(), mode + " in " + p + " of " + n + " links at x[" + i + "] = " + x0 + ": expected " + r.value()
                    + ", got " + got[i] + ", error " + error + " over the bound " + r.bound());
        }
    }

    private static double gamma(int n, double u) {
        return n * u / (1 - n * u);
    }

    /** The exact value and how far from it an evaluation may land. */
    record Reference(double value, double bound) {}

    /**
     * {@return the chain's value at {@code x} in double precision, with the bound of the
     * evaluation in {@code p} plus that of this reference (see the class comment)}
     */
    static Reference recurrence(double x, int n, Precision p) {
        double y = x, e = 0, own = 0;
        for (int k = 0; k < n; k++) {
            double next = y * p.a + p.b;
            e = (p.a * e + p.u * p.a * (Math.abs(y) + e) + p.u * Math.abs(next)) / (1 - p.u);
            own = (p.a * own + U64 * p.a * (Math.abs(y) + own) + U64 * Math.abs(next)) / (1 - U64);
            y = next;
        }
        return new Reference(y, e + own);
    }

    /** Runs {@code task} on a thread with a 512 KiB stack, rethrowing what it throws. */
    static <T> T onSmallStack(Supplier<T> task) throws Throwable {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(task.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", 512 * 1024);
        t.start();
        t.join();
        if (failure.get() != null) throw failure.get();
        return result.get();
    }

    /** 1, 2, around the points where fusion may and must cut (a link is 4 nodes), and long chains. */
    @Provide
    Arbitrary<Integer> lengths() {
        int mayCut = (Fusion.CUT_FROM_NODES - 1) / 4, mustCut = (Fusion.MAX_LOOP_NODES - 1) / 4;
        return Arbitraries.of(1, 2, mayCut, mayCut + 1, mustCut, mustCut + 1, 600, 1_500, 10_000);
    }

    private static double[] ramp() {
        double[] xs = new double[11];
        for (int i = 0; i < xs.length; i++) xs[i] = -2 + 0.4 * i;
        return xs;
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void everyTransformOfALongChainMatchesTheRecurrence(@ForAll("lengths") int n, @ForAll Mode mode) throws Throwable {
        check(mode, n, ramp(), Precision.F32);
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void aLongF64ChainMatchesTheRecurrence(@ForAll("lengths") int n, @ForAll("f64Modes") Mode mode) throws Throwable {
        check(mode, n, ramp(), Precision.F64);
    }

    @Provide
    Arbitrary<Mode> f64Modes() {
        return Arbitraries.of(Mode.EAGER, Mode.JIT, Mode.JIT_OF_GRAD);
    }

    @Property(tries = 40)
    void anyInputOfAChainMatchesTheRecurrence(@ForAll @Size(max = 40) List<@DoubleRange(min = -2, max = 2) Double> values,
                                              @ForAll @IntRange(min = 1, max = 700) int n, @ForAll Mode mode,
                                              @ForAll Precision p) throws Throwable {
        check(mode, n, values.stream().mapToDouble(Double::doubleValue).toArray(), p);
    }
}
