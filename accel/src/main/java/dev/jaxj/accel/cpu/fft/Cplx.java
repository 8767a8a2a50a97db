package dev.jaxj.accel.cpu.fft;

/**
 * An interleaved complex array ({@code re0, im0, re1, im1, ...}) of either precision, read and
 * written in double precision: the O(n) passes around the transforms (chirps, real-transform
 * folding, packing) are written once against it. With two subclasses every call site stays
 * bimorphic, which C2 inlines.
 */
abstract sealed class Cplx permits Cplx.F32, Cplx.F64 {
    /** {@return the real part of complex element {@code i}} */
    abstract double re(int i);

    /** {@return the imaginary part of complex element {@code i}} */
    abstract double im(int i);

    /** Stores complex element {@code i}, rounded to the array's precision. */
    abstract void set(int i, double re, double im);

    /** {@return raw element {@code i}}, for real arrays */
    abstract double get(int i);

    /** Stores raw element {@code i}, for real arrays. */
    abstract void put(int i, double v);

    static final class F32 extends Cplx {
        final float[] a;

        F32(float[] a) { this.a = a; }

        @Override double re(int i) { return a[2 * i]; }
        @Override double im(int i) { return a[2 * i + 1]; }
        @Override void set(int i, double re, double im) {
            a[2 * i] = (float) re;
            a[2 * i + 1] = (float) im;
        }
        @Override double get(int i) { return a[i]; }
        @Override void put(int i, double v) { a[i] = (float) v; }
    }

    static final class F64 extends Cplx {
        final double[] a;

        F64(double[] a) { this.a = a; }

        @Override double re(int i) { return a[2 * i]; }
        @Override double im(int i) { return a[2 * i + 1]; }
        @Override void set(int i, double re, double im) {
            a[2 * i] = re;
            a[2 * i + 1] = im;
        }
        @Override double get(int i) { return a[i]; }
        @Override void put(int i, double v) { a[i] = v; }
    }
}
