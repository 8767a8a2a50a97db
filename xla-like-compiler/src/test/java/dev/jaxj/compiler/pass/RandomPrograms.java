package dev.jaxj.compiler.pass;

import dev.jaxj.compiler.pass.ReferenceInterpreter.Val;
import dev.jaxj.ir.Atom;
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
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random f64 programs of add, sub, mul, neg, transpose, reshape, squeeze, expand_dims,
 * broadcast_in_dim, rev and reduce_sum, seeded with what the passes look for: identities
 * ({@code x + 0}, {@code x * 1} with literal or broadcast constants), transpose, reshape,
 * broadcast and rev chains, repeated equations, literal-only arithmetic and dead code.
 */
final class RandomPrograms {
    /** A program with values for its constants and inputs. */
    record Case(Jaxpr jaxpr, Seq<Val> consts, Seq<Val> args) {}

    private static final ShapedArray SCALAR = ShapedArray.of(DType.F64);

    private final Random rnd;
    private final List<Var> pool = new ArrayList<>();
    private final List<Primitive> prims = new ArrayList<>();
    private final List<Atom[]> operands = new ArrayList<>();
    private Jaxpr.Builder b;

    private RandomPrograms(long seed) {
        this.rnd = new Random(seed);
    }

    static Case generate(long seed, int steps) {
        return new RandomPrograms(seed).build(steps);
    }

    private Case build(int steps) {
        int inputs = 1 + rnd.nextInt(3);
        int consts = rnd.nextInt(inputs);
        List<ShapedArray> avals = new ArrayList<>();
        for (int i = 0; i < inputs; i++) avals.add(ShapedArray.of(DType.F64, randomShape(rnd.nextInt(4))));
        Jaxpr j = Jaxpr.build(Vector.ofAll(avals), builder -> {
            b = builder;
            for (int i = 0; i < inputs; i++) pool.add(b.in(i));
            for (int i = 0; i < steps; i++) step();
            List<Atom> outs = new ArrayList<>();
            int n = 1 + rnd.nextInt(3);
            for (int i = 0; i < n; i++) outs.add(rnd.nextInt(12) == 0 ? lit(rnd.nextInt(3)) : recent());
            return Vector.ofAll(outs);
        });
        Seq<Val> values = Vector.ofAll(avals).map(this::randomValue);
        return new Case(Programs.withConsts(j, consts), values.take(consts), values.drop(consts));
    }

    private void step() {
        Var x = recent();
        switch (rnd.nextInt(11)) {
            case 0 -> emit(new Primitive[] {new Add(), new Sub(), new Mul()}[rnd.nextInt(3)], x, partner(x));
            case 1 -> identity(x);
            case 2 -> {
                Var n = emit(new Neg(), x);
                if (rnd.nextBoolean()) emit(new Neg(), n);
            }
            case 3 -> {
                // Chains of two or three: composing them is the simplifier's work.
                Seq<Integer> perm = permutation(x.aval().rank());
                Var t = emit(new Transpose(perm), x);
                t = emit(new Transpose(rnd.nextBoolean() ? inverse(perm) : permutation(perm.size())), t);
                if (rnd.nextBoolean()) emit(new Transpose(permutation(perm.size())), t);
            }
            case 4 -> {
                Var r = emit(new Reshape(reshapeOf(x.aval().size())), x);
                if (rnd.nextBoolean()) emit(new Reshape(reshapeOf(x.aval().size())), r);
            }
            case 5 -> broadcast(x);
            case 6 -> {
                List<Integer> axes = new ArrayList<>();
                for (int a = 0; a < x.aval().rank(); a++) if (rnd.nextBoolean()) axes.add(a);
                emit(new ReduceSum(Vector.ofAll(axes)), x);
            }
            case 7 -> squeezeOrExpand(x);
            case 8 -> {
                List<Integer> axes = new ArrayList<>();
                for (int a = 0; a < x.aval().rank(); a++) if (rnd.nextBoolean()) axes.add(a);
                Var r = emit(new Rev(Vector.ofAll(axes)), x);
                if (rnd.nextBoolean()) emit(new Rev(Vector.ofAll(axes)), r);
            }
            case 9 -> repeat();
            default -> {
                // Arithmetic on literals alone, then used through a broadcast: constant folding's work.
                Var c = emit(new Primitive[] {new Add(), new Sub(), new Mul()}[rnd.nextInt(3)], lit(rnd.nextInt(3)), lit(rnd.nextInt(3)));
                emit(new Mul(), x, x.aval().rank() == 0 ? c : emit(new BroadcastInDim(x.aval().shape(), Vector.empty()), c));
            }
        }
    }

    /** x + 0, 0 + x, x - 0, x * 1 or 1 * x, with the constant a literal or a broadcast of one. */
    private void identity(Var x) {
        int kind = rnd.nextInt(5);
        Atom c = constant(x, kind >= 3 ? 1 : 0);
        switch (kind) {
            case 0 -> emit(new Add(), x, c);
            case 1 -> emit(new Add(), c, x);
            case 2 -> emit(new Sub(), x, c);
            case 3 -> emit(new Mul(), x, c);
            default -> emit(new Mul(), c, x);
        }
    }

    private Atom constant(Var x, double v) {
        if (x.aval().rank() == 0) return lit(v);
        Var scalar = emit(new BroadcastInDim(Shape.SCALAR, Vector.empty()), lit(v));
        return emit(new BroadcastInDim(x.aval().shape(), Vector.empty()), rnd.nextBoolean() ? lit(v) : scalar);
    }

