package dev.jaxj.compiler.kernel;

import dev.jaxj.ir.Lit;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static java.util.Objects.requireNonNull;

/**
 * One value computed at every point of a fused loop's domain. Nodes form a DAG in
 * definition order: an {@link Apply} or {@link Reduce} refers to earlier nodes by position.
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

    /** A scalar constant, broadcast over the domain; the literal keeps integers exact. */
    record Constant(Lit value, ShapedArray aval) implements Node {
        public Constant {
            requireNonNull(value, "value is null");
            requireNonNull(aval, "aval is null");
        }
    }

    /** An elementwise primitive of earlier nodes. */
    record Apply(Primitive.Elementwise prim, Seq<Integer> args, ShapedArray aval) implements Node {
        public Apply {
            requireNonNull(prim, "prim is null");
            args = Vector.ofAll(args);
        }
    }

    /**
     * The reduction of node {@code arg} over the loop's reduced (trailing) axes with the monoid
     * of {@code kind}: one value per row, seen by later nodes at every point of that row (a
     * softmax divides by the sum of its own row in the same loop).
     */
    record Reduce(int arg, Primitive.Reduction kind, ShapedArray aval) implements Node {
        public Reduce {
            requireNonNull(kind, "kind is null");
            requireNonNull(aval, "aval is null");
        }
    }

    /**
     * {@return the pass of a row in which node {@code i} of {@code nodes} is available}: loads
     * and constants in pass 0, an {@link Apply} with its latest argument, and a {@link Reduce}
     * one pass after its argument, since a row must be read whole before its reduction is known.
     */
    static int[] passes(Seq<Node> nodes) {
        int[] pass = new int[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            pass[i] = switch (nodes.get(i)) {
                case Load _, Constant _ -> 0;
                case Apply a -> a.args().map(j -> pass[j]).max().getOrElse(0);
                case Reduce r -> pass[r.arg()] + 1;
            };
        }
        return pass;
    }
}
