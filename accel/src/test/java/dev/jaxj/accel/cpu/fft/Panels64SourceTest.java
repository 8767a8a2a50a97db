package dev.jaxj.accel.cpu.fft;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Panels64} is generated from {@link Panels32} by the substitutions below (the Vector API
 * types its lanes, so each precision needs its own class for C2 to specialise it); this test
 * keeps the two from drifting apart. After changing Panels32, regenerate with
 * {@code java -cp accel/target/test-classes:accel/target/classes dev.jaxj.accel.cpu.fft.Panels64SourceTest}
 * from the repository root.
 */
class Panels64SourceTest {
    private static final Path DIR = Path.of("src/main/java/dev/jaxj/accel/cpu/fft");
    private static final String[][] SUBSTITUTIONS = {
            {"Panels32", "Panels64"}, {"FloatVector", "DoubleVector"}, {"<Float>", "<Double>"},
            {"float[]", "double[]"}, {"(float) ", ""}, {"re32", "re64"}, {"im32", "im64"},
            {"-1f : 1f", "-1.0 : 1.0"}, {", 0f)", ", 0.0)"}, {"0.5f", "0.5"}, {"HeapArrays.floats", "HeapArrays.doubles"},
            {"Cplx.F32", "Cplx.F64"}, {"boolean f64() { return false; }", "boolean f64() { return true; }"},
    };
    private static final String HEADER = "/** f64 panels, generated from {@link Panels32} (see Panels64SourceTest): its code on {@code DoubleVector}, line for line. */\n";

    static String generate(String panels32) {
        int doc = panels32.indexOf("/**\n * f32 panels"), cls = panels32.indexOf("final class Panels32");
        String s = panels32.substring(cls);
        for (String[] sub : SUBSTITUTIONS) s = s.replace(sub[0], sub[1]);
        return panels32.substring(0, doc).replace("import dev.jaxj.accel.host.HeapArrays;\nimport jdk.incubator.vector.FloatVector;",
                "import dev.jaxj.accel.host.HeapArrays;\nimport jdk.incubator.vector.DoubleVector;") + HEADER + s.replaceAll("\\bfloat ", "double ");
    }

    @Test
    void panels64IsPanels32InDoublePrecision() throws IOException {
        assertEquals(generate(Files.readString(DIR.resolve("Panels32.java"))), Files.readString(DIR.resolve("Panels64.java")),
                "Panels64.java is out of date: regenerate it from Panels32.java (see this class's documentation)");
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of("accel").resolve(DIR);
        Files.writeString(dir.resolve("Panels64.java"), generate(Files.readString(dir.resolve("Panels32.java"))));
    }
}
