package dev.jaxj.io;

import dev.jaxj.io.ConfigJson.Arr;
import dev.jaxj.io.ConfigJson.Bool;
import dev.jaxj.io.ConfigJson.Node;
import dev.jaxj.io.ConfigJson.Null;
import dev.jaxj.io.ConfigJson.Num;
import dev.jaxj.io.ConfigJson.Obj;
import dev.jaxj.io.ConfigJson.Str;
import dev.jaxj.nn.Module;
import io.vavr.collection.List;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigInteger;

/**
 * Turns a model config's JSON tree back into records, guided by the declared types of their
 * components: the file chooses among registered classes only, and each value must fit the
 * component it fills. Every failure names the JSON path, e.g. {@code $.module.layers[2].features}.
 */
final class ConfigDecoder {
    private final ModelRegistry registry;
    private final String source;

    private ConfigDecoder(ModelRegistry registry, String source) {
        this.registry = registry;
        this.source = source;
    }

    /** {@return the module at {@code path}} @throws CheckpointError naming the path of the first problem */
    static Module<?, ?> module(Node node, ModelRegistry registry, String source, String path) {
        return (Module) new ConfigDecoder(registry, source).value(node, Module.class, path);
    }

    private Object value(Node node, Type declared, String path) {
        Class<?> raw = raw(declared);
        if (raw == int.class || raw == Integer.class) return (int) integer(node, Integer.MIN_VALUE, Integer.MAX_VALUE, path);
        if (raw == long.class || raw == Long.class) return integer(node, Long.MIN_VALUE, Long.MAX_VALUE, path);
        if (raw == short.class || raw == Short.class) return (short) integer(node, Short.MIN_VALUE, Short.MAX_VALUE, path);
        if (raw == byte.class || raw == Byte.class) return (byte) integer(node, Byte.MIN_VALUE, Byte.MAX_VALUE, path);
        if (raw == double.class || raw == Double.class) return real(node, path);
        if (raw == float.class || raw == Float.class) return (float) real(node, path);
        if (raw == boolean.class || raw == Boolean.class) {
            if (node instanceof Bool(var b)) return b;
            throw fail("true or false", node, path);
        }
        if (raw == String.class) {
            if (node instanceof Str(var s)) return s;
            throw fail("a string", node, path);
        }
        if (raw.isEnum()) return constant(raw, node, path);
        if (raw == Option.class) return node instanceof Null ? Option.none() : Option.some(value(node, argument(declared), path));
        if (Iterable.class.isAssignableFrom(raw) && !(node instanceof Obj)) return sequence(raw, node, argument(declared), path);
        return object(raw, node, path);
    }

    private long integer(Node node, long min, long max, String path) {
        if (node instanceof Num(var text) && text.matches("-?\\d+")) {
            var v = new BigInteger(text);
            if (v.compareTo(BigInteger.valueOf(min)) >= 0 && v.compareTo(BigInteger.valueOf(max)) <= 0) return v.longValue();
            throw fail("an integer in [" + min + ", " + max + "]", node, path);
        }
        throw fail("an integer", node, path);
    }

    private double real(Node node, String path) {
        return switch (node) {
            case Num(var text) -> Double.parseDouble(text); // Jackson has checked the JSON number grammar
            case Str(var s) when s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity") -> Double.parseDouble(s);
            default -> throw fail("a number (or \"NaN\", \"Infinity\", \"-Infinity\")", node, path);
        };
    }

    private Object constant(Class<?> type, Node node, String path) {
        if (node instanceof Str(var name))
            for (Object c : type.getEnumConstants()) if (((Enum<?>) c).name().equals(name)) return c;
        throw fail("one of " + Vector.of(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).mkString(", ")
                + " (" + type.getSimpleName() + ")", node, path);
    }

    private Object sequence(Class<?> raw, Node node, Type element, String path) {
        if (!(node instanceof Arr(var items))) throw fail("an array", node, path);
        var values = items.zipWithIndex().map(t -> value(t._1, element, path + "[" + t._2 + "]"));
        if (raw.isAssignableFrom(Vector.class)) return values;
        if (raw.isAssignableFrom(List.class)) return List.ofAll(values);
        if (raw.isAssignableFrom(java.util.List.class)) return java.util.List.copyOf(values.toJavaList());
        throw fail("no array: the component's type " + raw.getName() + " cannot be read from a config", node, path);
    }

