package dev.jaxj.accel.opencl;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.device.KernelArg;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.accel.device.Launch;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DeviceCallRunnerTest {
    /** Writes each scalar argument kind to its own output, so each is checked bit for bit. */
    @Test
    void passesEveryScalarKindOfKernelArgByValue() {
        PoCl.assumeAvailable();
        KernelSource k = KernelSource.named("scalars", name -> """
                KERNEL void %s(int a, GLOBAL i32_t* RESTRICT oa, i64_t b, GLOBAL i64_t* RESTRICT ob,
                               float c, GLOBAL float* RESTRICT oc, double d, GLOBAL double* RESTRICT od) {
                    if (GID0 == 0) { oa[0] = a; ob[0] = b; oc[0] = c; od[0] = d; }
                }
                """.formatted(name), true);
        int a = -123_456_789;
        long b = Long.MIN_VALUE + 12_345;
        float c = Float.intBitsToFloat(0x7fc01234); // a NaN with a payload: the bits travel untouched
        double d = -Math.E;
        DeviceCall call = DeviceCall.of(4, Launch.of(k, 1,
                new KernelArg.I32(a), new KernelArg.Out(0), new KernelArg.I64(b), new KernelArg.Out(1),
                new KernelArg.F32(c), new KernelArg.Out(2), new KernelArg.F64(d), new KernelArg.Out(3)));
        List<HostData> out = PoCl.run(call, List.of(), List.of(
                ShapedArray.of(DType.I32, 1), ShapedArray.of(DType.I64, 1), ShapedArray.of(DType.F32, 1), ShapedArray.of(DType.F64, 1)));
        assertEquals(a, out.get(0).i32()[0]);
        assertEquals(b, out.get(1).i64()[0]);
        assertEquals(Float.floatToRawIntBits(c), Float.floatToRawIntBits(out.get(2).f32()[0]));
        assertEquals(d, out.get(3).f64()[0]);
    }

    /**
     * Two launches share a temporary, with an explicit work-group size: the first writes
     * {@code t = x * x} in work-groups of 4, the second {@code y = t[i] + t[n-1-i]}.
     */
    @Test
    void aTemporaryCarriesDataFromOneLaunchToTheNext() {
        PoCl.assumeAvailable();
        int n = 12;
        KernelSource square = KernelSource.named("square", name -> """
                KERNEL void %s(GLOBAL const float* RESTRICT x, GLOBAL float* RESTRICT t, int n) {
                    long i = GID0;
                    if (i < n) t[i] = x[i] * x[i];
                }
                """.formatted(name), false);
        KernelSource mirror = KernelSource.named("mirror", name -> """
                KERNEL void %s(GLOBAL const float* RESTRICT t, GLOBAL float* RESTRICT y, int n) {
                    long i = GID0;
                    if (i < n) y[i] = t[i] + t[n - 1 - i];
                }
                """.formatted(name), false);
        var call = new DeviceCall(Vector.of(
                new Launch(square, new long[] {n}, new long[] {4}, Vector.of(new KernelArg.In(0), new KernelArg.Temp(0), new KernelArg.I32(n))),
                Launch.of(mirror, n, new KernelArg.Temp(0), new KernelArg.Out(0), new KernelArg.I32(n))),
                Vector.of(4L * n), Vector.of(-1));
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = i - 4.5f;
        float[] y = PoCl.run(call, List.of(HostData.own(x.clone())), List.of(ShapedArray.of(DType.F32, n))).getFirst().f32();
        float[] want = new float[n];
        for (int i = 0; i < n; i++) want[i] = x[i] * x[i] + x[n - 1 - i] * x[n - 1 - i];
        assertArrayEquals(want, y);
    }

    /** A call without launches whose result is its operand's buffer comes back as the operand. */
    @Test
    void anAliasedResultIsItsOperandsBuffer() {
        PoCl.assumeAvailable();
        var call = new DeviceCall(Vector.empty(), Vector.empty(), Vector.of(0));
        long[] x = {5, -6, 1L << 50};
        long[] y = PoCl.run(call, List.of(HostData.own(x.clone())), List.of(ShapedArray.of(DType.I64, 3))).getFirst().i64();
        assertArrayEquals(x, y);
    }

    /** A launch over no work-items is skipped (OpenCL 1.2 rejects an empty range); the next launch still runs. */
    @Test
    void anEmptyLaunchIsSkipped() {
        PoCl.assumeAvailable();
        KernelSource fill = KernelSource.named("fill7", name -> """
                KERNEL void %s(GLOBAL i32_t* RESTRICT y, int n) {
                    long i = GID0;
                    if (i < n) y[i] = 7;
                }
                """.formatted(name), false);
        var call = DeviceCall.of(1, Launch.of(fill, 0, new KernelArg.Out(0), new KernelArg.I32(0)),
                Launch.of(fill, 3, new KernelArg.Out(0), new KernelArg.I32(3)));
        int[] y = PoCl.run(call, List.of(), List.of(ShapedArray.of(DType.I32, 3))).getFirst().i32();
        assertArrayEquals(new int[] {7, 7, 7}, y);
    }
}
