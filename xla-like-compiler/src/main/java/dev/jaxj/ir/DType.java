package dev.jaxj.ir;

/**
 * Element types of arrays, named as JAX prints them ({@code f32}, {@code i32}, …).
 *
 * <p>{@code F32} is the default floating type, as in JAX. The narrow types ({@code bf16},
 * {@code f16}, {@code i8}, {@code u8}, {@code i16}, {@code u16}) are storage types: a primitive
 * on them computes in its {@link #computeType()} and rounds once to the result's type, as XLA
 * on a CPU does. {@code u64} is one too: it computes in i64 on the same bits, which wrap alike,
 * except where signedness matters (orderings, division, conversions to and from floats), which
 * the compiler rewrites in unsigned terms. A complex number is stored as two adjacent floats of its {@link #realType()},
 * the real part first.
 */
public enum DType {
    F32("f32", "float32", Kind.FLOAT, 32),
    F64("f64", "float64", Kind.FLOAT, 64),
    I32("i32", "int32", Kind.SIGNED, 32),
    I64("i64", "int64", Kind.SIGNED, 64),
    U32("u32", "uint32", Kind.UNSIGNED, 32),
    BOOL("bool", "bool", Kind.BOOL, 8),
    BF16("bf16", "bfloat16", Kind.FLOAT, 16),
    F16("f16", "float16", Kind.FLOAT, 16),
    I8("i8", "int8", Kind.SIGNED, 8),
    I16("i16", "int16", Kind.SIGNED, 16),
    U8("u8", "uint8", Kind.UNSIGNED, 8),
    U16("u16", "uint16", Kind.UNSIGNED, 16),
    U64("u64", "uint64", Kind.UNSIGNED, 64),
    C64("c64", "complex64", Kind.COMPLEX, 64),
    C128("c128", "complex128", Kind.COMPLEX, 128);

    /** The families that type rules distinguish. */
    public enum Kind { BOOL, SIGNED, UNSIGNED, FLOAT, COMPLEX }

    private final String shortName;
    private final String numpyName;
    private final Kind kind;
    private final int bits;

    DType(String shortName, String numpyName, Kind kind, int bits) {
        this.shortName = shortName;
        this.numpyName = numpyName;
        this.kind = kind;
        this.bits = bits;
    }

    /** {@return the short name used in avals, e.g. {@code f32}} */
    public String shortName() { return shortName; }

    /** {@return the NumPy name, e.g. {@code float32}} */
    public String numpyName() { return numpyName; }

    /** {@return the family of this type} */
    public Kind kind() { return kind; }

    /** {@return the width in bits of one element as stored} */
    public int bits() { return bits; }

    /** {@return true for real floating-point types (JAX's {@code floating}; complex types are not)} */
    public boolean isFloating() { return kind == Kind.FLOAT; }

    /** {@return true for complex types} */
    public boolean isComplex() { return kind == Kind.COMPLEX; }

    /** {@return true for floating-point and complex types (JAX's {@code inexact})} */
    public boolean isInexact() { return kind == Kind.FLOAT || kind == Kind.COMPLEX; }

    /**
     * {@return whether kernels see this type}: false for the storage types, which every
     * primitive but a conversion computes in {@link #computeType()}
     */
    public boolean isComputeType() { return computeType() == this; }

    /**
     * {@return the type a primitive on this storage type computes in: f32 for bf16 and f16, i32
     * or u32 for narrower integers, i64 (the same 64 bits) for u64, else itself}
     */
    public DType computeType() {
        return switch (this) {
            case BF16, F16 -> F32;
            case I8, I16 -> I32;
            case U8, U16 -> U32;
            // Same bits: i64 wraps as u64 does; TypeLowering rewrites what depends on the sign.
            case U64 -> I64;
            case F32, F64, I32, I64, U32, BOOL, C64, C128 -> this;
        };
    }

    /** {@return the types that kernels compute in, in declaration order} (every other type is lowered to them before a backend runs a program) */
    public static java.util.List<DType> computeTypes() {
        return java.util.Arrays.stream(values()).filter(d -> d.isComputeType() && !d.isComplex()).toList();
    }

    /** {@return the type of a complex type's parts (f32 for c64, f64 for c128), else itself} */
    public DType realType() {
        return switch (this) {
            case C64 -> F32;
            case C128 -> F64;
            case F32, F64, I32, I64, U32, BOOL, BF16, F16, I8, I16, U8, U16, U64 -> this;
        };
    }

    /** {@return the complex type whose parts have this floating type} (c64 for f32 and narrower floats, c128 for f64) */
    public DType complexType() {
        return switch (kind) {
            case COMPLEX -> this;
            case FLOAT -> this == F64 ? C128 : C64;
            case BOOL, SIGNED, UNSIGNED -> throw new IllegalArgumentException(shortName + " has no complex counterpart");
        };
    }

    /** {@return true for signed and unsigned integers (not bool)} */
    public boolean isInteger() { return kind == Kind.SIGNED || kind == Kind.UNSIGNED; }

    public boolean isBool() { return kind == Kind.BOOL; }

    /** {@return the dtype named by a short or NumPy name} */
    public static DType parse(String name) {
        for (DType d : values()) {
            if (d.shortName.equals(name) || d.numpyName.equals(name)) return d;
        }
        throw new IllegalArgumentException("unknown dtype '" + name + "', expected one of " + java.util.Arrays.stream(values()).map(DType::shortName).collect(java.util.stream.Collectors.joining(" ")));
    }

    @Override
    public String toString() { return shortName; }
}
