package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.autodiff.GradChecks.Mode;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.DotDimensionNumbers;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.lax.RaggedDotDimensionNumbers;
import io.vavr.collection.HashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static dev.jaxj.ArrayAssertions.*;

/** {@link Lax#raggedDotGeneral} in its three modes against the sums written out group by group. */
class LaxRaggedDotGeneralTest {
    private static final Array SIZES = arr(DType.I32, Shape.of(3), 2, 1, 1);

    /** Mode 1: [b,m,k] × [g,b,k,n] → [b,m,n], batch axes 0 and 1, ragged m, group axis 0. */
    private static final RaggedDotDimensionNumbers FREE = new RaggedDotDimensionNumbers(
            new DotDimensionNumbers(Vector.of(2), Vector.of(2), Vector.of(0), Vector.of(1)), Vector.of(1), Vector.of(0));

    @Test
    void aFreeRaggedAxisShouldUseEachPositionsGroup() {
        int b = 2, m = 5, k = 3, g = 3, n = 4;
        Array lhs = random(1, DType.F64, Shape.of(b, m, k), -1, 1), rhs = random(2, DType.F64, Shape.of(g, b, k, n), -1, 1);
        double[] l = lhs.toDoubleArray(), r = rhs.toDoubleArray(), e = new double[b * m * n];
        int[] group = {0, 0, 1, 2, -1}; // sizes 2, 1, 1: the fifth row is in no group
        for (int bi = 0; bi < b; bi++)
            for (int mi = 0; mi < m; mi++)
                for (int ni = 0; ni < n; ni++)
                    for (int ki = 0; ki < k && group[mi] >= 0; ki++)
                        e[(bi * m + mi) * n + ni] += l[(bi * m + mi) * k + ki] * r[((group[mi] * b + bi) * k + ki) * n + ni];
        assertNear(Lax.raggedDotGeneral(lhs, rhs, SIZES, FREE, Option.none()), DType.F64, Shape.of(b, m, n), 1e-15, e);
        // Without batch axes it is ragged_dot.
        Array l2 = random(3, DType.F64, Shape.of(m, k), -1, 1), r2 = random(4, DType.F64, Shape.of(g, k, n), -1, 1);
        var plain = new RaggedDotDimensionNumbers(new DotDimensionNumbers(Vector.of(1), Vector.of(1), Vector.empty(), Vector.empty()),
                Vector.of(0), Vector.of(0));
        assertClose(Lax.raggedDotGeneral(l2, r2, SIZES, plain, Option.none()).toDoubleArray(), Lax.raggedDot(l2, r2, SIZES).toDoubleArray(), 1e-15);
        Function<Seq<Array>, Array> f = a -> Jnp.sum(Lax.raggedDotGeneral(a.get(0), a.get(1), SIZES, FREE, Option.none()));
        Jax.checkGrads(f, Vector.of(lhs, rhs), 1, HashSet.of(Mode.FWD, Mode.REV));
    }

    @Test
    void aContractingRaggedAxisShouldStackOnePartialProductPerGroup() {
        int m = 2, k = 6, n = 3;
        Array sizes = arr(DType.I32, Shape.of(3), 2, 3, 1);
        Array lhs = random(5, DType.F64, Shape.of(m, k), -1, 1), rhs = random(6, DType.F64, Shape.of(k, n), -1, 1);
        var dn = new RaggedDotDimensionNumbers(new DotDimensionNumbers(Vector.of(1), Vector.of(0), Vector.empty(), Vector.empty()),
                Vector.of(1), Vector.empty());
        double[] l = lhs.toDoubleArray(), r = rhs.toDoubleArray(), e = new double[3 * m * n];
        int[] start = {0, 2, 5}, end = {2, 5, 6};
        for (int gi = 0; gi < 3; gi++)
            for (int mi = 0; mi < m; mi++)
                for (int ni = 0; ni < n; ni++)
                    for (int ki = start[gi]; ki < end[gi]; ki++) e[(gi * m + mi) * n + ni] += l[mi * k + ki] * r[ki * n + ni];
        assertNear(Lax.raggedDotGeneral(lhs, rhs, sizes, dn, Option.none()), DType.F64, Shape.of(3, m, n), 1e-15, e);
        Jax.checkGrads(a -> Jnp.sum(Lax.raggedDotGeneral(a.get(0), a.get(1), sizes, dn, Option.none())), Vector.of(lhs, rhs), 1,
                HashSet.of(Mode.FWD, Mode.REV));
    }

    @Test
    void aBatchRaggedAxisShouldZeroPositionsOutsideTheGroups() {
        Array lhs = random(7, DType.F64, Shape.of(4, 2, 3), -1, 1), rhs = random(8, DType.F64, Shape.of(4, 3, 2), -1, 1);
        DotDimensionNumbers batched = new DotDimensionNumbers(Vector.of(2), Vector.of(1), Vector.of(0), Vector.of(0));
        var dn = new RaggedDotDimensionNumbers(batched, Vector.of(0), Vector.empty());
        double[] full = Lax.dotGeneral(lhs, rhs, batched).toDoubleArray();
        for (int i = 12; i < 16; i++) full[i] = 0; // sizes 1 and 2 cover batch rows 0..2
        assertClose(Lax.raggedDotGeneral(lhs, rhs, arr(DType.I32, Shape.of(2), 1, 2), dn, Option.none()).toDoubleArray(), full, 1e-15);
    }

    @Test
    void shouldNameWhatDoesNotFit() {
        Array lhs = Jnp.ones(5, 3), rhs = Jnp.ones(3, 3, 4);
        var plain = new RaggedDotDimensionNumbers(new DotDimensionNumbers(Vector.of(1), Vector.of(1), Vector.empty(), Vector.empty()),
                Vector.of(0), Vector.of(0));
        assertError(DTypeError.class, "ragged_dot_general", () -> Lax.raggedDotGeneral(lhs, rhs, f32(2, 1, 1), plain, Option.none()), "f32[3]");
        assertError(ShapeError.class, "ragged_dot_general", () -> Lax.raggedDotGeneral(lhs, rhs, arr(DType.I32, Shape.of(1, 3), 2, 1, 1),
                plain, Option.none()), "i32[1,3]");
        assertError(ShapeError.class, "ragged_dot_general", () -> Lax.raggedDotGeneral(lhs, Jnp.ones(2, 3, 4), SIZES, plain, Option.none()),
                "size g = 3");
    }
}
