package dev.jaxj.nn;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.random.Key;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static java.util.Objects.requireNonNull;

/**
 * A multilayer perceptron: dense layers of the given widths with {@code activation} between
 * them and none after the last, so the output is logits or a regression value. The input
 * width comes from the input at init. Its variables are those of the equivalent
 * {@link Sequential}, {@link #layers()}.
 * {@snippet :
 * var mlp = MLP.of(Activation.RELU, 64, 3);   // on inputs f32[batch, 2]: the classic 2-64-3 net, 387 params
 * }
 *
 * @param features   the width of each dense layer; the last is the output width
 * @param activation the nonlinearity after every dense layer but the last
 */
public record MLP(Seq<Integer> features, Activation activation) implements Module<Vector<Object>, Vector<Object>> {
    public MLP {
        features = Vector.ofAll(features);
        requireNonNull(activation, "activation is null");
        if (features.isEmpty()) throw new ArgumentError("MLP", "needs at least one layer width");
    }

    /** {@return an MLP with these layer widths} */
    public static MLP of(Activation activation, int... features) {
        return new MLP(Vector.ofAll(features), activation);
    }

    /** {@return the equivalent sequence of layers} */
    public Sequential layers() {
        Vector<Module<?, ?>> ls = Vector.empty();
        for (int i = 0; i < features.size(); i++) {
            ls = ls.append(Dense.of(features.get(i)));
            if (i + 1 < features.size()) ls = ls.append(activation);
        }
        return new Sequential(ls);
    }

    /** {@return variables with these params}: an MLP has no state @see Sequential#variables */
    public Variables<Vector<Object>, Vector<Object>> variables(Vector<Object> params) { return layers().variables(params); }

    @Override
    public Variables<Vector<Object>, Vector<Object>> init(Key key, ShapedArray input) { return layers().init(key, input); }

    @Override
    public Output<Vector<Object>> apply(Variables<Vector<Object>, Vector<Object>> variables, Array input, Context context) { return layers().apply(variables, input, context); }

    @Override
    public Seq<Summary.Row> summaryRows(Variables<Vector<Object>, Vector<Object>> variables, ShapedArray input) { return layers().summaryRows(variables, input); }
}
