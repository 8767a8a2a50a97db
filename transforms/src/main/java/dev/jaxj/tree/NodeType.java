package dev.jaxj.tree;

import io.vavr.Tuple;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.BiFunction;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * How to take a user container apart into children and aux data, and to rebuild it: the Java
 * form of JAX's {@code register_pytree_node(type, flatten, unflatten)}.
 *
 * <p>A class gets one either by implementing {@link TreeNode} or, when it cannot be changed,
 * through {@link Tree#register}. The aux data is the node's static part: it goes into the
 * {@link TreeDef}, so it must have value {@code equals}/{@code hashCode} and should hold no
 * arrays. A tree definition also keeps the {@code NodeType} itself and compares it with
 * {@code equals}, so use one instance per class (a {@code static final} field).
 * {@snippet :
 * static final NodeType<Scaled> TYPE = NodeType.of(
 *         s -> List.of(s.value()),                               // children
 *         Scaled::scale,                                          // aux data
 *         (scale, children) -> new Scaled(children.head(), (Double) scale));
 * }
 *
 * @param <T> the container class
 */
public interface NodeType<T> {

    /** {@return the node's children, in a fixed order; never null, nor containing null} */
    Seq<?> children(T node);

    /** {@return the node's static data, compared with {@code equals}; by default none ({@link io.vavr.Tuple0})} */
    default Object aux(T node) { return Tuple.empty(); }

    /**
     * {@return a node of the same class with this aux data and these children}
     *
     * @param aux      what {@link #aux} returned for the node that was taken apart
     * @param children as many as {@link #children} returned, possibly of other types (after a map)
     */
    T rebuild(Object aux, Seq<Object> children);

    /**
     * {@return the key path entries of the children}, used by {@link Tree#flattenWithPath} and
     * {@link Tree#at}; by default their positions, {@code [0]}, {@code [1]}, …
     *
     * @param aux   the node's aux data
     * @param count the number of children
     */
    default Seq<KeyPath.Entry> keys(Object aux, int count) {
        return Vector.range(0, count).map(KeyPath.Index::new);
    }

    /** {@return a node type without aux data, from a children function and a constructor} */
    static <T> NodeType<T> of(Function<? super T, ? extends Seq<?>> children,
                              Function<? super Seq<Object>, ? extends T> rebuild) {
        requireNonNull(rebuild, "rebuild is null");
        return of(children, _ -> Tuple.empty(), (_, c) -> rebuild.apply(c));
    }

    /** {@return a node type from its three functions} */
    static <T> NodeType<T> of(Function<? super T, ? extends Seq<?>> children,
                              Function<? super T, ?> aux,
                              BiFunction<Object, ? super Seq<Object>, ? extends T> rebuild) {
        requireNonNull(children, "children is null");
        requireNonNull(aux, "aux is null");
        requireNonNull(rebuild, "rebuild is null");
        return new NodeType<>() {
            @Override public Seq<?> children(T node) { return children.apply(node); }
            @Override public Object aux(T node) { return aux.apply(node); }
            @Override public T rebuild(Object a, Seq<Object> c) { return rebuild.apply(a, c); }
        };
    }
}
