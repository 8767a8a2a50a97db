package dev.jaxj.compiler.kernel;

import dev.jaxj.ir.Atom;
import dev.jaxj.ir.Lit;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.BroadcastInDim;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Vector;

/** Appends one primitive to a program being rewritten and returns its single result. */
@FunctionalInterface
interface Emitter {
    Atom emit(Primitive p, Atom... in);

    /** {@return a literal {@code v} of {@code aval}'s dtype}, broadcast to its shape when that is not rank 0 */
    default Atom full(double v, ShapedArray aval) {
        return broadcast(new Lit(v, new ShapedArray(Shape.SCALAR, aval.dtype(), false)), aval);
    }

    /** {@link #full} of an integer given exactly (a double has no 2^63). */
    default Atom fullExact(long v, ShapedArray aval) {
        return broadcast(new Lit(v, new ShapedArray(Shape.SCALAR, aval.dtype(), false)), aval);
    }

    private Atom broadcast(Lit lit, ShapedArray aval) {
        return aval.rank() == 0 ? lit : emit(new BroadcastInDim(aval.shape(), Vector.empty()), lit);
    }
}
