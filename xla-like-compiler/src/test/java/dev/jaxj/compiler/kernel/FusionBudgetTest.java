package dev.jaxj.compiler.kernel;

import dev.jaxj.compiler.pass.Passes;
import dev.jaxj.ir.Atom;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Lit;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

/** Long runs of fusible equations are cut into loops within the node and sweep budgets, in a valid order. */
class FusionBudgetTest {
    private static final ShapedArray SCALAR = ShapedArray.of(DType.F32);

    /** Runs {@code task} on a thread with a 512 KiB stack (surefire's own threads have 8 MiB, which would hide an overflow). */
    static <T> T onSmallStack(Supplier<T> task) throws Throwable {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(task.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", 512 * 1024);
        t.start();
        t.join();
        if (failure.get() != null) throw failure.get();
        return result.get();
    }

    /** {@code y = y * 1.0001 + 0.001}, {@code n} times: 4n + 1 nodes when fused whole (a load, and two constants and two ops a link). */
    static Jaxpr affineChain(Shape s, int n) {
        return Jaxpr.build(Vector.of(new ShapedArray(s, DType.F32, false)), b -> {
            Var y = b.in(0);
            for (int i = 0; i < n; i++) {
                Var c = b.add(new BroadcastInDim(s, Vector.empty()), new Lit(1.0001, SCALAR)).head();
                Var d = b.add(new BroadcastInDim(s, Vector.empty()), new Lit(0.001, SCALAR)).head();
                y = b.add(new Add(), b.add(new Mul(), y, c).head(), d).head();
            }
            return Vector.of(y);
        }).typecheck();
    }

    private static Seq<Step.FusedLoop> loops(KernelProgram k) {
        return k.steps().filter(s -> s instanceof Step.FusedLoop).map(s -> (Step.FusedLoop) s);
    }

    private static void assertWithinBudget(KernelProgram k) {
        for (Step.FusedLoop f : loops(k)) {
            assertTrue(f.nodes().size() <= Fusion.MAX_LOOP_NODES, f.name() + " has " + f.nodes().size() + " nodes");
            assertTrue(f.passes() <= Fusion.MAX_LOOP_SWEEPS, f.name() + " sweeps " + f.passes() + " times");
        }
    }

    /** Every step reads only program inputs and values of earlier steps, and the outputs are all defined. */
    private static void assertValidOrder(KernelProgram k) {
        Set<Var> defined = new HashSet<>(k.source().inVars().appendAll(k.source().constVars()).toJavaList());
        for (Step s : k.steps()) {
            Seq<Var> reads = switch (s) {
                case Step.LibraryCall c -> c.eqn().in().filter(a -> a instanceof Var).map(a -> (Var) a);
                case Step.FusedLoop f -> f.inputs();
                case Step.Nested n -> n.eqn().in().filter(a -> a instanceof Var).map(a -> (Var) a);
            };
            for (Var v : reads) assertTrue(defined.contains(v), v + " is read before it is written\n" + k);
            defined.addAll(s.outputs().toJavaList());
        }
        for (Atom a : k.source().outs()) if (a instanceof Var v) assertTrue(defined.contains(v), "output " + v + " is never written");
    }

    @Provide
    Arbitrary<Integer> chainLengths() {
        int under = (Fusion.CUT_FROM_NODES - 1) / 4, atBudget = (Fusion.MAX_LOOP_NODES - 1) / 4;
        return Arbitraries.oneOf(Arbitraries.of(1, 2, under, under + 1, atBudget, atBudget + 1, atBudget + 2), Arbitraries.integers().between(1, 700));
    }

    @Provide
    Arbitrary<Shape> shapes() {
        return Arbitraries.of(Shape.of(), Shape.of(1), Shape.of(7), Shape.of(3, 37), Shape.of(2, 0, 4));
    }

    @Property(tries = 60)
    void anAffineChainIsCutOnlyWhereItOutgrowsTheBudget(@ForAll("chainLengths") int n, @ForAll("shapes") Shape s) {
        KernelProgram k = Fusion.lower(affineChain(s, n));
        Seq<Step.FusedLoop> loops = loops(k);
        assertWithinBudget(k);
        assertValidOrder(k);
        assertEquals(k.steps().size(), loops.size(), "nothing but fused loops");
        assertEquals(2 * n, loops.map(f -> f.nodes().count(x -> x instanceof Node.Apply)).sum().intValue(), "every op is in some loop");
        if (4 * n + 1 <= Fusion.CUT_FROM_NODES) assertEquals(1, loops.size(), "a chain within the budget is one loop");
        if (4 * n + 1 > Fusion.MAX_LOOP_NODES) assertTrue(loops.size() >= 2, "a chain over the budget is cut");
        for (int i = 0; i + 1 < loops.size(); i++) {
            Step.FusedLoop a = loops.get(i), b = loops.get(i + 1);
            assertEquals(1, a.stores().size(), "only the running value crosses a cut");
            assertEquals(a.stores().head().target(), b.inputs().single(), "the next loop reads the running value");
            assertTrue(a.nodes().size() + b.nodes().size() > Fusion.CUT_FROM_NODES, "no cut is premature");
        }
    }

    /**
     * A random program of elementwise ops, comparisons feeding selects, and row reductions read
     * back along their rows; operands are drawn from any earlier value, so many values cross cuts.
     */
    static Jaxpr randomProgram(Shape s, int n, long seed) {
        Random rng = new Random(seed);
        int last = s.rank() - 1;
        Seq<Integer> lead = Vector.range(0, last);
        return Jaxpr.build(Vector.of(new ShapedArray(s, DType.F32, false), new ShapedArray(s, DType.F32, false)), b -> {
            List<Var> values = new ArrayList<>(List.of(b.in(0), b.in(1)));
            for (int i = 0; i < n; i++) {
                Var x = values.get(values.size() - 1 - rng.nextInt(Math.min(values.size(), 40)));
                Var y = values.get(rng.nextInt(values.size()));
                Var next = switch (rng.nextInt(5)) {
                    case 0 -> b.add(new Tanh(), x).head();
                    case 1 -> b.add(new Mul(), x, y).head();
                    case 2 -> b.add(new SelectN(), b.add(new Lt(), x, y).head(), x, y).head();
                    case 3 -> b.add(new Add(), x, b.add(new BroadcastInDim(s, Vector.empty()), new Lit(0.5, SCALAR)).head()).head();
                    default -> {
                        Var m = b.add(rng.nextBoolean() ? new ReduceMax(Vector.of(last)) : new ReduceSum(Vector.of(last)), x).head();
                        yield b.add(new Sub(), y, b.add(new BroadcastInDim(s, lead), m).head()).head();
                    }
                };
                values.add(next);
            }
            return Vector.of(values.getLast(), values.get(values.size() / 2));
        }).typecheck();
    }

    @Property(tries = 60)
    void aLongRandomProgramIsCutIntoLoopsWithinTheBudgetInAValidOrder(@ForAll("chainLengths") int n, @ForAll long seed) {
        KernelProgram k = Fusion.lower(randomProgram(Shape.of(3, 5), n, seed));
        assertWithinBudget(k);
        assertValidOrder(k);
    }

    @Property(tries = 30)
    void cutsOfAChainWithComparisonsPassOnlyFloats(@ForAll("chainLengths") int n) {
        // y = select(y < 0.5, y * y, tanh y): a boolean is live inside every link, never across two.
        Shape s = Shape.of(9);
        Jaxpr j = Jaxpr.build(Vector.of(new ShapedArray(s, DType.F32, false)), b -> {
            Var y = b.in(0);
            for (int i = 0; i < n; i++) {
                Var half = b.add(new BroadcastInDim(s, Vector.empty()), new Lit(0.5, SCALAR)).head();
                y = b.add(new SelectN(), b.add(new Lt(), y, half).head(), b.add(new Mul(), y, y).head(), b.add(new Tanh(), y).head()).head();
            }
            return Vector.of(y);
        }).typecheck();
        KernelProgram k = Fusion.lower(j);
        assertWithinBudget(k);
        for (Step.FusedLoop f : loops(k)) {
            for (Step.Store st : f.stores()) assertEquals(DType.F32, st.target().aval().dtype(), f.name() + " stores a " + st.target().aval());
        }
    }

    @Test
    void shouldLowerAndSimplifyTenThousandLinksOnASmallStack() throws Throwable {
        Jaxpr j = affineChain(Shape.of(4), 10_000);
        String text = onSmallStack(() -> j.typecheck().toString());
        assertTrue(text.lines().count() > 30_000, "every equation is printed");
        Jaxpr simplified = onSmallStack(() -> Passes.standard().apply(j));
        KernelProgram k = onSmallStack(() -> Fusion.lower(simplified.typecheck()));
        assertWithinBudget(k);
        assertValidOrder(k);
        assertTrue(loops(k).size() >= 40_001 / Fusion.MAX_LOOP_NODES, k.steps().size() + " loops");
    }
}
