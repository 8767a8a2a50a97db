package dev.jaxj.optim;

import dev.jaxj.array.Array;
import io.vavr.control.Option;

import static java.util.Objects.requireNonNull;

/**
 * Adam's rescaling: Optax's {@code scale_by_adam}. With {@code t} the count after this update,
 * {@snippet lang=text :
 * mu = (1 - b1) * g + b1 * mu          nu = (1 - b2) * g^2 + b2 * nu
 * u  = (mu / (1 - b1^t)) / (sqrt(nu / (1 - b2^t) + epsRoot) + eps)
 * }
 *
 * @param b1      decay of the first moment
 * @param b2      decay of the second moment
 * @param eps     added to the denominator outside the square root
 * @param epsRoot added inside the square root (for differentiating through the update)
 */
public record ScaleByAdam(double b1, double b2, double eps, double epsRoot) implements GradientTransformation<ScaleByAdam.State> {

    /**
     * Adam's moments.
     *
     * @param count i32 scalar, updates made so far
     * @param mu    first moment, shaped like the params
     * @param nu    second moment, shaped like the params
     */
    public record State(Array count, Object mu, Object nu) {
        public State {
            requireNonNull(count, "count is null");
            requireNonNull(mu, "mu is null");
            requireNonNull(nu, "nu is null");
        }
    }

    private static final String OP = "scale_by_adam";

    @Override
    public State init(Object params) {
        return new State(LeafOps.zeroCount(), LeafOps.zerosLike(params, OP), LeafOps.zerosLike(params, OP));
    }

    @Override
    public <U> Update<U, State> update(U updates, State s, Option<?> params) {
        Object mu = LeafOps.map2(updates, s.mu(), OP, (g, m) -> LeafOps.moment(g, m, b1));
        Object nu = LeafOps.map2(updates, s.nu(), OP, (g, v) -> LeafOps.moment(g.square(), v, b2));
        Array count = LeafOps.safeIncrement(s.count());
        Object out = LeafOps.map2(mu, nu, OP, (m, v) -> {
            Array mHat = LeafOps.biasCorrection(m, b1, count);
            Array vHat = LeafOps.biasCorrection(v, b2, count);
            return mHat.div(vHat.add(LeafOps.scalarLike(epsRoot, vHat)).sqrt().add(LeafOps.scalarLike(eps, vHat)));
        });
        return new Update<>(LeafOps.same(updates, out), new State(count, mu, nu));
    }

    @Override
    public State checkState(Object state) { return LeafOps.state(state, State.class, OP); }
}
