package dev.jaxj.dtypes;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.accel.host.Conversions;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.ShapedArray;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * f64 to f16 and bf16 rounds once, to nearest with ties to even: on the host
 * ({@link Conversions}, {@link HostData#setDouble}) and in programs ({@code astype} eagerly,
 * under jit, and from c128's real part). The reference finds the two neighbours of |v| among
 * all positive 16-bit patterns (exact in a double, found by bisection) and compares the
 * distances to them exactly as BigDecimals; the pattern of infinity stands for the next power of
 * two past the largest finite value, so that overflow rounds as IEEE 754 says.
 */
class NarrowingOnceTest {
    private static final int SAMPLES = 256;

    /** A 16-bit float format: its positive patterns run from 0 to infinity in increasing order. */
    private enum Half {
        F16(DType.F16, 0x7C00, 0x1p16, bits -> Float.float16ToFloat((short) bits)),
        BF16(DType.BF16, 0x7F80, 0x1p128, bits -> Float.intBitsToFloat(bits << 16));

        final DType dtype;
        final int infinity;
        final double pastLargest;
        final IntToDoubleFunction value;

        Half(DType dtype, int infinity, double pastLargest, IntToDoubleFunction value) {
            this.dtype = dtype;
            this.infinity = infinity;
            this.pastLargest = pastLargest;
            this.value = value;
        }

        double valueOf(int bits) { return bits == infinity ? pastLargest : value.applyAsDouble(bits); }

        /** {@return the correctly rounded 16 bits of {@code v}} */
        short round(double v) {
            if (Double.isNaN(v)) throw new IllegalArgumentException("NaN has no one rounding");
            int sign = Double.doubleToRawLongBits(v) < 0 ? 0x8000 : 0;
            double a = Math.abs(v);
            int lo = 0, hi = infinity;   // valueOf(lo) <= a, and a <= valueOf(hi) unless a is beyond
            if (a >= pastLargest) return (short) (sign | infinity);
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (valueOf(mid) <= a) lo = mid; else hi = mid;
            }
            BigDecimal x = new BigDecimal(a);
            int c = x.subtract(new BigDecimal(valueOf(lo))).compareTo(new BigDecimal(valueOf(hi)).subtract(x));
            int bits = c < 0 ? lo : c > 0 ? hi : (lo & 1) == 0 ? lo : hi;
            return (short) (sign | bits);
        }
    }

    @Test
    void shouldRoundTheStoredCaseUpAsNumpyDoes() {
        // 1 + 2^-11 + 2^-40 lies just above the f16 tie between 1 and 1 + 2^-10; f32 nearest is the tie itself.
        assertEquals(Float.floatToFloat16(1 + 0x1p-10f), Conversions.toF16(1 + 0x1p-11 + 0x1p-40));
        assertEquals(Float.floatToFloat16(1f), Conversions.toF16(1 + 0x1p-11));
        // bf16 alike: 1 + 2^-8 + 2^-30 is above the tie between 1 and 1 + 2^-7.
        assertEquals(Conversions.toBf16(1 + 0x1p-7f), Conversions.toBf16(1 + 0x1p-8 + 0x1p-30));
    }

    @Property(tries = 40)
    void shouldRoundOnceOnTheHost(@ForAll long seed) {
        for (Half h : Half.values()) {
            double[] v = samples(h, new Random(seed));
            for (double x : v) {
                short want = h.round(x);
                short got = h == Half.F16 ? Conversions.toF16(x) : Conversions.toBf16(x);
                assertEquals(want, got, () -> h + " of " + x + " (" + Double.toHexString(x) + ")");
                HostData b = HostData.allocate(h.dtype, 1);
                b.setDouble(0, x);
                assertEquals(want, ((short[]) b.array())[0], () -> "setDouble " + h + " of " + Double.toHexString(x));
            }
        }
    }

    @Property(tries = 4)
    void shouldRoundOnceInProgramsEagerAndJitted(@ForAll long seed) {
        for (Half h : Half.values()) {
            double[] v = samples(h, new Random(seed));
            HostData in = HostData.allocate(DType.F64, v.length), complex = HostData.allocate(DType.C128, v.length);
            for (int i = 0; i < v.length; i++) {
                in.setDouble(i, v[i]);
                complex.setComplex(i, v[i], 1);
            }
            Array x = Array.fromHost(ShapedArray.of(DType.F64, v.length), in);
            Array z = Array.fromHost(ShapedArray.of(DType.C128, v.length), complex);
            check(h, v, Jnp.astype(x, h.dtype), "eager");
            check(h, v, Jax.jit((Array a) -> Jnp.astype(a, h.dtype)).apply(x), "jit");
            check(h, v, Jnp.astype(z, h.dtype), "from c128");
        }
    }

    private static void check(Half h, double[] v, Array got, String how) {
        short[] bits = (short[]) got.toHost().array();
        for (int i = 0; i < v.length; i++) {
            int k = i;
            assertEquals(h.round(v[i]), bits[i], () -> how + " " + h + " of " + Double.toHexString(v[k]));
        }
    }

    /**
     * Doubles across the format's range (random sign, exponent and 52-bit fraction), and its
     * ties exactly, one f64 ulp above and one below, between random neighbouring values.
     */
    private static double[] samples(Half h, Random r) {
        double[] v = new double[SAMPLES];
        int lowExponent = h == Half.F16 ? -27 : -136, highExponent = h == Half.F16 ? 17 : 128;
        for (int i = 0; i < SAMPLES / 2; i++) {
            long fraction = r.nextLong() & ((1L << 52) - 1);
            long exponent = lowExponent + r.nextInt(highExponent - lowExponent + 1) + 1023;
            v[i] = Double.longBitsToDouble((r.nextBoolean() ? Long.MIN_VALUE : 0) | exponent << 52 | fraction);
        }
        for (int i = SAMPLES / 2; i + 2 < SAMPLES; i += 3) {
            int bits = r.nextInt(h.infinity);
            double tie = (h.valueOf(bits) + h.valueOf(bits + 1)) / 2;   // exact: the two differ in one bit of a double
            double signed = r.nextBoolean() ? -tie : tie;
            v[i] = signed;
            v[i + 1] = Math.nextUp(signed);
            v[i + 2] = Math.nextDown(signed);
        }
        return v;
    }
}
