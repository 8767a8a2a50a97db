package dev.jaxj.transforms.jit;

import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.tree.TreeDef;
import dev.jaxj.accel.Backends;
import dev.jaxj.accel.Device;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Compiled programs of one jitted function, keyed by pytree structure, avals (shape, dtype,
 * weak type), static arguments and donated inputs. Thread-safe: concurrent callers with the same key wait
 * for one compilation. Bounded: the least recently used entry goes when full. With
 * {@code -Djaxj.log_compiles=true} every compilation logs why the existing entries did not fit
 * ({@link System.Logger} {@code dev.jaxj.compile}, INFO).
 *
 * <p>A compilation that fails is not cached, as in JAX: every caller that waited for it gets
 * the very exception the compilation threw (a {@code ConcretizationError} stays one, it is not
 * wrapped), and the next call with that key traces and compiles again, so it fails the same
 * way again or succeeds if what the trace depends on has changed.
 */
public final class JitCache {
    static final System.Logger LOG = System.getLogger("dev.jaxj.compile");

    /**
     * @param structure the input pytree structure (a {@code TreeDef})
     * @param avals     the avals of the flat inputs
     * @param statics   the static arguments (compared with {@code equals})
     * @param donated   the positions of the donated flat inputs, ascending
     * @param device    the device the program runs on (where its inputs live)
     */
    public record Key(Object structure, Seq<ShapedArray> avals, Seq<Object> statics, Seq<Integer> donated, Device device) {
        /** A key donating nothing, on the default device. */
        public Key(Object structure, Seq<ShapedArray> avals, Seq<Object> statics) {
            this(structure, avals, statics, Vector.empty(), Backends.defaultBackend().device());
        }
    }

    private final String name;
    private final int capacity;
    private final Option<System.Logger> log;
    private final Map<Key, CompletableFuture<Compiled>> entries;
    private int compilations;

    public JitCache(String name, int capacity) {
        this(name, capacity, Boolean.getBoolean("jaxj.log_compiles") ? Option.some(LOG) : Option.none());
    }

    /** A cache that logs its compilations to {@code log}, when there is one. */
    JitCache(String name, int capacity, Option<System.Logger> log) {
        this.name = name;
        this.capacity = capacity;
        this.log = log;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** {@return the compiled program for {@code key}, compiling it at most once} */
    public Compiled get(Key key, Supplier<Compiled> compile) {
        CompletableFuture<Compiled> mine = new CompletableFuture<>();
        CompletableFuture<Compiled> existing;
        synchronized (this) {
            existing = entries.get(key);
            if (existing == null) {
                // Checked once per new key: a key that passed never equals one holding identity-compared data.
                requireHashable(key);
                for (var l : log) l.log(Level.INFO, "jit {0}: compiling #{1} because {2}", name, compilations + 1, reason(key));
                entries.put(key, mine);
                compilations++;
                if (entries.size() > capacity) {
                    var eldest = entries.keySet().iterator();
                    eldest.next();
                    eldest.remove();
                }
            }
        }
        if (existing != null) return await(existing);
        try {
            mine.complete(compile.get());
        } catch (RuntimeException | Error e) {
            // Forget the failure before publishing it, so that no later caller waits on it.
            synchronized (this) {
                entries.remove(key, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
        return mine.join();
    }

    /** Waits for another caller's compilation and throws what it threw, unwrapped. */
    private static Compiled await(CompletableFuture<Compiled> compiling) {
        try {
            return compiling.join();
        } catch (CompletionException wrapped) {
            // The compiling caller completes the future with the RuntimeException or Error it caught.
            if (wrapped.getCause() instanceof RuntimeException e) throw e;
            if (wrapped.getCause() instanceof Error e) throw e;
            throw wrapped;
        }
    }

    /**
     * Static data enters the key, so it must compare by value (JAX's "static arguments must be
     * hashable"): with an array inside, a cached program would outlive a change of its elements.
     */
    private static void requireHashable(Key key) {
        for (int i = 0; i < key.statics().size(); i++) {
            for (String problem : Hashability.problem(key.statics().get(i))) {
                throw new ArgumentError("jit", "static argument " + i + " must be hashable (value-based equals/hashCode), got "
                        + problem + "; pass it as a traced argument or use a record of immutable values");
            }
        }
        if (key.structure() instanceof TreeDef def) {
            for (String problem : Hashability.problemInStructure(def)) {
                throw new ArgumentError("jit", "the static data of the input pytree must be hashable (value-based equals/hashCode), got "
                        + problem + "; make it a leaf (an Array) or use immutable values");
            }
        }
    }

    /** {@return how many times this cache has compiled} */
    public synchronized int compilations() { return compilations; }

    /** {@return the number of entries held} */
    public synchronized int size() { return entries.size(); }

    private String reason(Key key) {
        if (entries.isEmpty()) return "this is the first call";
        Key near = entries.keySet().iterator().next();
        if (!Objects.equals(near.structure(), key.structure())) return "the input structure changed from " + near.structure() + " to " + key.structure();
        if (!near.statics().equals(key.statics())) return "static arguments changed from " + near.statics() + " to " + key.statics();
        if (!near.donated().equals(key.donated())) return "donated inputs changed from " + near.donated() + " to " + key.donated();
        for (int i = 0; i < Math.min(near.avals().size(), key.avals().size()); i++) {
            ShapedArray a = near.avals().get(i), b = key.avals().get(i);
            if (!a.equals(b)) {
                return "input " + i + " changed from " + a + (a.weakType() ? "(weak)" : "") + " to " + b + (b.weakType() ? "(weak)" : "");
            }
        }
        return "no cached entry matches";
    }
}
