package dev.jaxj.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The digits CNN reaches its target with its fixed seeds and the example's own settings (12 epochs). */
class DigitsTest {
    @TempDir
    Path dir;

    @Test
    void shouldClassifyAtLeastNinetyFivePercentOfTheTestDigits() {
        var r = Digits.run(12, dir, new PrintStream(OutputStream.nullOutputStream()));
        assertTrue(r.testAccuracy() >= 0.95, () -> "test accuracy " + r.testAccuracy());
        assertTrue(Files.exists(r.curves()));
        assertEquals(r.testAccuracy(), r.restoredAccuracy(), 0.0);
    }
}
