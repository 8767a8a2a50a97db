package dev.jaxj.properties;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.testing.Domain;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A random program: a straight-line composition of table rows over two inputs, each step
 * applying one row to earlier values whose shapes the row takes as they are. Built by running
 * the candidate steps on the sample inputs, so that only steps that fit (and keep values below
 * {@link #BOUND}, where f32 and central differences stay well-conditioned) are kept.
 *
 * @param steps  the steps in order; value {@code i} is input {@code i} for {@code i < 2}, else step {@code i - 2}'s output
 * @param inputs the sample inputs the program was built on
 * @param order  2 when every step's row is checked to second order
 */
record Program(Seq<Step> steps, Seq<Array> inputs, int order) {
    static final int INPUTS = 2;
    static final double BOUND = 4;

    /** One step: {@code row} applied to the values numbered {@code operands}. */
    record Step(OpCase row, Seq<Integer> operands) {
        @Override
        public String toString() { return row.name() + operands.map(i -> "v" + i).mkString("(", ", ", ")"); }
    }

    /** {@return the program as a function of its inputs} */
    Function<Seq<Array>, Array> f() {
        return in -> run(steps, in).last();
    }

    private static Seq<Array> run(Seq<Step> steps, Seq<Array> in) {
        Seq<Array> values = Vector.ofAll(in);
        for (Step s : steps) values = values.append(s.row().f().apply(s.operands().map(values::get)));
        return values;
    }

    /**
     * {@return a program of up to {@code depth} steps over two inputs of {@code shape} and {@code dtype}}
     * drawn from {@code rows} (those that compose: smooth everywhere, shape-preserving in what they take).
     */
    static Program random(Seq<OpCase> rows, Shape shape, DType dtype, int depth, long seed) {
        var rng = new SplittableRandom(seed);
        Seq<Array> inputs = Domain.REAL.arrays(rng, Vector.fill(INPUTS, shape), dtype);
        Seq<OpCase> pool = rows.filter(Program::composes);
        Seq<Step> steps = Vector.empty();
        Seq<Array> values = inputs;
        for (int attempt = 0; steps.size() < depth && attempt < 20 * depth; attempt++) {
            OpCase row = pool.get(rng.nextInt(pool.size()));
            // Mostly extend the latest value, so that steps compose rather than sit side by side.
            int first = rng.nextInt(4) == 0 ? rng.nextInt(values.size()) : values.size() - 1;
            // Later operands reuse the first value's shape: any earlier value of that shape, often the first itself.
            Seq<Array> live = values;
            Shape s = live.get(first).shape();
            if (!row.acceptsAsIs(s)) continue;
            Seq<Integer> sameShape = Vector.range(0, live.size()).filter(i -> live.get(i).shape().equals(s));
            Seq<Integer> operands = Vector.range(0, row.arity()).map(k -> k == 0 ? first : sameShape.get(rng.nextInt(sameShape.size())));
            Array out = row.f().apply(operands.map(live::get));
            if (out.dtype() != dtype || !bounded(out)) continue;
            steps = steps.append(new Step(row, operands));
            values = values.append(out);
        }
        int order = steps.forAll(st -> st.row().order() == 2) ? 2 : 1;
        return new Program(steps, inputs, order);
    }

    /**
     * Rows that compose: smooth and slowly growing on all reals ({@link Domain#REAL}), central
     * differences as reference, every float dtype. Fast-growing rows (exp, cubes, products) would
     * make the higher derivatives so large that the O(eps²) error of central differences exceeds
     * f64's tolerance.
     */
    static boolean composes(OpCase c) {
        return c.domain() == Domain.REAL && c.reference() == OpCase.Reference.CENTRAL_DIFFERENCES && c.dtypes().equals(OpCase.FLOATS);
    }

    private static boolean bounded(Array a) {
        for (double v : a.toDoubleArray()) if (!(Math.abs(v) <= BOUND)) return false;
        return true;
    }

    @Override
    public String toString() {
        var sb = new StringBuilder("{ v0, v1: " + inputs.head().aval() + " -> ");
        for (int i = 0; i < steps.size(); i++) sb.append("v").append(i + INPUTS).append(" = ").append(steps.get(i)).append("; ");
        return sb.append("v").append(steps.size() + INPUTS - 1).append(" }").toString();
    }
}
