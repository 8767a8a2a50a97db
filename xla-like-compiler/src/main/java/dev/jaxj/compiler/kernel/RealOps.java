package dev.jaxj.compiler.kernel;

import dev.jaxj.ir.Atom;
import dev.jaxj.ir.Lit;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.BroadcastInDim;
import dev.jaxj.ir.Primitive.SelectN;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Vector;

/**
 * Emits equations on real arrays for the helpers of the complex lowering
 * ({@link ComplexInverse}, {@link ComplexOrder}); {@link TypeLowering} supplies it, so that
 * the helpers stay apart from its bookkeeping.
 */
@FunctionalInterface
interface RealOps {
    /** {@return the result of one new equation {@code p(in)}} */
    Atom emit(Primitive p, Atom... in);

    /** A complex value as its real and imaginary parts, two real arrays of one aval. */
    record ReIm(Atom re, Atom im) {}

    default Atom select(Atom condition, Atom ifTrue, Atom ifFalse) {
        return emit(new SelectN(), condition, ifFalse, ifTrue);
    }

    /** {@return {@code v} in {@code like}'s dtype, broadcast to its shape when that is not rank 0} */
    default Atom full(double v, ShapedArray like) {
        Lit lit = new Lit(v, new ShapedArray(Shape.SCALAR, like.dtype(), false));
        return like.rank() == 0 ? lit : emit(new BroadcastInDim(like.shape(), Vector.empty()), lit);
    }
}
