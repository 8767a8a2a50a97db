package dev.jaxj.accel.device.render;

import dev.jaxj.compiler.kernel.IndexMap;
import dev.jaxj.compiler.kernel.Node;
import dev.jaxj.compiler.kernel.Step;
import dev.jaxj.ir.DType;
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
import java.util.stream.Stream;

/**
 * Fused loops for the renderer's tests, built node by node: one loop per elementwise primitive
 * and accepted dtype (found by walking the sealed hierarchy, so a new primitive joins by
 * itself), and loops with broadcast and strided loads, several outputs, reductions of each
 * monoid and multi-pass (softmax-like) rows.
 */
public final class RenderCases {
    private RenderCases() {}

    /** A loop and a name for messages. */
    public record Case(String name, Step.FusedLoop loop) {
        @Override public String toString() { return name; }
    }

    // ---------------------------------------------------------------------------------------
    // Every elementwise primitive on every dtype it accepts
    // ---------------------------------------------------------------------------------------

    public static List<Case> elementwise(Shape domain) {
        List<Case> cases = new ArrayList<>();
        for (Class<?> leaf : leaves(Primitive.Elementwise.class)) {
            if (!reachesDevices(leaf)) continue;
            for (Primitive.Elementwise p : instances(leaf)) {
                for (Seq<ShapedArray> in : operandAvals(p, domain)) {
                    cases.add(new Case(p + " " + in.map(a -> a.dtype().shortName()).mkString(","), applyLoop(p, in, domain)));
                }
            }
        }
        return cases;
    }

    /** Complex numbers are lowered to real arithmetic before a device sees a program: their primitives never reach one. */
    static boolean reachesDevices(Class<?> leaf) {
        return !Primitive.ComplexUnary.class.isAssignableFrom(leaf) && leaf != Primitive.Complex.class;
    }

    static List<Class<?>> leaves(Class<?> sealed) {
        if (!sealed.isSealed()) return List.of(sealed);
        return Stream.of(sealed.getPermittedSubclasses()).flatMap(c -> leaves(c).stream()).toList();
    }

