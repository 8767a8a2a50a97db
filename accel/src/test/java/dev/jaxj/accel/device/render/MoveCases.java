package dev.jaxj.accel.device.render;

import dev.jaxj.compiler.kernel.Fusion;
import dev.jaxj.compiler.kernel.KernelProgram;
import dev.jaxj.compiler.kernel.Step;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Lit;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.ArrayList;
import java.util.List;

/**
 * Programs of the data movement that fusion lowers to loop reads, for every dtype: each of
 * broadcast_in_dim, transpose, rev, slice, concatenate, pad and iota alone (empty axes, crops,
 * interior padding, size-1 axes, scalars), chains of them composed into one read, and moves
 * read in place by a fused select.
 */
public final class MoveCases {
    private MoveCases() {}

    /** A program and a name for messages. */
    public record Program(String name, Jaxpr jaxpr) {
        public KernelProgram lowered() { return Fusion.lower(jaxpr); }

        /** {@return the lowered program's fused loops, named after the program} */
        public List<RenderCases.Case> loops() {
            List<RenderCases.Case> out = new ArrayList<>();
            for (Step s : lowered().steps()) if (s instanceof Step.FusedLoop f) out.add(new RenderCases.Case(name + " " + f.name(), f));
            return out;
        }

        @Override public String toString() { return name; }
    }

