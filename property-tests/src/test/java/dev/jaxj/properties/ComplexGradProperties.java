package dev.jaxj.properties;

import dev.jaxj.Jax;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.array.Array;
import dev.jaxj.autodiff.Tolerance;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import dev.jaxj.testing.Domain;
import dev.jaxj.testing.GradCheck;
import dev.jaxj.testing.JaxjArbitraries;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;

import static dev.jaxj.properties.ComplexCases.complex;

/**
 * The derivative laws of the rows of {@link ComplexCases} in c64 and c128, at random shapes
 * (scalars and zero-size included), against central differences in c128 (operands widened
 * exactly), with JAX's conventions:
 * <ul>
 *   <li>{@code jvp(f)(z; v)} is the real-linear directional derivative, checked along a random
 *       complex direction and along purely real and purely imaginary ones;</li>
 *   <li>reverse mode transposes forward mode for the real inner product {@code Re sum(a b)} (no
 *       conjugate): {@code Re <vjp(w), v> = Re <w, jvp(v)>};</li>
 *   <li>{@code grad} of a real-valued {@code g} is {@code dg/dx - i dg/dy} per element (the
 *       conjugate of the steepest-ascent direction; {@code grad(|z|^2) = 2 conj(z)});</li>
 *   <li>{@code gradHolomorphic} of a holomorphic {@code f} is {@code f'(z) = df/dx}.</li>
 * </ul>
 * Tolerances are JAX's for the complex dtypes ({@link Tolerance#of}).
 */
class ComplexGradProperties {
    private static final double EPS = 1e-4;

    @Provide
    Arbitrary<Shape> shapes() { return JaxjArbitraries.shapes(); }

    @Provide
    Arbitrary<DType> dtypes() { return JaxjArbitraries.dtypes(DType.C64, DType.C128); }

    /** The part types the complex primitive takes. */
    @Provide
    Arbitrary<DType> reals() { return JaxjArbitraries.floatDtypes(); }

    @Property(tries = 10)
    void jvpMatchesCentralDifferencesAlongRealAndImaginaryDirections(@ForAll("shapes") Shape s, @ForAll("dtypes") DType d, @ForAll long seed) {
        for (ComplexCases c : ComplexCases.all()) {
            Seq<Array> z = c.operands(s, d, seed);
            SplittableRandom rng = new SplittableRandom(seed);
            double tol = Tolerance.of(d).grad();
            for (double[] mix : new double[][] {{1, 1}, {1, 0}, {0, 1}}) {
                Seq<Array> v = z.map(a -> complex(a.shape(), d, normalParts(a.size(), mix[0], mix[1], rng)));
                var jvp = Jax.jvp(c.f(), z, v);
                assertClose(c, "primal of the jvp", jvp.primal().toComplexArray(), c.f().apply(z).toComplexArray(), Tolerance.of(d).value(), z, seed);
                assertClose(c, "jvp along " + (mix[0] == 0 ? "imaginary" : mix[1] == 0 ? "real" : "complex") + " directions",
                        jvp.tangent().toComplexArray(), centralDifferences(c.f(), z, v), tol, z, seed);
            }
        }
    }

    @Property(tries = 10)
    void vjpIsTheRealTransposeOfCentralDifferences(@ForAll("shapes") Shape s, @ForAll("dtypes") DType d, @ForAll long seed) {
        for (ComplexCases c : ComplexCases.all()) {
            Seq<Array> z = c.operands(s, d, seed);
            SplittableRandom rng = new SplittableRandom(seed);
            Seq<Array> v = z.map(a -> complex(a.shape(), d, normalParts(a.size(), 1, 1, rng)));
            var vjp = Jax.vjp(c.f(), z);
            Array w = cotangent(vjp.primal(), rng);
            Seq<Array> ct = vjp.pullback().apply(w);
            double got = 0;
            for (int k = 0; k < z.size(); k++) got += realInner(ct.get(k).toComplexArray(), v.get(k).toComplexArray());
            double want = realInner(w.toComplexArray(), centralDifferences(c.f(), z, v));
            assertClose(c, "Re <vjp(w), v> against Re <w, central differences along v>", new double[] {got}, new double[] {want},
                    Tolerance.of(d).grad(), z, seed);
        }
    }

