package dev.jaxj.io;

import dev.jaxj.Random;
import dev.jaxj.errors.JaxjException;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.nn.Activation;
import dev.jaxj.nn.BatchNorm;
import dev.jaxj.nn.Conv;
import dev.jaxj.nn.Dense;
import dev.jaxj.nn.Flatten;
import dev.jaxj.nn.Module;
import dev.jaxj.nn.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Model configs with random edits: each one loads (an edit can leave a valid config) or is
 * refused with one of jaxj's exceptions, never a ClassCastException, NumberFormatException or
 * StackOverflowError from inside the reader.
 */
class ModelsFuzzTest {
    private static final String ALPHABET = "{}[]\":,.-+eE0123456789 tfnul\\abcxyz";

    @Test
    void shouldRefuseEveryMangledConfigWithAJaxjException(@TempDir Path dir) {
        Module model = Sequential.of(Conv.of(2, 3, 3).withStrides(2, 2), BatchNorm.of(), Activation.RELU, new Flatten(), Dense.of(3));
        var input = ShapedArray.of(DType.F32, 1, 5, 5, 1);
        Path file = dir.resolve("m.safetensors");
        Models.save(file, model, model.init(Random.key(0), input), input);
        var contents = Safetensors.read(file);
        String json = contents.metadata().get(Models.CONFIG_KEY).get();
        var rng = new java.util.Random(20261207);
        int loaded = 0, refused = 0;
        for (int trial = 0; trial < 300; trial++) {
            var sb = new StringBuilder(json);
            for (int edits = 1 + rng.nextInt(3); edits > 0; edits--) {
                int at = rng.nextInt(sb.length());
                char c = ALPHABET.charAt(rng.nextInt(ALPHABET.length()));
                switch (rng.nextInt(3)) {
                    case 0 -> sb.deleteCharAt(at);
                    case 1 -> sb.insert(at, c);
                    default -> sb.setCharAt(at, c);
                }
            }
            Path mangled = dir.resolve("mangled.safetensors");
            Safetensors.write(mangled, contents.tensors(), contents.metadata().put(Models.CONFIG_KEY, sb.toString()));
            try {
                Models.load(mangled);
                loaded++;
            } catch (CheckpointError | JaxjException e) {
                assertNotNull(e.getMessage());
                refused++;
            } catch (RuntimeException | StackOverflowError e) {
                fail("config " + sb + " gave " + e, e);
            }
        }
        assertEquals(300, loaded + refused);
        assertTrue(refused > 200, "most edits break the config, got " + refused + " refused");
    }
}
