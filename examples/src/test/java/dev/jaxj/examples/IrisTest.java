package dev.jaxj.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Iris example reaches its target with its fixed seeds, and writes both charts. */
class IrisTest {
    @TempDir
    Path dir;

    @Test
    void shouldClassifyAtLeastNinetyPercentOfTheHeldOutFlowers() throws IOException {
        var r = Iris.run(dir, new PrintStream(OutputStream.nullOutputStream()));
        assertEquals(387, r.summary().totalParams());
        assertEquals(10, r.fit().history().epochs());
        assertTrue(r.valAccuracy() >= 0.9, () -> "held-out accuracy " + r.valAccuracy());
        assertTrue(r.fit().history().last("loss") < r.fit().history().get("loss").head());
        assertNotNull(ImageIO.read(r.regions().toFile()));
        assertNotNull(ImageIO.read(r.curves().toFile()));
    }
}
