package dev.jaxj.tree;

import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static java.util.Objects.requireNonNull;

/**
 * The way from the root of a pytree to one of its subtrees: a sequence of {@link Entry entries},
 * each a record component name, a sequence position or a map key.
 *
 * <p>Prints the way Java code would reach the subtree, with map keys in braces so that they
 * cannot be mistaken for positions:
 * {@snippet lang=text :
 * params.w          record component w of component params
 * layers[0].kernel  component kernel of the first element of layers
 * {'a'}[1]          second element under map key "a"
 * }
 * {@link #dotted()} gives the flat name that checkpoints use, {@code layers.0.kernel}, as in a
 * PyTorch state dict.
 *
 * @param entries the steps from the root, outermost first; empty for the root itself
 */
public record KeyPath(Seq<Entry> entries) {

    /** The path of the root. */
    public static final KeyPath ROOT = new KeyPath(Vector.empty());

    /** One step down a pytree. */
    public sealed interface Entry permits Field, Index, Key {}

    /**
     * A record component, or a named child of a custom node.
     *
     * @param name the component name
     */
    public record Field(String name) implements Entry {
        public Field { requireNonNull(name, "name is null"); }

        @Override public String toString() { return "." + name; }
    }

    /**
     * A position in a sequence, a tuple, an option or a custom node.
     *
     * @param index the position, from 0
     */
    public record Index(int index) implements Entry {
        public Index {
            if (index < 0) throw new IllegalArgumentException("index must be >= 0, got " + index);
        }

        @Override public String toString() { return "[" + index + "]"; }
    }

    /**
     * A map key.
     *
     * @param key the key, compared with {@code equals}
     */
    public record Key(Object key) implements Entry {
        public Key { requireNonNull(key, "key is null"); }

        @Override public String toString() { return "{" + KeyPath.show(key) + "}"; }
    }

    public KeyPath {
        requireNonNull(entries, "entries is null");
        entries.forEach(e -> requireNonNull(e, "entries contains null"));
        entries = Vector.ofAll(entries);
    }

    /** {@return the path made of these entries} */
    public static KeyPath of(Entry... entries) { return new KeyPath(Vector.of(entries)); }

    /** {@return this path followed by one entry} */
    public KeyPath append(Entry entry) { return new KeyPath(entries.append(requireNonNull(entry, "entry is null"))); }

    /** {@return this path followed by a record component} */
    public KeyPath field(String name) { return append(new Field(name)); }

    /** {@return this path followed by a position} */
    public KeyPath index(int index) { return append(new Index(index)); }

    /** {@return this path followed by a map key} */
    public KeyPath key(Object key) { return append(new Key(key)); }

    /** {@return whether this is the path of the root} */
    public boolean isRoot() { return entries.isEmpty(); }

    /**
     * {@return the entries joined with dots, with positions and keys as plain text}, e.g.
     * {@code layers.0.kernel} or {@code encoder.w}: the tensor name a checkpoint stores a leaf under
     */
    public String dotted() {
        return entries.map(e -> switch (e) {
            case Field(var name) -> name;
            case Index(var index) -> Integer.toString(index);
            case Key(var key) -> String.valueOf(key);
        }).mkString(".");
    }

    /** {@return the path as Java code would reach it, e.g. {@code layers[0].kernel}; empty for the root} */
    @Override
    public String toString() {
        var s = entries.mkString();
        return s.startsWith(".") ? s.substring(1) : s;
    }

    /** Where a path points, for messages: the root has an empty text form, so it gets a name. */
    String where() { return isRoot() ? "the root" : toString(); }

    /** {@return a map key or static value as printed in paths and tree definitions: strings quoted} */
    static String show(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}
