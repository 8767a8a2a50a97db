package dev.jaxj.transforms.vmap;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.IntPredicate;

import static dev.jaxj.transforms.vmap.BatchTracer.NOT_MAPPED;
import static dev.jaxj.transforms.vmap.Moves.countBefore;
import static dev.jaxj.transforms.vmap.Moves.shift;

/**
 * The batching rule of every primitive: one exhaustive switch. A rule gets the stacked operands
 * with their batch axes (at least one mapped, and at least one example) and applies the
 * primitive once to all the examples, returning each output with its batch axis. Rules keep a
 * batch axis where it is whenever the primitive's static params can say where it is (reductions,
 * slices, windows, contractions, gathers); they move it only where the primitive needs it in a
 * given place (reshape) or operands must agree (elementwise, concatenate, sort).
 */
final class BatchRules {
    private BatchRules() {}

    /** {@return the outputs of {@code p} on all examples at once} */
    static Seq<Batched> batch(Primitive p, Seq<Array> x, Seq<Integer> d, int size) {
        return switch (p) {
            case ControlFlow c -> ControlFlowBatching.batch(c, x, d, size);
            case Unary _, StopGradient _ -> Batched.all(Bind.bind(p, x), d.head());
            case Binary _, Threefry2x32 _ -> elementwise(p, x, d, size, 0, i -> false);
            // A selector or clamp bound may be a scalar beside full-shaped operands.
            case SelectN _ -> elementwise(p, x, d, size, 1, i -> i == 0);
            case Clamp _ -> elementwise(p, x, d, size, 1, i -> i != 1);
            case BroadcastInDim b -> StructuralBatchRules.broadcastInDim(b, x.head(), d.head());
            case Reshape r -> StructuralBatchRules.reshape(r, x.head(), d.head());
            case Transpose t -> StructuralBatchRules.transpose(t, x.head(), d.head());
            case Squeeze s -> StructuralBatchRules.squeeze(s, x.head(), d.head());
            case ExpandDims e -> StructuralBatchRules.expandDims(e, x.head(), d.head());
            case Rev r -> Batched.one(Lax.rev(x.head(), shift(r.dimensions(), d.head())), d.head());
            case Slice s -> StructuralBatchRules.slice(s, x.head(), d.head(), size);
            case Concatenate c -> StructuralBatchRules.concatenate(c, x, d, size);
            case Pad pd -> StructuralBatchRules.pad(pd, x, d, size);
            case Iota _ -> Batched.all(Bind.bind(p, x), NOT_MAPPED);
            // The pair axis is the last one: a batch axis there moves to the front first.
            case ViewAsReal _ -> Batched.all(Bind.bind(p, x), d.head());
            case ViewAsComplex _ -> d.head() == x.head().ndim() - 1
                    ? Batched.all(Bind.bind(p, Vector.of(Lax.transpose(x.head(), frontFirst(x.head().ndim(), d.head())))), 0)
                    : Batched.all(Bind.bind(p, x), d.head());
            case DynamicSlice s -> IndexingBatchRules.dynamicSlice(s, x, d, size);
            case DynamicUpdateSlice _ -> IndexingBatchRules.dynamicUpdateSlice(x, d, size);
            case Gather g -> IndexingBatchRules.gather(g, x.get(0), d.get(0), x.get(1), d.get(1));
            case ScatterFamily s -> IndexingBatchRules.scatter(s, x, d, size);
            case Reduction r -> reduction(r, x.head(), d.head());
            case ArgReduction a -> argReduction(a, x.head(), d.head());
            case Cumulative c -> Batched.one(Bind.bind1(cumulative(c, shift(c.axis(), d.head())), x.head()), d.head());
            case DotGeneral g -> ContractionBatchRules.dotGeneral(g, x.get(0), d.get(0), x.get(1), d.get(1));
            case ConvGeneralDilated c -> ContractionBatchRules.conv(c, x.get(0), d.get(0), x.get(1), d.get(1));
            case ReduceWindow w -> ContractionBatchRules.reduceWindow(w, x.head(), d.head());
            case Sort s -> sort(s, x, d, size);
            // Cholesky, LU, triangular solves take any leading batch axes: the batch axis goes first,
            // unless one triangle solves for every example at once (the examples become columns of b).
            case TriangularSolve s when s.leftSide() && d.get(0) == NOT_MAPPED -> solveAsColumns(s, x.get(0), x.get(1), d.get(1));
            case Elimination _ -> Batched.all(Bind.bind(p, x.zipWith(d, (xi, di) -> Moves.bring(xi, di, size, 0))), 0);
            case CustomVjpLinear c -> CustomBatching.linear(c, x, d, size);
            // Float formats: elementwise.
            case ReducePrecision _ -> Batched.all(Bind.bind(p, x), d.head());
            // QR, eigendecompositions, SVD: the batch axis leads, where the primitive takes it.
            case Orthogonal _, Eig _ -> Batched.all(Bind.bind(p, Vector.of(Moves.bring(x.head(), d.head(), size, 0))), 0);
            // Fast Fourier transforms: the leading axes are a batch already.
            case Fft _ -> Batched.all(Bind.bind(p, Vector.of(Moves.bring(x.head(), d.head(), size, 0))), 0);
        };
    }

