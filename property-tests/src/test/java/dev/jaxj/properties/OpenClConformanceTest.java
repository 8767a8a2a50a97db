package dev.jaxj.properties;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.Random;
import dev.jaxj.accel.Device;
import dev.jaxj.array.Array;
import dev.jaxj.array.Take;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.ConvDimensionNumbers;
import dev.jaxj.ir.Primitive.Padding;
import dev.jaxj.ir.Primitive.WindowConfig;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.Tuple;
import io.vavr.collection.HashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static dev.jaxj.properties.OpenClDevice.assertClose;
import static dev.jaxj.properties.OpenClDevice.rtol;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenCL backend computes what the CPU backend computes, through the public API: every
 * row of the gradient table (elementwise, structural and reduction primitives) and the
 * primitives outside it (contractions, windows, sorting, scans, indexing, random bits, loops
 * and branches), eagerly and jitted on the device against eager on the CPU, and their
 * gradients jitted on the device. Each primitive's kernels are held to the CPU's on every dtype
 * by the accel module's device tests; this suite checks that programs use them correctly.
 */
class OpenClConformanceTest {
    static final Shape DRAWN = Shape.of(2, 3);

    /** A named function of float operands, run on both backends. */
    record Program(String name, Function<Seq<Array>, Array> f, Seq<Array> operands, boolean differentiable) {}

