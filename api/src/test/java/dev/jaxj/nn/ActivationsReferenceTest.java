package dev.jaxj.nn;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.ReferenceFile;
import dev.jaxj.array.Array;
import dev.jaxj.autodiff.GradChecks.Mode;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.collection.HashSet;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rest of {@code jax.nn} against float64 values that {@code nn_reference.py} (beside
 * {@code nn_reference.txt}) computes from the defining formulas with NumPy and SciPy.
 */
class ActivationsReferenceTest {
    private static final ReferenceFile REF = ReferenceFile.load(ActivationsReferenceTest.class, "nn_reference.txt");

    private static Map<String, UnaryOperator<Array>> elementwise() {
        Map<String, UnaryOperator<Array>> m = new LinkedHashMap<>();
        m.put("soft_sign", Activations::softSign);
        m.put("hard_sigmoid", Activations::hardSigmoid);
        m.put("hard_silu", Activations::hardSilu);
        m.put("hard_tanh", Activations::hardTanh);
        m.put("celu", Activations::celu);
        m.put("celu_alpha_0.5", x -> Activations.celu(x, 0.5));
        m.put("selu", Activations::selu);
        m.put("squareplus", Activations::squareplus);
        m.put("squareplus_b_1", x -> Activations.squareplus(x, 1));
        m.put("mish", Activations::mish);
        m.put("sparse_plus", Activations::sparsePlus);
        m.put("sparse_sigmoid", Activations::sparseSigmoid);
        m.put("identity", Activations::identity);
        return m;
    }

    /** {@code scale * sin(0.37 i + phase)}, the inputs the script builds. */
    private static Array det(DType d, double scale, double phase, int... shape) {
        Shape s = Shape.of(shape);
        double[] v = new double[s.size()];
        for (int i = 0; i < v.length; i++) v[i] = scale * Math.sin(0.37 * i + phase);
        return arr(d, s, v);
    }

    @Test
    void shouldMatchTheFormulasInF64AndF32() {
        double[] x = REF.get("x");
        elementwise().forEach((name, f) -> {
            // f64: a few roundings of a short formula; f32: the same, at f32's ~6e-8 per rounding.
            assertNear(f.apply(arr(DType.F64, Shape.of(x.length), x)), DType.F64, Shape.of(x.length), 1e-14, REF.get(name));
            assertNear(f.apply(arr(DType.F32, Shape.of(x.length), x)), DType.F32, Shape.of(x.length), 2e-6, REF.get(name));
        });
        assertEquals(DType.F32, Activations.hardSwish(i32(1, 2)).dtype());
        assertArray(Activations.hardTanh(i32(-3, 0, 2)), DType.I32, Shape.of(3), -1, 0, 1);
    }

    @Test
    void shouldComputeLog1mexpAccuratelyOnBothSidesOfLn2() {
        Array x = f64(1e-8, 0.01, 0.5, 0.69, 0.7, 2.0, 30.0);
        assertNear(Activations.log1mexp(x), DType.F64, Shape.of(7), 1e-15, REF.get("log1mexp"));
    }

    @Test
    void shouldMatchTheReductions() {
        Array m = det(DType.F64, 1, 0, 3, 4);
        assertNear(Activations.logmeanexp(m), DType.F64, Shape.SCALAR, 1e-15, REF.get("logmeanexp_all"));
        assertNear(Activations.logmeanexp(m, 0), DType.F64, Shape.of(4), 1e-15, REF.get("logmeanexp_axis0"));
        assertNear(Activations.glu(m), DType.F64, Shape.of(3, 2), 1e-15, REF.get("glu_last"));
        assertNear(Activations.glu(det(DType.F64, 1, 0, 2, 4), 0), DType.F64, Shape.of(1, 4), 1e-15, REF.get("glu_axis0"));
        // mean(x²) - mean(x)² cancels: the error is ~1e-16 of mean(x²) divided by the variance.
        assertNear(Activations.standardize(m), DType.F64, Shape.of(3, 4), 1e-13, REF.get("standardize"));
        assertError(ArgumentError.class, "glu", () -> Activations.glu(Jnp.zeros(2, 3)), "f32[2,3]");
    }

    @Test
    void shouldMatchDotProductAttentionWithGroupedHeadsBiasMaskAndCausality() {
        Array q = det(DType.F64, 1, 0.1, 2, 3, 4, 5), k = det(DType.F64, 1.5, 0.7, 2, 6, 2, 5), v = det(DType.F64, 2, 1.3, 2, 6, 2, 5);
        assertNear(Activations.dotProductAttention(q, k, v), DType.F64, Shape.of(2, 3, 4, 5), 1e-14, REF.get("attention"));
        double[] mask = new double[6];
        for (int i = 0; i < 6; i++) mask[i] = i % 3 != 1 ? 1 : 0;
        var opts = DotProductAttention.Options.DEFAULT.withBias(det(DType.F64, 0.5, 0.2, 3, 6))
                .withMask(Jnp.astype(arr(DType.F32, Shape.of(6), mask), DType.BOOL));
        assertNear(Activations.dotProductAttention(q, k, v, opts), DType.F64, Shape.of(2, 3, 4, 5), 1e-14, REF.get("attention_bias_mask"));
        Array qs = det(DType.F64, 1, 0.4, 2, 6, 4, 5);
        var causal = DotProductAttention.Options.DEFAULT.causal();
        assertNear(Activations.dotProductAttention(qs, k, v, causal), DType.F64, Shape.of(2, 6, 4, 5), 1e-14, REF.get("attention_causal"));
        // Without the batch axis (the first batch element: the first 60 inputs), in f32.
        Array one = Activations.dotProductAttention(det(DType.F32, 1, 0.1, 3, 4, 5), det(DType.F32, 1.5, 0.7, 6, 2, 5), det(DType.F32, 2, 1.3, 6, 2, 5));
        double[] all = REF.get("attention");
        assertNear(one, DType.F32, Shape.of(3, 4, 5), 2e-6, java.util.Arrays.copyOf(all, 60));
        assertError(ShapeError.class, "dot_product_attention", () -> Activations.dotProductAttention(q, det(DType.F64, 1, 0, 2, 6, 3, 5), det(DType.F64, 1, 0, 2, 6, 3, 5)), "f64[2,6,3,5]");
    }

