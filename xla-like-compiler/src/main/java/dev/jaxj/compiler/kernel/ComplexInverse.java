package dev.jaxj.compiler.kernel;

import dev.jaxj.compiler.kernel.RealOps.ReIm;
import dev.jaxj.ir.Atom;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.ShapedArray;

import java.util.function.BinaryOperator;

/**
 * The principal inverse trigonometric and hyperbolic functions of complex numbers, written on
 * their real and imaginary parts for {@link TypeLowering}.
 * <p>
 * Textbook formulas ({@code asin z = -i log(iz + sqrt(1 - z²))}) lose every digit near the
 * branch points ±1 and overflow for large |z|. Instead, asin and acos follow Hull, Fairgrieve
 * and Tang (1997): with {@code x = |re z|}, {@code y = |im z|}, {@code R = |z + 1|},
 * {@code S = |z - 1|}, {@code A = (R + S) / 2} and {@code B = x / A}, the real part is
 * {@code asin B} (or an arctangent where B is near 1) and the imaginary part
 * {@code log(A + sqrt(A² - 1))} (through {@code log1p} of {@code A - 1}, formed without
 * cancellation, where A is near 1). atanh is Kahan's
 * {@code (log1p(4x / ((1 - x)² + y²)) / 4, atan2(2y, (1 - x)(1 + x) - y²) / 2)}. Beyond
 * {@code 1/sqrt(eps)} the leading terms of the expansions at infinity are exact to rounding
 * and cannot overflow. Each function is computed in the first quadrant and the signs of the
 * operand's parts, signed zeros included, choose the side of a branch cut as C99 (and NumPy)
 * do; asinh, atan and acosh follow from {@code asinh z = -i asin(iz)},
 * {@code atan z = -i atanh(iz)} and {@code acosh z = ±i acos z}.
 */
final class ComplexInverse {
    /** A function of a complex number given as its parts. */
    @FunctionalInterface
    interface Function {
        ReIm apply(ComplexInverse f, Atom re, Atom im);
    }

    /** HFT's switch from {@code asin B} to the arctangent form, where B is too close to 1. */
    private static final double B_CROSSOVER = 0.6417;
    /** HFT's switch from {@code log1p(A - 1 + ...)} to {@code log(A + sqrt(A² - 1))}. */
    private static final double A_CROSSOVER = 1.5;

    private final RealOps b;
    private final BinaryOperator<Atom> hypot;
    private final ShapedArray aval;
    /** Past this magnitude the expansions at infinity are exact to rounding. */
    private final double large;

    /** @param hypot {@code |(a, b)|} without overflow or underflow; @param part the aval of the parts */
    ComplexInverse(RealOps b, BinaryOperator<Atom> hypot, ShapedArray part) {
        this.b = b;
        this.hypot = hypot;
        this.aval = part;
        this.large = part.dtype() == DType.F32 ? 0x1p12 : 0x1p27;
    }

    ReIm asin(Atom re, Atom im) {
        Quadrant q = firstQuadrant(re, im);
        return new ReIm(copySign(q.asinRe, re), copySign(q.imag, im));
    }

    ReIm acos(Atom re, Atom im) {
        Quadrant q = firstQuadrant(re, im);
        Atom real = select(negative(re), sub(c(Math.PI), q.acosRe), q.acosRe);
        return new ReIm(real, copySign(q.imag, neg(im)));
    }

    ReIm asinh(Atom re, Atom im) {
        ReIm w = asin(neg(im), re);
        return new ReIm(w.im(), neg(w.re()));
    }

    ReIm acosh(Atom re, Atom im) {
        // acos(z) has its imaginary part of the sign opposite to im z, so |.| and the sign of im z pick ±i.
        ReIm w = acos(re, im);
        return new ReIm(op(new Abs(), w.im()), copySign(w.re(), im));
    }

    ReIm atanh(Atom re, Atom im) {
        Atom x = op(new Abs(), re), y = op(new Abs(), im);
        Atom oneMinusX = sub(c(1), x);
        Atom real = mul(c(0.25), op(new Log1p(), div(mul(c(4), x), add(mul(oneMinusX, oneMinusX), mul(y, y)))));
        Atom imag = mul(c(0.5), op(new Atan2(), mul(c(2), y), sub(mul(oneMinusX, add(c(1), x)), mul(y, y))));
        // atanh z = atanh(1/z) + iπ/2 and atanh(1/z) = 1/z to rounding here: 1/z = (x - iy)/|z|².
        Scaled s = scaled(x, y);
        Atom infinite = op(new Eq(), s.max, c(Double.POSITIVE_INFINITY));
        Atom norm2 = add(c(1), mul(s.ratio, s.ratio));
        Atom farRe = select(infinite, c(0), div(div(div(x, s.max), s.max), norm2));
        Atom farIm = sub(c(Math.PI / 2), select(infinite, c(0), div(div(div(y, s.max), s.max), norm2)));
        Atom far = op(new Ge(), s.max, c(large));
        return new ReIm(copySign(select(far, farRe, real), re), copySign(select(far, farIm, imag), im));
    }

