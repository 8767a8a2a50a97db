package dev.jaxj.properties;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.FftType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.testing.Domain;
import dev.jaxj.testing.GradCheck;
import dev.jaxj.testing.JaxjArbitraries;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.SplittableRandom;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The {@code fft} primitive (CPU only so far): jvp and vjp of all four transforms against f64
 * central differences (complex operands built from two real ones, complex results read through
 * a fixed real projection), {@code vmap} equal to the loop over the batch, {@code jit} equal to
 * eager, and the dtypes accepted. Each transform runs over the trailing 1 to 3 axes of a random shape.
 */
class FftProperties {
    @Provide
    Arbitrary<Shape> shapes() { return JaxjArbitraries.shapes(1, 3, 1, 4); }

    /** {@return the lengths of the last {@code k} axes of {@code s}} */
    private static int[] trailing(Shape s, int k) {
        int[] l = new int[k];
        for (int i = 0; i < k; i++) l[i] = s.dim(s.rank() - k + i);
        return l;
    }

    /** A real projection of a complex {@code y}: {@code Re(y) + 2 Im(y)} (a real {@code y} itself). */
    private static Array project(Array y) {
        return y.dtype().isComplex() ? Lax.add(Lax.real(y), Lax.mul(Lax.imag(y), Lax.full(y.shape(), 2, y.dtype().realType()))) : y;
    }

    /** {@return the operand's shape for output lengths ending {@code s}: IRFFT reads {@code n / 2 + 1} frequencies} */
    private static Shape operandShape(FftType type, Shape s, int k) {
        if (type != FftType.IRFFT) return s;
        int[] d = new int[s.rank()];
        for (int i = 0; i < d.length; i++) d[i] = s.dim(i);
        d[d.length - 1] = d[d.length - 1] / 2 + 1;
        return Shape.of(d);
    }

    private static Function<Seq<Array>, Array> transform(FftType type, int[] lengths) {
        return type == FftType.RFFT
                ? xs -> project(Lax.fft(xs.head(), type, lengths))
                : xs -> project(Lax.fft(Lax.complex(xs.get(0), xs.get(1)), type, lengths));
    }

    @Property(tries = 40)
    void derivativesMatchCentralDifferences(@ForAll("shapes") Shape s, @ForAll long seed) {
        for (FftType type : FftType.values()) {
            int k = 1 + (int) Math.floorMod(seed, (long) s.rank());
            int[] lengths = trailing(s, k);
            Shape in = operandShape(type, s, k);
            Seq<Array> args = Domain.REAL.arrays(new SplittableRandom(seed), type == FftType.RFFT ? Vector.of(in) : Vector.of(in, in), DType.F64);
            GradCheck g = GradCheck.of("fft " + type + " " + java.util.Arrays.toString(lengths), transform(type, lengths));
            g.assertJvpMatchesCentralDifferences(args, seed);
            g.assertVjpMatchesCentralDifferences(args, seed);
            g.assertVjpIsTransposeOfJvp(args, seed);
        }
    }

    @Property(tries = 30)
    void vmapEqualsTheLoopAndJitEqualsEager(@ForAll("shapes") Shape s, @ForAll long seed) {
        int batch = 3;
        int[] dims = new int[s.rank() + 1];
        dims[0] = batch;
        for (int i = 0; i < s.rank(); i++) dims[i + 1] = s.dim(i);
        Shape bs = Shape.of(dims);
        Seq<Array> parts = Domain.REAL.arrays(new SplittableRandom(seed), Vector.of(bs, bs), DType.F32);
        Array z = Lax.complex(parts.get(0), parts.get(1));
        int k = Math.min(3, s.rank());
        Function<Array, Array> f = x -> Lax.fft(x, FftType.FFT, trailing(s, k));
        Array batched = Jax.vmap(f).apply(z);
        Array jitted = Jax.jit(f).apply(z);
        for (int b = 0; b < batch; b++) {
            Array one = f.apply(row(z, b));
            assertEquals(Vector.ofAll(one.toComplexArray()), Vector.ofAll(row(batched, b).toComplexArray()), "vmap row " + b);
        }
        assertEquals(Vector.ofAll(f.apply(z).toComplexArray()), Vector.ofAll(jitted.toComplexArray()), "jit equals eager");
        assertEquals(f.apply(z).aval(), jitted.aval());
    }

    /** {@return {@code x[b]}} */
    private static Array row(Array x, int b) {
        int r = x.ndim();
        Vector<Integer> start = Vector.fill(r, 0).update(0, b), limit = Vector.range(0, r).map(i -> i == 0 ? b + 1 : x.shape().dim(i));
        Array slab = Lax.slice(x, start, limit, Vector.fill(r, 1));
        return Lax.reshape(slab, Shape.of(Vector.range(1, r).map(i -> x.shape().dim(i))));
    }

    /** Every transform of a zero-size batch gives a zero-size result of the right shape, under jit and vmap too, and zero-size gradients. */
    @Property(tries = 10)
    void zeroSizeBatchesGiveEmptyResults(@ForAll("shapes") Shape s, @ForAll long seed) {
        Shape batched = s.insert(0, 0);
        for (FftType type : FftType.values()) {
            int k = 1 + (int) Math.floorMod(seed, (long) s.rank());
            int[] lengths = trailing(s, k);
            Shape in = operandShape(type, batched, k);
            Seq<Array> args = Domain.REAL.arrays(new SplittableRandom(seed), type == FftType.RFFT ? Vector.of(in) : Vector.of(in, in), DType.F64);
            Function<Seq<Array>, Array> f = transform(type, lengths);
            Shape expected = type == FftType.RFFT ? operandShape(FftType.IRFFT, batched, k) : batched;
            String what = type + " of " + args.map(Array::aval).mkString(", ");
            assertEquals(expected, f.apply(args).shape(), what);
            assertEquals(expected, Jax.jit(f).apply(args).shape(), "jit of " + what);
            assertEquals(expected, Jax.vmap((Vector<Array> xs) -> f.apply(xs)).apply(Vector.ofAll(args)).shape(), "vmap of " + what);
            Seq<Array> grads = Jax.vjp(f, args).pullback().apply(Lax.full(expected, 1, DType.F64));
            assertEquals(args.map(Array::shape), grads.map(Array::shape), "gradients of " + what);
        }
    }

    @Example
    void acceptsTheDtypesJaxDoes() {
        Array x32 = Jnp.zeros(2, 4), x64 = Lax.convertElementType(x32, DType.F64);
        assertEquals(DType.C64, Lax.fft(x32, FftType.RFFT, 4).dtype());
        assertEquals(DType.C128, Lax.fft(x64, FftType.RFFT, 4).dtype());
        assertEquals(DType.C128, Lax.fft(x64, FftType.FFT, 4).dtype(), "a real operand becomes complex first, as in lax.fft");
        assertEquals(DType.F32, Lax.fft(Lax.fft(x32, FftType.RFFT, 4), FftType.IRFFT, 4).dtype());
        assertEquals(Shape.of(0, 3), Lax.fft(Jnp.zeros(0, 4), FftType.RFFT, 4).shape(), "a zero-size batch");
        Array c = Lax.fft(x32, FftType.RFFT, 4);
        assertThrows(DTypeError.class, () -> Lax.fft(c, FftType.RFFT, 3));
    }
}
