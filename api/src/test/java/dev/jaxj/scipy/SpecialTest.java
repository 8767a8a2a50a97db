package dev.jaxj.scipy;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.ReferenceFile;
import dev.jaxj.array.Array;
import dev.jaxj.autodiff.GradChecks.Mode;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.collection.HashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Special} against SciPy: {@code special_reference.py} (beside {@code special_reference.txt})
 * writes the arguments and SciPy's float64 values. Tolerances are relative (absolute below 1)
 * and stated per function: a few ulp for functions that are one primitive or a short formula,
 * more where a series, a continued fraction or the exponential of a large exponent is involved.
 */
class SpecialTest {
    private static final ReferenceFile REF = ReferenceFile.load(SpecialTest.class, "special_reference.txt");

    /** A row: the reference name, the function of its arguments, the f64 tolerance. */
    record Row(String name, Function<Seq<Array>, Array> f, int arity, double tol) {}

    private static Row r1(String name, Function<Array, Array> f, double tol) { return new Row(name, a -> f.apply(a.get(0)), 1, tol); }

    private static Row r2(String name, java.util.function.BinaryOperator<Array> f, double tol) {
        return new Row(name, a -> f.apply(a.get(0), a.get(1)), 2, tol);
    }

    static final List<Row> ROWS = List.of(
            r2("xlogy", Special::xlogy, 1e-15),
            r2("xlog1py", Special::xlog1py, 1e-15),
            r1("entr", Special::entr, 1e-15),
            r2("kl_div", Special::klDiv, 1e-15),
            r2("rel_entr", Special::relEntr, 1e-15),
            r1("logit", Special::logit, 1e-15),
            r1("expit", Special::expit, 1e-15),
            r1("erf", Special::erf, 1e-15),
            r1("erfc", Special::erfc, 1e-15),
            r1("erfinv", Special::erfinv, 1e-15),
            // exp(x²) erfc(x) below 4 loses about x² ulp in exp; the continued fraction above it keeps a few ulp.
            r1("erfcx", Special::erfcx, 5e-15),
            r1("ndtr", Special::ndtr, 1e-15),
            r1("ndtri", Special::ndtri, 1e-14),
            r1("log_ndtr", Special::logNdtr, 1e-14),
            // exp(lgamma(x)) amplifies lgamma's few-ulp error by |lgamma(x)| (about 71 at x = 30).
            r1("gamma", Special::gamma, 1e-13),
            r1("gammaln", Special::gammaln, 1e-15),
            r1("gammasgn", Special::gammasgn, 0),
            r1("loggamma", Special::loggamma, 1e-15),
            r1("digamma", Special::digamma, 1e-15),
            r2("polygamma", Special::polygamma, 1e-13),
            r2("zeta", Special::zeta, 1e-13),
            r2("beta", Special::beta, 1e-13),
            // log Γ(a) + log Γ(b) - log Γ(a + b) cancels: at a = 100, b = 50 the terms are about 360 against a result near -100.
            r2("betaln", Special::betaln, 1e-13),
            r2("poch", Special::poch, 1e-13),
            r1("multigammaln", a -> Special.multigammaln(a, 3), 1e-15),
            r1("factorial", Special::factorial, 1e-13),
            r2("comb", Special::comb, 1e-13),
            r2("comb_repetition", (n, k) -> Special.comb(n, k, true), 1e-13),
            // exp(a log x - x - lgamma(a)) amplifies the exponent's rounding: a few ulp per unit of its terms (up to ~600 at a = 150).
            r2("gammainc", Special::gammainc, 1e-12),
            r2("gammaincc", Special::gammaincc, 1e-12),
            new Row("betainc", a -> Special.betainc(a.get(0), a.get(1), a.get(2)), 3, 1e-12),
            r1("i0e", Special::i0e, 1e-14),
            r1("i1e", Special::i1e, 1e-14),
            // exp(|x|) * i0e(x): exp's argument error is amplified by |x| (up to 45).
            r1("i0", Special::i0, 1e-13),
            r1("i1", Special::i1, 1e-13),
            r1("exp1", Special::exp1, 1e-14),
            // Ei has a zero at 0.3725; the value there is compared absolutely, the rest relatively.
            r1("expi", Special::expi, 1e-14),
            r2("expn", Special::expn, 1e-14),
            r1("si", x -> Special.sici(x).si(), 1e-14),
            r1("ci", x -> Special.sici(x).ci(), 1e-14),
            r1("fresnel_s", x -> Special.fresnel(x).s(), 1e-14),
            r1("fresnel_c", x -> Special.fresnel(x).c(), 1e-14),
            // The series after Kummer's transformation: x = 40 sums terms up to ~1e16 into ~1e16, a few ulp each.
            new Row("hyp1f1", a -> Special.hyp1f1(a.get(0), a.get(1), a.get(2)), 3, 1e-13),
            r1("spence", Special::spence, 1e-14));

