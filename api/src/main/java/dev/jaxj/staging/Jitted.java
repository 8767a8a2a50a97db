package dev.jaxj.staging;

import dev.jaxj.accel.Backend;
import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.array.NanCheck;
import dev.jaxj.array.Placement;
import dev.jaxj.array.Tracer;
import dev.jaxj.autodiff.Leaves;
import dev.jaxj.compiler.kernel.BufferPlan;
import dev.jaxj.core.DebugNans;
import dev.jaxj.core.TraceStack;
import dev.jaxj.errors.FloatingPointError;
import dev.jaxj.errors.JaxjException;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.transforms.control.Programs;
import dev.jaxj.transforms.jit.Compiled;
import dev.jaxj.transforms.jit.JitCache;
import dev.jaxj.transforms.jit.Staging;
import dev.jaxj.transforms.partial.Staged;
import dev.jaxj.tree.TreeDef;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A jit-compiled function of a pytree and a static argument. The first call with a new input
 * structure, new avals or a new static value traces and compiles; later calls run the
 * compiled program. Under another transform or inside another jitted function (inputs are
 * tracers) the function is traced into a {@code pjit} call, which {@code grad}, {@code vmap}
 * and an enclosing {@code jit} transform as a unit (and the compiler inlines).
 *
 * <p>With NaN debugging on ({@link DebugNans}), an output holding a NaN from NaN-free inputs
 * makes the call run the function again op by op to raise at the primitive that produced it;
 * nothing is donated then, so that the inputs survive for that second run.
 *
 * <p>A trace that throws compiles nothing: every caller waiting for it gets the same
 * exception, unwrapped, and the next call traces again.
 *
 * <p>With a {@link Donation}, a call outside every transform deletes the donated arrays and
 * may write outputs into their buffers; under a transform nothing is donated.
 *
 * @param <P> the pytree of array inputs
 * @param <S> the static argument (part of the cache key, compared with {@code equals})
 * @param <R> the pytree of array outputs
 */
public final class Jitted<P, S, R> implements BiFunction<P, S, R> {
    private static final int CAPACITY = Integer.getInteger("jaxj.jit_cache_size", 64);

    private final BiFunction<P, S, R> f;
    private final String name;
    private final JitCache cache;
    private final Donation donation;

    public Jitted(BiFunction<P, S, R> f, String name) {
        this(f, name, Donation.NONE);
    }

    /** A jitted function donating the arguments {@code donation} names. */
    public Jitted(BiFunction<P, S, R> f, String name, Donation donation) {
        this.f = f;
        this.name = name;
        this.cache = new JitCache(name, CAPACITY);
        this.donation = donation;
    }

    @Override
    public R apply(P args, S statics) {
        Leaves in = Leaves.inputs(args, "jit");
        if (in.arrays().exists(a -> a instanceof Tracer)) return call(in, statics);
        Compiled c = compiled(in, statics);
        boolean debugNans = DebugNans.enabled();
        // Under a transform the call's concrete inputs may be constants the outer trace still holds;
        // while debugging NaNs they must outlive the call, which may run the function again.
        boolean donate = !debugNans && !c.plan().donated().isEmpty() && outsideTransforms();
        Seq<Array> outs = c.run(in.arrays(), donate);
        if (debugNans && NanCheck.anyNan(outs) && !NanCheck.anyNan(in.arrays())) findNan(args, statics, in, c);
        @SuppressWarnings("unchecked")
        R out = (R) ((TreeDef) c.outStructure()).unflatten(outs);
        return out;
    }

    /**
     * Under a transform or inside another jitted function, the function is traced into its own
     * program and called as one {@code pjit} equation, as in JAX: transforms handle the call as
     * a unit, and a program about to run inlines it.
     */
    @SuppressWarnings("unchecked")
    private R call(Leaves in, S statics) {
        TreeDef[] outDef = new TreeDef[1];
        Programs.Closed program = Programs.trace(leaves -> {
            Leaves out = Leaves.of(f.apply((P) in.treeDef().unflatten(leaves), statics), "jit");
            outDef[0] = out.treeDef();
            return out.arrays();
        }, in.arrays().map(Array::aval));
        Seq<Array> outs = Bind.bind(new Primitive.Pjit(program.jaxpr(), name), program.consts().appendAll(in.arrays()));
        return (R) outDef[0].unflatten(outs);
    }

