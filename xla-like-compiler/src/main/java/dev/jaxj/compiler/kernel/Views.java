package dev.jaxj.compiler.kernel;

import dev.jaxj.ir.Atom;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Lit;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.Function;

/**
 * The structural primitives that fusion lowers to reads of a loop (broadcast_in_dim, reshape,
 * transpose, rev, slice, pad, concatenate, iota): how each one's result reads materialized
 * arrays, composed through chains of them, and which consumers can take such a read in place
 * of an array.
 */
final class Views {
    private Views() {}

    /** How a value that is never materialized is read, over the value's own shape. */
    sealed interface View {}

    /** Elements of {@code base} through {@code map}: a composition of broadcasts, transposes, revs, slices and reshapes. */
    record Read(Var base, IndexMap map) implements View {}

    /** One literal everywhere: a broadcast literal, and anything moved out of one. */
    record Fill(Lit value) implements View {}

    /** {@code fill} (a scalar read or a literal) overlaid with windows of arrays: pad, concatenate. */
    record Pieces(View fill, Seq<Piece> pieces) implements View {}

    /** The index along {@code axis}: iota. */
    record Index(int axis) implements View {}

    /** {@code base}, read through {@code map} over its window's coordinates, placed at {@code bounds}. */
    record Piece(Var base, IndexMap map, Seq<Node.Bound> bounds) {}

    /** {@return whether fusion lowers {@code p} to reads} */
    static boolean lowers(Primitive p) {
        return p instanceof BroadcastInDim || p instanceof Reshape || p instanceof Transpose || p instanceof Rev
                || p instanceof Slice || p instanceof Pad || p instanceof Concatenate || p instanceof Iota;
    }

    /** {@return the read of a materialized variable}: itself, row-major */
    static Read materialized(Var v) {
        return new Read(v, IndexMap.dense(v.aval().shape()));
    }

    /**
     * {@return the view of {@code e}'s result} given its operands' views, each one that
     * {@link #accepts} allows for {@code e}
     */
    static View compose(Eqn e, Function<Atom, View> operand) {
        if (e.prim() instanceof Iota io) return new Index(io.dimension());
        ShapedArray in = e.in().head().aval(), out = e.out().head().aval();
        View x = operand.apply(e.in().head());
        return switch ((Structural) e.prim()) {
            case BroadcastInDim b -> x instanceof Read r ? broadcast(b, in.shape(), r, out.rank()) : x;
            case Reshape _ -> x instanceof Read r ? new Read(r.base(), IndexMap.affine(r.map().offset(), out.shape().strides())) : x;
            case Transpose t -> x instanceof Read r ? transpose(t, r) : x;
            case Rev v -> x instanceof Read r ? rev(v, in.shape(), r) : x;
            case Slice s -> x instanceof Read r ? slice(s, r) : x;
            // Only a literal operand is read as a fill here (accepts refuses others), and a literal is a scalar: no axis to pad.
            case Pad p -> x instanceof Read r ? pad(p, in.shape(), r, operand.apply(e.in().get(1))) : x;
            case Concatenate c -> concatenate(c, e.in().map(operand), e.in().map(a -> a.aval().shape()), out);
            case Iota _, Squeeze _, ExpandDims _, DynamicSlice _, DynamicUpdateSlice _, Gather _, ScatterFamily _, ViewAsReal _, ViewAsComplex _ ->
                    throw new IllegalStateException(e.prim().name() + " is not lowered to reads");
        };
    }

