package dev.jaxj.io;

import dev.jaxj.ir.DType;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.control.Option;

/** The safetensors names, element sizes and writing order of jaxj's dtypes. */
final class DTypeCodes {
    /** Valid in safetensors but with no jaxj dtype, so reported as unsupported rather than unknown. */
    private static final Set<String> OTHER_SAFETENSORS = HashSet.of(
            "F8_E5M2", "F8_E4M3", "F8_E8M0", "F4", "F6_E2M3", "F6_E3M2");

    /** jaxj's dtypes that safetensors names (it has no complex128). */
    private static final java.util.List<DType> STORED = java.util.Arrays.stream(DType.values()).filter(d -> d != DType.C128).toList();

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
            case BF16 -> "BF16";
            case F16 -> "F16";
            case I8 -> "I8";
            case I16 -> "I16";
            case U8 -> "U8";
            case U16 -> "U16";
            case U64 -> "U64";
            case C64 -> "C64";
            case C128 -> throw new CheckpointError("safetensors has no complex128 dtype: store the real and imaginary parts as two F64 tensors");
        };
    }

    /** {@return the bytes per element in the file} */
    static int itemSize(DType d) {
        return switch (d) {
            case F32, I32, U32 -> 4;
            case F64, I64, U64, C64 -> 8;
            case BOOL, I8, U8 -> 1;
            case BF16, F16, I16, U16 -> 2;
            case C128 -> 16;
        };
    }

    /**
     * {@return the position in the reference implementation's dtype enum}, which its writer
     * sorts by, largest first, so that each tensor's data stays aligned
     */
    static int writeRank(DType d) {
        return switch (d) {
            case BOOL -> 0;
            case U8 -> 1;
            case I8 -> 2;
            case I16 -> 3;
            case U16 -> 4;
            case F16 -> 5;
            case BF16 -> 6;
            case I32 -> 7;
            case U32 -> 8;
            case F32 -> 9;
            case C64 -> 10;
            case F64 -> 11;
            case I64 -> 12;
            case U64 -> 13;
            case C128 -> 14;
        };
    }

    /** {@return the dtype of a header name, if jaxj has one} */
    static Option<DType> parse(String name) {
        for (DType d : STORED) if (name(d).equals(name)) return Option.some(d);
        return Option.none();
    }

    /** {@return whether {@code name} is a safetensors dtype that jaxj cannot hold} */
    static boolean isOtherSafetensors(String name) { return OTHER_SAFETENSORS.contains(name); }

    /** {@return the supported names, for messages} */
    static String supported() { return STORED.stream().map(DTypeCodes::name).collect(java.util.stream.Collectors.joining(", ")); }
}
