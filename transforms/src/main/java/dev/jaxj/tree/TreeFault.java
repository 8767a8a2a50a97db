package dev.jaxj.tree;

import dev.jaxj.errors.TreeError;
import io.vavr.collection.List;

/**
 * A structural problem found deep in a walk over a tree, on its way up to the public entry
 * point, which turns it into a {@link TreeError}.
 *
 * <p>Each level of the walk it passes through prepends the entry it came from, so the error can
 * name the path without the walk keeping paths on its fast path. It has no stack trace: the
 * {@code TreeError} made from it captures the user's line.
 */
final class TreeFault extends RuntimeException {
    private final String requirement;
    private final String found;
    private List<KeyPath.Entry> path = List.empty();

    /**
     * @param requirement what a tree must be, e.g. {@code pytrees are null-free}
     * @param found       what was there instead, e.g. {@code null}
     */
    TreeFault(String requirement, String found) {
        super(requirement, null, false, false);
        this.requirement = requirement;
        this.found = found;
    }

    /** {@return this fault, one level further from the root: {@code entry} leads to where it was found} */
    TreeFault under(KeyPath.Entry entry) {
        path = path.prepend(entry);
        return this;
    }

    /** {@return the message detail, in the usual form {@code requirement, got found at path}} */
    String detail() {
        return requirement + ", got " + found + " at " + new KeyPath(path).where();
    }

    /** {@return the error to throw} */
    TreeError toError(String op) { return new TreeError(op, detail()); }

    /** A null where a tree or a leaf was expected. */
    static TreeFault nullValue() {
        return new TreeFault("pytrees are null-free (use Option.none() for an absent value)", "null");
    }
}
