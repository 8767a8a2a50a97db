package dev.jaxj.examples;

import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped data sets load with the sizes and ranges their sources document. */
class DatasetsTest {
    @Test
    void shouldLoadFiftyIrisesOfEachSpecies() {
        var iris = Datasets.iris();
        assertEquals(Shape.of(150, 4), iris.features().shape());
        int[] counts = new int[3];
        for (int c : iris.labels().toIntArray()) counts[c]++;
        assertEquals("[50, 50, 50]", java.util.Arrays.toString(counts));
        // Fisher's first flower: 5.1, 3.5, 1.4, 0.2, setosa.
        assertEquals("[5.1, 3.5, 1.4, 0.2]", java.util.Arrays.toString(
                iris.features().get(0).toFloatArray()));
    }

    @Test
    void shouldLoadTheDigitsAsPixelCountsUpToSixteen() {
        var digits = Datasets.digits();
        assertEquals(Shape.of(1797, 64), digits.features().shape());
        assertEquals(DType.I32, digits.labels().dtype());
        float max = 0;
        for (float v : digits.features().toFloatArray()) {
            assertTrue(v >= 0 && v <= 16 && v == Math.rint(v));
            max = Math.max(max, v);
        }
        assertEquals(16, max);
        int[] counts = new int[10];
        for (int c : digits.labels().toIntArray()) counts[c]++;
        for (int c : counts) assertTrue(c >= 170 && c <= 190, () -> java.util.Arrays.toString(counts));
    }

    @Test
    void shouldLoadFourHundredNoisySinesOfFortyOneSteps() {
        var waves = Datasets.noisySines();
        assertEquals(Shape.of(400, 41), waves.shape());
        assertEquals(DType.F32, waves.dtype());
        double[] v = waves.toDoubleArray();
        // The first and last values of the file, as written by tools/make_noisy_sines.py.
        assertEquals(0.0101, v[0], 1e-7);
        assertEquals(0.8107, v[v.length - 1], 1e-7);
        // Amplitudes are at most 1.5, noise a few times 0.05 at most.
        for (double x : v) assertTrue(Math.abs(x) < 1.8, () -> "value " + x);
    }
}
