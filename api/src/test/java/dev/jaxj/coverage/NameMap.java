package dev.jaxj.coverage;

import io.vavr.collection.HashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One JAX namespace: its public names ({@code names/<ns>.txt}) and jaxj's equivalent of each
 * ({@code map/<ns>.txt}). The two files are kept apart so that the list can be regenerated from
 * JAX's documentation without touching what we wrote by hand.
 *
 * @param namespace the JAX module, e.g. {@code jax.numpy}
 * @param names     its public names, in the list's order
 * @param entries   one per name, in the same order
 */
record NameMap(String namespace, Seq<String> names, Seq<Entry> entries) {

    /** @param jaxName the unqualified JAX name, e.g. {@code nanmean} */
    record Entry(String jaxName, Target target, int line) {}

    /**
     * Reads both files of {@code namespace}.
     * @throws IllegalArgumentException for a malformed line, a duplicate, or a map that does not
     *     give exactly one line to each listed name, in the list's order
     */
    static NameMap load(String namespace) {
        Seq<String> names = content("names/" + namespace + ".txt").map(l -> l._1);
        HashSet<String> distinct = HashSet.ofAll(names);
        if (distinct.size() != names.size()) throw new IllegalArgumentException(namespace + ": duplicate names in the list");
        Seq<Entry> entries = content("map/" + namespace + ".txt").map(l -> entry(namespace, l._1, l._2));
        Seq<String> mapped = entries.map(Entry::jaxName);
        if (!mapped.equals(names)) {
            throw new IllegalArgumentException(namespace + ": the map must give one line to each listed name, in order;"
                    + " unmapped " + names.removeAll(mapped) + ", not listed " + mapped.removeAll(names)
                    + (HashSet.ofAll(mapped).size() != mapped.size() ? ", some mapped twice" : ""));
        }
        return new NameMap(namespace, names, entries);
    }

    /** {@code jax.numpy.nanmean -> dev.jaxj.Jnp#nanmean}, or {@code ... -> - | reason}. */
    private static Entry entry(String namespace, String line, int number) {
        String where = "map/" + namespace + ".txt:" + number + ": ";
        int arrow = line.indexOf(" -> ");
        if (arrow < 0) throw new IllegalArgumentException(where + "expected '<jax name> -> <java>', got '" + line + "'");
        String qualified = line.substring(0, arrow).strip();
        if (!qualified.startsWith(namespace + ".")) throw new IllegalArgumentException(where + "not in " + namespace + ": " + qualified);
        String rest = line.substring(arrow + 4);
        int bar = rest.indexOf('|');
        Option<String> reason = bar < 0 ? Option.none() : Option.some(rest.substring(bar + 1).strip()).filter(r -> !r.isEmpty());
        if (bar >= 0 && reason.isEmpty()) throw new IllegalArgumentException(where + "empty reason");
        String java = (bar < 0 ? rest : rest.substring(0, bar)).strip();
        try {
            return new Entry(qualified.substring(namespace.length() + 1), Target.parse(java, reason), number);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    /** Non-blank lines that are not {@code #} comments, with their 1-based line numbers. */
    private static Seq<io.vavr.Tuple2<String, Integer>> content(String resource) {
        try (InputStream in = NameMap.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("missing resource dev/jaxj/coverage/" + resource);
            Seq<String> lines = Vector.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1));
            return lines.zipWithIndex()
                    .map(t -> t.map(String::strip, i -> i + 1))
                    .filter(t -> !t._1.isEmpty() && !t._1.startsWith("#"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long claimed() { return entries.count(e -> e.target().claimed()); }

    long leftOutByDesign() { return entries.count(e -> e.target() instanceof Target.Absent a && a.reason().isDefined()); }

    long missing() { return names.size() - claimed() - leftOutByDesign(); }
}
