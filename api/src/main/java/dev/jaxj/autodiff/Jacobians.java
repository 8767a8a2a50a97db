package dev.jaxj.autodiff;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.transforms.ad.Ad;
import dev.jaxj.transforms.ad.Linearized;
import dev.jaxj.transforms.jvp.Jvp;
import dev.jaxj.transforms.jvp.JvpRules;
import dev.jaxj.transforms.vmap.Vmap;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.function.UnaryOperator;

/**
 * Jacobians of array functions, shaped {@code out.shape ++ in.shape}, built on {@code vmap} as
 * JAX builds them: forward mode maps a JVP over the standard basis of the input (one column
 * per basis vector), reverse mode maps the pullback over the standard basis of the output (one
 * row per basis vector). Either way the basis is pushed through in one batched pass.
 */
public final class Jacobians {
    private Jacobians() {}

    /** {@return the Jacobian of {@code f} at {@code x} by forward mode} */
    public static Array jacfwd(UnaryOperator<Array> f, Array x) {
        Leaves.differentiable(x, "jacfwd");
        // The output does not depend on the basis, so it comes back unmapped; the columns stack last.
        Seq<Array> out = Vmap.vmap(t -> {
            JvpRules.Result r = Jvp.jvp1(f, x, t.head());
            return Vector.of(r.primals().head(), r.tangents().head());
        }, Vector.of(Option.some(0)), n -> Vector.of(Option.none(), Option.some(-1)), Option.none()).apply(Vector.of(standardBasis(x)));
        return Lax.reshape(out.get(1), concat(out.get(0).shape(), x.shape()));
    }

    /** {@return the Jacobian of {@code f} at {@code x} by reverse mode} */
    public static Array jacrev(UnaryOperator<Array> f, Array x) {
        Leaves.differentiable(x, "jacrev");
        Linearized lin = Ad.linearize(in -> Vector.of(f.apply(in.head())), Vector.of(x));
        Array y = lin.primalsOut().head();
        Array rows = Vmap.vmap(lin::vjp, Vector.of(Option.some(0)), Vmap.OutAxes.all(Option.some(0)), Option.none())
                .apply(Vector.of(standardBasis(y))).head();
        return Lax.reshape(rows, concat(y.shape(), x.shape()));
    }

    /** {@return the identity of size {@code like.size()}, each row reshaped like {@code like}: {@code [n, like.shape]}} */
    static Array standardBasis(Array like) {
        Shape square = Shape.of(like.size(), like.size());
        Array eye = Lax.eq(Lax.iota(DType.I32, square, 0), Lax.iota(DType.I32, square, 1));
        return Lax.reshape(Lax.convertElementType(eye, like.dtype()), like.shape().insert(0, like.size()));
    }

    private static Shape concat(Shape a, Shape b) {
        int[] d = new int[a.rank() + b.rank()];
        System.arraycopy(a.toArray(), 0, d, 0, a.rank());
        System.arraycopy(b.toArray(), 0, d, a.rank(), b.rank());
        return Shape.of(d);
    }
}
