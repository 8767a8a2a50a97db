package dev.jaxj.compiler.pass;

import dev.jaxj.ir.DType;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Lit;
import dev.jaxj.ir.ShapedArray;

/** Small helpers for building test programs. */
final class Programs {
    static final ShapedArray F32 = ShapedArray.of(DType.F32);
    static final ShapedArray F3 = ShapedArray.of(DType.F32, 3);
    static final ShapedArray F23 = ShapedArray.of(DType.F32, 2, 3);

    private Programs() {}

    /** {@return {@code j} with its first {@code n} inputs turned into constant variables} */
    static Jaxpr withConsts(Jaxpr j, int n) {
        return new Jaxpr(j.inVars().take(n), j.inVars().drop(n), j.eqns(), j.outs());
    }

    static Lit f32(double v) {
        return new Lit(v, F32);
    }

    static Lit lit(Object v, DType d) {
        return new Lit(v, ShapedArray.of(d));
    }

    /** {@return the pass's result, after checking that it typechecks} */
    static Jaxpr run(Pass p, Jaxpr j) {
        return p.apply(j.typecheck()).typecheck();
    }
}
