package dev.jaxj.io;

import dev.jaxj.ir.DType;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.control.Option;

/** The safetensors names, element sizes and writing order of jaxj's dtypes. */
final class DTypeCodes {
    /** Valid in safetensors but with no jaxj dtype, so reported as unsupported rather than unknown. */
    private static final Set<String> OTHER_SAFETENSORS = HashSet.of(
            "U8", "I8", "I16", "U16", "F16", "BF16", "U64", "C64",
            "F8_E5M2", "F8_E4M3", "F8_E8M0", "F4", "F6_E2M3", "F6_E3M2");

    private DTypeCodes() {}

    /** {@return the name in a safetensors header} */
    static String name(DType d) {
        return switch (d) {
            case F32 -> "F32";
            case F64 -> "F64";
            case I32 -> "I32";
            case I64 -> "I64";
            case U32 -> "U32";
            case BOOL -> "BOOL";
        };
    }

    /** {@return the bytes per element in the file} */
    static int itemSize(DType d) {
        return switch (d) {
            case F32, I32, U32 -> 4;
            case F64, I64 -> 8;
            case BOOL -> 1;
        };
    }

    /**
     * {@return the position in the reference implementation's dtype enum}, which its writer
     * sorts by, largest first, so that each tensor's data stays aligned
     */
    static int writeRank(DType d) {
        return switch (d) {
            case BOOL -> 0;
            case I32 -> 1;
            case U32 -> 2;
            case F32 -> 3;
            case F64 -> 4;
            case I64 -> 5;
        };
    }

    /** {@return the dtype of a header name, if jaxj has one} */
    static Option<DType> parse(String name) {
        for (DType d : DType.values()) if (name(d).equals(name)) return Option.some(d);
        return Option.none();
    }

    /** {@return whether {@code name} is a safetensors dtype that jaxj cannot hold} */
    static boolean isOtherSafetensors(String name) { return OTHER_SAFETENSORS.contains(name); }

    /** {@return the supported names, for messages} */
    static String supported() { return "F32, F64, I32, I64, U32, BOOL"; }
}
