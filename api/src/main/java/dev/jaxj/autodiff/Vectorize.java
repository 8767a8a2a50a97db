package dev.jaxj.autodiff;

import dev.jaxj.Axes;
import dev.jaxj.array.Array;
import dev.jaxj.array.Tracer;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.TreeError;
import dev.jaxj.tree.Tree;
import dev.jaxj.tree.TreeDef;
import dev.jaxj.transforms.vmap.Vmap;
import io.vavr.Tuple2;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.function.BiFunction;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * {@code vmap} between pytrees, on top of the flat {@link Vmap}: the axes are pytree prefixes
 * of the arguments and outputs whose leaves are {@link Integer} axes or {@link Axes#NOT_MAPPED}.
 * An axes leaf applies to every array of the subtree it stands for, so {@code 0} maps every
 * array of a whole parameter record along its first axis.
 */
public final class Vectorize {
    private Vectorize() {}

    /**
     * {@return {@code f} mapped over axis 0 of every input array, with every output stacked along axis 0}
     * {@snippet :
     * Function<Array, Array> norms = Vectorize.vmap((Array row) -> row.mul(row).sum().sqrt());
     * norms.apply(rows);   // rows f32[n,d] -> f32[n]
     * }
     */
    public static <P, R> Function<P, R> vmap(Function<P, R> f) {
        return vmap(f, 0, 0);
    }

    /**
     * {@return {@code f} vectorized: {@code vmap(f)(xs)} stacks {@code f(x)} over the slices {@code x} of {@code xs}}
     * Every primitive inside runs once over all the examples.
     *
     * @param f       a function of a pytree of arrays to a pytree of arrays
     * @param inAxes  a pytree prefix of the argument, leaves {@link Integer} (the axis to map over) or
     *                {@link Axes#NOT_MAPPED} (shared by every example; such subtrees may hold non-array leaves)
     * @param outAxes a pytree prefix of the output, leaves {@link Integer} (where the batch axis goes) or
     *                {@link Axes#NOT_MAPPED} (for outputs that do not depend on a mapped input)
     * @throws ArgumentError when an axis is out of range or not an {@code Integer}/{@code NOT_MAPPED},
     *                       or no argument is mapped (use the {@code axisSize} overload)
     * @throws dev.jaxj.errors.ShapeError when the mapped axes differ in size; the message lists every argument's
     * @throws TreeError     when an axes tree is not a prefix of the argument or output
     */
    public static <P, R> Function<P, R> vmap(Function<P, R> f, Object inAxes, Object outAxes) {
        return vmap(f, inAxes, outAxes, Option.none());
    }

    /**
     * {@return {@code f} vectorized over {@code axisSize} examples} (JAX's {@code axis_size}),
     * needed when no argument is mapped; unmapped arguments are shared and outputs are stacked.
     */
    public static <P, R> Function<P, R> vmap(Function<P, R> f, Object inAxes, Object outAxes, int axisSize) {
        return vmap(f, inAxes, outAxes, Option.some(axisSize));
    }

    /** {@return a two-argument {@code f} mapped over axis 0 of every input array, outputs stacked along axis 0} */
    public static <A, B, R> BiFunction<A, B, R> vmap(BiFunction<A, B, R> f) {
        return vmap(f, 0, 0);
    }

    /**
     * {@return a two-argument {@code f} vectorized}
     * {@snippet :
     * // logits f32[n, k] = rows f32[n, d] times a shared w f32[d, k]
     * BiFunction<Array, Array, Array> logits = Vectorize.vmap((Array x, Array w) -> x.matmul(w), Tuple.of(0, Axes.NOT_MAPPED), 0);
     * }
     *
     * @param inAxes one axes prefix for both arguments, or a {@link Tuple2} or two-element list of one per argument
     * @see #vmap(Function, Object, Object)
     */
    public static <A, B, R> BiFunction<A, B, R> vmap(BiFunction<A, B, R> f, Object inAxes, Object outAxes) {
        return vmap(f, inAxes, outAxes, Option.none());
    }

    /** {@return a two-argument {@code f} vectorized over {@code axisSize} examples} */
    public static <A, B, R> BiFunction<A, B, R> vmap(BiFunction<A, B, R> f, Object inAxes, Object outAxes, int axisSize) {
        return vmap(f, inAxes, outAxes, Option.some(axisSize));
    }

    @SuppressWarnings("unchecked")
    private static <A, B, R> BiFunction<A, B, R> vmap(BiFunction<A, B, R> f, Object inAxes, Object outAxes, Option<Integer> axisSize) {
        requireNonNull(f, "f is null");
        Object perArgument = perArgument(inAxes);
        Function<Seq<Object>, R> g = vmap(args -> f.apply((A) args.get(0), (B) args.get(1)), perArgument, outAxes, axisSize);
        return (a, b) -> g.apply(Vector.of(a, b));
    }

    private static Object perArgument(Object inAxes) {
        requireNonNull(inAxes, "inAxes is null");
        return switch (inAxes) {
            case Tuple2<?, ?> t -> Vector.of(t._1, t._2);
            case Seq<?> s when s.size() == 2 -> Vector.ofAll(s);
            case java.util.List<?> l when l.size() == 2 -> Vector.ofAll(l);
            case Seq<?> s -> throw new ArgumentError("vmap", "in_axes of a two-argument function needs one entry per argument, got " + s.size());
            case java.util.List<?> l -> throw new ArgumentError("vmap", "in_axes of a two-argument function needs one entry per argument, got " + l.size());
            default -> inAxes;
        };
    }

    @SuppressWarnings("unchecked")
    private static <P, R> Function<P, R> vmap(Function<P, R> f, Object inAxes, Object outAxes, Option<Integer> axisSize) {
        requireNonNull(f, "f is null");
        AxesTree in = AxesTree.of(inAxes, "in_axes");
        AxesTree out = AxesTree.of(outAxes, "out_axes");
        if (axisSize.exists(n -> n < 0)) throw new ArgumentError("vmap", "axis_size must be >= 0, got " + axisSize.get());
        return args -> {
            Tree.Flattened flat = Tree.flatten(args);
            for (Object leaf : flat.leaves()) if (leaf instanceof Tracer t) t.requireActive("vmap");
            Seq<Option<Integer>> axes = in.perLeaf(args, "arguments");
            Seq<String> names = flat.treeDef().paths().map(p -> "args" + p.entries().mkString());
            Seq<Integer> arrays = Vector.range(0, flat.leaves().size()).filter(i -> flat.leaves().get(i) instanceof Array);
            for (int i = 0; i < flat.leaves().size(); i++) {
                if (axes.get(i).isDefined() && !(flat.leaves().get(i) instanceof Array)) {
                    throw new ArgumentError("vmap", "in_axes maps " + names.get(i) + ", a " + flat.leaves().get(i).getClass().getSimpleName()
                            + ", but only arrays can be mapped; mark it Axes.NOT_MAPPED");
                }
            }
            TreeDef[] outDef = new TreeDef[1];
            Object[] outTree = new Object[1];
            Function<Seq<Array>, Seq<Array>> flatF = xs -> {
                Vector<Object> leaves = Vector.ofAll(flat.leaves());
                for (int k = 0; k < arrays.size(); k++) leaves = leaves.update(arrays.get(k), xs.get(k));
                Object result = f.apply((P) flat.treeDef().unflatten(leaves));
                Leaves l = Leaves.of(result, "vmap");
                outDef[0] = l.treeDef();
                outTree[0] = result;
                return l.arrays();
            };
            Seq<Array> results = Vmap.vmap(flatF, arrays.map(axes::get), n -> out.perLeaf(outTree[0], "outputs"), axisSize,
                    arrays.map(names::get)).apply(arrays.map(i -> (Array) flat.leaves().get(i)));
            return (R) outDef[0].unflatten(results);
        };
    }

    /** An axes pytree, checked once: its structure, and each leaf's axis (none for {@code NOT_MAPPED}). */
    private record AxesTree(TreeDef def, Seq<Option<Integer>> axes, String what) {
        static AxesTree of(Object tree, String what) {
            requireNonNull(tree, what + " is null");
            Tree.Flattened flat = Tree.flatten(tree);
            Seq<Option<Integer>> axes = Tree.flattenWithPath(tree).map(pl -> switch (pl.leaf()) {
                case Integer a -> Option.some(a);
                case Axes.NOT_MAPPED -> Option.<Integer>none();
                default -> throw new ArgumentError("vmap", what + " leaves must be Integer axes or Axes.NOT_MAPPED, got a "
                        + pl.leaf().getClass().getSimpleName() + " (" + pl.leaf() + ")" + (pl.path().isRoot() ? "" : " at " + pl.path()));
            });
            return new AxesTree(flat.treeDef(), axes, what);
        }

        /** {@return the axis of each leaf of {@code tree}}, which this structure must be a prefix of */
        Seq<Option<Integer>> perLeaf(Object tree, String of) {
            Seq<Object> subtrees;
            try {
                subtrees = def.flattenUpTo(tree);
            } catch (TreeError e) {
                throw new TreeError("vmap", what + " must be a pytree prefix of the " + of + ", " + e.detail());
            }
            return Vector.range(0, subtrees.size()).flatMap(i -> Vector.fill(Tree.leaves(subtrees.get(i)).size(), axes.get(i)));
        }
    }
}