    @Property(tries = 10)
    void gradOfARealFunctionIsItsPartialsConjugated(@ForAll("shapes") Shape s, @ForAll("dtypes") DType d, @ForAll long seed) {
        for (ComplexCases c : ComplexCases.all()) {
            Seq<Array> z = c.operands(s, d, seed);
            Array w = cotangent(c.f().apply(z), new SplittableRandom(seed));
            // g(z) = sum Re(w f(z)): real-valued, each element of f weighted by a random w.
            Function<Vector<Array>, Array> g = xs -> {
                Array y = Lax.mul(w, c.f().apply(xs));
                return Lax.reduceSum(y.dtype().isComplex() ? Lax.real(y) : y, Vector.range(0, y.ndim()));
            };
            Vector<Array> grads = Jax.grad(g).apply(Vector.ofAll(z));
            for (int k = 0; k < z.size(); k++) {
                // f is elementwise, so shifting every element of operand k at once gives each element's partial.
                double[] dx = alongOperand(c, z, k, 1, 0, w), dy = alongOperand(c, z, k, 0, 1, w);
                double[] want = new double[2 * dx.length];
                for (int i = 0; i < dx.length; i++) {
                    want[2 * i] = dx[i];
                    want[2 * i + 1] = -dy[i];
                }
                assertClose(c, "grad of sum Re(w f) with respect to operand " + k, grads.get(k).toComplexArray(), want, Tolerance.of(d).grad(), z, seed);
            }
        }
    }

    @Property(tries = 10)
    void gradHolomorphicIsTheComplexDerivative(@ForAll("shapes") Shape s, @ForAll("dtypes") DType d, @ForAll long seed) {
        for (ComplexCases c : ComplexCases.all().filter(ComplexCases::holomorphic)) {
            Seq<Array> z = c.operands(s, d, seed);
            for (int k = 0; k < z.size(); k++) {
                int at = k;
                Function<Array, Array> sum = x -> Lax.reduceSum(c.f().apply(z.update(at, x)), Vector.range(0, x.ndim()));
                Array got = Jax.gradHolomorphic(sum).apply(z.get(k));
                Seq<Array> unit = z.map(a -> Lax.full(a.shape(), 0, d)).update(k, Lax.full(z.get(k).shape(), 1, d));
                assertClose(c, "grad_holomorphic with respect to operand " + k, got.toComplexArray(), centralDifferences(c.f(), z, unit),
                        Tolerance.of(d).grad(), z, seed);
            }
        }
    }

    /** The complex primitive, {@code x + i y} of real operands, read through the real projection {@code Re + 2 Im}: both modes against central differences. */
    @Property(tries = 10)
    void complexOfTwoRealsMatchesCentralDifferences(@ForAll("shapes") Shape s, @ForAll("reals") DType d, @ForAll long seed) {
        Seq<Array> xy = Domain.REAL.arrays(new SplittableRandom(seed), Vector.of(s, s), d);
        GradCheck check = GradCheck.of("complex", xs -> {
            Array z = Lax.complex(xs.get(0), xs.get(1));
            return Lax.add(Lax.real(z), Lax.mul(Lax.imag(z), Lax.full(s, 2, xs.get(0).dtype())));
        });
        check.assertJvpMatchesCentralDifferences(xy, seed);
        check.assertVjpMatchesCentralDifferences(xy, seed);
        check.assertVjpIsTransposeOfJvp(xy, seed);
    }

