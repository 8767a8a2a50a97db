package dev.jaxj.staging;

import dev.jaxj.array.Array;
import dev.jaxj.array.Tracer;
import dev.jaxj.autodiff.Leaves;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.ShapedArray;
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
 * compiled program. Under another transform (inputs are tracers) the function is traced
 * inline, so {@code grad(jit(f))} and {@code vmap(jit(f))} see through it.
 *
 * @param <P> the pytree of array inputs
 * @param <S> the static argument (part of the cache key, compared with {@code equals})
 * @param <R> the pytree of array outputs
 */
public final class Jitted<P, S, R> implements BiFunction<P, S, R> {
    private static final int CAPACITY = Integer.getInteger("jaxj.jit_cache_size", 64);

    private final BiFunction<P, S, R> f;
    private final JitCache cache;

    public Jitted(BiFunction<P, S, R> f, String name) {
        this.f = f;
        this.cache = new JitCache(name, CAPACITY);
    }

    @Override
    public R apply(P args, S statics) {
        Leaves in = Leaves.of(args, "jit");
        if (in.arrays().exists(a -> a instanceof Tracer)) return f.apply(args, statics);
        var key = new JitCache.Key(in.treeDef(), in.arrays().map(Array::aval), Vector.of(statics == null ? Unit.UNIT : statics));
        Compiled c = cache.get(key, () -> compile(in.treeDef(), key.avals(), statics));
        @SuppressWarnings("unchecked")
        R out = (R) ((TreeDef) c.outStructure()).unflatten(c.run(in.arrays()));
        return out;
    }

    /** {@return the program for inputs like {@code args}} (as {@code jax.make_jaxpr} prints it) */
    public Jaxpr trace(P args, S statics) {
        Leaves in = Leaves.of(args, "make_jaxpr");
        return stage(in.treeDef(), in.arrays().map(Array::aval), statics).staged().jaxpr();
    }

    /** {@return how many times this function has been compiled} */
    public int compilations() { return cache.compilations(); }

    private Compiled compile(TreeDef inDef, Seq<ShapedArray> avals, S statics) {
        Traced t = stage(inDef, avals, statics);
        return Compiled.of(t.staged(), t.outStructure());
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
        return new Jitted<>((p, u) -> f.apply(p), name);
    }
}
