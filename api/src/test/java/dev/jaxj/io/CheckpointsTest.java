package dev.jaxj.io;

import dev.jaxj.accel.host.HostData;

import dev.jaxj.array.Array;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.errors.TreeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.optim.GradientTransformation.EmptyState;
import dev.jaxj.optim.Optim;
import dev.jaxj.optim.ScaleByAdam;
import dev.jaxj.tree.Tree;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.jaxj.io.SafetensorsTest.*;
import static org.junit.jupiter.api.Assertions.*;

/** Pytrees of params and optimizer state saved, inspected as plain safetensors, and restored into templates. */
class CheckpointsTest {
    record Dense(Array kernel, Array bias) {}
    record Params(Vector<Dense> layers, Array scale) {}
    record TrainState(Params params, Object opt) {}

    private static Params params() {
        return new Params(
                Vector.of(new Dense(f32(Shape.of(2, 3), 1, -2, Float.intBitsToFloat(0x7fc0beef), -0.0f, 5, 6), f32(Shape.of(3), 0, 0, 1)),
                        new Dense(f64(Shape.of(3, 1), 0.25, -0.5, Double.MIN_VALUE), f64(Shape.of(1), 9))),
                f32(Shape.SCALAR, 2.5f));
    }

    private static TrainState state() {
        Params p = params();
        return new TrainState(p, Optim.adamw(1e-3).init(p));
    }

    @Test
    void shouldNameTensorsByDottedKeyPaths(@TempDir Path dir) {
        Path file = dir.resolve("state.safetensors");
        Checkpoints.save(file, state());
        var contents = Safetensors.read(file);
        assertEquals(List.of(
                        "opt.0.mu.layers.1.bias", "opt.0.mu.layers.1.kernel", "opt.0.nu.layers.1.bias", "opt.0.nu.layers.1.kernel",
                        "params.layers.1.bias", "params.layers.1.kernel",
                        "opt.0.mu.layers.0.bias", "opt.0.mu.layers.0.kernel", "opt.0.mu.scale",
                        "opt.0.nu.layers.0.bias", "opt.0.nu.layers.0.kernel", "opt.0.nu.scale",
                        "params.layers.0.bias", "params.layers.0.kernel", "params.scale",
                        "opt.0.count"),
                contents.tensors().keySet().toList(),
                "f64 before f32 before i32, each group by name, as the reference writer orders them");
        assertTrue(contents.metadata().get(Checkpoints.TREEDEF_KEY).get().startsWith("TrainState(params=Params("),
                contents.metadata().toString());
    }

    @Test
    void shouldRestoreParamsAndOptimizerStateBitExactly(@TempDir Path dir) {
        Path file = dir.resolve("state.safetensors");
        TrainState saved = state();
        Checkpoints.save(file, saved);
        TrainState back = Checkpoints.restore(file, state());
        assertEquals(Tree.structure(saved), Tree.structure(back));
        var a = Tree.flattenWithPath(saved);
        var b = Tree.leaves(back);
        for (int i = 0; i < a.size(); i++) assertBitsEqual((Array) a.get(i).leaf(), (Array) b.get(i), a.get(i).path().toString());
        var adam = (ScaleByAdam.State) ((Vector<?>) back.opt()).get(0);
        assertEquals(ShapedArray.of(DType.I32), adam.count().aval());
        assertInstanceOf(EmptyState.class, ((Vector<?>) back.opt()).get(1));
    }

    @Test
    void shouldTakeOnlyShapesAndDtypesFromTheTemplate(@TempDir Path dir) {
        Path file = dir.resolve("p.safetensors");
        Params p = params();
        Checkpoints.save(file, p);
        Params zeros = Tree.map(p, x -> Array.fromHost(((Array) x).aval(),
                dev.jaxj.accel.host.HostData.allocate(((Array) x).dtype(), ((Array) x).size())));
        Params back = Checkpoints.restore(file, zeros);
        var want = Tree.leaves(p);
        var got = Tree.leaves(back);
        for (int i = 0; i < want.size(); i++) assertBitsEqual((Array) want.get(i), (Array) got.get(i), "leaf " + i);
    }

    @Test
    void shouldSaveASingleArrayUnderTheEmptyName(@TempDir Path dir) {
        Path file = dir.resolve("x.safetensors");
        Checkpoints.save(file, i64(Shape.of(2), 3, -4));
        assertEquals(List.of(""), Safetensors.read(file).tensors().keySet().toList());
        Array back = Checkpoints.restore(file, i64(Shape.of(2), 0, 0));
        assertArrayEquals(new long[] {3, -4}, back.toLongArray());
    }

    @Test
    void shouldCreateMissingFoldersAsOrbaxDoes(@TempDir Path dir) {
        Path file = dir.resolve("run/7/checkpoint.safetensors");
        Checkpoints.save(file, i64(Shape.of(2), 3, -4));
        assertArrayEquals(new long[] {3, -4}, Checkpoints.restore(file, i64(Shape.of(2), 0, 0)).toLongArray());
    }

