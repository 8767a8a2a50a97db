package dev.jaxj.array;

import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.GatherDimensionNumbers;
import dev.jaxj.ir.Primitive.GatherScatterMode;
import dev.jaxj.ir.Primitive.ScatterDimensionNumbers;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.function.Predicate;

/**
 * The one gather (or scatter) that a canonical index expression lowers to, as JAX's
 * {@code _index_to_gather} builds it.
 *
 * <p>Every operand axis is indexed by one entry. Integers and integer arrays (the advanced
 * entries) broadcast together into one block of result axes; NumPy puts that block where the
 * advanced entries stand when they are adjacent, and in front otherwise. A unit-step slice
 * becomes a window of the gather (its start, when not 0, a component of the index vector); a
 * slice of any other step becomes its list of positions, one more batch axis of the indices.
 * New axes are inserted after the gather. The result axes, in order:
 * {@snippet lang=text :
 * result   = [block] (window | strided | block | new)*      block in front iff not adjacent
 * gathered = result without new axes                         the gather's output
 * batch    = gathered without windows                        the batch axes of the indices
 * }
 *
 * @param spec        the gather, or none when an indexed operand axis has size 0 and the result is empty
 * @param newAxes     the result positions of the new axes
 * @param resultShape the shape of {@code x[index]}
 */
record GatherPlan(Option<Spec> spec, Vector<Integer> newAxes, Shape resultShape) {

    /**
     * @param indices    the start indices, of shape {@code batch ++ [components]}
     * @param dims       the gather's dimension numbers
     * @param sliceSizes the gather's slice sizes
     */
    record Spec(Array indices, GatherDimensionNumbers dims, Vector<Integer> sliceSizes) {}

    private enum Kind { WINDOW, STRIDED, BLOCK, NEW }

    /** One result axis: its kind, size and (for slices) the operand axis it comes from. */
    private record Dim(Kind kind, int size, int axis) {}

    /** {@return {@code x[index]} read with this plan} */
    Array gather(Array x, GatherScatterMode mode) {
        if (spec.isEmpty()) return Lax.reshape(x, resultShape);
        Spec s = spec.get();
        return Lax.expandDims(keepWeak(x, Lax.gather(x, s.indices(), s.dims(), s.sliceSizes(), mode)), newAxes);
    }

    /** {@return {@code x} with {@code updates} (already of {@code x}'s dtype and the result's shape) scattered in by {@code fn}} */
    Array scatter(Array x, Array updates, Indexing.Scatterer fn, GatherScatterMode mode) {
        if (spec.isEmpty()) return x;
        Spec s = spec.get();
        var gd = s.dims();
        var sd = new ScatterDimensionNumbers(gd.offsetDims(), gd.collapsedSliceDims(), gd.startIndexMap(), Vector.empty(), Vector.empty());
        return keepWeak(x, fn.apply(x, s.indices(), Lax.squeeze(updates, newAxes), sd, mode));
    }

    /** Gathers and scatters give strong results; JAX keeps the operand's weak type. */
    private static Array keepWeak(Array x, Array out) {
        return x.weakType() ? Lax.convertElementType(out, x.dtype(), true) : out;
    }

    /**
     * {@return the plan for canonical {@code entries} (see {@link IndexExpansion}) on {@code x}};
     * {@code dropsOutOfBounds} (a scatter in {@code FILL_OR_DROP} mode) makes positions on an
     * empty axis a no-op, as every such position is out of bounds and dropped.
     */
    static GatherPlan of(String op, Array x, Vector<Index> entries, boolean dropsOutOfBounds) {
        ShapedArray aval = x.aval();
        Vector<Array> arrays = entries.flatMap(e -> e instanceof Index.IntArray(Array a) ? Vector.of(a) : Vector.empty());
        Shape block = broadcastIndices(op, aval, arrays, entries);
        Vector<Dim> result = layout(aval, entries, block);
        Shape resultShape = Shape.of(result.map(Dim::size));
        Vector<Integer> newAxes = positions(result, d -> d.kind() == Kind.NEW);
        if (hasEmptyCollapsedAxis(op, aval, entries, resultShape, dropsOutOfBounds)) return new GatherPlan(Option.none(), newAxes, resultShape);
        Vector<Dim> gathered = result.filter(d -> d.kind() != Kind.NEW);
        return new GatherPlan(Option.some(spec(aval, entries, gathered, block, IndexArrays.indexDtype(arrays))), newAxes, resultShape);
    }

    /** The result axes: NumPy's placement of the advanced block among slices and new axes. */
    private static Vector<Dim> layout(ShapedArray x, Vector<Index> entries, Shape block) {
        Vector<Integer> advanced = Vector.range(0, entries.size())
                .filter(i -> entries.get(i) instanceof Index.Int || entries.get(i) instanceof Index.IntArray);
        boolean adjacent = advanced.isEmpty() || advanced.last() - advanced.head() == advanced.size() - 1;
        Vector<Dim> result = adjacent ? Vector.empty() : blockDims(block);
        for (int i = 0, axis = 0; i < entries.size(); i++) {
            switch (entries.get(i)) {
                case Index.NewAxis _ -> result = result.append(new Dim(Kind.NEW, 1, -1));
                case Index.Slice s -> {
                    Index.Span sp = s.span(x.shape().dim(axis));
                    result = result.append(new Dim(sp.step() == 1 ? Kind.WINDOW : Kind.STRIDED, sp.length(), axis++));
                }
                case Index.Int _, Index.IntArray _ -> {
                    if (adjacent && i == advanced.head()) result = result.appendAll(blockDims(block));
                    axis++;
                }
                case Index.Mask _, Index.Ellipsis _ -> throw new IllegalStateException("not canonical: " + entries);
            }
        }
        return result;
    }

