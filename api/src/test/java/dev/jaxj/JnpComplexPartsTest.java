package dev.jaxj;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static dev.jaxj.ArrayAssertions.assertArray;
import static dev.jaxj.ArrayAssertions.f32;
import static dev.jaxj.ArrayAssertions.i32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Jnp}'s parts of complex numbers against closed forms: real, imag, conj, angle and the dtype tests. */
class JnpComplexPartsTest {
    private static Array c128(double... reIm) {
        return Array.fromHost(ShapedArray.of(DType.C128, Shape.of(reIm.length / 2)), HostData.ownStorage(DType.C128, reIm.clone()));
    }

    @Test
    void partsOfComplexArrays() {
        Array z = c128(1, 2, -3, 0.5, 0, -4);
        assertArray(Jnp.real(z), DType.F64, Shape.of(3), 1, -3, 0);
        assertArray(Jnp.imag(z), DType.F64, Shape.of(3), 2, 0.5, -4);
        assertEquals(DType.C128, Jnp.conj(z).dtype());
        assertArrayEquals(new double[] {1, -2, -3, -0.5, 0, 4}, Jnp.conjugate(z).toComplexArray());
        assertArrayEquals(new double[] {1, -2, -3, -0.5, 0, 4}, Jax.jit((Function<Array, Array>) Jnp::conj).apply(z).toComplexArray());
    }

    @Test
    void partsOfRealArrays() {
        Array x = f32(1.5, -2);
        assertSame(x, Jnp.real(x));
        assertSame(x, Jnp.conj(x));
        assertArray(Jnp.imag(x), DType.F32, Shape.of(2), 0, 0);
    }

    @Test
    void angleIsAtan2OfTheParts() {
        Array z = c128(1, 1, -1, 0, 0, -2, -1, -1);
        assertArray(Jnp.angle(z), DType.F64, Shape.of(4), Math.PI / 4, Math.PI, -Math.PI / 2, -3 * Math.PI / 4);
        assertArray(Jnp.angle(z, true), DType.F64, Shape.of(4), 45, 180, -90, -135);
        assertArray(Jax.jit((Function<Array, Array>) Jnp::angle).apply(z), DType.F64, Shape.of(4), Math.PI / 4, Math.PI, -Math.PI / 2, -3 * Math.PI / 4);
        // Integers give f32; negative reals have angle pi.
        assertArray(Jnp.angle(i32(3, -2, 0)), DType.F32, Shape.of(3), 0, Math.PI, 0);
    }

    @Test
    void dtypeTests() {
        assertTrue(Jnp.iscomplexobj(c128(0, 0)));
        assertFalse(Jnp.isrealobj(c128(0, 0)));
        assertTrue(Jnp.isrealobj(f32(1)));
        assertFalse(Jnp.iscomplexobj(i32(1)));
    }

    @Test
    void isrealAndIscomplexLookAtTheImaginaryPart() {
        Array z = c128(1, 0, 2, -0.5, 0, -0.0, Double.NaN, 0, 0, Double.NaN);
        assertArrayEquals(new double[] {1, 0, 1, 1, 0}, Jnp.isreal(z).toDoubleArray());
        assertArrayEquals(new double[] {0, 1, 0, 0, 1}, Jnp.iscomplex(z).toDoubleArray());
        assertArrayEquals(new double[] {0, 1, 0, 0, 1}, Jax.jit((Function<Array, Array>) Jnp::iscomplex).apply(z).toDoubleArray());
        assertArrayEquals(new double[] {1, 1}, Jnp.isreal(f32(1.5, Double.NaN)).toDoubleArray());
    }

    @Test
    void vdotConjugatesItsFirstOperand() {
        // conj(1+2i)(2-i) + conj(3-i)(1+4i) = -5i + (-1+13i)
        Array a = c128(1, 2, 3, -1), b = c128(2, -1, 1, 4);
        assertArrayEquals(new double[] {-1, 8}, Jnp.vdot(a, b).toComplexArray());
        assertArrayEquals(new double[] {-1, -8}, Jnp.vdot(b, a).toComplexArray());
        assertArrayEquals(new double[] {15, 0}, Jnp.vdot(c128(1, 2, 3, -1), c128(1, 2, 3, -1)).toComplexArray(), 0, "|a|^2 has no imaginary part");
    }

    @Test
    void normsOfComplexArraysUseTheModuli() {
        Array z = c128(3, 4, 0, 12);
        assertArray(Linalg.norm(z), DType.F64, Shape.SCALAR, 13);
        assertArray(Linalg.norm(z, 2, new int[] {0}, false), DType.F64, Shape.SCALAR, 13);
        assertArray(Linalg.norm(z, 1, new int[] {0}, false), DType.F64, Shape.SCALAR, 17);
        assertArray(Linalg.norm(z, Double.POSITIVE_INFINITY, new int[] {0}, false), DType.F64, Shape.SCALAR, 12);
        // exp(i pi) = -1: the fluent exp keeps a complex operand complex.
        double[] e = c128(0, Math.PI).exp().toComplexArray();
        assertEquals(-1, e[0], 1e-15);
        assertEquals(0, e[1], 1e-15);
    }
}
