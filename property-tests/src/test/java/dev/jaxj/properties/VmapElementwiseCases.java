package dev.jaxj.properties;

import dev.jaxj.Jax;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.RoundingMethod;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.properties.VmapCase.Draw;
import dev.jaxj.properties.VmapCase.Instance;
import dev.jaxj.properties.VmapCase.Operand;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import static dev.jaxj.properties.VmapCase.Operand.*;

/** Rows of the vmap table for elementwise, reduction, scan, sort, random-bits and marker primitives, and custom rules. */
final class VmapElementwiseCases {
    private VmapElementwiseCases() {}

    private static VmapCase unary(String name, Function<Shape, Operand> operand, UnaryOperator<Array> f) {
        return new VmapCase(name, d -> Instance.of(Vector.of(operand.apply(d.shape())), xs -> f.apply(xs.head())));
    }

    private static VmapCase binary(String name, Function<Shape, Operand> lhs, Function<Shape, Operand> rhs, BinaryOperator<Array> f) {
        return new VmapCase(name, d -> {
            Shape s = d.shape();
            return Instance.of(Vector.of(lhs.apply(s), rhs.apply(s)), xs -> f.apply(xs.get(0), xs.get(1)));
        });
    }

    private static VmapCase binary(String name, Function<Shape, Operand> operands, BinaryOperator<Array> f) {
        return binary(name, operands, operands, f);
    }

    static Seq<VmapCase> all() {
        Function<Shape, Operand> shifts = s -> ints(s, 0, 36), anyInt = s -> ints(s, -1000, 1000);
        return Vector.of(
                unary("neg", Operand::real, Lax::neg),
                unary("abs", s -> ints(s, -9, 9), Lax::abs),
                unary("sign", Operand::real, Lax::sign),
                unary("integer_pow", Operand::real, x -> Lax.integerPow(x, 3)),
                unary("floor", Operand::real, Lax::floor),
                unary("ceil", Operand::real, Lax::ceil),
                unary("round", Operand::real, x -> Lax.round(x, RoundingMethod.TO_NEAREST_EVEN)),
                unary("exp", Operand::real, Lax::exp),
                unary("exp2", Operand::real, Lax::exp2),
                unary("log", Operand::positive, Lax::log),
                unary("log1p", Operand::positive, Lax::log1p),
                unary("expm1", Operand::real, Lax::expm1),
                unary("sqrt", Operand::positive, Lax::sqrt),
                unary("rsqrt", Operand::positive, Lax::rsqrt),
                unary("cbrt", Operand::real, Lax::cbrt),
                unary("sin", Operand::real, Lax::sin),
                unary("cos", Operand::real, Lax::cos),
                unary("tan", Operand::unit, Lax::tan),
                unary("asin", Operand::unit, Lax::asin),
                unary("acos", Operand::unit, Lax::acos),
                unary("atan", Operand::real, Lax::atan),
                unary("sinh", Operand::real, Lax::sinh),
                unary("cosh", Operand::real, Lax::cosh),
                unary("tanh", Operand::real, Lax::tanh),
                unary("asinh", Operand::real, Lax::asinh),
                unary("acosh", s -> new Operand(DType.F32, s, 1.1, 3), Lax::acosh),
                unary("atanh", Operand::unit, Lax::atanh),
                unary("logistic", Operand::real, Lax::logistic),
                unary("erf", Operand::real, Lax::erf),
                unary("erfc", Operand::real, Lax::erfc),
                unary("erf_inv", Operand::unit, Lax::erfInv),
                unary("lgamma", Operand::positive, Lax::lgamma),
                unary("digamma", Operand::positive, Lax::digamma),
                unary("is_finite", s -> new Operand(DType.F32, s, -1e39, 1e39), Lax::isFinite),
                unary("not", Operand::bools, Lax::not),
                unary("convert_element_type", Operand::real, x -> Lax.convertElementType(x, DType.I32)),
                unary("bitcast_convert_type", Operand::real, x -> Lax.bitcastConvertType(x, DType.I32)),
                unary("copy", Operand::real, Lax::copy),
                unary("stop_gradient", Operand::real, Lax::stopGradient),
                // Float formats
                unary("reduce_precision", Operand::real, x -> Lax.reducePrecision(x, 5, 10)),
                binary("add", Operand::real, Lax::add),
                binary("sub", Operand::real, Lax::sub),
                binary("mul", Operand::real, Lax::mul),
                binary("div", Operand::real, Operand::positive, Lax::div),
                binary("rem", Operand::real, Operand::positive, Lax::rem),
                binary("max", Operand::real, Lax::max),
                binary("min", Operand::real, Lax::min),
                binary("pow", Operand::positive, Operand::real, Lax::pow),
                binary("atan2", Operand::real, Lax::atan2),
                binary("nextafter", Operand::real, Lax::nextafter),
                binary("and", Operand::bools, Lax::and),
                binary("or", anyInt, Lax::or),
                binary("xor", Operand::bools, Lax::xor),
                binary("shift_left", anyInt, shifts, Lax::shiftLeft),
                binary("shift_right_logical", anyInt, shifts, Lax::shiftRightLogical),
                binary("shift_right_arithmetic", anyInt, shifts, Lax::shiftRightArithmetic),
                binary("eq", s -> ints(s, 0, 3), Lax::eq),
                binary("ne", s -> ints(s, 0, 3), Lax::ne),
                binary("lt", Operand::real, Lax::lt),
                binary("le", Operand::real, Lax::le),
                binary("gt", Operand::real, Lax::gt),
                binary("ge", Operand::real, Lax::ge),
                new VmapCase("select_n", VmapElementwiseCases::selectN),
                new VmapCase("clamp", d -> {
                    Shape s = d.shape();
                    Shape bounds = d.coin() ? Shape.SCALAR : s;
                    return Instance.of(Vector.of(new Operand(DType.F32, bounds, -2, 0), real(s), new Operand(DType.F32, bounds, 0, 2)),
                            xs -> Lax.clamp(xs.get(0), xs.get(1), xs.get(2)));
                }),
                new VmapCase("threefry2x32", d -> {
                    Shape s = d.shape();
                    return new Instance(Vector.fill(4, u32(s)), xs -> Lax.threefry2x32(xs.get(0), xs.get(1), xs.get(2), xs.get(3)));
                }),
                new VmapCase("iota", d -> {
                    Shape s = d.shape(1, 3, 0, 4);
                    int axis = d.between(0, s.rank() - 1);
                    return Instance.of(Vector.of(real(s)), xs -> Lax.add(xs.head(), Lax.convertElementType(Lax.iota(DType.I32, s, axis), DType.F32)));
                }),
                reduction("reduce_sum", Operand::real, Lax::reduceSum),
                reduction("reduce_prod", Operand::real, Lax::reduceProd),
                reduction("reduce_max", Operand::real, Lax::reduceMax),
                reduction("reduce_min", s -> ints(s, -50, 50), Lax::reduceMin),
                reduction("reduce_and", Operand::bools, Lax::reduceAnd),
                reduction("reduce_or", s -> ints(s, 0, 8), Lax::reduceOr),
                argReduction("argmax", (x, axis) -> Lax.argmax(x, axis, DType.I32)),
                argReduction("argmin", (x, axis) -> Lax.argmin(x, axis, DType.I64)),
                scan("cumsum", Lax::cumsum),
                scan("cumprod", Lax::cumprod),
                scan("cummax", Lax::cummax),
                scan("cummin", Lax::cummin),
                new VmapCase("sort", d -> {
                    Shape s = d.shape(1, 3, 0, 4);
                    int dim = d.between(0, s.rank() - 1), n = d.between(1, 3), keys = d.between(1, n);
                    boolean stable = d.coin();
                    // Integer keys in a small range give ties, which a stable sort must keep in order.
                    Seq<Operand> ops = Vector.range(0, n).map(i -> i == 0 && stable ? ints(s, 0, 3) : real(s));
                    return new Instance(ops, xs -> Lax.sort(xs, dim, stable, keys));
                }),
                new VmapCase("custom_jvp_call", d -> Instance.of(Vector.of(real(d.shape())),
                        xs -> Jax.customJvp(x -> x.sin().mul(x), (x, t) -> new Jax.JvpResult<>(x.sin().mul(x), t.mul(3.0))).apply(xs.head()))),
                new VmapCase("custom_vjp_call", d -> Instance.of(Vector.of(real(d.shape())),
                        xs -> Jax.customVjp(x -> x.mul(x), x -> new Jax.Residuals(x.mul(x), Vector.of(x)),
                                (res, ct) -> ct.mul(res.head()).mul(5.0)).apply(xs.head()))));
    }

