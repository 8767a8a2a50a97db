package dev.jaxj.transforms.jvp;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.Add;
import dev.jaxj.ir.Primitive.ConvGeneralDilated;
import dev.jaxj.ir.Primitive.Div;
import dev.jaxj.ir.Primitive.DotGeneral;
import dev.jaxj.ir.Primitive.Mul;
import dev.jaxj.ir.Primitive.Pow;
import dev.jaxj.ir.Primitive.Sub;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * JVP rules that skip the terms of symbolic zero tangents, for the primitives where a zero
 * operand tangent removes real work — sums and the bilinear products — or a NaN: pow with a
 * constant exponent and a negative base. {@code x @ w} with data
 * {@code x} and parameters {@code w} costs one product for its tangent, not two. Other
 * primitives fall back to {@link JvpRules} with zeros materialized (none when every operand's
 * tangent is zero: {@link JvpTrace} then skips the rule altogether).
 */
final class SparseJvp {
    private SparseJvp() {}

    /** {@return the outputs and tangents of {@code p}}, or none when its general rule applies */
    static Option<SymbolicResult> jvp(Primitive p, Seq<Array> x, Seq<Tangent> t) {
        if (t.size() != 2 || t.forAll(v -> !v.isZero())) return Option.none();
        // Here exactly one of the two tangents is zero (JvpTrace handles both).
        Tangent t0 = t.get(0), t1 = t.get(1);
        Array x0 = x.get(0), x1 = x.get(1);
        if (p instanceof Pow) {
            // A constant exponent or base leaves its term out: log of a negative base would make it NaN.
            Array out = Bind.bind1(p, x0, x1);
            Array dt = t1.isZero() ? Lax.mul(t0.instantiate(), Composites.powByBase(x0, x1))
                    : Lax.mul(t1.instantiate(), Composites.powByExponent(x0, out));
            return Option.some(new SymbolicResult(Vector.of(out), Vector.of(Tangent.of(dt))));
        }
        Option<Tangent> dt = switch (p) {
            case Add _ -> Option.some(t0.isZero() ? t1 : t0);
            case Sub _ -> Option.some(t0.isZero() ? Tangent.of(Lax.neg(t1.instantiate())) : t0);
            case Mul _ -> Option.some(Tangent.of(t0.isZero() ? Lax.mul(x0, t1.instantiate()) : Lax.mul(t0.instantiate(), x1)));
            case Div _ -> t0.isZero() ? Option.none() : Option.some(Tangent.of(Lax.div(t0.instantiate(), x1)));
            case DotGeneral _, ConvGeneralDilated _ ->
                    Option.some(Tangent.of(t0.isZero() ? Bind.bind1(p, x0, t1.instantiate()) : Bind.bind1(p, t0.instantiate(), x1)));
            default -> Option.none();
        };
        return dt.map(d -> new SymbolicResult(Vector.of(Bind.bind1(p, x0, x1)), Vector.of(d)));
    }
}
