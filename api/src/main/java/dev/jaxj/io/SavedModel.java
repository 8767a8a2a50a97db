package dev.jaxj.io;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.nn.Module;
import dev.jaxj.nn.Variables;

import static java.util.Objects.requireNonNull;

/**
 * A model as {@link Models#load} returns it: the module, rebuilt from its configuration, and its
 * trained variables. Their types are known only when the file is read, so they are wildcards:
 * {@link #apply} runs the model, and a caller who knows the module's class reads it with
 * {@link #module(Class)} or a pattern ({@code saved.module() instanceof Sequential s}).
 * {@snippet :
 * SavedModel saved = Models.load(Path.of("model.safetensors"));
 * Array y = saved.apply(x);                                   // x: like saved.input()
 * }
 *
 * @param module    the module tree
 * @param variables its params and state, with the structure {@code module.init} gives
 * @param input     the aval of the inputs the variables were made for (Keras's build config)
 */
public record SavedModel(Module<?, ?> module, Variables<?, ?> variables, ShapedArray input) {
    public SavedModel {
        requireNonNull(module, "module is null");
        requireNonNull(variables, "variables is null");
        requireNonNull(input, "input is null");
    }

    /** {@return the model's output on {@code x} in eval mode}: {@code module.apply(variables, x)} */
    public Array apply(Array x) { return applied(module, variables, x); }

    /**
     * {@return the module as a {@code type}}, e.g. {@code saved.module(Sequential.class)}
     *
     * @throws ArgumentError when it is another kind of module
     */
    public <M extends Module<?, ?>> M module(Class<M> type) {
        if (!type.isInstance(module))
            throw new ArgumentError("SavedModel", "the module must be a " + type.getSimpleName() + " to be read as one, got a " + module.typeName());
        return type.cast(module);
    }

    /** The module and its variables were made together by {@code load}, so their types agree. */
    @SuppressWarnings("unchecked")
    private static <P, S> Array applied(Module<P, S> module, Variables<?, ?> variables, Array x) {
        return module.apply((Variables<P, S>) variables, x);
    }
}
