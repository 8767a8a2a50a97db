package dev.jaxj.properties;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import dev.jaxj.testing.Domain;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.SplittableRandom;
import java.util.function.BinaryOperator;
import java.util.function.Function;

import static dev.jaxj.testing.Domain.*;

/**
 * Gradient rows of the elementwise primitives that take complex operands (c64, c128): the
 * holomorphic ones, whose derivative is one complex number per element, and the ones that are
 * only real-differentiable (abs, real, imag, conj). All operands of a row share the drawn shape.
 *
 * @param name        the primitive's name
 * @param arity       how many complex operands {@code f} takes
 * @param re          where the operands' real parts are drawn
 * @param im          where the operands' imaginary parts are drawn
 * @param holomorphic whether {@code f} is complex-differentiable in every operand
 * @param f           the primitive
 */
record ComplexCases(String name, int arity, Domain re, Domain im, boolean holomorphic, Function<Seq<Array>, Array> f) {

    private static ComplexCases holomorphic(String name, Domain re, Domain im, Function<Array, Array> f) {
        return new ComplexCases(name, 1, re, im, true, xs -> f.apply(xs.head()));
    }

    private static ComplexCases holomorphic2(String name, Domain re, BinaryOperator<Array> f) {
        return new ComplexCases(name, 2, re, REAL, true, xs -> f.apply(xs.get(0), xs.get(1)));
    }

    private static ComplexCases real(String name, Domain re, Function<Array, Array> f) {
        return new ComplexCases(name, 1, re, REAL, false, xs -> f.apply(xs.head()));
    }

    /**
     * The rows. Domains keep clear of branch cuts and poles: log, sqrt, rsqrt and pow's base have
     * a positive real part (their cut is the negative real axis), log1p's {@code 1 + z} too, tan's
     * real part stays inside (-0.9, 0.9) (its poles are on the real axis at ±pi/2), divisors and
     * abs keep {@code |Re z| >= 0.5}.
     */
    static Seq<ComplexCases> all() {
        return Vector.of(
                holomorphic("neg", REAL, REAL, Lax::neg),
                holomorphic("copy", REAL, REAL, Lax::copy),
                holomorphic("exp", REAL, REAL, Lax::exp),
                holomorphic("log", POSITIVE, REAL, Lax::log),
                holomorphic("log1p", UNIT_AWAY_FROM_POLES, REAL, Lax::log1p),
                holomorphic("expm1", REAL, REAL, Lax::expm1),
                holomorphic("sqrt", POSITIVE, REAL, Lax::sqrt),
                holomorphic("rsqrt", POSITIVE_AWAY_FROM_POLE, REAL, Lax::rsqrt),
                holomorphic("sin", REAL, REAL, Lax::sin),
                holomorphic("cos", REAL, REAL, Lax::cos),
                holomorphic("tan", UNIT, UNIT, Lax::tan),
                holomorphic("sinh", REAL, REAL, Lax::sinh),
                holomorphic("cosh", REAL, REAL, Lax::cosh),
                holomorphic("tanh", UNIT, UNIT, Lax::tanh),
                holomorphic("integer_pow[y=3]", REAL, REAL, x -> Lax.integerPow(x, 3)),
                holomorphic("integer_pow[y=-2]", NONZERO_AWAY_FROM_POLE, REAL, x -> Lax.integerPow(x, -2)),
                holomorphic2("add", REAL, Lax::add),
                holomorphic2("sub", REAL, Lax::sub),
                holomorphic2("mul", REAL, Lax::mul),
                holomorphic2("div", NONZERO, Lax::div),
                holomorphic2("pow", POSITIVE, Lax::pow),
                real("abs", NONZERO, Lax::abs),
                real("real", REAL, Lax::real),
                real("imag", REAL, Lax::imag),
                real("conj", REAL, Lax::conj));
    }

    /** {@return {@code arity} complex operands of {@code shape} and {@code dtype}, parts drawn from the row's domains} */
    Seq<Array> operands(Shape shape, DType dtype, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Seq<Shape> shapes = Vector.fill(arity, shape);
        Seq<double[]> res = re.sample(rng, shapes), ims = im.sample(rng, shapes);
        return Vector.range(0, arity).map(k -> {
            double[] parts = new double[2 * shape.size()];
            for (int i = 0; i < shape.size(); i++) {
                parts[2 * i] = res.get(k)[i];
                parts[2 * i + 1] = ims.get(k)[i];
            }
            return complex(shape, dtype, parts);
        });
    }

    /** {@return a complex array of {@code dtype} holding interleaved real and imaginary {@code parts}} (rounded to the dtype) */
    static Array complex(Shape shape, DType dtype, double[] parts) {
        HostData h = HostData.allocate(dtype, shape.size());
        for (int i = 0; i < shape.size(); i++) h.setComplex(i, parts[2 * i], parts[2 * i + 1]);
        return Array.fromHost(ShapedArray.of(dtype, shape), h);
    }

    @Override
    public String toString() { return name; }
}
