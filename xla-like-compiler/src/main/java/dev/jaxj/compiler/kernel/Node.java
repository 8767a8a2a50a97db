package dev.jaxj.compiler.kernel;

import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static java.util.Objects.requireNonNull;

/**
 * One value computed at every point of a fused loop's domain. Nodes form a DAG in
 * definition order: an {@link Apply} refers to earlier nodes by position.
 */
public sealed interface Node {
    /** {@return the element type and the loop-domain shape of this value} */
    ShapedArray aval();

    /** Reads input {@code input} of the loop through {@code map}. */
    record Load(int input, IndexMap map, ShapedArray aval) implements Node {
        public Load {
            requireNonNull(map, "map is null");
            requireNonNull(aval, "aval is null");
        }
    }

    /** A scalar constant, broadcast over the domain. */
    record Constant(double value, ShapedArray aval) implements Node {}

    /** An elementwise primitive of earlier nodes. */
    record Apply(Primitive.Elementwise prim, Seq<Integer> args, ShapedArray aval) implements Node {
        public Apply {
            requireNonNull(prim, "prim is null");
            args = Vector.ofAll(args);
        }
    }
}
