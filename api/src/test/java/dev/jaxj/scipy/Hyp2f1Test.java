package dev.jaxj.scipy;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.ReferenceFile;
import dev.jaxj.array.Array;
import dev.jaxj.autodiff.GradChecks.Mode;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.collection.HashSet;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Special#hyp2f1} against the 60-digit decimal series in {@code special_more_reference.txt}
 * (made by {@code special_more_reference.py}), one reference point per path of {@link Hyp2f1}, and
 * its derivative in x against differences and a closed form.
 */
class Hyp2f1Test {
    private static final ReferenceFile REF = ReferenceFile.load(Hyp2f1Test.class, "special_more_reference.txt");

    private static Array ref(String name, DType d) {
        double[] v = REF.get(name);
        return arr(d, Shape.of(v.length), v);
    }

    @Test
    void hyp2f1ShouldMatchTheDecimalSeriesOnEveryPath() {
        Array h = Special.hyp2f1(ref("hyp2f1.0", DType.F64), ref("hyp2f1.1", DType.F64), ref("hyp2f1.2", DType.F64), ref("hyp2f1.3", DType.F64));
        // The paths: the series, Pfaff's transformation, the 1 - x connection with and without whole c - a - b, Gauss's sum, polynomials.
        SpecialMoreTest.assertRelative(h.toDoubleArray(), REF.get("hyp2f1"), 1e-12, "hyp2f1 f64");
        Array h32 = Special.hyp2f1(ref("hyp2f1.0", DType.F32), ref("hyp2f1.1", DType.F32), ref("hyp2f1.2", DType.F32), ref("hyp2f1.3", DType.F32));
        assertEquals(DType.F32, h32.dtype());
    }

    @Test
    void hyp2f1ShouldGivePolesInfinitiesAndNaNAsScipy() {
        // c = -3 a pole; x > 1 outside the real function; a = 0 gives 1; x = 1 with c - a - b <= 0 diverges.
        double[] r = Special.hyp2f1(f64(1, 1, 0, 1.5), f64(2, 1, 3, 2), f64(-3, 2, 2, 3), f64(0.5, 1.5, 0.7, 1)).toDoubleArray();
        assertEquals(Double.POSITIVE_INFINITY, r[0]);
        assertEquals(Double.NaN, r[1]);
        assertEquals(1, r[2]);
        assertEquals(Double.POSITIVE_INFINITY, r[3]);
    }

    @Test
    void hyp2f1ShouldDifferentiateInXAsJaxDoes() {
        // The series and Pfaff's side against differences; the 1 - x side against the closed form below.
        Jax.checkGrads(a -> Jnp.sum(Special.hyp2f1(f64(0.5, 1.2), f64(0.5, 0.4), f64(1.5, 2.5), a.get(0))), Vector.of(f64(0.5, -2)), 1,
                HashSet.of(Mode.REV));
        // d/dx [-ln(1 - x)/x] = 1/(x(1 - x)) + ln(1 - x)/x² at x = 0.9, the whole-gap path.
        Array g = Jax.grad((Array x) -> Jnp.sum(Special.hyp2f1(f64(1), f64(1), f64(2), x))).apply(f64(0.9));
        assertNear(g, DType.F64, Shape.of(1), 1e-11, 1 / (0.9 * 0.1) + Math.log(0.1) / 0.81);
        // JAX's rule has no derivative in a, b or c: their gradients are zero.
        Array ga = Jax.grad((Array a) -> Jnp.sum(Special.hyp2f1(a, f64(1), f64(2), f64(0.5)))).apply(f64(1));
        assertNear(ga, DType.F64, Shape.of(1), 0, 0);
    }
}
