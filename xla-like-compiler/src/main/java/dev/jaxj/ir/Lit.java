package dev.jaxj.ir;

import dev.jaxj.errors.ArgumentError;

import static java.util.Objects.requireNonNull;

/**
 * A scalar constant written into the program, e.g. {@code 2.0:f32[]}.
 *
 * @param value a {@link Double}, {@link Long} or {@link Boolean} (the dtype says how to read it)
 * @param aval  a rank-0 aval
 */
public record Lit(Object value, ShapedArray aval) implements Atom {
    public Lit {
        requireNonNull(value, "value is null");
        requireNonNull(aval, "aval is null");
        if (aval.rank() != 0) throw new ArgumentError("literal", "literals must be scalars, got " + aval);
        if (!(value instanceof Double || value instanceof Long || value instanceof Boolean)) {
            throw new ArgumentError("literal", "literal values are Double, Long or Boolean, got " + value.getClass().getSimpleName());
        }
    }

    /** {@return the value as a double} */
    public double doubleValue() {
        return value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).doubleValue();
    }

    /** {@return the value as a long}: exact for integer literals, which a double cannot hold beyond 2^53 */
    public long longValue() {
        if (value instanceof Long l) return l;
        return value instanceof Boolean b ? (b ? 1 : 0) : (long) doubleValue();
    }

    /** {@return the value and its aval, as a jaxpr prints a literal}: a u64 held as i64 bits reads unsigned */
    @Override
    public String toString() {
        Object shown = aval.dtype() == DType.U64 && value instanceof Long l ? Long.toUnsignedString(l) : value;
        return shown + ":" + aval;
    }
}
