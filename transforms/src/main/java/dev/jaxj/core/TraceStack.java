package dev.jaxj.core;

import io.vavr.collection.List;
import io.vavr.control.Option;

import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The transforms active on the current thread, innermost first. It lives in a
 * {@link ScopedValue}, so a transform's extent is exactly a lexical call and threads never
 * see each other's traces.
 *
 * @param traces  the active traces, highest level first
 * @param dynamic the staging trace that receives every operation, also on concrete values
 *                (JAX's dynamic trace, used by jit), when one is active
 */
public record TraceStack(List<Trace> traces, Option<Trace> dynamic) {
    private static final ScopedValue<TraceStack> CURRENT = ScopedValue.newInstance();
    private static final TraceStack EMPTY = new TraceStack(List.empty(), Option.none());

    /** {@return the stack of the current thread (empty outside any transform)} */
    public static TraceStack current() {
        return CURRENT.orElse(EMPTY);
    }

    /** {@return the level the next transform gets} */
    public int nextLevel() {
        return traces.size() + 1;
    }

    /** {@return whether {@code t} is on this stack} */
    public boolean contains(Trace t) {
        return traces.exists(x -> x == t);
    }

    /**
     * Runs {@code body} with a new trace pushed; when the body returns, the trace is finished
     * and its tracers can no longer be used.
     */
    public static <T extends Trace, R> R with(IntFunction<T> newTrace, Function<? super T, R> body) {
        return push(newTrace, body, false);
    }

    /** Like {@link #with}, and the new trace also becomes the dynamic trace: it stages every operation bound in {@code body}. */
    public static <T extends Trace, R> R withDynamic(IntFunction<T> newTrace, Function<? super T, R> body) {
        return push(newTrace, body, true);
    }

    private static <T extends Trace, R> R push(IntFunction<T> newTrace, Function<? super T, R> body, boolean dynamic) {
        TraceStack stack = current();
        T trace = newTrace.apply(stack.nextLevel());
        Option<Trace> dyn = dynamic ? Option.some(trace) : stack.dynamic;
        try {
            return ScopedValue.where(CURRENT, new TraceStack(stack.traces.prepend(trace), dyn)).call(() -> body.apply(trace));
        } finally {
            trace.finish();
        }
    }
}
