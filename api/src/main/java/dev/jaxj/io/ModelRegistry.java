package dev.jaxj.io;

import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.Primitive;
import dev.jaxj.nn.Activation;
import dev.jaxj.nn.AvgPool;
import dev.jaxj.nn.BatchNorm;
import dev.jaxj.nn.Conv;
import dev.jaxj.nn.Dense;
import dev.jaxj.nn.Dropout;
import dev.jaxj.nn.Embed;
import dev.jaxj.nn.Flatten;
import dev.jaxj.nn.GRUCell;
import dev.jaxj.nn.LSTMCell;
import dev.jaxj.nn.LayerNorm;
import dev.jaxj.nn.MLP;
import dev.jaxj.nn.MaxPool;
import dev.jaxj.nn.MultiHeadAttention;
import dev.jaxj.nn.Orthogonal;
import dev.jaxj.nn.Padding;
import dev.jaxj.nn.RMSNorm;
import dev.jaxj.nn.RNN;
import dev.jaxj.nn.Sequential;
import dev.jaxj.nn.SimpleCell;
import dev.jaxj.random.Initializer;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import static java.util.Objects.requireNonNull;

/**
 * What a model file may bring to life: the record classes {@link Models#load} instantiates, the
 * activations it looks up by name, and the initializers (functions, which JSON cannot hold) it
 * looks up by name. Loading never turns an arbitrary class name from a file into a class: a name
 * that is not registered here is rejected. Immutable; each method returns a new registry.
 * {@snippet :
 * record Residual(Module inner) implements Module { ... }
 * var registry = ModelRegistry.withDefaults()
 *         .register(Residual.class)
 *         .activation(Activation.of("swish", Activations::swish))
 *         .initializer("glorot_uniform", glorot);            // the same instance the layers hold
 * Models.save(path, model, variables, x.aval(), registry);
 * SavedModel back = Models.load(path, registry);
 * }
 *
 * @param classes      the instantiable records, by binary class name
 * @param activations  activations by name
 * @param initializers initializers that are not records, by name
 */
public record ModelRegistry(Map<String, Class<? extends Record>> classes, Map<String, Activation> activations,
                            Map<String, Initializer> initializers) {
    public ModelRegistry {
        requireNonNull(classes, "classes is null");
        requireNonNull(activations, "activations is null");
        requireNonNull(initializers, "initializers is null");
    }

    /**
     * {@return jaxj's own modules, cells, paddings and record initializers, the library's
     * activation constants, and the initializers the library's layers use by default}
     * ({@code lecun_normal}, {@code zeros}, {@code embed_normal}: Flax's defaults)
     */
    public static ModelRegistry withDefaults() {
        var r = new ModelRegistry(LinkedHashMap.empty(), LinkedHashMap.empty(), LinkedHashMap.empty());
        for (var c : Vector.<Class<? extends Record>>of(Dense.class, Conv.class, BatchNorm.class, LayerNorm.class, RMSNorm.class,
                Embed.class, Dropout.class, Flatten.class, Sequential.class, MLP.class, MaxPool.class, AvgPool.class,
                MultiHeadAttention.class, RNN.class, SimpleCell.class, LSTMCell.class, GRUCell.class, Orthogonal.class,
                Padding.Same.class, Padding.Valid.class, Padding.Explicit.class, Primitive.Padding.class))
            r = r.register(c);
        for (var a : Vector.of(Activation.RELU, Activation.GELU, Activation.TANH, Activation.SIGMOID, Activation.SILU, Activation.SOFTMAX))
            r = r.activation(a);
        // The library keeps its default initializers as shared instances; the public accessors reach them.
        Dense dense = Dense.of(1);
        return r.initializer("lecun_normal", dense.kernelInit())
                .initializer("zeros", dense.biasInit())
                .initializer("embed_normal", Embed.of(1, 1).init());
    }

    /**
     * {@return this registry also instantiating {@code type}}, a record whose components are
     * themselves savable (numbers, booleans, strings, enums, sequences, options, registered
     * records, activations, initializers)
     */
    public ModelRegistry register(Class<? extends Record> type) {
        requireNonNull(type, "type is null");
        if (!type.isRecord()) throw new ArgumentError("ModelRegistry", "only records can be registered, got " + type.getName());
        return new ModelRegistry(classes.put(type.getName(), type), activations, initializers);
    }

    /** {@return this registry also knowing {@code activation} by its name} */
    public ModelRegistry activation(Activation activation) {
        requireNonNull(activation, "activation is null");
        return new ModelRegistry(classes, activations.put(activation.name(), activation), initializers);
    }

    /**
     * {@return this registry also knowing {@code initializer} by {@code name}}: saving finds it
     * by identity, so register the very instance the module holds
     */
    public ModelRegistry initializer(String name, Initializer initializer) {
        requireNonNull(name, "name is null");
        requireNonNull(initializer, "initializer is null");
        return new ModelRegistry(classes, activations, initializers.put(name, initializer));
    }

    /** {@return the name {@code initializer} is registered under}, by identity */
    Option<String> nameOf(Initializer initializer) {
        return initializers.find(e -> e._2 == initializer).map(e -> e._1);
    }
}
