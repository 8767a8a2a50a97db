package dev.jaxj.ir;

/**
 * Element types of arrays, named as JAX prints them ({@code f32}, {@code i32}, …).
 *
 * <p>{@code F32} is the default floating type, as in JAX. {@code U32} exists for PRNG key data.
 */
public enum DType {
    F32("f32", "float32", Kind.FLOAT, 32),
    F64("f64", "float64", Kind.FLOAT, 64),
    I32("i32", "int32", Kind.SIGNED, 32),
    I64("i64", "int64", Kind.SIGNED, 64),
    U32("u32", "uint32", Kind.UNSIGNED, 32),
    BOOL("bool", "bool", Kind.BOOL, 8);

    /** The families that type rules distinguish. */
    public enum Kind { BOOL, SIGNED, UNSIGNED, FLOAT }

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

    public boolean isFloating() { return kind == Kind.FLOAT; }

    /** {@return true for signed and unsigned integers (not bool)} */
    public boolean isInteger() { return kind == Kind.SIGNED || kind == Kind.UNSIGNED; }

    public boolean isBool() { return kind == Kind.BOOL; }

    /** {@return the dtype named by a short or NumPy name} */
    public static DType parse(String name) {
        for (DType d : values()) {
            if (d.shortName.equals(name) || d.numpyName.equals(name)) return d;
        }
        throw new IllegalArgumentException("unknown dtype '" + name + "', expected one of f32 f64 i32 i64 u32 bool");
    }

    @Override
    public String toString() { return shortName; }
}
