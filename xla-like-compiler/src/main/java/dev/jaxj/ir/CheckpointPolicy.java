package dev.jaxj.ir;

import dev.jaxj.ir.Primitive.DotGeneral;

/**
 * Which intermediate values of a checkpointed function reverse mode saves for the backward
 * pass; it recomputes the others from the function's inputs. JAX's
 * {@code jax.checkpoint_policies}.
 * {@snippet :
 * var block = Jax.checkpoint(this::mlpBlock, CheckpointPolicy.dotsSaveable());
 * }
 */
public enum CheckpointPolicy {
    /** Save nothing: the backward pass recomputes every intermediate value (JAX's default for {@code checkpoint}). */
    NOTHING_SAVEABLE,
    /** Save everything, as without a checkpoint. */
    EVERYTHING_SAVEABLE,
    /** Save the results of matrix products ({@code dot_general}), recompute the cheap elementwise work. */
    DOTS_SAVEABLE,
    /** Save the results of matrix products without batch dimensions only. */
    DOTS_WITH_NO_BATCH_DIMS_SAVEABLE;

    public static CheckpointPolicy nothingSaveable() { return NOTHING_SAVEABLE; }

    public static CheckpointPolicy everythingSaveable() { return EVERYTHING_SAVEABLE; }

    public static CheckpointPolicy dotsSaveable() { return DOTS_SAVEABLE; }

    public static CheckpointPolicy dotsWithNoBatchDimsSaveable() { return DOTS_WITH_NO_BATCH_DIMS_SAVEABLE; }

    /** {@return whether the outputs of {@code e} may be saved for the backward pass} */
    public boolean saveable(Eqn e) {
        return switch (this) {
            case NOTHING_SAVEABLE -> false;
            case EVERYTHING_SAVEABLE -> true;
            case DOTS_SAVEABLE -> e.prim() instanceof DotGeneral;
            case DOTS_WITH_NO_BATCH_DIMS_SAVEABLE -> e.prim() instanceof DotGeneral d && d.dimensionNumbers().lhsBatch().isEmpty();
        };
    }
}