    public static List<Program> programs() {
        List<Program> out = new ArrayList<>();
        for (DType t : DType.computeTypes().toArray(DType[]::new)) {
            String n = " " + t.shortName();
            out.add(one("broadcast a row" + n, new BroadcastInDim(Shape.of(2, 3), Vector.of(1)), aval(t, 3)));
            out.add(one("broadcast size-1 axes" + n, new BroadcastInDim(Shape.of(4, 2, 3), Vector.of(1, 2)), aval(t, 1, 3)));
            out.add(one("broadcast a column" + n, new BroadcastInDim(Shape.of(3, 5), Vector.of(0)), aval(t, 3)));
            out.add(one("broadcast a scalar" + n, new BroadcastInDim(Shape.of(2, 2), Vector.empty()), aval(t)));
            out.add(one("broadcast into an empty axis" + n, new BroadcastInDim(Shape.of(0, 3), Vector.of(1)), aval(t, 3)));
            out.add(one("transpose 3-d" + n, new Transpose(Vector.of(2, 0, 1)), aval(t, 2, 3, 4)));
            out.add(one("transpose 4-d" + n, new Transpose(Vector.of(1, 3, 0, 2)), aval(t, 2, 3, 1, 5)));
            out.add(one("transpose empty" + n, new Transpose(Vector.of(1, 0)), aval(t, 0, 3)));
            out.add(one("rev both axes" + n, new Rev(Vector.of(0, 1)), aval(t, 3, 4)));
            out.add(one("rev inner axis" + n, new Rev(Vector.of(2)), aval(t, 2, 3, 5)));
            out.add(one("rev an empty axis" + n, new Rev(Vector.of(0, 1)), aval(t, 0, 4)));
            out.add(one("strided slice" + n, new Slice(Vector.of(1, 0), Vector.of(5, 6), Vector.of(2, 3)), aval(t, 5, 6)));
            out.add(one("slice of rows" + n, new Slice(Vector.of(1, 0), Vector.of(3, 4), Vector.of(1, 1)), aval(t, 4, 4)));
            out.add(one("slice of columns" + n, new Slice(Vector.of(0, 1), Vector.of(4, 3), Vector.of(1, 1)), aval(t, 4, 4)));
            out.add(one("empty slice" + n, new Slice(Vector.of(2, 0), Vector.of(2, 4), Vector.of(1, 1)), aval(t, 4, 4)));
            out.add(one("concatenate with an empty operand" + n, new Concatenate(1), aval(t, 2, 1), aval(t, 2, 0), aval(t, 2, 3)));
            out.add(one("concatenate axis 0" + n, new Concatenate(0), aval(t, 1, 3), aval(t, 2, 3)));
            out.add(pad("pad crop and interior" + n, t, new int[] {3, 4}, new PadConfig(-1, 2, 1), new PadConfig(2, -3, 0)));
            out.add(pad("pad interior 2" + n, t, new int[] {4}, new PadConfig(1, 1, 2)));
            out.add(pad("pad crop into the interior" + n, t, new int[] {3, 2}, new PadConfig(-2, -1, 2), new PadConfig(0, 0, 0)));
            out.add(pad("pad an empty axis" + n, t, new int[] {0, 2}, new PadConfig(1, 1, 3), new PadConfig(1, 0, 0)));
            out.add(pad("pad a scalar" + n, t, new int[] {}));
            out.add(new Program("pad with a literal" + n, Jaxpr.build(Vector.of(aval(t, 2, 3)), b ->
                    b.add(new Pad(Vector.of(new PadConfig(1, 0, 1), new PadConfig(0, 2, 0))), b.in(0), literal(t))).typecheck()));
            if (!t.isBool()) {
                out.add(new Program("iota axis 0" + n, Jaxpr.build(Vector.empty(), b -> b.add(new Iota(t, Shape.of(3, 4), 0))).typecheck()));
                out.add(new Program("iota inner axis" + n, Jaxpr.build(Vector.empty(), b -> b.add(new Iota(t, Shape.of(2, 3, 5), 2))).typecheck()));
            }
            out.add(new Program("transpose of a rev of a slice" + n, Jaxpr.build(Vector.of(aval(t, 5, 6)), b -> {
                Var s = b.add(new Slice(Vector.of(1, 1), Vector.of(5, 6), Vector.of(2, 2)), b.in(0)).head();
                return b.add(new Transpose(Vector.of(1, 0)), b.add(new Rev(Vector.of(0)), s).head());
            }).typecheck()));
            out.add(new Program("pad of a transpose" + n, Jaxpr.build(Vector.of(aval(t, 3, 2), aval(t)), b -> {
                Var x = b.add(new Transpose(Vector.of(1, 0)), b.in(0)).head();
                return b.add(new Pad(Vector.of(new PadConfig(1, -1, 1), new PadConfig(-1, 2, 0))), x, b.in(1));
            }).typecheck()));
            out.add(new Program("concatenate of a slice and a rev" + n, Jaxpr.build(Vector.of(aval(t, 4, 3), aval(t, 2, 2)), b -> {
                Var s = b.add(new Slice(Vector.of(0, 1), Vector.of(4, 3), Vector.of(2, 1)), b.in(0)).head();
                return b.add(new Concatenate(1), s, b.add(new Rev(Vector.of(1)), b.in(1)).head());
            }).typecheck()));
            out.add(new Program("select of a row slice and a rev" + n, Jaxpr.build(Vector.of(aval(DType.BOOL, 2, 6), aval(t, 4, 6)), b -> {
                Var s = b.add(new Slice(Vector.of(2, 0), Vector.of(4, 6), Vector.of(1, 1)), b.in(1)).head();
                Var r = b.add(new Slice(Vector.of(1, 0), Vector.of(3, 6), Vector.of(1, 1)), b.add(new Rev(Vector.of(0)), b.in(1)).head()).head();
                return b.add(new SelectN(), b.in(0), s, r);
            }).typecheck()));
            out.add(new Program("select of a transpose" + n, Jaxpr.build(Vector.of(aval(DType.BOOL, 3, 2), aval(t, 2, 3), aval(t, 3, 2)), b ->
                    b.add(new SelectN(), b.in(0), b.add(new Transpose(Vector.of(1, 0)), b.in(1)).head(), b.in(2))).typecheck()));
        }
        return out;
    }

    private static Program one(String name, Primitive p, ShapedArray... in) {
        return new Program(name, Jaxpr.build(Vector.of(in), b -> b.add(p, Vector.range(0, in.length).map(b::in).toJavaArray(Var[]::new))).typecheck());
    }

    private static Program pad(String name, DType t, int[] dims, PadConfig... config) {
        return one(name, new Pad(Vector.of(config)), aval(t, dims), aval(t));
    }

    private static ShapedArray aval(DType t, int... dims) { return ShapedArray.of(t, dims); }

    private static Lit literal(DType t) {
        Object v = t.isBool() ? (Object) Boolean.TRUE : t.isFloating() ? (Object) (-2.5) : (Object) 7L;
        return new Lit(v, ShapedArray.of(t));
    }

    /** {@return the avals of a program's inputs} */
    public static Seq<ShapedArray> inAvals(Program p) {
        return p.jaxpr().inVars().map(Var::aval);
    }
}
