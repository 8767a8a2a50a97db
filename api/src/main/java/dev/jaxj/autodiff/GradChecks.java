package dev.jaxj.autodiff;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.NotDifferentiable;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.transforms.ad.Ad;
import dev.jaxj.transforms.ad.Linearized;
import dev.jaxj.transforms.jvp.Jvp;
import dev.jaxj.transforms.jvp.JvpRules;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.SplittableRandom;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Gradient checking, as JAX's {@code jax.test_util.check_grads}: forward mode is compared with
 * central differences along a random direction, reverse mode through the inner product
 * {@code <vjp(u), v> = <u, jvp(v)>} for random {@code u, v}, and each order checks the
 * derivative functions of the order below. The differences are evaluated in f64 (arguments
 * widened exactly) with step {@code eps}; derivatives are computed in the arguments' own
 * dtype and held to {@link Tolerance#of}, the loosest among the arguments' and outputs' dtypes.
 * {@snippet :
 * GradChecks.checkGrads(xs -> xs.head().sin().mul(xs.get(1)).sum(), Vector.of(x, y), 2, HashSet.of(Mode.FWD, Mode.REV));
 * }
 * A failure is an {@link AssertionError} naming the check, the function's label, the
 * arguments' avals, the seed, and the worst element with its absolute and relative error.
 */
public final class GradChecks {
    private GradChecks() {}

    /** The differentiation modes to check: forward ({@code jvp}) and reverse ({@code vjp}). */
    public enum Mode { FWD, REV }

    /**
     * How to check.
     *
     * @param label     names the function in failure messages
     * @param seed      fixes the random directions and cotangents
     * @param eps       the central-difference step
     * @param tolerance overrides the dtype defaults when present
     */
    public record Settings(String label, long seed, double eps, Option<Tolerance> tolerance) {
        /** JAX's defaults: step 1e-4, tolerances by dtype, seed 0. */
        public static final Settings DEFAULT = new Settings("f", 0, 1e-4, Option.none());

        public Settings {
            requireNonNull(label, "label is null");
            requireNonNull(tolerance, "tolerance is null");
            if (!(eps > 0)) throw new ArgumentError("check_grads", "eps must be positive, got " + eps);
        }

        public Settings withLabel(String l) { return new Settings(l, seed, eps, tolerance); }
        public Settings withSeed(long s) { return new Settings(label, s, eps, tolerance); }
        public Settings withEps(double e) { return new Settings(label, seed, e, tolerance); }
        public Settings withTolerance(Tolerance t) { return new Settings(label, seed, eps, Option.some(t)); }
    }

    /**
     * Checks the derivatives of {@code f} at {@code args} up to {@code order} in the given modes.
     *
     * @param f     a function of floating arrays to a floating array, generic in the dtype (it is also run in f64)
     * @param order 1 for first derivatives, 2 to also check the derivatives of the derivatives, …
     * @throws AssertionError       when a derivative is off
     * @throws NotDifferentiable    when an argument or the output is not floating-point
     * @throws ArgumentError        when {@code order < 1} or no mode is given
     */
    public static void checkGrads(Function<Seq<Array>, Array> f, Seq<Array> args, int order, Set<Mode> modes) {
        checkGrads(f, args, order, modes, Settings.DEFAULT);
    }

    /** {@link #checkGrads(Function, Seq, int, Set)} with directions drawn from {@code seed}. */
    public static void checkGrads(Function<Seq<Array>, Array> f, Seq<Array> args, int order, Set<Mode> modes, long seed) {
        checkGrads(f, args, order, modes, Settings.DEFAULT.withSeed(seed));
    }

    /** {@link #checkGrads(Function, Seq, int, Set)} with explicit settings. */
    public static void checkGrads(Function<Seq<Array>, Array> f, Seq<Array> args, int order, Set<Mode> modes, Settings settings) {
        if (order < 1) throw new ArgumentError("check_grads", "order must be >= 1, got " + order);
        if (modes.isEmpty()) throw new ArgumentError("check_grads", "needs at least one mode (FWD, REV)");
        check(lift(f), Vector.ofAll(args), order, modes, subject(args, settings), "");
    }

    /** Checks forward mode once: {@code jvp(f)(args; v)} against central differences, and its primal output against {@code f(args)}. */
    public static void checkJvp(Function<Seq<Array>, Array> f, Seq<Array> args, Settings settings) {
        jvp(lift(f), Vector.ofAll(args), subject(args, settings), "JVP");
    }

    /** Checks reverse mode once: {@code <vjp(f)(u), v>} against {@code <u, central differences along v>}. */
    public static void checkVjp(Function<Seq<Array>, Array> f, Seq<Array> args, Settings settings) {
        vjp(lift(f), Vector.ofAll(args), subject(args, settings), "VJP", false);
    }

    /**
     * Checks that reverse mode is the transpose of forward mode: {@code <vjp(f)(u), v> = <u, jvp(f)(v)>},
     * both computed by AD (no finite differences; exact up to rounding for every primitive).
     */
    public static void checkTranspose(Function<Seq<Array>, Array> f, Seq<Array> args, Settings settings) {
        vjp(lift(f), Vector.ofAll(args), subject(args, settings), "VJP", true);
    }

    // ------------------------------------------------------------------------------------------

    /** The function under check and where it was checked, for messages. */
    private record Subject(Settings settings, Seq<ShapedArray> args) {}

    private static Subject subject(Seq<Array> args, Settings settings) {
        requireNonNull(settings, "settings is null");
        requireNonNull(args, "args is null");
        Leaves.differentiable(Vector.ofAll(args), "check_grads");
        return new Subject(settings, Vector.ofAll(args).map(Array::aval));
    }

    private static Function<Seq<Array>, Seq<Array>> lift(Function<Seq<Array>, Array> f) {
        requireNonNull(f, "f is null");
        return in -> Vector.of(f.apply(in));
    }

    /** JAX's recursion: order n checks the jvp and vjp functions themselves at order n - 1. */
    private static void check(Function<Seq<Array>, Seq<Array>> f, Seq<Array> args, int order, Set<Mode> modes, Subject s, String of) {
        if (modes.contains(Mode.FWD)) {
            String what = of.isEmpty() ? "JVP" : "JVP of " + of;
            jvp(f, args, s, what);
            if (order > 1) {
                int n = args.size();
                check(in -> Jvp.jvp(f, in.take(n), in.drop(n)).tangents(), args.appendAll(args), order - 1, modes, s, what);
            }
        }
        if (modes.contains(Mode.REV)) {
            String what = of.isEmpty() ? "VJP" : "VJP of " + of;
            vjp(f, args, s, what, false);
            if (order > 1) {
                check(in -> {
                    Linearized l = Ad.linearize(f, in);
                    return l.vjp(l.primalsOut());
                }, args, order - 1, modes, s, what);
            }
        }
    }

    private static void jvp(Function<Seq<Array>, Seq<Array>> f, Seq<Array> args, Subject s, String what) {
        SplittableRandom rng = Probes.rng(s.settings().seed(), what);
        Seq<Array> v = args.map(a -> Probes.normal(a.aval(), rng));
        JvpRules.Result r = Jvp.jvp(f, args, v);
        Seq<Array> direct = f.apply(args);
        Tolerance tol = tolerance(s, args, direct);
        matchAvals(s, what + " primal outputs", r.primals().map(Array::aval), direct.map(Array::aval));
        matchAvals(s, what + " tangents", r.tangents().map(Array::aval), direct.map(Array::aval));
        Worst.of(r.primals(), Probes.values(direct), tol.value())
                .forEach(w -> fail(s, what + " primal output differs from the function evaluated directly", w));
        Seq<double[]> fd = Probes.centralDifferences(f, args, v, s.settings().eps());
        Worst.of(r.tangents(), fd, tol.grad())
                .forEach(w -> fail(s, what + " differs from central differences (f64, eps " + eps(s) + ")", w));
    }

    /** Reverse mode through one inner product, against central differences or (with {@code againstJvp}) forward mode. */
    private static void vjp(Function<Seq<Array>, Seq<Array>> f, Seq<Array> args, Subject s, String what, boolean againstJvp) {
        SplittableRandom rng = Probes.rng(s.settings().seed(), what);
        Seq<Array> v = args.map(a -> Probes.normal(a.aval(), rng));
        Linearized l = Ad.linearize(f, args);
        Seq<Array> out = l.primalsOut();
        Seq<Array> u = out.map(o -> Probes.normal(o.aval(), rng));
        Seq<Array> ct = l.vjp(u);
        Tolerance tol = tolerance(s, args, out);
        matchAvals(s, what + " cotangents", ct.map(Array::aval), args.map(Array::aval));
        Seq<double[]> forward = againstJvp ? Probes.values(Jvp.jvp(f, args, v).tangents()) : Probes.centralDifferences(f, args, v, s.settings().eps());
        String reference = againstJvp ? "<u, jvp(v)>" : "<u, central differences along v> (f64, eps " + eps(s) + ")";
        double got = Probes.inner(Probes.values(ct), Probes.values(v));
        double expected = Probes.inner(Probes.values(u), forward);
        Worst.ofScalar("<vjp(u), v>", got, expected, tol.grad())
                .forEach(w -> fail(s, what + " is not the transpose of " + reference, w));
    }

    private static Tolerance tolerance(Subject s, Seq<Array> args, Seq<Array> outs) {
        for (Array o : outs) {
            if (!o.dtype().isFloating()) {
                throw new NotDifferentiable("check_grads", "requires floating-point outputs, got " + o.aval() + " from " + s.settings().label());
            }
        }
        return s.settings().tolerance().getOrElse(() -> args.appendAll(outs).map(a -> Tolerance.of(a.dtype())).reduce(Tolerance::loosest));
    }

    private static void matchAvals(Subject s, String what, Seq<ShapedArray> got, Seq<ShapedArray> expected) {
        boolean same = got.size() == expected.size()
                && got.zipWith(expected, (g, e) -> g.shape().equals(e.shape()) && g.dtype() == e.dtype()).forAll(b -> b);
        if (!same) fail(s, what + " have avals " + got.mkString(", ") + " where " + expected.mkString(", ") + " are expected", null);
    }

    private static String eps(Subject s) {
        double e = s.settings().eps(), k = Math.log10(e);
        return k == Math.rint(k) ? "1e" + (int) k : String.format(java.util.Locale.ROOT, "%.3g", e);
    }

    private static void fail(Subject s, String problem, Worst worst) {
        throw new AssertionError("check_grads(" + s.settings().label() + "): " + problem
                + "\n  arguments: " + (s.args().isEmpty() ? "none" : s.args().mkString(", ")) + "; seed " + s.settings().seed()
                + (worst == null ? "" : "\n  worst element: " + worst));
    }
}
