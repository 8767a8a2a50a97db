package dev.jaxj.transforms.vmap;

import dev.jaxj.array.Array;
import dev.jaxj.array.Tracer;
import dev.jaxj.core.Trace;
import dev.jaxj.ir.ShapedArray;

/**
 * A value of a vectorized computation: the stacked values of all the examples, with the axis
 * that runs over them ({@link #batchDim()}), or one value shared by every example
 * ({@link #NOT_MAPPED}). Code under {@code vmap} sees the aval of one example.
 */
public final class BatchTracer extends Tracer {
    /** The batch dimension of a value that is the same for every example. */
    public static final int NOT_MAPPED = -1;

    private final BatchTrace trace;
    private final Array value;
    private final int batchDim;

    BatchTracer(BatchTrace trace, Array value, int batchDim) {
        this.trace = trace;
        this.value = value;
        this.batchDim = batchDim;
    }

    @Override public Trace trace() { return trace; }

    /** The aval of one example: the value's aval without the batch axis. */
    @Override
    public ShapedArray aval() {
        ShapedArray a = value.aval();
        return batchDim == NOT_MAPPED ? a : a.withShape(a.shape().without(batchDim));
    }

    /** {@return the stacked values (or the shared value, when not mapped)} */
    public Array value() { return value; }

    /** {@return the axis of {@link #value()} that runs over the examples, or {@link #NOT_MAPPED}} */
    public int batchDim() { return batchDim; }

    boolean mapped() { return batchDim != NOT_MAPPED; }
}
