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
 * in order, so a layer's kernel sits at the key path {@code [i].kernel}; {@link #variables(Vector)}
 * makes the variables of stateless layers from their params alone. Each layer initialises
 * from its own key and, in train mode, draws from its own stream ({@link Context#child}).
 * {@snippet :
 * var model = Sequential.of(Dense.of(64), Activation.RELU, Dense.of(3));
 * var v = model.init(Random.key(0), x);         // params: Vector[Dense.Params, Empty, Dense.Params]
 * System.out.println(model.summary(v, x));
 * Dense.Params first = model.layerParams(v, 0, Dense.Params.class);
 * }
 * The layers' params differ in type, so the sequence holds them as {@code Object}s; a model
 * whose parts should be typed is a record of its own that combines modules (see {@link Module}).
 *
 * @param layers the layers, first applied first
 */
public record Sequential(Seq<Module<?, ?>> layers) implements Module<Vector<Object>, Vector<Object>> {
    public Sequential {
        layers = Vector.ofAll(layers);
    }

    /** {@return the layers in order} */
    public static Sequential of(Module<?, ?>... layers) { return new Sequential(Vector.of(layers)); }

    @Override
    public Variables<Vector<Object>, Vector<Object>> init(Key key, ShapedArray input) {
        var keys = layers.isEmpty() ? Vector.<Key>empty() : Random.split(key, layers.size()).unstack();
        Vector<Object> params = Vector.empty(), state = Vector.empty();
        ShapedArray in = input;
        for (int i = 0; i < layers.size(); i++) {
            Variables<Object, Object> v = layer(i).init(keys.get(i), in);
            params = params.append(v.params());
            state = state.append(v.state());
            if (i + 1 < layers.size()) in = layer(i).outputAval(v, in);
        }
        return new Variables<>(params, state);
    }

    @Override
    public Output<Vector<Object>> apply(Variables<Vector<Object>, Vector<Object>> variables, Array input, Context context) {
        Seq<Object> params = parts(variables.params(), "params"), state = parts(variables.state(), "state");
        Vector<Object> newState = Vector.empty();
        Array x = input;
        for (int i = 0; i < layers.size(); i++) {
            Output<Object> out = layer(i).apply(new Variables<>(params.get(i), state.get(i)), x, context.child(i));
            x = out.value();
            newState = newState.append(out.state());
        }
        return new Output<>(x, newState);
    }

    @Override
    public Seq<Summary.Row> summaryRows(Variables<Vector<Object>, Vector<Object>> variables, ShapedArray input) {
        Seq<Object> params = parts(variables.params(), "params"), state = parts(variables.state(), "state");
        Vector<Summary.Row> rows = Vector.empty();
        ShapedArray in = input;
        for (int i = 0; i < layers.size(); i++) {
            var v = new Variables<>(params.get(i), state.get(i));
            rows = rows.appendAll(layer(i).summaryRows(v, in));
            in = layer(i).outputAval(v, in);
        }
        return rows;
    }

    /**
     * {@return variables with these params and every layer's state empty}: for layers without
     * state (no {@link BatchNorm}), when only the params were kept, e.g. inside a model's own
     * params record
     */
    public Variables<Vector<Object>, Vector<Object>> variables(Vector<Object> params) {
        return new Variables<>(params, Vector.fill(layers.size(), () -> Variables.EMPTY));
    }

    /** {@return the variables of layer {@code i}} */
    public Variables<Object, Object> layerVariables(Variables<Vector<Object>, Vector<Object>> variables, int i) {
        return new Variables<>(parts(variables.params(), "params").get(i), parts(variables.state(), "state").get(i));
    }

    /**
     * {@return the params of layer {@code i}, checked to be of {@code type}}, e.g.
     * {@code layerParams(v, 0, Dense.Params.class)}
     *
     * @throws TreeError when they are of another type
     */
    public <P> P layerParams(Variables<Vector<Object>, Vector<Object>> variables, int i, Class<P> type) {
        return checked(parts(variables.params(), "params").get(i), i, "params", type);
    }

    /**
     * {@return the state of layer {@code i}, checked to be of {@code type}}, e.g.
     * {@code layerState(v, 1, BatchNorm.Stats.class)}
     *
     * @throws TreeError when it is of another type
     */
    public <S> S layerState(Variables<Vector<Object>, Vector<Object>> variables, int i, Class<S> type) {
        return checked(parts(variables.state(), "state").get(i), i, "state", type);
    }

    private <T> T checked(Object value, int i, String which, Class<T> type) {
        if (!type.isInstance(value))
            throw new TreeError("Sequential", "the " + which + " of layer " + i + " (" + layers.get(i).typeName() + ") must be a "
                    + type.getSimpleName() + " to be read as one, got a " + value.getClass().getSimpleName());
        return type.cast(value);
    }

    /** A layer with its types forgotten: the sequence holds its params and state as {@code Object}s, as it made them. */
    @SuppressWarnings("unchecked")
    private Module<Object, Object> layer(int i) { return (Module<Object, Object>) layers.get(i); }

    private Seq<Object> parts(Object collection, String which) {
        if (collection instanceof Seq<?> s && s.size() == layers.size()) return Vector.ofAll(s);
        // Variables.of(params), through an erased reference, leaves the state empty: then no layer has any.
        if (collection instanceof Variables.Empty) return Vector.fill(layers.size(), () -> Variables.EMPTY);
        throw new TreeError("Sequential", "the " + which + " must be a sequence with one entry per layer ("
                + layers.size() + "), as init returns them, got " + collection.getClass().getSimpleName());
    }
}
