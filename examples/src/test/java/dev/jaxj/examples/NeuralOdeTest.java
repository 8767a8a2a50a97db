package dev.jaxj.examples;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The RK4 loop against RK4 unrolled in Java, the targets against their ODE, the gradient against central differences, and training. */
class NeuralOdeTest {
    @Test
    void shouldIntegrateAsRk4UnrolledInJava() {
        NeuralOde.Params p = NeuralOde.init(3, 4);
        Array z0 = Jnp.array(new double[] {0.3, -0.2});
        double[] got = NeuralOde.integrate(p, z0, 7).toDoubleArray();
        Array z = z0;
        for (int i = 0; i < 7; i++) {
            Array k1 = NeuralOde.field(p, z), k2 = NeuralOde.field(p, z.add(k1.mul(NeuralOde.DT / 2)));
            Array k3 = NeuralOde.field(p, z.add(k2.mul(NeuralOde.DT / 2))), k4 = NeuralOde.field(p, z.add(k3.mul(NeuralOde.DT)));
            z = z.add(k1.add(k2.mul(2.0)).add(k3.mul(2.0)).add(k4).mul(NeuralOde.DT / 6));
        }
        assertArrayEquals(z.toDoubleArray(), got, 1e-13);
    }

    @Test
    void shouldMatchTheOscillatorsClosedForm() {
        // The oscillator's closed form satisfies x'' = -x - 0.2 x': check it by central differences.
        double t = 0.7, h = 1e-4;
        double[] a = NeuralOde.oscillator(t - h), b = NeuralOde.oscillator(t), c = NeuralOde.oscillator(t + h);
        assertEquals((c[0] - a[0]) / (2 * h), b[1], 1e-7, "x' is the velocity");
        assertEquals((c[1] - a[1]) / (2 * h), -b[0] - 0.2 * b[1], 1e-7, "x'' = -x - 0.2 x'");
        assertArrayEquals(new double[] {1, 0}, NeuralOde.oscillator(0), 1e-15);
    }

    @Test
    void shouldFitTheOscillatorWithAGradientThatMatchesCentralDifferences() {
        NeuralOde.Result r = NeuralOde.run(60, 0.5, new PrintStream(OutputStream.nullOutputStream()));
        // f64 central differences with step 1e-5 are good to about 1e-9 here.
        assertTrue(r.gradientError() < 1e-7, () -> r.toString());
        assertTrue(r.after() < 0.5 * r.before(), () -> r.toString());
    }
}
