package dev.jaxj.compiler.pass;

import dev.jaxj.compiler.pass.RandomPrograms.Case;
import dev.jaxj.compiler.pass.ReferenceInterpreter.Val;
import dev.jaxj.ir.Jaxpr;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The laws every pass keeps, on random programs: the result typechecks, keeps the inputs and
 * output avals, and computes the same values as the original under an independent reference
 * interpreter. Values are compared exactly: no pass reassociates arithmetic, so the only
 * difference a rewrite can make is {@code -0.0} versus {@code 0.0} ({@code x + 0}), which
 * compare equal.
 */
class PassLawsTest {
    private static final Seq<Pass> PASSES = Vector.of(
            new AlgebraicSimplifier(), new TransposeFolding(), new ConstantFolding(), new CommonSubexpressionElimination(), new DeadCodeElimination());

    @Property(tries = 1000)
    void everyPassKeepsTypesAndResults(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int steps) {
        Case c = RandomPrograms.generate(seed, steps);
        Jaxpr original = c.jaxpr().typecheck();
        Seq<Val> expected = ReferenceInterpreter.run(original, c.consts(), c.args());
        Closed<Val> current = new Closed<>(original, c.consts());
        // Each pass alone on the original, then all in the standard order, for rounds enough to settle.
        for (Pass p : PASSES) check(p + " alone", seed, original, p.<Val>closed().apply(current), c.args(), expected);
        for (int round = 0; round < Passes.MAX_ROUNDS; round++) {
            Jaxpr before = current.jaxpr();
            for (Pass p : PASSES) {
                current = p.<Val>closed().apply(current);
                check(p.toString(), seed, original, current, c.args(), expected);
            }
            if (current.jaxpr() == before) break;
        }
        check("standard", seed, original, Passes.standard().<Val>closed().apply(new Closed<>(original, c.consts())), c.args(), expected);
        Closed<Val> folded = Passes.standard(ReferenceInterpreter.EVALUATOR, 8).apply(new Closed<>(original, c.consts()));
        check("standard(evaluator)", seed, original, folded, c.args(), expected);
        Statistics.label("shrinks").collect(current.jaxpr().eqns().size() < original.eqns().size());
        Statistics.label("shrinks").coverage(cov -> cov.check(true).percentage(p -> p > 60));
    }

    @Property(tries = 200)
    void theStandardPipelineReachesAFixpoint(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int steps) {
        Jaxpr once = Passes.standard().apply(RandomPrograms.generate(seed, steps).jaxpr());
        for (Pass p : PASSES) assertSame(once, p.apply(once), () -> p + " still changes, seed " + seed + ":\n" + once);
    }

    private static void check(String pass, long seed, Jaxpr original, Closed<Val> after, Seq<Val> args, Seq<Val> expected) {
        // Printing is costly; the message is built only on failure.
        Supplier<String> context = () -> pass + ", seed " + seed + "\nbefore:\n" + original + "\nafter:\n" + after.jaxpr();
        after.jaxpr().typecheck();
        assertEquals(original.inVars(), after.jaxpr().inVars(), context);
        assertEquals(original.outAvals(), after.jaxpr().outAvals(), context);
        Seq<Val> actual = ReferenceInterpreter.run(after.jaxpr(), after.consts(), args);
        for (int i = 0; i < expected.size(); i++) {
            Val e = expected.get(i), a = actual.get(i);
            assertEquals(e.shape(), a.shape(), context);
            for (int k = 0; k < e.data().length; k++) {
                double x = e.data()[k], y = a.data()[k];
                if (!(x == y || Double.isNaN(x) && Double.isNaN(y))) {
                    fail("output " + i + " element " + k + ": expected " + x + " but got " + y + " after " + context.get());
                }
            }
        }
    }
}