    /** An object names a registered record class, an activation or an initializer. */
    private Object object(Class<?> raw, Node node, String path) {
        if (!(node instanceof Obj(var members)))
            throw fail("an object naming a \"" + ModuleConfig.CLASS + "\" (a " + raw.getSimpleName() + ")", node, path);
        // "class" first: a record may have a component named "activation" or "initializer" (MLP does).
        if (!members.containsKey(ModuleConfig.CLASS) && members.containsKey(ModuleConfig.ACTIVATION))
            return named(raw, members, ModuleConfig.ACTIVATION, registry.activations(), path);
        if (!members.containsKey(ModuleConfig.CLASS) && members.containsKey(ModuleConfig.INITIALIZER))
            return named(raw, members, ModuleConfig.INITIALIZER, registry.initializers(), path);
        Node name = members.get(ModuleConfig.CLASS).getOrElseThrow(() -> fail("an object with a \"" + ModuleConfig.CLASS
                + "\", \"" + ModuleConfig.ACTIVATION + "\" or \"" + ModuleConfig.INITIALIZER + "\" key", node, path));
        if (!(name instanceof Str(var className))) throw fail("a class name", name, path + "." + ModuleConfig.CLASS);
        Class<? extends Record> type = registry.classes().get(className).getOrElseThrow(() -> new CheckpointError(source
                + ": the class at " + path + "." + ModuleConfig.CLASS + " must be one the registry instantiates, got '" + className
                + "'; register it with ModelRegistry.register(...) if it is yours"));
        if (!raw.isAssignableFrom(type))
            throw new CheckpointError(source + ": the class at " + path + " must be a " + raw.getName() + ", got " + className);
        return record(type, members, path);
    }

    private Object named(Class<?> raw, io.vavr.collection.Map<String, Node> members, String key,
                         io.vavr.collection.Map<String, ?> known, String path) {
        if (members.size() != 1) throw new CheckpointError(source + ": the object at " + path + " must hold only \"" + key
                + "\", got keys " + members.keySet().mkString(", "));
        Node name = members.get(key).get();
        if (!(name instanceof Str(var s))) throw fail("a name", name, path + "." + key);
        Object found = known.get(s).getOrElseThrow(() -> new CheckpointError(source + ": the " + key + " at " + path
                + " must be one the registry knows (" + known.keySet().mkString(", ") + "), got '" + s + "'"));
        if (!raw.isInstance(found))
            throw new CheckpointError(source + ": the value at " + path + " must be a " + raw.getName() + ", got the " + key + " '" + s + "'");
        return found;
    }

    private Object record(Class<? extends Record> type, io.vavr.collection.Map<String, Node> members, String path) {
        RecordComponent[] components = type.getRecordComponents();
        var names = Vector.of(components).map(RecordComponent::getName);
        for (String key : members.keySet())
            if (!key.equals(ModuleConfig.CLASS) && !names.contains(key))
                throw new CheckpointError(source + ": the keys at " + path + " must be components of " + type.getSimpleName()
                        + " (" + names.mkString(", ") + "), got '" + key + "'");
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            String at = path + "." + c.getName();
            Node n = members.get(c.getName()).getOrElseThrow(() -> new CheckpointError(source + ": " + type.getSimpleName()
                    + " at " + path + " must have its component '" + c.getName() + "', got none"));
            args[i] = value(n, c.getGenericType(), at);
            types[i] = c.getType();
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(args);
        } catch (InvocationTargetException e) {
            throw new CheckpointError(source + ": " + type.getSimpleName() + " at " + path + " must accept its components, got: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new CheckpointError(source + ": " + type.getName() + " at " + path
                    + " must have an accessible canonical constructor (export its package to dev.jaxj.api), got " + e, e);
        }
    }

    private CheckpointError fail(String required, Node found, String path) {
        return new CheckpointError(source + ": the value at " + path + " must be " + required + ", got " + ConfigJson.kind(found));
    }

    private static Class<?> raw(Type t) {
        return switch (t) {
            case Class<?> c -> c;
            case ParameterizedType p -> raw(p.getRawType());
            case TypeVariable<?> v -> raw(v.getBounds()[0]);
            case WildcardType w -> raw(w.getUpperBounds()[0]);
            case GenericArrayType _ -> Object[].class;
            default -> Object.class;
        };
    }

    /** {@return the first type argument}, or Object for a raw type */
    private static Type argument(Type t) {
        return t instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
    }
}
