package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;

import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/** Runs one primitive on the CPU backend the way eager dispatch does: shape rule first, then the kernel. */
final class KernelHarness {
    private KernelHarness() {}

    /** An operand: its aval and its data. */
    record Operand(ShapedArray aval, HostData data) {
        static Operand f32(Shape s, float... v) { return new Operand(ShapedArray.of(DType.F32, s), HostData.own(v)); }
        static Operand f64(Shape s, double... v) { return new Operand(ShapedArray.of(DType.F64, s), HostData.own(v)); }
        static Operand i32(Shape s, int... v) { return new Operand(ShapedArray.of(DType.I32, s), HostData.own(DType.I32, v)); }
        static Operand u32(Shape s, int... v) { return new Operand(ShapedArray.of(DType.U32, s), HostData.own(DType.U32, v)); }
        static Operand i64(Shape s, long... v) { return new Operand(ShapedArray.of(DType.I64, s), HostData.own(v)); }
        static Operand bool(Shape s, boolean... v) { return new Operand(ShapedArray.of(DType.BOOL, s), HostData.own(v)); }

        /** An operand of {@code dtype} whose element {@code i} is {@code values[i]} converted. */
        static Operand of(DType dtype, Shape s, double... values) {
            HostData b = HostData.allocate(dtype, values.length);
            for (int i = 0; i < values.length; i++) b.setDouble(i, values[i]);
            return new Operand(ShapedArray.of(dtype, s), b);
        }
    }

    /** A result: its aval (from the primitive's rule) and its data. */
    record Result(ShapedArray aval, HostData data) {}

    static Seq<Result> runAll(Primitive p, Operand... in) {
        Seq<ShapedArray> avals = Vector.of(in).map(Operand::aval);
        Seq<ShapedArray> outAvals = p.abstractEval(avals);
        Seq<HostData> outs = CpuKernels.execute(p, avals, Vector.of(in).map(Operand::data), outAvals);
        return outAvals.zipWith(outs, Result::new);
    }

    static Result run(Primitive p, Operand... in) {
        return runAll(p, in).head();
    }
}
