package dev.jaxj.io;

import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.nn.Activation;
import dev.jaxj.nn.AvgPool;
import dev.jaxj.nn.BatchNorm;
import dev.jaxj.nn.Conv;
import dev.jaxj.nn.Dense;
import dev.jaxj.nn.Dropout;
import dev.jaxj.nn.Embed;
import dev.jaxj.nn.Flatten;
import dev.jaxj.nn.LayerNorm;
import dev.jaxj.nn.MLP;
import dev.jaxj.nn.MaxPool;
import dev.jaxj.nn.Module;
import dev.jaxj.nn.Sequential;
import dev.jaxj.nn.Variables;
import dev.jaxj.tree.KeyPath;
import dev.jaxj.tree.Tree;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;

/**
 * The PyTorch {@code state_dict} name and layout of each leaf of a module's variables, found by
 * walking the module tree beside the variables' key paths:
 * {@snippet lang=text :
 * Sequential layer i        prefix "i."                MLP            as its Sequential of Dense and activation layers
 * Dense     kernel [in,out] weight [out,in]            bias -> bias   (after a Flatten of [*spatial, c]: rows reordered from NCHW)
 * Conv      kernel [*k,i,o] weight [o,i,*k]            bias -> bias
 * BatchNorm scale, bias     weight, bias               state mean, var -> running_mean, running_var (num_batches_tracked: not used)
 * LayerNorm scale, bias     weight, bias               Embed embedding -> weight
 * Activation, Dropout, Flatten, MaxPool, AvgPool: no tensors
 * }
 */
final class TorchNames {
    /** Written beside a BatchNorm's running statistics, as PyTorch's state dicts hold it. */
    static final String BATCHES_TRACKED = "num_batches_tracked";

    /** Where one leaf goes: its PyTorch name and how its axes map. */
    record Slot(String name, TorchLayout layout) {}

    private Map<KeyPath, Slot> slots = HashMap.empty();

    private TorchNames() {}

    /**
     * {@return the slot of each leaf of {@code variables}, by the leaf's key path}
     *
     * @param input the aval of the inputs, which fixes what a Flatten's input looks like
     * @throws ArgumentError naming the module and its path when a module with variables has no known PyTorch counterpart
     */
    static Map<KeyPath, Slot> of(Module<?, ?> module, Variables<?, ?> variables, ShapedArray input) {
        var names = new TorchNames();
        names.walk(module, variables, input, "", KeyPath.ROOT.field("params"), KeyPath.ROOT.field("state"), Option.none());
        return names.slots;
    }

    /** @param flattened the input of the Flatten just before this layer, when there is one */
    private void walk(Module<?, ?> m, Variables<?, ?> v, ShapedArray in, String prefix, KeyPath params, KeyPath state, Option<ShapedArray> flattened) {
        switch (m) {
            case Sequential s -> {
                ShapedArray x = in;
                Option<ShapedArray> before = Option.none();
                for (int i = 0; i < s.layers().size(); i++) {
                    Module<Object, Object> layer = erased(s.layers().get(i));
                    Variables<Object, Object> lv = s.layerVariables(erased(v), i);
                    walk(layer, lv, x, prefix + i + ".", params.index(i), state.index(i), before);
                    before = s.layers().get(i) instanceof Flatten && x.rank() > 2 ? Option.some(x) : Option.none();
                    if (i + 1 < s.layers().size()) x = layer.outputAval(lv, x);
                }
            }
            case MLP mlp -> walk(mlp.layers(), v, in, prefix, params, state, flattened);
            case Dense _ -> leaves(v.params(), params, prefix, m, field -> switch (field) {
                case "kernel" -> Option.some(new Slot("weight", flattened.<TorchLayout>map(f -> new TorchLayout.FlattenedRows(
                        f.shape().toSeq().slice(1, f.rank() - 1), f.shape().dim(-1))).getOrElse(new TorchLayout.Transposed())));
                case "bias" -> Option.some(new Slot("bias", new TorchLayout.Same()));
                default -> Option.none();
            });
            case Conv c -> leaves(v.params(), params, prefix, m, field -> switch (field) {
                case "kernel" -> Option.some(new Slot("weight", new TorchLayout.ChannelsFirstKernel(c.kernelSize().size())));
                case "bias" -> Option.some(new Slot("bias", new TorchLayout.Same()));
                default -> Option.none();
            });
            case BatchNorm _ -> {
                leaves(v.params(), params, prefix, m, TorchNames::scaleAndBias);
                leaves(v.state(), state, prefix, m, field -> switch (field) {
                    case "mean" -> Option.some(new Slot("running_mean", new TorchLayout.Same()));
                    case "var" -> Option.some(new Slot("running_var", new TorchLayout.Same()));
                    default -> Option.none();
                });
            }
            case LayerNorm _ -> leaves(v.params(), params, prefix, m, TorchNames::scaleAndBias);
            case Embed _ -> leaves(v.params(), params, prefix, m, field -> field.equals("embedding")
                    ? Option.some(new Slot("weight", new TorchLayout.Same())) : Option.none());
            // Modules without variables have no tensors; any other module must have none either.
            case Activation _, Dropout _, Flatten _, MaxPool _, AvgPool _ -> {}
            default -> {
                if (!Tree.leaves(v.params()).isEmpty() || !Tree.leaves(v.state()).isEmpty())
                    throw new ArgumentError("TorchWeights", "each module with variables needs a known PyTorch counterpart (Dense, Conv, "
                            + "BatchNorm, LayerNorm, Embed, in Sequential or MLP), got " + m.typeName() + " at " + params
                            + " (state_dict prefix '" + prefix + "')");
            }
        }
    }

    private static Option<Slot> scaleAndBias(String field) {
        return switch (field) {
            case "scale" -> Option.some(new Slot("weight", new TorchLayout.Same()));
            case "bias" -> Option.some(new Slot("bias", new TorchLayout.Same()));
            default -> Option.none();
        };
    }

    /** The module's types are those of the variables walked beside it, which the walk does not know statically. */
    @SuppressWarnings("unchecked")
    private static <P, S> Module<P, S> erased(Module<?, ?> m) { return (Module<P, S>) m; }

    @SuppressWarnings("unchecked")
    private static <P, S> Variables<P, S> erased(Variables<?, ?> v) { return (Variables<P, S>) v; }

    /** Names each leaf of {@code tree} by the first field of its path under {@code base}; deeper entries (an Option's) are the same tensor. */
    private void leaves(Object tree, KeyPath base, String prefix, Module<?, ?> m, java.util.function.Function<String, Option<Slot>> byField) {
        for (var leaf : Tree.flattenWithPath(tree)) {
            var first = leaf.path().entries().headOption();
            Option<Slot> slot = first.flatMap(e -> e instanceof KeyPath.Field(var name) ? byField.apply(name) : Option.none());
            KeyPath at = new KeyPath(base.entries().appendAll(leaf.path().entries()));
            if (slot.isEmpty())
                throw new ArgumentError("TorchWeights", "each leaf of a " + m.typeName() + " needs a PyTorch name, got " + at
                        + ", which has none (state_dict prefix '" + prefix + "')");
            slots = slots.put(at, new Slot(prefix + slot.get().name(), slot.get().layout()));
        }
    }
}
