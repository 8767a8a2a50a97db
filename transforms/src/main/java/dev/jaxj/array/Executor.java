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
        Vector<ConcreteArray> outside = Vector.ofAll(consts).appendAll(args).map(a -> Placement.onto((ConcreteArray) a, exe.backend(), op));
        boolean committed = Placement.anyCommitted(outside);
        Vector<Buffer> buffers = outside.map(a -> a.buffer(op));
        Seq<Integer> owned = donate ? claim(exe, outside.drop(consts.size())) : Vector.empty();
        Seq<Buffer> out = exe.run(buffers.take(consts.size()), buffers.drop(consts.size()), owned);
        List<ConcreteArray> result = new ArrayList<>(out.size());
        for (int o = 0; o < out.size(); o++) {
            Buffer b = out.get(o);
            var r = new ConcreteArray(j.outs().get(o).aval(), b, committed);
            for (int s = 0; s < outside.size(); s++) {
                if (buffers.get(s) == b) share(r, outside.get(s));
            }
            for (ConcreteArray earlier : result) if (earlier.buffer(op) == b) share(r, earlier);
            result.add(r);
        }
        return Vector.ofAll(result);
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
