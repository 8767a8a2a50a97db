package dev.jaxj.accel.cpu.jvm;

import jdk.incubator.vector.FloatVector;
import net.jqwik.api.*;

import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The vector operations that need special cases of their own, on every pair of special values
 * and on random floats, against double-precision references written out here: C's
 * {@code pow} and an overflow-free logistic.
 */
class VectorOpsTest {
    private static final float[] SPECIAL = {
        0f, -0f, 1f, -1f, 0.5f, -0.5f, 2f, -2f, 3f, -3f, 2.5f, -100f, 100f, 1e30f, -1e30f, 1e-30f, Float.MAX_VALUE, -Float.MAX_VALUE,
        Float.MIN_NORMAL, Float.MIN_VALUE, -Float.MIN_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN
    };

    /** C99's pow (Annex F): StrictMath's, except that a base of 1, and of -1 with an infinite exponent, give 1. */
    private static double cPow(double x, double y) {
        return x == 1 || (x == -1 && Double.isInfinite(y)) ? 1 : StrictMath.pow(x, y);
    }

    /** 1 / (1 + e^-x), as e^x / (1 + e^x) below zero, where e^-x would overflow */
    private static double logistic(double x) {
        return x >= 0 ? 1 / (1 + StrictMath.exp(-x)) : StrictMath.exp(x) / (1 + StrictMath.exp(x));
    }

    @Example
    void powFollowsCOnEveryPairOfSpecialValues() {
        int n = SPECIAL.length;
        float[] x = new float[n * n], y = new float[n * n];
        for (int i = 0; i < n * n; i++) {
            x[i] = SPECIAL[i / n];
            y[i] = SPECIAL[i % n];
        }
        assertWithin(1, x, y, VectorOps::pow, VectorOpsTest::cPow, "pow");
    }

    @Property(tries = 200)
    void powFollowsCOnRandomFloats(@ForAll float[] x, @ForAll float[] y) {
        int n = Math.min(x.length, y.length);
        assertWithin(1, java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n), VectorOps::pow, VectorOpsTest::cPow, "pow");
    }

    @Example
    void logisticKeepsSubnormalResultsAndSpecialValues() {
        float[] x = SPECIAL.clone();
        assertWithin(2, x, x, (a, b) -> VectorOps.logistic(a), (a, b) -> logistic(a), "logistic");
        float[] tail = new float[64];
        for (int i = 0; i < tail.length; i++) tail[i] = -80f - i * 0.5f;   // e^x underflows to subnormals and then to 0
        assertWithin(2, tail, tail, (a, b) -> VectorOps.logistic(a), (a, b) -> logistic(a), "logistic");
    }

    /** Lane by lane: NaN where the reference is NaN, the reference's sign, and at most {@code ulps} apart. */
    private static void assertWithin(int ulps, float[] x, float[] y, BinaryOperator<FloatVector> op, DoubleBinaryOperator reference, String name) {
        int lanes = VectorOps.lanes();
        for (int i = 0; i < x.length; i += lanes) {
            var m = VectorOps.tail(i, x.length);
            float[] got = op.apply(VectorOps.load(x, i, m), VectorOps.load(y, i, m)).toArray();
            for (int k = 0; k < m.trueCount(); k++) {
                float want = (float) reference.applyAsDouble(x[i + k], y[i + k]), g = got[k];
                String at = name + "(" + x[i + k] + ", " + y[i + k] + "): want " + want + ", got " + g;
                assertEquals(Float.isNaN(want), Float.isNaN(g), at);
                if (Float.isNaN(want)) continue;
                assertEquals(Float.floatToRawIntBits(want) < 0, Float.floatToRawIntBits(g) < 0, at + " (sign)");
                assertTrue(Math.abs((long) (Float.floatToRawIntBits(want) & 0x7FFF_FFFF) - (Float.floatToRawIntBits(g) & 0x7FFF_FFFF)) <= ulps, at);
            }
        }
    }
}
