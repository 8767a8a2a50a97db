package dev.jaxj.dtypes;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static dev.jaxj.dtypes.DTypesReference.check;
import static dev.jaxj.dtypes.DTypesReference.dtype;
import static dev.jaxj.dtypes.DTypesReference.expected;
import static dev.jaxj.dtypes.DTypesReference.input;
import static dev.jaxj.dtypes.DTypesReference.results;
import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Reductions over each axis of a matrix of every new dtype, with JAX's result dtypes (narrow
 * integers sum and multiply in i32 or u32, integer means are f32, argmax is i32, cumsum keeps the
 * type) and NumPy's values, which these small dyadic cases make exact; and the promotion of
 * mixed pairs, through {@code promote_types} and through an addition, where JAX's lattice agrees
 * with NumPy's and, from JAX's published table, where it does not.
 */
class ReductionAndPromotionReferenceTest {
    private static final Map<String, BiFunction<Array, Integer, Array>> REDUCTIONS = Map.ofEntries(
            entry("sum", Jnp::sum), entry("prod", Jnp::prod), entry("mean", Jnp::mean), entry("cumsum", Jnp::cumsum),
            entry("max", Jnp::max), entry("min", Jnp::min), entry("argmax", Jnp::argmax));

    @TestFactory
    Stream<DynamicTest> shouldReduceWithJaxDtypesAndNumpyValues() {
        List<String> cases = results("").stream().filter(n -> n.matches("[a-z0-9]+\\.(" + String.join("|", REDUCTIONS.keySet()) + ")[01]"))
                .filter(n -> !COMPLEX_PRODUCTS.contains(n)).toList();
        // 8 types, 2 axes, 4 reductions each (7 for the real types), less the complex products.
        assertEquals(8 * 2 * 4 + 6 * 2 * 3 - 4, cases.size(), "reduction cases read");
        return cases.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            String type = name.substring(0, name.indexOf('.')), op = name.substring(name.indexOf('.') + 1, name.length() - 1);
            int axis = name.charAt(name.length() - 1) - '0';
            check(name, REDUCTIONS.get(op).apply(input(type + ".m"), axis), 0);
        }));
    }

    /**
     * JAX multiplies complex numbers along an axis. Adding +0 leaves every value but a zero's
     * sign: the sign of a zero part of a product depends on the order the factors are multiplied
     * in (NumPy folds left to right; jaxj's lowering multiplies in a tree), which JAX leaves to XLA.
     */
    private static final List<String> COMPLEX_PRODUCTS = List.of("complex64.prod0", "complex64.prod1", "complex128.prod0", "complex128.prod1");

    @Test
    void shouldMultiplyComplexNumbersAlongAnAxisAsNumpy() {
        for (String name : COMPLEX_PRODUCTS) {
            Array product = Jnp.prod(input(name.substring(0, name.indexOf('.')) + ".m"), name.charAt(name.length() - 1) - '0');
            Array want = expected(name);
            assertEquals(want.aval(), product.aval(), name);
            assertArrayEquals(Jnp.add(want, Jnp.zerosLike(want)).toComplexArray(), Jnp.add(product, Jnp.zerosLike(product)).toComplexArray(), name);
        }
    }

    @TestFactory
    Stream<DynamicTest> shouldPromoteMixedPairsAsJax() {
        return results("promote.").stream().filter(n -> !n.endsWith(".x") && !n.endsWith(".y")).map(name -> DynamicTest.dynamicTest(name, () -> {
            Array x = input(name + ".x"), y = input(name + ".y");
            assertEquals(dtype(name), Jnp.promoteTypes(x.dtype(), y.dtype()), name);
            assertEquals(dtype(name), Jnp.promoteTypes(y.dtype(), x.dtype()), name + " (swapped)");
            check(name, Jnp.add(x, y), 0);
        }));
    }

}
