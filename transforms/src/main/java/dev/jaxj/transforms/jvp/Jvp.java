package dev.jaxj.transforms.jvp;

import dev.jaxj.array.Array;
import dev.jaxj.core.TraceStack;
import dev.jaxj.errors.JaxjException;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.transforms.jvp.JvpRules.Result;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Forward-mode differentiation of functions on flat lists of arrays. The public, pytree-aware
 * entry points ({@code Jax.jvp}) are built on this.
 */
public final class Jvp {
    private Jvp() {}

    /**
     * {@return {@code f(primals)} and its directional derivative along {@code tangents}}
     *
     * @throws ShapeError when a tangent's aval differs from its primal's
     */
    public static Result jvp(Function<Seq<Array>, Seq<Array>> f, Seq<Array> primals, Seq<Array> tangents) {
        if (primals.size() != tangents.size()) {
            throw new ShapeError("jvp", "needs one tangent per primal, got " + primals.size() + " primals and " + tangents.size() + " tangents");
        }
        for (int i = 0; i < primals.size(); i++) {
            if (!primals.get(i).shape().equals(tangents.get(i).shape()) || primals.get(i).dtype() != tangents.get(i).dtype()) {
                throw new ShapeError("jvp", "tangent " + i + " must have its primal's shape and dtype, got primal "
                        + JaxjException.avals(primals.get(i).aval()) + " and tangent " + tangents.get(i).aval());
            }
        }
        return jvpSymbolic(f, primals, tangents.map(Tangent::of)).instantiate();
    }

    /**
     * {@link #jvp} with tangents that may be symbolic zeros, in and out: an output that no
     * nonzero input tangent reaches has a {@link Tangent.Zero} tangent.
     */
    public static SymbolicResult jvpSymbolic(Function<Seq<Array>, Seq<Array>> f, Seq<Array> primals, Seq<Tangent> tangents) {
        return TraceStack.with(JvpTrace::new, trace -> {
            Seq<Array> in = primals.zipWith(tangents, trace::pair);
            Seq<Array> out = Vector.ofAll(f.apply(in));
            Seq<JvpTracer> tracers = out.map(o -> o instanceof JvpTracer t && t.trace() == trace ? t : (JvpTracer) trace.lift(o));
            return new SymbolicResult(tracers.map(JvpTracer::primal), tracers.map(JvpTracer::symbolicTangent));
        });
    }

    /** {@link #jvp} of a function of one array to one array. */
    public static Result jvp1(UnaryOperator<Array> f, Array primal, Array tangent) {
        return jvp(in -> Vector.of(f.apply(in.head())), Vector.of(primal), Vector.of(tangent));
    }
}
