package dev.jaxj.compiler.kernel;

import dev.jaxj.ir.Atom;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.ShapedArray;

import java.util.function.BiFunction;

/**
 * {@code (a + ib) / (c + id)} on real parts, as XLA expands it on a CPU: Smith's algorithm,
 * then C99 Annex G's fix-ups where it yields NaN for a meaningful result.
 * <p>
 * The textbook {@code ((ac + bd) + (bc - ad)i) / (c² + d²)} squares the divisor, so it
 * overflows for parts beyond about 1e154 (1e19 in f32) and underflows below their
 * reciprocals. Smith divides by the larger part of the divisor first: the ratio {@code r} lies
 * in [-1, 1] and every intermediate stays near the magnitude of the result.
 * <ul>
 *   <li>{@code |c| >= |d|}: {@code r = d/c}, {@code t = c + d r}, result {@code ((a + b r) + (b - a r)i) / t}</li>
 *   <li>{@code |c| < |d|}: {@code r = c/d}, {@code t = c r + d}, result {@code ((a r + b) + (b r - a)i) / t}</li>
 *   <li>a zero divisor and a numerator not all NaN: {@code (copysign(inf, c) a) + (copysign(inf, c) b)i}</li>
 *   <li>an infinite numerator over a finite divisor: the numerator's infinite parts as ±1 (its finite
 *       ones as ±0) {@code a', b'}, result {@code inf (a'c + b'd) + inf (b'c - a'd)i}</li>
 *   <li>a finite numerator over an infinite divisor: likewise {@code c', d'}, result
 *       {@code 0 (ac' + bd') + 0 (bc' - ad')i}, a signed zero</li>
 * </ul>
 */
final class ComplexDivision {
    private final Emitter e;

    ComplexDivision(Emitter e) {
        this.e = e;
    }

    /** {@return the quotient's parts, combined by {@code parts}}; all four operands have one shape and real dtype */
    <R> R divide(Atom a, Atom b, Atom c, Atom d, BiFunction<Atom, Atom, R> parts) {
        Atom dLarger = e.emit(new Lt(), e.emit(new Abs(), c), e.emit(new Abs(), d));
        Atom r1 = div(d, c), t1 = add(c, mul(d, r1));
        Atom r2 = div(c, d), t2 = add(mul(c, r2), d);
        Atom re = select(dLarger, div(add(a, mul(b, r1)), t1), div(add(mul(a, r2), b), t2));
        Atom im = select(dLarger, div(sub(b, mul(a, r1)), t1), div(sub(mul(b, r2), a), t2));

        Atom zero = full(0, c.aval()), inf = full(Double.POSITIVE_INFINITY, c.aval());
        Atom zeroDivisor = and(eq(c, zero), eq(d, zero));
        Atom numeratorNotAllNan = or(eq(a, a), eq(b, b));
        Atom signedInf = copySign(inf, c);
        Atom case1 = and(zeroDivisor, numeratorNotAllNan);
        re = select(case1, re, mul(signedInf, a));
        im = select(case1, im, mul(signedInf, b));

        Atom aInf = isInf(a), bInf = isInf(b), cInf = isInf(c), dInf = isInf(d);
        Atom case2 = and(or(aInf, bInf), and(finite(c), finite(d)));
        Atom a2 = unitOrZero(aInf, a), b2 = unitOrZero(bInf, b);
        re = select(case2, re, mul(inf, add(mul(a2, c), mul(b2, d))));
        im = select(case2, im, mul(inf, sub(mul(b2, c), mul(a2, d))));

        Atom case3 = and(or(cInf, dInf), and(finite(a), finite(b)));
        Atom c3 = unitOrZero(cInf, c), d3 = unitOrZero(dInf, d);
        re = select(case3, re, mul(zero, add(mul(a, c3), mul(b, d3))));
        im = select(case3, im, mul(zero, sub(mul(b, c3), mul(a, d3))));
        return parts.apply(re, im);
    }

    /** ±1 with the sign of {@code x} where {@code which}, ±0 with it elsewhere. */
    private Atom unitOrZero(Atom which, Atom x) {
        return copySign(select(which, full(0, x.aval()), full(1, x.aval())), x);
    }

    /** |m| with the sign bit of x, -0 included: atan2(x, -1) is negative exactly when x's sign bit is set (NaN aside). */
    private Atom copySign(Atom m, Atom x) {
        Atom negative = e.emit(new Lt(), e.emit(new Atan2(), x, full(-1, x.aval())), full(0, x.aval()));
        Atom magnitude = e.emit(new Abs(), m);
        return select(negative, magnitude, e.emit(new Neg(), magnitude));
    }

    private Atom isInf(Atom x) {
        return eq(e.emit(new Abs(), x), full(Double.POSITIVE_INFINITY, x.aval()));
    }

    private Atom finite(Atom x) { return e.emit(new IsFinite(), x); }

    private Atom select(Atom which, Atom ifFalse, Atom ifTrue) { return e.emit(new SelectN(), which, ifFalse, ifTrue); }

    private Atom eq(Atom x, Atom y) { return e.emit(new Eq(), x, y); }

    private Atom and(Atom x, Atom y) { return e.emit(new And(), x, y); }

    private Atom or(Atom x, Atom y) { return e.emit(new Or(), x, y); }

    private Atom add(Atom x, Atom y) { return e.emit(new Add(), x, y); }

    private Atom sub(Atom x, Atom y) { return e.emit(new Sub(), x, y); }

    private Atom mul(Atom x, Atom y) { return e.emit(new Mul(), x, y); }

    private Atom div(Atom x, Atom y) { return e.emit(new Div(), x, y); }

    private Atom full(double v, ShapedArray aval) { return e.full(v, aval); }
}
