package dev.jaxj.io;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.errors.TreeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.nn.Activation;
import dev.jaxj.nn.BatchNorm;
import dev.jaxj.nn.Conv;
import dev.jaxj.nn.Dense;
import dev.jaxj.nn.Embed;
import dev.jaxj.nn.Flatten;
import dev.jaxj.nn.LayerNorm;
import dev.jaxj.nn.MaxPool;
import dev.jaxj.nn.Module;
import dev.jaxj.nn.MultiHeadAttention;
import dev.jaxj.nn.Padding;
import dev.jaxj.nn.Sequential;
import dev.jaxj.nn.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * State dicts saved by PyTorch ({@code torch/make_torch_model.py}, beside the reference files)
 * give PyTorch's outputs in jaxj, and written back they are the same tensors.
 */
class TorchWeightsTest {
    static Path resource(String name) throws Exception {
        return Path.of(TorchWeightsTest.class.getResource("torch/" + name).toURI());
    }

    /** The torch model's twin: nn.Sequential(Linear(4, 8), Tanh(), Linear(8, 3)). */
    static final Sequential MLP = Sequential.of(Dense.of(8), Activation.TANH, Dense.of(3));

    /** Conv2d(2, 4, 3, padding=1), BatchNorm2d(4), ReLU(), MaxPool2d(2), Conv2d(4, 6, 2, bias=False), Flatten(), Linear(24, 5). */
    static final Sequential CNN = Sequential.of(Conv.of(4, 3, 3), BatchNorm.of(), Activation.RELU, MaxPool.of(2, 2),
            Conv.of(6, 2, 2).withPadding(Padding.VALID).withoutBias(), new Flatten(), Dense.of(5));

    /** Embedding(10, 6), LayerNorm(6), Linear(6, 2), with PyTorch's LayerNorm epsilon. */
    static final Sequential EMBED = Sequential.of(Embed.of(10, 6), new LayerNorm(1e-5), Dense.of(2));

    private static <P, S> void assertTorchOutputs(String name, Module<P, S> model, java.util.function.UnaryOperator<Array> toJaxjInput,
                                           Path dir) throws Exception {
        var io = Safetensors.read(resource(name + "_io.safetensors")).tensors();
        Array x = toJaxjInput.apply(io.get("x").get());
        float[] expected = io.get("y").get().toFloatArray();

        Variables<P, S> v = TorchWeights.load(resource(name + ".safetensors"), model, x.aval());
        Array y = model.apply(v, x);
        assertEquals(io.get("y").get().shape(), y.shape(), name);
        float[] actual = y.toFloatArray();
        for (int i = 0; i < expected.length; i++)
            assertEquals(expected[i], actual[i], 1e-5, name + " output " + i);

        // Written back, the state dict is PyTorch's own, bit for bit (num_batches_tracked aside: jaxj writes 0).
        Path back = dir.resolve(name + ".safetensors");
        TorchWeights.save(back, model, v, x.aval());
        var original = Safetensors.read(resource(name + ".safetensors")).tensors();
        var written = Safetensors.read(back).tensors();
        assertEquals(original.keySet(), written.keySet(), name + ": tensor names");
        for (var t : original) {
            if (t._1.endsWith("num_batches_tracked")) assertEquals(t._2.aval(), written.get(t._1).get().aval(), t._1);
            else SafetensorsTest.assertBitsEqual(t._2, written.get(t._1).get(), name + " " + t._1);
        }
        assertEquals(model.apply(v, x).shape(), model.apply(TorchWeights.load(back, model, x.aval()), x).shape());
    }

    @Test
    void shouldGiveTorchsOutputsForAnMlp(@TempDir Path dir) throws Exception {
        assertTorchOutputs("mlp", MLP, x -> x, dir);
        assertTorchOutputs("mlp", dev.jaxj.nn.MLP.of(Activation.TANH, 8, 3), x -> x, dir);
    }

    @Test
    void shouldGiveTorchsOutputsForACnnWithBatchStatistics(@TempDir Path dir) throws Exception {
        // PyTorch's images are NCHW, jaxj's NHWC.
        assertTorchOutputs("cnn", CNN, x -> x.transpose(0, 2, 3, 1), dir);
    }

    @Test
    void shouldGiveTorchsOutputsForEmbeddingsAndLayerNorm(@TempDir Path dir) throws Exception {
        assertTorchOutputs("embed", EMBED, x -> x.astype(DType.I32), dir);
    }

