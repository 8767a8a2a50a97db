package dev.jaxj.properties;

import dev.jaxj.array.Array;
import dev.jaxj.ir.Primitive.FftType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.properties.VmapCase.Draw;
import dev.jaxj.properties.VmapCase.Instance;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static dev.jaxj.properties.VmapCase.Operand.real;

/**
 * Rows of the vmap table for fft: 1 to 3 transformed axes of lengths 1 to 4 after up to one
 * batch axis of their own (sides 0 to 2); complex operands are built from two real ones and
 * complex results are returned as their real and imaginary parts.
 */
final class VmapFftCases {
    private VmapFftCases() {}

    static Seq<VmapCase> all() {
        return Vector.of(
                new VmapCase("fft (c2c)", VmapFftCases::c2c),
                new VmapCase("fft (rfft)", VmapFftCases::rfft),
                new VmapCase("fft (irfft)", VmapFftCases::irfft));
    }

    private static int[] lengths(Draw d) {
        int[] l = new int[d.between(1, 3)];
        for (int i = 0; i < l.length; i++) l[i] = d.between(1, 4);
        return l;
    }

    /** {@return {@code dims} after an optional batch axis of the example's own} */
    private static Shape shape(Draw d, int[] dims) {
        if (d.coin()) return Shape.of(dims);
        int[] s = new int[dims.length + 1];
        s[0] = d.between(0, 2);
        System.arraycopy(dims, 0, s, 1, dims.length);
        return Shape.of(s);
    }

    private static Seq<Array> parts(Array y) { return Vector.of(Lax.real(y), Lax.imag(y)); }

    private static Instance c2c(Draw d) {
        int[] l = lengths(d);
        FftType t = d.coin() ? FftType.FFT : FftType.IFFT;
        Shape s = shape(d, l);
        return new Instance(Vector.of(real(s), real(s)), xs -> parts(Lax.fft(Lax.complex(xs.get(0), xs.get(1)), t, l)));
    }

    private static Instance rfft(Draw d) {
        int[] l = lengths(d);
        return new Instance(Vector.of(real(shape(d, l))), xs -> parts(Lax.fft(xs.head(), FftType.RFFT, l)));
    }

    private static Instance irfft(Draw d) {
        int[] l = lengths(d);
        int[] half = l.clone();
        half[half.length - 1] = l[l.length - 1] / 2 + 1;
        Shape s = shape(d, half);
        return Instance.of(Vector.of(real(s), real(s)), xs -> Lax.fft(Lax.complex(xs.get(0), xs.get(1)), FftType.IRFFT, l));
    }
}
