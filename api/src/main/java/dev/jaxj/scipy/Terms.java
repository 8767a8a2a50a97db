package dev.jaxj.scipy;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.array.Promotion;
import dev.jaxj.core.CustomRules;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.BiFunction;
import java.util.function.Function;

/** The small vocabulary the special functions are written in: constants shaped like an operand, promotion, and custom derivatives. */
final class Terms {
    private Terms() {}

    /** {@return {@code v} as an array of {@code like}'s shape and dtype} */
    static Array c(Array like, double v) { return NumpyOps.fullLike(like, v); }

    /** {@return the operands made floating (JAX's {@code promote_args_inexact}) and broadcast to one shape} */
    static Vector<Array> inexact(String op, Array... xs) { return NumpyOps.prepare(op, Promotion.Kind.INEXACT, Vector.of(xs)); }

    /** {@return {@code x} made floating, integers and bools as f32} */
    static Array inexact(Array x) { return NumpyOps.toInexact(x); }

    static Array add(Array x, double v) { return Lax.add(x, c(x, v)); }

    static Array mul(Array x, double v) { return Lax.mul(x, c(x, v)); }

    /** {@return {@code x} where {@code keep}, else the harmless {@code safe}}: a branch that is not taken must not feed inf or NaN into a derivative */
    static Array guard(Array keep, Array x, double safe) { return Lax.select(keep, x, c(x, safe)); }

    /** A unary function with its derivative: {@code dfdx(x, f(x))}. */
    static CustomRules.Jvp unary(Function<Array, Array> f, BiFunction<Array, Array, Array> dfdx) {
        return new CustomRules.Jvp(in -> Vector.of(f.apply(in.head())), (p, t) -> {
            Array x = p.head(), y = f.apply(x);
            return new CustomRules.PrimalsTangents(Vector.of(y), Vector.of(Lax.mul(t.head(), dfdx.apply(x, y))));
        });
    }

    /** {@return {@code rule} applied to {@code x}} */
    static Array call(CustomRules.Jvp rule, Array... xs) { return Bind.bindCustomJvp(rule, Vector.of(xs)).head(); }

    /** {@return all the outputs of {@code rule} applied to {@code xs}} */
    static Seq<Array> bindAll(CustomRules.Jvp rule, Array... xs) { return Bind.bindCustomJvp(rule, Vector.of(xs)); }
}
