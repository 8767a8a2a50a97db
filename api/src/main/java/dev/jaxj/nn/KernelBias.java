package dev.jaxj.nn;

import dev.jaxj.array.Array;
import dev.jaxj.tree.KeyPath;
import dev.jaxj.tree.NodeType;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The pytree node of params with a kernel and a bias that a layer may leave out: the children
 * are {@code kernel} and, when there is one, {@code bias}, so a layer without bias has no bias
 * entry at all, as in Flax, rather than an empty one (key paths stay {@code kernel} and
 * {@code bias}, the names PyTorch's mapping and checkpoints look for).
 */
final class KernelBias {
    private KernelBias() {}

    private static final Seq<KeyPath.Entry> KEYS = Vector.of(new KeyPath.Field("kernel"), new KeyPath.Field("bias"));

    /** {@return the node type of a params record}, its bias {@code null} when absent */
    static <T> NodeType<T> nodeType(Function<T, Array> kernel, Function<T, Array> bias, BiFunction<Array, Array, T> make) {
        return new NodeType<>() {
            @Override
            public Seq<?> children(T node) {
                Array b = bias.apply(node);
                return b == null ? Vector.of(kernel.apply(node)) : Vector.of(kernel.apply(node), b);
            }

            @Override
            public Object aux(T node) { return bias.apply(node) != null; }

            @Override
            public T rebuild(Object aux, Seq<Object> children) {
                return make.apply((Array) children.get(0), (Boolean) aux ? (Array) children.get(1) : null);
            }

            @Override
            public Seq<KeyPath.Entry> keys(Object aux, int count) { return KEYS.take(count); }
        };
    }
}
