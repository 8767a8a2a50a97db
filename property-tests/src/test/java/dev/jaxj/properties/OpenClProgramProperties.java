package dev.jaxj.properties;

import dev.jaxj.Jax;
import dev.jaxj.accel.Device;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.collection.Vector;
import net.jqwik.api.*;

import java.util.Random;
import java.util.function.Function;

import static dev.jaxj.properties.JitProperties.data;
import static dev.jaxj.properties.JitProperties.program;
import static dev.jaxj.properties.OpenClDevice.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Random programs (the ones {@link JitProperties} checks on the CPU) give the same results on
 * the OpenCL device as on the CPU: jitted on the device against eager on the CPU, and per-example
 * gradients with jit, grad and vmap composed on the device.
 */
class OpenClProgramProperties {
    @Provide
    Arbitrary<int[]> shapes() {
        return Arbitraries.integers().between(0, 4).array(int[].class).ofMinSize(0).ofMaxSize(3);
    }

    @Property(tries = 30)
    void jitOnTheDeviceEqualsEagerOnTheCpu(@ForAll("shapes") int[] dims, @ForAll long seed) {
        Device device = OpenClDevice.first();
        Random r = new Random(seed);
        Shape s = Shape.of(dims);
        Vector<Array> args = Vector.of(data(s, r), data(s, r), data(dims.length == 0 ? Shape.SCALAR : Shape.of(dims[dims.length - 1]), r));
        Function<Vector<Array>, Array> f = program(seed, 1 + r.nextInt(6));
        Array there = Jax.jit(f).apply(Jax.devicePut(args, device));
        assertEquals(device, there.device());
        assertClose("seed " + seed, f.apply(args), there, OpenClDevice.rtol(DType.F32));
    }

    @Property(tries = 15)
    void jitGradAndVmapComposeOnTheDevice(@ForAll("shapes") int[] dims, @ForAll long seed) {
        Device device = OpenClDevice.first();
        Random r = new Random(seed);
        Shape s = Shape.of(dims);
        Array y = data(s, r), row = data(dims.length == 0 ? Shape.SCALAR : Shape.of(dims[dims.length - 1]), r);
        Array xs = data(s.insert(0, 1 + r.nextInt(3)), r);
        Function<Vector<Array>, Array> f = program(seed, 1 + r.nextInt(4));
        Function<Vector<Array>, Array> perExample = in -> Jax.vmap((Array a) -> Jax.grad((Array b) -> f.apply(Vector.of(b, in.get(1), in.get(2))).sum()).apply(a)).apply(in.get(0));
        Vector<Array> args = Vector.of(xs, y, row);
        Array there = Jax.jit(perExample).apply(Jax.devicePut(args, device));
        assertEquals(device, there.device());
        assertClose("seed " + seed, perExample.apply(args), there, 10 * OpenClDevice.rtol(DType.F32));
    }
}
