package dev.jaxj.testing;

import dev.jaxj.Jax;
import dev.jaxj.array.Array;
import dev.jaxj.autodiff.GradChecks;
import dev.jaxj.autodiff.GradChecks.Mode;
import dev.jaxj.autodiff.GradChecks.Settings;
import dev.jaxj.ir.DType;
import io.vavr.collection.HashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.SplittableRandom;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Gradient assertions for properties, on top of {@link GradChecks}: each one checks one law of
 * {@code f}'s derivatives at given arguments and, on failure, throws an {@link AssertionError}
 * that names the op, the arguments' shapes and dtypes, the seed, and the worst element with
 * its absolute and relative error, so that the case replays from the report alone.
 * {@snippet :
 * // a jqwik property
 * void sinHasTheRightJvp(@ForAll("shapes") Shape s, @ForAll long seed) {
 *     Seq<Array> x = Domain.REAL.arrays(new SplittableRandom(seed), Vector.of(s), DType.F32);
 *     GradCheck.of("sin", xs -> xs.head().sin()).assertJvpMatchesCentralDifferences(x, seed);
 * }
 * }
 *
 * @param op  names the function under test in messages
 * @param f   the function, generic in the floating dtype (it is also evaluated in f64)
 * @param tol tolerance overrides (JAX's defaults otherwise)
 */
public record GradCheck(String op, Function<Seq<Array>, Array> f, Tol tol) {
    public GradCheck {
        requireNonNull(op, "op is null");
        requireNonNull(f, "f is null");
        requireNonNull(tol, "tol is null");
    }

    /** {@return a check of {@code f}, named {@code op}, at JAX's default tolerances} */
    public static GradCheck of(String op, Function<Seq<Array>, Array> f) {
        return new GradCheck(op, f, Tol.DEFAULT);
    }

    /** {@return this check with tolerance overrides} */
    public GradCheck withTol(Tol t) { return new GradCheck(op, f, t); }

    /** Forward mode against central differences in f64, and the primal output against {@code f} itself. */
    public void assertJvpMatchesCentralDifferences(Seq<Array> args, long seed) {
        GradChecks.checkJvp(f, args, settings(args, seed));
    }

    /** Reverse mode against central differences in f64, through {@code <vjp(u), v> = <u, (f(x + eps v) - f(x - eps v)) / 2 eps>}. */
    public void assertVjpMatchesCentralDifferences(Seq<Array> args, long seed) {
        GradChecks.checkVjp(f, args, settings(args, seed));
    }

    /** Reverse mode is the transpose of forward mode: {@code <vjp(u), v> = <u, jvp(v)>}. */
    public void assertVjpIsTransposeOfJvp(Seq<Array> args, long seed) {
        GradChecks.checkTranspose(f, args, settings(args, seed));
    }

    /** Both modes to second order: the jvp and vjp functions are themselves checked in both modes. */
    public void assertSecondOrder(Seq<Array> args, long seed) {
        GradChecks.checkGrads(f, args, 2, HashSet.of(Mode.FWD, Mode.REV), settings(args, seed));
    }

    /** The derivative is exactly zero in both modes (as for {@code stop_gradient}), along seeded random directions. */
    public void assertZeroDerivative(Seq<Array> args, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Seq<Array> v = Vector.ofAll(args).map(a -> Domain.REAL.arrays(rng, Vector.of(a.shape()), a.dtype()).head());
        Array tangent = Jax.jvp(f, Vector.ofAll(args), v).tangent();
        assertAllZero("jvp", tangent, args, seed);
        var vjp = Jax.vjp(f, Vector.ofAll(args));
        Array u = Domain.REAL.arrays(rng, Vector.of(vjp.primal().shape()), vjp.primal().dtype()).head();
        Seq<Array> cts = vjp.pullback().apply(u);
        for (int i = 0; i < cts.size(); i++) assertAllZero("vjp cotangent " + i, cts.get(i), args, seed);
    }

    private void assertAllZero(String what, Array a, Seq<Array> args, long seed) {
        double[] v = a.toDoubleArray();
        for (int k = 0; k < v.length; k++) {
            if (v[k] != 0) {
                throw new AssertionError(op + ": the derivative must be zero, but the " + what + " has " + v[k] + " at flat index " + k
                        + " of " + a.aval() + "\n  arguments: " + args.map(Array::aval).mkString(", ") + "; seed " + seed);
            }
        }
    }

    private Settings settings(Seq<Array> args, long seed) {
        Settings s = Settings.DEFAULT.withLabel(op).withSeed(seed);
        DType loosest = args.isEmpty() ? DType.F64 : args.map(Array::dtype).minBy(DType::bits).get();
        return tol.override(loosest).map(s::withTolerance).getOrElse(s);
    }
}
