package dev.jaxj.dtypes;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The storage types (bf16, f16, i8, u8, i16, u16) and complex numbers end to end, eager and
 * under jit, against values worked out by hand: IEEE and bfloat16 bit patterns, wrap-around
 * and saturation, complex arithmetic in closed form, JAX's promotion table and JAX's
 * convention for gradients of real functions of complex inputs.
 */
class StorageAndComplexTypesTest {

    private static Array f64(double... v) { return Jnp.array(v.clone(), DType.F64, v.length); }

    /** {@return f applied eagerly, after checking that jit gives the same elements} */
    private static double[] both(Function<Array, Array> f, Array x) {
        double[] eager = f.apply(x).toDoubleArray();
        assertArrayEquals(eager, Jax.jit(f).apply(x).toDoubleArray(), 0, "jit differs from eager");
        return eager;
    }

    @Test
    void bf16RoundsToNearestEvenOncePerOperation() {
        // 1/3 in bfloat16 is 0x3EAB = 0.333984375; 1 + 2^-8 lies halfway between 1 and 1 + 2^-7 and goes to the even 1.
        assertEquals(0.333984375, f64(1.0 / 3).astype(DType.BF16).doubleValue());
        Array x = f64(1, 1, 3).astype(DType.BF16);
        Array y = f64(0x1p-8, 0x1.8p-8, 0x1p-7).astype(DType.BF16);
        assertArrayEquals(new double[] {1, 1.0078125, 3}, both(a -> Lax.add(a, y), x), 0);
        assertEquals(DType.BF16, Lax.add(x, y).dtype());
        // exp rounds once from its f32 value: e = 2.71875 in bfloat16.
        assertEquals(2.71875, Lax.exp(f64(1).astype(DType.BF16)).doubleValue());
    }

