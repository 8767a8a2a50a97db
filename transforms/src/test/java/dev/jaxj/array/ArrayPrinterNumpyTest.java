package dev.jaxj.array;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code toString} against NumPy's own output: {@code numpy_repr.txt} beside this class holds
 * NumPy 2.4's {@code array2string} wrapped as JAX's {@code Array.__repr__} wraps it, written by
 * {@code numpy_repr.py} (shortest digits, alignment, wrapping at 75, scientific notation,
 * nan and inf, negative zero, scalars, every dtype, summaries of arrays over 1000 elements, and
 * other print options). Only the prefix differs from NumPy's {@code repr}: {@code Array(} and
 * the dtype after the last line, as JAX prints.
 */
class ArrayPrinterNumpyTest {
    /** One stored case: the array as the script built it, and what NumPy printed. */
    record Case(String name, DType dtype, Shape shape, PrintOptions options, String values, String repr) {}

    @TestFactory
    Stream<DynamicTest> shouldPrintWhatNumpyPrints() throws IOException {
        List<Case> cases = read();
        assertTrue(cases.size() >= 20, "the stored cases were read: " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Array x = array(c);
            assertEquals(c.repr(), PrintOptions.with(c.options(), x::toString), c.name());
        }));
    }

    @TestFactory
    Stream<DynamicTest> shouldKeepTheTextOfLargeArraysShort() throws IOException {
        return read().stream().filter(c -> c.shape().size() > 1000 && c.options().equals(PrintOptions.DEFAULT)).map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            String s = array(c).toString();
            // Printed whole, every element would take at least five characters with its separator.
            assertTrue(s.length() < 6000 && s.length() < 5 * c.shape().size(), c.name() + " prints " + s.length() + " characters");
            assertTrue(s.contains("..."), s);
        }));
    }

    private static Array array(Case c) {
        int n = (int) c.shape().size();
        String[] spec = c.values().split(" ");
        double[] v = new double[n];
        long[] w = new long[n];
        if (spec[0].equals("values")) {
            for (int i = 0; i < n; i++) {
                v[i] = switch (spec[i + 1]) {
                    case "nan" -> Double.NaN;
                    case "inf" -> Double.POSITIVE_INFINITY;
                    case "-inf" -> Double.NEGATIVE_INFINITY;
                    default -> Double.parseDouble(spec[i + 1]);
                };
                w[i] = c.dtype().isFloating() ? 0 : Long.parseLong(spec[i + 1]);
            }
        } else {
            // start + i * step, rounded as the dtype rounds each operation
            double step = Double.parseDouble(spec[2]), start = Double.parseDouble(spec[3]);
            for (int i = 0; i < n; i++) {
                v[i] = c.dtype() == DType.F32 ? (float) i * (float) step + (float) start : i * step + start;
                w[i] = (long) i * (long) step + (long) start;
            }
        }
        HostData b = HostData.allocate(c.dtype(), n);
        for (int i = 0; i < n; i++) {
            if (c.dtype().isFloating()) b.setDouble(i, v[i]);
            else b.setLong(i, w[i]);
        }
        return Array.fromHost(ShapedArray.of(c.dtype(), c.shape()), b);
    }

    private static List<Case> read() throws IOException {
        var in = ArrayPrinterNumpyTest.class.getResourceAsStream("numpy_repr.txt");
        assertFalse(in == null, "numpy_repr.txt is on the test class path");
        var cases = new ArrayList<Case>();
        try (var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String name = line.substring("case ".length());
                DType dtype = dtype(r.readLine().substring("dtype ".length()));
                String dims = r.readLine().substring("shape".length()).strip();
                int[] shape = dims.isEmpty() ? new int[0] : Arrays.stream(dims.split(" ")).mapToInt(Integer::parseInt).toArray();
                int[] o = Arrays.stream(r.readLine().substring("options ".length()).split(" ")).mapToInt(Integer::parseInt).toArray();
                String values = r.readLine();
                var repr = new StringBuilder(r.readLine());
                while (!(line = r.readLine()).equals("end")) repr.append('\n').append(line);
                cases.add(new Case(name, dtype, Shape.of(shape), new PrintOptions(o[0], o[1], o[2], o[3], o[4] != 0), values, repr.toString()));
            }
        }
        return cases;
    }

    private static DType dtype(String numpyName) {
        return Arrays.stream(DType.values()).filter(d -> d.numpyName().equals(numpyName)).findFirst().orElseThrow();
    }
}
