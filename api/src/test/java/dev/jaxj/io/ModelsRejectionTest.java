package dev.jaxj.io;

import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.errors.TreeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.nn.Activation;
import dev.jaxj.nn.Activations;
import dev.jaxj.nn.Context;
import dev.jaxj.nn.Dense;
import dev.jaxj.nn.Module;
import dev.jaxj.nn.Sequential;
import dev.jaxj.nn.Variables;
import dev.jaxj.random.Initializers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/** Model files that must not load, and modules that cannot be saved: each refused with the JSON path or byte offset of the problem. */
class ModelsRejectionTest {
    private static final ShapedArray INPUT = ShapedArray.of(DType.F32, 2, 3);
    private static final Sequential MODEL = Sequential.of(Dense.of(4), Activation.RELU, Dense.of(2));

    /** A user's layer: a dense layer with its output scaled. */
    record Scaled(Dense inner, double factor) implements Module {
        @Override public Variables init(dev.jaxj.random.Key key, ShapedArray input) { return inner.init(key, input); }

        @Override public Output apply(Variables v, Array x, Context c) { return new Output(inner.apply(v, x).mul(factor), v.state()); }
    }

    private static Path saved(Path dir) {
        Path file = dir.resolve("model.safetensors");
        Models.save(file, MODEL, MODEL.init(Random.key(0), INPUT), INPUT);
        return file;
    }

    /** Rewrites the config of a saved model, keeping its tensors. */
    private static Path withConfig(Path dir, String from, String to) {
        Path file = saved(dir);
        var c = Safetensors.read(file);
        String json = c.metadata().get(Models.CONFIG_KEY).get();
        assertTrue(json.contains(from), "the config holds " + from + ": " + json);
        Safetensors.write(file, c.tensors(), c.metadata().put(Models.CONFIG_KEY, json.replace(from, to)));
        return file;
    }

    private static void assertRejected(Path file, String... parts) {
        var e = assertThrows(CheckpointError.class, () -> Models.load(file));
        for (String p : parts) assertTrue(e.getMessage().contains(p), "message has \"" + p + "\": " + e.getMessage());
    }

    @Test
    void shouldRefuseAClassTheRegistryLacks(@TempDir Path dir) {
        assertRejected(withConfig(dir, "\"dev.jaxj.nn.Sequential\"", "\"java.lang.ProcessBuilder\""),
                "the class at $.module.class must be one the registry instantiates, got 'java.lang.ProcessBuilder'");
    }

    @Test
    void shouldRefuseARegisteredClassWhereAnotherKindBelongs(@TempDir Path dir) {
        // A padding record is registered, but a layer cannot be one.
        assertRejected(withConfig(dir, "{\"activation\":\"relu\"}", "{\"class\":\"dev.jaxj.nn.Padding$Same\"}"),
                "the class at $.module.layers[1] must be a dev.jaxj.nn.Module, got dev.jaxj.nn.Padding$Same");
    }

    @Test
    void shouldNameTheJsonPathOfABadValue(@TempDir Path dir) {
        assertRejected(withConfig(dir, "\"features\":2", "\"features\":\"2\""),
                "the value at $.module.layers[2].features must be an integer, got the string \"2\"");
        assertRejected(withConfig(dir, "\"features\":2", "\"features\":2.5"),
                "the value at $.module.layers[2].features must be an integer, got the number 2.5");
        assertRejected(withConfig(dir, "\"features\":2", "\"features\":3000000000"),
                "$.module.layers[2].features must be an integer in [-2147483648, 2147483647], got the number 3000000000");
        assertRejected(withConfig(dir, "\"useBias\":true", "\"useBias\":null"),
                "the value at $.module.layers[0].useBias must be true or false, got null");
    }

    @Test
    void shouldPassHyperParametersThroughTheModulesOwnChecks(@TempDir Path dir) {
        assertRejected(withConfig(dir, "\"features\":2", "\"features\":0"),
                "Dense at $.module.layers[2] must accept its components, got: ", "features must be >= 1, got 0");
    }

    @Test
    void shouldRefuseMissingUnknownAndDuplicateKeys(@TempDir Path dir) {
        assertRejected(withConfig(dir, "\"useBias\":true,", ""), "Dense at $.module.layers[0] must have its component 'useBias', got none");
        assertRejected(withConfig(dir, "\"useBias\":true,", "\"useBias\":true,\"bias\":1,"),
                "the keys at $.module.layers[0] must be components of Dense (features, useBias, kernelInit, biasInit), got 'bias'");
        assertRejected(withConfig(dir, "\"useBias\":true,", "\"useBias\":true,\"useBias\":false,"), "Duplicate Object property \"useBias\"");
    }

    @Test
    void shouldRefuseUnknownActivationsAndInitializers(@TempDir Path dir) {
        assertRejected(withConfig(dir, "\"relu\"", "\"swish\""), "the activation at $.module.layers[1] must be one the registry knows", "got 'swish'");
        assertRejected(withConfig(dir, "\"lecun_normal\"", "\"he\""), "the initializer at $.module.layers[0].kernelInit must be one the registry knows");
    }

    @Test
    void shouldNameTheCharacterOffsetOfMalformedJson(@TempDir Path dir) {
        assertRejected(withConfig(dir, "\"layers\":[", "\"layers\":[,"), "the model config must be JSON", "at character offset ");
        assertRejected(withConfig(dir, "\"module\":", "\"module\":{}} {\"x\":"), "the model config must hold one JSON value");
    }