    private static Instance selectN(Draw d) {
        Shape s = d.shape();
        int cases = d.between(2, 3);
        Shape which = d.coin() ? Shape.SCALAR : s;
        Operand w = cases == 2 ? bools(which) : ints(which, 0, cases);
        return new Instance(Vector.fill(cases, real(s)).prepend(w), xs -> Vector.of(Lax.selectN(xs.head(), xs.tail())));
    }

    @FunctionalInterface
    private interface Reduce {
        Array apply(Array x, Seq<Integer> axes);
    }

    private static VmapCase reduction(String name, Function<Shape, Operand> operand, Reduce f) {
        return new VmapCase(name, d -> {
            Shape s = d.shape();
            Seq<Integer> axes = d.subset(s.rank());
            return Instance.of(Vector.of(operand.apply(s)), xs -> f.apply(xs.head(), axes));
        });
    }

    /** Arg reductions need a non-empty axis. */
    private static VmapCase argReduction(String name, java.util.function.BiFunction<Array, Integer, Array> f) {
        return new VmapCase(name, d -> {
            Shape s = d.shape(1, 3, 1, 4);
            int axis = d.between(0, s.rank() - 1);
            return Instance.of(Vector.of(real(s)), xs -> f.apply(xs.head(), axis));
        });
    }

    @FunctionalInterface
    private interface Scan {
        Array apply(Array x, int axis, boolean reverse);
    }

    private static VmapCase scan(String name, Scan f) {
        return new VmapCase(name, d -> {
            Shape s = d.shape(1, 3, 0, 4);
            int axis = d.between(0, s.rank() - 1);
            boolean reverse = d.coin();
            return Instance.of(Vector.of(real(s)), xs -> f.apply(xs.head(), axis, reverse));
        });
    }
}
