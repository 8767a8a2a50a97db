package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.accel.device.render.MoveCases;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.compiler.kernel.KernelProgram;
import dev.jaxj.compiler.kernel.Step;
import dev.jaxj.ir.Atom;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Lit;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The loops fusion makes of data movement, run by the interpreter and by the copy engine,
 * against the CPU's structural kernels applied equation by equation to the same operands
 * (bit for bit: a move never rounds), over every dtype.
 */
class MoveLoopsTest {
    private static final Random RNG = new Random(20261207);

    @Test
    void theInterpreterMatchesTheStructuralKernels() {
        check(false);
    }

    @Test
    void theCopyEngineMatchesTheStructuralKernels() {
        check(true);
    }

    @Test
    void everyMoveBecomesALoopAndEveryCopyLoopRunsOnTheEngine() {
        int copies = 0;
        for (MoveCases.Program p : MoveCases.programs()) {
            KernelProgram k = p.lowered();
            for (Step s : k.steps()) {
                if (s instanceof Step.LibraryCall c) fail(p + ": " + c.eqn().prim().name() + " stayed a library call\n" + k);
                if (s instanceof Step.FusedLoop f && f.nodes().forAll(n -> !(n instanceof dev.jaxj.compiler.kernel.Node.Apply))) {
                    Seq<HostData> out = f.stores().map(st -> HostData.allocate(st.target().aval().dtype(), st.target().aval().size()));
                    assertTrue(CopyLoops.isCopy(f), p + ": " + f);
                    CopyLoops.run(f, f.inputs().map(v -> random(v.aval().dtype(), v.aval().size())), out);
                    copies++;
                }
            }
        }
        assertTrue(copies > 150, "only " + copies + " copy loops");
    }

    /** A loop that computes is no copy: the engine leaves it to the generated code or the interpreter. */
    @Test
    void aLoopThatComputesIsNoCopy() {
        MoveCases.Program select = MoveCases.programs().stream().filter(p -> p.name().equals("select of a row slice and a rev f32")).findFirst().orElseThrow();
        Step.FusedLoop f = (Step.FusedLoop) select.lowered().steps().single();
        assertFalse(CopyLoops.isCopy(f));
    }

    private static void check(boolean engine) {
        List<String> failures = new ArrayList<>();
        for (MoveCases.Program p : MoveCases.programs()) {
            Jaxpr j = p.jaxpr();
            Seq<HostData> in = j.inVars().map(v -> random(v.aval().dtype(), v.aval().size()));
            Seq<HostData> expected = reference(j, in), actual = lowered(p.lowered(), in, engine);
            for (int o = 0; o < expected.size(); o++) {
                String diff = difference(expected.get(o), actual.get(o));
                if (diff != null) failures.add(p + " out " + o + ": " + diff + "\n" + p.lowered());
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " mismatches:\n" + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
    }

    /** Each equation by the CPU's kernels. */
    private static Seq<HostData> reference(Jaxpr j, Seq<HostData> in) {
        Map<Var, HostData> env = new HashMap<>();
        for (int i = 0; i < in.size(); i++) env.put(j.inVars().get(i), in.get(i));
        for (Eqn e : j.eqns()) {
            Seq<HostData> out = CpuKernels.execute(e.prim(), e.in().map(Atom::aval), e.in().map(a -> value(env, a)), e.out().map(Var::aval));
            for (int o = 0; o < out.size(); o++) env.put(e.out().get(o), out.get(o));
        }
        return j.outs().map(a -> value(env, a));
    }

    /** The lowered program's steps: loops by the interpreter (or the copy engine where it takes them), library calls by the kernels. */
    private static Seq<HostData> lowered(KernelProgram k, Seq<HostData> in, boolean engine) {
        Map<Var, HostData> env = new HashMap<>();
        for (int i = 0; i < in.size(); i++) env.put(k.source().inVars().get(i), in.get(i));
        for (Step s : k.steps()) {
            switch (s) {
                case Step.FusedLoop f -> {
                    Seq<HostData> ins = f.inputs().map(env::get);
                    Seq<HostData> outs = f.stores().map(st -> HostData.allocate(st.target().aval().dtype(), st.target().aval().size()));
                    if (engine && CopyLoops.isCopy(f)) CopyLoops.run(f, ins, outs);
                    else FusedLoopRunner.run(f, ins, outs);
                    for (int o = 0; o < outs.size(); o++) env.put(f.stores().get(o).target(), outs.get(o));
                }
                case Step.LibraryCall c -> {
                    Eqn e = c.eqn();
                    Seq<HostData> out = CpuKernels.execute(e.prim(), e.in().map(Atom::aval), e.in().map(a -> value(env, a)), e.out().map(Var::aval));
                    for (int o = 0; o < out.size(); o++) env.put(e.out().get(o), out.get(o));
                }
                case Step.Nested n -> fail("no control flow here: " + n);
            }
        }
        return k.source().outs().map(a -> value(env, a));
    }

    private static HostData value(Map<Var, HostData> env, Atom a) {
        return switch (a) {
            case Var v -> env.get(v);
            case Lit l -> HostData.filled(l.aval().dtype(), 1, l);
        };
    }

    /** {@return null when both hold the same bits, else the first difference} */
    private static String difference(HostData a, HostData b) {
        if (a.size() != b.size() || a.dtype() != b.dtype()) return "sizes " + a.size() + " and " + b.size();
        for (int i = 0; i < a.size(); i++) {
            long x = bits(a, i), y = bits(b, i);
            if (x != y) return "[" + i + "] " + a.getDouble(i) + " != " + b.getDouble(i);
        }
        return null;
    }

    private static long bits(HostData h, int i) {
        return switch (h.dtype()) {
            case F32 -> Float.floatToRawIntBits(h.f32()[i]);
            case F64 -> Double.doubleToRawLongBits(h.f64()[i]);
            case I32, U32, I64, BOOL -> h.getLong(i);
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(h.dtype());
        };
    }

    /** Distinct values with NaN payloads, signed zeros and integer extremes among them. */
    private static HostData random(DType d, int n) {
        HostData h = HostData.allocate(d, n);
        for (int i = 0; i < n; i++) {
            switch (d) {
                case F32 -> h.f32()[i] = RNG.nextInt(8) == 0 ? Float.intBitsToFloat(0x7fc00000 | RNG.nextInt(1 << 20)) : RNG.nextInt(8) == 0 ? -0f : (float) RNG.nextGaussian();
                case F64 -> h.f64()[i] = RNG.nextInt(8) == 0 ? -0.0 : RNG.nextGaussian();
                case I32, U32 -> h.i32()[i] = RNG.nextInt(8) == 0 ? Integer.MIN_VALUE : RNG.nextInt();
                case I64 -> h.i64()[i] = RNG.nextLong();
                case BOOL -> h.bool()[i] = RNG.nextBoolean();
            }
        }
        return h;
    }

}
