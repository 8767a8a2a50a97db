package dev.jaxj.properties;

import dev.jaxj.Jax;
import dev.jaxj.array.Array;
import dev.jaxj.ir.CheckpointPolicy;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.lax.ScanOptions;
import dev.jaxj.properties.VmapCase.Draw;
import dev.jaxj.properties.VmapCase.Instance;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.Function;
import java.util.function.UnaryOperator;

import static dev.jaxj.properties.VmapCase.Operand.index;
import static dev.jaxj.properties.VmapCase.Operand.real;

/**
 * Rows of the vmap table for the control-flow primitives and the calls that carry programs.
 * The calls ({@code remat}, {@code custom_jvp_call}, {@code custom_vjp_call}) are staged only
 * inside a traced body, so their rows put them in a branch of a {@code cond}; a jitted function
 * called under {@code vmap} is a {@code pjit}.
 */
final class VmapControlFlowCases {
    private VmapControlFlowCases() {}

    /** x³ with a rule of its own, and sin with a straight-through VJP: each primitive's value is the function's. */
    private static final UnaryOperator<Array> CUBE = Jax.customJvp(x -> x.mul(x).mul(x), (x, t) -> new Jax.JvpResult<>(x.mul(x).mul(x), t.mul(x.mul(x)).mul(3.0)));
    private static final UnaryOperator<Array> SIN_STRAIGHT = Jax.customVjp(Lax::sin, x -> new Jax.Residuals(Lax.sin(x), Vector.empty()), (res, ct) -> ct);

    /** Called under vmap, a jitted function is staged as one pjit call. */
    private static final Function<Tuple2<Array, Array>, Array> JITTED = Jax.jit((Tuple2<Array, Array> p) -> Lax.tanh(p._1).mul(p._2));

    static Seq<VmapCase> all() {
        return Vector.of(
                new VmapCase("cond", VmapControlFlowCases::cond),
                new VmapCase("cond (predicate)", VmapControlFlowCases::predicate),
                new VmapCase("scan", d -> scan(d, false)),
                new VmapCase("scan (reverse)", d -> scan(d, true)),
                new VmapCase("while", VmapControlFlowCases::whileLoop),
                new VmapCase("while (bounded)", VmapControlFlowCases::boundedWhile),
                inBranch("remat", x -> Lax.checkpoint((Array v) -> Lax.sin(v).mul(v), CheckpointPolicy.NOTHING_SAVEABLE).apply(x)),
                inBranch("custom_jvp_call", CUBE),
                inBranch("custom_vjp_call", SIN_STRAIGHT),
                new VmapCase("pjit", d -> {
                    Shape s = d.shape();
                    return Instance.of(Vector.of(real(s), real(s)), xs -> JITTED.apply(Tuple.of(xs.get(0), xs.get(1))));
                }));
    }

    private static Instance cond(Draw d) {
        Shape s = d.shape();
        Seq<Function<Tuple2<Array, Array>, Array>> branches = Vector.of(
                p -> Lax.sin(p._1).add(p._2), p -> p._1.mul(p._2), p -> Lax.tanh(p._2));
        return Instance.of(Vector.of(index(-1, 4), real(s), real(s)), xs -> Lax.switchCase(xs.get(0), branches, Tuple.of(xs.get(1), xs.get(2))));
    }

    private static Instance predicate(Draw d) {
        Shape s = d.shape();
        return Instance.of(Vector.of(real(Shape.SCALAR), real(s)),
                xs -> Lax.cond(xs.get(0).gt(0.0), (Array v) -> Lax.exp(v), v -> v.neg(), xs.get(1)));
    }

    private static Instance scan(Draw d, boolean reverse) {
        Shape s = d.shape(0, 2, 0, 3);
        int length = d.between(0, 3);
        return new Instance(Vector.of(real(s.insert(0, length)), real(s), real(s)), xs -> {
            var r = Lax.scan((Array c, Array x) -> Tuple.of(Lax.tanh(c.mul(xs.get(2)).add(x)), c.mul(x)), xs.get(1), xs.get(0),
                    ScanOptions.DEFAULT.withReverse(reverse));
            return Vector.of(r.carry(), r.ys());
        });
    }

    /** Steps until a per-example count is reached: batched, the loop runs until no example continues. */
    private static Instance whileLoop(Draw d) {
        Shape s = d.shape();
        return new Instance(Vector.of(index(0, 4), real(s)), xs -> {
            Tuple2<Array, Array> r = Lax.whileLoop((Tuple2<Array, Array> c) -> c._1.lt(xs.get(0)),
                    c -> Tuple.of(c._1.add(1L), Lax.sin(c._2).add(0.5)), Tuple.of(xs.get(0).mul(0L), xs.get(1)));
            return Vector.of(r._1, r._2);
        });
    }

    private static Instance boundedWhile(Draw d) {
        Shape s = d.shape();
        int bound = d.between(0, 3);
        return Instance.of(Vector.of(real(s), real(Shape.SCALAR)),
                xs -> Lax.whileLoop((Array v) -> v.sum().lt(xs.get(1).add(2.0)), v -> v.mul(0.5).add(1.0), xs.get(0), bound));
    }

    private static VmapCase inBranch(String name, UnaryOperator<Array> f) {
        return new VmapCase(name, d -> {
            Shape s = d.shape();
            return Instance.of(Vector.of(index(0, 2), real(s)), xs -> Lax.switchCase(xs.get(0), Vector.<Function<Array, Array>>of(f, Lax::cos), xs.get(1)));
        });
    }
}
