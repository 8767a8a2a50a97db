package dev.jaxj.accel.device.library;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.accel.device.Launch;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One primitive applied to concrete operands: what the device tests lower, compile and run,
 * and what the CPU backend computes as the reference.
 *
 * @param label  what the case exercises, for messages
 * @param inputs the operands, one per aval
 */
record LibraryCase(String label, Primitive p, Seq<ShapedArray> inAvals, Seq<HostData> inputs) {
    LibraryCase {
        inAvals = Vector.ofAll(inAvals);
        inputs = Vector.ofAll(inputs);
        if (inAvals.size() != inputs.size()) throw new IllegalArgumentException(label + ": " + inAvals.size() + " avals, " + inputs.size() + " operands");
    }

    Seq<ShapedArray> outAvals() { return p.abstractEval(inAvals); }

    /** {@return the device call of this case, from the family class that owns the primitive} */
    DeviceCall lower() {
        Seq<ShapedArray> out = outAvals();
        if (p instanceof Structural s) return StructuralKernels.lower(s, inAvals, out);
        if (p instanceof StopGradient s) return StructuralKernels.lower(s, inAvals, out);
        if (p instanceof Sort s) return SortKernels.lower(s, inAvals, out);
        if (p instanceof Threefry2x32 t) return ThreefryKernels.lower(t, inAvals, out);
        throw new IllegalArgumentException("no device kernels here for " + p);
    }

    @Override public String toString() { return label + " " + p + " " + inAvals.mkString(", "); }

    /** {@return every kernel the cases launch} */
    static List<KernelSource> kernelsOf(Iterable<LibraryCase> cases) {
        var out = new ArrayList<KernelSource>();
        for (LibraryCase c : cases) for (Launch l : c.lower().launches()) out.add(l.kernel());
        return out;
    }

    /** Compiles the kernels of {@code cases} as CUDA C in one unit and asserts that each is an entry of the PTX. */
    static void assertCompileAsCuda(List<LibraryCase> cases) {
        List<KernelSource> kernels = kernelsOf(cases);
        String ptx = dev.jaxj.accel.device.Nvcc.compile(kernels);
        org.junit.jupiter.api.Assertions.assertFalse(kernels.isEmpty(), "no kernels");
        for (KernelSource k : kernels) {
            org.junit.jupiter.api.Assertions.assertTrue(ptx.contains(".entry " + k.name() + "("), k.name() + " is an entry of the PTX");
        }
    }

    /** {@return the kernels' names, without their hashes} */
    static java.util.Set<String> prefixes(List<LibraryCase> cases) {
        var out = new java.util.TreeSet<String>();
        for (KernelSource k : kernelsOf(cases)) out.add(k.name().substring(0, k.name().lastIndexOf('_')));
        return out;
    }

    // ------------------------------------------------------------------------------------ operands

    static ShapedArray aval(DType t, int... dims) { return ShapedArray.of(t, dims); }

    /** Random elements: integers over their whole range, floats of varied magnitude and sign, or with specials (NaN, ±0, ±inf, repeats). */
    static HostData random(DType t, int n, Random r, boolean specials) {
        HostData b = HostData.allocate(t, n);
        for (int i = 0; i < n; i++) {
            switch (t) {
                case F32 -> b.f32()[i] = specials ? (float) special(r) : (float) (r.nextGaussian() * Math.pow(10, r.nextInt(7) - 3));
                case F64 -> b.f64()[i] = specials ? special(r) : r.nextGaussian() * Math.pow(10, r.nextInt(13) - 6);
                case I32, U32 -> b.i32()[i] = specials ? r.nextInt(7) - 3 : r.nextInt();
                case I64 -> b.i64()[i] = specials ? r.nextInt(7) - 3 : r.nextLong();
                case BOOL -> b.bool()[i] = r.nextBoolean();
            }
        }
        return b;
    }

    /** Few distinct values, so that sorts see ties; Java's NaN is the canonical quiet NaN on every device. */
    private static double special(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> Double.NaN;
            case 1 -> -0.0;
            case 2 -> 0.0;
            case 3 -> Double.POSITIVE_INFINITY;
            case 4 -> Double.NEGATIVE_INFINITY;
            default -> r.nextInt(9) - 4 + 0.5 * r.nextInt(2);
        };
    }

    /** {@return an integer scalar or array of {@code t} holding {@code values}} (u32 as their low 32 bits) */
    static HostData ints(DType t, long... values) {
        HostData b = HostData.allocate(t, values.length);
        for (int i = 0; i < values.length; i++) b.setLong(i, values[i]);
        return b;
    }

    static HostData u32(int... values) { return HostData.own(DType.U32, values.clone()); }
}
