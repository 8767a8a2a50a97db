package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.errors.NotDifferentiable;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.DotDimensionNumbers;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link Lax#scaledDot} against the sum written out with each scale applied to its subchannel. */
class LaxScaledDotTest {
    private static final DotDimensionNumbers MATMUL = new DotDimensionNumbers(Vector.of(1), Vector.of(0), Vector.empty(), Vector.empty());

    @Test
    void shouldScaleEachSubchannelThenContract() {
        int m = 3, k = 8, n = 2, sub = 4;
        Array lhs = random(1, DType.F64, Shape.of(m, k), -2, 2), rhs = random(2, DType.F64, Shape.of(k, n), -2, 2);
        Array ls = random(3, DType.F64, Shape.of(m, k / sub), 0.5, 4), rs = random(4, DType.F64, Shape.of(k / sub, n), 0.5, 4);
        double[] a = lhs.toDoubleArray(), b = rhs.toDoubleArray(), sa = ls.toDoubleArray(), sb = rs.toDoubleArray(), e = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
                for (int p = 0; p < k; p++)
                    e[i * n + j] += a[i * k + p] * sa[i * (k / sub) + p / sub] * b[p * n + j] * sb[(p / sub) * n + j];
        Array out = Lax.scaledDot(lhs, rhs, ls, rs, MATMUL, Option.none());
        assertNear(out, DType.F64, Shape.of(m, n), 1e-14, e);
        Array f32 = Lax.scaledDot(lhs, rhs, ls, rs, MATMUL, Option.some(DType.F32));
        assertEquals(DType.F32, f32.dtype());
        assertClose(Jax.jit((io.vavr.collection.Seq<Array> x) -> Lax.scaledDot(x.get(0), x.get(1), x.get(2), x.get(3), MATMUL, Option.none()))
                .apply(Vector.of(lhs, rhs, ls, rs)).toDoubleArray(), e, 1e-14);
    }

    @Test
    void shouldRejectMisfittingScalesAndDifferentiation() {
        Array lhs = Jnp.ones(2, 6), rhs = Jnp.ones(6, 3);
        assertError(ShapeError.class, "scaled_dot", () -> Lax.scaledDot(lhs, rhs, Jnp.ones(2, 4), Jnp.ones(2, 3), MATMUL, Option.none()),
                "axis 1 (size 4)", "divide the contracting size 6", "f32[2,6]");
        assertError(ShapeError.class, "scaled_dot", () -> Lax.scaledDot(lhs, rhs, Jnp.ones(3, 2), Jnp.ones(2, 3), MATMUL, Option.none()),
                "equal the operand's size 2");
        assertError(NotDifferentiable.class, "scaled_dot", () -> Jax.grad((Array x) -> Jnp.sum(
                Lax.scaledDot(x, rhs, Jnp.ones(2, 2), Jnp.ones(2, 3), MATMUL, Option.none()))).apply(lhs), "no transpose rule");
    }
}
