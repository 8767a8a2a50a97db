package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.NotDifferentiable;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.function.Function;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.*;

/** Derivatives against closed forms worked out by hand, in f64 so the comparison is tight. */
class JaxGradTest {
    private static final double TOL = 1e-12;

    private static Array f64(double... v) { return Jnp.array(v); }

    private static Array f64(double[][] v) { return Jnp.array(v); }

    private static void assertClose(double[] expected, Array actual, double tol) {
        double[] got = actual.toDoubleArray();
        assertEquals(expected.length, got.length, "size of " + actual.aval());
        for (int i = 0; i < got.length; i++) {
            double scale = Math.max(1, Math.abs(expected[i]));
            assertEquals(expected[i], got[i], tol * scale, "element " + i + " of " + actual);
        }
    }

    @Test
    void shouldDifferentiateElementwiseProducts() {
        double[] x = {-1.3, 0, 0.4, 2.5};
        Array g = Jax.grad((Array a) -> a.mul(a.sin()).sum()).apply(f64(x));
        double[] want = new double[x.length];
        for (int i = 0; i < x.length; i++) want[i] = Math.sin(x[i]) + x[i] * Math.cos(x[i]);
        assertClose(want, g, TOL);
        assertEquals(DType.F64, g.dtype());
    }

    @Test
    void shouldDifferentiatePowersOfNegativeBasesInForwardAndReverseMode() {
        // d/dx x^2.0 = 2x, also for x < 0, where log(x) (the exponent's term) is NaN: a constant exponent has no such term
        Array x = f64(-1.5, -0.5, 2.0);
        UnaryOperator<Array> square = a -> Jnp.power(a, f64(2.0));
        double[] want = {-3.0, -1.0, 4.0};
        assertClose(want, Jax.jvp(square, x, f64(1, 1, 1)).tangent(), TOL);
        assertClose(want, Jnp.diagonal(Jax.jacfwd(square).apply(x)), TOL);
        assertClose(want, Jax.grad((Array a) -> square.apply(a).sum()).apply(x), TOL);
        // d/dy 2^y = log(2) 2^y, with the base constant
        Array y = f64(-1.0, 0.5, 3.0);
        double[] wantY = new double[3];
        for (int i = 0; i < 3; i++) wantY[i] = Math.log(2) * Math.pow(2, y.toDoubleArray()[i]);
        assertClose(wantY, Jax.jvp((Array b) -> Jnp.power(f64(2.0), b), y, f64(1, 1, 1)).tangent(), TOL);
    }

    @Test
    void shouldDifferentiateTanhChains() {
        double x = 0.7;
        Array g = Jax.grad((Array a) -> a.tanh().tanh().tanh()).apply(Jnp.scalar(x, DType.F64));
        double t1 = Math.tanh(x), t2 = Math.tanh(t1);
        double want = (1 - Math.pow(Math.tanh(t2), 2)) * (1 - t2 * t2) * (1 - t1 * t1);
        assertClose(new double[] {want}, g, TOL);
    }

    /** Softmax cross-entropy with a stable logsumexp: the gradient is softmax(z) - onehot(label). */
    @Test
    void shouldGiveSoftmaxMinusOneHotForCrossEntropy() {
        double[] z = {1.0, -2.0, 0.5, 3.0};
        int label = 2;
        Function<Array, Array> loss = logits -> {
            Array m = Lax.stopGradient(logits.max());
            Array lse = logits.sub(m).exp().sum().log().add(m);
            return lse.sub(logits.mul(Jnp.array(new double[] {0, 0, 1, 0})).sum());
        };
        Array g = Jax.grad(loss).apply(f64(z));
        double max = 3.0, norm = 0;
        for (double v : z) norm += Math.exp(v - max);
        double[] want = new double[z.length];
        for (int i = 0; i < z.length; i++) want[i] = Math.exp(z[i] - max) / norm - (i == label ? 1 : 0);
        assertClose(want, g, TOL);
    }

    @Test
    void shouldDifferentiateTheEuclideanNorm() {
        double[] x = {3, -4, 12};
        Array g = Jax.grad((Array a) -> a.mul(a).sum().sqrt()).apply(f64(x));
        assertClose(new double[] {3.0 / 13, -4.0 / 13, 12.0 / 13}, g, TOL);
    }