    private static Seq<Array> args(Row row, DType d) {
        Vector<Array> a = Vector.empty();
        for (int i = 0; i < row.arity(); i++) {
            double[] v = REF.get(row.name() + "." + i);
            a = a.append(arr(d, Shape.of(v.length), v));
        }
        return a;
    }

    @Test
    void shouldMatchSciPyInF64() {
        for (Row row : ROWS) {
            double[] expected = REF.get(row.name());
            Array out = row.f().apply(args(row, DType.F64));
            try {
                assertNear(out, DType.F64, Shape.of(expected.length), row.tol(), expected);
            } catch (AssertionError e) {
                throw new AssertionError(row.name() + ": " + e.getMessage(), e);
            }
        }
    }

    @Test
    void shouldMatchSciPyInF32WhereTheArgumentsAndValuesAreRepresentable() {
        // f32 runs the same algorithms at f32's 6e-8 per rounding. Only elements whose arguments are
        // exact in f32 are compared (SciPy's value is for the f64 argument), and only values in f32's range.
        for (Row row : ROWS) {
            double[] expected = REF.get(row.name());
            Seq<Array> a = args(row, DType.F32);
            Array out = row.f().apply(a);
            assertEquals(DType.F32, out.dtype(), row.name());
            double[] got = out.toDoubleArray();
            for (int i = 0; i < expected.length; i++) {
                double e = expected[i];
                boolean representable = Double.isFinite(e) && Math.abs(e) < 1e30 && (e == 0 || Math.abs(e) > 1e-30);
                boolean exact = true;
                for (int k = 0; k < row.arity(); k++) exact &= a.get(k).toDoubleArray()[i] == REF.get(row.name() + "." + k)[i];
                if (representable && exact && Math.abs(got[i] - e) > 2e-4 * Math.max(1, Math.abs(e)))
                    throw new AssertionError(row.name() + " f32 element " + i + ": expected " + e + " but was " + got[i]);
            }
        }
    }

    @Test
    void shouldGiveBernoulliNumbersAsSciPy() {
        double[] e = REF.get("bernoulli");
        assertNear(Special.bernoulli(24, DType.F64), DType.F64, Shape.of(25), 1e-15, e);
        assertEquals(DType.F32, Special.bernoulli(3).dtype());
        assertError(ArgumentError.class, "bernoulli", () -> Special.bernoulli(-1));
        assertError(ArgumentError.class, "multigammaln", () -> Special.multigammaln(f64(2), 0), "f64[1]");
    }

    @Test
    void shouldPromoteAndBroadcastAsJax() {
        assertEquals(DType.F32, Special.xlogy(i32(1, 2), i32(3, 4)).dtype());
        assertEquals(DType.F64, Special.gammainc(Jnp.scalar(2.0, DType.F64), f32(1, 2)).dtype());
        assertEquals(Shape.of(2, 3), Special.betainc(f32(1, 2).reshape(2, 1), f32(2), f32(0.1, 0.5, 0.9)).shape());
        assertEquals(Shape.of(0), Special.zeta(f32(), f32()).shape());
    }

    private static void grads(Function<Seq<Array>, Array> f, Array... args) {
        Jax.checkGrads(a -> Jnp.sum(f.apply(a)), Vector.of(args), 1, HashSet.of(Mode.FWD, Mode.REV));
    }