    /** {@return per element, {@code (g_i(z + eps e) - g_i(z - eps e)) / 2 eps} for {@code e = re + i im} on every element of operand k}, {@code g_i = Re(w_i f_i)} */
    private static double[] alongOperand(ComplexCases c, Seq<Array> z, int k, double re, double im, Array w) {
        Seq<Array> e = z.map(a -> Lax.full(a.shape(), 0, a.dtype())).update(k, complex(z.get(k).shape(), z.get(k).dtype(), constantParts(z.get(k).size(), re, im)));
        double[] fd = centralDifferences(c.f(), z, e), ws = w.toComplexArray();
        double[] r = new double[fd.length / 2];
        for (int i = 0; i < r.length; i++) r[i] = ws[2 * i] * fd[2 * i] - ws[2 * i + 1] * fd[2 * i + 1];
        return r;
    }

    /** {@return interleaved parts of {@code f(z + eps v) - f(z - eps v)) / 2 eps}, evaluated in c128 (a real output's imaginary parts 0)} */
    static double[] centralDifferences(Function<Seq<Array>, Array> f, Seq<Array> z, Seq<Array> v) {
        double[] plus = f.apply(shifted(z, v, EPS)).toComplexArray(), minus = f.apply(shifted(z, v, -EPS)).toComplexArray();
        double[] d = new double[plus.length];
        for (int i = 0; i < d.length; i++) d[i] = (plus[i] - minus[i]) / (2 * EPS);
        return d;
    }

    private static Seq<Array> shifted(Seq<Array> z, Seq<Array> v, double step) {
        return Vector.range(0, z.size()).map(k -> {
            double[] a = z.get(k).toComplexArray(), dv = v.get(k).toComplexArray();
            for (int i = 0; i < a.length; i++) a[i] += step * dv[i];
            return complex(z.get(k).shape(), DType.C128, a);
        });
    }

    /** A random cotangent for {@code y}: complex for a complex output, real for a real one. */
    private static Array cotangent(Array y, SplittableRandom rng) {
        double[] parts = normalParts(y.size(), 1, y.dtype().isComplex() ? 1 : 0, rng);
        if (y.dtype().isComplex()) return complex(y.shape(), y.dtype(), parts);
        double[] re = new double[y.size()];
        for (int i = 0; i < re.length; i++) re[i] = parts[2 * i];
        return Lax.convertElementType(Array.fromHost(ShapedArray.of(DType.F64, y.shape()), HostData.own(re)), y.dtype());
    }

    /** Interleaved parts of {@code n} complex normals, real parts scaled by {@code re} and imaginary ones by {@code im}. */
    private static double[] normalParts(int n, double re, double im, SplittableRandom rng) {
        double[] p = new double[2 * n];
        for (int i = 0; i < n; i++) {
            p[2 * i] = re * rng.nextGaussian();
            p[2 * i + 1] = im * rng.nextGaussian();
        }
        return p;
    }

    private static double[] constantParts(int n, double re, double im) {
        double[] p = new double[2 * n];
        for (int i = 0; i < n; i++) {
            p[2 * i] = re;
            p[2 * i + 1] = im;
        }
        return p;
    }

    /** {@return {@code Re sum(a_i b_i)} over interleaved parts} (no conjugate: JAX's pairing of cotangents and tangents) */
    private static double realInner(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length / 2; i++) s += a[2 * i] * b[2 * i] - a[2 * i + 1] * b[2 * i + 1];
        return s;
    }

    /** Each part within {@code tol (1 + |want|)} of {@code want} (JAX's check_close, per real component). */
    private static void assertClose(ComplexCases c, String what, double[] got, double[] want, double tol, Seq<Array> z, long seed) {
        if (got.length != want.length) throw new AssertionError(c + ": " + what + " has " + got.length + " parts where " + want.length + " are expected");
        for (int i = 0; i < want.length; i++) {
            if (!(Math.abs(got[i] - want[i]) <= tol * (1 + Math.abs(want[i])))) {
                throw new AssertionError(String.format(Locale.ROOT, "%s: %s: %s part of element %d is %.9g, expected %.9g (tolerance %.1e)%n  arguments: %s; seed %d",
                        c, what, i % 2 == 0 ? "real" : "imaginary", i / 2, got[i], want[i], tol, z.map(Array::aval).mkString(", "), seed));
            }
        }
    }
}