    /**
     * Elementwise operands must agree in shape: mapped operands meet at one batch axis (moved
     * only when theirs differ) and unmapped ones are broadcast along it, except scalars that the
     * primitive accepts as they are.
     *
     * @param ref      an operand that has the full (per-example) shape
     * @param scalarOk the operands that may stay scalars
     */
    /** The permutation moving axis {@code d} of {@code rank} axes to the front. */
    private static Seq<Integer> frontFirst(int rank, int d) {
        return Vector.range(0, rank).filter(i -> i != d).prepend(d);
    }

    private static Seq<Batched> elementwise(Primitive p, Seq<Array> x, Seq<Integer> d, int size, int ref, IntPredicate scalarOk) {
        Shape full = unbatched(x.get(ref), d.get(ref));
        int target = 0;
        for (int i = x.size() - 1; i >= 0; i--) {
            if (d.get(i) != NOT_MAPPED && x.get(i).ndim() - 1 == full.rank()) target = d.get(i);
        }
        int t = target;
        Shape batched = full.insert(t, size);
        Seq<Array> operands = Vector.range(0, x.size()).map(i -> {
            Array xi = x.get(i);
            int di = d.get(i);
            int rank = di == NOT_MAPPED ? xi.ndim() : xi.ndim() - 1;
            if (di == NOT_MAPPED && rank == 0 && scalarOk.test(i)) return xi;
            if (di != NOT_MAPPED && rank == 0 && full.rank() > 0) return Lax.broadcastInDim(xi, batched, Vector.of(t));
            return Moves.bring(xi, di, size, t);
        });
        return Batched.all(Bind.bind(p, operands), t);
    }

    private static Shape unbatched(Array x, int dim) {
        return dim == NOT_MAPPED ? x.shape() : x.shape().without(dim);
    }

    private static Seq<Batched> reduction(Reduction r, Array x, int d) {
        Vector<Integer> axes = shift(r.axes(), d);
        Reduction shifted = switch (r) {
            case ReduceSum _ -> new ReduceSum(axes);
            case ReduceProd _ -> new ReduceProd(axes);
            case ReduceMax _ -> new ReduceMax(axes);
            case ReduceMin _ -> new ReduceMin(axes);
            case ReduceAnd _ -> new ReduceAnd(axes);
            case ReduceOr _ -> new ReduceOr(axes);
        };
        return Batched.one(Bind.bind1(shifted, x), d - countBefore(axes, d));
    }

    private static Seq<Batched> argReduction(ArgReduction a, Array x, int d) {
        int axis = shift(a.axis(), d);
        ArgReduction shifted = switch (a) {
            case Argmax m -> new Argmax(axis, m.indexDtype());
            case Argmin m -> new Argmin(axis, m.indexDtype());
        };
        return Batched.one(Bind.bind1(shifted, x), axis < d ? d - 1 : d);
    }

    private static Cumulative cumulative(Cumulative c, int axis) {
        return switch (c) {
            case Cumsum s -> new Cumsum(axis, s.reverse());
            case Cumprod s -> new Cumprod(axis, s.reverse());
            case Cummax s -> new Cummax(axis, s.reverse());
            case Cummin s -> new Cummin(axis, s.reverse());
        };
    }

    /** {@code a x = b} for one {@code a [..., k, k]} and many {@code b}: one solve of {@code [..., k, n * size]}. */
    private static Seq<Batched> solveAsColumns(TriangularSolve s, Array a, Array b, int d) {
        Array moved = Moves.moveAxis(b, d, b.ndim() - 1);
        Shape sh = moved.shape();
        int r = sh.rank(), n = sh.dim(r - 2), size = sh.dim(r - 1);
        Array x = Bind.bind1(s, a, Lax.reshape(moved, sh.without(r - 1).with(r - 2, n * size)));
        return Batched.one(Lax.reshape(x, sh), r - 1);
    }

    /** Operands sorted together must share a shape, so they meet at the first mapped operand's batch axis. */
    private static Seq<Batched> sort(Sort s, Seq<Array> x, Seq<Integer> d, int size) {
        int t = d.find(di -> di != NOT_MAPPED).get();
        Seq<Array> operands = x.zipWith(d, (xi, di) -> Moves.bring(xi, di, size, t));
        return Batched.all(Bind.bind(new Sort(shift(s.dimension(), t), s.isStable(), s.numKeys()), operands), t);
    }
}
