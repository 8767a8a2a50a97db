package dev.jaxj.accel.opencl;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.device.Dialect;
import dev.jaxj.accel.device.KernelArg;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.accel.device.Launch;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.ShapedArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Every dtype reaches the device and comes back with the host's layout: a kernel combines
 * element {@code i} with element {@code n-1-i}, so a wrong element size or order shows.
 */
class RoundTripTest {
    private static final int N = 7;

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F32", "F64", "I32", "I64", "U32", "BOOL"})  // the types kernels compute in
    void aKernelReadsAndWritesEveryDtypeInTheHostLayout(DType dtype) {
        PoCl.assumeAvailable();
        // expression of a = x[i], b = x[n-1-i], in the dtype's C type
        String type = Dialect.cType(dtype);
        String expr = switch (dtype) {
            case F32, F64 -> "a - b";
            case I32, I64 -> "a * 3 - b";
            case U32 -> "a / 3u + b";          // unsigned division: wrong for values read as signed
            case BOOL -> "(bool_t) (a && !b)";
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(dtype);
        };
        KernelSource k = KernelSource.named("mix_" + dtype.shortName(), name -> """
                KERNEL void %s(GLOBAL const %s* RESTRICT x, GLOBAL %s* RESTRICT y, int n) {
                    long i = GID0;
                    if (i < n) { %s a = x[i]; %s b = x[n - 1 - i]; y[i] = %s; }
                }
                """.formatted(name, type, type, type, type, expr), dtype == DType.F64);
        DeviceCall call = DeviceCall.of(1, Launch.of(k, N, new KernelArg.In(0), new KernelArg.Out(0), new KernelArg.I32(N)));
        HostData in = input(dtype);
        HostData out = PoCl.run(call, List.of(in), List.of(ShapedArray.of(dtype, N))).getFirst();
        switch (dtype) {
            case F32 -> {
                float[] x = in.f32(), want = new float[N];
                for (int i = 0; i < N; i++) want[i] = x[i] - x[N - 1 - i];
                assertArrayEquals(want, out.f32());
            }
            case F64 -> {
                double[] x = in.f64(), want = new double[N];
                for (int i = 0; i < N; i++) want[i] = x[i] - x[N - 1 - i];
                assertArrayEquals(want, out.f64());
            }
            case I32 -> {
                int[] x = in.i32(), want = new int[N];
                for (int i = 0; i < N; i++) want[i] = x[i] * 3 - x[N - 1 - i];
                assertArrayEquals(want, out.i32());
            }
            case I64 -> {
                long[] x = in.i64(), want = new long[N];
                for (int i = 0; i < N; i++) want[i] = x[i] * 3 - x[N - 1 - i];
                assertArrayEquals(want, out.i64());
            }
            case U32 -> {
                int[] x = in.i32(), want = new int[N];
                for (int i = 0; i < N; i++) want[i] = Integer.divideUnsigned(x[i], 3) + x[N - 1 - i];
                assertArrayEquals(want, out.i32());
            }
            case BOOL -> {
                boolean[] x = in.bool(), want = new boolean[N];
                for (int i = 0; i < N; i++) want[i] = x[i] && !x[N - 1 - i];
                assertArrayEquals(want, out.bool());
            }
        }
    }

    /** Values that tell the dtype's width and sign apart: beyond 2^31 for i64, at or above 2^31 for u32. */
    private static HostData input(DType dtype) {
        return switch (dtype) {
            case F32 -> HostData.own(new float[] {1.5f, -2.25f, 1e30f, 0.1f, -0f, 3e-3f, 7f});
            case F64 -> HostData.own(new double[] {1.5, -2.25, 1e300, 0.1, -0.0, Math.PI, 7});
            case I32 -> HostData.own(DType.I32, new int[] {1, -2, 300_000_000, 4, -5, 6, Integer.MIN_VALUE / 4});
            case I64 -> HostData.own(new long[] {1L << 40, -2, 3_000_000_000_000L, 4, -5, 6, Long.MIN_VALUE / 4});
            case U32 -> HostData.own(DType.U32, new int[] {0x80000000, 0xFFFFFFFF, 3, 0x7FFFFFFF, 5, 0x9ABCDEF0, 7});
            case BOOL -> HostData.own(new boolean[] {true, false, true, true, false, false, true});
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(dtype);
        };
    }
}
