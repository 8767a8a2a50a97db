package dev.jaxj.transforms.jit;

import dev.jaxj.array.Array;
import dev.jaxj.tree.NodeKind;
import dev.jaxj.tree.Static;
import dev.jaxj.tree.TreeDef;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a value may be part of a cache key: JAX's requirement that static arguments be
 * hashable, in Java terms. A value qualifies when {@code equals} and {@code hashCode} compare
 * what it holds, all the way down. A Java array anywhere inside compares by identity, so a
 * cached program would survive a change of its elements and a fresh array would miss every
 * time; the same holds for a jaxj {@link Array}, a lambda and any class that keeps
 * {@code Object}'s {@code equals}.
 *
 * <p>Records, Java and Vavr collections, maps, tuples and {@link Optional}s are looked into;
 * enums and classes are their own identity; other classes that override {@code equals} and
 * {@code hashCode} are trusted. A record whose components cannot be read (its package is not
 * open to jaxj) is judged by its components' declared types.
 */
final class Hashability {
    private static final ClassValue<Boolean> VALUE_EQUALITY = new ClassValue<>() {
        @Override protected Boolean computeValue(Class<?> type) {
            try {
                return type.getMethod("equals", Object.class).getDeclaringClass() != Object.class
                        && type.getMethod("hashCode").getDeclaringClass() != Object.class;
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("every class has equals and hashCode", e);
            }
        }
    };

    private Hashability() {}

    /**
     * {@return what makes {@code value} unfit for a cache key and where it sits}, e.g.
     * {@code a double[] at component `weights` of record Config}; none when it is fit
     */
    static Option<String> problem(Object value) {
        return Option.of(find(value, List.empty(), identitySet()));
    }

    /**
     * {@return what makes the static data of a pytree structure unfit for a cache key and
     * where it sits}: the {@link Static} components of records, map keys and the aux data of
     * custom nodes; none when all of it is fit
     */
    static Option<String> problemInStructure(TreeDef def) {
        return Option.of(inStructure(def, identitySet()));
    }

    private static String inStructure(TreeDef def, Set<Object> seen) {
        return switch (def) {
            case TreeDef.Leaf _ -> null;
            case TreeDef.Node(var kind, var aux, var children) -> {
                String found = inAux(kind, aux, seen);
                for (TreeDef child : children) if (found == null) found = inStructure(child, seen);
                yield found;
            }
        };
    }

    private static String inAux(NodeKind kind, Object aux, Set<Object> seen) {
        return switch (kind) {
            case NodeKind.RecordKind(var type) -> {
                var values = ((Iterable<?>) aux).iterator();
                for (RecordComponent c : type.getRecordComponents()) {
                    if (!c.isAnnotationPresent(Static.class)) continue;
                    String found = find(values.next(), List.of("@Static component `" + c.getName() + "` of record " + type.getSimpleName()), seen);
                    if (found != null) yield found;
                }
                yield null;
            }
            case NodeKind.Builtin b -> find(aux, List.of("the keys of a " + b.name().toLowerCase(java.util.Locale.ROOT)), seen);
            case NodeKind.TreeMapKind _ -> find(aux, List.of("the keys of a tree_map"), seen);
            case NodeKind.CustomKind(var type, var _) -> find(aux, List.of("the aux data of node " + type.getSimpleName()), seen);
        };
    }

    /** {@code path} lists the containers from the innermost out; the result is null when {@code x} is fit. */
    private static String find(Object x, List<String> path, Set<Object> seen) {
        if (x == null || x instanceof Enum<?> || x instanceof Class<?>) return null;
        Class<?> type = x.getClass();
        if (type.isArray()) return at(article(type.getSimpleName()), path);
        if (x instanceof Array a) return at("an Array " + a.aval() + " (compared by identity)", path);
        if (type.isHidden() || type.isSynthetic()) return at("a lambda " + type.getName() + " (compared by identity)", path);
        if (!VALUE_EQUALITY.get(type)) {
            return at(article(type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName())
                    + " (compared by identity: its class does not override equals and hashCode)", path);
        }
        if (!seen.add(x)) return null;
        if (x instanceof Record r) return inRecord(r, path, seen);
        if (x instanceof Optional<?> o) return o.isPresent() ? find(o.get(), path.prepend("the value of Optional"), seen) : null;
        if (x instanceof Map<?, ?> m) {
            return inEntries(m.entrySet().stream().map(e -> Tuple.of((Object) e.getKey(), (Object) e.getValue())).toList(), x, path, seen);
        }
        if (x instanceof io.vavr.collection.Map<?, ?> m) return inEntries(m.map(e -> Tuple.of((Object) e._1, (Object) e._2)), x, path, seen);
        if (x instanceof Tuple t) return inElements(t.toSeq(), x, path, seen);
        if (x instanceof Iterable<?> elements) return inElements(elements, x, path, seen);
        return null;   // a class with its own equals and hashCode is trusted: its fields are its own business
    }

    private static String inRecord(Record r, List<String> path, Set<Object> seen) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            List<String> here = path.prepend("component `" + c.getName() + "` of record " + r.getClass().getSimpleName());
            Class<?> declared = c.getType();
            if (declared.isArray()) return at(article(declared.getSimpleName()), here);
            if (Array.class.isAssignableFrom(declared)) return at("an Array (compared by identity)", here);
            var accessor = c.getAccessor();
            if (!accessor.trySetAccessible()) continue;   // unreadable: its declared type passed, trust it
            Object value;
            try {
                value = accessor.invoke(r);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            String found = find(value, here, seen);
            if (found != null) return found;
        }
        return null;
    }

    private static String inElements(Iterable<?> elements, Object container, List<String> path, Set<Object> seen) {
        int i = 0;
        for (Object e : elements) {
            String found = find(e, path.prepend("element " + i++ + " of " + containerName(container)), seen);
            if (found != null) return found;
        }
        return null;
    }

    private static String inEntries(Iterable<Tuple2<Object, Object>> entries, Object map, List<String> path, Set<Object> seen) {
        for (Tuple2<Object, Object> e : entries) {
            String found = find(e._1, path.prepend("a key of " + containerName(map)), seen);
            if (found == null) found = find(e._2, path.prepend("the value for key " + shortly(e._1) + " of " + containerName(map)), seen);
            if (found != null) return found;
        }
        return null;
    }

    /** {@return the name a user knows a container by: {@code List}, not the JDK's {@code List12} or Vavr's {@code Cons}} */
    private static String containerName(Object container) {
        if (container instanceof io.vavr.collection.List<?>) return "List";
        if (container instanceof io.vavr.collection.Stream<?>) return "Stream";
        if (container instanceof Option<?>) return "Option";
        if (java.lang.reflect.Modifier.isPublic(container.getClass().getModifiers())) return container.getClass().getSimpleName();
        if (container instanceof java.util.List<?>) return "List";
        if (container instanceof Set<?>) return "Set";
        if (container instanceof Map<?, ?>) return "Map";
        return container.getClass().getSimpleName();
    }

    /** The containers already looked into, so that a collection holding itself ends the walk. */
    private static Set<Object> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** {@return what was found followed by where: the innermost container first} */
    private static String at(String what, List<String> path) {
        if (path.isEmpty()) return what;
        return what + " at " + path.head() + path.tail().map(p -> ", in " + p).mkString();
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
    }

    private static String shortly(Object key) {
        String s = String.valueOf(key);
        return s.length() <= 30 ? s : s.substring(0, 27) + "...";
    }
}
