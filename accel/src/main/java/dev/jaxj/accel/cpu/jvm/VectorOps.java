package dev.jaxj.accel.cpu.jvm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vocabulary of generated loops: one tiny static method per vector operation. Generated
 * code calls these and C2 inlines them, so every {@code lanewise} sees a constant operator and
 * becomes machine code (the transcendentals become the JDK's vectorised math routines, a few
 * ulps from the correctly rounded value). Hidden classes defined in this package link
 * against it, and the tile interpreter uses the same operations. Public for those two only:
 * the module does not export this package.
 */
public final class VectorOps {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final FloatVector ZERO = FloatVector.zero(S);
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);
    private static final FloatVector MINUS_ONE = FloatVector.broadcast(S, -1f);
    private static final FloatVector INFINITY = FloatVector.broadcast(S, Float.POSITIVE_INFINITY);

    private VectorOps() {}

    /** {@return the number of lanes of every vector here} */
    static int lanes() { return S.length(); }

    // Memory ------------------------------------------------------------------------------------

    public static FloatVector load(float[] a, int i) { return FloatVector.fromArray(S, a, i); }

    /**
     * The lanes of {@code m} from {@code a[i…]}. A masked load whose vector runs past the end of
     * the array leaves the intrinsic for a lane-by-lane path that costs microseconds, so the
     * tail at the end of an array is copied out first.
     */
    public static FloatVector load(float[] a, int i, VectorMask<Float> m) {
        if (i + S.length() <= a.length) return FloatVector.fromArray(S, a, i, m);
        return FloatVector.fromArray(S, java.util.Arrays.copyOfRange(a, i, i + S.length()), 0);
    }

    public static FloatVector broadcast(float v) { return FloatVector.broadcast(S, v); }

    public static FloatVector broadcastElement(float[] a, int i) { return FloatVector.broadcast(S, a[i]); }

    public static void store(FloatVector v, float[] a, int i) { v.intoArray(a, i); }

    /** Stores the lanes of {@code m}, a prefix of the vector (see {@link #load(float[], int, VectorMask)} for the end of an array). */
    public static void store(FloatVector v, float[] a, int i, VectorMask<Float> m) {
        if (i + S.length() <= a.length) {
            v.intoArray(a, i, m);
            return;
        }
        float[] lanes = new float[S.length()];
        v.intoArray(lanes, 0);
        System.arraycopy(lanes, 0, a, i, m.trueCount());
    }

    /** The booleans {@code a[i…]} as a lane mask. */
    public static VectorMask<Float> loadMask(boolean[] a, int i) { return VectorMask.fromArray(S, a, i); }

    /** The booleans of the lanes of {@code m} (a prefix of the vector) from {@code a[i…]}; the other lanes are unset. */
    public static VectorMask<Float> loadMask(boolean[] a, int i, VectorMask<Float> m) {
        if (i + S.length() <= a.length) return VectorMask.fromArray(S, a, i).and(m);
        return VectorMask.fromArray(S, java.util.Arrays.copyOfRange(a, i, i + S.length()), 0).and(m);
    }

    public static VectorMask<Float> broadcastMask(boolean[] a, int i) { return S.maskAll(a[i]); }

    public static void storeMask(VectorMask<Float> v, boolean[] a, int i) { v.intoArray(a, i); }

    /** Stores the lanes of {@code m}, a prefix of the vector. */
    public static void storeMask(VectorMask<Float> v, boolean[] a, int i, VectorMask<Float> m) {
        System.arraycopy(v.toArray(), 0, a, i, m.trueCount());
    }

    /** {@return the lanes {@code i + k < n}}: the tail of a row */
    public static VectorMask<Float> tail(int i, int n) { return S.indexInRange(i, n); }

    // Unary -------------------------------------------------------------------------------------

    public static FloatVector neg(FloatVector v) { return v.neg(); }
    public static FloatVector abs(FloatVector v) { return v.abs(); }
    public static FloatVector exp(FloatVector v) { return v.lanewise(VectorOperators.EXP); }
    public static FloatVector log(FloatVector v) { return v.lanewise(VectorOperators.LOG); }
    public static FloatVector log1p(FloatVector v) { return v.lanewise(VectorOperators.LOG1P); }
    public static FloatVector expm1(FloatVector v) { return v.lanewise(VectorOperators.EXPM1); }
    public static FloatVector sqrt(FloatVector v) { return v.sqrt(); }
    public static FloatVector rsqrt(FloatVector v) { return ONE.div(v.sqrt()); }
    public static FloatVector cbrt(FloatVector v) { return v.lanewise(VectorOperators.CBRT); }
    public static FloatVector sin(FloatVector v) { return v.lanewise(VectorOperators.SIN); }
    public static FloatVector cos(FloatVector v) { return v.lanewise(VectorOperators.COS); }
    public static FloatVector tan(FloatVector v) { return v.lanewise(VectorOperators.TAN); }
    public static FloatVector asin(FloatVector v) { return v.lanewise(VectorOperators.ASIN); }
    public static FloatVector acos(FloatVector v) { return v.lanewise(VectorOperators.ACOS); }
    public static FloatVector atan(FloatVector v) { return v.lanewise(VectorOperators.ATAN); }
    public static FloatVector sinh(FloatVector v) { return v.lanewise(VectorOperators.SINH); }
    public static FloatVector cosh(FloatVector v) { return v.lanewise(VectorOperators.COSH); }
    public static FloatVector tanh(FloatVector v) { return v.lanewise(VectorOperators.TANH); }

    /**
     * logistic: {@code 1 / (1 + e)} for {@code x >= 0} and {@code e / (1 + e)} below, with
     * {@code e = exp(-|x|)}, which never overflows: {@code 1 / (1 + exp(-x))} alone gives 0
     * for {@code x < -88}, where the result is a subnormal, and the eager kernel gives it.
     */
    public static FloatVector logistic(FloatVector v) {
        FloatVector e = v.abs().neg().lanewise(VectorOperators.EXP);
        return ONE.blend(e, v.compare(VectorOperators.LT, ZERO)).div(e.add(ONE));
    }

    public static FloatVector square(FloatVector v) { return v.mul(v); }

    /** sign: ±1 for nonzero numbers; ±0 and NaN map to themselves */
    public static FloatVector sign(FloatVector v) {
        return v.blend(ONE, v.compare(VectorOperators.GT, ZERO)).blend(ONE.neg(), v.compare(VectorOperators.LT, ZERO));
    }

    /** bool → f32: 1 where set, else 0 */
    public static FloatVector fromMask(VectorMask<Float> m) { return ZERO.blend(ONE, m); }

    // Binary ------------------------------------------------------------------------------------

    public static FloatVector add(FloatVector a, FloatVector b) { return a.add(b); }
    public static FloatVector sub(FloatVector a, FloatVector b) { return a.sub(b); }
    public static FloatVector mul(FloatVector a, FloatVector b) { return a.mul(b); }
    public static FloatVector div(FloatVector a, FloatVector b) { return a.div(b); }
    public static FloatVector max(FloatVector a, FloatVector b) { return a.max(b); }
    public static FloatVector min(FloatVector a, FloatVector b) { return a.min(b); }
    /**
     * C's {@code pow}, as the eager kernels compute it: the vector {@code POW} follows
     * {@link Math#pow}, which gives NaN where C gives 1 (a base of 1 with any exponent, NaN
     * included, and a base of -1 with an infinite exponent).
     */
    public static FloatVector pow(FloatVector a, FloatVector b) {
        VectorMask<Float> one = a.compare(VectorOperators.EQ, ONE)
                .or(a.compare(VectorOperators.EQ, MINUS_ONE).and(b.abs().compare(VectorOperators.EQ, INFINITY)));
        return a.lanewise(VectorOperators.POW, b).blend(ONE, one);
    }
    public static FloatVector atan2(FloatVector a, FloatVector b) { return a.lanewise(VectorOperators.ATAN2, b); }

    /** clamp(lo, x, hi) = min(max(x, lo), hi) */
    public static FloatVector clamp(FloatVector lo, FloatVector x, FloatVector hi) { return x.max(lo).min(hi); }

    /** select_n(p, onFalse, onTrue) */
    public static FloatVector select(VectorMask<Float> p, FloatVector onFalse, FloatVector onTrue) { return onFalse.blend(onTrue, p); }

    // Comparisons and masks ---------------------------------------------------------------------

    public static VectorMask<Float> eq(FloatVector a, FloatVector b) { return a.compare(VectorOperators.EQ, b); }
    public static VectorMask<Float> ne(FloatVector a, FloatVector b) { return a.compare(VectorOperators.NE, b); }
    public static VectorMask<Float> lt(FloatVector a, FloatVector b) { return a.compare(VectorOperators.LT, b); }
    public static VectorMask<Float> le(FloatVector a, FloatVector b) { return a.compare(VectorOperators.LE, b); }
    public static VectorMask<Float> gt(FloatVector a, FloatVector b) { return a.compare(VectorOperators.GT, b); }
    public static VectorMask<Float> ge(FloatVector a, FloatVector b) { return a.compare(VectorOperators.GE, b); }
    public static VectorMask<Float> not(VectorMask<Float> m) { return m.not(); }
    public static VectorMask<Float> and(VectorMask<Float> a, VectorMask<Float> b) { return a.and(b); }
    public static VectorMask<Float> or(VectorMask<Float> a, VectorMask<Float> b) { return a.or(b); }
    public static VectorMask<Float> xor(VectorMask<Float> a, VectorMask<Float> b) { return a.eq(b).not(); }

    // Reductions: lanes accumulate in f32 over a block, blocks accumulate in double ------------

    public static FloatVector sumStep(FloatVector acc, FloatVector v) { return acc.add(v); }
    public static FloatVector sumStep(FloatVector acc, FloatVector v, VectorMask<Float> m) { return acc.add(v, m); }
    public static FloatVector maxStep(FloatVector acc, FloatVector v) { return acc.max(v); }
    public static FloatVector maxStep(FloatVector acc, FloatVector v, VectorMask<Float> m) { return acc.lanewise(VectorOperators.MAX, v, m); }
    public static FloatVector minStep(FloatVector acc, FloatVector v) { return acc.min(v); }
    public static FloatVector minStep(FloatVector acc, FloatVector v, VectorMask<Float> m) { return acc.lanewise(VectorOperators.MIN, v, m); }

    public static double sumFold(double acc, FloatVector v) { return acc + v.reduceLanes(VectorOperators.ADD); }

    /** max of the running value and the lanes; NaN anywhere wins, as in {@link Math#max} */
    public static double maxFold(double acc, FloatVector v) {
        if (Double.isNaN(acc) || v.test(VectorOperators.IS_NAN).anyTrue()) return Double.NaN;
        return Math.max(acc, v.reduceLanes(VectorOperators.MAX));
    }

    public static double minFold(double acc, FloatVector v) {
        if (Double.isNaN(acc) || v.test(VectorOperators.IS_NAN).anyTrue()) return Double.NaN;
        return Math.min(acc, v.reduceLanes(VectorOperators.MIN));
    }
}
