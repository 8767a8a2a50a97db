package dev.jaxj.properties;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.testing.Domain;
import dev.jaxj.testing.Tol;
import io.vavr.collection.HashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

import static dev.jaxj.properties.OpCases.boolLike;
import static dev.jaxj.properties.OpCases.i32Like;
import static dev.jaxj.testing.Domain.*;

/** Gradient rows of the elementwise primitives: every floating unary and binary op, integer_pow, select_n and clamp. */
final class ElementwiseCases {
    private ElementwiseCases() {}

    static OpCase unary(String name, Domain domain, UnaryOperator<Array> op) {
        return OpCase.of(name, 1, domain, xs -> op.apply(xs.head()));
    }

    static OpCase binary(String name, Domain domain, BinaryOperator<Array> op) {
        return OpCase.of(name, 2, domain, xs -> op.apply(xs.get(0), xs.get(1)));
    }

    static Seq<OpCase> all() {
        return Vector.of(
                unary("neg", REAL, Lax::neg),
                unary("abs", AWAY_FROM_KINKS, Lax::abs),
                unary("sign", AWAY_FROM_KINKS, Lax::sign),
                unary("floor", NON_INTEGER, Lax::floor),
                unary("ceil", NON_INTEGER, Lax::ceil),
                unary("round", NON_INTEGER, Lax::round),
                unary("exp", MODERATE, Lax::exp),
                unary("exp2", MODERATE, Lax::exp2),
                unary("log", POSITIVE, Lax::log),
                unary("log1p", UNIT_AWAY_FROM_POLES, Lax::log1p),
                unary("expm1", MODERATE, Lax::expm1),
                unary("sqrt", POSITIVE, Lax::sqrt),
                unary("rsqrt", POSITIVE_AWAY_FROM_POLE, Lax::rsqrt),
                unary("cbrt", NONZERO, Lax::cbrt),
                unary("sin", REAL, Lax::sin),
                unary("cos", REAL, Lax::cos),
                unary("tan", UNIT, Lax::tan),
                unary("asin", UNIT_AWAY_FROM_POLES, Lax::asin),
                unary("acos", UNIT_AWAY_FROM_POLES, Lax::acos),
                unary("atan", REAL, Lax::atan),
                unary("sinh", MODERATE, Lax::sinh),
                unary("cosh", MODERATE, Lax::cosh),
                unary("tanh", REAL, Lax::tanh),
                unary("asinh", REAL, Lax::asinh),
                unary("acosh", ABOVE_ONE, Lax::acosh),
                unary("atanh", UNIT_AWAY_FROM_POLES, Lax::atanh),
                unary("logistic", REAL, Lax::logistic),
                unary("erf", REAL, Lax::erf),
                unary("erfc", REAL, Lax::erfc),
                unary("erf_inv", UNIT_AWAY_FROM_POLES, Lax::erfInv),
                unary("lgamma", POSITIVE_AWAY_FROM_POLE, Lax::lgamma),
                unary("digamma", POSITIVE_AWAY_FROM_POLE, Lax::digamma),
                unary("integer_pow[y=3]", MODERATE, x -> Lax.integerPow(x, 3)),
                unary("integer_pow[y=-2]", NONZERO_AWAY_FROM_POLE, x -> Lax.integerPow(x, -2)),
                unary("integer_pow[y=0]", REAL, x -> Lax.integerPow(x, 0)),
                unary("copy", REAL, Lax::copy),
                // Widening is exact, so central differences of the f64 run see no rounding.
                unary("convert_element_type[f32->f64]", REAL, x -> Lax.convertElementType(x, DType.F64)).withDtypes(HashSet.of(DType.F32)),
                // Narrowing rounds to f32 even in the f64 run: differences of f32 steps (ulp 2.4e-7 over a
                // step 2e-4) are good to about 1e-3, so this row is held to f32's gradient tolerance.
                unary("convert_element_type[f64->f32]", REAL, x -> Lax.convertElementType(x, DType.F32))
                        .withDtypes(HashSet.of(DType.F64)).withTol(Tol.DEFAULT.withGrad(DType.F64, 5e-3)),
                unary("stop_gradient", REAL, Lax::stopGradient).withReference(OpCase.Reference.ZERO),
                binary("add", REAL, Lax::add),
                binary("sub", REAL, Lax::sub),
                binary("mul", REAL, Lax::mul),
                binary("div", NONZERO, Lax::div),
                binary("rem", REM_OPERANDS, Lax::rem),
                binary("pow", POSITIVE, Lax::pow),
                binary("max", NO_TIES, Lax::max),
                binary("min", NO_TIES, Lax::min),
                binary("atan2", NONZERO, Lax::atan2),
                OpCase.of("select_n", 3, REAL, xs -> Lax.selectN(i32Like(xs.head(), k -> k % 3), xs)),
                OpCase.of("select_n[bool]", 2, REAL, xs -> Lax.select(boolLike(xs.head(), k -> k % 2 == 0), xs.get(0), xs.get(1))),
                OpCase.of("clamp", 3, ORDERED_BOUNDS, xs -> Lax.clamp(xs.get(0), xs.get(1), xs.get(2))),
                OpCase.of("clamp[scalar bounds]", 3, ORDERED_BOUNDS, xs -> Lax.clamp(xs.get(0), xs.get(1), xs.get(2)))
                        .withShapes(s -> Vector.of(Shape.SCALAR, s, Shape.SCALAR)));
    }

    /** {@code rem(x, y)} jumps where {@code x / y} crosses an integer: draw {@code x = y (k + f)} with {@code f} in [0.1, 0.9]. */
    static final Domain REM_OPERANDS = Domain.of("rem operands", (rng, shapes) -> {
        Shape s = shapes.head();
        double[] x = new double[s.size()], y = new double[s.size()];
        for (int i = 0; i < x.length; i++) {
            y[i] = (rng.nextBoolean() ? 1 : -1) * (0.5 + rng.nextDouble());
            x[i] = y[i] * (rng.nextInt(-2, 2) + 0.1 + 0.8 * rng.nextDouble());
        }
        return Vector.of(x, y);
    });

    /**
     * Clamp's operands {@code lo, x, hi}: distinct values with {@code lo < hi} per element. JAX's
     * clamp derivative (which jaxj follows) assumes {@code lo <= hi}; x falls below, inside or above.
     */
    static final Domain ORDERED_BOUNDS = Domain.of("ordered bounds", (rng, shapes) -> {
        Seq<double[]> v = NO_TIES.sample(rng, shapes);
        double[] lo = v.get(0), hi = v.get(2);
        for (int i = 0; i < lo.length; i++) {
            if (lo[i] > hi[i]) {
                double t = lo[i];
                lo[i] = hi[i];
                hi[i] = t;
            }
        }
        return v;
    });
}
