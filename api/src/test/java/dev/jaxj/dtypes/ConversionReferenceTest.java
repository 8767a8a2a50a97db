package dev.jaxj.dtypes;

import dev.jaxj.Jnp;
import dev.jaxj.ir.DType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static dev.jaxj.dtypes.DTypesReference.checkUnary;
import static dev.jaxj.dtypes.DTypesReference.input;
import static dev.jaxj.dtypes.DTypesReference.results;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code astype} between every pair of dtypes of which one is new (bf16, f16, i8, u8, i16, u16,
 * c64, c128), eager and under jit, exactly against NumPy's conversions (torch's to bf16) in
 * {@code dtypes_reference.txt}: floats to integers truncating toward zero, integers wrapping,
 * round to nearest even with ties, subnormals and overflow to infinity, complex to real keeping
 * the real part, on the values where NumPy and JAX agree (see the script).
 */
class ConversionReferenceTest {
    private static final List<String> CASES = results("astype.");

    @Test
    void shouldStoreEveryPairWithANewType() {
        // 14 dtypes: 14 * 13 ordered pairs, less the 6 * 5 between the old types.
        assertEquals(14 * 13 - 6 * 5, CASES.size());
    }

    @Test
    void shouldRoundFloat64ToFloat16Once() {
        for (String name : List.of("astype_once.float64.float16", "astype_once.complex128.float16")) {
            checkUnary(name, x -> Jnp.astype(x, DType.F16), input(name), 0);
        }
    }

    @TestFactory
    Stream<DynamicTest> shouldConvertAsNumpy() {
        return CASES.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            DType to = DType.parse(name.substring(name.lastIndexOf('.') + 1));
            checkUnary(name, x -> Jnp.astype(x, to), input(name), 0);
        }));
    }
}