    @Test
    void shouldMatchScaledMatmul() {
        Array a = det(DType.F32, 1, 0.3, 2, 3, 8), b = det(DType.F32, 1, 0.9, 2, 4, 8);
        Array sa = det(DType.F32, 1, 2.0, 2, 3, 2), sb = det(DType.F32, 1, 0.5, 2, 4, 4);
        assertNear(Activations.scaledMatmul(a, b, sa, sb), DType.F32, Shape.of(2, 3, 4), 2e-6, REF.get("scaled_matmul"));
        assertError(ShapeError.class, "scaled_matmul", () -> Activations.scaledMatmul(a, b, det(DType.F32, 1, 0, 2, 3, 3), sb), "f32[2,3,3]");
    }

    @Test
    void shouldHaveDerivativesMatchingCentralDifferences() {
        // Points away from the kinks (±1, ±3, 0), where the formulas are smooth.
        Array x = f64(-3.7, -2.2, -0.6, -0.25, 0.3, 0.55, 2.2, 4.1);
        elementwise().forEach((name, f) ->
                Jax.checkGrads(xs -> Jnp.sum(f.apply(xs.head())), Vector.of(x), 2, HashSet.of(Mode.FWD, Mode.REV)));
        // Not too close to 0, where log x has a third derivative 2/x³ that spoils differences with step 1e-4.
        Array p = f64(0.2, 0.5, 0.7, 3.0);
        Jax.checkGrads(xs -> Jnp.sum(Activations.log1mexp(xs.head())), Vector.of(p), 2, HashSet.of(Mode.FWD, Mode.REV));
        Array m = det(DType.F64, 1, 0, 3, 4);
        Jax.checkGrads(xs -> Jnp.sum(Jnp.sin(Activations.standardize(xs.head()))), Vector.of(m), 1, HashSet.of(Mode.FWD, Mode.REV));
        Jax.checkGrads(xs -> Jnp.sum(Activations.glu(xs.head())), Vector.of(m), 1, HashSet.of(Mode.FWD, Mode.REV));
        Jax.checkGrads(xs -> Activations.logmeanexp(xs.head()), Vector.of(m), 1, HashSet.of(Mode.FWD, Mode.REV));
        Array q = det(DType.F64, 1, 0.1, 1, 3, 2, 2), k = det(DType.F64, 1.5, 0.7, 1, 4, 1, 2), v = det(DType.F64, 2, 1.3, 1, 4, 1, 2);
        Jax.checkGrads(xs -> Jnp.sum(Jnp.sin(Activations.dotProductAttention(xs.get(0), xs.get(1), xs.get(2), DotProductAttention.Options.DEFAULT.causal()))),
                Vector.of(q, k, v), 1, HashSet.of(Mode.FWD, Mode.REV));
    }

    @Test
    void shouldTakeJaxDerivativesAtTheKinks() {
        // hard_tanh is where(x > 1, 1, where(x < -1, -1, x)): the ends take the middle branch.
        Array g = Jax.grad((Array x) -> Jnp.sum(Activations.hardTanh(x))).apply(f64(-1.5, -1, 1, 1.5));
        assertArray(g, DType.F64, Shape.of(4), 0, 1, 1, 0);
        // sparse_sigmoid clips with maximum then minimum, each splitting a tie: 1/2 * 1/2 at ±1.
        Array s = Jax.grad((Array x) -> Jnp.sum(Activations.sparseSigmoid(x))).apply(f64(-1, 0, 1));
        assertArray(s, DType.F64, Shape.of(3), 0.25, 0.5, 0.25);
    }

    @Test
    void shouldAgreeUnderJitAndVmap() {
        Array xs = det(DType.F32, 3, 0.2, 4, 5);
        elementwise().forEach((name, f) -> {
            double[] eager = f.apply(xs).toDoubleArray();
            assertClose(Jax.jit((Array x) -> f.apply(x)).apply(xs).toDoubleArray(), eager, 1e-6);
            assertClose(Jax.vmap((Array x) -> f.apply(x)).apply(xs).toDoubleArray(), eager, 1e-6);
        });
        Array q = det(DType.F32, 1, 0.1, 2, 3, 4, 5), k = det(DType.F32, 1.5, 0.7, 2, 6, 2, 5), v = det(DType.F32, 2, 1.3, 2, 6, 2, 5);
        double[] eager = Activations.dotProductAttention(q, k, v).toDoubleArray();
        assertClose(Jax.jit((Array qq) -> Activations.dotProductAttention(qq, k, v)).apply(q).toDoubleArray(), eager, 1e-6);
        // vmap over the batch axis of unbatched [T,N,H] calls equals the batched call.
        Array batched = Jax.vmap((Array qq, Array kk) -> Activations.dotProductAttention(qq, kk, kk)).apply(q, k);
        assertClose(batched.toDoubleArray(), Activations.dotProductAttention(q, k, k).toDoubleArray(), 1e-6);
    }
}
