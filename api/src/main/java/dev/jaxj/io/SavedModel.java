package dev.jaxj.io;

import dev.jaxj.ir.ShapedArray;
import dev.jaxj.nn.Module;
import dev.jaxj.nn.Variables;

import static java.util.Objects.requireNonNull;

/**
 * A model as {@link Models#load} returns it: the module, rebuilt from its configuration, and its
 * trained variables, ready for {@code module.apply(variables, x)}. Its types are known only when
 * the file is read, so the module takes and gives its variables as {@code Object}s; a caller who
 * knows them reads {@code (Dense.Params) saved.variables().params()}.
 *
 * @param module    the module tree
 * @param variables its params and state, with the structure {@code module.init} gives
 * @param input     the aval of the inputs the variables were made for (Keras's build config)
 */
public record SavedModel(Module<Object, Object> module, Variables<Object, Object> variables, ShapedArray input) {
    public SavedModel {
        requireNonNull(module, "module is null");
        requireNonNull(variables, "variables is null");
        requireNonNull(input, "input is null");
    }
}
