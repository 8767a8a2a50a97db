package dev.jaxj.optim;

import io.vavr.control.Option;

import static java.util.Objects.requireNonNull;

/**
 * RMSProp's rescaling: Optax's {@code scale_by_rms} with its defaults (eps inside the square
 * root, no bias correction):
 * {@snippet lang=text :
 * nu = (1 - decay) * g^2 + decay * nu        u = g / sqrt(nu + eps)
 * }
 *
 * @param decay        decay of the mean square
 * @param eps          added inside the square root
 * @param initialScale the initial mean square (PyTorch uses 0, TF1 uses 1)
 */
public record ScaleByRms(double decay, double eps, double initialScale) implements GradientTransformation<ScaleByRms.State> {

    /**
     * The running mean square.
     *
     * @param nu a tree shaped like the params
     */
    public record State(Object nu) {
        public State { requireNonNull(nu, "nu is null"); }
    }

    private static final String OP = "scale_by_rms";

    @Override
    public State init(Object params) { return new State(LeafOps.fullLike(params, initialScale, OP)); }

    @Override
    public <U> Update<U, State> update(U updates, State s, Option<?> params) {
        Object nu = LeafOps.map2(updates, s.nu(), OP, (g, v) -> LeafOps.moment(g.square(), v, decay));
        Object out = LeafOps.map2(updates, nu, OP, (g, v) -> v.add(LeafOps.scalarLike(eps, v)).rsqrt().mul(g));
        return new Update<>(LeafOps.same(updates, out), new State(nu));
    }

    @Override
    public State checkState(Object state) { return LeafOps.state(state, State.class, OP); }
}