    @Test
    void f16OverflowsToInfinityAndKeepsSubnormals() {
        Array x = f64(60000, 0x1p-24, 65504).astype(DType.F16);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0x1p-23, Double.POSITIVE_INFINITY},
                both(a -> Lax.mul(a, Jnp.full(a.shape(), 2.0, DType.F16)), x), 0);
        // 0.1 in half precision is 0x2E66 = 0.0999755859375.
        assertEquals(0.0999755859375, f64(0.1).astype(DType.F16).doubleValue());
    }

    @Test
    void narrowIntegersWrapInArithmeticAndSaturateFromFloats() {
        Array i8 = f64(127, -128, 5).astype(DType.I8);
        assertArrayEquals(new double[] {-128, -127, 6}, both(a -> Lax.add(a, Jnp.full(a.shape(), 1L, DType.I8)), i8), 0);
        assertArrayEquals(new double[] {1, 0, 25}, both(a -> Lax.mul(a, a), i8), 0);
        Array u8 = f64(250, 3).astype(DType.U8);
        assertArrayEquals(new double[] {4, 8}, both(a -> Lax.add(a, f64(10, 5).astype(DType.U8)), u8), 0);
        assertArrayEquals(new double[] {246, 254}, both(a -> Lax.sub(a, f64(4, 5).astype(DType.U8)), u8), 0);
        assertArrayEquals(new double[] {125, 1}, both(a -> Lax.div(a, f64(2, 2).astype(DType.U8)), u8), 0);
        assertArrayEquals(new double[] {-128}, both(a -> Lax.div(a, f64(-1).astype(DType.I8)), f64(-128).astype(DType.I8)), 0);
        assertArrayEquals(new double[] {127, -128, 0, 255, 0}, new double[] {
                f64(300.7).astype(DType.I8).doubleValue(), f64(-1e9).astype(DType.I8).doubleValue(), f64(Double.NaN).astype(DType.I8).doubleValue(),
                f64(1e9).astype(DType.U8).doubleValue(), f64(-1.5).astype(DType.U8).doubleValue()}, 0);
        assertEquals(-1, f64(65535).astype(DType.U16).astype(DType.I16).doubleValue());
        assertEquals(-32768, f64(32768).astype(DType.U16).astype(DType.I32).astype(DType.I16).doubleValue());
    }

    @Test
    void promotionFollowsJaxLattice() {
        assertEquals(DType.F32, Jnp.promoteTypes(DType.BF16, DType.F16));
        assertEquals(DType.I16, Jnp.promoteTypes(DType.I8, DType.U8));
        assertEquals(DType.I32, Jnp.promoteTypes(DType.I16, DType.U16));
        assertEquals(DType.BF16, Jnp.promoteTypes(DType.BF16, DType.I64));
        assertEquals(DType.C128, Jnp.promoteTypes(DType.C64, DType.F64));
        assertEquals(DType.C64, Jnp.promoteTypes(DType.F16, DType.C64));
        Array u8 = f64(250).astype(DType.U8), bf = f64(1.5).astype(DType.BF16);
        assertEquals(DType.U8, u8.add(3L).dtype());
        assertEquals(DType.BF16, bf.mul(2.0).dtype());
        assertEquals(DType.C64, Lax.complex(f64(1).astype(DType.F32), f64(2).astype(DType.F32)).mul(2.0).dtype());
    }

    private static Array c128(double re, double im) { return Lax.complex(Jnp.scalar(re, DType.F64), Jnp.scalar(im, DType.F64)); }

    private static void assertComplex(double re, double im, Array z, double tol) {
        double[] v = z.toComplexArray();
        assertEquals(re, v[0], tol, "real part of " + z);
        assertEquals(im, v[1], tol, "imaginary part of " + z);
    }

    @Test
    void complexArithmeticMatchesClosedForms() {
        Array z = c128(1, 2), w = c128(3, -1);
        assertEquals(DType.C128, z.dtype());
        assertComplex(5, 5, Lax.mul(z, w), 0);
        // Smith's algorithm rounds 0.7 up by one ulp, as NumPy's and Python's (1+2j)/(3-1j) do.
        assertComplex(0.1, 0.7000000000000001, Lax.div(z, w), 1e-16);
        assertComplex(4, 1, Lax.add(z, w), 0);
        assertComplex(1, -2, Lax.conj(z), 0);
        assertComplex(-1, 0, Lax.exp(c128(0, Math.PI)), 1e-15);
        assertComplex(0, Math.PI, Lax.log(c128(-1, 0)), 1e-15);
        assertComplex(0, 2, Lax.sqrt(c128(-4, 0)), 0);
        assertComplex(0, -2, Lax.sqrt(c128(-4, -0.0)), 0);
        assertEquals(5, Lax.abs(c128(3, 4)).doubleValue(), 0);
        assertEquals(5e300, Lax.abs(c128(3e300, 4e300)).doubleValue(), 1e286);
        // sin(1 + 2i) = sin 1 cosh 2 + i cos 1 sinh 2
        assertComplex(Math.sin(1) * Math.cosh(2), Math.cos(1) * Math.sinh(2), Lax.sin(z), 1e-15);
        assertComplex(-3, 4, Lax.integerPow(z, 2), 0);
        assertComplex(1, 2, Lax.real(z).astype(DType.C128).add(Lax.complex(Jnp.scalar(0, DType.F64), Lax.imag(z))), 0);
        assertTrue(Lax.eq(z, c128(1, 2)).booleanValue());
        assertTrue(Lax.ne(z, c128(1, -2)).booleanValue());
    }

    @Test
    void complexProductsAndReductionsUnderJit() {
        // [[1+i, 2], [0, -i]] @ [1, i] = [1 + 3i, 1]
        Array a = Lax.complex(Jnp.array(new double[] {1, 2, 0, 0}, DType.F64, 2, 2), Jnp.array(new double[] {1, 0, 0, -1}, DType.F64, 2, 2));
        Array v = Lax.complex(f64(1, 0), f64(0, 1));
        Function<Array, Array> matvec = m -> Jnp.matmul(m, v);
        double[] expected = {1, 3, 1, 0};
        assertArrayEquals(expected, matvec.apply(a).toComplexArray(), 0);
        assertArrayEquals(expected, Jax.jit(matvec).apply(a).toComplexArray(), 0);
        assertArrayEquals(new double[] {3, 0}, Jax.jit((Array m) -> Lax.reduceSum(m, 0, 1)).apply(a).toComplexArray(), 0);
        assertEquals(DType.C64, a.astype(DType.C64).dtype());
        assertArrayEquals(new double[] {1, 1, 2, 0, 0, 0, 0, -1}, a.astype(DType.C64).toComplexArray(), 0);
        assertArrayEquals(new double[] {1, 2, 0, 0}, a.astype(DType.F64).toDoubleArray(), 0);
    }

    @Test
    void gradOfRealFunctionOfComplexInputIsTheConjugateConvention() {
        // JAX: grad(|z|^2)(z) = 2 conj(z), and grad(Re(z w))(z) = w for a constant w (no conjugate).
        Array z = c128(1, 2);
        Array g = Jax.grad((Array x) -> Lax.real(Lax.mul(x, Lax.conj(x)))).apply(z);
        assertComplex(2, -4, g, 1e-15);
        Array w = c128(3, -1);
        assertComplex(3, -1, Jax.grad((Array x) -> Lax.real(Lax.mul(x, w))).apply(z), 1e-15);
        assertComplex(2, -4, Jax.jit(Jax.grad((Array x) -> Lax.real(Lax.mul(x, Lax.conj(x))))).apply(z), 1e-15);
        // d|z| = Re(conj(z) dz) / |z|: grad is z / |z| conjugated, (3 - 4i) / 5 at 3 + 4i.
        assertComplex(0.6, -0.8, Jax.grad((Array x) -> Lax.abs(x)).apply(c128(3, 4)), 1e-15);
    }

    @Test
    void holomorphicGradIsTheComplexDerivative() {
        Array z = c128(1, 2);
        assertComplex(2, 4, Jax.gradHolomorphic((Array x) -> Lax.mul(x, x)).apply(z), 0);
        // d/dz sin z = cos z = cos 1 cosh 2 - i sin 1 sinh 2
        assertComplex(Math.cos(1) * Math.cosh(2), -Math.sin(1) * Math.sinh(2), Jax.gradHolomorphic((Array x) -> Lax.sin(x)).apply(z), 1e-14);
        // d/dz exp(z) / z = exp(z) (z - 1) / z^2
        Array expected = Lax.div(Lax.mul(Lax.exp(z), Lax.sub(z, c128(1, 0))), Lax.mul(z, z));
        double[] e = expected.toComplexArray();
        assertComplex(e[0], e[1], Jax.gradHolomorphic((Array x) -> Lax.div(Lax.exp(x), x)).apply(z), 1e-14);
        assertThrows(dev.jaxj.errors.NotDifferentiable.class, () -> Jax.gradHolomorphic((Array x) -> x).apply(Jnp.scalar(1.0, DType.F64)));
        assertThrows(dev.jaxj.errors.NotDifferentiable.class, () -> Jax.gradHolomorphic((Array x) -> Lax.real(x)).apply(z));
    }

    @Test
    void complexOperandsAreRefusedWhereJaxRefusesThem() {
        Array z = c128(1, 2);
        DTypeError e = assertThrows(DTypeError.class, () -> Lax.lt(z, z));
        assertTrue(e.getMessage().contains("lt") && e.getMessage().contains("c128"), e.getMessage());
        assertThrows(DTypeError.class, () -> Lax.ge(z, z));
        assertThrows(DTypeError.class, () -> Lax.floor(z));
        assertThrows(DTypeError.class, () -> Lax.complex(z, z));
    }

    @Test
    void maxAndMinOrderComplexNumbersByRealThenImaginaryParts() {
        // lax.max and lax.min take complex operands (the lax docs): lexicographic by (re, im).
        Array x = Lax.complex(f64(1, 2, 2, -1), f64(5, -1, 3, 0));
        Array y = Lax.complex(f64(2, 2, 2, -1), f64(-9, 4, 3, -0.0));
        double[] max = Lax.max(x, y).toComplexArray(), min = Lax.min(x, y).toComplexArray();
        assertArrayEquals(new double[] {2, -9, 2, 4, 2, 3, -1, -0.0}, max, 0);
        assertArrayEquals(new double[] {1, 5, 2, -1, 2, 3, -1, -0.0}, min, 0);
        // 0 and -0 are equal, so neither is greater: both pick y, whose zero is negative.
        assertEquals(-0.0, max[7]);
        assertEquals(-0.0, min[7]);
    }

    @Test
    void complexArraysPrintAsNumpyDoes() {
        Array z = Lax.complex(f64(1, -0.5), f64(2, 3));
        assertEquals("Array([ 1. +2.j, -0.5+3.j], dtype=complex128)", z.toString());
    }
}
