package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static dev.jaxj.ArrayAssertions.arr;
import static dev.jaxj.FftTransformsTest.assertScaled;
import static dev.jaxj.FftTransformsTest.input;
import static dev.jaxj.FftTransformsTest.values;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Derivatives of {@link Fft}'s transforms (the {@code fft} primitive's jvp and transpose rules):
 * gradients of real losses of the outputs, for real and complex inputs, against f64 central
 * differences (and Parseval's closed form); jvp against a central difference along the tangent;
 * and {@code vmap} against the loop over the batch.
 *
 * <p>A complex input is built from a real parameter vector {@code p} of twice its size as
 * {@code complex(p[:n], p[n:])}, so that its gradient is two real gradients; a complex output
 * {@code y} enters the loss as {@code sum(Re(y) w1 + Im(y) w2)} with fixed weights.
 */
class FftDerivativesTest {
    private static final ReferenceFile REF = ReferenceFile.load(FftDerivativesTest.class, "fft/fft_transforms_reference.txt");
    /** Central differences of step 1e-5 on losses of size O(10): truncation ~1e-10, roundoff ~1e-11. */
    private static final double H = 1e-5, TOL = 1e-8;

    private static double[] weights(int n, double phase) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = Math.cos(0.5 * i + phase);
        return w;
    }

    /** {@code sum(Re(y) w1 + Im(y) w2)} (or {@code sum(y w1)} for real {@code y}) as an f64 scalar */
    private static Array loss(Array y) {
        int n = y.shape().size();
        Array w1 = arr(DType.F64, y.shape(), weights(n, 0.2));
        if (!y.dtype().isComplex()) return Jnp.sum(Jnp.multiply(y, w1));
        Array w2 = arr(DType.F64, y.shape(), weights(n, 1.1));
        return Jnp.add(Jnp.sum(Jnp.multiply(Lax.real(y), w1)), Jnp.sum(Jnp.multiply(Lax.imag(y), w2)));
    }

    /** {@return the complex array of {@code shape} made of the two halves of the real vector {@code p}} */
    private static Array complexOf(Array p, int... shape) {
        int n = p.shape().size() / 2;
        Array re = Lax.slice(p, Vector.of(0), Vector.of(n), Vector.of(1)), im = Lax.slice(p, Vector.of(n), Vector.of(2 * n), Vector.of(1));
        return Lax.complex(Lax.reshape(re, Shape.of(shape)), Lax.reshape(im, Shape.of(shape)));
    }

    private static double scalar(Array a) { return a.toDoubleArray()[0]; }

    /** Checks grad of {@code f} at the real vector {@code p} against central differences, eager and under jit. */
    private static void checkGrad(String what, Function<Array, Array> f, double[] p) {
        Array x = arr(DType.F64, Shape.of(p.length), p);
        double[] fd = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double[] up = p.clone(), down = p.clone();
            up[i] += H;
            down[i] -= H;
            fd[i] = (scalar(f.apply(arr(DType.F64, Shape.of(p.length), up))) - scalar(f.apply(arr(DType.F64, Shape.of(p.length), down)))) / (2 * H);
        }
        assertScaled(what + " grad", values(Jax.grad(f).apply(x)), fd, TOL);
        assertScaled(what + " jit(grad)", values(Jax.jit(Jax.grad(f)).apply(x)), fd, TOL);
    }

    private static double[] params(int n) { return values(input(new int[] {n}, false, DType.F64)); }

    @Test
    void gradOfParsevalsSumMatchesTheClosedForm() {
        Function<Array, Array> f = x -> Jnp.sum(Lax.real(Jnp.multiply(Fft.fft(x), Lax.conj(Fft.fft(x)))));
        double[] p = params(6);
        assertScaled("grad sum |fft(x)|^2", values(Jax.grad(f).apply(arr(DType.F64, Shape.of(6), p))), REF.get("grad_sum_abs2_fft_6"), 1e-13);
        checkGrad("sum |fft(x)|^2", f, p);
    }

    @Test
    void complexTransformsOfComplexInputs() {
        checkGrad("fft", p -> loss(Fft.fft(complexOf(p, 7))), params(14));
        checkGrad("ifft", p -> loss(Fft.ifft(complexOf(p, 8))), params(16));
        checkGrad("sum Re(ifft(z) w)", p -> Jnp.sum(Lax.real(Jnp.multiply(Fft.ifft(complexOf(p, 5)),
                Lax.complex(arr(DType.F64, Shape.of(5), weights(5, 0.3)), arr(DType.F64, Shape.of(5), weights(5, 0.9)))))), params(10));
        checkGrad("fft ortho n=6", p -> loss(Fft.fft(complexOf(p, 5), 6, -1, "ortho")), params(10));
        checkGrad("fft2", p -> loss(Fft.fft2(complexOf(p, 3, 4))), params(24));
        checkGrad("ifftn 4 axes", p -> loss(Fft.ifftn(complexOf(p, 2, 2, 3, 2))), params(48));
    }

    @Test
    void realTransforms() {
        for (int n : new int[] {7, 8}) {
            checkGrad("rfft " + n, p -> loss(Fft.rfft(p)), params(n));
            int m = n / 2 + 1;
            checkGrad("irfft " + n, p -> loss(Fft.irfft(complexOf(p, m), n)), params(2 * m));
            checkGrad("hfft " + n, p -> loss(Fft.hfft(complexOf(p, m), n, -1, "ortho")), params(2 * m));
            checkGrad("ihfft " + n, p -> loss(Fft.ihfft(p, null, -1, "forward")), params(n));
        }
        checkGrad("rfft2", p -> loss(Fft.rfft2(Lax.reshape(p, Shape.of(3, 5)))), params(15));
        checkGrad("irfft2", p -> loss(Fft.irfft2(complexOf(p, 3, 3), new int[] {3, 4}, new int[] {-2, -1}, null)), params(18));
        checkGrad("rfftn 4 axes", p -> loss(Fft.rfftn(Lax.reshape(p, Shape.of(2, 2, 2, 3)))), params(24));
        checkGrad("irfftn 4 axes", p -> loss(Fft.irfftn(complexOf(p, 2, 2, 2, 2), new int[] {2, 2, 2, 3}, null, null)), params(32));
    }

    @Test
    void jvpIsTheDirectionalDerivative() {
        Function<Array, Array> f = p -> Fft.rfft(p, 9, -1, "ortho");
        double[] p = params(7), t = weights(7, 0.4);
        Array tangent = Jax.jvp(f, arr(DType.F64, Shape.of(7), p), arr(DType.F64, Shape.of(7), t)).tangent();
        double[] up = p.clone(), down = p.clone();
        for (int i = 0; i < 7; i++) {
            up[i] += H * t[i];
            down[i] -= H * t[i];
        }
        double[] a = values(f.apply(arr(DType.F64, Shape.of(7), up))), b = values(f.apply(arr(DType.F64, Shape.of(7), down)));
        double[] fd = new double[a.length];
        for (int i = 0; i < a.length; i++) fd[i] = (a[i] - b[i]) / (2 * H);
        assertEquals(DType.C128, tangent.dtype());
        assertScaled("jvp rfft", values(tangent), fd, TOL);
    }

    @Test
    void vmapEqualsTheLoop() {
        Array z = input(new int[] {3, 8}, true, DType.F32);
        Array batched = Jax.vmap((Function<Array, Array>) Fft::fft).apply(z);
        Array x = input(new int[] {4, 3, 5}, false, DType.F64);
        // Batch axis 1 of x: each [4, 5] slice transformed over both of its axes.
        Array batched2 = Jax.vmap((Function<Array, Array>) Fft::rfft2, 1, 0).apply(x);
        for (int b = 0; b < 3; b++) {
            Array row = Lax.reshape(Lax.slice(z, Vector.of(b, 0), Vector.of(b + 1, 8), Vector.of(1, 1)), Shape.of(8));
            Array one = Lax.reshape(Lax.slice(batched, Vector.of(b, 0), Vector.of(b + 1, 8), Vector.of(1, 1)), Shape.of(8));
            assertScaled("vmap fft row " + b, values(one), values(Fft.fft(row)), 0);
            Array slice = Lax.reshape(Lax.slice(x, Vector.of(0, b, 0), Vector.of(4, b + 1, 5), Vector.of(1, 1, 1)), Shape.of(4, 5));
            Array one2 = Lax.reshape(Lax.slice(batched2, Vector.of(b, 0, 0), Vector.of(b + 1, 4, 3), Vector.of(1, 1, 1)), Shape.of(4, 3));
            assertScaled("vmap rfft2 slice " + b, values(one2), values(Fft.rfft2(slice)), 1e-15);
        }
        // vmap of grad: per-example gradients of Parseval's sum are 2 n x.
        Function<Array, Array> g = Jax.grad((Array v) -> Jnp.sum(Lax.real(Jnp.multiply(Fft.fft(v), Lax.conj(Fft.fft(v))))));
        Array xs = input(new int[] {2, 6}, false, DType.F64);
        double[] expect = values(xs);
        for (int i = 0; i < expect.length; i++) expect[i] *= 12;
        assertScaled("vmap(grad)", values(Jax.vmap(g).apply(xs)), expect, 1e-13);
    }
}