    @Test
    void shouldNameTheTargetAndTheFileBlockingTheFolder(@TempDir Path dir) throws Exception {
        Path blocker = Files.writeString(dir.resolve("run"), "not a folder");
        Path file = blocker.resolve("7/checkpoint.safetensors");
        var e = assertThrows(java.io.UncheckedIOException.class, () -> Checkpoints.save(file, i64(Shape.of(2), 3, -4)));
        assertEquals("could not write " + file + ": " + blocker + " is a file, not a folder", e.getMessage());
    }

    @Test
    void shouldNameAMissingFileItCannotRestoreFrom(@TempDir Path dir) {
        Path file = dir.resolve("absent.safetensors");
        var e = assertThrows(java.io.UncheckedIOException.class, () -> Checkpoints.restore(file, i64(Shape.of(2), 0, 0)));
        assertEquals("could not read " + file + ": no such file", e.getMessage());
    }

    @Test
    void shouldRejectATemplateWithALeafTheFileLacks(@TempDir Path dir) {
        Path file = dir.resolve("p.safetensors");
        Checkpoints.save(file, LinkedHashMap.of("a", f32(Shape.SCALAR, 1)));
        var e = assertThrows(TreeError.class, () -> Checkpoints.restore(file,
                LinkedHashMap.of("a", f32(Shape.SCALAR, 0), "b", f32(Shape.SCALAR, 0))));
        assertTrue(e.getMessage().contains("got no tensor named 'b'") && e.getMessage().contains("(it holds 'a')"), e.getMessage());
    }

    @Test
    void shouldRejectAFileWithATensorTheTemplateLacks(@TempDir Path dir) {
        Path file = dir.resolve("p.safetensors");
        Checkpoints.save(file, LinkedHashMap.of("a", f32(Shape.SCALAR, 1), "extra", f32(Shape.SCALAR, 1)));
        var e = assertThrows(TreeError.class, () -> Checkpoints.restore(file, LinkedHashMap.of("a", f32(Shape.SCALAR, 0))));
        assertTrue(e.getMessage().contains("got tensors 'extra'") && e.getMessage().contains("the template lacks"), e.getMessage());
    }

    @Test
    void shouldRejectAShapeMismatch(@TempDir Path dir) {
        Path file = dir.resolve("p.safetensors");
        Checkpoints.save(file, new Dense(f32(Shape.of(2, 3), new float[6]), f32(Shape.of(3), new float[3])));
        var e = assertThrows(ShapeError.class, () -> Checkpoints.restore(file,
                new Dense(f32(Shape.of(3, 2), new float[6]), f32(Shape.of(3), new float[3]))));
        assertTrue(e.getMessage().contains("tensor 'kernel' must have the template's shape f32[3,2], got f32[2,3]"), e.getMessage());
    }

    @Test
    void shouldRejectADtypeMismatch(@TempDir Path dir) {
        Path file = dir.resolve("p.safetensors");
        Checkpoints.save(file, new Dense(f32(Shape.of(1), 1), i32(Shape.of(1), 2)));
        var e = assertThrows(DTypeError.class, () -> Checkpoints.restore(file,
                new Dense(f32(Shape.of(1), 0), f32(Shape.of(1), 0))));
        assertTrue(e.getMessage().contains("tensor 'bias' must have the template's dtype f32, got i32[1]"), e.getMessage());
    }

    @Test
    void shouldRejectLeavesThatAreNotArraysAndWriteNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.safetensors");
        var e = assertThrows(TreeError.class, () -> Checkpoints.save(file, LinkedHashMap.of("a", f32(Shape.SCALAR, 1), "n", "text")));
        assertTrue(e.getMessage().contains("checkpoint leaves must be arrays, got java.lang.String at {'n'}"), e.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void shouldRejectTwoLeavesWithTheSameDottedName(@TempDir Path dir) {
        var tree = LinkedHashMap.of("a.b", f32(Shape.SCALAR, 1), "a", LinkedHashMap.of("b", f32(Shape.SCALAR, 2)));
        var e = assertThrows(TreeError.class, () -> Checkpoints.save(dir.resolve("p.safetensors"), tree));
        assertTrue(e.getMessage().contains("got 'a.b' for both {'a.b'} and {'a'}{'b'}"), e.getMessage());
    }

    @Test
    void shouldRejectTemplateLeavesThatDescribeNoArray(@TempDir Path dir) {
        Path file = dir.resolve("p.safetensors");
        Checkpoints.save(file, LinkedHashMap.of("a", f32(Shape.SCALAR, 1)));
        var e = assertThrows(TreeError.class, () -> Checkpoints.restore(file, LinkedHashMap.of("a", 1.0)));
        assertTrue(e.getMessage().contains("template leaves must be arrays, got java.lang.Double at {'a'}"), e.getMessage());
    }
}
