package dev.jaxj.examples;

import dev.jaxj.Jax;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Iris and Digits, trained end to end on the OpenCL device (the build's {@code opencl} test
 * run sets {@code -Djaxj.platform=opencl}, so every array the examples make lives there),
 * reach the accuracy the CPU runs of {@link IrisTest} and {@link DigitsTest} are held to.
 */
class OpenClTrainingTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void onOpenCl() {
        if ("opencl".equals(System.getProperty("jaxj.platform"))) {
            assertEquals("opencl", Jax.defaultBackend(), "the default backend under -Djaxj.platform=opencl");
            return;
        }
        String why = "runs in the build's opencl test execution (-Djaxj.platform=opencl)";
        if ("1".equals(System.getenv("JAXJ_REQUIRE_OPENCL")) && System.getProperty("jaxj.platform") != null) fail(why);
        Assumptions.abort(why);
    }

    @Test
    void irisTrainsOnTheDevice() {
        var r = Iris.run(dir, new PrintStream(OutputStream.nullOutputStream()));
        assertTrue(r.valAccuracy() >= 0.9, () -> "held-out accuracy " + r.valAccuracy());
        assertTrue(r.fit().history().last("loss") < r.fit().history().get("loss").head());
    }

    @Test
    void digitsTrainOnTheDevice() {
        var r = Digits.run(12, dir, new PrintStream(OutputStream.nullOutputStream()));
        assertTrue(r.testAccuracy() >= 0.95, () -> "test accuracy " + r.testAccuracy());
        assertEquals(r.testAccuracy(), r.restoredAccuracy(), 0.0);
    }
}
