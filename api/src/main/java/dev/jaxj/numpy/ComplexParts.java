package dev.jaxj.numpy;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;

/**
 * The parts of complex numbers in NumPy form, behind {@link dev.jaxj.Jnp}: real inputs pass
 * through {@code real} and {@code conj} unchanged and have an imaginary part of zero, as in JAX.
 */
public final class ComplexParts {
    private ComplexParts() {}

    /** {@code jnp.real}: the real part; a real {@code x} itself. */
    public static Array real(Array x) { return x.dtype().isComplex() ? Lax.real(x) : x; }

    /** {@code jnp.imag}: the imaginary part; zeros of {@code x}'s aval for a real {@code x}. */
    public static Array imag(Array x) {
        return x.dtype().isComplex() ? Lax.imag(x) : Creation.full(x.shape(), 0, x.dtype());
    }

    /** {@code jnp.conj}: the complex conjugate; a real {@code x} itself. */
    public static Array conj(Array x) { return x.dtype().isComplex() ? Lax.conj(x) : x; }

    /**
     * {@code jnp.angle}: {@code atan2(imag, real)}, in radians or, when {@code deg}, degrees; of
     * the parts' floating type (integers and bool give f32).
     */
    public static Array angle(Array x, boolean deg) {
        Array re = real(x), im = imag(x);
        DType d = re.dtype().isFloating() ? re.dtype() : DType.F32;
        Array a = Lax.atan2(Lax.convertElementType(im, d, re.weakType()), Lax.convertElementType(re, d, re.weakType()));
        return deg ? Elementwise.rad2deg(a) : a;
    }
}
