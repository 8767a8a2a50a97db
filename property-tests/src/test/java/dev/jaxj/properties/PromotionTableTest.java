package dev.jaxj.properties;

import dev.jaxj.Jnp;
import dev.jaxj.array.Promotion;
import dev.jaxj.array.Promotion.Typed;
import dev.jaxj.ir.DType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * jaxj's promotion against JAX's published binary promotion table
 * (docs.jax.dev/en/latest/type_promotion.html, "Type promotion semantics"), restricted to
 * the dtypes jaxj has: b1, u4, u8, i4, i8, f4, f8 and the weak i*, f*. Where two integers join at
 * {@code f*} (u64 with a signed integer) the table's cell is written {@code f*'}: jaxj gives f64
 * there, weakly typed, as JAX does with 64-bit types enabled, where every other {@code f*} is f32.
 */
class PromotionTableTest {
    private static final String[] COLUMNS = {"b1", "u4", "u8", "i4", "i8", "f4", "f8", "i*", "f*"};

    // Rows copied from the published table (columns b1 u4 u8 i4 i8 f4 f8 i* f*).
    private static final String[][] TABLE = {
            {"b1", "u4", "u8", "i4", "i8", "f4", "f8", "i*", "f*"},
            {"u4", "u4", "u8", "i8", "i8", "f4", "f8", "u4", "f*"},
            {"u8", "u8", "u8", "f*'", "f*'", "f4", "f8", "u8", "f*"},
            {"i4", "i8", "f*'", "i4", "i8", "f4", "f8", "i4", "f*"},
            {"i8", "i8", "f*'", "i8", "i8", "f4", "f8", "i8", "f*"},
            {"f4", "f4", "f4", "f4", "f4", "f4", "f8", "f4", "f4"},
            {"f8", "f8", "f8", "f8", "f8", "f8", "f8", "f8", "f8"},
            {"i*", "u4", "u8", "i4", "i8", "f4", "f8", "i*", "f*"},
            {"f*", "f*", "f*", "f*", "f*", "f4", "f8", "f*", "f*"},
    };

    // A weak i*/f* stands for a Java int/double; in jaxj's default mode they are i32/f32, weakly typed.
    private static final Map<String, Typed> TYPES = Map.of(
            "b1", new Typed(DType.BOOL, false), "u4", new Typed(DType.U32, false), "u8", new Typed(DType.U64, false),
            "i4", new Typed(DType.I32, false), "i8", new Typed(DType.I64, false),
            "f4", new Typed(DType.F32, false), "f8", new Typed(DType.F64, false),
            "i*", new Typed(DType.I32, true), "f*", new Typed(DType.F32, true), "f*'", new Typed(DType.F64, true));

    @Test
    void joinShouldEqualJaxsPublishedTable() {
        for (int r = 0; r < COLUMNS.length; r++) {
            for (int c = 0; c < COLUMNS.length; c++) {
                Typed got = Promotion.join(TYPES.get(COLUMNS[r]), TYPES.get(COLUMNS[c]));
                assertEquals(TYPES.get(TABLE[r][c]), got, COLUMNS[r] + " + " + COLUMNS[c]);
            }
        }
    }

    @Test
    void promoteTypesShouldBeSymmetricAndIdempotentOnStrongTypes() {
        for (DType a : DType.values()) {
            assertEquals(a, Jnp.promoteTypes(a, a));
            for (DType b : DType.values()) assertEquals(Jnp.promoteTypes(a, b), Jnp.promoteTypes(b, a), a + " vs " + b);
        }
    }
}
