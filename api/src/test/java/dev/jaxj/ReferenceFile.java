package dev.jaxj;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Values written by a Python script that lives beside the file (NumPy/SciPy, float64), one line
 * per name: {@code name: v1 v2 ...}, each value in Python's round-trip {@code repr} ({@code nan},
 * {@code inf} and {@code -inf} included).
 */
public final class ReferenceFile {
    private final String source;
    private final Map<String, double[]> values;

    private ReferenceFile(String source, Map<String, double[]> values) {
        this.source = source;
        this.values = values;
    }

    /** {@return the file {@code resource}, looked up relative to {@code anchor}'s package} */
    public static ReferenceFile load(Class<?> anchor, String resource) {
        try (InputStream in = requireNonNull(anchor.getResourceAsStream(resource), () -> "no resource " + resource)) {
            Map<String, double[]> m = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) continue;
                int colon = line.indexOf(": ");
                String[] parts = line.substring(colon + 2).trim().split(" ");
                m.put(line.substring(0, colon), Arrays.stream(parts).mapToDouble(ReferenceFile::parse).toArray());
            }
            return new ReferenceFile(resource, m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return Python's repr of a float, read back}: {@code nan} and {@code inf} as Java names them */
    public static double parse(String s) {
        return switch (s) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    /** {@return the values stored under {@code name}} @throws AssertionError when the file has none */
    public double[] get(String name) {
        double[] v = values.get(name);
        if (v == null) throw new AssertionError(source + " has no line '" + name + "'");
        return v.clone();
    }
}
