package dev.jaxj.properties.special;

import dev.jaxj.Jax;
import dev.jaxj.accel.cpu.CpuBackend;
import dev.jaxj.array.Array;
import dev.jaxj.errors.JaxjException;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import io.vavr.control.Try;
import net.jqwik.api.*;

import net.jqwik.api.constraints.IntRange;

import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every elementwise primitive, in every dtype it accepts, on the cartesian product of special
 * values (±0, ±1, ±inf, NaN, subnormals, the smallest normal, the largest finite value, 1e30,
 * integer extremes, shift amounts past the width): jitted code, both generated and
 * interpreted, alone and fused between other operations, agrees with eager execution, and
 * eager execution agrees with an independent {@link Reference}. Agreement is bit for bit
 * (every NaN equals every NaN; -0 differs from +0) unless a bound below says otherwise.
 */
class SpecialValuesProperties {
    private static final Vector<Case> CASES = Case.all();

    @Provide
    Arbitrary<Case> cases() { return Arbitraries.of(CASES.asJava()); }

    /**
     * The ulps by which the vectorised f32 loops (generated code and the tile interpreter share
     * {@code VectorOps}) may differ from the eager kernels, which round the double-precision
     * result once. Everything else is bit for bit.
     */
    static long jitUlps(Primitive.Elementwise p, DType d) {
        if (d != DType.F32) return 0;
        return switch (p) {
            // The Vector API's transcendentals (the JDK's vectorised math once C2 compiles them, Math's
            // functions per lane before) are within 1 ulp of the exact value; measured at 1 ulp from eager.
            case Exp _, Log _, Log1p _, Expm1 _, Cbrt _, Sin _, Cos _, Tan _, Asin _, Acos _, Atan _, Sinh _, Cosh _, Tanh _,
                 Atan2 _, Pow _ -> 1;
            // f32 1 / sqrt(x) rounds twice; eager rounds the double 1 / sqrt(x) once.
            case Rsqrt _ -> 1;
            // an f32 exp, then an f32 division
            case Logistic _ -> 2;
            case Neg _, Abs _, Sign _, IntegerPow _, Floor _, Ceil _, Round _, Exp2 _, Sqrt _, Asinh _, Acosh _, Atanh _,
                 Erf _, Erfc _, ErfInv _, Lgamma _, Digamma _, IsFinite _, Not _, ConvertElementType _, BitcastConvertType _,
                 Copy _, Add _, Sub _, Mul _, Div _, Rem _, Max _, Min _, Nextafter _, Bitwise _, Shift _, Comparison _,
                 SelectN _, Clamp _, ComplexUnary _, Complex _ -> 0;
        };
    }

    /** The ulps by which eager results may differ from the {@link Reference} (StrictMath in double, rounded once). */
    static long referenceUlps(Primitive.Elementwise p, DType d) {
        return switch (p) {
            // Math's functions and StrictMath's are each within 1 ulp of the exact value: 1 double ulp apart,
            // and their f32 roundings may straddle a rounding boundary.
            case Exp _, Exp2 _, Log _, Log1p _, Expm1 _, Cbrt _, Sin _, Cos _, Tan _, Asin _, Acos _, Atan _, Pow _ -> 1;
            // Math.sinh, cosh and tanh are specified within 2.5 ulps of the exact value and Math.atan2 within 2
            // (StrictMath's fdlibm within 1): f64 results may lie 3 ulps apart (tanh(0.5477027199323175) did: 2).
            case Sinh _, Cosh _, Tanh _, Atan2 _ -> d == DType.F64 ? 3 : 1;
            // e / (1 + e) with e = exp(x): the exponentials' 1-ulp difference passes through an addition and a
            // division, each rounded in double, so f64 results may lie 2 ulps apart (f32 rounds them once more).
            case Logistic _ -> d == DType.F64 ? 2 : 1;
            // Repeated squaring rounds at each product, the reference once (f64 only: f32 squares are exact in double).
            case IntegerPow(var y) -> d == DType.F64 || Math.abs(y) > 2 ? 1 : 0;
            case Neg _, Abs _, Sign _, Floor _, Ceil _, Round _, Sqrt _, Rsqrt _, Asinh _, Acosh _, Atanh _, Erf _, Erfc _,
                 ErfInv _, Lgamma _, Digamma _, IsFinite _, Not _, ConvertElementType _, BitcastConvertType _, Copy _,
                 Add _, Sub _, Mul _, Div _, Rem _, Max _, Min _, Nextafter _, Bitwise _, Shift _, Comparison _, SelectN _,
                 Clamp _, ComplexUnary _, Complex _ -> 0;
        };
    }

