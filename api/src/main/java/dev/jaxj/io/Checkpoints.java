package dev.jaxj.io;

import dev.jaxj.array.Array;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.errors.TreeError;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.tree.Tree;
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * Saves pytrees of arrays (model params, optimizer states, or a record holding both) as
 * safetensors files and restores them into a template, the way Orbax restores into a target
 * tree.
 *
 * <p>Each leaf is stored under its key path written with dots ({@code layers.0.kernel},
 * {@code opt.0.mu.w}), the naming of a PyTorch state dict, so the file opens as a plain dict of
 * tensors in PyTorch, NumPy or JAX. The tree's structure is recorded in the metadata under
 * {@code jaxj.treedef} for people reading the file; restoring takes the structure from the
 * template instead, and checks every name, shape and dtype against it.
 * {@snippet :
 * record TrainState(Params params, Object opt) {}
 * Checkpoints.save(dir.resolve("step-1000.safetensors"), new TrainState(params, optState));
 * TrainState back = Checkpoints.restore(path, new TrainState(params, optimizer.init(params)));
 * }
 */
public final class Checkpoints {
    /** The metadata key under which {@link #save} records the tree's structure. */
    public static final String TREEDEF_KEY = "jaxj.treedef";

    private Checkpoints() {}

    /**
     * Writes the leaves of {@code tree} to {@code path}, atomically, bit for bit. Missing
     * folders above {@code path} are created first, as Orbax and Flax's checkpointing do
     * ({@link Safetensors#write} does not: it writes one file where its folder exists).
     *
     * @param tree a pytree whose leaves are all concrete arrays
     * @throws TreeError when a leaf is not an array, or two leaves would get the same name
     * @throws java.io.UncheckedIOException when the file or a folder above it cannot be written;
     *                                      the message names the path and the folder
     */
    public static void save(Path path, Object tree) { save(path, tree, Header.noMetadata()); }

    /** {@link #save(Path, Object)} with more metadata beside the tree's structure. */
    static void save(Path path, Object tree, Map<String, String> metadata) {
        requireNonNull(path, "path is null");
        createFolders(path);
        var flat = Tree.flatten(tree);
        var tensors = LinkedHashMap.<String, Array>empty();
        var where = HashMap.<String, String>empty();
        for (var leaf : flat.treeDef().paths().zip(flat.leaves())) {
            String name = leaf._1.dotted(), at = pathText(leaf._1.toString());
            if (!(leaf._2 instanceof Array a))
                throw new TreeError("checkpoint_save", "checkpoint leaves must be arrays, got "
                        + leaf._2.getClass().getName() + " at " + at);
            if (where.containsKey(name))
                throw new TreeError("checkpoint_save", "each leaf needs its own tensor name, got '" + name + "' for both "
                        + where.get(name).get() + " and " + at);
            where = where.put(name, at);
            tensors = tensors.put(name, a);
        }
        Safetensors.write(path, tensors, Header.noMetadata().merge(metadata).put(TREEDEF_KEY, flat.treeDef().toString()));
    }

    /**
     * {@return a tree shaped like {@code template} holding the arrays saved in {@code path}}
     *
     * @param template a pytree of arrays giving each tensor's name, shape and dtype, typically
     *                 freshly initialised params and optimizer state; its values are not used
     * @throws TreeError when the file and the template do not hold the same tensor names, or a
     *         template leaf is not an array
     * @throws ShapeError when a tensor's shape differs from the template's
     * @throws DTypeError when a tensor's dtype differs from the template's
     * @throws CheckpointError when the file is not well-formed safetensors
     */
    public static <T> T restore(Path path, T template) {
        requireNonNull(path, "path is null");
        return restore(Safetensors.read(path), path.toString(), template);
    }

    /** {@link #restore(Path, Object)} from contents already read; {@code path} names them in messages. */
    @SuppressWarnings("unchecked")
    static <T> T restore(Safetensors.Contents contents, String path, T template) {
        var expected = Tree.flattenWithPath(template).map(leaf -> new Expected(leaf.path().dotted(), leaf.path().toString(), aval(leaf)));
        var tensors = contents.tensors();
        var missing = expected.map(Expected::name).filter(n -> !tensors.containsKey(n));
        if (!missing.isEmpty())
            throw new TreeError("checkpoint_restore", "the checkpoint must hold every leaf of the template, got no tensor named "
                    + quoted(missing) + " in " + path + " (it holds " + quoted(tensors.keySet().toVector()) + ")");
        var names = expected.map(Expected::name).toSet();
        var extra = tensors.keySet().toVector().filter(n -> !names.contains(n));
        if (!extra.isEmpty())
            throw new TreeError("checkpoint_restore", "the template must have a leaf for every tensor in the checkpoint, got tensors "
                    + quoted(extra) + " in " + path + " that the template lacks");
        var leaves = expected.map(e -> {
            Array a = tensors.get(e.name()).get();
            if (a.dtype() != e.aval().dtype())
                throw new DTypeError("checkpoint_restore", "tensor '" + e.name() + "' must have the template's dtype "
                        + e.aval().dtype() + ", got " + a.aval() + " in " + path + " for " + pathText(e.path()));
            if (!a.shape().equals(e.aval().shape()))
                throw new ShapeError("checkpoint_restore", "tensor '" + e.name() + "' must have the template's shape "
                        + e.aval().strong() + ", got " + a.aval() + " in " + path + " for " + pathText(e.path()));
            return a;
        });
        return (T) Tree.structure(template).unflatten(leaves);
    }

    private record Expected(String name, String path, ShapedArray aval) {}

    private static ShapedArray aval(Tree.PathLeaf leaf) {
        if (leaf.leaf() instanceof Array a) return a.aval();
        // Avals as leaves would make the result's type a lie: the tree comes back holding arrays.
        throw new TreeError("checkpoint_restore", "template leaves must be arrays, got "
                + leaf.leaf().getClass().getName() + " at " + pathText(leaf.path().toString()));
    }

    private static String pathText(String path) { return path.isEmpty() ? "the root" : path; }

    private static String quoted(Seq<String> names) {
        return names.isEmpty() ? "none" : names.map(s -> "'" + s + "'").mkString(", ");
    }

    private static void createFolders(Path path) {
        Path dir = path.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            // A file where a folder should be, or no permission: the write reports it, naming the folder.
            AtomicFile.requireFolder(path, dir);
            throw new UncheckedIOException("could not write " + path + ": cannot create the folder " + dir + ": " + AtomicFile.reason(e), e);
        }
    }
}