    static List<Primitive.Elementwise> instances(Class<?> leaf) {
        if (leaf == Round.class) return List.of(new Round(RoundingMethod.AWAY_FROM_ZERO), new Round(RoundingMethod.TO_NEAREST_EVEN));
        if (leaf == IntegerPow.class) return List.of(new IntegerPow(0), new IntegerPow(3), new IntegerPow(-2), new IntegerPow(13));
        if (leaf == ConvertElementType.class) return Stream.of(DType.computeTypes().toArray(DType[]::new)).<Primitive.Elementwise>map(d -> new ConvertElementType(d, false)).toList();
        if (leaf == BitcastConvertType.class) {
            return Stream.of(DType.computeTypes().toArray(DType[]::new)).filter(d -> !d.isBool()).<Primitive.Elementwise>map(BitcastConvertType::new).toList();
        }
        if (leaf.getRecordComponents().length != 0) throw new AssertionError(leaf + " has static params: give it instances here");
        try {
            return List.of((Primitive.Elementwise) leaf.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Every operand list the primitive's shape rule accepts, one per dtype (and selector kind). */
    static List<Seq<ShapedArray>> operandAvals(Primitive.Elementwise p, Shape domain) {
        List<Seq<ShapedArray>> r = new ArrayList<>();
        for (DType d : DType.computeTypes().toArray(DType[]::new)) {
            ShapedArray a = ShapedArray.of(d, domain);
            Seq<ShapedArray> in = switch (p) {
                case Unary _ -> Vector.of(a);
                case Binary _ -> Vector.of(a, a);
                case SelectN _ -> Vector.of(ShapedArray.of(DType.BOOL, domain), a, a);
                case Clamp _ -> Vector.of(a, a, a);
            };
            if (accepts(p, in)) r.add(in);
            if (p instanceof SelectN) r.add(Vector.of(ShapedArray.of(DType.I32, domain), a, a, a));
        }
        return r;
    }

    private static boolean accepts(Primitive p, Seq<ShapedArray> in) {
        try {
            p.abstractEval(in);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** {@code p} of dense loads of inputs {@code 0..n-1}, stored. */
    static Step.FusedLoop applyLoop(Primitive.Elementwise p, Seq<ShapedArray> in, Shape domain) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) nodes.add(new Node.Load(i, IndexMap.dense(domain), in.get(i)));
        ShapedArray out = p.abstractEval(in).head();
        nodes.add(new Node.Apply(p, Vector.range(0, in.size()), out));
        return new Step.FusedLoop("apply", vars(in), domain, 0, Vector.ofAll(nodes), Vector.of(new Step.Store(nodes.size() - 1, new Var(100, out))));
    }

    static Seq<Var> vars(Seq<ShapedArray> avals) {
        return Vector.range(0, avals.size()).map(i -> new Var(i, avals.get(i)));
    }

    /** Whether {@code loop} can be rendered only for a device with fp64: it has f64 values (every f32 function has a float rendering). */
    static boolean needsFp64(Step.FusedLoop loop) {
        for (Node n : loop.nodes()) if (n.aval().dtype() == DType.F64) return true;
        return false;
    }

    // ---------------------------------------------------------------------------------------
    // Loads, outputs, reductions
    // ---------------------------------------------------------------------------------------

    /**
     * {@code out0 = x[i,j,k] * bias[k] + t[k,j] - s} over [3,4,5]: a dense load, a broadcast row
     * (strides 0,0,1), a transposed read (strides 0,1,4), a scalar and a constant; also
     * {@code out1 = x * bias} (a second output, an intermediate value).
     */
    static Step.FusedLoop broadcastStridedMultiOutput(DType d) {
        Shape dom = Shape.of(3, 4, 5);
        ShapedArray v = ShapedArray.of(d, dom);
        Seq<ShapedArray> in = Vector.of(v, ShapedArray.of(d, 5), ShapedArray.of(d, 5, 4), ShapedArray.of(d));
        List<Node> n = new ArrayList<>();
        n.add(new Node.Load(0, IndexMap.dense(dom), v));                 // 0
        n.add(new Node.Load(1, IndexMap.of(0, 0, 1), v));                // 1
        n.add(new Node.Load(2, IndexMap.of(0, 1, 4), v));                // 2
        n.add(new Node.Load(3, IndexMap.of(0, 0, 0), v));                // 3
        n.add(new Node.Apply(new Mul(), Vector.of(0, 1), v));            // 4
        n.add(new Node.Apply(new Add(), Vector.of(4, 2), v));            // 5
        n.add(new Node.Apply(new Sub(), Vector.of(5, 3), v));            // 6
        n.add(new Node.Constant(new Lit(d.isFloating() ? 0.5 : (Object) 3L, ShapedArray.of(d)), v));   // 7
        n.add(new Node.Apply(new Mul(), Vector.of(6, 7), v));            // 8
        return new Step.FusedLoop("strided", vars(in), dom, 0, Vector.ofAll(n),
                Vector.of(new Step.Store(4, new Var(100, v)), new Step.Store(8, new Var(101, v))));
    }

    /**
     * The reduction {@code kind} of {@code x * 2} over the last axis of [rows, cols], stored, and
     * {@code x - red} stored at every point (a second sweep).
     */
    static Step.FusedLoop reduction(Primitive.Reduction kind, DType d, int rows, int cols) {
        Shape dom = Shape.of(rows, cols);
        ShapedArray v = ShapedArray.of(d, dom);
        List<Node> n = new ArrayList<>();
        n.add(new Node.Load(0, IndexMap.dense(dom), v));                 // 0
        n.add(new Node.Constant(new Lit(2.0, ShapedArray.of(d)), v));    // 1
        n.add(new Node.Apply(new Mul(), Vector.of(0, 1), v));            // 2
        n.add(new Node.Reduce(2, kind, v));                              // 3
        n.add(new Node.Apply(new Sub(), Vector.of(0, 3), v));            // 4
        return new Step.FusedLoop("reduce", vars(Vector.of(v)), dom, 1, Vector.ofAll(n),
                Vector.of(new Step.Store(3, new Var(100, ShapedArray.of(d, rows))), new Step.Store(4, new Var(101, v))));
    }

    /**
     * A softmax over the trailing two axes of [rows, a, b]: {@code e = exp(x - max x)},
     * {@code y = e / sum e}; three sweeps. Stores y, the max and the sum.
     */
    static Step.FusedLoop softmax(DType d, int rows, int a, int b) {
        Shape dom = Shape.of(rows, a, b);
        ShapedArray v = ShapedArray.of(d, dom);
        List<Node> n = new ArrayList<>();
        n.add(new Node.Load(0, IndexMap.dense(dom), v));                 // 0
        n.add(new Node.Reduce(0, new ReduceMax(Vector.of(1, 2)), v));    // 1
        n.add(new Node.Apply(new Sub(), Vector.of(0, 1), v));            // 2
        n.add(new Node.Apply(new Exp(), Vector.of(2), v));               // 3
        n.add(new Node.Reduce(3, new ReduceSum(Vector.of(1, 2)), v));    // 4
        n.add(new Node.Apply(new Div(), Vector.of(3, 4), v));            // 5
        ShapedArray row = ShapedArray.of(d, rows);
        return new Step.FusedLoop("softmax", vars(Vector.of(v)), dom, 2, Vector.ofAll(n),
                Vector.of(new Step.Store(1, new Var(100, row)), new Step.Store(4, new Var(101, row)), new Step.Store(5, new Var(102, v))));
    }

    public static List<Case> structural() {
        List<Case> cases = new ArrayList<>();
        for (DType d : DType.computeTypes().toArray(DType[]::new)) {
            if (d != DType.BOOL) cases.add(new Case("strided " + d, broadcastStridedMultiOutput(d)));
        }
        for (DType d : List.of(DType.F32, DType.F64)) {
            for (Primitive.Reduction k : List.<Primitive.Reduction>of(new ReduceSum(Vector.of(1)), new ReduceMax(Vector.of(1)), new ReduceMin(Vector.of(1)))) {
                for (int cols : new int[] {0, 1, 7, 63, 64, 200, 1000}) cases.add(new Case(k.name() + " " + d + " cols=" + cols, reduction(k, d, 5, cols)));
            }
            cases.add(new Case("softmax short " + d, softmax(d, 6, 3, 5)));
            cases.add(new Case("softmax long " + d, softmax(d, 4, 10, 77)));
        }
        return cases;
    }
}
