package dev.jaxj.train;

import dev.jaxj.Jax;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.nn.Context;
import dev.jaxj.nn.Module;
import dev.jaxj.nn.Variables;
import dev.jaxj.optim.GradientTransformation;
import dev.jaxj.optim.Optim;
import dev.jaxj.random.Key;
import io.vavr.collection.Seq;

/**
 * The pure functions {@link Trainer} compiles with {@code jit}, and the pytrees they take and
 * return. Each takes one record, because {@code Jax.jit} compiles functions of one pytree.
 */
final class Steps {
    private Steps() {}

    /**
     * The inputs of one training step. The step's random key is {@code foldIn(epochKey, step)},
     * folded inside the compiled step: a model that draws no random numbers then costs nothing
     * for it, where folding on the host ran a Threefry hash eagerly every step.
     */
    record TrainIn<P, S>(P params, S modelState, Object optState, Array x, Array y, Key epochKey, Array step) {}

    /** The outputs of one training step: the new params and states, the batch loss and metrics. */
    record TrainOut<P, S>(P params, S modelState, Object optState, Array loss, Seq<Array> metrics) {}

    /** What the differentiated loss carries along: the model's new state and its output. */
    record Aux<S>(S modelState, Array output) {}

    /** The inputs of an evaluation or prediction step. */
    record EvalIn<P, S>(Variables<P, S> variables, Array x, Array y) {}

    /** The loss and metrics of one batch. */
    record EvalOut(Array loss, Seq<Array> metrics) {}

    /**
     * One step of gradient descent: the loss and its gradient with respect to the params, in
     * train mode; then the optimizer's update. The model's state (batch statistics) comes out
     * of the forward pass, undifferentiated. The optimizer's state comes as an {@code Object},
     * which it checks before use.
     */
    static <P, S, O> TrainOut<P, S> train(Module<P, S> model, GradientTransformation<O> optimizer, Loss loss, Seq<Metric> metrics,
                                          TrainIn<P, S> in) {
        Key rng = Random.foldIn(in.epochKey(), in.step());
        var vg = Jax.valueAndGradWithAux((P p) -> {
            Module.Output<S> out = model.apply(new Variables<>(p, in.modelState()), in.x(), Context.train(rng));
            return new Jax.WithAux<>(loss.apply(out.value(), in.y()), new Aux<>(out.state(), out.value()));
        }).apply(in.params());
        var update = optimizer.update(vg.grad(), optimizer.checkState(in.optState()), in.params());
        Seq<Array> ms = metrics.map(m -> m.function().apply(vg.aux().output(), in.y()));
        return new TrainOut<>(Optim.applyUpdates(in.params(), update.updates()), vg.aux().modelState(), update.state(), vg.value(), ms);
    }

    /** The loss and metrics of a batch in eval mode. */
    static <P, S> EvalOut evaluate(Module<P, S> model, Loss loss, Seq<Metric> metrics, EvalIn<P, S> in) {
        Array out = model.apply(in.variables(), in.x());
        return new EvalOut(loss.apply(out, in.y()), metrics.map(m -> m.function().apply(out, in.y())));
    }
}