    @Test
    void shouldHaveDerivativesMatchingCentralDifferences() {
        Array x = f64(-2.3, -0.7, 0.4, 1.9, 6.5);
        Array pos = f64(0.3, 0.9, 1.7, 4.2, 9.5);
        // Not too close to 0 or 1, where the third derivatives (2/x³) spoil differences with step 1e-4.
        Array unit = f64(0.1, 0.3, 0.5, 0.71, 0.9);
        grads(a -> Special.xlogy(a.get(0), a.get(1)), x, pos);
        grads(a -> Special.xlog1py(a.get(0), a.get(1)), x, pos);
        grads(a -> Special.entr(a.get(0)), pos);
        grads(a -> Special.klDiv(a.get(0), a.get(1)), unit, pos);
        grads(a -> Special.relEntr(a.get(0), a.get(1)), unit, pos);
        grads(a -> Special.logit(a.get(0)), unit);
        grads(a -> Special.erfcx(a.get(0)), f64(-1.5, 0.5, 3.95, 4.05, 12));
        grads(a -> Special.ndtri(a.get(0)), f64(0.05, 0.3, 0.5, 0.93));
        grads(a -> Special.logNdtr(a.get(0)), f64(-30, -3, -0.5, 2, 7));
        grads(a -> Special.gamma(a.get(0)), f64(-1.5, 0.6, 2.2, 5.1));
        grads(a -> Special.polygamma(Jnp.array(new double[] {1, 2, 0, 3}, DType.F64, 4), a.get(0)), f64(0.4, 1.5, 2.5, 7));
        grads(a -> Special.zeta(a.get(0), a.get(1)), f64(1.5, 2.5, 4, 9), f64(0.3, 1, 2.5, 0.8));
        grads(a -> Special.beta(a.get(0), a.get(1)), f64(0.5, 1.5, 3), f64(2, 0.7, 4));
        grads(a -> Special.poch(a.get(0), a.get(1)), f64(0.5, 1.5, 3), f64(2, 0.7, 4));
        grads(a -> Special.gammainc(a.get(0), a.get(1)), f64(0.7, 2.5, 2.5, 12), f64(0.4, 1.5, 6, 14));
        grads(a -> Special.gammaincc(a.get(0), a.get(1)), f64(0.7, 2.5, 2.5, 12), f64(0.4, 1.5, 6, 14));
        grads(a -> Special.betainc(a.get(0), a.get(1), a.get(2)), f64(0.7, 2.5, 4, 20), f64(1.3, 2, 0.8, 15), f64(0.2, 0.5, 0.9, 0.6));
        grads(a -> Special.i0e(a.get(0)), f64(-25, -3, 0.5, 8, 21));
        grads(a -> Special.i1e(a.get(0)), f64(-25, -3, 0.5, 8, 21));
        grads(a -> Special.i0(a.get(0)), f64(-3, 0.5, 8));
        grads(a -> Special.i1(a.get(0)), f64(-3, 0.5, 8));
        grads(a -> Special.exp1(a.get(0)), f64(0.2, 0.95, 1.05, 6));
        grads(a -> Special.expi(a.get(0)), f64(-3, 0.2, 2, 39, 45));
        grads(a -> Special.spence(a.get(0)), f64(0.1, 0.6, 1.2, 1.8, 5));
        grads(a -> Special.expn(Jnp.array(new double[] {0, 1, 3, 7}, DType.F64, 4), a.get(0)), f64(0.3, 0.9, 1.4, 6));
        grads(a -> Special.sici(a.get(0)).si(), f64(-3, 0.4, 1.9, 2.1, 12));
        grads(a -> Special.sici(a.get(0)).ci(), f64(-3, 0.4, 1.9, 2.1, 12));
        grads(a -> Special.fresnel(a.get(0)).s(), f64(-2.2, 0.4, 1.45, 1.55, 3.3));
        grads(a -> Special.hyp1f1(a.get(0), a.get(1), a.get(2)), f64(0.5, 2.5, 3), f64(1.5, 4, 1.2), f64(0.3, 6, -4));
        grads(a -> Special.fresnel(a.get(0)).c(), f64(-2.2, 0.4, 1.45, 1.55, 3.3));
    }

    @Test
    void shouldTakeJaxDerivativesAtTheEdges() {
        // xlogy's derivative in x is log y even where x = 0; i1e' is 1/2 at 0.
        Array g = Jax.grad((Array a) -> Jnp.sum(Special.xlogy(a, f64(2, 2)))).apply(f64(0, 1));
        assertArray(g, DType.F64, Shape.of(2), Math.log(2), Math.log(2));
        assertArray(Jax.grad((Array a) -> Jnp.sum(Special.i1e(a))).apply(f64(0)), DType.F64, Shape.of(1), 0.5);
        assertArray(Jax.grad((Array a) -> Jnp.sum(Special.spence(a))).apply(f64(1)), DType.F64, Shape.of(1), -1);
    }

    @Test
    void shouldAgreeUnderJitAndVmap() {
        for (Row row : ROWS) {
            Seq<Array> a = args(row, DType.F32);
            double[] eager = row.f().apply(a).toDoubleArray();
            Function<Seq<Array>, Array> f = row.f();
            double[] jitted = Jax.jit(f).apply(a).toDoubleArray();
            double[] mapped = Jax.vmap(f).apply(a).toDoubleArray();
            try {
                assertClose(jitted, eager, 1e-5);
                assertClose(mapped, eager, 1e-5);
            } catch (AssertionError e) {
                throw new AssertionError(row.name() + ": " + e.getMessage(), e);
            }
        }
    }
}
