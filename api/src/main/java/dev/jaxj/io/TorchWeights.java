package dev.jaxj.io;

import dev.jaxj.Jnp;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.errors.TreeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.nn.Module;
import dev.jaxj.nn.Variables;
import dev.jaxj.tree.Tree;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Seq;

import java.nio.file.Path;
import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * PyTorch {@code state_dict}s, saved as safetensors ({@code safetensors.torch.save_file(model.state_dict(), path)}),
 * read into the matching jaxj module and written back. The names and layouts map as follows
 * ({@code i.} is the layer's index in a {@code Sequential}):
 * {@snippet lang=text :
 * PyTorch                                   jaxj
 * nn.Linear      i.weight [out, in]         Dense      params[i].kernel [in, out]     (transposed)
 *                i.bias   [out]                        params[i].bias   [out]
 * nn.Conv1d/2d   i.weight [out, in, *k]     Conv       params[i].kernel [*k, in, out] (axes moved)
 *                i.bias   [out]                        params[i].bias   [out]
 * nn.BatchNorm   i.weight, i.bias           BatchNorm  params[i].scale, params[i].bias
 *                i.running_mean, _var                  state[i].mean, state[i].var
 *                i.num_batches_tracked                 (ignored on load; written as 0)
 * nn.LayerNorm   i.weight, i.bias           LayerNorm  params[i].scale, params[i].bias
 * nn.Embedding   i.weight [n, features]     Embed      params[i].embedding [n, features]
 * nn.ReLU, nn.Dropout, nn.Flatten, nn.MaxPool2d, ...   Activation, Dropout, Flatten, MaxPool, AvgPool: no tensors
 * }
 * PyTorch's images are channels first (NCHW), jaxj's channels last (NHWC): transpose inputs with
 * {@code x.transpose(0, 2, 3, 1)}. A {@code Linear} right after a {@code Flatten} of a feature
 * map has its weight's columns reordered to match. The jaxj module must be built with the same
 * hyper-parameters as the PyTorch one (features, kernel sizes, padding, and epsilons: PyTorch's
 * {@code LayerNorm} and {@code BatchNorm} use 1e-5, and PyTorch's BatchNorm momentum 0.1 is jaxj's 0.9).
 * {@snippet :
 * var model = Sequential.of(Dense.of(64), Activation.RELU, Dense.of(3));   // nn.Sequential(Linear(4, 64), ReLU(), Linear(64, 3))
 * Variables v = TorchWeights.load(Path.of("mlp.safetensors"), model, ShapedArray.of(DType.F32, 1, 4));
 * TorchWeights.save(Path.of("back.safetensors"), model, v, ShapedArray.of(DType.F32, 1, 4));
 * }
 */
public final class TorchWeights {
    private TorchWeights() {}

    /**
     * {@return the variables of {@code module} read from a PyTorch state dict}
     *
     * @param input the aval of the inputs, with which the module is initialised once to learn
     *              the variables' structure, shapes and dtypes
     * @throws TreeError when the file lacks a tensor the module needs, or holds one it has no place for
     * @throws ShapeError naming the tensor, the shape the module needs and the shape in the file
     * @throws DTypeError naming the tensor when its dtype differs from the module's params
     * @throws dev.jaxj.errors.ArgumentError when a module with variables has no known PyTorch counterpart
     * @throws CheckpointError when the file is not well-formed safetensors
     */
    public static <P, S> Variables<P, S> load(Path path, Module<P, S> module, ShapedArray input) {
        requireNonNull(path, "path is null");
        requireNonNull(module, "module is null");
        Variables<P, S> template = module.init(Random.key(0), input);
        var slots = TorchNames.of(module, template, input);
        var tensors = Safetensors.read(path).tensors();
        var leaves = Tree.flattenWithPath(template);
        var names = leaves.map(l -> slots.get(l.path()).get().name()).toSet();
        var missing = names.filter(n -> !tensors.containsKey(n)).toSortedSet();
        if (!missing.isEmpty())
            throw new TreeError("TorchWeights", "the state dict must hold every tensor the module needs, got no "
                    + quoted(missing.toVector()) + " in " + path + " (it holds " + quoted(tensors.keySet().toVector()) + ")");
        var extra = tensors.keySet().filter(n -> !names.contains(n) && !n.endsWith("." + TorchNames.BATCHES_TRACKED)
                && !n.equals(TorchNames.BATCHES_TRACKED)).toSortedSet();
        if (!extra.isEmpty())
            throw new TreeError("TorchWeights", "the module must have a place for every tensor of the state dict, got "
                    + quoted(extra.toVector()) + " in " + path + ", which " + module.typeName() + " lacks");
        Seq<Array> arrays = leaves.map(l -> {
            var slot = slots.get(l.path()).get();
            Array t = tensors.get(slot.name()).get();
            Array want = (Array) l.leaf();
            Shape torchShape = slot.layout().torchShape(want.shape());
            if (!t.shape().equals(torchShape))
                throw new ShapeError("TorchWeights", "tensor '" + slot.name() + "' must have shape " + Arrays.toString(torchShape.toArray())
                        + " for " + l.path() + " " + want.aval().strong() + ", got " + t.aval() + " in " + path);
            if (t.dtype() != want.dtype())
                throw new DTypeError("TorchWeights", "tensor '" + slot.name() + "' must have the module's dtype " + want.dtype()
                        + " for " + l.path() + ", got " + t.aval() + " in " + path);
            return slot.layout().toJaxj(t);
        });
        @SuppressWarnings("unchecked")
        var loaded = (Variables<P, S>) Tree.structure(template).unflatten(arrays);
        return loaded;
    }

    /**
     * Writes {@code variables} as the state dict of the matching PyTorch module, atomically, to
     * be read with {@code safetensors.torch.load_file(path)} and {@code model.load_state_dict(...)}.
     *
     * @param input the aval of the inputs, which fixes the layout of a Linear after a Flatten
     * @throws dev.jaxj.errors.ArgumentError when a module with variables has no known PyTorch counterpart
     * @throws java.io.UncheckedIOException when the file cannot be written
     */
    public static <P, S> void save(Path path, Module<P, S> module, Variables<P, S> variables, ShapedArray input) {
        requireNonNull(path, "path is null");
        requireNonNull(module, "module is null");
        var slots = TorchNames.of(module, variables, input);
        var tensors = LinkedHashMap.<String, Array>empty();
        for (var l : Tree.flattenWithPath(variables)) {
            var slot = slots.get(l.path()).get();
            tensors = tensors.put(slot.name(), slot.layout().toTorch((Array) l.leaf()));
            if (slot.name().endsWith("running_mean")) {
                String prefix = slot.name().substring(0, slot.name().length() - "running_mean".length());
                // PyTorch's load_state_dict expects the counter; jaxj keeps none, and PyTorch reads it only when momentum is None.
                tensors = tensors.put(prefix + TorchNames.BATCHES_TRACKED, Jnp.zeros(Shape.SCALAR, DType.I64));
            }
        }
        Safetensors.write(path, tensors);
    }

    private static String quoted(Seq<String> names) { return names.map(s -> "'" + s + "'").mkString(", "); }
}
