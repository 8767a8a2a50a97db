package dev.jaxj.compiler.pass;

/**
 * The standard pipelines.
 * {@snippet :
 * // the program alone; constants of dropped constant variables are dropped too
 * Closed<Array> optimised = Passes.standard().<Array>closed().apply(new Closed<>(jaxpr, consts));
 * // with the runtime's kernels folding small constant subcomputations
 * Closed<Array> folded = Passes.standard(evaluator, 64).apply(new Closed<>(jaxpr, consts));
 * }
 */
public final class Passes {
    /** Enough for the chains the simplifier collapses in one round to settle; more rounds rarely change anything. */
    public static final int MAX_ROUNDS = 16;

    private Passes() {}

    /**
     * {@return simplification, constant folding of literals, CSE and DCE, repeated until the
     * program stops changing (at most {@link #MAX_ROUNDS} rounds)} Each round optimises the
     * programs of control-flow equations first ({@link SubPrograms#deep}), so DCE at the outer
     * level sees which of a loop's results and operands its body still needs.
     */
    public static Pass standard() {
        return SubPrograms.deep(new AlgebraicSimplifier()
                        .andThen(new ConstantFolding())
                        .andThen(new CommonSubexpressionElimination())
                        .andThen(new DeadCodeElimination()))
                .fixpoint(MAX_ROUNDS)
                .named("standard");
    }

    /**
     * {@return the pipeline for a program that is about to run}: {@link #standard()} after
     * inlining the calls and removing the markers only differentiation needs
     * ({@code custom_jvp_call}, {@code remat}, {@code stop_gradient}), with
     * transposes of products folded into the products
     */
    public static Pass forExecution() {
        return new CallInlining()
                .andThen(SubPrograms.deep(new StopGradientElimination()))
                .andThen(SubPrograms.deep(new AlgebraicSimplifier()
                                .andThen(new TransposeFolding())
                                .andThen(new ConstantFolding())
                                .andThen(new CommonSubexpressionElimination())
                                .andThen(new DeadCodeElimination()))
                        .fixpoint(MAX_ROUNDS))
                .named("for_execution");
    }

    /**
     * {@return the {@link #standard()} pipeline on programs with constant values, folding through
     * {@code evaluator} every equation whose operands and results have at most {@code
     * maxElements} elements and are literals or constants} See {@link ConstantFolding#withEvaluator}.
     *
     * @throws IllegalArgumentException when {@code maxElements < 1}
     */
    public static <T> ClosedPass<T> standard(Evaluator<T> evaluator, int maxElements) {
        // Nested programs have no constants to fold with, and must stay closed: they get the plain pipeline.
        return SubPrograms.inside(standard()).andThen(new AlgebraicSimplifier()).<T>closed()
                .andThen(ConstantFolding.withEvaluator(evaluator, maxElements))
                .andThen(new CommonSubexpressionElimination())
                .andThen(new DeadCodeElimination())
                .fixpoint(MAX_ROUNDS)
                .named("standard(evaluator, " + maxElements + ")");
    }
}
