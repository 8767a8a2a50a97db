package dev.jaxj.io;

import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.io.ConfigJson.Arr;
import dev.jaxj.io.ConfigJson.Node;
import dev.jaxj.io.ConfigJson.Num;
import dev.jaxj.io.ConfigJson.Obj;
import dev.jaxj.io.ConfigJson.Str;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.nn.Module;
import dev.jaxj.nn.Variables;
import dev.jaxj.tree.Tree;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * Whole-model save and load, as Keras's {@code model.save} and {@code keras.models.load_model}:
 * one safetensors file holds the variables (tensors named by key path, {@code params.0.kernel},
 * {@code state.1.mean}, as {@link Checkpoints} names them) and, in its metadata under
 * {@value #CONFIG_KEY}, the module tree's configuration as JSON ({@link ModuleConfig}) with the
 * input aval the variables were made for:
 * {@snippet lang=text :
 * {"format": "jaxj.model", "version": 1,
 *  "input": {"dtype": "F32", "shape": [1, 4]},
 *  "module": {"class": "dev.jaxj.nn.Sequential", "layers": [{"class": "dev.jaxj.nn.Dense", "features": 8, ...}, ...]}}
 * }
 * The file stays a plain dict of tensors for PyTorch, NumPy or JAX readers. Loading rebuilds
 * the module from registered classes only ({@link ModelRegistry}), initialises it once for the
 * saved input aval to learn the variables' structure, and fills that structure from the file,
 * checking every name, shape and dtype.
 * {@snippet :
 * Models.save(Path.of("iris.safetensors"), model, variables, x.aval());
 * SavedModel saved = Models.load(Path.of("iris.safetensors"));
 * Array logits = saved.module().apply(saved.variables(), x);
 * }
 */
public final class Models {
    /** The metadata key holding the model's configuration. */
    public static final String CONFIG_KEY = "jaxj.model";
    private static final String FORMAT = "jaxj.model";
    private static final int VERSION = 1;

    private Models() {}

    /** {@link #save(Path, Module, Variables, ShapedArray, ModelRegistry)} with the library's classes only. */
    public static <P, S> void save(Path path, Module<P, S> module, Variables<P, S> variables, ShapedArray input) {
        save(path, module, variables, input, ModelRegistry.withDefaults());
    }

    /**
     * Writes {@code module} and {@code variables} to {@code path}, atomically, creating missing folders.
     *
     * @param input the aval of the inputs the variables were made for, e.g. {@code x.aval()};
     *              loading initialises the module once with it
     * @throws ArgumentError when a part of the module cannot be saved (see {@link ModuleConfig#toJson}),
     *                       or the variables do not have the structure, shapes and dtypes
     *                       {@code module.init} gives for {@code input}
     * @throws java.io.UncheckedIOException when the file cannot be written
     */
    public static <P, S> void save(Path path, Module<P, S> module, Variables<P, S> variables, ShapedArray input, ModelRegistry registry) {
        requireNonNull(path, "path is null");
        requireNonNull(variables, "variables is null");
        requireNonNull(input, "input is null");
        Node config = ModuleConfig.encode(module, registry);
        requireInitStructure(module, variables, input);
        var root = new Obj(LinkedHashMap.<String, Node>empty()
                .put("format", new Str(FORMAT))
                .put("version", new Num(Integer.toString(VERSION)))
                .put("input", new Obj(LinkedHashMap.<String, Node>empty()
                        .put("dtype", new Str(input.dtype().name()))
                        .put("shape", new Arr(Vector.ofAll(input.shape().toArray()).map(d -> (Node) new Num(Integer.toString(d)))))))
                .put("module", config));
        Checkpoints.save(path, variables, Header.noMetadata().put(CONFIG_KEY, ConfigJson.write(root)));
    }

    /** {@link #load(Path, ModelRegistry)} with the library's classes only. */
    public static SavedModel load(Path path) { return load(path, ModelRegistry.withDefaults()); }

    /**
     * {@return the module, variables and input aval saved in {@code path}}
     *
     * @throws CheckpointError when the file is not well-formed safetensors (naming the byte
     *                         offset), lacks the configuration, or the configuration is
     *                         malformed or names a class the registry lacks (naming the JSON path)
     * @throws dev.jaxj.errors.TreeError  when the tensors are not those the module's variables need
     * @throws dev.jaxj.errors.ShapeError when a tensor's shape differs from the one the module needs
     * @throws dev.jaxj.errors.DTypeError when a tensor's dtype differs from the one the module needs
     */
    public static SavedModel load(Path path, ModelRegistry registry) {
        requireNonNull(path, "path is null");
        requireNonNull(registry, "registry is null");
        var contents = Safetensors.read(path);
        String json = contents.metadata().get(CONFIG_KEY).getOrElseThrow(() -> new CheckpointError(path
                + ": a model file must hold its configuration under the metadata key '" + CONFIG_KEY + "', got metadata keys "
                + contents.metadata().keySet().mkString("[", ", ", "]") + "; a checkpoint of variables alone loads with Checkpoints.restore"));
        String source = path + " (metadata '" + CONFIG_KEY + "')";
        Node root = ConfigJson.parse(json, source);
        if (!(root instanceof Obj(var members)))
            throw new CheckpointError(source + ": the value at $ must be an object, got " + ConfigJson.kind(root));
        requireMember(members, "format", new Str(FORMAT), source);
        requireMember(members, "version", new Num(Integer.toString(VERSION)), source);
        ShapedArray input = input(member(members, "input", "$", source), source);
        Module<?, ?> module = ConfigDecoder.module(member(members, "module", "$", source), registry, source, "$.module");
        return new SavedModel(module, Checkpoints.restore(contents, path.toString(), module.init(Random.key(0), input)), input);
    }

    private static ShapedArray input(Node node, String source) {
        if (!(node instanceof Obj(var members)))
            throw new CheckpointError(source + ": the value at $.input must be an object with dtype and shape, got " + ConfigJson.kind(node));
        Node dtype = member(members, "dtype", "$.input", source), shape = member(members, "shape", "$.input", source);
        DType d = Vector.of(DType.values()).find(t -> dtype instanceof Str(var s) && s.equals(t.name())).getOrElseThrow(() -> new CheckpointError(
                source + ": the value at $.input.dtype must be one of " + Vector.of(DType.values()).mkString(", ") + ", got " + ConfigJson.kind(dtype)));
        if (!(shape instanceof Arr(var items)) || !items.forAll(i -> i instanceof Num(var t) && t.matches("\\d{1,9}")))
            throw new CheckpointError(source + ": the value at $.input.shape must be an array of non-negative integers, got " + ConfigJson.kind(shape));
        return ShapedArray.of(d, Shape.of(items.map(i -> Integer.parseInt(((Num) i).text()))));
    }

    private static Node member(Map<String, Node> members, String key, String path, String source) {
        return members.get(key).getOrElseThrow(() -> new CheckpointError(source + ": the object at " + path + " must have a '" + key
                + "', got keys " + members.keySet().mkString("[", ", ", "]")));
    }

    private static void requireMember(Map<String, Node> members, String key, Node expected, String source) {
        Node found = member(members, key, "$", source);
        if (!found.equals(expected))
            throw new CheckpointError(source + ": the value at $." + key + " must be " + ConfigJson.kind(expected)
                    + " (a file this version of jaxj writes), got " + ConfigJson.kind(found));
    }

    /** Fails at save, not at load, when the variables could not fill the structure the module's init gives. */
    private static void requireInitStructure(Module<?, ?> module, Variables<?, ?> variables, ShapedArray input) {
        Seq<Tree.PathLeaf> expected = Tree.flattenWithPath(module.init(Random.key(0), input));
        Seq<Tree.PathLeaf> got = Tree.flattenWithPath(variables);
        for (int i = 0; i < Math.max(expected.size(), got.size()); i++) {
            String want = i < expected.size() ? describe(expected.get(i)) : "no more leaves";
            String have = i < got.size() ? describe(got.get(i)) : "no more leaves";
            if (!want.equals(have))
                throw new ArgumentError("Models.save", "the variables must have the structure, shapes and dtypes that module.init gives for inputs "
                        + input + ", so that loading can rebuild them; leaf " + i + " must be " + want + ", got " + have);
        }
    }

    private static String describe(Tree.PathLeaf leaf) {
        return leaf.path() + " " + (leaf.leaf() instanceof Array a ? a.aval().strong().toString() : leaf.leaf().getClass().getSimpleName());
    }
}
