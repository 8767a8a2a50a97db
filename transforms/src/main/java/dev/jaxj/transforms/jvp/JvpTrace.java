package dev.jaxj.transforms.jvp;

import dev.jaxj.array.Array;
import dev.jaxj.array.Tracer;
import dev.jaxj.core.Trace;
import dev.jaxj.ir.Primitive;
import io.vavr.collection.Seq;

/** Forward-mode differentiation: each primitive maps (primals, tangents) to (primals, tangents) by its JVP rule. */
public final class JvpTrace extends Trace {
    JvpTrace(int level) {
        super(level);
    }

    /** A value from below this level is a constant here: its tangent is zero. */
    @Override
    public Tracer lift(Array x) {
        return new JvpTracer(this, x, Tangents.zerosLike(x));
    }

    JvpTracer pair(Array primal, Array tangent) {
        return new JvpTracer(this, primal, tangent);
    }

    @Override
    public Seq<Array> process(Primitive p, Seq<Tracer> in) {
        Seq<Array> primals = in.map(t -> ((JvpTracer) t).primal());
        Seq<Array> tangents = in.map(t -> ((JvpTracer) t).tangent());
        JvpRules.Result r = JvpRules.jvp(p, primals, tangents);
        return r.primals().zipWith(r.tangents(), this::pair);
    }

    @Override
    public String describe() {
        return "jvp (level " + level() + ")";
    }
}