    @Test
    void shouldGiveTwoAForTraceOfATransposeA() {
        double[][] a = {{1, 2, 3}, {-4, 5, 0.5}};
        Array eye = Jnp.eye(3, 3, 0, DType.F64);
        Array g = Jax.grad((Array m) -> m.transpose().matmul(m).mul(eye).sum()).apply(f64(a));
        assertClose(new double[] {2, 4, 6, -8, 10, 1}, g, TOL);
    }

    private static Array rosenbrock(Array p) {
        Array x = Lax.slice(p, Vector.of(0), Vector.of(1), Vector.of(1)).sum();
        Array y = Lax.slice(p, Vector.of(1), Vector.of(2), Vector.of(1)).sum();
        return x.neg().add(1.0).square().add(y.sub(x.square()).square().mul(100.0));
    }

    @Test
    void shouldGiveRosenbrocksGradientAndHessian() {
        double x = -1.2, y = 1.0;
        Array p = f64(x, y);
        Array g = Jax.grad(JaxGradTest::rosenbrock).apply(p);
        assertClose(new double[] {-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)}, g, TOL);
        Array h = Jax.hessian(JaxGradTest::rosenbrock).apply(p);
        assertEquals("f64[2,2]", h.aval().toString());
        assertClose(new double[] {2 - 400 * y + 1200 * x * x, -400 * x, -400 * x, 200}, h, TOL);
    }

    /** Forward-over-reverse: the Hessian-vector product without forming the Hessian. */
    @Test
    void shouldComputeHessianVectorProducts() {
        Array p = f64(0.5, -0.3);
        Array v = f64(1.0, 2.0);
        Array hvp = Jax.jvp(Jax.grad(JaxGradTest::rosenbrock), p, v).tangent();
        double x = 0.5, y = -0.3;
        double hxx = 2 - 400 * y + 1200 * x * x, hxy = -400 * x, hyy = 200;
        assertClose(new double[] {hxx * 1 + hxy * 2, hxy * 1 + hyy * 2}, hvp, TOL);
    }

    @Test
    void shouldTakeDerivativesOfAnyOrder() {
        UnaryOperator<Array> f = a -> a.pow(4);
        Function<Array, Array> d1 = Jax.grad((Function<Array, Array>) f);
        Function<Array, Array> d3 = Jax.grad(Jax.grad(d1));
        assertClose(new double[] {24 * 1.5}, d3.apply(Jnp.scalar(1.5, DType.F64)), TOL);
        Function<Array, Array> d4 = Jax.grad(d3);
        assertClose(new double[] {24}, d4.apply(Jnp.scalar(-0.7, DType.F64)), TOL);
    }

    /** The classic perturbation-confusion case: d/dx [x * d/dy (x + y)] = 1 at every point. */
    @Test
    void shouldNotConfusePerturbationsOfNestedDerivatives() {
        Function<Array, Array> outer = x -> x.mul(Jax.grad((Array y) -> x.add(y)).apply(Jnp.scalar(3.0, DType.F64)));
        for (double x : new double[] {-2, 0, 1.5}) {
            assertClose(new double[] {1}, Jax.grad(outer).apply(Jnp.scalar(x, DType.F64)), 0);
        }
    }

    @Test
    void shouldFollowJaxConventionsAtKinks() {
        Array zero = Jnp.scalar(0.0, DType.F64);
        assertEquals(1.0, Jax.grad((Array a) -> a.abs()).apply(zero).doubleValue());
        assertEquals(Double.POSITIVE_INFINITY, Jax.grad((Array a) -> a.sqrt()).apply(zero).doubleValue());
        Array x = f64(-1.5, 0.5, 2.5);
        for (UnaryOperator<Array> piecewise : Vector.<UnaryOperator<Array>>of(Array::floor, Array::ceil, Array::sign, Lax::round)) {
            assertClose(new double[] {0, 0, 0}, Jax.grad((Array a) -> piecewise.apply(a).sum()).apply(x), 0);
        }
        Array comparisons = Jax.grad((Array a) -> a.gt(0.0).astype(DType.F64).mul(a).sum()).apply(x);
        assertClose(new double[] {0, 1, 1}, comparisons, 0);
        Array relu = Jax.grad((Array a) -> Lax.select(a.gt(0.0), a, Jnp.zerosLike(a)).sum()).apply(f64(-1, 0, 2));
        assertClose(new double[] {0, 0, 1}, relu, 0);
    }

    @Test
    void shouldGiveReluZeroDerivativeAtZeroAsJaxDoes() {
        Array g = Jax.grad((Array a) -> dev.jaxj.nn.Activations.relu(a).sum()).apply(f64(-1, 0, 2));
        assertClose(new double[] {0, 0, 1}, g, 0);
    }

    /** logsumexp stays finite for large inputs, and its gradient is the softmax. */
    @Test
    void shouldDifferentiateLogsumexpStablyForLargeInputs() {
        Jax.ValueAndGrad<Array> vg = Jax.valueAndGrad((Array a) -> Jnp.logsumexp(a)).apply(f64(1000, 1000));
        assertEquals(1000 + Math.log(2), vg.value().doubleValue(), 1e-12);
        assertClose(new double[] {0.5, 0.5}, vg.grad(), 1e-15);
        Array g = Jax.grad((Array a) -> Jnp.logsumexp(a)).apply(f64(-1e4, 0, 1e4));
        assertClose(new double[] {0, 0, 1}, g, 1e-15);
    }

    @Test
    void shouldSplitMaxAndMinTiesEvenly() {
        var g = Jax.grad((Array a, Array b) -> a.maximum(b).sum(), 0, 1).apply(f64(1, 2, 3), f64(1, 5, 0));
        assertClose(new double[] {0.5, 0, 1}, (Array) g.get(0), 0);
        assertClose(new double[] {0.5, 1, 0}, (Array) g.get(1), 0);
        Array m = Jax.grad((Array a) -> a.max()).apply(f64(2, 7, 7, 1));
        assertClose(new double[] {0, 0.5, 0.5, 0}, m, 0);
    }

    @Test
    void shouldStopGradients() {
        Array g = Jax.grad((Array a) -> a.mul(Lax.stopGradient(a)).sum()).apply(f64(2, -3));
        assertClose(new double[] {2, -3}, g, 0);
    }

    record Params(Array w, Array b) {}

    @Test
    void shouldDifferentiateWithRespectToRecordsOfParameters() {
        Params p = new Params(f64(new double[][] {{1, 2}, {3, 4}}), f64(0.5, -0.5));
        Array x = f64(1, -1);
        Jax.ValueAndGrad<Params> vg = Jax.valueAndGrad((Params q) -> q.w().matmul(x).add(q.b()).square().sum()).apply(p);
        // w @ x + b = [-1 + 0.5, -1 - 0.5] = [-0.5, -1.5]; loss = 0.25 + 2.25
        assertEquals(2.5, vg.value().doubleValue(), TOL);
        // dL/db = 2 r, dL/dw = 2 r x^T
        assertClose(new double[] {-1, -3}, vg.grad().b(), TOL);
        assertClose(new double[] {-1, 1, -3, 3}, vg.grad().w(), TOL);
    }

    @Test
    void shouldReturnAuxiliaryOutputsUndifferentiated() {
        var r = Jax.valueAndGradWithAux((Array a) -> new Jax.WithAux<>(a.square().sum(), a.mul(10.0))).apply(f64(1, 2));
        assertEquals(5.0, r.value().doubleValue(), TOL);
        assertClose(new double[] {2, 4}, r.grad(), TOL);
        assertClose(new double[] {10, 20}, r.aux(), TOL);
    }

    @Test
    void shouldDifferentiateSeveralArgumentsByArgnums() {
        var g = Jax.grad((Array a, Array b) -> a.mul(b).sum(), 1).apply(f64(1, 2), f64(3, 4));
        assertEquals(1, g.size());
        assertClose(new double[] {1, 2}, (Array) g.head(), 0);
        Array ga = Jax.grad((Array a, Array b) -> a.mul(b).sum()).apply(f64(1, 2), f64(3, 4));
        assertClose(new double[] {3, 4}, ga, 0);
    }

    @Test
    void shouldUseCustomJvpRulesAtEveryOrder() {
        // softplus with the derivative sigmoid(x) given by hand
        UnaryOperator<Array> softplus = Jax.customJvp(a -> a.exp().log1p(),
                (a, t) -> new Jax.JvpResult<>(a.exp().log1p(), t.mul(a.sigmoid())));
        double x = 0.3, s = 1 / (1 + Math.exp(-x));
        Function<Array, Array> d1 = Jax.grad((Function<Array, Array>) softplus);
        assertClose(new double[] {s}, d1.apply(Jnp.scalar(x, DType.F64)), TOL);
        assertClose(new double[] {s * (1 - s)}, Jax.grad(d1).apply(Jnp.scalar(x, DType.F64)), TOL);
    }

    @Test
    void shouldUseCustomVjpRulesInReverseModeOnly() {
        // Gradient clipping: identity forward, clipped cotangent backward.
        UnaryOperator<Array> clipGrad = Jax.customVjp(a -> a, a -> new Jax.Residuals(a, Vector.empty()),
                (res, ct) -> Lax.clamp(Jnp.scalar(-1.0, DType.F64), ct, Jnp.scalar(1.0, DType.F64)));
        Array g = Jax.grad((Array a) -> clipGrad.apply(a).mul(5.0).sum()).apply(f64(1, 2));
        assertClose(new double[] {1, 1}, g, 0);
        assertThrows(NotDifferentiable.class, () -> Jax.jvp(clipGrad::apply, f64(1), f64(1)));
    }

    @Test
    void shouldRejectNonScalarOutputsNamingTheShapeAndLine() {
        NotDifferentiable e = assertThrows(NotDifferentiable.class, () -> Jax.grad((Array a) -> a.sin()).apply(f64(1, 2, 3)));
        assertTrue(e.getMessage().contains("requires a real scalar output"), e.getMessage());
        assertTrue(e.getMessage().contains("f64[3]"), e.getMessage());
        assertTrue(e.getMessage().contains("JaxGradTest.java"), e.getMessage());
    }

    @Test
    void shouldRejectIntegerInputs() {
        NotDifferentiable e = assertThrows(NotDifferentiable.class, () -> Jax.grad((Array a) -> a.sum().astype(DType.F32)).apply(Jnp.arange(3)));
        assertTrue(e.getMessage().contains("requires floating-point or complex inputs, got i32[3]"), e.getMessage());
    }

    @Test
    void shouldRejectBadArgnums() {
        ArgumentError e = assertThrows(ArgumentError.class, () -> Jax.grad((Array a, Array b) -> a.sum(), 2));
        assertTrue(e.getMessage().contains("argnums must be 0 or 1"), e.getMessage());
    }

    @Test
    void shouldAgreeBetweenForwardAndReverseJacobians() {
        UnaryOperator<Array> f = a -> a.sin().mul(a.sum());
        Array x = f64(0.1, -0.4, 0.9);
        Array jf = Jax.jacfwd(f).apply(x), jr = Jax.jacrev(f).apply(x);
        assertEquals("f64[3,3]", jf.aval().toString());
        double sum = 0.6;
        double[] want = new double[9];
        double[] xs = {0.1, -0.4, 0.9};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) want[i * 3 + j] = (i == j ? Math.cos(xs[i]) * sum : 0) + Math.sin(xs[i]);
        }
        assertClose(want, jf, TOL);
        assertClose(want, jr, TOL);
    }

    @Test
    void shouldPullBackThroughVjp() {
        var r = Jax.vjp((Array a) -> a.mul(a), f64(1, 2, 3));
        assertClose(new double[] {1, 4, 9}, r.primal(), 0);
        assertClose(new double[] {2, 0, 6}, r.pullback().apply(f64(1, 0, 1)), 0);
        var l = Jax.linearize((Array a) -> a.mul(a), f64(1, 2, 3));
        assertClose(new double[] {2, 4, 6}, l.jvp().apply(f64(1, 1, 1)), 0);
    }

    @Test
    void integerRemainderInsideAGradientIsAConstant() {
        // v * (int(v) % 2): the integer factor has no derivative, so the gradient is the factor itself.
        Function<Array, Array> f = v -> Lax.reduceSum(Lax.mul(v, Lax.convertElementType(
                Lax.rem(Lax.convertElementType(v, DType.I32), Jnp.full(v.shape(), 2L, DType.I32)), DType.F64)), 0);
        assertClose(new double[] {1, 0, 1}, Jax.grad(f).apply(f64(3, 4, 5)), 0);
    }
}