    @Property(tries = 5000, generation = GenerationMode.EXHAUSTIVE)
    void jitAgreesWithEagerOnSpecialValues(@ForAll("cases") Case c) { jitAgreesWithEager(c, c.columns()); }

    @Property(tries = 5000, generation = GenerationMode.EXHAUSTIVE)
    void eagerAgreesWithReferenceOnSpecialValues(@ForAll("cases") Case c) { eagerAgreesWithReference(c, c.columns()); }

    /** Random elements (random bits included) of random lengths: full vectors, tails, one element. */
    @Property(tries = 1500)
    void jitAgreesWithEagerOnRandomElements(@ForAll("cases") Case c, @ForAll @IntRange(min = 1, max = 300) int n, @ForAll long seed) {
        jitAgreesWithEager(c, c.randomColumns(n, new Random(seed)));
    }

    @Property(tries = 1500)
    void eagerAgreesWithReferenceOnRandomElements(@ForAll("cases") Case c, @ForAll @IntRange(min = 1, max = 300) int n, @ForAll long seed) {
        eagerAgreesWithReference(c, c.randomColumns(n, new Random(seed)));
    }

    /**
     * Scalar constants enter a jitted program as literals, which constant folding evaluates
     * while compiling (scalar arithmetic, or the kernels): folded results equal eager ones.
     */
    @Property(tries = 3000)
    void foldedConstantsAgreeWithEager(@ForAll("cases") Case c, @ForAll long seed) {
        long[][] product = c.columns();
        int i = new Random(seed).nextInt(product[0].length);
        long[][] cols = new long[product.length][];
        for (int k = 0; k < cols.length; k++) cols[k] = new long[] {product[k][i]};
        Vector<Array> args = arguments(c, cols, false).map(a -> Lax.reshape(a, Shape.SCALAR));
        Try<Array> eager = Try.of(() -> c.apply(args));
        Assume.that(eager.isSuccess());
        Array folded = Jax.jit((Vector<Array> none) -> c.apply(args)).apply(Vector.empty());
        DType out = eager.get().dtype();
        assertClose(c, "jit of constants", cols, Elements.elements(eager.get()), Elements.elements(folded), out,
                jitUlps(c.prim(), c.operands().last()));
    }

    /**
     * One operand a scalar constant (a literal: a constant node of the fused loop, seen by the
     * algebraic simplifier), the others arrays of special values.
     */
    @Property(tries = 3000)
    void jitWithAConstantOperandAgreesWithEager(@ForAll("cases") Case c, @ForAll long seed) {
        Random r = new Random(seed);
        long[][] cols = c.columns();
        int k = r.nextInt(cols.length);
        long[] specials = Elements.special(c.operands().get(k));
        long constant = specials[r.nextInt(specials.length)];
        java.util.Arrays.fill(cols[k], constant);
        Vector<Array> arrays = arguments(c, cols, false);
        Array scalar = Lax.reshape(Elements.array(new long[] {constant}, c.operands().get(k)), Shape.SCALAR);
        Try<Array> eager = Try.of(() -> c.apply(arrays));
        Assume.that(eager.isSuccess());
        Function<Vector<Array>, Array> withConstant = Jax.jit(in -> c.apply(Vector.ofAll(broadcast(in.update(k, scalar), cols[0].length))));
        Vector<Array> args = arrays.update(k, scalar);
        DType out = eager.get().dtype();
        long ulps = jitUlps(c.prim(), c.operands().last());
        assertClose(c, "jit, operand " + k + " constant", cols, Elements.elements(eager.get()), Elements.elements(withConstant.apply(args)), out, ulps);
        assertClose(c, "jit, operand " + k + " constant, interpreted", cols, Elements.elements(eager.get()),
                Elements.elements(CpuBackend.interpreting(() -> withConstant.apply(args))), out, ulps);
    }

    /** Scalars broadcast to {@code n} elements (select_n and clamp take scalar operands as they are). */
    private static Vector<Array> broadcast(Vector<Array> in, int n) {
        return in.map(a -> a.ndim() == 0 ? Lax.broadcastInDim(a, Shape.of(n), Vector.empty()) : a);
    }

