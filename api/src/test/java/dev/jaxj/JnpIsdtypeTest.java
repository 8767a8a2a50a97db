package dev.jaxj;

import dev.jaxj.Jnp.DTypeKind;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.DType;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Jnp#isdtype} against the array API's table of kinds, written out per dtype. */
class JnpIsdtypeTest {
    private static final Map<DType, Set<DTypeKind>> KINDS = Map.ofEntries(
            Map.entry(DType.BOOL, EnumSet.of(DTypeKind.BOOL)),
            Map.entry(DType.I8, EnumSet.of(DTypeKind.SIGNED_INTEGER, DTypeKind.INTEGRAL, DTypeKind.NUMERIC)),
            Map.entry(DType.I16, EnumSet.of(DTypeKind.SIGNED_INTEGER, DTypeKind.INTEGRAL, DTypeKind.NUMERIC)),
            Map.entry(DType.I32, EnumSet.of(DTypeKind.SIGNED_INTEGER, DTypeKind.INTEGRAL, DTypeKind.NUMERIC)),
            Map.entry(DType.I64, EnumSet.of(DTypeKind.SIGNED_INTEGER, DTypeKind.INTEGRAL, DTypeKind.NUMERIC)),
            Map.entry(DType.U8, EnumSet.of(DTypeKind.UNSIGNED_INTEGER, DTypeKind.INTEGRAL, DTypeKind.NUMERIC)),
            Map.entry(DType.U16, EnumSet.of(DTypeKind.UNSIGNED_INTEGER, DTypeKind.INTEGRAL, DTypeKind.NUMERIC)),
            Map.entry(DType.U32, EnumSet.of(DTypeKind.UNSIGNED_INTEGER, DTypeKind.INTEGRAL, DTypeKind.NUMERIC)),
            Map.entry(DType.BF16, EnumSet.of(DTypeKind.REAL_FLOATING, DTypeKind.NUMERIC)),
            Map.entry(DType.F16, EnumSet.of(DTypeKind.REAL_FLOATING, DTypeKind.NUMERIC)),
            Map.entry(DType.F32, EnumSet.of(DTypeKind.REAL_FLOATING, DTypeKind.NUMERIC)),
            Map.entry(DType.F64, EnumSet.of(DTypeKind.REAL_FLOATING, DTypeKind.NUMERIC)),
            Map.entry(DType.C64, EnumSet.of(DTypeKind.COMPLEX_FLOATING, DTypeKind.NUMERIC)),
            Map.entry(DType.C128, EnumSet.of(DTypeKind.COMPLEX_FLOATING, DTypeKind.NUMERIC)));

    @Test
    void eachDtypeIsOfExactlyItsKinds() {
        KINDS.forEach((d, kinds) -> {
            for (DTypeKind k : DTypeKind.values()) {
                assertEquals(kinds.contains(k), Jnp.isdtype(d, k), d + " is " + k.jaxName());
                assertEquals(kinds.contains(k), Jnp.isdtype(d, k.jaxName()), d + " is '" + k.jaxName() + "'");
            }
        });
    }

    @Test
    void tuplesMatchAnyOfTheirMembers() {
        assertTrue(Jnp.isdtype(DType.F16, DTypeKind.BOOL, DTypeKind.REAL_FLOATING));
        assertTrue(Jnp.isdtype(DType.C64, "integral", "complex floating"));
        assertFalse(Jnp.isdtype(DType.BOOL, "numeric", "integral"));
        assertFalse(Jnp.isdtype(DType.F32, new DTypeKind[0]));
        assertTrue(Jnp.isdtype(DType.F32, DType.F64, DType.F32));
        assertFalse(Jnp.isdtype(DType.BF16, DType.F16, DType.F32));
    }

    @Test
    void anUnknownKindNameIsRefusedWithTheNamesThereAre() {
        ArgumentError e = assertThrows(ArgumentError.class, () -> Jnp.isdtype(DType.F32, "floating"));
        assertTrue(e.getMessage().contains("'real floating'") && e.getMessage().contains("got 'floating'"), e.getMessage());
    }
}
