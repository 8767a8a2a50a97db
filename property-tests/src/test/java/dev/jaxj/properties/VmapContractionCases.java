package dev.jaxj.properties;

import dev.jaxj.array.Array;
import dev.jaxj.ir.Primitive.ConvDimensionNumbers;
import dev.jaxj.ir.Primitive.DotDimensionNumbers;
import dev.jaxj.ir.Primitive.Padding;
import dev.jaxj.ir.Primitive.WindowConfig;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.properties.VmapCase.Draw;
import dev.jaxj.properties.VmapCase.Instance;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.BiFunction;

import static dev.jaxj.properties.VmapCase.Operand.real;

/** Rows of the vmap table for dot_general, convolutions (any layout, feature or batch groups) and windowed reductions. */
final class VmapContractionCases {
    private VmapContractionCases() {}

    static Seq<VmapCase> all() {
        return Vector.of(
                new VmapCase("dot_general", VmapContractionCases::dotGeneral),
                new VmapCase("conv_general_dilated", VmapContractionCases::conv),
                window("reduce_window_sum", Lax::reduceWindowSum),
                window("reduce_window_max", Lax::reduceWindowMax),
                window("reduce_window_min", Lax::reduceWindowMin));
    }

    /** Axis layout of one dot operand: batch, contracting and free axes, in a random order. */
    private record Layout(Shape shape, Seq<Integer> batch, Seq<Integer> contracting) {
        static Layout of(Draw d, Seq<Integer> batchSizes, Seq<Integer> contractSizes, Seq<Integer> freeSizes) {
            Seq<Integer> sizes = batchSizes.appendAll(contractSizes).appendAll(freeSizes);
            Seq<Integer> perm = d.permutation(sizes.size());
            int[] shape = new int[sizes.size()];
            for (int j = 0; j < sizes.size(); j++) shape[perm.get(j)] = sizes.get(j);
            int nb = batchSizes.size(), nc = contractSizes.size();
            return new Layout(Shape.of(shape), Vector.range(0, nb).map(perm::get), Vector.range(nb, nb + nc).map(perm::get));
        }
    }

    private static Instance dotGeneral(Draw d) {
        Seq<Integer> batch = Vector.range(0, d.between(0, 1)).map(i -> d.between(0, 3));
        Seq<Integer> contract = Vector.range(0, d.between(0, 2)).map(i -> d.between(0, 3));
        Layout lhs = Layout.of(d, batch, contract, Vector.range(0, d.between(0, 1)).map(i -> d.between(0, 3)));
        Layout rhs = Layout.of(d, batch, contract, Vector.range(0, d.between(0, 1)).map(i -> d.between(0, 3)));
        var dn = new DotDimensionNumbers(lhs.contracting(), rhs.contracting(), lhs.batch(), rhs.batch());
        return Instance.of(Vector.of(real(lhs.shape()), real(rhs.shape())), xs -> Lax.dotGeneral(xs.get(0), xs.get(1), dn));
    }

    /** {@return the array shape holding the logical (batch or out feature, feature, spatial…) sizes at the spec's positions} */
    private static Shape place(Seq<Integer> spec, Seq<Integer> logical) {
        int[] s = new int[spec.size()];
        for (int i = 0; i < spec.size(); i++) s[spec.get(i)] = logical.get(i);
        return Shape.of(s);
    }

    private static Instance conv(Draw d) {
        int spatial = d.between(1, 2), rank = spatial + 2;
        boolean channelsFirst = d.coin();
        var dn = channelsFirst ? ConvDimensionNumbers.channelsFirst(spatial)
                : new ConvDimensionNumbers(d.permutation(rank), d.permutation(rank), d.permutation(rank));
        int groups = d.between(0, 2);
        int fg = groups == 1 ? 2 : 1, bg = groups == 2 ? 2 : 1;
        int n = d.between(1, 2) * bg, in = d.between(1, 2), out = d.between(1, 2) * fg * bg;
        Seq<Integer> sizes = Vector.range(0, spatial).map(i -> d.between(0, 5));
        Seq<Integer> kernel = Vector.range(0, spatial).map(i -> d.between(1, 2));
        Seq<Integer> strides = Vector.range(0, spatial).map(i -> d.between(1, 2));
        Seq<Padding> padding = Vector.range(0, spatial).map(i -> new Padding(d.between(0, 1), d.between(0, 1)));
        Seq<Integer> lhsDilation = Vector.range(0, spatial).map(i -> d.between(1, 2));
        Seq<Integer> rhsDilation = Vector.range(0, spatial).map(i -> d.between(1, 2));
        Shape lhs = place(dn.lhsSpec(), sizes.prepend(in * fg).prepend(n));
        Shape rhs = place(dn.rhsSpec(), kernel.prepend(in).prepend(out));
        return Instance.of(Vector.of(real(lhs), real(rhs)), xs -> Lax.convGeneralDilated(xs.get(0), xs.get(1), strides, padding,
                lhsDilation, rhsDilation, dn, fg, bg));
    }

    private static VmapCase window(String name, BiFunction<Array, WindowConfig, Array> f) {
        return new VmapCase(name, d -> {
            Shape s = d.shape(1, 3, 0, 4);
            int r = s.rank();
            var w = new WindowConfig(Vector.range(0, r).map(i -> d.between(1, 2)), Vector.range(0, r).map(i -> d.between(1, 2)),
                    Vector.range(0, r).map(i -> new Padding(d.between(0, 1), d.between(0, 1))), Vector.range(0, r).map(i -> d.between(1, 2)),
                    Vector.range(0, r).map(i -> d.between(1, 2)));
            return Instance.of(Vector.of(real(s)), xs -> f.apply(xs.head(), w));
        });
    }
}
