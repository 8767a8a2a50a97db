package dev.jaxj;

import dev.jaxj.accel.Backend;
import dev.jaxj.accel.Backends;
import dev.jaxj.accel.Device;
import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.array.Placement;
import dev.jaxj.autodiff.Differentiate;
import dev.jaxj.autodiff.GradChecks;
import dev.jaxj.autodiff.Jacobians;
import dev.jaxj.autodiff.Leaves;
import dev.jaxj.autodiff.Vectorize;
import dev.jaxj.core.CustomRules;
import dev.jaxj.core.DebugNans;
import dev.jaxj.errors.NotDifferentiable;
import dev.jaxj.ir.CheckpointPolicy;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import dev.jaxj.staging.Donation;
import dev.jaxj.staging.Jitted;
import dev.jaxj.tree.Tree;
import io.vavr.Tuple2;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The transforms: differentiate ({@link #grad}, {@link #valueAndGrad}, {@link #jvp},
 * {@link #vjp}, {@link #linearize}, {@link #jacfwd}, {@link #jacrev}, {@link #hessian}) and
 * define derivatives ({@link #customJvp}, {@link #customVjp}). Functions take and return
 * pytrees of arrays (records, Vavr collections, tuples); they compose to any order.
 * {@snippet :
 * Function<Array, Array> f = x -> x.sin().mul(x).sum();
 * Array g = Jax.grad(f).apply(x);                      // same shape as x
 * Array h = Jax.grad(Jax.grad(y -> y.pow(3).sum())).apply(Jnp.scalar(2f)); // 12
 * }
 */
public final class Jax {
    private Jax() {}

    /** A scalar value and the gradient with respect to the differentiated input. */
    public record ValueAndGrad<P>(Array value, P grad) {}

    /** A scalar value with auxiliary output, as returned by functions passed to the {@code …WithAux} variants. */
    public record WithAux<X>(Array value, X aux) {}

    /** A scalar value, its auxiliary output and the gradient. */
    public record ValueAndGradAux<P, X>(Array value, X aux, P grad) {}

    /** A function's output and its directional derivative. */
    public record JvpResult<R>(R primal, R tangent) {}

    /** A function's output and its pullback (cotangents of the output to cotangents of the input). */
    public record VjpResult<P, R>(R primal, Function<R, P> pullback) {}

    /** A function's output and its derivative as a linear function. */
    public record LinearizeResult<P, R>(R primal, Function<P, R> jvp) {}

    // grad ------------------------------------------------------------------------------------

    /**
     * {@return the gradient function of a scalar-valued {@code f}} The gradient has the
     * structure of the input (a pytree of floating arrays).
     *
     * @throws dev.jaxj.errors.NotDifferentiable when {@code f}'s output is not a real scalar or an input is not floating
     */
    public static <P> Function<P, P> grad(Function<P, Array> f) {
        return x -> valueAndGrad(f, "grad").apply(x).grad();
    }

    /**
     * {@return the complex derivative of a holomorphic, complex-scalar-valued {@code f}}: JAX's
     * {@code grad(f, holomorphic=True)}, the pullback of {@code 1 + 0i}, so {@code f'(z)} itself
     * (no conjugation). Inputs and the output must be complex.
     * {@snippet :
     * Array d = Jax.gradHolomorphic((Array z) -> Lax.mul(z, z)).apply(z0);   // 2 z0
     * }
     *
     * @throws NotDifferentiable when an input or the output is not complex, or the output is not a scalar
     */
    public static <P> Function<P, P> gradHolomorphic(Function<P, Array> f) {
        return x -> {
            for (Array a : Leaves.inputs(x, "grad").arrays()) {
                if (!a.dtype().isComplex()) throw new NotDifferentiable("grad", "with holomorphic=True requires complex inputs, got " + a.aval());
            }
            VjpResult<P, Array> r = vjp(f, x);
            Array out = r.primal();
            if (out.ndim() != 0 || !out.dtype().isComplex()) {
                throw new NotDifferentiable("grad", "with holomorphic=True requires a complex scalar output, got " + out.aval());
            }
            return r.pullback().apply(Lax.convertElementType(Array.scalar(1.0, out.dtype().realType()), out.dtype()));
        };
    }

    /** {@return the gradient of {@code f} with respect to its first argument} (JAX's {@code argnums=0}) */
    public static <P, B> BiFunction<P, B, P> grad(BiFunction<P, B, Array> f) {
        return (p, b) -> valueAndGrad((P q) -> f.apply(q, b), "grad").apply(p).grad();
    }

    /**
     * {@return the gradients with respect to the arguments numbered {@code argnums}}, in that order.
     * {@snippet :
     * Seq<Object> g = Jax.grad((Array w, Array b) -> loss(w, b), 0, 1).apply(w, b);   // [dw, db]
     * }
     */
    public static <A, B> BiFunction<A, B, Seq<Object>> grad(BiFunction<A, B, Array> f, int... argnums) {
        if (argnums.length == 0) throw new dev.jaxj.errors.ArgumentError("grad", "argnums must name at least one argument");
        for (int a : argnums) {
            if (a < 0 || a > 1) throw new dev.jaxj.errors.ArgumentError("grad", "argnums must be 0 or 1 for a two-argument function, got " + a);
        }
        return (a, b) -> {
            Seq<Object> args = Vector.of(a, b);
            Seq<Object> chosen = Vector.ofAll(java.util.Arrays.stream(argnums).boxed()).map(args::get);
            @SuppressWarnings("unchecked")
            Function<Object, Object[]> g = sel -> {
                Seq<Object> s = (Seq<Object>) sel;
                Object[] all = {a, b};
                for (int i = 0; i < argnums.length; i++) all[argnums[i]] = s.get(i);
                return new Object[] {f.apply((A) all[0], (B) all[1])};
            };
            @SuppressWarnings("unchecked")
            Seq<Object> grads = (Seq<Object>) Differentiate.valueAndGrad(g, chosen, "grad").grad();
            return grads;
        };
    }

    /** {@return a function giving both {@code f}'s value and its gradient} */
    public static <P> Function<P, ValueAndGrad<P>> valueAndGrad(Function<P, Array> f) {
        return valueAndGrad(f, "value_and_grad");
    }

    /** {@link #valueAndGrad(Function)} reporting errors as {@code op}, the function the user called. */
    @SuppressWarnings("unchecked")
    private static <P> Function<P, ValueAndGrad<P>> valueAndGrad(Function<P, Array> f, String op) {
        return x -> {
            var r = Differentiate.valueAndGrad(p -> new Object[] {f.apply((P) p)}, x, op);
            return new ValueAndGrad<>(r.value(), (P) r.grad());
        };
    }

    /** {@return value and gradient with respect to the first argument} */
    public static <P, B> BiFunction<P, B, ValueAndGrad<P>> valueAndGrad(BiFunction<P, B, Array> f) {
        return (p, b) -> valueAndGrad((P q) -> f.apply(q, b)).apply(p);
    }

    /** {@return value, auxiliary output and gradient} ({@code has_aux=True}); the auxiliary output is not differentiated. */
    @SuppressWarnings("unchecked")
    public static <P, X> Function<P, ValueAndGradAux<P, X>> valueAndGradWithAux(Function<P, WithAux<X>> f) {
        return x -> {
            var r = Differentiate.valueAndGrad(p -> {
                WithAux<X> w = f.apply((P) p);
                return new Object[] {w.value(), w.aux()};
            }, x, "value_and_grad");
            return new ValueAndGradAux<>(r.value(), (X) r.aux(), (P) r.grad());
        };
    }

    /** {@return value, auxiliary output and gradient with respect to the first argument} */
    public static <P, B, X> BiFunction<P, B, ValueAndGradAux<P, X>> valueAndGradWithAux(BiFunction<P, B, WithAux<X>> f) {
        return (p, b) -> valueAndGradWithAux((P q) -> f.apply(q, b)).apply(p);
    }

    // Forward and reverse mode ------------------------------------------------------------------

    /** {@return {@code f(primals)} and its derivative along {@code tangents}} (pytrees of one structure) */
    @SuppressWarnings("unchecked")
    public static <P, R> JvpResult<R> jvp(Function<P, R> f, P primals, P tangents) {
        var r = Differentiate.jvp(p -> f.apply((P) p), primals, tangents);
        return new JvpResult<>((R) r.primal(), (R) r.tangent());
    }

    /** {@return {@code f(primals)} and the function pulling output cotangents back to input cotangents} */
    @SuppressWarnings("unchecked")
    public static <P, R> VjpResult<P, R> vjp(Function<P, R> f, P primals) {
        var l = Differentiate.linearize(p -> f.apply((P) p), primals, "vjp");
        return new VjpResult<>((R) l.primal(), ct -> (P) l.transposed().apply(ct));
    }

    /** {@return {@code f(primals)} and its derivative as a linear function, evaluated without re-running {@code f}} */
    @SuppressWarnings("unchecked")
    public static <P, R> LinearizeResult<P, R> linearize(Function<P, R> f, P primals) {
        var l = Differentiate.linearize(p -> f.apply((P) p), primals, "linearize");
        return new LinearizeResult<>((R) l.primal(), t -> (R) l.map().apply(t));
    }

    /** {@return the Jacobian by forward mode}, shaped {@code f(x).shape ++ x.shape} */
    public static UnaryOperator<Array> jacfwd(UnaryOperator<Array> f) {
        return x -> Jacobians.jacfwd(f, x);
    }

    /** {@return the Jacobian by reverse mode}, shaped {@code f(x).shape ++ x.shape} */
    public static UnaryOperator<Array> jacrev(UnaryOperator<Array> f) {
        return x -> Jacobians.jacrev(f, x);
    }

    /** {@return the Hessian of a scalar {@code f}} as forward-over-reverse, shaped {@code x.shape ++ x.shape} */
    public static UnaryOperator<Array> hessian(UnaryOperator<Array> f) {
        return jacfwd(jacrev(f));
    }

    // Vectorization ---------------------------------------------------------------------------

    /** vmap's marker for an argument shared by every example, or an output that is the same for each (JAX's {@code None}). */
    public static final Axes NOT_MAPPED = Axes.NOT_MAPPED;

    /** {@return {@code f} mapped over axis 0 of every input array, outputs stacked along axis 0} See {@link Vectorize#vmap(Function, Object, Object)}. */
    public static <P, R> Function<P, R> vmap(Function<P, R> f) { return Vectorize.vmap(f); }

    /**
     * {@return {@code f} vectorized: {@code vmap(f)(xs)} stacks {@code f(x)} over the slices of {@code xs}}
     * {@code inAxes}/{@code outAxes} are pytree prefixes of the argument/output with {@code Integer} or {@link #NOT_MAPPED} leaves.
     * {@snippet :
     * var perExample = Jax.vmap(Jax.grad(loss), Tuple.of(Jax.NOT_MAPPED, 0), 0);   // loss(params, example)
     * }
     */
    public static <P, R> Function<P, R> vmap(Function<P, R> f, Object inAxes, Object outAxes) { return Vectorize.vmap(f, inAxes, outAxes); }

    /** {@return {@code f} vectorized over {@code axisSize} examples} (needed when no argument is mapped) */
    public static <P, R> Function<P, R> vmap(Function<P, R> f, Object inAxes, Object outAxes, int axisSize) { return Vectorize.vmap(f, inAxes, outAxes, axisSize); }

    /** {@return a two-argument {@code f} mapped over axis 0 of every input array} */
    public static <A, B, R> BiFunction<A, B, R> vmap(BiFunction<A, B, R> f) { return Vectorize.vmap(f); }

    /** {@return a two-argument {@code f} vectorized}; {@code inAxes} is one prefix for both arguments or a {@code Tuple2}/two-element list */
    public static <A, B, R> BiFunction<A, B, R> vmap(BiFunction<A, B, R> f, Object inAxes, Object outAxes) { return Vectorize.vmap(f, inAxes, outAxes); }

    /** {@return a two-argument {@code f} vectorized over {@code axisSize} examples} */
    public static <A, B, R> BiFunction<A, B, R> vmap(BiFunction<A, B, R> f, Object inAxes, Object outAxes, int axisSize) { return Vectorize.vmap(f, inAxes, outAxes, axisSize); }

    // Staging ---------------------------------------------------------------------------------

    /**
     * {@return {@code f} compiled for each input structure and set of avals it is called with}
     * The first call traces {@code f} with abstract values and compiles the program; later
     * calls with the same shapes and dtypes run it directly. {@code f} must be pure: Java side
     * effects happen once, at trace time, and Java control flow on array values raises
     * {@code ConcretizationError} (compute both branches and pick with {@code Lax.select} or
     * {@code Jnp.where}, or pass the value as the static argument of {@link #jitStatic}).
     * {@snippet :
     * Function<Array, Array> step = Jax.jit(x -> x.mul(2.0).tanh().sum());
     * step.apply(x);   // traces and compiles
     * step.apply(y);   // same aval: runs the compiled program
     * }
     */
    public static <P, R> Function<P, R> jit(Function<P, R> f) {
        return jit(f, JitOptions.DEFAULT);
    }

    /**
     * Options of {@code jit}, JAX's keyword arguments of {@code jax.jit}.
     *
     * <p>{@code donateArgnums} ({@code donate_argnums}) names positional array arguments the
     * caller gives up: the compiled program may write its outputs into their buffers (same
     * dtype and element count) instead of allocating, so an update such as
     * {@code params = step(params, batch)} needs no second copy of the parameters. The call deletes every donated array;
     * using one afterwards raises {@link dev.jaxj.errors.DeletedArrayError}. Donation is part
     * of the cache key. Nothing is donated under an outer transform ({@code grad(jit(f))},
     * {@code jit} inside {@code jit}), and a donated buffer that another argument, a constant
     * or another array also holds is left intact.
     * {@snippet :
     * import dev.jaxj.Jax.JitOptions;
     *
     * BiFunction<Params, Batch, Params> step = Jax.jit((Params p, Batch b) -> sgd(p, grads(p, b)),
     *         JitOptions.donateArgnums(0));
     * params = step.apply(params, batch);   // the old params are deleted; their buffers may hold the new ones
     * }
     *
     * @param donateArgnums the donated positional arguments: 0 for a one-argument function, 0
     *                      and/or 1 for a two-argument one
     */
    public record JitOptions(io.vavr.collection.SortedSet<Integer> donateArgnums) {
        /** Nothing donated. */
        public static final JitOptions DEFAULT = new JitOptions(io.vavr.collection.TreeSet.empty());

        public JitOptions {
            donateArgnums = io.vavr.collection.TreeSet.ofAll(donateArgnums);
        }

        /** {@return options donating the positional arguments {@code argnums}} */
        public static JitOptions donateArgnums(int... argnums) {
            return new JitOptions(io.vavr.collection.TreeSet.ofAll(argnums));
        }
    }

    /**
     * {@return {@code f} compiled as by {@link #jit(Function)}, with {@code options}}
     *
     * @throws dev.jaxj.errors.ArgumentError when {@code donateArgnums} names anything but argument 0
     */
    public static <P, R> Function<P, R> jit(Function<P, R> f, JitOptions options) {
        var j = Jitted.of(f, f.getClass().getSimpleName(), new Donation(options.donateArgnums(), 1));
        return p -> j.apply(p, Jitted.Unit.UNIT);
    }

    /**
     * {@return a function of two array pytrees compiled as by {@link #jit(Function)}}, with
     * {@code options}; {@code donateArgnums} may name either argument (see {@link JitOptions}).
     * {@snippet :
     * BiFunction<Array, Array, Array> axpy = Jax.jit((Array x, Array y) -> x.mul(2.0).add(y), JitOptions.donateArgnums(1));
     * Array z = axpy.apply(x, y);   // z may live in y's buffer; y is deleted
     * }
     *
     * @throws dev.jaxj.errors.ArgumentError when {@code donateArgnums} names anything but 0 and 1
     */
    public static <A, B, R> BiFunction<A, B, R> jit(BiFunction<A, B, R> f, JitOptions options) {
        var j = new Jitted<Tuple2<A, B>, Jitted.Unit, R>((ab, u) -> f.apply(ab._1, ab._2), f.getClass().getSimpleName(),
                new Donation(options.donateArgnums(), 2));
        return (a, b) -> j.apply(new Tuple2<>(a, b), Jitted.Unit.UNIT);
    }

    /**
     * {@return {@code f} compiled per input avals and per value of its static second argument}
     * ({@code static_argnums=1}); the static value is part of the cache key, so it must be
     * hashable as JAX requires: compared by value all the way down. Records, enums, strings,
     * boxed numbers and Java or Vavr collections of them qualify; a Java array anywhere inside,
     * a jaxj {@code Array}, a lambda or an object without its own {@code equals} and
     * {@code hashCode} does not, since the cache would compare it by identity.
     * {@snippet :
     * record Config(int layers, String activation) {}
     * BiFunction<Array, Config, Array> f = Jax.jitStatic((Array x, Config c) -> ...);
     * }
     *
     * @throws dev.jaxj.errors.ArgumentError at a call whose static value is not hashable, naming
     *         what inside it is compared by identity
     */
    public static <P, S, R> BiFunction<P, S, R> jitStatic(BiFunction<P, S, R> f) {
        return jitStatic(f, JitOptions.DEFAULT);
    }

    /**
     * {@return {@code f} compiled as by {@link #jitStatic(BiFunction)}, with {@code options}}
     *
     * @throws dev.jaxj.errors.ArgumentError when {@code donateArgnums} names anything but
     *         argument 0 (the static argument cannot be donated)
     */
    public static <P, S, R> BiFunction<P, S, R> jitStatic(BiFunction<P, S, R> f, JitOptions options) {
        if (options.donateArgnums().contains(1)) {
            throw new dev.jaxj.errors.ArgumentError("jit", "donateArgnums cannot name the static argument 1, got " + options.donateArgnums().mkString("[", ", ", "]"));
        }
        return new Jitted<>(f, f.getClass().getSimpleName(), new Donation(options.donateArgnums(), 1));
    }

    // Debugging -------------------------------------------------------------------------------

    /**
     * Turns NaN debugging on or off for the whole process, as {@code jax.config.update("jax_debug_nans", on)};
     * {@code -Djaxj.debug_nans=true} turns it on at start-up. While it is on, the first primitive
     * that produces a NaN from NaN-free operands raises {@link dev.jaxj.errors.FloatingPointError}
     * naming the primitive, its operands' avals and the user's line, in eager code, under
     * {@code grad} (backward pass included), {@code vmap} and {@code jvp}; a jitted function whose
     * output holds a NaN runs again op by op to find that primitive. Every result is read on the
     * host, so leave it off outside debugging; off, it costs nothing measurable.
     * {@snippet :
     * Jax.debugNans(true);
     * Jax.grad((Array x) -> x.sqrt().sum()).apply(Jnp.zeros(3));   // FloatingPointError: div in the backward pass of sqrt
     * }
     */
    /**
     * {@code f} with rematerialization, as {@code jax.checkpoint} (alias {@code remat}) with JAX's
     * default policy: reverse mode saves nothing computed inside {@code f} and recomputes it in
     * the backward pass. Values and derivatives are unchanged.
     * {@snippet :
     * Function<Array, Array> layer = Jax.checkpoint((Array x) -> x.matmul(w).tanh());
     * }
     */
    public static <P, R> Function<P, R> checkpoint(Function<P, R> f) {
        return Lax.checkpoint(f, CheckpointPolicy.NOTHING_SAVEABLE);
    }

    /** {@link #checkpoint(Function)} saving what {@code policy} allows (e.g. {@link CheckpointPolicy#dotsSaveable()}). */
    public static <P, R> Function<P, R> checkpoint(Function<P, R> f, CheckpointPolicy policy) {
        return Lax.checkpoint(f, policy);
    }

    /** {@code jax.remat}: the same as {@link #checkpoint(Function, CheckpointPolicy)}. */
    public static <P, R> Function<P, R> remat(Function<P, R> f, CheckpointPolicy policy) {
        return Lax.checkpoint(f, policy);
    }

    public static void debugNans(boolean on) { DebugNans.set(on); }

    /**
     * {@return what {@code body} returns, run with NaN debugging on or off} on the current thread
     * only, whatever the process-wide setting: JAX's {@code with jax.debug_nans(True):}.
     * {@snippet :
     * Array loss = Jax.withDebugNans(true, () -> step.apply(params, batch));
     * }
     */
    public static <T> T withDebugNans(boolean on, java.util.function.Supplier<T> body) { return DebugNans.with(on, body); }

    /** {@return the program {@code f} stages for inputs like {@code args}} in JAX's text form when printed */
    public static <P, R> Jaxpr makeJaxpr(Function<P, R> f, P args) {
        return Jitted.of(f, "make_jaxpr").trace(args, Jitted.Unit.UNIT);
    }

    /** {@return the avals of {@code f}'s outputs for inputs like {@code args}} computed by tracing, not running, {@code f} */
    public static <P, R> Seq<ShapedArray> evalShape(Function<P, R> f, P args) {
        return makeJaxpr(f, args).outAvals();
    }

    // Checking derivatives ------------------------------------------------------------------

    /**
     * JAX's {@code check_grads}: compares forward ({@code FWD}) and reverse ({@code REV}) mode
     * derivatives of {@code f} at {@code args}, up to {@code order}, with central differences
     * in f64 along random directions, at JAX's per-dtype tolerances.
     * {@snippet :
     * Jax.checkGrads(xs -> xs.get(0).tanh().sum(), Vector.of(x), 2, HashSet.of(GradChecks.Mode.FWD, GradChecks.Mode.REV));
     * }
     * @throws AssertionError naming the argument avals, the seed and the worst element when a derivative is off
     */
    public static void checkGrads(Function<Seq<Array>, Array> f, Seq<Array> args, int order, io.vavr.collection.Set<GradChecks.Mode> modes) {
        GradChecks.checkGrads(f, args, order, modes);
    }

    /** {@link #checkGrads} with the random directions drawn from {@code seed}. */
    public static void checkGrads(Function<Seq<Array>, Array> f, Seq<Array> args, int order, io.vavr.collection.Set<GradChecks.Mode> modes, long seed) {
        GradChecks.checkGrads(f, args, order, modes, seed);
    }

    // Custom derivatives ----------------------------------------------------------------------

    /** A JVP rule of one-argument functions: (x, t) to (f(x), tangent of f at x along t). */
    @FunctionalInterface
    public interface JvpRule {
        JvpResult<Array> apply(Array primal, Array tangent);
    }

    /**
     * {@return {@code f} with the derivative given by {@code rule}} (JAX's {@code custom_jvp}),
     * used by every differentiation transform, at any order.
     * {@snippet :
     * UnaryOperator<Array> safeLog1pExp = Jax.customJvp(
     *         x -> x.exp().log1p(),
     *         (x, t) -> new Jax.JvpResult<>(x.exp().log1p(), t.mul(x.sigmoid())));
     * }
     */
    public static UnaryOperator<Array> customJvp(UnaryOperator<Array> f, JvpRule rule) {
        var r = new CustomRules.Jvp(in -> Vector.of(f.apply(in.head())), (p, t) -> {
            JvpResult<Array> out = rule.apply(p.head(), t.head());
            return new CustomRules.PrimalsTangents(Vector.of(out.primal()), Vector.of(out.tangent()));
        });
        return x -> Bind.bindCustomJvp(r, Vector.of(x)).head();
    }

    /** Output and residuals of a custom VJP's forward rule. */
    public record Residuals(Array output, Seq<Array> residuals) {}

    /**
     * {@return {@code f} whose reverse-mode derivative is {@code bwd}} (JAX's {@code custom_vjp}):
     * {@code fwd} computes the output and the residuals that {@code bwd(residuals, ct)} needs to
     * return the input cotangent. Forward mode through it raises {@code NotDifferentiable}.
     */
    public static UnaryOperator<Array> customVjp(UnaryOperator<Array> f, Function<Array, Residuals> fwd,
                                                 BiFunction<Seq<Array>, Array, Array> bwd) {
        var r = new CustomRules.Vjp(in -> Vector.of(f.apply(in.head())),
                in -> {
                    Residuals res = fwd.apply(in.head());
                    return new CustomRules.OutputsResiduals(Vector.of(res.output()), res.residuals());
                },
                (res, cts) -> Vector.of(bwd.apply(res, cts.head())));
        return x -> Bind.bindCustomVjp(r, Vector.of(x)).head();
    }

    // Devices -----------------------------------------------------------------------------------

    /**
     * {@return every device here}: {@code cpu:0}, then one per OpenCL device where an OpenCL
     * driver is installed (JAX's {@code jax.devices()} lists the default platform's; ask
     * {@link #devices(String)} for one platform)
     */
    public static Seq<Device> devices() {
        return Backends.all().map(Backend::device);
    }

    /**
     * {@return the devices of {@code platform}} ({@code "cpu"} or {@code "opencl"}), e.g.
     * {@snippet :
     * Device gpu = Jax.devices("opencl").head();
     * Array x = Jax.devicePut(Jnp.ones(Shape.of(1024)), gpu);   // committed to the device
     * Array y = Jax.jit((Array a) -> a.mul(2.0).sin()).apply(x); // compiled for it, runs there
     * }
     * @throws dev.jaxj.errors.BackendError for an unknown platform, or one without devices here (saying why)
     */
    public static Seq<Device> devices(String platform) {
        return Backends.platform(platform).map(Backend::device);
    }

    /** {@return the platform eager operations run on by default}: {@code cpu}, or what {@code -Djaxj.platform} names */
    public static String defaultBackend() {
        return Backends.defaultBackend().name();
    }

    /**
     * {@return every array of the pytree {@code tree} copied to {@code device} and committed to
     * it} (JAX's {@code jax.device_put}): operations and jitted functions on committed arrays
     * run on their device, and their results stay there until read
     */
    public static <T> T devicePut(T tree, Device device) {
        return Tree.map(tree, x -> Placement.put((Array) x, device));
    }
}
