package dev.jaxj.compiler.pass;

import dev.jaxj.ir.Atom;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;

import java.util.HashMap;
import java.util.Map;

/**
 * Reuses the result of an earlier equation that applies the same primitive, with equal static
 * params, to the same operands.
 *
 * <p>Primitive records compare structurally; literals compare by value and aval, so
 * {@code 1.0:f32[]} and {@code 1.0:f64[]} differ, as do {@code 0.0} and {@code -0.0}. (The
 * opaque rule of {@code custom_vjp_linear} compares by identity, which is exact.) Every
 * primitive is pure, so a repeated equation always computes the same values. The later
 * equation is removed and its outputs' uses read the earlier outputs.
 * {@snippet lang=text :
 * b = sin a; c = sin a; d = add b c   ==>   b = sin a; d = add b b
 * }
 */
public record CommonSubexpressionElimination() implements Pass {
    private record Key(Primitive prim, Seq<Atom> in) {}

    @Override
    public Jaxpr apply(Jaxpr program) {
        var rw = new Rewriter(program);
        Map<Key, Seq<Var>> seen = new HashMap<>();
        for (Eqn e : program.eqns()) {
            var key = new Key(e.prim(), rw.operands(e));
            Seq<Var> earlier = seen.get(key);
            if (earlier != null && earlier.map(Var::aval).equals(e.out().map(Var::aval))) {
                // Equal avals make every replacement succeed, so the equation is dead: drop it.
                for (int i = 0; i < earlier.size(); i++) rw.replace(e.out().get(i), earlier.get(i));
                continue;
            }
            seen.putIfAbsent(key, e.out());
            rw.keep(e);
        }
        return rw.finish();
    }

    @Override
    public String toString() {
        return "cse";
    }
}
