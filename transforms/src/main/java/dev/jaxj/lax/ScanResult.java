package dev.jaxj.lax;

/**
 * What {@link Lax#scan} returns: the final carry and the per-step outputs stacked along a new
 * leading axis.
 *
 * @param carry the carry after the last step (the same pytree structure as the initial carry)
 * @param ys    each leaf of the step outputs stacked: {@code [length, ...]}
 */
public record ScanResult<C, Y>(C carry, Y ys) {}
