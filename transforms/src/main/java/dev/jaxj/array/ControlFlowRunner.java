package dev.jaxj.array;

import dev.jaxj.accel.Buffer;
import dev.jaxj.accel.cpu.HostBuffer;
import dev.jaxj.compiler.kernel.BufferPlan;
import dev.jaxj.compiler.kernel.Fusion;
import dev.jaxj.compiler.pass.Closed;
import dev.jaxj.compiler.pass.Passes;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive.Cond;
import dev.jaxj.ir.Primitive.ControlFlow;
import dev.jaxj.ir.Primitive.CustomJvpCall;
import dev.jaxj.ir.Primitive.CustomVjpCall;
import dev.jaxj.ir.Primitive.Remat;
import dev.jaxj.ir.Primitive.Scan;
import dev.jaxj.ir.Primitive.While;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs loops and branches on concrete arrays: each program of the primitive is optimised and
 * lowered once, then its compiled form runs per iteration — nothing is traced again, however
 * many iterations there are. Scanned operands are sliced and results stacked by copying rows.
 */
final class ControlFlowRunner {
    private ControlFlowRunner() {}

    /** A lowered program and the constants its optimisation created. */
    private record Program(BufferPlan plan, Seq<Array> consts) {
        Seq<Array> run(Seq<Array> args) {
            return Executor.run(plan, consts, args, false);
        }
    }

    /** Recently lowered programs, so a loop run again (an eager call in a Java loop) is not lowered again. */
    private static final Map<Jaxpr, Program> PROGRAMS = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Jaxpr, Program> eldest) {
            return size() > 256;
        }
    });

    private static Program program(Jaxpr j) {
        Program p = PROGRAMS.get(j);
        if (p != null) return p;
        Closed<Array> optimised = Passes.forExecution().<Array>closed().apply(new Closed<>(j.typecheck(), Vector.empty()));
        p = new Program(BufferPlan.of(Fusion.lower(optimised.jaxpr().typecheck())), optimised.consts());
        PROGRAMS.put(j, p);
        return p;
    }

    /** {@return the outputs of {@code p}} for concrete operands whose avals its shape rule accepted */
    static Seq<Array> run(ControlFlow p, Seq<? extends Array> operands) {
        Seq<Array> args = Vector.ofAll(operands);
        return switch (p) {
            case Cond c -> program(c.branches().get(branchIndex(args.head(), c.branches().size()))).run(args.tail());
            case Scan s -> scan(s, args);
            case While w -> whileLoop(w, args);
            case Remat r -> program(r.body()).run(args);
            case CustomJvpCall c -> program(c.fun()).run(args);
            case CustomVjpCall c -> program(c.fun()).run(args);
        };
    }

    /** The branch index clamped to {@code [0, n-1]}, as {@code lax.switch} does. */
    static int branchIndex(Array index, int n) {
        long i = index.longValue();
        return (int) Math.max(0, Math.min(n - 1, i));
    }

    private static Seq<Array> scan(Scan s, Seq<Array> args) {
        Program body = program(s.body());
        int fixed = s.numConsts() + s.numCarry();
        Seq<Array> consts = args.take(s.numConsts());
        Seq<Array> carry = args.slice(s.numConsts(), fixed);
        Seq<Array> xs = args.drop(fixed);
        Seq<ShapedArray> yAvals = s.abstractEval(args.map(Array::aval)).drop(s.numCarry());
        List<HostBuffer> ys = new ArrayList<>();
        for (ShapedArray y : yAvals) ys.add(HostBuffer.allocate(y.dtype(), y.size()));
        for (int step = 0; step < s.length(); step++) {
            int i = s.reverse() ? s.length() - 1 - step : step;
            Seq<Array> outs = body.run(consts.appendAll(carry).appendAll(xs.map(x -> row(x, i))));
            carry = outs.take(s.numCarry());
            Seq<Array> y = outs.drop(s.numCarry());
            for (int k = 0; k < ys.size(); k++) {
                int n = y.get(k).aval().size();
                System.arraycopy(host(y.get(k)).array(), 0, ys.get(k).array(), i * n, n);
            }
        }
        Seq<Array> stacked = Vector.range(0, ys.size()).map(k -> new ConcreteArray(yAvals.get(k), ys.get(k)));
        return carry.appendAll(stacked);
    }

    private static Seq<Array> whileLoop(While w, Seq<Array> args) {
        Program cond = program(w.cond());
        Program body = program(w.body());
        Seq<Array> condConsts = args.take(w.condConsts());
        Seq<Array> bodyConsts = args.slice(w.condConsts(), w.condConsts() + w.bodyConsts());
        Seq<Array> carry = args.drop(w.condConsts() + w.bodyConsts());
        for (long steps = 0; (!w.bounded() || steps < w.maxSteps()) && cond.run(condConsts.appendAll(carry)).head().booleanValue(); steps++) {
            carry = body.run(bodyConsts.appendAll(carry));
        }
        return carry;
    }

    /** Row {@code i} of {@code x} along its leading axis, copied. */
    private static Array row(Array x, int i) {
        ShapedArray a = x.aval().withShape(x.shape().without(0));
        int n = a.size();
        HostBuffer out = HostBuffer.allocate(a.dtype(), n);
        System.arraycopy(host(x).array(), i * n, out.array(), 0, n);
        return new ConcreteArray(a.strong(), out);
    }

    private static HostBuffer host(Array x) {
        Buffer b = ((ConcreteArray) x).buffer("scan");
        return b.toHost();
    }
}
