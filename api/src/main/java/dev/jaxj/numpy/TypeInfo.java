package dev.jaxj.numpy;

import dev.jaxj.Jnp.Casting;
import dev.jaxj.Jnp.DTypeCategory;
import dev.jaxj.Jnp.DTypeKind;
import dev.jaxj.Jnp.Finfo;
import dev.jaxj.Jnp.Iinfo;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.ir.DType;

/**
 * Machine limits of dtypes ({@code finfo}, {@code iinfo}) and the questions about dtypes that
 * need no array: {@code can_cast}, {@code issubdtype} and {@code isdtype}, answered as NumPy answers them for
 * the dtypes jaxj has.
 */
public final class TypeInfo {
    private TypeInfo() {}

    /** @throws DTypeError for a dtype that is not floating */
    public static Finfo finfo(DType d) {
        return switch (d) {
            case F32 -> new Finfo(d, 32, 0x1p-23, 0x1p-24, Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_NORMAL, Float.MIN_VALUE,
                    1e-6, 6, 8, -23, 128, -126, -24, 8, 23);
            case F64 -> new Finfo(d, 64, 0x1p-52, 0x1p-53, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, Double.MIN_VALUE,
                    1e-15, 15, 11, -52, 1024, -1022, -53, 11, 52);
            case BF16 -> new Finfo(d, 16, 0x1p-7, 0x1p-8, 0x1.fep127, -0x1.fep127, Float.MIN_NORMAL, 0x1p-133,
                    0.01, 2, 8, -7, 128, -126, -8, 8, 7);
            case F16 -> new Finfo(d, 16, 0x1p-10, 0x1p-11, 65504, -65504, 0x1p-14, 0x1p-24,
                    0.001, 3, 5, -10, 16, -14, -11, 5, 10);
            // As NumPy: a complex type's limits are those of its parts.
            case C64, C128 -> finfo(d.realType());
            case I32, I64, U32, BOOL, I8, I16, U8, U16, U64 -> throw new DTypeError("finfo", "requires a floating or complex dtype, got " + d);
        };
    }

    /** @throws DTypeError for a dtype that is not an integer */
    public static Iinfo iinfo(DType d) {
        return switch (d) {
            case I32 -> new Iinfo(d, 32, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case I64 -> new Iinfo(d, 64, Long.MIN_VALUE, Long.MAX_VALUE);
            case U32 -> new Iinfo(d, 32, 0, 0xFFFF_FFFFL);
            case I8 -> new Iinfo(d, 8, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case I16 -> new Iinfo(d, 16, Short.MIN_VALUE, Short.MAX_VALUE);
            case U8 -> new Iinfo(d, 8, 0, 0xFF);
            case U16 -> new Iinfo(d, 16, 0, 0xFFFF);
            case U64 -> new Iinfo(d, 64, 0, -1L);      // 2^64 - 1 as its bits, as u64 elements are read
            case F32, F64, BOOL, BF16, F16, C64, C128 -> throw new DTypeError("iinfo", "requires an integer dtype, got " + d);
        };
    }

    /** Whether every value of {@code from} converts to {@code to} under the {@code casting} rule. */
    public static boolean canCast(DType from, DType to, Casting casting) {
        return switch (casting) {
            case NO, EQUIV -> from == to;
            case SAFE -> safe(from, to);
            case SAME_KIND -> safe(from, to) || rank(from.kind()) <= rank(to.kind()) && from.kind() != DType.Kind.BOOL;
            case UNSAFE -> true;
        };
    }

    /** Every value representable: wider or equal within a kind, unsigned into a wider signed type, integers into a float with more bits (and, as NumPy allows, 64-bit integers into f64). */
    private static boolean safe(DType from, DType to) {
        if (from == to || from.isBool()) return true;
        return switch (from.kind()) {
            case BOOL -> true;
            case UNSIGNED -> switch (to.kind()) {
                case UNSIGNED -> to.bits() >= from.bits();
                case SIGNED -> to.bits() > from.bits();
                case FLOAT -> intoFloat(from, to);
                case COMPLEX -> intoFloat(from, to.realType());
                case BOOL -> false;
            };
            case SIGNED -> switch (to.kind()) {
                case SIGNED -> to.bits() >= from.bits();
                case FLOAT -> intoFloat(from, to);
                case COMPLEX -> intoFloat(from, to.realType());
                case UNSIGNED, BOOL -> false;
            };
            // bf16 and f16 have different ranges and precisions: neither holds the other.
            case FLOAT -> to.isInexact() && to.realType().bits() >= from.bits() && !(from.bits() == 16 && to.realType().bits() == 16 && from != to.realType());
            case COMPLEX -> to.isComplex() && to.bits() >= from.bits();
        };
    }

    private static boolean intoFloat(DType from, DType to) { return to.bits() > from.bits() || from.bits() == 64 && to.bits() == 64; }

    /** NumPy's order of kinds for {@code same_kind}: a cast may go up this order, or stay within a kind. */
    private static int rank(DType.Kind k) {
        return switch (k) {
            case BOOL -> 0;
            case UNSIGNED -> 1;
            case SIGNED -> 2;
            case FLOAT -> 3;
            case COMPLEX -> 4;
        };
    }

    /** Whether {@code d} lies under {@code category} in NumPy's type hierarchy. */
    /** {@return whether {@code d} is of any of {@code kinds}} (JAX's {@code isdtype}) */
    public static boolean isdtype(DType d, DTypeKind... kinds) {
        for (DTypeKind k : kinds) {
            boolean match = switch (k) {
                case BOOL -> d.isBool();
                case SIGNED_INTEGER -> d.kind() == DType.Kind.SIGNED;
                case UNSIGNED_INTEGER -> d.kind() == DType.Kind.UNSIGNED;
                case INTEGRAL -> d.isInteger();
                case REAL_FLOATING -> d.isFloating();
                case COMPLEX_FLOATING -> d.isComplex();
                case NUMERIC -> !d.isBool();
            };
            if (match) return true;
        }
        return false;
    }

    /** {@return the kind JAX names {@code name}} @throws ArgumentError for any other name */
    public static DTypeKind dtypeKind(String name) {
        for (DTypeKind k : DTypeKind.values()) if (k.jaxName().equals(name)) return k;
        throw new ArgumentError("isdtype", "kind must be one of " + java.util.Arrays.stream(DTypeKind.values()).map(k -> "'" + k.jaxName() + "'").toList()
                + ", got '" + name + "'");
    }

    public static boolean issubdtype(DType d, DTypeCategory category) {
        return switch (category) {
            case GENERIC -> true;
            case BOOL -> d.isBool();
            case NUMBER -> !d.isBool();
            case INEXACT -> d.isInexact();
            case FLOATING -> d.isFloating();
            case COMPLEXFLOATING -> d.isComplex();
            case INTEGER -> d.isInteger();
            case SIGNEDINTEGER -> d.kind() == DType.Kind.SIGNED;
            case UNSIGNEDINTEGER -> d.kind() == DType.Kind.UNSIGNED;
        };
    }
}