    private static void jitAgreesWithEager(Case c, long[][] cols) {
        Vector<Array> args = arguments(c, cols, false), negated = arguments(c, cols, true);
        Try<Array> eager = Try.of(() -> c.apply(args));
        Function<Vector<Array>, Array> alone = Jax.jit(c::apply);
        Function<Vector<Array>, Array> fused = Jax.jit(c::applyBetweenNegations);
        Supplier<Array> generatedAlone = () -> alone.apply(args);
        Supplier<Array> generatedFused = () -> fused.apply(negated);
        if (eager.isFailure()) {
            // Rejected eagerly (a dtype the primitive does not take, a negative integer power): rejected under jit too.
            Class<? extends Throwable> error = eager.getCause().getClass();
            assertInstanceOf(JaxjException.class, eager.getCause(), c + ": eager failed with " + eager.getCause());
            assertThrows(error, generatedAlone::get, c + " under jit");
            return;
        }
        long[] want = Elements.elements(eager.get());
        DType out = eager.get().dtype();
        long ulps = jitUlps(c.prim(), c.operands().last());
        assertClose(c, "jit", cols, want, Elements.elements(generatedAlone.get()), out, ulps);
        assertClose(c, "jit, fused", cols, want, negatedBack(generatedFused.get()), out, ulps);
        assertClose(c, "jit, interpreted", cols, want, Elements.elements(CpuBackend.interpreting(generatedAlone)), out, ulps);
        assertClose(c, "jit, interpreted and fused", cols, want, negatedBack(CpuBackend.interpreting(generatedFused)), out, ulps);
    }

    private static void eagerAgreesWithReference(Case c, long[][] cols) {
        Try<Array> eager = Try.of(() -> c.apply(arguments(c, cols, false)));
        Assume.that(eager.isSuccess());
        DType in = c.operands().last(), out = eager.get().dtype();
        long[] got = Elements.elements(eager.get());
        long[] want = new long[got.length];
        for (int i = 0; i < got.length; i++) {
            long[] e = new long[cols.length];
            for (int k = 0; k < cols.length; k++) e[k] = cols[k][i];
            Option<Long> r = Reference.of(c.prim(), in, out, e);
            want[i] = r.getOrElse(got[i]);
        }
        // Eager operations run the same compiled code as jit (one-equation programs), so they may
        // lie as far from the reference as the reference's own error plus the generated code's.
        assertClose(c, "eager against the reference", cols, want, got, out, referenceUlps(c.prim(), in) + jitUlps(c.prim(), in));
    }

    @Example
    void everyElementwisePrimitiveRunsInSomeDType() {
        var covered = CASES.filter(c -> Try.of(() -> c.apply(arguments(c, c.columns(), false))).isSuccess())
                .map(c -> c.prim().getClass()).distinct();
        // The primitives that make or take complex numbers are StorageAndComplexTypesTest's.
        var expected = Case.records(Primitive.Elementwise.class).filter(c -> !Primitive.ComplexUnary.class.isAssignableFrom(c) && c != Primitive.Complex.class);
        assertEquals(expected.toSet(), covered.toSet(), "elementwise primitives without a case that runs");
    }

    private static Vector<Array> arguments(Case c, long[][] cols, boolean negated) {
        return c.operands().zipWithIndex().map(t -> {
            long[] v = cols[t._2];
            if (negated) {
                v = v.clone();
                for (int i = 0; i < v.length; i++) v[i] = Elements.negated(v[i], t._1);
            }
            return Elements.array(v, t._1);
        });
    }

    private static long[] negatedBack(Array a) {
        long[] v = Elements.elements(a);
        for (int i = 0; i < v.length; i++) v[i] = Elements.negated(v[i], a.dtype());
        return v;
    }

    private static void assertClose(Case c, String path, long[][] cols, long[] want, long[] got, DType out, long ulps) {
        assertEquals(want.length, got.length, c + ", " + path + ": length");
        StringBuilder bad = new StringBuilder();
        int count = 0;
        for (int i = 0; i < want.length; i++) {
            if (Elements.distance(want[i], got[i], out) <= ulps) continue;
            if (count++ < 8) {
                bad.append("\n  at ");
                for (int k = 0; k < cols.length; k++) bad.append(k == 0 ? "" : ", ").append(Elements.show(cols[k][i], c.operands().get(k)));
                bad.append(": want ").append(Elements.show(want[i], out)).append(", got ").append(Elements.show(got[i], out));
            }
        }
        if (count > 0) fail(c + ", " + path + ": " + count + " elements beyond " + ulps + " ulps" + bad);
    }
}
