package dev.jaxj.accel.cpu.jvm;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.cpu.Parallel;
import dev.jaxj.accel.cpu.jvm.VectorOpcode.Kind;
import dev.jaxj.compiler.kernel.Node;
import dev.jaxj.compiler.kernel.Step;
import dev.jaxj.errors.BackendError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.ReduceMax;
import dev.jaxj.ir.Primitive.ReduceMin;
import dev.jaxj.ir.Primitive.ReduceSum;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.MethodModel;
import java.lang.constant.ClassDesc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compiles fused loops to JVM bytecode: one hidden class per loop, whose method C2 turns into
 * vector code with every node's value in a register. Covers f32 loops (booleans as lane masks
 * in registers and {@code boolean[]} in memory) whose loads walk each row contiguously or not at all, from any offset, and have no iotas or
 * bounded loads; {@link #compile} says none otherwise,
 * and the caller interprets the loop instead.
 *
 * {@snippet lang=java :
 * Option<CompiledLoop> code = JvmLoops.compile(loop);    // once per loop, by the executable that owns it
 * code.get().run(inputs, outputs);
 * }
 * There is no cache here: an executable keeps its loops' code, and the hidden classes are
 * unloaded with it.
 */
public final class JvmLoops {
    /** HotSpot never compiles methods with more bytecode than this ({@code -XX:HugeMethodLimit}). */
    private static final int HUGE_METHOD = 8000;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private JvmLoops() {}

    /** A generated loop with the layout it was generated for. */
    public record CompiledLoop(GeneratedLoop code, LoopLayout layout, int grainRows) {
        /** Runs the loop on the rows shared out among the workers. */
        public void run(Seq<HostData> in, Seq<HostData> out) {
            run(in.map(HostData::array).toJavaArray(), out.map(HostData::array).toJavaArray());
        }

        /** Runs the loop on the inputs' and outputs' storage arrays ({@link HostData#array()}). */
        public void run(Object[] inputs, Object[] outputs) {
            if (layout.rows() <= grainRows) code.run(inputs, outputs, 0, layout.rows());   // one worker's share: no hand-off
            else Parallel.forRange(layout.rows(), grainRows, (lo, hi) -> code.run(inputs, outputs, lo, hi));
        }
    }

    /** {@return the loop's generated code}, or none when it needs the interpreter */
    public static Option<CompiledLoop> compile(Step.FusedLoop f) {
        if (f.domain().size() == 0) return Option.none();
        int n = f.nodes().size();
        Kind[] kinds = new Kind[n];
        VectorOpcode[] opcodes = new VectorOpcode[n];
        for (int i = 0; i < n; i++) {
            Node node = f.nodes().get(i);
            DType dtype = node.aval().dtype();
            switch (node) {
                // Booleans live in memory as boolean[] and in registers as lane masks.
                case Node.Load _ -> {
                    if (dtype != DType.F32 && dtype != DType.BOOL) return Option.none();
                }
                case Node.Constant _ -> {
                    if (dtype != DType.F32) return Option.none();
                }
                // The interpreter runs these, and the CPU's copy engine the copy loops they make.
                case Node.Iota _, Node.BoundedLoad _ -> {
                    return Option.none();
                }
                case Node.Reduce r -> {
                    boolean monoid = r.kind() instanceof ReduceSum || r.kind() instanceof ReduceMax || r.kind() instanceof ReduceMin;
                    if (dtype != DType.F32 || !monoid) return Option.none();
                }
                case Node.Apply a -> {
                    Option<VectorOpcode> op = VectorOpcode.of(a.prim(), a.args().map(k -> f.nodes().get(k).aval().dtype()), dtype);
                    if (op.isEmpty()) return Option.none();
                    opcodes[i] = op.get();
                }
            }
            kinds[i] = Kind.of(dtype).get();
        }
        for (Step.Store s : f.stores()) {
            if (kinds[s.node()] == Kind.MASK && f.nodes().get(s.node()) instanceof Node.Reduce) return Option.none();
        }
        return LoopLayout.of(f).flatMap(layout -> define(f, layout, kinds, opcodes));
    }

    private static Option<CompiledLoop> define(Step.FusedLoop f, LoopLayout layout, Kind[] kinds, VectorOpcode[] opcodes) {
        ClassDesc name = ClassDesc.of(JvmLoops.class.getPackageName() + ".Loop" + COUNTER.incrementAndGet() + "_" + f.name());
        byte[] bytes;
        try {
            bytes = LoopEmitter.emit(name, f, layout, kinds, opcodes);
        } catch (IllegalArgumentException tooLarge) {
            // The class-file format caps a method at 64 KiB of code and 65535 locals; fusion keeps
            // loops far below that, and a loop that still exceeds it is interpreted like a huge one.
            return Option.none();
        }
        if (codeLength(bytes) > HUGE_METHOD) return Option.none();
        try {
            var lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
            var code = (GeneratedLoop) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class)).invoke();
            int work = layout.rowLength() * f.passes();
            return Option.some(new CompiledLoop(code, layout, Math.max(1, Parallel.DEFAULT_GRAIN / Math.max(1, work))));
        } catch (Throwable t) {
            var e = new BackendError(f.name(), "generated code for the fused loop was rejected: " + t);
            e.initCause(t);
            throw e;
        }
    }

    private static int codeLength(byte[] bytes) {
        for (MethodModel m : ClassFile.of().parse(bytes).methods()) {
            if (m.methodName().equalsString("run")) return m.findAttribute(Attributes.code()).map(c -> c.codeLength()).orElse(0);
        }
        return 0;
    }
}
