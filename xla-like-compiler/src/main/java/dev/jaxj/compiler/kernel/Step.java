package dev.jaxj.compiler.kernel;

import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import static java.util.Objects.requireNonNull;

/** One step of a kernel program: a library call of one primitive, or a fused loop. */
public sealed interface Step {
    /** {@return the program variables this step defines} */
    Seq<Var> outputs();

    /** A primitive run by the backend's library kernel (GEMM, convolution, gather, …). */
    record LibraryCall(Eqn eqn) implements Step {
        @Override public Seq<Var> outputs() { return eqn.out(); }
    }

    /**
     * A loop over {@code domain} evaluating {@code nodes} at every point, storing the values of
     * {@code stores} (domain-shaped outputs) and, when {@code reduction} is present, reducing
     * one node over the trailing {@code reducedAxes} of the domain into a smaller output.
     *
     * @param inputs    program variables read by the loop's {@link Node.Load}s, by position
     * @param domain    the iteration space
     * @param nodes     the values, in dependency order
     * @param stores    outputs written at every point: (node index, variable)
     * @param reduction an optional reduction terminating the loop
     */
    record FusedLoop(String name, Seq<Var> inputs, Shape domain, Seq<Node> nodes, Seq<Store> stores,
                     Option<Reduction> reduction) implements Step {
        public FusedLoop {
            inputs = Vector.ofAll(inputs);
            requireNonNull(domain, "domain is null");
            nodes = Vector.ofAll(nodes);
            stores = Vector.ofAll(stores);
            requireNonNull(reduction, "reduction is null");
        }

        @Override
        public Seq<Var> outputs() {
            Seq<Var> s = stores.map(Store::target);
            return reduction.isDefined() ? s.append(reduction.get().target()) : s;
        }
    }

    /** Stores node {@code node} into {@code target} at every point of the domain. */
    record Store(int node, Var target) {}

    /**
     * Reduces node {@code node} over the last {@code reducedAxes} axes of the domain with the
     * monoid of {@code kind} into {@code target} (shaped like the remaining leading axes).
     */
    record Reduction(int node, int reducedAxes, Primitive.Reduction kind, Var target) {}
}