    ReIm atan(Atom re, Atom im) {
        ReIm w = atanh(neg(im), re);
        return new ReIm(w.im(), neg(w.re()));
    }

    /** asin's and acos's real parts and their common imaginary part magnitude, for |re z| + i|im z|. */
    private record Quadrant(Atom asinRe, Atom acosRe, Atom imag) {}

    private Quadrant firstQuadrant(Atom re, Atom im) {
        Atom x = op(new Abs(), re), y = op(new Abs(), im);
        Atom xp1 = add(x, c(1)), xm1 = sub(x, c(1)), oneMinusX = sub(c(1), x);
        Atom r = hypot.apply(xp1, y), s = hypot.apply(xm1, y);
        Atom a = add(mul(c(0.5), r), mul(c(0.5), s));
        Atom bb = div(x, a);
        Atom yy = mul(y, y);
        Atom rx = add(r, xp1);
        Atom below = op(new Lt(), x, c(1));

        // A - 1 and sqrt((A - 1)(A + 1)) without cancellation; below 1 the root keeps y outside, so y² may underflow.
        Atom q = mul(c(0.5), add(div(c(1), rx), div(c(1), add(s, oneMinusX))));
        Atom am1Above = mul(c(0.5), add(div(yy, rx), add(s, xm1)));
        Atom am1 = select(below, mul(yy, q), am1Above);
        Atom root = select(below, mul(y, op(new Sqrt(), mul(q, add(a, c(1))))), op(new Sqrt(), mul(am1Above, add(a, c(1)))));
        Atom nearOne = op(new Log1p(), add(am1, root));
        Atom away = op(new Log(), add(a, op(new Sqrt(), mul(sub(a, c(1)), add(a, c(1))))));
        Atom imag = select(op(new Le(), a, c(A_CROSSOVER)), nearOne, away);

        // Where B is near 1, asin B loses digits: the real parts are arctangents of x and this d instead.
        Atom ax = add(a, x);
        Atom dBelow = op(new Sqrt(), mul(mul(c(0.5), ax), add(div(yy, rx), add(s, oneMinusX))));
        Atom dAbove = mul(y, op(new Sqrt(), mul(c(0.5), add(div(ax, rx), div(ax, add(s, xm1))))));
        Atom d = select(op(new Le(), x, c(1)), dBelow, dAbove);
        Atom small = op(new Le(), bb, c(B_CROSSOVER));
        Atom asinRe = select(small, op(new Asin(), bb), op(new Atan2(), x, d));
        Atom acosRe = select(small, op(new Acos(), bb), op(new Atan2(), d, x));

        // Far out, asin z = -i log(2iz) to rounding: real part atan2(x, y), imaginary log|z| + log 2.
        Scaled sc = scaled(x, y);
        Atom logAbs = add(op(new Log(), sc.max), mul(c(0.5), op(new Log1p(), mul(sc.ratio, sc.ratio))));
        Atom far = op(new Ge(), sc.max, c(large));
        return new Quadrant(select(far, op(new Atan2(), x, y), asinRe), select(far, op(new Atan2(), y, x), acosRe),
                select(far, add(logAbs, c(Math.log(2))), imag));
    }

    /** max(x, y) and min/max, the ratio taken as 1 where they are equal (both infinite included). */
    private record Scaled(Atom max, Atom ratio) {}

    private Scaled scaled(Atom x, Atom y) {
        Atom m = op(new Max(), x, y), n = op(new Min(), x, y);
        return new Scaled(m, select(op(new Eq(), m, n), c(1), div(n, m)));
    }

    /** True where the sign bit of {@code v} is set, -0 included: atan2(v, -1) is negative exactly then. */
    private Atom negative(Atom v) {
        return op(new Lt(), op(new Atan2(), v, c(-1)), c(0));
    }

    /** |magnitude| with the sign of {@code sign} (for a non-negative magnitude). */
    private Atom copySign(Atom magnitude, Atom sign) {
        return select(negative(sign), neg(magnitude), magnitude);
    }

    private Atom select(Atom condition, Atom ifTrue, Atom ifFalse) { return b.select(condition, ifTrue, ifFalse); }

    private Atom c(double v) { return b.full(v, aval); }

    private Atom op(Primitive p, Atom... in) { return b.emit(p, in); }

    private Atom add(Atom x, Atom y) { return b.emit(new Add(), x, y); }

    private Atom sub(Atom x, Atom y) { return b.emit(new Sub(), x, y); }

    private Atom mul(Atom x, Atom y) { return b.emit(new Mul(), x, y); }

    private Atom div(Atom x, Atom y) { return b.emit(new Div(), x, y); }

    private Atom neg(Atom x) { return b.emit(new Neg(), x); }
}
