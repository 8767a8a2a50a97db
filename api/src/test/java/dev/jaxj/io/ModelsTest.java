package dev.jaxj.io;

import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.nn.Activation;
import dev.jaxj.nn.AvgPool;
import dev.jaxj.nn.BatchNorm;
import dev.jaxj.nn.Context;
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
import dev.jaxj.nn.Module;
import dev.jaxj.nn.MultiHeadAttention;
import dev.jaxj.nn.Padding;
import dev.jaxj.nn.RMSNorm;
import dev.jaxj.nn.RNN;
import dev.jaxj.nn.Sequential;
import dev.jaxj.nn.SimpleCell;
import dev.jaxj.nn.Variables;
import dev.jaxj.tree.Tree;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.stream.Stream;

import static dev.jaxj.io.SafetensorsTest.assertBitsEqual;
import static org.junit.jupiter.api.Assertions.*;

/** Whole models saved and loaded: every kind of layer comes back equal, with its trained variables, giving the same outputs. */
class ModelsTest {

    static Stream<Arguments> models() {
        var image = ShapedArray.of(DType.F32, 2, 6, 6, 4);
        var sequence = ShapedArray.of(DType.F32, 2, 5, 3);
        return Stream.of(
                Arguments.of("Dense", Dense.of(3), ShapedArray.of(DType.F32, 4, 2)),
                Arguments.of("Dense without bias", Dense.of(3).withoutBias(), ShapedArray.of(DType.F32, 4, 2)),
                Arguments.of("Conv", Conv.of(4, 3, 3).withStrides(2, 1).withPadding(Padding.of(1, 0, 2)).withDilation(1, 2).withGroups(2), image),
                Arguments.of("Conv1D valid", Conv.of(2, 2).withPadding(Padding.VALID).withoutBias(), sequence),
                Arguments.of("BatchNorm", new BatchNorm(0.9, 1e-3), ShapedArray.of(DType.F32, 6, 3)),
                Arguments.of("LayerNorm", new LayerNorm(1e-5), sequence),
                Arguments.of("RMSNorm", RMSNorm.of(), sequence),
                Arguments.of("Embed", Embed.of(7, 4), ShapedArray.of(DType.I32, 2, 3)),
                Arguments.of("Dropout", new Dropout(0.25), ShapedArray.of(DType.F32, 4, 2)),
                Arguments.of("MLP", MLP.of(Activation.GELU, 5, 3), ShapedArray.of(DType.F32, 4, 2)),
                Arguments.of("CNN", Sequential.of(Conv.of(3, 3, 3), BatchNorm.of(), Activation.RELU, MaxPool.of(2, 2),
                        AvgPool.of(3, 3), new Flatten(), Dense.of(2), Activation.SOFTMAX), image),
                Arguments.of("MultiHeadAttention", new MultiHeadAttention(2, 8, 6, true), ShapedArray.of(DType.F32, 2, 4, 5)),
                Arguments.of("RNN of SimpleCell", RNN.of(SimpleCell.of(4).withResidual()).withReverse(true), sequence),
                Arguments.of("RNN of LSTMCell", RNN.of(LSTMCell.of(4)).withUnroll(2), sequence),
                Arguments.of("RNN of GRUCell", RNN.of(GRUCell.of(4)).withTimeMajor(), sequence),
                Arguments.of("nested Sequential", Sequential.of(Sequential.of(Dense.of(4), Activation.TANH), new LayerNorm(1e-6),
                        Sequential.of(), Dense.of(1)), ShapedArray.of(DType.F64, 3, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void shouldLoadTheSameModuleWithItsVariablesAndOutputs(String name, Module model, ShapedArray input, @TempDir Path dir) {
        Array x = input.dtype().isInteger()
                ? Random.randint(Random.key(3), input.shape(), 0, 7, input.dtype())
                : Random.normal(Random.key(3), input.shape(), input.dtype());
        // Trained-looking variables: not what init gives for any key, so a load that re-initialised would show.
        Variables v = model.init(Random.key(7), input);
        v = v.withParams(Tree.map(v.params(), l -> ((Array) l).mul(1.5).add(0.25)));
        v = v.withState(model.apply(v, x, Context.train(Random.key(5))).state());

        Path file = dir.resolve("sub/model.safetensors");
        Models.save(file, model, v, input);
        SavedModel back = Models.load(file);

        assertEquals(model, back.module(), name + ": the module");
        assertEquals(input, back.input(), name + ": the input aval");
        var expected = Tree.flattenWithPath(v);
        var actual = Tree.flattenWithPath(back.variables());
        assertEquals(expected.map(Tree.PathLeaf::path), actual.map(Tree.PathLeaf::path), name + ": the variables' paths");
        for (int i = 0; i < expected.size(); i++)
            assertBitsEqual((Array) expected.get(i).leaf(), (Array) actual.get(i).leaf(), name + " " + expected.get(i).path());
        assertBitsEqual(model.apply(v, x), back.apply(x), name + ": the output");
    }

    @Test
    void shouldWriteTheConfigAsDocumentedJson() {
        var model = Sequential.of(Dense.of(3), Activation.RELU, new Dropout(0.5), MaxPool.of(2));
        String json = ModuleConfig.toJson(model, ModelRegistry.withDefaults());
        // Written by hand from the mapping in ModuleConfig's documentation.
        assertEquals("""
                {"class":"dev.jaxj.nn.Sequential","layers":[\
                {"class":"dev.jaxj.nn.Dense","features":3,"useBias":true,"kernelInit":{"initializer":"lecun_normal"},\
                "biasInit":{"initializer":"zeros"}},\
                {"activation":"relu"},\
                {"class":"dev.jaxj.nn.Dropout","rate":0.5},\
                {"class":"dev.jaxj.nn.MaxPool","window":[2],"strides":[2],"padding":{"class":"dev.jaxj.nn.Padding$Valid"}}]}""", json);
        assertEquals(model, ModuleConfig.fromJson(json, ModelRegistry.withDefaults()));
    }

    @Test
    void shouldKeepTheConfigAndVariablesReadableAsPlainSafetensors(@TempDir Path dir) {
        var model = Sequential.of(new LayerNorm(1e-6), Activation.TANH, BatchNorm.of());
        var input = ShapedArray.of(DType.F32, 1, 3);
        Path file = dir.resolve("m.safetensors");
        Models.save(file, model, model.init(Random.key(0), input), input);
        var contents = Safetensors.read(file);
        assertEquals(io.vavr.collection.HashSet.of("params.0.scale", "params.0.bias", "params.2.scale", "params.2.bias",
                "state.2.mean", "state.2.var"), contents.tensors().keySet().toSet());
        assertTrue(contents.metadata().get(Models.CONFIG_KEY).get()
                .startsWith("{\"format\":\"jaxj.model\",\"version\":1,\"input\":{\"dtype\":\"F32\",\"shape\":[1,3]},\"module\":"));
    }

    @Test
    void shouldRoundTripNonFiniteAndExtremeHyperParameters() {
        var registry = ModelRegistry.withDefaults().register(Knobs.class);
        var knobs = new Knobs(Double.NaN, Float.NEGATIVE_INFINITY, Long.MIN_VALUE, (short) -3, (byte) 127, "é\"\\\n",
                io.vavr.control.Option.none(), io.vavr.control.Option.some(Shape.SCALAR.rank()), java.util.List.of(DType.BOOL, DType.U32));
        assertEquals(knobs, ModuleConfig.fromJson(ModuleConfig.toJson(knobs, registry), registry));
    }

    @Test
    void shouldRegisterEveryPublicModuleAndCellOfTheLibrary() throws Exception {
        // Every record of dev.jaxj.nn that implements Module or RecurrentCell must load by default.
        Path nn = Path.of(Dense.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("dev/jaxj/nn");
        var registered = ModelRegistry.withDefaults().classes().values();
        try (var files = java.nio.file.Files.list(nn)) {
            for (Path f : files.toList()) {
                String simple = f.getFileName().toString().replace(".class", "");
                Class<?> c = Class.forName("dev.jaxj.nn." + simple);
                boolean layer = Module.class.isAssignableFrom(c) || dev.jaxj.nn.RecurrentCell.class.isAssignableFrom(c);
                if (c.isRecord() && layer && java.lang.reflect.Modifier.isPublic(c.getModifiers()) && c != Activation.class)
                    assertTrue(registered.exists(r -> r == c), c.getName() + " must be in ModelRegistry.withDefaults()");
            }
        }
    }

    /** A user's module with hyper-parameters of every kind the config holds; registered, not one of the library's. */
    record Knobs(double d, float f, long l, short s, byte b, String text, io.vavr.control.Option<Integer> none,
                 io.vavr.control.Option<Integer> some, java.util.List<DType> dtypes) implements Module {
        @Override public Variables init(dev.jaxj.random.Key key, ShapedArray input) { return Variables.of(Variables.EMPTY); }

        @Override public Output apply(Variables variables, Array input, Context context) { return new Output(input, variables.state()); }
    }
}
