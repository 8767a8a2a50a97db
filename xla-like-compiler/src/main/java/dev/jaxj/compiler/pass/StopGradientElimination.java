package dev.jaxj.compiler.pass;

import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive.StopGradient;

/**
 * Removes {@code stop_gradient}, which is the identity on values: for a program that is about
 * to run, not to be differentiated again. It would otherwise stand between a reduction and
 * the loop that reads it (the max of a stable softmax).
 * {@snippet lang=text :
 * b:f32[8] = reduce_max[axes=(1,)] a;  c:f32[8] = stop_gradient b;  d = … c …
 *   ==>  b:f32[8] = reduce_max[axes=(1,)] a;  d = … b …
 * }
 */
public record StopGradientElimination() implements Pass {
    @Override
    public Jaxpr apply(Jaxpr program) {
        var rw = new Rewriter(program);
        for (Eqn e : program.eqns()) {
            if (!(e.prim() instanceof StopGradient && AlgebraicSimplifier.forward(rw, e, rw.operands(e).head()))) rw.keep(e);
        }
        return rw.finish();
    }

    @Override
    public String toString() {
        return "stop_gradient_elimination";
    }
}
