package dev.jaxj.compiler.pass;

import dev.jaxj.errors.JaxprTypeError;
import dev.jaxj.ir.Atom;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Var;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.jaxj.compiler.pass.Programs.*;
import static org.junit.jupiter.api.Assertions.*;

class PassTest {
    /** x, then five dead negations of it. */
    private static final Jaxpr DEAD_TAIL = Jaxpr.build(Vector.of(F3), b -> {
        Var v = b.in(0);
        for (int i = 0; i < 5; i++) v = b.add(new Neg(), v).head();
        return Vector.of(b.in(0));
    });

    /** Drops the last equation when it is dead: one step of DCE per call. */
    private static Pass peel(AtomicInteger calls) {
        return j -> {
            calls.incrementAndGet();
            boolean dead = !j.eqns().isEmpty() && !j.outs().contains(j.eqns().last().out().head());
            return dead ? new Jaxpr(j.constVars(), j.inVars(), j.eqns().init(), j.outs()) : j;
        };
    }

    @Test
    void shouldRunComposedPassesInOrder() {
        List<String> order = new ArrayList<>();
        Pass first = j -> { order.add("first"); return j; };
        Pass second = j -> { order.add("second"); return j; };
        first.andThen(second).apply(DEAD_TAIL);
        assertEquals(List.of("first", "second"), order);
    }

    @Test
    void shouldRepeatUntilTheProgramStopsChanging() {
        var calls = new AtomicInteger();
        Jaxpr out = peel(calls).fixpoint(10).apply(DEAD_TAIL);
        assertTrue(out.eqns().isEmpty());
        assertEquals(6, calls.get(), "five changing rounds and one that finds nothing to do");
    }

    @Test
    void shouldStopAfterTheBoundEvenWhileStillChanging() {
        var calls = new AtomicInteger();
        Jaxpr out = peel(calls).fixpoint(2).apply(DEAD_TAIL);
        assertEquals(3, out.eqns().size());
        assertEquals(2, calls.get());
        assertThrows(IllegalArgumentException.class, () -> peel(calls).fixpoint(0));
    }

    @Test
    void shouldPrintItsName() {
        assertEquals("dce", new DeadCodeElimination().toString());
        assertEquals("cleanup", new DeadCodeElimination().andThen(new CommonSubexpressionElimination()).named("cleanup").toString());
        assertEquals("fixpoint(dce, cse)", new DeadCodeElimination().andThen(new CommonSubexpressionElimination()).fixpoint(2).toString());
    }

    @Test
    void shouldNameThePassThatBrokeTheProgramWhenChecked() {
        Pass broken = ((Pass) j -> new Jaxpr(j.constVars(), j.inVars(), j.eqns().tail(), j.outs())).named("broken");
        var e = assertThrows(JaxprTypeError.class, () -> broken.checked().apply(DEAD_TAIL));
        assertTrue(e.getMessage().startsWith("pass broken: produced an ill-typed program: unbound variable used by neg"), e.getMessage());
        assertSame(DEAD_TAIL, new CommonSubexpressionElimination().checked().apply(DEAD_TAIL));
    }

    @Test
    void shouldCarryTheConstantsOfSurvivingConstantVariables() {
        Jaxpr j = withConsts(Jaxpr.build(Vector.of(F3, F3, F3), b -> b.add(new Add(), b.in(2), b.in(1))), 2);
        Closed<String> out = new DeadCodeElimination().<String>closed().apply(new Closed<>(j, Vector.of("unused", "used")));
        assertEquals(Vector.of("used"), out.consts());
        assertEquals(Vector.of(j.constVars().get(1)), out.jaxpr().constVars());
        Closed<String> same = new Closed<>(out.jaxpr(), out.consts());
        assertSame(same, new DeadCodeElimination().<String>closed().apply(same));
    }

    @Test
    void shouldRejectConstantsThatDoNotMatchTheirVariables() {
        Jaxpr j = withConsts(Jaxpr.build(Vector.of(F3, F3), b -> b.add(new Add(), b.in(0), b.in(1))), 1);
        assertThrows(IllegalArgumentException.class, () -> new Closed<>(j, Vector.empty()));
        Jaxpr other = withConsts(Jaxpr.build(Vector.of(F23, F3), b -> Vector.<Atom>of(b.in(1))), 1);
        var c = new Closed<>(j, Vector.of(1));
        var e = assertThrows(IllegalArgumentException.class, () -> c.restrictTo(other));
        assertTrue(e.getMessage().contains("f32[2,3]"), e.getMessage());
    }
}
