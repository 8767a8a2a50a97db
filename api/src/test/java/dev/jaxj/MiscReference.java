package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The cases of {@code numpy_misc/misc_reference.txt}, written by {@code misc_reference.py}
 * beside it with NumPy and SciPy: inputs ({@code in.*}) and expected results, by name. Other
 * reference files share its line format, {@code name|kind|shape|values}, and are read with {@link #load}.
 */
public final class MiscReference {
    /** One line: a kind ({@code float}, {@code int}, {@code bool}, or a dtype's NumPy name), a shape and the values as written. */
    public record Entry(String kind, Shape shape, String[] values) {
        public double[] doubles() { return Arrays.stream(values).mapToDouble(ReferenceFile::parse).toArray(); }
        public long[] longs() { return Arrays.stream(values).mapToLong(Long::parseLong).toArray(); }
        boolean[] bools() {
            boolean[] b = new boolean[values.length];
            for (int i = 0; i < b.length; i++) b[i] = !values[i].equals("0");
            return b;
        }
    }

    private static final Map<String, Entry> ENTRIES = load("numpy_misc/misc_reference.txt");

    private MiscReference() {}

    /** {@return the entries of a file in this format, {@code resource} relative to this package} */
    public static Map<String, Entry> load(String resource) {
        try (var in = MiscReference.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is missing");
            Map<String, Entry> m = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) continue;
                String[] f = line.split("\\|", -1);
                int[] dims = f[2].isEmpty() ? new int[0] : Arrays.stream(f[2].split(",")).mapToInt(Integer::parseInt).toArray();
                m.put(f[0], new Entry(f[1], Shape.of(dims), f[3].isEmpty() ? new String[0] : f[3].split(" ")));
            }
            return Map.copyOf(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Entry get(String name) {
        Entry e = ENTRIES.get(name);
        assertNotNull(e, () -> "no case '" + name + "' in misc_reference.txt");
        return e;
    }

    /** {@return the input {@code in.name} as an array of {@code dtype}} */
    static Array input(String name, DType dtype) {
        Entry e = get("in." + name);
        return ArrayAssertions.arr(dtype, e.shape(), e.doubles());
    }

    /** {@return the input as f64 (floats) or i32 (integers)} */
    static Array input(String name) {
        Entry e = get("in." + name);
        return input(name, e.kind().equals("int") ? DType.I32 : DType.F64);
    }

    /** Checks dtype, shape and values of {@code actual} against result {@code name} within {@code tol} (see {@link ArrayAssertions#assertNear}). */
    static void check(String name, Array actual, DType dtype, double tol) {
        Entry e = get(name);
        ArrayAssertions.assertNear(actual, dtype, e.shape(), tol, e.doubles());
    }
}
