package dev.jaxj.compiler.kernel;

import dev.jaxj.ir.Atom;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.IntPredicate;

/**
 * u64 computed on i64's bits, so that no kernel has a u64 arm. Two's complement makes add, sub,
 * mul, neg, integer_pow, the bitwise ops, the shifts (their amounts are read unsigned), equality,
 * selects, data movement, sums, products and dots the same bits whether read signed or not: those
 * run as i64 unchanged. What reads the sign is rewritten here:
 * <ul>
 *   <li>orderings (comparisons, max/min/clamp, their reductions, windows and scans, arg-reductions,
 *       scatter-min/max, sort keys) see {@code x ^ 2^63}, the order-preserving bijection from u64
 *       onto i64 (0 to {@code Long.MIN_VALUE}, 2^64 - 1 to {@code Long.MAX_VALUE}); values come back
 *       through the same flip;</li>
 *   <li>div and rem are unsigned long division written in i64 ops, as {@code Long.divideUnsigned}
 *       computes it, with XLA's {@code x / 0 = 2^64 - 1} and {@code x % 0 = x} (u32's, one width up);</li>
 *   <li>sign is 0 or 1.</li>
 * </ul>
 * Conversions are not rewritten: the conversion kernel reads u64 unsigned.
 */
final class UnsignedLowering {
    private final TypeLowering out;

    UnsignedLowering(TypeLowering out) {
        this.out = out;
    }

    /** {@return whether {@code e} has a u64 operand or result} */
    static boolean applies(Eqn e) {
        return e.in().appendAll(e.out()).exists(a -> a.aval().dtype() == DType.U64);
    }

    /**
     * {@return the results of {@code e}, computed by {@code p} (its primitive in compute types) on
     * {@code wide}, its operands as i64 bits}: i64 where {@code e} gives u64
     */
    Seq<Atom> lower(Eqn e, Primitive p, Seq<Atom> wide) {
        Seq<Atom> in = wide;
        wide = wide.zipWithIndex().map(t -> isU64(e.in().get(t._2)) && isPosition(p, t._2) ? pastTheEnd(in.get(t._2)) : t._1);
        return switch (p) {
            case Lt _, Le _, Gt _, Ge _ -> ordered(e, p, wide, _ -> true, false);
            case Max _, Min _, Clamp _, ReduceMax _, ReduceMin _, Cummax _, Cummin _, ReduceWindowMax _, ReduceWindowMin _, Sort _ ->
                    ordered(e, p, wide, _ -> true, true);
            // Operand and updates are ordered; the indices (operand 1) are positions.
            case ScatterMin _, ScatterMax _ -> ordered(e, p, wide, i -> i != 1, true);
            // The results are positions, not values.
            case Argmax _, Argmin _ -> ordered(e, p, wide, i -> i == 0, false);
            case Div _ -> Vector.of(quotient(wide.get(0), wide.get(1)));
            case Rem _ -> Vector.of(out.sub(wide.get(0), out.mul(quotient(wide.get(0), wide.get(1)), wide.get(1))));
            case Sign _ -> Vector.of(asI64(out.emit1(new Ne(), wide.head(), out.full(0, wide.head().aval()))));
            case Add _, Sub _, Mul _, Eq _, Ne _, SelectN _, Unary _, FloatBinary _, Bitwise _, Shift _,
                 Structural _, Reduction _, Cumulative _, Contraction _, ReduceWindow _, ReducePrecision _, Orthogonal _,
                 Threefry2x32 _, Fft _, Eig _, Elimination _, StopGradient _, CustomVjpLinear _, ControlFlow _ -> same(p, wide);
        };
    }

    /** {@return whether operand {@code i} of {@code p} holds positions (indices or start indices)} */
    private static boolean isPosition(Primitive p, int i) {
        return switch (p) {
            case Gather _, ScatterFamily _ -> i == 1;
            case DynamicSlice _ -> i >= 1;
            case DynamicUpdateSlice _ -> i >= 2;
            default -> false;
        };
    }

    /**
     * {@return the u64 positions {@code x} with those at 2^63 and above (negative as i64 bits)
     * moved to i64's largest value}: past every end, where clamping or dropping treats them as
     * the huge positions they are, not as positions before the start
     */
    private Atom pastTheEnd(Atom x) {
        Atom negative = out.emit1(new Lt(), x, out.full(0, x.aval()));
        return out.emit1(new SelectN(), negative, x, out.fullExact(Long.MAX_VALUE, x.aval()));
    }

    private Seq<Atom> same(Primitive p, Seq<Atom> wide) {
        return Seq.narrow(out.emit(p, wide));
    }

    /** {@code p} on flipped operands (those of {@code e} that are u64 and {@code ordered}), flipping u64 results back when {@code values}. */
    private Seq<Atom> ordered(Eqn e, Primitive p, Seq<Atom> wide, IntPredicate ordered, boolean values) {
        Seq<Atom> in = wide.zipWithIndex().map(t -> isU64(e.in().get(t._2)) && ordered.test(t._2) ? flip(t._1) : t._1);
        Seq<Atom> results = same(p, in);
        if (!values) return results;
        return results.zipWithIndex().map(t -> isU64(e.out().get(t._2)) ? flip(t._1) : t._1);
    }

    private static boolean isU64(Atom a) {
        return a.aval().dtype() == DType.U64;
    }

    /** {@return {@code x ^ 2^63}}: u64 order on these bits is i64 order on the result */
    private Atom flip(Atom x) {
        return out.emit1(new Xor(), x, out.fullExact(Long.MIN_VALUE, x.aval()));
    }

    /** {@return {@code a >= b} read unsigned} */
    private Atom atLeast(Atom a, Atom b) {
        return out.emit1(new Ge(), flip(a), flip(b));
    }

    private Atom asI64(Atom bool) {
        return out.emit1(new ConvertElementType(DType.I64, false), bool);
    }

    /**
     * {@return {@code n / d} unsigned}. A divisor below 2^63 divides {@code n / 2} signed, doubles the
     * quotient and corrects it by one; a larger divisor goes into {@code n} once or not at all. A
     * zero divisor needs no case of its own: i64's {@code (n >>> 1) / 0 = -1} makes the first
     * estimate -2 with remainder {@code n >= 0}, so the quotient is -1, that is 2^64 - 1 (and
     * the remainder {@code n - q * 0 = n}), as XLA defines them.
     */
    private Atom quotient(Atom n, Atom d) {
        Atom one = out.full(1, n.aval());
        Atom half = out.emit1(new ShiftRightLogical(), n, one);
        Atom q0 = out.emit1(new ShiftLeft(), out.emit1(new Div(), half, d), one);
        Atom r0 = out.sub(n, out.mul(q0, d));
        Atom q = out.emit1(new Add(), q0, asI64(atLeast(r0, d)));
        Atom largeDivisor = out.emit1(new Lt(), d, out.full(0, d.aval()));
        return out.emit1(new SelectN(), largeDivisor, q, asI64(atLeast(n, d)));
    }
}
