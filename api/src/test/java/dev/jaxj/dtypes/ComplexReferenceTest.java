package dev.jaxj.dtypes;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.jaxj.dtypes.DTypesReference.check;
import static dev.jaxj.dtypes.DTypesReference.checkBinary;
import static dev.jaxj.dtypes.DTypesReference.checkUnary;
import static dev.jaxj.dtypes.DTypesReference.input;
import static java.util.Map.entry;

/**
 * complex64 and complex128 against NumPy in {@code dtypes_reference.txt}: the elementary
 * functions at generic points and on their branch cuts (each side reached through a signed
 * zero), exp with large real parts, |z| and angle where the squares of the parts overflow or
 * underflow, arithmetic, and products. Functions are held to {@value #ULPS} units in the last
 * place of |f(z)| in the part's type (NumPy and jaxj evaluate them by different formulas);
 * moving parts, negation and conjugation are exact, as are the products of the dyadic matrices.
 */
class ComplexReferenceTest {
    private static final String[] TYPES = {"complex64", "complex128"};
    private static final int ULPS = 4;

    private static final Map<String, Function<Array, Array>> FUNCTIONS = Map.ofEntries(
            entry("sqrt", Jnp::sqrt), entry("log", Jnp::log), entry("exp", Jnp::exp), entry("sin", Jnp::sin),
            entry("cos", Jnp::cos), entry("tan", Jnp::tan), entry("sinh", Jnp::sinh), entry("cosh", Jnp::cosh),
            entry("tanh", Jnp::tanh), entry("reciprocal", Jnp::reciprocal), entry("square", Jnp::square), entry("abs", Jnp::abs), entry("angle", Jnp::angle));

    /** The inverse functions, whose cuts run along the real or the imaginary axis. */
    private static final Map<String, Function<Array, Array>> INVERSE = Map.of(
            "arcsin", Jnp::arcsin, "arccos", Jnp::arccos, "arctan", Jnp::arctan,
            "arcsinh", Jnp::arcsinh, "arccosh", Jnp::arccosh, "arctanh", Jnp::arctanh);

    private static final Map<String, Function<Array, Array>> EXACT = Map.of(
            "negative", Jnp::negative, "conj", Jnp::conj, "real", Jnp::real, "imag", Jnp::imag);

    private static final Map<String, BiFunction<Array, Array, Array>> BINARY = Map.of(
            "add", Jnp::add, "subtract", Jnp::subtract, "multiply", Jnp::multiply, "true_divide", Jnp::divide,
            "equal", Jnp::equal, "not_equal", Jnp::notEqual);

    @TestFactory
    Stream<DynamicTest> shouldEvaluateFunctionsAsNumpy() {
        return Stream.of(TYPES).flatMap(t -> {
            Array z = input(t + ".z");
            return Stream.concat(
                    FUNCTIONS.entrySet().stream().map(op -> DynamicTest.dynamicTest(t + "." + op.getKey(),
                            () -> checkUnary(t + "." + op.getKey(), op.getValue(), z, ULPS))),
                    EXACT.entrySet().stream().map(op -> DynamicTest.dynamicTest(t + "." + op.getKey(),
                            () -> checkUnary(t + "." + op.getKey(), op.getValue(), z, 0))));
        });
    }

    @TestFactory
    Stream<DynamicTest> shouldTakeTheSideOfTheBranchCutThatTheSignedZeroNames() {
        return Stream.of(TYPES).flatMap(t -> Stream.of("sqrt", "log")
                .map(op -> DynamicTest.dynamicTest(t + ".cut." + op,
                        () -> checkUnary(t + ".cut." + op, FUNCTIONS.get(op), input(t + ".cut." + op), ULPS))));
    }

    @Test
    void shouldEvaluateInverseFunctionsOnAndOffTheirCutsAsNumpy() {
        for (String t : TYPES) {
            for (var op : INVERSE.entrySet()) {
                checkUnary(t + "." + op.getKey(), op.getValue(), input(t + ".z"), ULPS);
                checkUnary(t + ".cut." + op.getKey(), op.getValue(), input(t + ".cut." + op.getKey()), ULPS);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> shouldDoArithmeticAsNumpy() {
        return Stream.of(TYPES).flatMap(t -> {
            Array z = input(t + ".z"), zy = input(t + ".zy");
            return BINARY.entrySet().stream().map(op -> DynamicTest.dynamicTest(t + "." + op.getKey(),
                    // Division is Smith's in NumPy; the two formulas round differently.
                    () -> checkBinary(t + "." + op.getKey(), op.getValue(), z, zy, op.getKey().equals("true_divide") ? ULPS : 0)));
        });
    }

    @Test
    void shouldRaiseToComplexPowersAndExponentiateLargeArguments() {
        for (String t : TYPES) {
            checkBinary(t + ".power", Jnp::power, input(t + ".z"), input(t + ".w"), ULPS);
            checkUnary(t + ".exp_large", Jnp::exp, input(t + ".exp_large"), ULPS);
        }
    }

    @Test
    void shouldTakeModulusAndAngleWithoutOverflow() {
        for (String t : TYPES) {
            Array a = input(t + ".abs_wide");
            checkUnary(t + ".abs_wide", Jnp::abs, a, 1);
            checkUnary(t + ".angle_wide", Jnp::angle, a, 1);
        }
    }

    @Test
    void shouldMultiplyMatricesAsNumpy() {
        for (String t : TYPES) {
            Array p = input(t + ".p"), q = input(t + ".q"), u = input(t + ".u");
            checkBinary(t + ".matmul", Jnp::matmul, p, q, 0);
            Array row = Jnp.take(p, Jnp.array(new int[] {1}), 0).reshape(3);
            check(t + ".dot", Jnp.dot(u, row), 0);
            check(t + ".vdot", Jnp.vdot(u, row), 0);
            checkBinary(t + ".matmul_random", Jnp::matmul, input(t + ".g"), input(t + ".h"), ULPS);
        }
    }
}
