package dev.jaxj.array;

import dev.jaxj.accel.Backend;
import dev.jaxj.accel.Executable;
import dev.jaxj.compiler.kernel.BufferPlan;
import dev.jaxj.compiler.kernel.Fusion;
import dev.jaxj.compiler.pass.Passes;
import dev.jaxj.ir.Atom;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Eager operations as one-equation programs, compiled through the same compiler and backend
 * as jitted ones — so a primitive has one implementation per backend, and an operation gives
 * the same bits eagerly and under {@code jit}. The executables of recent operations are kept,
 * by primitive (with its static params), operand avals and backend, so an operation repeated
 * in a Java loop is compiled once.
 */
final class EagerPrograms {
    private EagerPrograms() {}

    private static final int CAPACITY = 2048;

    private record Key(Primitive prim, Seq<ShapedArray> avals, Backend backend) {}

    /** Least recently used first; evicted executables are unloaded with their generated code. */
    private static final Map<Key, Executable> CACHE = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Executable> eldest) {
            return size() > CAPACITY;
        }
    };

    /** {@return the executable of {@code p} applied to operands of {@code avals} on {@code backend}} (their shape rule has passed) */
    static Executable of(Primitive p, Seq<ShapedArray> avals, Backend backend) {
        var key = new Key(p, avals, backend);
        synchronized (CACHE) {
            Executable cached = CACHE.get(key);
            if (cached != null) return cached;
        }
        Executable exe = backend.compile(plan(p, avals));
        synchronized (CACHE) {
            CACHE.putIfAbsent(key, exe);
        }
        return exe;
    }

    private static BufferPlan plan(Primitive p, Seq<ShapedArray> avals) {
        Jaxpr one = Jaxpr.build(avals, b -> b.addAll(p, Vector.range(0, avals.size()).<Atom>map(b::in).toJavaArray(Atom[]::new))).typecheck();
        // A loop or branch is optimised first, which only prunes its programs and the operands
        // they do not read; anything else is lowered as it is, so that nothing folds it away.
        if (p instanceof Primitive.ControlFlow) one = Passes.forExecution().apply(one).typecheck();
        return BufferPlan.of(Fusion.lower(one));
    }
}
