package dev.jaxj.dtypes;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.jaxj.dtypes.DTypesReference.checkBinary;
import static dev.jaxj.dtypes.DTypesReference.checkUnary;
import static dev.jaxj.dtypes.DTypesReference.input;
import static dev.jaxj.dtypes.DTypesReference.results;
import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * f16 and bf16 elementwise, eager and under jit, against NumPy (f16) and torch (bf16) in
 * {@code dtypes_reference.txt}: each operation computed in f32 and rounded once, as JAX does.
 * Arithmetic and comparisons are exact, overflow to infinity, subnormals, signed zeros and NaN
 * included. Transcendentals may differ by one unit in the last place of the 16-bit type: jaxj's
 * f32 result and NumPy's may differ in their last f32 bit and so fall on either side of a
 * 16-bit rounding boundary.
 */
class HalfFloatReferenceTest {
    private static final String[] TYPES = {"float16", "bfloat16"};

    private static final Map<String, Function<Array, Array>> UNARY = Map.ofEntries(
            entry("exp", Jnp::exp), entry("log", Jnp::log), entry("sin", Jnp::sin), entry("cos", Jnp::cos),
            entry("tan", Jnp::tan), entry("tanh", Jnp::tanh), entry("sqrt", Jnp::sqrt), entry("log1p", Jnp::log1p),
            entry("expm1", Jnp::expm1), entry("arctan", Jnp::arctan), entry("sinh", Jnp::sinh), entry("arcsinh", Jnp::arcsinh));

    private static final Map<String, Function<Array, Array>> EXACT_UNARY = Map.of("negative", Jnp::negative, "abs", Jnp::abs);

    @TestFactory
    Stream<DynamicTest> shouldRoundArithmeticOnceAsNumpyAndTorchDo() {
        return Stream.of(TYPES).flatMap(t -> {
            Array x = input(t + ".x"), y = input(t + ".y");
            return Stream.concat(
                    NarrowIntegerReferenceTest.BINARY.entrySet().stream().map(op -> DynamicTest.dynamicTest(t + "." + op.getKey(),
                            () -> checkBinary(t + "." + op.getKey(), op.getValue(), x, y, 0))),
                    EXACT_UNARY.entrySet().stream().map(op -> DynamicTest.dynamicTest(t + "." + op.getKey(),
                            () -> checkUnary(t + "." + op.getKey(), op.getValue(), x, 0))));
        });
    }

    @TestFactory
    Stream<DynamicTest> shouldComputeTranscendentalsInF32AndRoundOnce() {
        return Stream.of(TYPES).flatMap(t -> UNARY.entrySet().stream().map(op -> {
            String name = t + "." + op.getKey();
            // log and sqrt have positive inputs of their own.
            Array x = input(t + (op.getKey().equals("log") || op.getKey().equals("sqrt") ? ".tpos" : ".t"));
            return DynamicTest.dynamicTest(name, () -> checkUnary(name, op.getValue(), x, 1));
        }));
    }

    @TestFactory
    Stream<DynamicTest> shouldCoverEveryStoredOperation() {
        // Every result the script wrote for these types has a check above.
        return Stream.of(TYPES).map(t -> DynamicTest.dynamicTest(t, () -> {
            var covered = new TreeSet<String>();
            NarrowIntegerReferenceTest.BINARY.keySet().forEach(k -> covered.add(t + "." + k));
            UNARY.keySet().forEach(k -> covered.add(t + "." + k));
            EXACT_UNARY.keySet().forEach(k -> covered.add(t + "." + k));
            var stored = new TreeSet<>(results(t + "."));
            stored.removeIf(n -> n.matches(".*\\.(sum|prod|mean|cumsum|max|min|argmax)[01]$"));
            assertEquals(stored, covered);
        }));
    }
}
