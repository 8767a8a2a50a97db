package dev.jaxj.autodiff;

import dev.jaxj.array.Array;
import dev.jaxj.errors.NotDifferentiable;
import dev.jaxj.lax.Lax;
import dev.jaxj.transforms.ad.Ad;
import dev.jaxj.transforms.ad.Linearized;
import dev.jaxj.transforms.jvp.Jvp;
import dev.jaxj.transforms.jvp.JvpRules;
import dev.jaxj.transforms.jvp.Tangents;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.Function;

/** Differentiation of functions between pytrees, on top of the flat transforms. */
public final class Differentiate {
    private Differentiate() {}

    /** A value, the gradient with respect to the differentiated input, and auxiliary data. */
    public record ValueGradAux(Array value, Object grad, Object aux) {}

    /**
     * {@code value_and_grad}: {@code f} maps the pytree {@code x} to a scalar, or (with
     * {@code hasAux}) to the scalar followed by an auxiliary pytree.
     */
    public static ValueGradAux valueAndGrad(Function<Object, Object[]> f, Object x, String op) {
        Leaves in = Leaves.differentiable(x, op);
        Object[][] auxHolder = new Object[1][];
        Linearized lin = Ad.linearize(leaves -> {
            Object[] out = f.apply(in.rebuild(leaves));
            auxHolder[0] = out;
            Leaves aux = out.length > 1 ? Leaves.of(out[1], op) : new Leaves(Vector.empty(), null);
            return aux.arrays().prepend((Array) out[0]);
        }, in.arrays());
        Array value = lin.primalsOut().head();
        if (value.ndim() != 0 || !value.dtype().isFloating()) {
            throw new NotDifferentiable(op, "requires a real scalar output (use Jax.vjp or Jax.jacrev for others), got " + value.aval());
        }
        Seq<Array> cts = lin.primalsOut().map(Tangents::zerosLike).update(0, Tangents.like(value, 1));
        Object grad = in.rebuild(lin.vjp(cts));
        Object aux = auxHolder[0].length > 1 ? Leaves.of(auxHolder[0][1], op).rebuild(lin.primalsOut().tail()) : null;
        return new ValueGradAux(value, grad, aux);
    }

    /** A function's outputs and their tangents, as pytrees. */
    public record PrimalTangent(Object primal, Object tangent) {}

    /** {@code jvp} between pytrees. */
    public static PrimalTangent jvp(Function<Object, Object> f, Object primals, Object tangents) {
        Leaves p = Leaves.differentiable(primals, "jvp");
        Leaves t = Leaves.inputs(tangents, "jvp");
        if (!p.treeDef().equals(t.treeDef())) {
            throw new dev.jaxj.errors.TreeError("jvp", "primals and tangents must have the same structure, got " + p.treeDef() + " and " + t.treeDef());
        }
        Leaves[] outDef = new Leaves[1];
        JvpRules.Result r = Jvp.jvp(leaves -> {
            outDef[0] = Leaves.of(f.apply(p.rebuild(leaves)), "jvp");
            return outDef[0].arrays();
        }, p.arrays(), t.arrays());
        return new PrimalTangent(outDef[0].rebuild(r.primals()), outDef[0].rebuild(r.tangents()));
    }

    /** A function linearized at a point, between pytrees. */
    public record Linear(Object primal, Function<Object, Object> map, Function<Object, Object> transposed) {}

    /** {@code linearize} and {@code vjp} between pytrees. */
    public static Linear linearize(Function<Object, Object> f, Object primals, String op) {
        Leaves p = Leaves.differentiable(primals, op);
        Leaves[] outDef = new Leaves[1];
        Linearized lin = Ad.linearize(leaves -> {
            outDef[0] = Leaves.of(f.apply(p.rebuild(leaves)), op);
            return outDef[0].arrays();
        }, p.arrays());
        Leaves out = outDef[0];
        return new Linear(out.rebuild(lin.primalsOut()),
                tangents -> out.rebuild(lin.jvp(matching(p, tangents, op))),
                cts -> p.rebuild(lin.vjp(matching(out, cts, op))));
    }

    private static Seq<Array> matching(Leaves like, Object tree, String op) {
        Leaves l = Leaves.inputs(tree, op);
        if (!l.treeDef().equals(like.treeDef())) {
            throw new dev.jaxj.errors.TreeError(op, "expected a pytree of structure " + like.treeDef() + ", got " + l.treeDef());
        }
        for (int i = 0; i < l.arrays().size(); i++) {
            if (!l.arrays().get(i).shape().equals(like.arrays().get(i).shape())) {
                throw new dev.jaxj.errors.ShapeError(op, "expected " + like.arrays().get(i).aval() + ", got " + l.arrays().get(i).aval());
            }
        }
        return l.arrays().zipWith(like.arrays(), (a, b) -> a.dtype() == b.dtype() ? a : Lax.convertElementType(a, b.dtype()));
    }
}
