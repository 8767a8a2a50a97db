package dev.jaxj.accel.cpu;

import dev.jaxj.accel.Backends;
import dev.jaxj.accel.Buffer;
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
    record Operand(ShapedArray aval, HostBuffer data) {
        static Operand f32(Shape s, float... v) { return new Operand(ShapedArray.of(DType.F32, s), HostBuffer.own(v)); }
        static Operand f64(Shape s, double... v) { return new Operand(ShapedArray.of(DType.F64, s), HostBuffer.own(v)); }
        static Operand i32(Shape s, int... v) { return new Operand(ShapedArray.of(DType.I32, s), HostBuffer.own(DType.I32, v)); }
        static Operand u32(Shape s, int... v) { return new Operand(ShapedArray.of(DType.U32, s), HostBuffer.own(DType.U32, v)); }
        static Operand i64(Shape s, long... v) { return new Operand(ShapedArray.of(DType.I64, s), HostBuffer.own(v)); }
        static Operand bool(Shape s, boolean... v) { return new Operand(ShapedArray.of(DType.BOOL, s), HostBuffer.own(v)); }

        /** An operand of {@code dtype} whose element {@code i} is {@code values[i]} converted. */
        static Operand of(DType dtype, Shape s, double... values) {
            HostBuffer b = HostBuffer.allocate(dtype, values.length);
            for (int i = 0; i < values.length; i++) b.setDouble(i, values[i]);
            return new Operand(ShapedArray.of(dtype, s), b);
        }
    }

    /** A result: its aval (from the primitive's rule) and its data. */
    record Result(ShapedArray aval, HostBuffer data) {}

    static Seq<Result> runAll(Primitive p, Operand... in) {
        Seq<ShapedArray> avals = Vector.of(in).map(Operand::aval);
        Seq<ShapedArray> outAvals = p.abstractEval(avals);
        Seq<Buffer> outs = Backends.cpu().execute(p, avals, Vector.of(in).map(Operand::data), outAvals);
        return outAvals.zipWith(outs, (a, b) -> new Result(a, b.toHost()));
    }

    static Result run(Primitive p, Operand... in) {
        return runAll(p, in).head();
    }
}