    private Atom partner(Var x) {
        List<Var> same = pool.stream().filter(v -> v.aval().equals(x.aval())).toList();
        return switch (rnd.nextInt(3)) {
            case 0 -> x;
            case 1 -> same.get(rnd.nextInt(same.size()));
            default -> constant(x, rnd.nextInt(5) - 2);
        };
    }

    private void broadcast(Var x) {
        int rank = x.aval().rank();
        int extra = rnd.nextInt(Math.max(1, 4 - rank));
        List<Integer> dims = new ArrayList<>();
        List<Integer> out = new ArrayList<>();
        int placed = 0;
        for (int k = 0; k < rank + extra; k++) {
            boolean operandAxis = placed < rank && (rank - placed == rank + extra - k || rnd.nextBoolean());
            if (operandAxis) {
                int size = x.aval().shape().dim(placed);
                dims.add(k);
                out.add(size == 1 && rnd.nextBoolean() ? 2 : size);
                placed++;
            } else {
                out.add(1 + rnd.nextInt(3));
            }
        }
        Var bx = emit(new BroadcastInDim(Shape.of(out), Vector.ofAll(dims)), x);
        if (rnd.nextBoolean()) emit(new BroadcastInDim(Shape.of(out).insert(0, 2), Vector.range(1, out.size() + 1)), bx);
    }

    private void squeezeOrExpand(Var x) {
        Shape s = x.aval().shape();
        for (int a = 0; a < s.rank(); a++) {
            if (s.dim(a) == 1 && rnd.nextBoolean()) {
                Var q = emit(new Squeeze(Vector.of(a)), x);
                if (rnd.nextBoolean()) emit(new ExpandDims(Vector.of(rnd.nextInt(q.aval().rank() + 1))), q);
                return;
            }
        }
        if (s.rank() < 4) {
            Var e = emit(new ExpandDims(Vector.of(rnd.nextInt(s.rank() + 1))), x);
            if (rnd.nextBoolean()) emit(new Reshape(reshapeOf(s.size())), e);
        }
    }

    /** Emits an earlier equation again (or with its two operands swapped, which must not merge): CSE's work. */
    private void repeat() {
        if (prims.isEmpty()) return;
        int i = rnd.nextInt(prims.size());
        Atom[] in = operands.get(i);
        emit(prims.get(i), in.length == 2 && rnd.nextBoolean() ? new Atom[] {in[1], in[0]} : in);
    }

    private Var emit(Primitive p, Atom... in) {
        Var v = b.add(p, in).head();
        pool.add(v);
        prims.add(p);
        operands.add(in);
        return v;
    }

    /** A variable from the pool, most often a recent one so that chains form. */
    private Var recent() {
        int n = pool.size();
        return rnd.nextInt(3) == 0 ? pool.get(rnd.nextInt(n)) : pool.get(n - 1 - rnd.nextInt(Math.min(n, 3)));
    }

    private static Lit lit(double v) {
        return new Lit(v, SCALAR);
    }

    private Seq<Integer> permutation(int rank) {
        List<Integer> p = new ArrayList<>();
        for (int i = 0; i < rank; i++) p.add(i);
        Collections.shuffle(p, rnd);
        return Vector.ofAll(p);
    }

    private static Seq<Integer> inverse(Seq<Integer> perm) {
        Integer[] inv = new Integer[perm.size()];
        for (int i = 0; i < inv.length; i++) inv[perm.get(i)] = i;
        return Vector.of(inv);
    }

    /** Dims of 0 to 3; a third of the shapes are cubes, where a wrongly composed permutation still typechecks. */
    private Shape randomShape(int rank) {
        int[] dims = new int[rank];
        int cube = rnd.nextInt(3) == 0 ? 2 + rnd.nextInt(2) : -1;
        for (int i = 0; i < rank; i++) dims[i] = cube > 0 ? cube : rnd.nextInt(10) == 0 ? 0 : 1 + rnd.nextInt(3);
        return Shape.of(dims);
    }

    /** A random shape of {@code size} elements and rank 0 to 3 (at least 1 when empty). */
    private Shape reshapeOf(int size) {
        if (size == 0) {
            Shape s = randomShape(1 + rnd.nextInt(3));
            return s.with(rnd.nextInt(s.rank()), 0);
        }
        int rank = rnd.nextInt(4);
        if (rank == 0) return size == 1 ? Shape.SCALAR : Shape.of(size);
        int[] dims = new int[rank];
        int rest = size;
        for (int i = 0; i < rank - 1; i++) {
            List<Integer> divisors = new ArrayList<>();
            for (int d = 1; d <= rest; d++) if (rest % d == 0) divisors.add(d);
            dims[i] = divisors.get(rnd.nextInt(divisors.size()));
            rest /= dims[i];
        }
        dims[rank - 1] = rest;
        return Shape.of(dims);
    }

    /** Multiples of 1/4 in [-2, 2], so that sums and products stay exact for a while. */
    private Val randomValue(ShapedArray aval) {
        double[] data = new double[aval.size()];
        for (int i = 0; i < data.length; i++) data[i] = (rnd.nextInt(17) - 8) / 4.0;
        return new Val(aval.shape(), data);
    }
}
