package dev.jaxj.array;

import dev.jaxj.accel.Buffer;
import dev.jaxj.accel.Executable;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DeletedArrayError;
import dev.jaxj.ir.Jaxpr;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs an {@link Executable} on concrete arrays: hands it the arrays' buffers, decides which
 * donated buffers are really given up (the arrays are deleted; one that another array may
 * hold too is kept intact), and wraps the results. A result landing in a buffer that another
 * array holds marks both as shared, so that neither is overwritten by a later donation.
 */
public final class Executor {
    private Executor() {}

    /**
     * {@return the program's outputs} for its constants and concrete inputs.
     *
     * @param donate whether the plan's donated inputs are donated by this call (false under an
     *               outer transform): they are then deleted, and their buffers may hold outputs
     * @throws DeletedArrayError when an input or constant has been deleted
     */
    public static Seq<Array> run(Executable exe, Seq<Array> consts, Seq<Array> args, boolean donate) {
        return run("jit", exe, consts, args, donate);
    }

    /** Like {@link #run(Executable, Seq, Seq, boolean)}, naming {@code op} (the caller's operation) in errors. */
    static Seq<Array> run(String op, Executable exe, Seq<Array> consts, Seq<Array> args, boolean donate) {
        Jaxpr j = exe.plan().program().source();
        if (args.size() != j.inVars().size()) {
            throw new ArgumentError(op, "the compiled program takes " + j.inVars().size() + " inputs, got " + args.size());
        }
        // Inputs on another device are copied over (uncommitted ones: the caller chose this backend by the committed ones).
        int n = consts.size() + args.size();
        ConcreteArray[] outside = new ConcreteArray[n];
        Buffer[] buffers = new Buffer[n];
        boolean committed = false;
        int i = 0;
        for (Array a : consts.appendAll(args)) {
            ConcreteArray c = Placement.onto((ConcreteArray) a, exe.backend(), op);
            outside[i] = c;
            buffers[i++] = c.buffer(op);
            committed |= c.committed();
        }
        Vector<ConcreteArray> inputs = Vector.of(outside).drop(consts.size());
        Seq<Integer> owned = donate && !exe.plan().donated().isEmpty() ? claim(exe, inputs) : Vector.empty();
        Vector<Buffer> all = Vector.of(buffers);
        Seq<Buffer> out = exe.run(all.take(consts.size()), all.drop(consts.size()), owned);
        ConcreteArray[] result = new ConcreteArray[out.size()];
        int o = 0;
        for (Buffer b : out) {
            var r = new ConcreteArray(j.outs().get(o).aval(), b, committed);
            for (int s = 0; s < n; s++) if (buffers[s] == b) share(r, outside[s]);
            for (int e = 0; e < o; e++) if (result[e].buffer(op) == b) share(r, result[e]);
            result[o++] = r;
        }
        return Vector.of(result);
    }

    /**
     * Deletes the donated arguments and {@return the positions whose buffers become the call's
     * own}: not one another array may also hold.
     */
    private static Seq<Integer> claim(Executable exe, Vector<ConcreteArray> args) {
        List<ConcreteArray> deleted = new ArrayList<>();
        List<Integer> owned = new ArrayList<>();
        for (int d : exe.plan().donated()) {
            ConcreteArray a = args.get(d);
            if (!deleted.contains(a)) {
                if (!a.delete()) throw DeletedArrayError.of("jit", a.aval());   // lost a race with another call
                deleted.add(a);
            }
            if (!a.isShared()) owned.add(d);
        }
        return Vector.ofAll(owned);
    }

    private static void share(ConcreteArray x, ConcreteArray y) {
        x.markShared();
        y.markShared();
    }
}
