package dev.jaxj.properties;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;

import java.util.SplittableRandom;

/**
 * A random loop body for the control-flow laws: three {@link Program}s over values of one shape
 * and dtype, wired into a step with a two-leaf carry {@code (a, b)}, a two-leaf input
 * {@code (x1, x2)} and a two-leaf output:
 * {@code a' = tanh(pa(a, x1)); b' = tanh(pb(b, a)); y = (py(a', x2), b')}.
 * The carry goes through {@code tanh} so that it stays in [-1, 1], inside the [-2, 2] on which
 * each program was built and bounded: iterating a step then keeps the programs' guarantees
 * (moderate values and derivatives, so central differences stay a fair reference).
 *
 * @param pa    updates {@code a} from itself and {@code x1}
 * @param pb    updates {@code b} from itself and the old {@code a}
 * @param py    the per-step output from the new {@code a} and {@code x2}
 * @param shape the shape of every carry, input and output leaf
 * @param dtype their dtype
 */
record LoopBody(Program pa, Program pb, Program py, Shape shape, DType dtype) {
    /** {@return a body over {@code shape} and {@code dtype} whose programs have up to {@code depth} steps} */
    static LoopBody random(Shape shape, DType dtype, int depth, long seed) {
        var rng = new SplittableRandom(seed);
        Seq<OpCase> rows = shapePreserving(shape, dtype);
        return new LoopBody(Program.random(rows, shape, dtype, depth, rng.nextLong()), Program.random(rows, shape, dtype, depth, rng.nextLong()),
                Program.random(rows, shape, dtype, depth, rng.nextLong()), shape, dtype);
    }


    /** Rows that compose and give back the shape they take, so that every program maps {@code shape} to {@code shape}. */
    private static Seq<OpCase> shapePreserving(Shape shape, DType dtype) {
        return OpCases.all().filter(Program::composes).filter(r -> r.acceptsAsIs(shape)
                && r.f().apply(r.operands(shape, dtype, 0)).shape().equals(shape));
    }

    /** {@return the carry after one step} */
    Tuple2<Array, Array> next(Tuple2<Array, Array> c, Tuple2<Array, Array> x) {
        return Tuple.of(Lax.tanh(pa.f().apply(Vector.of(c._1, x._1))), Lax.tanh(pb.f().apply(Vector.of(c._2, c._1))));
    }

    /** {@return the step's output, given the carry after it} */
    Tuple2<Array, Array> out(Tuple2<Array, Array> next, Tuple2<Array, Array> x) {
        return Tuple.of(py.f().apply(Vector.of(next._1, x._2)), next._2);
    }

    /** {@return the new carry and the output}, as a {@code Lax.scan} body */
    Tuple2<Tuple2<Array, Array>, Tuple2<Array, Array>> step(Tuple2<Array, Array> c, Tuple2<Array, Array> x) {
        Tuple2<Array, Array> n = next(c, x);
        return Tuple.of(n, out(n, x));
    }

    @Override
    public String toString() {
        return "a' = tanh(" + pa + "(a, x1)); b' = tanh(" + pb + "(b, a)); y = (" + py + "(a', x2), b') over " + dtype.name().toLowerCase() + shape;
    }
}
