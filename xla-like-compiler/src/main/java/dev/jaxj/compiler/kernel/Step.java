package dev.jaxj.compiler.kernel;

import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static java.util.Objects.requireNonNull;

/**
 * One step of a kernel program: a library call of one primitive, a fused loop, or a loop or
 * branch of control flow holding kernel programs of its own.
 */
public sealed interface Step {
    /** {@return the program variables this step defines} */
    Seq<Var> outputs();

    /** A primitive run by the backend's library kernel (GEMM, convolution, gather, …). */
    record LibraryCall(Eqn eqn) implements Step {
        @Override public Seq<Var> outputs() { return eqn.out(); }
    }

    /**
     * A loop over {@code domain} evaluating {@code nodes} at every point and writing the values
     * of {@code stores}. When {@code reducedAxes > 0} the trailing {@code reducedAxes} axes form
     * the loop's rows: {@link Node.Reduce} nodes reduce over them, a store of such a node writes
     * one value per row (an array of the leading axes' shape), and the row is swept once per
     * {@linkplain #passes() pass} (max, then exp-and-sum, then scale, for a softmax).
     *
     * @param inputs      program variables read by the loop's {@link Node.Load}s, by position
     * @param domain      the iteration space
     * @param reducedAxes how many trailing axes of {@code domain} the reductions reduce (0: none)
     * @param nodes       the values, in dependency order
     * @param stores      outputs: (node index, variable)
     */
    record FusedLoop(String name, Seq<Var> inputs, Shape domain, int reducedAxes, Seq<Node> nodes, Seq<Store> stores) implements Step {
        public FusedLoop {
            inputs = Vector.ofAll(inputs);
            requireNonNull(domain, "domain is null");
            if (reducedAxes < 0 || reducedAxes > domain.rank()) {
                throw new IllegalArgumentException("reducedAxes " + reducedAxes + " outside [0, " + domain.rank() + "]");
            }
            nodes = Vector.ofAll(nodes);
            stores = Vector.ofAll(stores);
        }

        @Override
        public Seq<Var> outputs() {
            return stores.map(Store::target);
        }

        /** {@return the pass of a row in which each node is available} (see {@link Node.Reduce}) */
        public int[] nodePasses() {
            return Node.passes(nodes);
        }

        /** {@return how many times each row is swept}: one more than the latest pass any store needs */
        public int passes() {
            int[] pass = nodePasses();
            int n = 1;
            for (Store s : stores) n = Math.max(n, nodes.get(s.node()) instanceof Node.Reduce r ? pass[r.arg()] + 1 : pass[s.node()] + 1);
            return n;
        }

        /**
         * {@return whether an output of this loop may be written into the buffer of input
         * {@code input}}: only when every point reads its own element of that input before the
         * loop writes it — dense loads, one sweep, and no store that copies the load itself. A
         * bounded load reads elements other than its point's, so its input is never overwritten.
         */
        public boolean mayOverwriteInput(int input) {
            if (passes() > 1) return false;
            for (int i = 0; i < nodes.size(); i++) {
                if (nodes.get(i) instanceof Node.Load l && l.input() == input) {
                    int node = i;
                    if (!l.map().isDense(domain) || stores.exists(s -> s.node() == node)) return false;
                }
                if (nodes.get(i) instanceof Node.BoundedLoad b && b.input() == input) return false;
            }
            return true;
        }

        /** {@return the number of rows}: the product of the leading, unreduced axes */
        public int rows() {
            int r = 1;
            for (int d = 0; d < domain.rank() - reducedAxes; d++) r *= domain.dim(d);
            return r;
        }

        /** {@return the length of a row}: the product of the reduced axes (1 when nothing is reduced) */
        public int rowLength() {
            int k = 1;
            for (int d = domain.rank() - reducedAxes; d < domain.rank(); d++) k *= domain.dim(d);
            return k;
        }
    }

    /**
     * A control-flow equation whose programs were lowered with the program around it, each to a
     * kernel program with its own buffer plan, so a run only drives iterations: nothing is
     * traced, optimised or lowered again, however many iterations run, and a loop nested in a
     * body is a step of that body's program. The equation's operands and results are the step's.
     */
    sealed interface Nested extends Step permits Loop, Branch {
        /** {@return the control-flow equation} */
        Eqn eqn();

        /** {@return the lowered programs, one per program of the primitive, in its order} */
        Seq<BufferPlan> programs();

        /** {@return the primitive} */
        default Primitive.ControlFlow primitive() { return (Primitive.ControlFlow) eqn().prim(); }

        @Override default Seq<Var> outputs() { return eqn().out(); }
    }

    /**
     * A {@code scan} (programs: the body) or a {@code while} (programs: the cond, then the
     * body). The body's plan donates its carried inputs (and a scan's slices), so an iteration
     * may write its new carry over the previous one: the carry alternates between buffers
     * instead of taking fresh ones each iteration.
     */
    record Loop(Eqn eqn, Seq<BufferPlan> programs) implements Nested {
        public Loop {
            requireNonNull(eqn, "eqn is null");
            programs = Vector.ofAll(programs);
            if (!(eqn.prim() instanceof Primitive.Scan || eqn.prim() instanceof Primitive.While)) {
                throw new IllegalArgumentException("a loop step runs scan or while, got " + eqn.prim().name());
            }
            checkPrograms(eqn, programs);
        }
    }

    /** A {@code cond}: one program per branch, none donating (the operands are the caller's). */
    record Branch(Eqn eqn, Seq<BufferPlan> programs) implements Nested {
        public Branch {
            requireNonNull(eqn, "eqn is null");
            programs = Vector.ofAll(programs);
            if (!(eqn.prim() instanceof Primitive.Cond)) throw new IllegalArgumentException("a branch step runs cond, got " + eqn.prim().name());
            checkPrograms(eqn, programs);
        }
    }

    private static void checkPrograms(Eqn eqn, Seq<BufferPlan> programs) {
        Seq<Jaxpr> sources = ((Primitive.ControlFlow) eqn.prim()).jaxprs();
        if (programs.size() != sources.size()) {
            throw new IllegalArgumentException(eqn.prim().name() + " has " + sources.size() + " programs, got " + programs.size() + " lowered");
        }
    }

    /**
     * Stores node {@code node} into {@code target}: at every point of the domain, or once per
     * row for a {@link Node.Reduce}.
     */
    record Store(int node, Var target) {}
}