    private static boolean outsideTransforms() {
        return TraceStack.current().traces().isEmpty() && TraceStack.current().dynamic().isEmpty();
    }

    /**
     * The compiled program turned NaN-free inputs into a NaN: run {@code f} again eagerly, op by
     * op (JAX's de-optimised re-run), so that the primitive that makes the NaN raises at the
     * user's line. Java side effects of {@code f} happen again. A NaN that came from a captured
     * constant is not an error, as it is not in eager code.
     */
    private void findNan(P args, S statics, Leaves in, Compiled c) {
        boolean rerun = outsideTransforms();
        if (rerun) f.apply(args, statics);
        if (NanCheck.anyNan(c.consts())) return;
        throw new FloatingPointError("jit(" + name + ")", "invalid value (nan) encountered in the outputs of the compiled program;"
                + " with debug_nans on, NaN-free inputs must not give NaN, got " + JaxjException.avals(in.arrays().map(Array::aval))
                + (rerun ? ", but running the function op by op produced no NaN (the fused program rounds differently)"
                        : ", under an outer transform, where the function cannot run again on its own"));
    }

    /** {@return the program for inputs like {@code args}} (as {@code jax.make_jaxpr} prints it) */
    public Jaxpr trace(P args, S statics) {
        Leaves in = Leaves.inputs(args, "make_jaxpr");
        return stage(in.treeDef(), in.arrays().map(Array::aval), statics).staged().jaxpr();
    }

    /** {@return how many times this function has been compiled} */
    public int compilations() { return cache.compilations(); }

    /** {@return the buffer plan compiled for inputs like {@code args}}, compiling it if needed (for tests and tools) */
    public BufferPlan plan(P args, S statics) {
        return compiled(Leaves.inputs(args, "jit"), statics).plan();
    }

    private Compiled compiled(Leaves in, S statics) {
        // The program runs where its inputs live (JAX's rule for committed arrays).
        Backend backend = Placement.of("jit(" + name + ")", in.arrays());
        var key = new JitCache.Key(in.treeDef(), in.arrays().map(Array::aval), Vector.of(statics == null ? Unit.UNIT : statics),
                donation.leaves(in.treeDef()), backend.device());
        return cache.get(key, () -> compile(in.treeDef(), key.avals(), statics, key.donated(), backend));
    }

    private Compiled compile(TreeDef inDef, Seq<ShapedArray> avals, S statics, Seq<Integer> donated, Backend backend) {
        Traced t = stage(inDef, avals, statics);
        return Compiled.of(t.staged(), t.outStructure(), donated, backend);
    }

    private record Traced(Staged staged, TreeDef outStructure) {}

    @SuppressWarnings("unchecked")
    private Traced stage(TreeDef inDef, Seq<ShapedArray> avals, S statics) {
        Leaves[] out = new Leaves[1];
        Staged staged = Staging.trace(leaves -> {
            R result = f.apply((P) inDef.unflatten(leaves), statics);
            out[0] = Leaves.of(result, "jit");
            return out[0].arrays();
        }, avals);
        return new Traced(staged, out[0].treeDef());
    }

    /** The static value of functions without a static argument. */
    public enum Unit { UNIT }

    /** Adapts a one-argument function. */
    public static <P, R> Jitted<P, Unit, R> of(Function<P, R> f, String name) {
        return of(f, name, Donation.NONE);
    }

    /** Adapts a one-argument function that donates what {@code donation} names. */
    public static <P, R> Jitted<P, Unit, R> of(Function<P, R> f, String name, Donation donation) {
        return new Jitted<>((p, u) -> f.apply(p), name, donation);
    }
}