    @Test
    void shouldPutRunningStatisticsInTheState() throws Exception {
        var v = TorchWeights.load(resource("cnn.safetensors"), CNN, ShapedArray.of(DType.F32, 1, 6, 6, 2));
        var stats = CNN.layerState(v, 1, BatchNorm.Stats.class);
        var file = Safetensors.read(resource("cnn.safetensors")).tensors();
        SafetensorsTest.assertBitsEqual(file.get("1.running_mean").get(), stats.mean(), "mean");
        SafetensorsTest.assertBitsEqual(file.get("1.running_var").get(), stats.var(), "var");
    }

    @Test
    void shouldNameTheTensorAndBothShapesWhenTheModuleDiffers() throws Exception {
        var wide = Sequential.of(Dense.of(9), Activation.TANH, Dense.of(3));
        var e = assertThrows(ShapeError.class, () -> TorchWeights.load(resource("mlp.safetensors"), wide, ShapedArray.of(DType.F32, 1, 4)));
        assertTrue(e.getMessage().contains("tensor '0.weight' must have shape [9, 4] for params[0].kernel f32[4,9], got f32[8,4]"), e.getMessage());

        var conv = Sequential.of(Conv.of(4, 2, 2), BatchNorm.of(), Activation.RELU, MaxPool.of(2, 2),
                Conv.of(6, 2, 2).withPadding(Padding.VALID).withoutBias(), new Flatten(), Dense.of(5));
        var k = assertThrows(ShapeError.class, () -> TorchWeights.load(resource("cnn.safetensors"), conv, ShapedArray.of(DType.F32, 1, 6, 6, 2)));
        assertTrue(k.getMessage().contains("tensor '0.weight' must have shape [4, 2, 2, 2]"), k.getMessage());

        var f64 = assertThrows(DTypeError.class, () -> TorchWeights.load(resource("mlp.safetensors"), MLP, ShapedArray.of(DType.F64, 1, 4)));
        assertTrue(f64.getMessage().contains("tensor '0.weight' must have the module's dtype f64"), f64.getMessage());
    }

    @Test
    void shouldRefuseMissingAndLeftOverTensors() throws Exception {
        var shorter = Sequential.of(Dense.of(8), Activation.TANH);
        var extra = assertThrows(TreeError.class, () -> TorchWeights.load(resource("mlp.safetensors"), shorter, ShapedArray.of(DType.F32, 1, 4)));
        assertTrue(extra.getMessage().contains("got '2.bias', '2.weight' in"), extra.getMessage());
        var longer = Sequential.of(Dense.of(8), Activation.TANH, Dense.of(3), Dense.of(1));
        var missing = assertThrows(TreeError.class, () -> TorchWeights.load(resource("mlp.safetensors"), longer, ShapedArray.of(DType.F32, 1, 4)));
        assertTrue(missing.getMessage().contains("got no '3.bias', '3.weight' in"), missing.getMessage());
    }

    @Test
    void shouldRefuseModulesWithoutATorchCounterpart() {
        var attention = Sequential.of(Dense.of(4), MultiHeadAttention.of(2));
        var e = assertThrows(ArgumentError.class, () -> TorchWeights.load(Path.of("unused.safetensors"), attention, ShapedArray.of(DType.F32, 1, 3, 4)));
        assertTrue(e.getMessage().contains("got MultiHeadAttention at params[1] (state_dict prefix '1.')"), e.getMessage());
    }

    @Test
    void shouldReorderTheColumnsOfALinearAfterAFlattenAsNchwToNhwc(@TempDir Path dir) {
        // Kernel rows in jaxj's (h, w, c) order, numbered; PyTorch's columns are in (c, h, w) order.
        var model = Sequential.of(new Flatten(), Dense.of(1).withoutBias());
        var input = ShapedArray.of(DType.F32, 1, 2, 3, 2);
        float[] rows = new float[12];
        for (int i = 0; i < 12; i++) rows[i] = i;
        Array kernel = Array.fromHost(ShapedArray.of(DType.F32, 12, 1), dev.jaxj.accel.host.HostData.own(rows));
        Variables init = model.init(dev.jaxj.Random.key(0), input);
        assertEquals(1, dev.jaxj.tree.Tree.leaves(init).size(), "the kernel is the only leaf");
        var v = init.withParams(dev.jaxj.tree.Tree.map(init.params(), leaf -> kernel));
        Path file = dir.resolve("flat.safetensors");
        TorchWeights.save(file, model, v, input);
        Array weight = Safetensors.read(file).tensors().get("1.weight").get();
        assertEquals(Shape.of(1, 12), weight.shape());
        // Column (c, h, w) holds jaxj row (h * 3 + w) * 2 + c, worked out by hand.
        assertArrayEquals(new float[] {0, 2, 4, 6, 8, 10, 1, 3, 5, 7, 9, 11}, weight.toFloatArray());
    }
}