    /**
     * {@return whether {@code use} can read {@code v} through {@code view} instead of an array}:
     * fused code only where every row of the read is contiguous or one element (the form the
     * CPU's generated loops take; a strided read costs more there than a copy of its own),
     * a reshape only a row-major read, the other moves any read or literal, and pad and
     * concatenate any read (a literal too as the padding value)
     */
    static boolean accepts(Eqn use, boolean fused, Var v, View view) {
        if (fused) return view instanceof Fill || view instanceof Read r && walksRows(r, v.aval().rank());
        if (!(use.prim() instanceof Structural move)) return false;
        return switch (move) {
            case Reshape _ -> view instanceof Fill || view instanceof Read r && r.map().isRowMajor(v.aval().shape());
            case BroadcastInDim _, Transpose _, Rev _, Slice _ -> view instanceof Fill || view instanceof Read;
            case Pad _ -> use.in().head().equals(v) ? view instanceof Read : view instanceof Read || view instanceof Fill;
            case Concatenate _ -> view instanceof Read;
            case Iota _, Squeeze _, ExpandDims _, DynamicSlice _, DynamicUpdateSlice _, Gather _, ScatterFamily _, ViewAsReal _, ViewAsComplex _ -> false;
        };
    }

    /** Whether a read walks the last axis contiguously or not at all. */
    private static boolean walksRows(Read r, int rank) {
        return rank == 0 || r.map().stride(rank - 1) == 0 || r.map().stride(rank - 1) == 1;
    }

    private static Read broadcast(BroadcastInDim b, Shape in, Read r, int rank) {
        int[] strides = new int[rank];
        for (int i = 0; i < b.broadcastDimensions().size(); i++) {
            strides[b.broadcastDimensions().get(i)] = in.dim(i) == 1 ? 0 : r.map().stride(i);
        }
        return new Read(r.base(), IndexMap.affine(r.map().offset(), strides));
    }

    private static Read transpose(Transpose t, Read r) {
        int[] strides = new int[t.permutation().size()];
        for (int k = 0; k < strides.length; k++) strides[k] = r.map().stride(t.permutation().get(k));
        return new Read(r.base(), IndexMap.affine(r.map().offset(), strides));
    }

    private static Read rev(Rev v, Shape in, Read r) {
        int[] strides = r.map().strides();
        int offset = r.map().offset();
        for (int a : v.dimensions()) {
            if (in.dim(a) == 0) continue;
            offset += (in.dim(a) - 1) * strides[a];
            strides[a] = -strides[a];
        }
        return new Read(r.base(), IndexMap.affine(offset, strides));
    }

    private static Read slice(Slice s, Read r) {
        int[] strides = r.map().strides();
        int offset = r.map().offset();
        for (int d = 0; d < strides.length; d++) {
            offset += s.startIndices().get(d) * strides[d];
            strides[d] *= s.strides().get(d);
        }
        return new Read(r.base(), IndexMap.affine(offset, strides));
    }

    private static Pieces pad(Pad p, Shape in, Read x, View value) {
        Seq<Node.Bound> bounds = Vector.range(0, in.rank()).map(d -> {
            PadConfig c = p.config().get(d);
            return new Node.Bound(c.lo(), c.interior() + 1, in.dim(d));
        });
        return new Pieces(value, Vector.of(new Piece(x.base(), x.map(), bounds)));
    }

    /** The operands' windows tile the result, so the fill (zero) is never read. */
    private static Pieces concatenate(Concatenate c, Seq<View> operands, Seq<Shape> shapes, ShapedArray out) {
        int axis = c.dimension(), at = 0;
        var pieces = new java.util.ArrayList<Piece>();
        for (int k = 0; k < operands.size(); k++) {
            Shape s = shapes.get(k);
            int start = at;
            Seq<Node.Bound> bounds = Vector.range(0, out.rank()).map(d -> d == axis ? new Node.Bound(start, 1, s.dim(d)) : Node.Bound.all(out.shape().dim(d)));
            Read r = (Read) operands.get(k);
            pieces.add(new Piece(r.base(), r.map(), bounds));
            at += s.dim(axis);
        }
        return new Pieces(new Fill(zero(out.dtype())), Vector.ofAll(pieces));
    }

    private static Lit zero(DType d) {
        Object v = d.isBool() ? Boolean.FALSE : d.isFloating() ? (Object) 0.0 : (Object) 0L;
        return new Lit(v, ShapedArray.of(d));
    }
}
