package dev.jaxj.transforms.ad;

import dev.jaxj.array.Array;
import dev.jaxj.core.TraceStack;
import dev.jaxj.transforms.jvp.Jvp;
import dev.jaxj.transforms.jvp.JvpRules;
import dev.jaxj.transforms.partial.PartialEvalTrace;
import dev.jaxj.transforms.partial.PeTracer;
import dev.jaxj.transforms.partial.Staged;
import io.vavr.collection.Seq;

import java.util.function.Function;

/**
 * Reverse mode as JAX builds it: linearize (a JVP whose tangents are unknown to a partial
 * evaluation, so the primal work runs now and the tangent work is staged), then transpose
 * the staged linear program. Functions here take and return flat lists of arrays.
 */
public final class Ad {
    private Ad() {}

    /** {@return {@code f} linearized at {@code primals}} */
    public static Linearized linearize(Function<Seq<Array>, Seq<Array>> f, Seq<Array> primals) {
        return TraceStack.with(PartialEvalTrace::new, pe -> {
            Seq<PeTracer> tangentsIn = primals.map(p -> pe.newArg(p.aval()));
            JvpRules.Result r = Jvp.jvp(f, primals, Seq.narrow(tangentsIn));
            Seq<Array> primalsOut = r.primals().map(p -> p instanceof PeTracer t && t.trace() == pe
                    ? t.known().getOrElseThrow(() -> new IllegalStateException("a primal output depends on the tangents"))
                    : p);
            Seq<PeTracer> tangentsOut = r.tangents().map(pe::instantiate);
            return new Linearized(primalsOut, Staged.fromTracers(tangentsIn, tangentsOut));
        });
    }
}
