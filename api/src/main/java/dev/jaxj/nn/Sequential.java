package dev.jaxj.nn;

import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.errors.TreeError;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.random.Key;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * Layers applied one after the other, Keras's {@code Sequential} and Flax's
 * {@code nn.Sequential}. Its params and state are {@code Vector}s holding those of each layer,
 * in order, so a layer's kernel sits at the key path {@code [i].kernel}; an empty state
 * ({@code Variables.of(params)}) stands for an empty state of every layer. Each layer initialises
 * from its own key and, in train mode, draws from its own stream ({@link Context#child}).
 * {@snippet :
 * var model = Sequential.of(Dense.of(64), Activation.RELU, Dense.of(3));
 * Variables v = model.init(Random.key(0), x);   // params: Vector[Dense.Params, Empty, Dense.Params]
 * System.out.println(model.summary(v, x));
 * }
 *
 * @param layers the layers, first applied first
 */
public record Sequential(Seq<Module> layers) implements Module {
    public Sequential {
        layers = Vector.ofAll(layers);
    }

    /** {@return the layers in order} */
    public static Sequential of(Module... layers) { return new Sequential(Vector.of(layers)); }

    @Override
    public Variables init(Key key, ShapedArray input) {
        var keys = layers.isEmpty() ? Vector.<Key>empty() : Random.split(key, layers.size()).unstack();
        Vector<Object> params = Vector.empty(), state = Vector.empty();
        ShapedArray in = input;
        for (int i = 0; i < layers.size(); i++) {
            Variables v = layers.get(i).init(keys.get(i), in);
            params = params.append(v.params());
            state = state.append(v.state());
            if (i + 1 < layers.size()) in = layers.get(i).outputAval(v, in);
        }
        return new Variables(params, state);
    }

    @Override
    public Output apply(Variables variables, Array input, Context context) {
        Seq<Object> params = parts(variables.params(), "params"), state = parts(variables.state(), "state");
        Vector<Object> newState = Vector.empty();
        Array x = input;
        for (int i = 0; i < layers.size(); i++) {
            Output out = layers.get(i).apply(new Variables(params.get(i), state.get(i)), x, context.child(i));
            x = out.value();
            newState = newState.append(out.state());
        }
        return new Output(x, newState);
    }

    @Override
    public Seq<Summary.Row> summaryRows(Variables variables, ShapedArray input) {
        Seq<Object> params = parts(variables.params(), "params"), state = parts(variables.state(), "state");
        Vector<Summary.Row> rows = Vector.empty();
        ShapedArray in = input;
        for (int i = 0; i < layers.size(); i++) {
            var v = new Variables(params.get(i), state.get(i));
            rows = rows.appendAll(layers.get(i).summaryRows(v, in));
            in = layers.get(i).outputAval(v, in);
        }
        return rows;
    }

    /** {@return the variables of layer {@code i}} */
    public Variables layerVariables(Variables variables, int i) {
        return new Variables(parts(variables.params(), "params").get(i), parts(variables.state(), "state").get(i));
    }

    private Seq<Object> parts(Object collection, String which) {
        if (collection instanceof Seq<?> s && s.size() == layers.size()) return Vector.ofAll(s);
        // Variables.of(params) leaves the state empty: then no layer has any.
        if (collection instanceof Variables.Empty) return Vector.fill(layers.size(), () -> Variables.EMPTY);
        throw new TreeError("Sequential", "the " + which + " must be a sequence with one entry per layer ("
                + layers.size() + "), as init returns them, got " + collection.getClass().getSimpleName());
    }
}
