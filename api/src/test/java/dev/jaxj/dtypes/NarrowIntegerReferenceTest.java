package dev.jaxj.dtypes;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
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
 * i8, u8, i16 and u16 elementwise, eager and under jit, against NumPy's results in
 * {@code dtypes_reference.txt}: arithmetic wrapping on overflow, floor division and remainder
 * (without division by zero and MIN / -1, where JAX and NumPy differ), true division in f32,
 * comparisons, bitwise operations and shifts by less than the width. All exact.
 */
class NarrowIntegerReferenceTest {
    private static final String[] TYPES = {"int8", "uint8", "int16", "uint16"};

    static final Map<String, BiFunction<Array, Array, Array>> BINARY = Map.ofEntries(
            entry("add", Jnp::add), entry("subtract", Jnp::subtract), entry("multiply", Jnp::multiply),
            entry("true_divide", Jnp::divide), entry("equal", Jnp::equal), entry("not_equal", Jnp::notEqual),
            entry("less", Jnp::less), entry("less_equal", Jnp::lessEqual), entry("greater", Jnp::greater),
            entry("greater_equal", Jnp::greaterEqual), entry("minimum", Jnp::minimum), entry("maximum", Jnp::maximum));

    private static final Map<String, BiFunction<Array, Array, Array>> BITS = Map.ofEntries(
            entry("bitwise_and", Jnp::bitwiseAnd), entry("bitwise_or", Jnp::bitwiseOr), entry("bitwise_xor", Jnp::bitwiseXor));

    private static final Map<String, Function<Array, Array>> UNARY = Map.ofEntries(
            entry("negative", Jnp::negative), entry("abs", Jnp::abs), entry("invert", Jnp::invert));

    @TestFactory
    Stream<DynamicTest> shouldComputeAsNumpyInEachNarrowIntegerType() {
        return Stream.of(TYPES).flatMap(t -> {
            Array x = input(t + ".x"), y = input(t + ".y"), xd = input(t + ".xd"), yd = input(t + ".yd"), s = input(t + ".shift");
            Stream<DynamicTest> binary = Stream.concat(BINARY.entrySet().stream(), BITS.entrySet().stream())
                    .map(op -> DynamicTest.dynamicTest(t + "." + op.getKey(), () -> checkBinary(t + "." + op.getKey(), op.getValue(), x, y, 0)));
            Stream<DynamicTest> unary = UNARY.entrySet().stream()
                    .map(op -> DynamicTest.dynamicTest(t + "." + op.getKey(), () -> checkUnary(t + "." + op.getKey(), op.getValue(), x, 0)));
            Stream<DynamicTest> division = Stream.of(
                    DynamicTest.dynamicTest(t + ".floor_divide", () -> checkBinary(t + ".floor_divide", Jnp::floorDivide, xd, yd, 0)),
                    DynamicTest.dynamicTest(t + ".remainder", () -> checkBinary(t + ".remainder", Jnp::remainder, xd, yd, 0)),
                    DynamicTest.dynamicTest(t + ".left_shift", () -> checkBinary(t + ".left_shift", Jnp::leftShift, x, s, 0)),
                    DynamicTest.dynamicTest(t + ".right_shift", () -> checkBinary(t + ".right_shift", Jnp::rightShift, x, s, 0)));
            return Stream.of(binary, unary, division).flatMap(d -> d);
        });
    }

    @Test
    void shouldWrapAroundOnOverflow() {
        // i8 127 + 1 = -128, u8 0 - 1 = 255, i16 -32768 - 1 = 32767, u16 65535² = 1 (mod 2^16)
        check("wrap.int8", Jnp.add(one(127, DType.I8), one(1, DType.I8)), 0);
        check("wrap.uint8", Jnp.subtract(one(0, DType.U8), one(1, DType.U8)), 0);
        check("wrap.int16", Jnp.subtract(one(-32768, DType.I16), one(1, DType.I16)), 0);
        check("wrap.uint16", Jnp.multiply(one(65535, DType.U16), one(65535, DType.U16)), 0);
    }

    private static Array one(double v, DType dtype) { return Jnp.array(new double[] {v}, dtype, 1); }
}