    /** The gather producing the {@code gathered} axes: one index-vector component per operand axis that is not read whole. */
    private static Spec spec(ShapedArray x, Vector<Index> entries, Vector<Dim> gathered, Shape block, DType idt) {
        Vector<Dim> batch = gathered.filter(d -> d.kind() != Kind.WINDOW);
        Shape batchShape = Shape.of(batch.map(Dim::size));
        int blockStart = batch.indexWhere(d -> d.kind() == Kind.BLOCK);
        Vector<Integer> blockAxes = Vector.range(blockStart, blockStart + block.rank());
        Vector<Array> components = Vector.empty();
        Vector<Integer> startIndexMap = Vector.empty(), collapsed = Vector.empty();
        int[] sizes = x.shape().toArray();
        int axis = 0;
        for (Index e : entries.filter(e -> !(e instanceof Index.NewAxis))) {
            int n = x.shape().dim(axis), a = axis++;
            Option<Array> picked = switch (e) {
                case Index.Int(int v) -> Option.some(IndexArrays.constant(v, idt, batchShape));
                case Index.IntArray(Array arr) -> {
                    Array idx = IndexArrays.wrapNegative(Lax.convertElementType(arr, idt), n);
                    yield Option.some(Lax.broadcastInDim(NumpyOps.broadcastTo(idx, block), batchShape, blockAxes));
                }
                case Index.Slice s when s.span(n).step() != 1 -> {
                    Index.Span sp = s.span(n);
                    int[] positions = new int[sp.length()];
                    for (int k = 0; k < positions.length; k++) positions[k] = sp.at(k);
                    Array pos = Lax.convertElementType(IndexArrays.vector(positions), idt);
                    yield Option.some(Lax.broadcastInDim(pos, batchShape, Vector.of(stridedPosition(batch, a))));
                }
                case Index.Slice _ -> Option.none();
                case Index.NewAxis _, Index.Mask _, Index.Ellipsis _ -> throw new IllegalStateException("not canonical: " + entries);
            };
            if (picked.isDefined()) {
                // Integers, integer arrays and strided slices pick single positions: slice size 1, axis collapsed.
                components = components.append(picked.get());
                startIndexMap = startIndexMap.append(a);
                collapsed = collapsed.append(a);
                sizes[a] = 1;
            } else {
                // A unit-step slice is a window; its start joins the index vector unless it is 0.
                Index.Span sp = ((Index.Slice) e).span(n);
                sizes[a] = sp.length();
                if (sp.start() != 0) {
                    components = components.append(IndexArrays.constant(sp.start(), idt, batchShape));
                    startIndexMap = startIndexMap.append(a);
                }
            }
        }
        int b = batchShape.rank();
        Array indices = components.isEmpty()
                ? IndexArrays.constant(0, idt, Shape.of(0))
                : Lax.concatenate(components.map(c -> Lax.expandDims(c, Vector.of(b))), b);
        Vector<Integer> offsetDims = positions(gathered, d -> d.kind() == Kind.WINDOW);
        return new Spec(indices, new GatherDimensionNumbers(offsetDims, collapsed, startIndexMap, Vector.empty(), Vector.empty()), Vector.ofAll(sizes));
    }

    private static Shape broadcastIndices(String op, ShapedArray x, Vector<Array> arrays, Seq<Index> entries) {
        try {
            return NumpyOps.broadcastShapes(op, arrays.map(Array::shape));
        } catch (ShapeError e) {
            throw new ShapeError(op, "index arrays could not be broadcast together, got shapes "
                    + arrays.map(a -> a.shape().toString()).mkString(" and ") + " in " + IndexExpansion.show(entries) + " for " + x);
        }
    }

    /** An empty operand axis cannot be indexed by position; that is fine only when nothing is selected or out-of-bounds positions are dropped. */
    private static boolean hasEmptyCollapsedAxis(String op, ShapedArray x, Vector<Index> entries, Shape resultShape, boolean dropsOutOfBounds) {
        int axis = 0;
        for (Index e : entries) {
            if (e instanceof Index.NewAxis) continue;
            boolean picks = !(e instanceof Index.Slice s) || s.span(x.shape().dim(axis)).step() != 1;
            if (picks && x.shape().dim(axis) == 0) {
                if (resultShape.size() == 0 || dropsOutOfBounds) return true;
                throw new ShapeError(op, "index " + e + " is out of bounds for axis " + axis + " with size 0, got "
                        + IndexExpansion.show(entries) + " for " + x);
            }
            axis++;
        }
        return false;
    }

    private static Vector<Dim> blockDims(Shape block) {
        return block.toSeq().map(s -> new Dim(Kind.BLOCK, s, -1));
    }

    private static int stridedPosition(Vector<Dim> batch, int axis) {
        return batch.indexWhere(d -> d.kind() == Kind.STRIDED && d.axis() == axis);
    }

    private static Vector<Integer> positions(Vector<Dim> dims, Predicate<Dim> p) {
        return Vector.range(0, dims.size()).filter(i -> p.test(dims.get(i)));
    }
}
