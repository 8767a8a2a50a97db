package dev.jaxj.compiler.kernel;

import dev.jaxj.ir.Atom;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.ShapedArray;

/**
 * f64 to f16 or bf16 with one rounding, for {@link TypeLowering}. Backends narrow to these
 * types from f32 only, and f64 rounded to the nearest f32 first can land on a tie of the
 * narrow type that the f64 value was not on ({@code 1 + 2^-11 + 2^-40} goes to f32's
 * {@code 1 + 2^-11}, which f16 rounds down to 1). Rounding to f32 toward zero and setting the
 * last bit where anything was lost (rounding to odd) keeps that information, so that the second
 * rounding, into a format two or more bits narrower, is the correct one: the host's
 * {@code Conversions.toF32RoundingToOdd} in equations.
 */
final class NarrowingOnce {
    private NarrowingOnce() {}

    /** {@return whether converting {@code from} to {@code to} by way of f32 would round twice} */
    static boolean needed(DType from, DType to) {
        return from == DType.F64 && (to == DType.F16 || to == DType.BF16);
    }

    /** {@return {@code x} (f64) converted to {@code to} (f16 or bf16), rounded once} */
    static Atom convert(RealOps b, Atom x, ConvertElementType to) {
        Atom nearest = b.emit(new ConvertElementType(DType.F32, false), x);
        Atom back = b.emit(new ConvertElementType(DType.F64, false), nearest);
        Atom bits = b.emit(new BitcastConvertType(DType.I32), nearest);
        ShapedArray ints = bits.aval();
        Atom even = b.emit(new Eq(), b.emit(new And(), bits, b.full(1, ints)), b.full(0, ints));
        // Inexact, and not NaN (which is unequal to itself).
        Atom inexact = b.emit(new And(), b.emit(new Ne(), back, x), b.emit(new Eq(), x, x));
        // Bits are sign and magnitude: one up moves away from zero, one down toward it.
        Atom step = b.select(b.emit(new Lt(), b.emit(new Abs(), back), b.emit(new Abs(), x)), b.full(1, ints), b.full(-1, ints));
        Atom odd = b.emit(new Add(), bits, b.select(b.emit(new And(), inexact, even), step, b.full(0, ints)));
        return b.emit(to, b.emit(new BitcastConvertType(DType.F32), odd));
    }
}
