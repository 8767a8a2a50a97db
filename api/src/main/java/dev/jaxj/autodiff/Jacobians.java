package dev.jaxj.autodiff;

import dev.jaxj.array.Array;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.transforms.ad.Ad;
import dev.jaxj.transforms.ad.Linearized;
import dev.jaxj.transforms.jvp.Jvp;
import dev.jaxj.transforms.jvp.Tangents;
import io.vavr.collection.Vector;

import java.util.function.UnaryOperator;

/**
 * Jacobians of array functions, shaped {@code out.shape ++ in.shape}: forward mode pushes
 * each input basis vector through a JVP, reverse mode pulls each output basis vector back.
 */
public final class Jacobians {
    private Jacobians() {}

    public static Array jacfwd(UnaryOperator<Array> f, Array x) {
        Leaves.differentiable(x, "jacfwd");
        int n = x.size();
        Vector<Array> columns = Vector.empty();
        Array out = null;
        for (int i = 0; i < n; i++) {
            var r = Jvp.jvp1(f, x, basis(x, i));
            out = r.primals().head();
            columns = columns.append(Lax.expandDims(r.tangents().head(), Vector.of(r.tangents().head().ndim())));
        }
        if (out == null) out = f.apply(x);
        Array stacked = n == 0 ? Tangents.full(out.shape().insert(out.ndim(), 0), out.dtype(), 0) : Lax.concatenate(columns, out.ndim());
        return Lax.reshape(stacked, concat(out.shape(), x.shape()));
    }

    public static Array jacrev(UnaryOperator<Array> f, Array x) {
        Leaves.differentiable(x, "jacrev");
        Linearized lin = Ad.linearize(in -> Vector.of(f.apply(in.head())), Vector.of(x));
        Array out = lin.primalsOut().head();
        Vector<Array> rows = Vector.empty();
        for (int j = 0; j < out.size(); j++) {
            Array g = lin.vjp(Vector.of(basis(out, j))).head();
            rows = rows.append(Lax.expandDims(g, Vector.of(0)));
        }
        Array stacked = rows.isEmpty() ? Tangents.full(x.shape().insert(0, 0), x.dtype(), 0) : Lax.concatenate(rows, 0);
        return Lax.reshape(stacked, concat(out.shape(), x.shape()));
    }

    /** {@return the one-hot array of {@code like}'s shape and dtype with a 1 at flat index {@code i}} */
    static Array basis(Array like, int i) {
        Array flat = Lax.eq(Lax.iota(dev.jaxj.ir.DType.I32, Shape.of(like.size()), 0), Tangents.full(Shape.of(like.size()), dev.jaxj.ir.DType.I32, i));
        return Lax.reshape(Lax.convertElementType(flat, like.dtype()), like.shape());
    }

    private static Shape concat(Shape a, Shape b) {
        int[] d = new int[a.rank() + b.rank()];
        System.arraycopy(a.toArray(), 0, d, 0, a.rank());
        System.arraycopy(b.toArray(), 0, d, a.rank(), b.rank());
        return Shape.of(d);
    }
}
