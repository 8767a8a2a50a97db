package dev.jaxj.io;

import dev.jaxj.errors.ArgumentError;
import dev.jaxj.io.ConfigJson.Arr;
import dev.jaxj.io.ConfigJson.Bool;
import dev.jaxj.io.ConfigJson.Node;
import dev.jaxj.io.ConfigJson.Null;
import dev.jaxj.io.ConfigJson.Num;
import dev.jaxj.io.ConfigJson.Obj;
import dev.jaxj.io.ConfigJson.Str;
import dev.jaxj.nn.Activation;
import dev.jaxj.nn.Module;
import dev.jaxj.random.Initializer;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

import static java.util.Objects.requireNonNull;

/**
 * A module's configuration as JSON, Keras's {@code get_config} / {@code from_config} for the
 * whole module tree: each record becomes an object naming its class under {@code "class"} and
 * holding its components by name, so nested modules (a {@code Sequential}'s layers, an
 * {@code RNN}'s cell) nest. Values map as follows:
 * {@snippet lang=text :
 * int, long, short, byte      -> integer            double, float -> number, or "NaN" / "Infinity" / "-Infinity"
 * boolean                     -> true / false       String        -> string
 * enum constant               -> its name           Seq, List     -> array        Option -> null or the value
 * registered record           -> {"class": "dev.jaxj.nn.Dense", "features": 3, ...}
 * Activation                  -> {"activation": "relu"}                (looked up in the registry on load)
 * Initializer, not a record   -> {"initializer": "lecun_normal"}       (registered by name and instance)
 * }
 * Reading instantiates only the classes of the {@link ModelRegistry}, through their canonical
 * constructors, so each module checks its hyper-parameters as it does when built in code.
 * {@snippet :
 * String json = ModuleConfig.toJson(Sequential.of(Dense.of(64), Activation.RELU, Dense.of(3)), ModelRegistry.withDefaults());
 * Module back = ModuleConfig.fromJson(json, ModelRegistry.withDefaults());     // equal to the original
 * }
 */
public final class ModuleConfig {
    /** The key naming a record's class; no record component can be called so, since it is a Java keyword. */
    static final String CLASS = "class";
    static final String ACTIVATION = "activation";
    static final String INITIALIZER = "initializer";

    private ModuleConfig() {}

    /**
     * {@return the configuration of {@code module} as compact JSON}
     *
     * @throws ArgumentError naming the component's path when a part cannot be saved: a record
     *                       class, activation or initializer the registry lacks, or a value of
     *                       another kind (a lambda, an array)
     */
    public static String toJson(Module<?, ?> module, ModelRegistry registry) {
        return ConfigJson.write(encode(module, registry));
    }

    /**
     * {@return the module {@code json} describes}
     *
     * @throws CheckpointError naming the JSON path for malformed JSON, an unregistered class,
     *                         a missing or unknown component, or a value the module rejects
     */
    public static Module<?, ?> fromJson(String json, ModelRegistry registry) {
        requireNonNull(json, "json is null");
        return ConfigDecoder.module(ConfigJson.parse(json, "model config"), registry, "model config", "$");
    }

    /** {@return the JSON tree of {@code module}} */
    static Node encode(Module<?, ?> module, ModelRegistry registry) {
        requireNonNull(module, "module is null");
        requireNonNull(registry, "registry is null");
        return value(module, registry, "$");
    }

    private static Node value(Object v, ModelRegistry registry, String path) {
        return switch (v) {
            case null -> throw unsavable(path, "a null component");
            case Activation a -> {
                if (!registry.activations().get(a.name()).contains(a))
                    throw unsavable(path, "the activation '" + a.name() + "', which the registry " + (registry.activations().containsKey(a.name())
                            ? "knows as another function" : "lacks") + "; register it with ModelRegistry.activation(...)");
                yield new Obj(LinkedHashMap.of(ACTIVATION, new Str(a.name())));
            }
            case Record r when registry.classes().get(r.getClass().getName()).contains(r.getClass()) -> record(r, registry, path);
            case Initializer init -> new Obj(LinkedHashMap.of(INITIALIZER, new Str(registry.nameOf(init).getOrElseThrow(() -> unsavable(path,
                    "an initializer the registry does not name (" + init.getClass().getName() + "); register this instance with "
                            + "ModelRegistry.initializer(name, initializer)")))));
            case Record r -> throw unsavable(path, "the class " + r.getClass().getName() + ", which the registry lacks; register it with ModelRegistry.register("
                    + r.getClass().getSimpleName() + ".class)");
            case Module<?, ?> m when !(m instanceof Record) -> throw unsavable(path, "the module class " + m.getClass().getName()
                    + ", which is not a record; a module is saved by its record components");
            case Integer i -> new Num(i.toString());
            case Long l -> new Num(l.toString());
            case Short s -> new Num(s.toString());
            case Byte b -> new Num(b.toString());
            case Double d -> Double.isFinite(d) ? new Num(d.toString()) : new Str(d.toString());
            case Float f -> Float.isFinite(f) ? new Num(f.toString()) : new Str(f.toString());
            case Boolean b -> new Bool(b);
            case String s -> new Str(s);
            case Enum<?> e -> new Str(e.name());
            case Seq<?> s -> new Arr(s.zipWithIndex().map(t -> value(t._1, registry, path + "[" + t._2 + "]")).toVector());
            case java.util.List<?> l -> new Arr(Vector.ofAll(l).zipWithIndex().map(t -> value(t._1, registry, path + "[" + t._2 + "]")));
            case Option<?> o -> o.isEmpty() ? new Null() : value(o.get(), registry, path);
            default -> throw unsavable(path, "a " + v.getClass().getName() + ", which a model config cannot hold");
        };
    }

    private static Obj record(Record r, ModelRegistry registry, String path) {
        var members = LinkedHashMap.<String, Node>of(CLASS, new Str(r.getClass().getName()));
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object component;
            try {
                component = c.getAccessor().invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new ArgumentError("Models.save", path + "." + c.getName() + ": the component must be readable to be saved, got "
                        + e + "; export the record's package to dev.jaxj.api");
            }
            members = members.put(c.getName(), value(component, registry, path + "." + c.getName()));
        }
        return new Obj(members);
    }

    private static ArgumentError unsavable(String path, String got) {
        return new ArgumentError("Models.save", "each part of a module must be savable as JSON, got " + got + " at " + path);
    }
}
