package dev.jaxj.startup;

import dev.jaxj.Jnp;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A program started without {@code --add-modules jdk.incubator.vector} gets a BackendError that
 * names the flag at its first operation, not a NoClassDefFoundError at its first matmul. Runs
 * {@link Program} in a child JVM with this test's class path, with and without the flag.
 */
class VectorModuleCheckTest {
    /** The child: one matmul, then prints the result or the error's class and first line. */
    public static final class Program {
        public static void main(String[] args) {
            try {
                System.out.println("sum " + Jnp.matmul(Jnp.ones(2, 3), Jnp.ones(3, 2)).sum().floatValue());
            } catch (Throwable t) {
                System.out.println(t.getClass().getSimpleName() + ": " + String.valueOf(t.getMessage()).split("\n")[0]);
            }
        }
    }

    private static String run(boolean withFlag) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow()));
        if (withFlag) cmd.add("--add-modules=jdk.incubator.vector");
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Program.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM finished");
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldNameTheMissingFlagInsteadOfFailingToLoadAClass() throws Exception {
        String out = run(false);
        assertTrue(out.contains("BackendError: cpu: needs the JDK's Vector API module"), out);
        assertTrue(out.contains("--add-modules jdk.incubator.vector"), out);
        assertFalse(out.contains("NoClassDefFoundError"), out);
    }

    @Test
    void shouldRunWithTheFlag() throws Exception {
        assertTrue(run(true).contains("sum 12.0"), "2x3 ones times 3x2 ones sums to 12");
    }
}
