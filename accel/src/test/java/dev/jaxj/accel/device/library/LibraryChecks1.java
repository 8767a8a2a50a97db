package dev.jaxj.accel.device.library;

import dev.jaxj.accel.cpu.CpuKernels;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.accel.device.Launch;
import dev.jaxj.accel.opencl.PoCl;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Test cases of the library's kernels, and their check against the CPU backend: the same
 * primitive on the same random operands, run by {@link CpuBackend} and, lowered, on the
 * first OpenCL device (PoCL).
 */
final class LibraryChecks1 {
    private LibraryChecks1() {}

    /** One primitive application; the result avals come from the primitive's shape rule. */
    record Case(Primitive p, Seq<ShapedArray> in, Seq<ShapedArray> out) {
        static Case of(Primitive p, ShapedArray... in) {
            Seq<ShapedArray> ins = Vector.of(in);
            return new Case(p, ins, p.abstractEval(ins));
        }

        @Override public String toString() { return p + " of " + in.mkString(", ") + " -> " + out.mkString(", "); }
    }

    /** {@return the kernels of every case's lowering, in order} */
    static List<KernelSource> kernels(List<Case> cases, Function<Case, DeviceCall> lower) {
        List<KernelSource> ks = new ArrayList<>();
        for (Case c : cases) for (Launch l : lower.apply(c).launches()) ks.add(l.kernel());
        return ks;
    }

    /** How random operands are drawn. */
    enum Draw {
        /** floats uniform in (-2, 2) with a NaN in ~1/50; integers over their whole range (sums and products wrap) */
        SPREAD,
        /** few distinct values (many ties), signed zeros and NaNs among floats; small integers */
        TIES,
        /** magnitudes in (0.5, 1.5) of random sign, so long products neither overflow nor vanish; integers in [-3, 3] */
        NEAR_ONE,
        /** like SPREAD without NaN */
        FINITE
    }

    static HostData random(ShapedArray a, Random rnd, Draw draw) {
        HostData b = HostData.allocate(a.dtype(), a.size());
        for (int i = 0; i < a.size(); i++) {
            switch (a.dtype()) {
                case F32, F64 -> b.setDouble(i, switch (draw) {
                    case SPREAD -> rnd.nextInt(50) == 0 ? Double.NaN : 4 * rnd.nextDouble() - 2;
                    case FINITE -> 4 * rnd.nextDouble() - 2;
                    case TIES -> switch (rnd.nextInt(12)) {
                        case 0 -> Double.NaN;
                        case 1 -> -0.0;
                        case 2 -> 0.0;
                        default -> rnd.nextInt(7) - 3;
                    };
                    case NEAR_ONE -> (rnd.nextBoolean() ? 1 : -1) * (0.5 + rnd.nextDouble());
                });
                case I32, U32, I64 -> b.setLong(i, switch (draw) {
                    case SPREAD, FINITE -> rnd.nextLong();
                    case TIES -> rnd.nextInt(5) - 2;
                    case NEAR_ONE -> rnd.nextInt(7) - 3;
                });
                case BOOL -> b.setLong(i, rnd.nextInt(3) == 0 ? 1 : 0);
            }
        }
        return b;
    }

    /** {@return {@code |x|} elementwise, for error bounds (integers pass through)} */
    static HostData abs(HostData x) {
        if (!x.dtype().isFloating()) return x;
        HostData r = HostData.allocate(x.dtype(), x.size());
        for (int i = 0; i < x.size(); i++) r.setDouble(i, Math.abs(x.getDouble(i)));
        return r;
    }

    /** {@return result 0 of {@code p} on {@code operands}, by the CPU backend} */
    static HostData cpu(Primitive p, Seq<ShapedArray> in, List<HostData> operands, Seq<ShapedArray> out) {
        return CpuKernels.execute(p, in, Vector.ofAll(operands), out).head();
    }

    /** {@return result 0 of {@code call} on {@code operands}, on the OpenCL device} */
    static HostData device(DeviceCall call, List<HostData> operands, Seq<ShapedArray> out) {
        return PoCl.run(call, operands, out.toJavaList()).getFirst();
    }

    /**
     * Asserts that {@code actual} equals {@code expected} element by element: integers and
     * bools exactly; floats NaN where expected is NaN, and otherwise within
     * {@code factor * scale[i]} plus one ulp of the expected value (the final rounding), or
     * bit for bit (signed zeros too) when {@code scale} is null.
     */
    static void assertMatches(String what, HostData expected, HostData actual, HostData scale, double factor) {
        if (expected.size() != actual.size() || expected.dtype() != actual.dtype()) {
            fail(what + ": expected " + expected.dtype() + "[" + expected.size() + "], got " + actual.dtype() + "[" + actual.size() + "]");
        }
        boolean f32 = expected.dtype() == DType.F32;
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.dtype().isFloating()) {
                if (expected.getLong(i) != actual.getLong(i)) {
                    fail(what + ": element " + i + ": expected " + expected.getLong(i) + ", got " + actual.getLong(i));
                }
                continue;
            }
            double e = expected.getDouble(i), a = actual.getDouble(i);
            boolean ok;
            if (Double.isNaN(e) || Double.isNaN(a)) ok = Double.isNaN(e) && Double.isNaN(a);
            else if (scale == null) ok = Double.doubleToLongBits(e) == Double.doubleToLongBits(a);
            else ok = e == a || Math.abs(e - a) <= factor * scale.getDouble(i) + (f32 ? Math.ulp((float) e) : Math.ulp(e));
            if (!ok) {
                fail(what + ": element " + i + ": expected " + e + ", got " + a + (scale == null ? " (exact)" : " (bound " + factor + " x " + scale.getDouble(i) + ")"));
            }
        }
    }
}
