package dev.jaxj.optim;

import dev.jaxj.array.Array;
import io.vavr.control.Option;

import static java.util.Objects.requireNonNull;

/**
 * Adagrad's rescaling by the root of the sum of squared gradients: Optax's
 * {@code scale_by_rss}.
 * {@snippet lang=text :
 * s = s + g^2        u = (s > 0 ? 1 / sqrt(s + eps) : 0) * g
 * }
 *
 * @param initialAccumulatorValue the initial sum, at least 0
 * @param eps                     added inside the square root
 */
public record ScaleByRss(double initialAccumulatorValue, double eps) implements GradientTransformation<ScaleByRss.State> {

    /**
     * The running sum of squares.
     *
     * @param sumOfSquares a tree shaped like the params
     */
    public record State(Object sumOfSquares) {
        public State { requireNonNull(sumOfSquares, "sumOfSquares is null"); }
    }

    private static final String OP = "scale_by_rss";

    @Override
    public State init(Object params) { return new State(LeafOps.fullLike(params, initialAccumulatorValue, OP)); }

    @Override
    public <U> Update<U, State> update(U updates, State s, Option<?> params) {
        Object sum = LeafOps.map2(updates, s.sumOfSquares(), OP, (g, t) -> g.square().add(t));
        Object out = LeafOps.map2(updates, sum, OP, (g, t) -> {
            Array inv = LeafOps.where(t.gt(0.0), t.add(LeafOps.scalarLike(eps, t)).rsqrt(), LeafOps.scalarLike(0, t));
            return inv.mul(g);
        });
        return new Update<>(LeafOps.same(updates, out), new State(sum));
    }

    @Override
    public State checkState(Object state) { return LeafOps.state(state, State.class, OP); }
}
