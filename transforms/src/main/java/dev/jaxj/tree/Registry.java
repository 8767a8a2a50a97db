package dev.jaxj.tree;

import dev.jaxj.errors.TreeError;
import io.vavr.control.Option;

import java.lang.reflect.Modifier;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * The classes registered through {@link Tree#register} and {@link Tree#registerLeaf}.
 *
 * <p>This is the package's one piece of global state, kept because some classes cannot
 * implement {@link TreeNode} (library classes, records from lower layers that must stay leaves).
 * It only grows, and a class can be registered once, so a class's meaning never flips back and
 * forth; register at start-up, before values of the class are flattened.
 */
final class Registry {
    /** A registration: a node type, or none for a class registered as a leaf. */
    record Registration(Option<NodeType<?>> nodeType) {}

    private static final ConcurrentHashMap<Class<?>, Registration> REGISTERED = new ConcurrentHashMap<>();

    private Registry() {}

    /** Registers {@code type}, which must be a concrete class no other rule recognises. */
    static void register(Class<?> type, Option<NodeType<?>> nodeType) {
        requireNonNull(type, "type is null");
        requireNonNull(nodeType, "nodeType is null");
        nodeType.forEach(t -> requireNonNull(t, "nodeType is null"));
        if (type.isInterface() || type.isPrimitive() || type.isArray() || Modifier.isAbstract(type.getModifiers()))
            throw new TreeError("tree_register", "registration matches exact classes, so the class must be "
                    + "concrete, got " + type.getName());
        if (Nodes.isBuiltIn(type))
            throw new TreeError("tree_register", "the class must not already be a node type, got built-in "
                    + "container " + type.getName());
        if (TreeNode.class.isAssignableFrom(type))
            throw new TreeError("tree_register", "the class must not already be a node type, got "
                    + type.getName() + ", which implements TreeNode");
        var previous = REGISTERED.putIfAbsent(type, new Registration(nodeType));
        if (previous != null)
            throw new TreeError("tree_register", "a class can be registered once, got " + type.getName()
                    + ", already registered as " + (previous.nodeType().isDefined() ? "a node" : "a leaf"));
    }

    /** {@return the registration of exactly this class, if any} */
    static Option<Registration> lookup(Class<?> type) {
        return Option.of(REGISTERED.get(type));
    }
}
