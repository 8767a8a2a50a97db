package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.nn.Activations;
import org.junit.jupiter.api.Test;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Type helpers, and the composites under {@code grad}: they are built from primitives, so they differentiate. */
class JnpTest {

    @Test
    void shouldReportResultAndPromotedTypes() {
        assertEquals(DType.F64, Jnp.promoteTypes(DType.I64, DType.F64));
        assertEquals(DType.I64, Jnp.promoteTypes(DType.I32, DType.U32));
        assertEquals(DType.F32, Jnp.resultType(i32(1), Array.scalar(1.0)));
        assertEquals(DType.I32, Jnp.resultType(i32(1), Array.scalar(7L)));
        assertEquals(DType.F64, Jnp.resultType(f64(1), f32(1), i32(1)));
    }

    @Test
    void shouldConvertDtypesTruncatingTowardZero() {
        Array r = Jnp.astype(f32(-1.7, 2.9), DType.I32);
        assertArray(r, DType.I32, Shape.of(2), -1, 2);
        assertFalse(r.weakType());
        assertBools(Jnp.astype(f32(0, -2), DType.BOOL), Shape.of(2), false, true);
    }

    @Test
    void shouldDifferentiateLogsumexpToSoftmax() {
        double[] v = uniform(11, 5, -3, 3);
        Array x = f64(v);
        double s = 0;
        for (double u : v) s += Math.exp(u);
        double[] e = new double[5];
        for (int i = 0; i < 5; i++) e[i] = Math.exp(v[i]) / s;
        assertNear(Jax.grad((Array a) -> Jnp.logsumexp(a)).apply(x), DType.F64, Shape.of(5), 1e-14, e);
        Array big = f64(1000, 1000);
        assertNear(Jax.grad((Array a) -> Jnp.logsumexp(a)).apply(big), DType.F64, Shape.of(2), 1e-15, 0.5, 0.5);
    }

    @Test
    void shouldDifferentiateVarianceAndEinsum() {
        double[] v = {1, 2, 4, 9};
        // d var / dx_i = 2 (x_i - mean) / N, mean = 4.
        assertNear(Jax.grad((Array a) -> Jnp.var(a)).apply(f64(v)), DType.F64, Shape.of(4), 1e-15, -1.5, -1, 0, 2.5);
        Array m = arr(DType.F64, Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        // d/dx sum_i sum_j m_ij x_j = column sums of m.
        Array g = Jax.grad((Array a) -> Jnp.sum(Jnp.einsum("ij,j->i", m, a))).apply(f64(0.5, -1, 2));
        assertNear(g, DType.F64, Shape.of(3), 1e-15, 5, 7, 9);
    }

    @Test
    void shouldDifferentiateSoftmaxCrossEntropy() {
        Array logits = f64(2, -1, 0.5), label = Activations.oneHot(Jnp.scalar(0, DType.I32), 3, DType.F64);
        Array g = Jax.grad((Array z) -> Jnp.negative(Jnp.sum(Jnp.multiply(label, Activations.logSoftmax(z))))).apply(logits);
        double s = Math.exp(2) + Math.exp(-1) + Math.exp(0.5);
        // The gradient of cross-entropy is softmax(z) - label.
        assertNear(g, DType.F64, Shape.of(3), 1e-14, Math.exp(2) / s - 1, Math.exp(-1) / s, Math.exp(0.5) / s);
        assertTrue(Jnp.allclose(Jnp.sum(Activations.softmax(logits)), Jnp.scalar(1, DType.F64)).booleanValue());
    }

    @Test
    void shouldGiveTheSameResultsUnderJit() {
        Array x = random(21, DType.F32, Shape.of(3, 4), -3, 3);
        java.util.List<java.util.function.Function<Array, Array>> fs = java.util.List.of(
                a -> Jnp.logsumexp(a, true, -1),
                a -> Activations.softmax(Jnp.pad(a, new int[][] {{1, 1}, {2, 0}}, Jnp.PadMode.REFLECT)),
                a -> Jnp.einsum("...ij,jk->...ki", Jnp.expandDims(a, 0), Jnp.transpose(a)),
                a -> Jnp.where(Jnp.greater(a, 0), Jnp.floorDivide(a, 0.7), Jnp.remainder(a, 1.5)),
                a -> Jnp.astype(Jnp.argsort(a, 0, true, true), DType.F32),
                a -> Jnp.var(Jnp.tril(Jnp.roll(a, 1, 1)), 1, true, 0));
        for (var f : fs) {
            Array eager = f.apply(x);
            assertNear(Jax.jit(f).apply(x), eager.dtype(), eager.shape(), 1e-6, eager.toDoubleArray());
        }
    }

    @Test
    void arraysKeepTheBitsOfEveryFloatSignalingNaNsIncluded() {
        float signaling = Float.intBitsToFloat(0xffb95478);
        double signalingDouble = Double.longBitsToDouble(0x7ff0000000000001L);
        Array f = Jnp.array(new float[] {signaling, -0f, 1.5f});
        assertEquals(0xffb95478, Float.floatToRawIntBits(f.toFloatArray()[0]));
        assertEquals(0xffb95478, (int) Lax.bitcastConvertType(f, DType.I32).toIntArray()[0]);
        assertEquals(0x7ff0000000000001L, Double.doubleToRawLongBits(Jnp.array(new double[] {signalingDouble}).toDoubleArray()[0]));
    }
}
