package dev.jaxj.transforms.vmap;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.ConvDimensionNumbers;
import dev.jaxj.ir.Primitive.DotDimensionNumbers;
import dev.jaxj.ir.Primitive.Padding;
import dev.jaxj.ir.Primitive.WindowConfig;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.Function;

import static dev.jaxj.transforms.vmap.Stacking.*;

/** Batching of dot_general, convolutions and windowed reductions against a loop over the examples. */
class ContractionBatchRulesTest {
    private final Random r = new Random(3);

    private static final DotDimensionNumbers MATMUL = new DotDimensionNumbers(Vector.of(1), Vector.of(0), Vector.empty(), Vector.empty());

    private static Function<Seq<Array>, Seq<Array>> dot(DotDimensionNumbers dn) {
        return xs -> Vector.of(Lax.dotGeneral(xs.get(0), xs.get(1), dn));
    }

    @Test
    void shouldAddTheBatchAxisAsADotBatchAxisOrAFreeAxis() {
        check(dot(MATMUL), Vector.of(f32(r, 3, 2, 4), f32(r, 4, 2, 5)), Vector.of(at(1), at(1)), 0);
        check(dot(MATMUL), Vector.of(f32(r, 3, 4, 2), f32(r, 4, 5)), Vector.of(at(2), UNMAPPED), 0);
        check(dot(MATMUL), Vector.of(f32(r, 3, 4), f32(r, 4, 5, 2)), Vector.of(UNMAPPED, at(-1)), 1);
        check(dot(MATMUL), Vector.of(f32(r, 3, 4), f32(r, 2, 4, 5)), Vector.of(UNMAPPED, at(0)), 0);
    }

    @Test
    void shouldKeepExistingDotBatchAndContractingAxes() {
        var batched = new DotDimensionNumbers(Vector.of(2), Vector.of(1), Vector.of(0), Vector.of(0));
        check(dot(batched), Vector.of(f32(r, 2, 5, 3, 4), f32(r, 2, 4, 6, 3)), Vector.of(at(2), at(3)), 0);
        check(dot(batched), Vector.of(f32(r, 2, 5, 4, 3), f32(r, 2, 4, 6)), Vector.of(at(3), UNMAPPED), 0);
        check(dot(batched), Vector.of(f32(r, 2, 5, 4), f32(r, 2, 4, 3, 6)), Vector.of(UNMAPPED, at(2)), 0);
        var vectors = new DotDimensionNumbers(Vector.of(0), Vector.of(0), Vector.empty(), Vector.empty());
        check(xs -> Vector.of(Lax.dotGeneral(xs.get(0), xs.get(1), vectors, Option.some(DType.F64))),
                Vector.of(f32(r, 3, 4), f32(r, 4)), Vector.of(at(0), UNMAPPED), 0);
    }

    private static Function<Seq<Array>, Seq<Array>> conv(ConvDimensionNumbers dn, int featureGroups, int batchGroups) {
        return xs -> Vector.of(Lax.convGeneralDilated(xs.get(0), xs.get(1), Vector.of(2), Vector.of(new Padding(1, 0)),
                Vector.of(1), Vector.of(2), dn, featureGroups, batchGroups));
    }

    @Test
    void shouldFoldTheBatchAxisIntoAnUngroupedConvolution() {
        var dn = ConvDimensionNumbers.channelsFirst(1);
        // Per example: lhs [N=2, C=3, W=7], rhs [O=4, I=3, K=2].
        check(conv(dn, 1, 1), Vector.of(f32(r, 2, 3, 5, 7), f32(r, 4, 3, 2)), Vector.of(at(2), UNMAPPED), 0);
        check(conv(dn, 1, 1), Vector.of(f32(r, 2, 3, 7), f32(r, 4, 3, 2, 5)), Vector.of(UNMAPPED, at(-1)), 0);
        check(conv(dn, 1, 1), Vector.of(f32(r, 5, 2, 3, 7), f32(r, 4, 5, 3, 2)), Vector.of(at(0), at(1)), 2);
    }

    @Test
    void shouldKeepFeatureAndBatchGroupsOutermost() {
        var dn = ConvDimensionNumbers.channelsFirst(1);
        // Feature groups 2: lhs [2, C=4, 7], rhs [O=6, I=2, 2].
        for (var axes : Vector.of(Vector.of(at(1), UNMAPPED), Vector.of(UNMAPPED, at(2)), Vector.of(at(1), at(2)))) {
            Array lhs = axes.get(0).isDefined() ? f32(r, 2, 3, 4, 7) : f32(r, 2, 4, 7);
            Array rhs = axes.get(1).isDefined() ? f32(r, 6, 2, 3, 2) : f32(r, 6, 2, 2);
            check(conv(dn, 2, 1), Vector.of(lhs, rhs), axes, 0);
        }
        // Batch groups 2: lhs [N=4, C=3, 7], rhs [O=2, I=3, 2].
        for (var axes : Vector.of(Vector.of(at(3), UNMAPPED), Vector.of(UNMAPPED, at(0)), Vector.of(at(0), at(0)))) {
            Array lhs = axes.get(0).isDefined() ? (axes.get(0).get() == 3 ? f32(r, 4, 3, 7, 3) : f32(r, 3, 4, 3, 7)) : f32(r, 4, 3, 7);
            Array rhs = axes.get(1).isDefined() ? f32(r, 3, 2, 3, 2) : f32(r, 2, 3, 2);
            check(conv(dn, 1, 2), Vector.of(lhs, rhs), axes, 1);
        }
    }

    @Test
    void shouldBatchChannelsLastConvolutions() {
        // NWC / WIO / NWC.
        var nwc = new ConvDimensionNumbers(Vector.of(0, 2, 1), Vector.of(2, 1, 0), Vector.of(0, 2, 1));
        check(conv(nwc, 1, 1), Vector.of(f32(r, 2, 7, 3, 4), f32(r, 2, 3, 5)), Vector.of(at(3), UNMAPPED), 0);
        check(conv(nwc, 1, 1), Vector.of(f32(r, 2, 7, 3), f32(r, 4, 2, 3, 5)), Vector.of(UNMAPPED, at(0)), 0);
        check(conv(nwc, 1, 1), Vector.of(f32(r, 4, 2, 7, 3), f32(r, 2, 3, 4, 5)), Vector.of(at(0), at(2)), 0);
    }

    @Test
    void shouldGiveTheBatchAxisATrivialWindow() {
        var w = new WindowConfig(Vector.of(2, 3), Vector.of(1, 2), Vector.of(new Padding(0, 1), new Padding(1, 1)), Vector.of(1, 1), Vector.of(2, 1));
        check(xs -> Vector.of(Lax.reduceWindowSum(xs.head(), w)), Vector.of(f32(r, 5, 3, 6)), Vector.of(at(1)), 0);
        check(xs -> Vector.of(Lax.reduceWindowMax(xs.head(), w)), Vector.of(f32(r, 5, 6, 3)), Vector.of(at(2)), 2);
        check(xs -> Vector.of(Lax.reduceWindowMin(xs.head(), w)), Vector.of(f32(r, 3, 5, 6)), Vector.of(at(0)), 0);
    }
}
