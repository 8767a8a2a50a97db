package dev.jaxj.tree;

/**
 * A class that is a pytree node by its own declaration: the Java form of JAX's
 * {@code register_pytree_node_class}, without a global registry.
 *
 * <p>The class names the {@link NodeType} that takes its instances apart and rebuilds them.
 * Rebuilding goes through the node type rather than through an instance, so that a
 * {@link TreeDef} never holds a node, and with it the node's (possibly large) leaves.
 * {@snippet :
 * record Scaled(Object value, double scale) implements TreeNode {
 *     static final NodeType<Scaled> TYPE = NodeType.of(
 *             s -> List.of(s.value()), Scaled::scale,
 *             (scale, children) -> new Scaled(children.head(), (Double) scale));
 *
 *     @Override public NodeType<Scaled> treeType() { return TYPE; }
 * }
 * }
 * A {@code TreeNode} takes precedence over the default treatment of records and cannot be
 * registered. The node type applies to the exact class: {@link Tree#unflatten} checks that it
 * rebuilt an instance of the class it took apart, so a subclass must declare its own.
 */
public interface TreeNode {

    /** {@return the node type of this class: the same instance for every node of the class} */
    NodeType<?> treeType();
}
