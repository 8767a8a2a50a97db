package dev.jaxj.accel.device;

import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import dev.jaxj.ir.ShapedArray;

import java.util.function.Function;

/**
 * A step of a kernel program lowered for a device: launches run in order on one queue, and
 * temporaries live from the first launch to the last. A call that launches nothing (a
 * reshape) has no launches and its result is its operand's buffer ({@link #aliasOf}).
 *
 * @param launches  the launches, in order
 * @param tempBytes the size in bytes of each temporary buffer
 * @param aliasOf   for each result, the operand whose buffer it is (-1: a buffer of its own)
 */
public record DeviceCall(Seq<Launch> launches, Seq<Long> tempBytes, Seq<Integer> aliasOf) {
    public DeviceCall {
        launches = Vector.ofAll(launches);
        tempBytes = Vector.ofAll(tempBytes);
        aliasOf = Vector.ofAll(aliasOf);
    }

    /** {@return a call of {@code launches} without temporaries, writing {@code results} buffers of its own} */
    public static DeviceCall of(int results, Launch... launches) {
        return new DeviceCall(Vector.of(launches), Vector.empty(), Vector.fill(results, -1));
    }

    /**
     * {@return the buffers of the call's results}: an aliased result is its operand's buffer,
     * any other a new one from {@code allocate}
     */
    public <B> Seq<B> results(Seq<B> operands, Seq<ShapedArray> outAvals, Function<ShapedArray, B> allocate) {
        return Vector.range(0, outAvals.size()).map(r -> aliasOf.get(r) >= 0 ? operands.get(aliasOf.get(r)) : allocate.apply(outAvals.get(r)));
    }
}
