package dev.jaxj.transforms.vmap;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.array.Tracer;
import dev.jaxj.core.CustomRules;
import dev.jaxj.core.Trace;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static dev.jaxj.transforms.vmap.BatchTracer.NOT_MAPPED;

/**
 * Vectorization: each primitive is applied once to the stacked values of all the examples,
 * by its batching rule. Values from below this level are the same for every example
 * ({@link BatchTracer#NOT_MAPPED}), and a primitive none of whose operands is mapped just runs.
 */
public final class BatchTrace extends Trace {
    private final int axisSize;

    BatchTrace(int level, int axisSize) {
        super(level);
        this.axisSize = axisSize;
    }

    /** {@return the number of examples} */
    public int axisSize() { return axisSize; }

    @Override
    public Tracer lift(Array x) {
        return new BatchTracer(this, x, NOT_MAPPED);
    }

    BatchTracer wrap(Batched b) {
        return new BatchTracer(this, b.value(), b.dim());
    }

    @Override
    public Seq<Array> process(Primitive p, Seq<Tracer> in) {
        Seq<BatchTracer> ts = in.map(BatchTracer.class::cast);
        Seq<Array> values = ts.map(BatchTracer::value);
        if (ts.forAll(t -> !t.mapped())) return unmapped(Bind.bind(p, values));
        // With no examples every output is empty: its shape is all there is to compute, and rules
        // such as grouped convolutions could not express a batch of zero.
        Seq<Batched> out = axisSize == 0
                ? empty(p.abstractEval(ts.map(Array::aval)))
                : BatchRules.batch(p, values, ts.map(BatchTracer::batchDim), axisSize);
        return out.map(this::wrap);
    }

    private static Seq<Batched> empty(Seq<ShapedArray> avals) {
        return avals.map(a -> {
            Array zeros = Lax.broadcastInDim(Array.scalar(0, a.dtype()), a.shape().insert(0, 0), Vector.empty());
            return new Batched(Lax.convertElementType(zeros, a.dtype(), a.weakType()), 0);
        });
    }

    /** Batches the function and its rule alike, and hands the batched pair to the transforms below. */
    @Override
    public Seq<Array> processCustomJvp(CustomRules.Jvp rule, Seq<Tracer> in) {
        Seq<BatchTracer> ts = in.map(BatchTracer.class::cast);
        if (ts.forAll(t -> !t.mapped())) return unmapped(Bind.bindCustomJvp(rule, ts.map(BatchTracer::value)));
        return mappedAtFront(Bind.bindCustomJvp(CustomBatching.jvp(rule, axisSize), stacked(ts)));
    }

    /** Batches the function, its forward and its backward rule, and hands them to the transforms below. */
    @Override
    public Seq<Array> processCustomVjp(CustomRules.Vjp rule, Seq<Tracer> in) {
        Seq<BatchTracer> ts = in.map(BatchTracer.class::cast);
        if (ts.forAll(t -> !t.mapped())) return unmapped(Bind.bindCustomVjp(rule, ts.map(BatchTracer::value)));
        return mappedAtFront(Bind.bindCustomVjp(CustomBatching.vjp(rule, axisSize), stacked(ts)));
    }

    /** The operands stacked along axis 0, the layout the batched rules expect. */
    private Seq<Array> stacked(Seq<BatchTracer> ts) {
        return ts.map(t -> Moves.bring(t.value(), t.batchDim(), axisSize, 0));
    }

    private Seq<Array> unmapped(Seq<Array> values) {
        return values.map(v -> (Array) wrap(new Batched(v, NOT_MAPPED)));
    }

    private Seq<Array> mappedAtFront(Seq<Array> stacked) {
        return stacked.map(v -> (Array) wrap(new Batched(v, 0)));
    }

    @Override
    public String describe() {
        return "vmap (level " + level() + ", axis size " + axisSize + ")";
    }
}
