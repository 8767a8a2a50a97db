package dev.jaxj.ir;

import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static dev.jaxj.ir.ShapeRules.ints;

/** Shape rules of dot_general and conv_general_dilated. */
final class ContractionRules {
    private ContractionRules() {}

    static ShapedArray dotShape(Primitive.DotGeneral p, ShapedArray lhs, ShapedArray rhs) {
        String op = p.name();
        var dn = p.dimensionNumbers();
        String got = ", got lhs " + lhs + " and rhs " + rhs;
        if (lhs.dtype() != rhs.dtype()) throw new DTypeError(op, "requires operands of one dtype" + got);
        if (lhs.dtype().isBool()) throw new DTypeError(op, "requires numeric operands" + got);
        for (int a : dn.lhsContracting().appendAll(dn.lhsBatch())) {
            if (a >= lhs.rank()) throw new ShapeError(op, "lhs axis " + a + " is out of range" + got);
        }
        for (int a : dn.rhsContracting().appendAll(dn.rhsBatch())) {
            if (a >= rhs.rank()) throw new ShapeError(op, "rhs axis " + a + " is out of range" + got);
        }
        if (dn.lhsContracting().exists(dn.lhsBatch()::contains) || dn.rhsContracting().exists(dn.rhsBatch()::contains)) {
            throw new ShapeError(op, "an axis cannot be both batch and contracting" + got);
        }
        pairSizes(op, "contracting", dn.lhsContracting(), dn.rhsContracting(), lhs, rhs, got);
        pairSizes(op, "batch", dn.lhsBatch(), dn.rhsBatch(), lhs, rhs, got);
        int[] batch = dn.lhsBatch().map(lhs.shape()::dim).toJavaStream().mapToInt(Integer::intValue).toArray();
        int[] lhsFree = lhs.shape().without(ints(dn.lhsBatch().appendAll(dn.lhsContracting()))).toArray();
        int[] rhsFree = rhs.shape().without(ints(dn.rhsBatch().appendAll(dn.rhsContracting()))).toArray();
        int[] out = new int[batch.length + lhsFree.length + rhsFree.length];
        System.arraycopy(batch, 0, out, 0, batch.length);
        System.arraycopy(lhsFree, 0, out, batch.length, lhsFree.length);
        System.arraycopy(rhsFree, 0, out, batch.length + lhsFree.length, rhsFree.length);
        DType dtype = p.preferredElementType().getOrElse(lhs.dtype());
        return ShapedArray.of(dtype, ShapeRules.result(p, Vector.of(lhs, rhs), dtype, out));
    }

    private static void pairSizes(String op, String kind, Seq<Integer> l, Seq<Integer> r, ShapedArray lhs, ShapedArray rhs, String got) {
        for (int i = 0; i < l.size(); i++) {
            int a = lhs.shape().dim(l.get(i)), b = rhs.shape().dim(r.get(i));
            if (a != b) {
                throw new ShapeError(op, kind + " dimensions must have equal sizes, lhs axis " + l.get(i) + " = " + a
                        + " and rhs axis " + r.get(i) + " = " + b + got);
            }
        }
    }

    static ShapedArray convShape(Primitive.ConvGeneralDilated p, ShapedArray lhs, ShapedArray rhs) {
        String op = p.name();
        var dn = p.dimensionNumbers();
        String got = ", got lhs " + lhs + " and rhs " + rhs;
        if (lhs.dtype() != rhs.dtype()) throw new DTypeError(op, "requires operands of one dtype" + got);
        if (!lhs.dtype().isFloating()) throw new DTypeError(op, "requires floating-point operands" + got);
        int rank = dn.lhsSpec().size();
        int spatial = rank - 2;
        if (lhs.rank() != rank || rhs.rank() != rank) throw new ShapeError(op, "operands must have rank " + rank + " (batch, feature, " + spatial + " spatial)" + got);
        if (p.windowStrides().size() != spatial || p.padding().size() != spatial || p.lhsDilation().size() != spatial || p.rhsDilation().size() != spatial) {
            throw new ShapeError(op, "strides, padding and dilations need one entry per spatial axis (" + spatial + ")" + got);
        }
        int batch = lhs.shape().dim(dn.lhsSpec().get(0));
        int inFeatures = lhs.shape().dim(dn.lhsSpec().get(1));
        int outFeatures = rhs.shape().dim(dn.rhsSpec().get(0));
        int kernelIn = rhs.shape().dim(dn.rhsSpec().get(1));
        int fg = p.featureGroupCount(), bg = p.batchGroupCount();
        if (inFeatures != kernelIn * fg) {
            throw new ShapeError(op, "lhs features (" + inFeatures + ") must equal rhs input features (" + kernelIn + ") x feature_group_count (" + fg + ")" + got);
        }
        if (outFeatures % fg != 0 || outFeatures % bg != 0) {
            throw new ShapeError(op, "rhs output features (" + outFeatures + ") must be divisible by the group counts" + got);
        }
        if (batch % bg != 0) throw new ShapeError(op, "lhs batch (" + batch + ") must be divisible by batch_group_count (" + bg + ")" + got);
        long[] out = new long[rank];
        out[dn.outSpec().get(0)] = batch / bg;
        out[dn.outSpec().get(1)] = outFeatures;
        for (int i = 0; i < spatial; i++) {
            out[dn.outSpec().get(i + 2)] = ShapeRules.windowOutputSize(lhs.shape().dim(dn.lhsSpec().get(i + 2)),
                    p.padding().get(i).lo(), p.padding().get(i).hi(), p.lhsDilation().get(i),
                    rhs.shape().dim(dn.rhsSpec().get(i + 2)), p.rhsDilation().get(i), p.windowStrides().get(i));
        }
        DType dtype = p.preferredElementType().getOrElse(lhs.dtype());
        return ShapedArray.of(dtype, ShapeRules.result(p, Vector.of(lhs, rhs), dtype, out));
    }
}