    /** Primitives outside the gradient table, each with operands that exercise it. */
    static Seq<Program> beyondTheTable() {
        Array m = Jnp.array(new float[][] {{1, -2, 3}, {0.5f, 4, -1}});
        Array v = Jnp.array(new float[] {3, -1, 2, 2, 0.5f, -7});
        Array img = Jnp.arange(2 * 3 * 5 * 5).reshape(2, 3, 5, 5).astype(DType.F32).mul(0.01).sin();
        Array kernel = Jnp.arange(4 * 3 * 3 * 3).reshape(4, 3, 3, 3).astype(DType.F32).mul(0.1).cos();
        return Vector.of(
                new Program("dot_general", in -> in.get(0).matmul(in.get(1).transpose()), Vector.of(m, m.mul(2.0)), true),
                new Program("batched dot_general", in -> Jnp.einsum("bij,bkj->bik", in.get(0), in.get(0)), Vector.of(Jnp.stack(m, m.neg())), true),
                new Program("conv_general_dilated", in -> Lax.convGeneralDilated(in.get(0), in.get(1), Vector.of(1, 2),
                        Vector.of(new Padding(1, 1), new Padding(0, 1)), Vector.of(1, 1), Vector.of(1, 1), ConvDimensionNumbers.channelsFirst(2), 1, 1),
                        Vector.of(img, kernel), true),
                new Program("reduce_window max", in -> Lax.reduceWindowMax(in.get(0), new WindowConfig(Vector.of(1, 1, 2, 2), Vector.of(1, 1, 2, 2),
                        Vector.fill(4, new Padding(0, 0)), Vector.fill(4, 1), Vector.fill(4, 1))), Vector.of(img), true),
                new Program("sort", in -> Jnp.sort(in.get(0)), Vector.of(v), true),
                new Program("argsort", in -> Jnp.argsort(in.get(0)), Vector.of(v), false),
                new Program("argmax", in -> Jnp.argmax(in.get(0), 1), Vector.of(m), false),
                new Program("cumsum", in -> Jnp.cumsum(in.get(0), 1), Vector.of(m), true),
                new Program("cumprod", in -> Jnp.cumprod(in.get(0)), Vector.of(v), true),
                new Program("take", in -> Take.take(in.get(0), Jnp.array(new int[] {5, 0, 0, 2})), Vector.of(v), true),
                new Program("scatter-add", in -> in.get(0).at(Jnp.array(new int[] {1, 1, 4})).add(Take.take(in.get(0), Jnp.array(new int[] {0, 1, 2}))), Vector.of(v), true),
                new Program("dynamic_slice", in -> Lax.dynamicSlice(in.get(0), Vector.of(Jnp.scalar(1, DType.I32)), Vector.of(3)), Vector.of(v), true),
                new Program("dynamic_update_slice", in -> Lax.dynamicUpdateSlice(in.get(0), Lax.dynamicSlice(in.get(0), Vector.of(Jnp.scalar(0, DType.I32)), Vector.of(2)).mul(3.0), Vector.of(Jnp.scalar(4, DType.I32))), Vector.of(v), true),
                new Program("iota and concatenate", in -> Jnp.concatenate(in.get(0), Jnp.arange(3).astype(DType.F32)), Vector.of(v), true),
                new Program("pad and rev", in -> Jnp.flip(Jnp.pad(in.get(0), 2), 0), Vector.of(v), true),
                new Program("threefry", in -> Random.normal(Random.key(7), 5).add(in.get(0).sum()), Vector.of(v), true),
                new Program("scan", in -> Lax.scan((Array c, Array x) -> Tuple.of(c.mul(x).tanh(), c.add(x)), in.get(0).get(0), in.get(0)).ys(), Vector.of(v), true),
                new Program("while", in -> Lax.whileLoop((Array x) -> x.sum().gt(-3.0), (Array x) -> x.sub(0.75).sin().sub(0.5), in.get(0), 20), Vector.of(v), true),
                new Program("unbounded while", in -> Lax.foriLoop(Jnp.scalar(0, DType.I32), Jnp.scalar(5, DType.I32), (i, x) -> x.mul(0.9).sin(), in.get(0)), Vector.of(v), false),
                new Program("integer and boolean ops", in -> {
                    Array k = in.get(0).mul(1000.0).astype(DType.I32), two = Jnp.fullLike(k, 2);
                    Array bits = Lax.and(Lax.shiftLeft(k, two), Lax.shiftRightArithmetic(k, two));
                    Array flags = Lax.and(Lax.not(Lax.ne(k, bits)), Lax.le(k, two)).astype(DType.I32)
                            .add(Lax.ge(k, bits).astype(DType.I32)).add(Lax.isFinite(in.get(0).div(in.get(0))).astype(DType.I32));
                    Array reductions = Lax.reduceAnd(Lax.gt(k, bits), Vector.of(0)).astype(DType.I32).add(Lax.reduceOr(Lax.lt(k, bits), Vector.of(0)).astype(DType.I32));
                    return bits.add(flags).add(reductions).add(Lax.argmin(in.get(0), 0, DType.I32));
                }, Vector.of(v), false),
                new Program("nextafter", in -> Lax.nextafter(in.get(0), in.get(0).neg()), Vector.of(v), false),
                new Program("cond", in -> Lax.cond(in.get(0).sum().gt(0.0), (Array x) -> x.exp(), (Array x) -> x.neg(), in.get(0)), Vector.of(v), true));
    }

    @Test
    void everyRowOfTheGradientTableAgreesWithTheCpu() {
        Device device = OpenClDevice.first();
        for (OpCase c : OpCases.all()) {
            for (DType d : c.dtypes()) {
                Seq<Array> x = c.operands(DRAWN, d, c.name().hashCode());
                check(new Program(c.name() + " " + d, c.f(), x, c.reference() == OpCase.Reference.CENTRAL_DIFFERENCES), device);
            }
        }
    }

    @Test
    void primitivesBeyondTheTableAgreeWithTheCpu() {
        Device device = OpenClDevice.first();
        for (Program p : beyondTheTable()) check(p, device);
    }