    @Test
    void shouldRefuseAnotherFormatOrVersion(@TempDir Path dir) {
        assertRejected(withConfig(dir, "\"version\":1", "\"version\":2"), "the value at $.version must be the number 1", "got the number 2");
        assertRejected(withConfig(dir, "\"dtype\":\"F32\"", "\"dtype\":\"F8\""), "$.input.dtype must be one of");
    }

    @Test
    void shouldRefuseACheckpointWithoutConfig(@TempDir Path dir) {
        Path file = dir.resolve("plain.safetensors");
        Checkpoints.save(file, MODEL.init(Random.key(0), INPUT));
        assertRejected(file, "a model file must hold its configuration under the metadata key 'jaxj.model'", "Checkpoints.restore");
    }

    @Test
    void shouldRefuseATruncatedFileWithItsByteOffset(@TempDir Path dir) throws Exception {
        Path file = saved(dir);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 5));
        assertRejected(file, "the file is truncated or the offsets are wrong", "at byte offset ");
    }

    @Test
    void shouldRefuseTensorsThatDoNotFitTheModule(@TempDir Path dir) {
        var e = assertThrows(ShapeError.class, () -> Models.load(withConfig(dir, "\"features\":4", "\"features\":5")));
        assertTrue(e.getMessage().contains("tensor 'params.0.kernel' must have the template's shape f32[3,5], got f32[3,4]"), e.getMessage());
        var missing = assertThrows(TreeError.class, () -> Models.load(withConfig(dir, "{\"activation\":\"relu\"}",
                "{\"class\":\"dev.jaxj.nn.Dense\",\"features\":4,\"useBias\":true,\"kernelInit\":{\"initializer\":\"zeros\"},\"biasInit\":{\"initializer\":\"zeros\"}}")));
        assertTrue(missing.getMessage().contains("no tensor named 'params.1.kernel'"), missing.getMessage());
    }

    @Test
    void shouldRefuseToSaveWhatCouldNotBeLoaded(@TempDir Path dir) {
        Path file = dir.resolve("m.safetensors");
        var custom = Sequential.of(new Scaled(Dense.of(2), 0.5));
        var v = custom.init(Random.key(0), INPUT);
        var unregistered = assertThrows(ArgumentError.class, () -> Models.save(file, custom, v, INPUT));
        assertTrue(unregistered.getMessage().contains("the class dev.jaxj.io.ModelsRejectionTest$Scaled, which the registry lacks;"
                + " register it with ModelRegistry.register(Scaled.class) at $.layers[0]"), unregistered.getMessage());

        var swish = Sequential.of(Dense.of(2), Activation.of("swish", Activations::silu));
        var noName = assertThrows(ArgumentError.class, () -> Models.save(file, swish, swish.init(Random.key(0), INPUT), INPUT));
        assertTrue(noName.getMessage().contains("the activation 'swish', which the registry lacks"), noName.getMessage());

        var glorot = Dense.of(2).withInit(Initializers.glorotUniform(), Initializers.zeros());
        var lambda = assertThrows(ArgumentError.class, () -> Models.save(file, glorot, glorot.init(Random.key(0), INPUT), INPUT));
        assertTrue(lambda.getMessage().contains("an initializer the registry does not name") && lambda.getMessage().contains("at $.kernelInit"),
                lambda.getMessage());

        Module plain = new Module() {
            @Override public Variables init(dev.jaxj.random.Key key, ShapedArray input) { return Variables.of(Variables.EMPTY); }

            @Override public Output apply(Variables v, Array x, Context c) { return new Output(x, v.state()); }
        };
        var notRecord = assertThrows(ArgumentError.class, () -> Models.save(file, Sequential.of(plain), Sequential.of(plain).variables(
                io.vavr.collection.Vector.of(Variables.EMPTY)), INPUT));
        assertTrue(notRecord.getMessage().contains("which is not a record; a module is saved by its record components at $.layers[0]"),
                notRecord.getMessage());

        // Variables of another module, as an erased caller can pass them: checked at run time too.
        @SuppressWarnings({"unchecked", "rawtypes"})
        Variables<io.vavr.collection.Vector<Object>, io.vavr.collection.Vector<Object>> other = (Variables) Dense.of(2).init(Random.key(0), INPUT);
        var wrong = assertThrows(ArgumentError.class, () -> Models.save(file, MODEL, other, INPUT));
        assertTrue(wrong.getMessage().contains("leaf 0 must be params[0].kernel f32[3,4], got params.kernel f32[3,2]"), wrong.getMessage());
        assertFalse(Files.exists(file), "nothing is written when saving fails");
    }

    @Test
    void shouldLoadWhatTheCallerRegisters(@TempDir Path dir) {
        Path file = dir.resolve("m.safetensors");
        var glorot = Initializers.glorotUniform();
        var swish = Activation.of("swish", Activations::silu);
        var model = Sequential.of(new Scaled(Dense.of(2).withInit(glorot, Dense.of(1).biasInit()), 0.5), swish);
        var registry = ModelRegistry.withDefaults().register(Scaled.class).activation(swish).initializer("glorot", glorot);
        var v = model.init(Random.key(1), INPUT);
        Models.save(file, model, v, INPUT, registry);
        assertRejected(file, "got 'dev.jaxj.io.ModelsRejectionTest$Scaled'; register it");
        SavedModel back = Models.load(file, registry);
        assertEquals(model.layers().get(1), back.module(Sequential.class).layers().get(1));
        Array x = Random.normal(Random.key(2), INPUT.shape(), DType.F32);
        assertArrayEquals(model.apply(v, x).toFloatArray(), back.apply(x).toFloatArray());
    }
}
