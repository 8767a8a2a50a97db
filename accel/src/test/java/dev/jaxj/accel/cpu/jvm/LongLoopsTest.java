package dev.jaxj.accel.cpu.jvm;

import dev.jaxj.compiler.kernel.Fusion;
import dev.jaxj.compiler.kernel.IndexMap;
import dev.jaxj.compiler.kernel.KernelProgram;
import dev.jaxj.compiler.kernel.Node;
import dev.jaxj.compiler.kernel.Step;
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
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Long runs of fusible work: the loops fusion cuts them into are each small enough to become
 * compiled code, and emitting a loop needs no stack in proportion to its length.
 */
class LongLoopsTest {
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

    /** How one link of a chain turns the running value {@code y} into the next, reading the inputs {@code x}. */
    enum Link {
        AFFINE, CLAMP_BY_INPUTS, SELECT, TRANSCENDENTAL, ROW_SOFTMAX;

        Var apply(Jaxpr.Builder b, Var y, Shape s) {
            ShapedArray scalar = ShapedArray.of(DType.F32);
            return switch (this) {
                case AFFINE -> {
                    Var c = b.add(new BroadcastInDim(s, Vector.empty()), new Lit(1.0001, scalar)).head();
                    Var d = b.add(new BroadcastInDim(s, Vector.empty()), new Lit(0.001, scalar)).head();
                    yield b.add(new Add(), b.add(new Mul(), y, c).head(), d).head();
                }
                case CLAMP_BY_INPUTS -> b.add(new Clamp(), b.in(0), b.add(new Add(), y, b.in(1)).head(), b.in(2)).head();
                case SELECT -> {
                    Var less = b.add(new Lt(), y, b.in(1)).head();
                    yield b.add(new SelectN(), less, b.add(new Sub(), y, b.in(0)).head(), b.add(new Mul(), y, b.in(2)).head()).head();
                }
                case TRANSCENDENTAL -> b.add(new Tanh(), b.add(new Atan2(), b.add(new Exp(), y).head(), b.in(1)).head()).head();
                case ROW_SOFTMAX -> {
                    int last = s.rank() - 1;
                    Seq<Integer> lead = Vector.range(0, last);
                    Var m = b.add(new ReduceMax(Vector.of(last)), y).head();
                    Var e = b.add(new Exp(), b.add(new Sub(), y, b.add(new BroadcastInDim(s, lead), m).head()).head()).head();
                    Var sum = b.add(new ReduceSum(Vector.of(last)), e).head();
                    yield b.add(new Div(), e, b.add(new BroadcastInDim(s, lead), sum).head()).head();
                }
            };
        }
    }

    private static Jaxpr chain(Shape s, int n, Seq<Link> links) {
        ShapedArray x = new ShapedArray(s, DType.F32, false);
        return Jaxpr.build(Vector.of(x, x, x), b -> {
            Var y = b.in(0);
            for (int i = 0; i < n; i++) y = links.get(i % links.size()).apply(b, y, s);
            return Vector.of(y);
        }).typecheck();
    }

    @Provide
    Arbitrary<Seq<Link>> links() {
        return Arbitraries.of(Link.class).list().ofMinSize(1).ofMaxSize(4).map(Vector::ofAll);
    }

    @Provide
    Arbitrary<Shape> shapes() {
        return Arbitraries.of(Shape.of(7), Shape.of(3, 37), Shape.of(2, 5, 16), Shape.of(4100));
    }

    @Property(tries = 60)
    void everyLoopOfALongChainIsCompiledCode(@ForAll("shapes") Shape s, @ForAll("links") Seq<Link> links,
                                             @ForAll @IntRange(min = 1, max = 400) int n) throws Throwable {
        KernelProgram k = onSmallStack(() -> Fusion.lower(chain(s, n, links)));
        for (Step step : k.steps()) {
            if (!(step instanceof Step.FusedLoop f)) continue;
            assertTrue(f.nodes().size() <= Fusion.MAX_LOOP_NODES, f.name() + " has " + f.nodes().size() + " nodes");
            boolean compiled = onSmallStack(() -> JvmLoops.compile(f).isDefined());
            assertTrue(compiled, f.name() + " of " + f.nodes().size() + " nodes over " + s + " (" + links + ") is interpreted");
        }
    }

    @Test
    void shouldLeaveALoopBeyondTheClassFileLimitsToTheInterpreter() throws Throwable {
        // Built directly, past fusion's budget: 20,000 dependent nodes need more than 64 KiB of code and 65,535 locals.
        Shape s = Shape.of(5);
        ShapedArray f32 = new ShapedArray(s, DType.F32, false);
        List<Node> nodes = new ArrayList<>();
        nodes.add(new Node.Load(0, IndexMap.dense(s), f32));
        for (int i = 1; i < 20_000; i++) nodes.add(new Node.Apply(new Sin(), Vector.of(i - 1), f32));
        Var out = new Var(1, f32);
        var loop = new Step.FusedLoop("huge", Vector.of(new Var(0, f32)), s, 0, Vector.ofAll(nodes), Vector.of(new Step.Store(nodes.size() - 1, out)));
        assertTrue(onSmallStack(() -> JvmLoops.compile(loop).isEmpty()));
    }
}