    /** Every primitive that reaches a backend appears in some program here (loops and branches with theirs). */
    @Test
    void theSuiteCoversEveryPrimitive() {
        Set<Class<?>> seen = HashSet.empty();
        for (OpCase c : OpCases.all()) seen = seen.addAll(primitives(Jax.makeJaxpr((Seq<Array> in) -> c.f().apply(in), c.operands(DRAWN, c.dtypes().head(), 1))));
        for (Program p : beyondTheTable()) seen = seen.addAll(primitives(Jax.makeJaxpr(p.f(), p.operands())));
        // Inlined before lowering or never executed: custom rules, remat and nested jit become their bodies; a staged linear map is only transposed.
        Set<Class<?>> neverRun = HashSet.of(Primitive.Remat.class, Primitive.CustomJvpCall.class, Primitive.CustomVjpCall.class,
                Primitive.Pjit.class, Primitive.CustomVjpLinear.class);
        // Cholesky, LU, triangular solves: CPU kernels only so far (the device arm raises BackendError).
        neverRun = neverRun.addAll(records(Primitive.Elimination.class));
        // Float formats (reduce_precision) and QR, symmetric eigendecomposition, SVD: CPU kernels only so far.
        Set<Class<?>> cpuOnly = HashSet.of(Primitive.ReducePrecision.class, Primitive.Qr.class, Primitive.Eigh.class, Primitive.Svd.class, Primitive.Eig.class);
        // Complex numbers and the FFT: CPU only so far (devices refuse complex and storage dtypes with a BackendError).
        cpuOnly = cpuOnly.addAll(HashSet.of(Primitive.Real.class, Primitive.Imag.class, Primitive.Conj.class, Primitive.Complex.class,
                Primitive.ViewAsReal.class, Primitive.ViewAsComplex.class, Primitive.Fft.class));
        Set<Class<?>> missing = records(Primitive.class).removeAll(neverRun).removeAll(cpuOnly).removeAll(seen);
        assertTrue(missing.isEmpty(), "primitives no conformance program runs: " + missing.map(Class::getSimpleName));
    }

    private static void check(Program p, Device device) {
        Seq<Array> here = p.operands();
        Seq<Array> there = Jax.devicePut(here, device);
        Array want = p.f().apply(here);
        double tol = rtol(want.dtype());
        // Eager operations are one-equation programs of the same kernels: f32 runs them (and the
        // placement of uncommitted operands); f64 rows, whose every eager step would be one more
        // program for PoCL to build, check the compiled program only.
        if (here.forAll(x -> x.dtype() != DType.F64)) {
            Array eager = p.f().apply(there);
            assertEquals(device, eager.device(), p.name() + " ran on " + eager.device());
            assertClose(p.name() + ", eager", want, eager, tol);
        }
        Array jitted = Jax.jit(p.f()).apply(there);
        assertEquals(device, jitted.device(), p.name() + " ran on " + jitted.device());
        assertClose(p.name() + ", jit", want, jitted, tol);
        if (p.differentiable() && want.dtype().isFloating()) {
            Function<Seq<Array>, Array> loss = in -> p.f().apply(in).sin().sum();
            Seq<Array> g = Jax.grad(loss).apply(here), gd = Jax.jit(Jax.grad(loss)).apply(there);
            for (int i = 0; i < g.size(); i++) {
                assertEquals(device, gd.get(i).device());
                assertClose(p.name() + ", jit(grad) operand " + i, g.get(i), gd.get(i), 10 * tol);
            }
        }
    }

    private static Set<Class<?>> primitives(Jaxpr j) {
        Set<Class<?>> s = HashSet.empty();
        for (Eqn e : j.eqns()) {
            s = s.add(e.prim().getClass());
            if (e.prim() instanceof Primitive.ControlFlow cf) for (Jaxpr inner : cf.jaxprs()) s = s.addAll(primitives(inner));
        }
        return s;
    }

    private static Set<Class<?>> records(Class<?> c) {
        if (c.isRecord()) return HashSet.of(c);
        return c.isSealed() ? HashSet.of(c.getPermittedSubclasses()).flatMap(OpenClConformanceTest::records) : HashSet.empty();
    }
}
