package dev.jaxj.accel.device.library;

import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.accel.device.Launch;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Test cases of the library's kernels: a primitive with its operand avals, and what it lowers to. */
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
}
