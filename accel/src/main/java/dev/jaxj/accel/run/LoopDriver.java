package dev.jaxj.accel.run;

import dev.jaxj.accel.Backend;
import dev.jaxj.accel.Buffer;
import dev.jaxj.accel.Executable;
import dev.jaxj.compiler.kernel.Step;
import dev.jaxj.ir.Primitive.Cond;
import dev.jaxj.ir.Primitive.CustomJvpCall;
import dev.jaxj.ir.Primitive.CustomVjpCall;
import dev.jaxj.ir.Primitive.Pjit;
import dev.jaxj.ir.Primitive.Remat;
import dev.jaxj.ir.Primitive.Scan;
import dev.jaxj.ir.Primitive.While;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.ArrayList;
import java.util.List;

import static dev.jaxj.accel.run.PlanRunner.contains;

/**
 * Drives loops and branches: the one place that iterates. Their programs were lowered and
 * compiled with the program around them, so an iteration only runs the body's executable;
 * nothing is traced or compiled again. From the second iteration on the body owns the carry
 * it is given (its plan donates it), so the new carry may be written over the old one. A scan
 * copies each slice into a buffer an earlier iteration is done with ({@link #recycle}) and
 * each result row into its stacked output, on the device. Only a while's predicate and a
 * branch index travel to the host, one element each.
 */
final class LoopDriver {
    private LoopDriver() {}

    /** {@return the outputs of a loop or branch step} for its operands' buffers */
    static Seq<Buffer> run(Step.Nested step, Seq<Executable> programs, Seq<Buffer> operands, Backend backend) {
        return switch (step.primitive()) {
            case Cond c -> programs.get(branchIndex(backend, operands.head(), c.branches().size())).run(Vector.empty(), operands.tail(), Vector.empty());
            case Scan s -> scan(s, step, programs.head(), operands, backend);
            case While w -> whileLoop(w, programs.get(0), programs.get(1), operands, backend);
            case Remat _, CustomJvpCall _, CustomVjpCall _, Pjit _ -> throw new IllegalStateException(step.primitive().name() + " is inlined before lowering");
        };
    }

    /** The branch index clamped to {@code [0, n-1]}, as {@code lax.switch} does. */
    private static int branchIndex(Backend backend, Buffer index, int n) {
        long i = backend.download(index).getLong(0);
        return (int) Math.max(0, Math.min(n - 1, i));
    }

    private static Seq<Buffer> scan(Scan s, Step.Nested step, Executable body, Seq<Buffer> args, Backend backend) {
        int fixed = s.numConsts() + s.numCarry();
        Seq<Buffer> consts = args.take(s.numConsts());
        Seq<Buffer> carry = args.slice(s.numConsts(), fixed);
        Seq<Buffer> xs = args.drop(fixed);
        Seq<ShapedArray> xAvals = step.eqn().in().drop(fixed).map(a -> a.aval());
        Seq<ShapedArray> yAvals = step.eqn().out().drop(s.numCarry()).map(Var::aval);
        Seq<Buffer> ys = yAvals.map(backend::allocate);
        List<Buffer> free = new ArrayList<>();
        for (int iteration = 0; iteration < s.length(); iteration++) {
            int i = s.reverse() ? s.length() - 1 - iteration : iteration;
            Seq<Buffer> slices = Vector.range(0, xs.size()).map(k -> row(backend, xs.get(k), xAvals.get(k), i, free));
            Seq<Buffer> previous = carry.appendAll(slices);
            // The operands' carry is the caller's; later ones, and every slice, are the loop's own.
            Seq<Buffer> in = consts.appendAll(carry).appendAll(slices);
            Seq<Buffer> outs = body.run(Vector.empty(), in, owned(body, in, iteration > 0 ? 0 : s.numConsts() + s.numCarry(), args));
            carry = outs.take(s.numCarry());
            Seq<Buffer> y = outs.drop(s.numCarry());
            for (int k = 0; k < ys.size(); k++) {
                int n = yAvals.get(k).size() / s.length();
                backend.copy(y.get(k), 0, ys.get(k), i * n, n);
            }
            recycle(previous.appendAll(y), carry, args, free);
        }
        return carry.appendAll(ys);
    }

    /**
     * The donated inputs at positions {@code >= from} whose buffers the loop may give up: never
     * one of the step's operands (the caller's) nor one another input holds too.
     */
    private static Seq<Integer> owned(Executable program, Seq<Buffer> in, int from, Seq<Buffer> callers) {
        return program.plan().donated().filter(d -> {
            if (d < from) return false;
            Buffer b = in.get(d);
            return !contains(callers, b) && in.count(x -> x == b) == 1;
        });
    }

    /**
     * Collects the buffers an iteration is done with for the next slices: the body may have
     * written the new carry over a slice and a row of ys over the old carry, so those buffers
     * take turns and an iteration allocates nothing. A buffer of the caller's, or one the new
     * carry holds, is never taken.
     */
    private static void recycle(Seq<Buffer> done, Seq<Buffer> carry, Seq<Buffer> callers, List<Buffer> free) {
        for (Buffer b : done) {
            if (!contains(callers, b) && !contains(carry, b) && !contains(free, b)) free.add(b);
        }
    }

    private static Seq<Buffer> whileLoop(While w, Executable cond, Executable body, Seq<Buffer> args, Backend backend) {
        Seq<Buffer> condConsts = args.take(w.condConsts());
        Seq<Buffer> bodyConsts = args.slice(w.condConsts(), w.condConsts() + w.bodyConsts());
        Seq<Buffer> carry = args.drop(w.condConsts() + w.bodyConsts());
        for (long steps = 0; (!w.bounded() || steps < w.maxSteps()) && predicate(backend, cond.run(Vector.empty(), condConsts.appendAll(carry), Vector.empty())); steps++) {
            Seq<Buffer> in = bodyConsts.appendAll(carry);
            carry = body.run(Vector.empty(), in, steps > 0 ? owned(body, in, w.bodyConsts(), args) : Vector.empty());
        }
        return carry;
    }

    private static boolean predicate(Backend backend, Seq<Buffer> condOut) {
        return backend.download(condOut.head()).getLong(0) != 0;
    }

    /** Row {@code i} of {@code x} along its leading axis, copied into a buffer taken from {@code free} or allocated. */
    private static Buffer row(Backend backend, Buffer x, ShapedArray xAval, int i, List<Buffer> free) {
        ShapedArray a = xAval.withShape(xAval.shape().without(0)).strong();
        int n = a.size();
        Buffer out = null;
        for (int k = 0; k < free.size() && out == null; k++) {
            if (free.get(k).dtype() == a.dtype() && free.get(k).size() == n) out = free.remove(k);
        }
        if (out == null) out = backend.allocate(a);
        backend.copy(x, i * n, out, 0, n);
        return out;
    }
}
