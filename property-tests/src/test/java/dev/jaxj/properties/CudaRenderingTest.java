package dev.jaxj.properties;

import dev.jaxj.Jax;
import dev.jaxj.accel.cuda.Nvcc;
import dev.jaxj.accel.device.DeviceLowering;
import dev.jaxj.accel.device.Dialect;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.array.Array;
import dev.jaxj.errors.BackendError;
import dev.jaxj.properties.OpenClConformanceTest.Program;
import dev.jaxj.staging.Jitted;
import io.vavr.collection.Seq;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every kernel of the conformance suite's programs — each program and its gradient, as jit
 * compiles them, nested loop and branch programs included — rendered as CUDA C compiles with
 * {@code nvcc -ptx}, so that the CUDA backend's code is checked on machines without a GPU.
 * Skipped where the CUDA toolkit is absent, unless {@code JAXJ_REQUIRE_NVCC=1} (CI).
 */
class CudaRenderingTest {
    @Test
    void everyConformanceKernelCompilesAsCuda() {
        if (Nvcc.find().isEmpty()) {
            String why = "nvcc not found (set CUDA_HOME): the CUDA rendering is compile-checked only where the CUDA toolkit is installed";
            if ("1".equals(System.getenv("JAXJ_REQUIRE_NVCC"))) fail(why);
            Assumptions.abort(why);
        }
        Map<String, KernelSource> kernels = new LinkedHashMap<>();
        Seq<Program> programs = OpCases.all().flatMap(c -> c.dtypes().toVector().map(d -> new Program(c.name() + " " + d, c.f(),
                c.operands(OpenClConformanceTest.DRAWN, d, 1), c.reference() == OpCase.Reference.CENTRAL_DIFFERENCES)))
                .appendAll(OpenClConformanceTest.beyondTheTable());
        for (Program p : programs) {
            collect(kernels, p.f(), p.operands());
            if (p.differentiable() && p.f().apply(p.operands()).dtype().isFloating()) {
                collect(kernels, Jax.grad((Seq<Array> in) -> p.f().apply(in).sin().sum()), p.operands());
            }
        }
        assertTrue(kernels.size() > 100, "only " + kernels.size() + " kernels");
        try {
            String ptx = Nvcc.ptx(kernels.values(), "sm_80");
            for (String name : kernels.keySet()) assertTrue(ptx.contains(".entry " + name), name + " is not in the PTX");
        } catch (BackendError e) {
            fail(e.getMessage());
        }
    }

    /** Adds the kernels of {@code f}'s compiled program for {@code args}, on a device with fp64 (CUDA's are). */
    private static <R> void collect(Map<String, KernelSource> into, Function<Seq<Array>, R> f, Seq<Array> args) {
        var plan = Jitted.of(f, "cuda").plan(args, Jitted.Unit.UNIT);
        for (KernelSource k : DeviceLowering.kernels(plan.program(), Dialect.CUDA, true)) into.putIfAbsent(k.name(), k);
    }
}
