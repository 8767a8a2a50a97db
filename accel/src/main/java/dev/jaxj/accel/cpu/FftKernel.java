package dev.jaxj.accel.cpu;

import dev.jaxj.accel.cpu.fft.FftEngine;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.Fft;
import dev.jaxj.ir.Primitive.FftType;
import dev.jaxj.ir.ShapedArray;

import java.util.stream.IntStream;

/**
 * The {@code fft} primitive on the {@link FftEngine}: the operand's interleaved complex (or real)
 * storage is transformed over its trailing {@code fftLengths.size()} axes in its own precision.
 */
final class FftKernel {
    private FftKernel() {}

    static HostData fft(Fft p, ShapedArray inAval, HostData x, ShapedArray out) {
        if (out.shape().size() == 0 || inAval.shape().size() == 0) return HostData.allocate(out.dtype(), out.shape().size());
        int r = inAval.rank(), k = p.fftLengths().size();
        int[] shape = IntStream.range(0, r).map(i -> inAval.shape().dim(i)).toArray();
        int[] axes = IntStream.range(r - k, r).toArray();
        int[] lengths = p.fftLengths().toJavaStream().mapToInt(Integer::intValue).toArray();
        boolean single = x.dtype() == DType.F32 || x.dtype() == DType.C64;
        Object y = switch (p.fftType()) {
            case FFT, IFFT -> {
                boolean inverse = p.fftType() == FftType.IFFT;
                yield single ? FftEngine.c2c(x.f32(), shape, axes, inverse) : FftEngine.c2c(x.f64(), shape, axes, inverse);
            }
            case RFFT -> single ? FftEngine.rfftn(x.f32(), shape, k) : FftEngine.rfftn(x.f64(), shape, k);
            case IRFFT -> single ? FftEngine.irfftn(x.f32(), shape, lengths) : FftEngine.irfftn(x.f64(), shape, lengths);
        };
        return HostData.ownStorage(out.dtype(), y);
    }
}
