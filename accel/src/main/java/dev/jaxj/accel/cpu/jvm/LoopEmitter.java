package dev.jaxj.accel.cpu.jvm;

import dev.jaxj.accel.cpu.jvm.VectorOpcode.Kind;
import dev.jaxj.compiler.kernel.Node;
import dev.jaxj.compiler.kernel.Step;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;

import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_double;
import static java.lang.constant.ConstantDescs.CD_float;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;

/**
 * Emits the bytecode of a {@link GeneratedLoop} for one fused loop. The method is
 * {@snippet lang=java :
 * for (row = rowLo; row < rowHi; row++) {
 *     // offsets of the row in every input, from the outer axes' strides
 *     for (pass = 0; pass < passes; pass++)      // unrolled: one sweep per pass
 *         for (j = 0; j < len; j += lanes) {     // then once more, masked, for the tail
 *             v3 = VectorOps.exp(VectorOps.sub(VectorOps.load(a, offA + j), rowMax));
 *             ...                                // every node as a register value
 *             VectorOps.store(v5, out, row * len + j);
 *         }
 * }
 * }
 * with reductions accumulated in vector registers over blocks of {@value #BLOCK} points and in
 * double between blocks. A value computed in one sweep and needed by a later one (the
 * exponentials of a softmax) is kept in a row-sized scratch array rather than recomputed.
 */
final class LoopEmitter {
    static final int BLOCK = 1024;
    /** Rows longer than this recompute values across sweeps instead of keeping them. */
    static final int MAX_CARRIED_ROW = 1 << 16;

    private static final ClassDesc OPS = ClassDesc.of(VectorOps.class.getName());
    private static final ClassDesc VEC = ClassDesc.of("jdk.incubator.vector.FloatVector");
    private static final ClassDesc MASK = ClassDesc.of("jdk.incubator.vector.VectorMask");
    private static final ClassDesc FLOATS = CD_float.arrayType();
    private static final ClassDesc BOOLEANS = CD_boolean.arrayType();
    private static final ClassDesc MATH = ClassDesc.of("java.lang.Math");
    private static final MethodTypeDesc RUN = MethodTypeDesc.of(CD_void, CD_Object.arrayType(), CD_Object.arrayType(), CD_int, CD_int);

    private final Step.FusedLoop f;
    private final LoopLayout layout;
    private final Kind[] kinds;
    private final VectorOpcode[] opcodes;
    private final int[] pass;
    private final boolean[] carried;
    private final int passes;
    private final int lanes = VectorOps.lanes();

    // Slots of the method's locals.
    private CodeBuilder cb;
    private int row, rowLen, rowBase;
    private final Map<Integer, Integer> arrayOf = new HashMap<>();     // input index -> float[]
    private final Map<Integer, Integer> outputOf = new HashMap<>();    // store index -> float[]
    private final Map<Integer, Integer> offsetOf = new HashMap<>();    // load node -> int offset of the row
    private final Map<Integer, Integer> rowValue = new HashMap<>();    // node constant along the row -> vector
    private final Map<Integer, Integer> carryOf = new HashMap<>();     // carried node -> float[] scratch row
    private final Map<Integer, Integer> accumulator = new HashMap<>(); // reduce node -> double running value
    private final Map<Integer, Integer> laneAcc = new HashMap<>();     // reduce node -> vector running value

    private LoopEmitter(Step.FusedLoop f, LoopLayout layout, Kind[] kinds, VectorOpcode[] opcodes) {
        this.f = f;
        this.layout = layout;
        this.kinds = kinds;
        this.opcodes = opcodes;
        this.pass = f.nodePasses();
        this.passes = f.passes();
        this.carried = new boolean[kinds.length];
        if (f.reducedAxes() > 0 && layout.rowLength() <= MAX_CARRIED_ROW) {
            for (int i = 0; i < kinds.length; i++) {
                if (f.nodes().get(i) instanceof Node.Apply a && kinds[i] == Kind.F32) {
                    for (int j = i + 1; j < kinds.length; j++) {
                        if (f.nodes().get(j) instanceof Node.Apply u && pass[j] > pass[i] && u.args().contains(i)) carried[i] = true;
                    }
                }
            }
        }
    }

    /** {@return the class file of a {@link GeneratedLoop} named {@code name} computing {@code f}} */
    static byte[] emit(ClassDesc name, Step.FusedLoop f, LoopLayout layout, Kind[] kinds, VectorOpcode[] opcodes) {
        var e = new LoopEmitter(f, layout, kinds, opcodes);
        return ClassFile.of().build(name, clb -> clb
                .withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SUPER)
                .withInterfaceSymbols(ClassDesc.of(GeneratedLoop.class.getName()))
                .withMethodBody(ConstantDescs.INIT_NAME, ConstantDescs.MTD_void, ClassFile.ACC_PUBLIC, c -> c
                        .aload(0).invokespecial(CD_Object, ConstantDescs.INIT_NAME, ConstantDescs.MTD_void).return_())
                .withMethodBody("run", RUN, ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL, e::run));
    }

    private void run(CodeBuilder c) {
        cb = c;
        for (int i = 0; i < f.nodes().size(); i++) {
            if (f.nodes().get(i) instanceof Node.Load l && !arrayOf.containsKey(l.input())) {
                arrayOf.put(l.input(), arrayFrom(1, l.input(), kinds[i]));
            }
        }
        for (int s = 0; s < f.stores().size(); s++) outputOf.put(s, arrayFrom(2, s, kinds[f.stores().get(s).node()]));
        for (int i = 0; i < f.nodes().size(); i++) {
            if (f.nodes().get(i) instanceof Node.Constant k) {
                cb.loadConstant((float) k.value().doubleValue());
                rowValue.put(i, call("broadcast", VEC, CD_float));
            }
            if (carried[i]) {
                cb.loadConstant(layout.rowLength()).newarray(TypeKind.FLOAT);
                int slot = cb.allocateLocal(TypeKind.REFERENCE);
                cb.astore(slot);
                carryOf.put(i, slot);
            }
        }
        row = cb.allocateLocal(TypeKind.INT);
        rowLen = cb.allocateLocal(TypeKind.INT);
        rowBase = cb.allocateLocal(TypeKind.INT);
        cb.iload(3).istore(row);
        Label head = cb.newLabel(), done = cb.newLabel();
        cb.labelBinding(head);
        cb.iload(row).iload(4).if_icmpge(done);
        rowPrologue();
        for (int p = 0; p < passes; p++) sweep(p);
        cb.iinc(row, 1).goto_(head);
        cb.labelBinding(done);
        cb.return_();
    }

    /** {@code (float[]) args[index]}, or {@code (boolean[])} for masks, into a new local */
    private int arrayFrom(int argsSlot, int index, Kind kind) {
        int slot = cb.allocateLocal(TypeKind.REFERENCE);
        cb.aload(argsSlot).loadConstant(index).aaload().checkcast(array(kind)).astore(slot);
        return slot;
    }

    private static ClassDesc array(Kind k) {
        return switch (k) {
            case F32 -> FLOATS;
            case MASK -> BOOLEANS;
        };
    }

    /** Row length, output base and every load's offset for the current row. */
    private void rowPrologue() {
        int len = layout.rowLength();
        if (layout.chunked()) {
            // min(rowLength, size - row * rowLength): the last chunk may be short.
            cb.loadConstant(len).loadConstant(layout.size()).iload(row).loadConstant(len).imul().isub();
            cb.invokestatic(MATH, "min", MethodTypeDesc.of(CD_int, CD_int, CD_int)).istore(rowLen);
        } else {
            cb.loadConstant(len).istore(rowLen);
        }
        cb.iload(row).loadConstant(len).imul().istore(rowBase);
        int[] dims = layout.outerDims();
        int rest = cb.allocateLocal(TypeKind.INT), idx = cb.allocateLocal(TypeKind.INT);
        for (int i = 0; i < f.nodes().size(); i++) {
            if (f.nodes().get(i) instanceof Node.Load l) {
                int slot = cb.allocateLocal(TypeKind.INT);
                cb.loadConstant(l.map().offset()).istore(slot);
                offsetOf.put(i, slot);
            }
        }
        cb.iload(row).istore(rest);
        for (int d = dims.length - 1; d >= 0; d--) {
            if (d > 0) {
                cb.iload(rest).loadConstant(dims[d]).irem().istore(idx);
                cb.iload(rest).loadConstant(dims[d]).idiv().istore(rest);
            } else {
                cb.iload(rest).istore(idx);
            }
            for (var e : offsetOf.entrySet()) {
                int stride = layout.outerStrides()[e.getKey()][d];
                if (stride != 0) cb.iload(e.getValue()).iload(idx).loadConstant(stride).imul().iadd().istore(e.getValue());
            }
        }
        for (var e : offsetOf.entrySet()) {
            Node.Load l = (Node.Load) f.nodes().get(e.getKey());
            if (layout.innerStride()[e.getKey()] == 0) {
                Kind k = kinds[e.getKey()];
                cb.aload(arrayOf.get(l.input())).iload(e.getValue());
                rowValue.put(e.getKey(), call(k == Kind.MASK ? "broadcastMask" : "broadcastElement", desc(k), array(k), CD_int));
            }
        }
    }

    /** One sweep over the row: evaluates what pass {@code p} needs, stores and folds. */
    private void sweep(int p) {
        TreeSet<Integer> reduces = new TreeSet<>();
        for (int i = 0; i < f.nodes().size(); i++) {
            if (f.nodes().get(i) instanceof Node.Reduce r && pass[r.arg()] == p) reduces.add(i);
        }
        if (!hasWork(p, reduces)) return;
        int j = cb.allocateLocal(TypeKind.INT), upper = cb.allocateLocal(TypeKind.INT), end = cb.allocateLocal(TypeKind.INT);
        if (reduces.isEmpty()) {
            cb.iconst_0().istore(j);
            cb.iload(rowLen).istore(end);
            vectorLoop(p, reduces, j, upper, end);
            return;
        }
        for (int r : reduces) {
            cb.loadConstant(identity(r)).dstore(slot(accumulator, r, TypeKind.DOUBLE));
        }
        int blockStart = cb.allocateLocal(TypeKind.INT);
        Label head = cb.newLabel(), done = cb.newLabel();
        cb.iconst_0().istore(blockStart);
        cb.labelBinding(head);
        cb.iload(blockStart).iload(rowLen).if_icmpge(done);
        cb.iload(blockStart).loadConstant(BLOCK).iadd().iload(rowLen)
                .invokestatic(MATH, "min", MethodTypeDesc.of(CD_int, CD_int, CD_int)).istore(end);
        for (int r : reduces) {
            cb.loadConstant((float) identity(r));
            invoke("broadcast", VEC, CD_float).astore(slot(laneAcc, r, TypeKind.REFERENCE));
        }
        cb.iload(blockStart).istore(j);
        vectorLoop(p, reduces, j, upper, end);
        for (int r : reduces) {
            cb.dload(accumulator.get(r)).aload(laneAcc.get(r));
            invoke(kindName(r) + "Fold", CD_double, CD_double, VEC).dstore(accumulator.get(r));
        }
        cb.iinc(blockStart, BLOCK).goto_(head);
        cb.labelBinding(done);
        for (int r : reduces) {
            cb.dload(accumulator.get(r)).d2f();
            rowValue.put(r, call("broadcast", VEC, CD_float));
            for (int s = 0; s < f.stores().size(); s++) {
                if (f.stores().get(s).node() == r) {
                    cb.aload(outputOf.get(s)).iload(row).dload(accumulator.get(r)).d2f().fastore();
                }
            }
        }
    }

    private boolean hasWork(int p, TreeSet<Integer> reduces) {
        if (!reduces.isEmpty()) return true;
        for (Step.Store s : f.stores()) if (!(f.nodes().get(s.node()) instanceof Node.Reduce) && pass[s.node()] == p) return true;
        for (int i = 0; i < carried.length; i++) if (carried[i] && pass[i] == p) return true;
        return false;
    }

    /** {@code for (; j < upper; j += lanes) body; if (j < end) maskedBody}, with {@code upper} the last full vector before {@code end}. */
    private void vectorLoop(int p, TreeSet<Integer> reduces, int j, int upper, int end) {
        // upper = end - (end - j) % lanes
        cb.iload(end).iload(end).iload(j).isub().loadConstant(lanes).irem().isub().istore(upper);
        Label head = cb.newLabel(), tail = cb.newLabel(), done = cb.newLabel();
        cb.labelBinding(head);
        cb.iload(j).iload(upper).if_icmpge(tail);
        body(p, reduces, j, -1);
        cb.iinc(j, lanes).goto_(head);
        cb.labelBinding(tail);
        cb.iload(j).iload(end).if_icmpge(done);
        int mask = cb.allocateLocal(TypeKind.REFERENCE);
        cb.iload(j).iload(end);
        invoke("tail", MASK, CD_int, CD_int).astore(mask);
        body(p, reduces, j, mask);
        cb.labelBinding(done);
    }

    /**
     * The values of one vector of points; {@code mask < 0} for a full vector. Every value is
     * computed before the first store, since an output may be the buffer of an input this
     * very vector still reads (buffer reuse, donation).
     */
    private void body(int p, TreeSet<Integer> reduces, int j, int mask) {
        Map<Integer, Integer> value = new HashMap<>(rowValue);
        for (Integer r : reduces) value.remove(r);  // not known until the sweep ends
        Map<Integer, Integer> stored = new HashMap<>();   // store index -> slot
        for (int s = 0; s < f.stores().size(); s++) {
            int node = f.stores().get(s).node();
            if (!(f.nodes().get(node) instanceof Node.Reduce) && pass[node] == p) stored.put(s, value(node, p, j, mask, value));
        }
        Map<Integer, Integer> kept = new HashMap<>();     // carried node -> slot
        for (int i = 0; i < carried.length; i++) if (carried[i] && pass[i] == p) kept.put(i, value(i, p, j, mask, value));
        Map<Integer, Integer> folded = new HashMap<>();   // reduce node -> slot of its argument
        for (int r : reduces) folded.put(r, value(((Node.Reduce) f.nodes().get(r)).arg(), p, j, mask, value));
        for (var e : stored.entrySet()) {
            cb.aload(e.getValue()).aload(outputOf.get(e.getKey())).iload(rowBase).iload(j).iadd();
            store(mask, kinds[f.stores().get(e.getKey()).node()]);
        }
        for (var e : kept.entrySet()) {
            cb.aload(e.getValue()).aload(carryOf.get(e.getKey())).iload(j);
            store(mask, Kind.F32);
        }
        for (var e : folded.entrySet()) {
            int r = e.getKey();
            String step = kindName(r) + "Step";
            cb.aload(laneAcc.get(r)).aload(e.getValue());
            if (mask < 0) {
                invoke(step, VEC, VEC, VEC).astore(laneAcc.get(r));
            } else {
                cb.aload(mask);
                invoke(step, VEC, VEC, VEC, MASK).astore(laneAcc.get(r));
            }
        }
    }

    private void store(int mask, Kind kind) {
        String method = kind == Kind.MASK ? "storeMask" : "store";
        if (mask < 0) {
            cb.invokestatic(OPS, method, MethodTypeDesc.of(CD_void, desc(kind), array(kind), CD_int));
        } else {
            cb.aload(mask).invokestatic(OPS, method, MethodTypeDesc.of(CD_void, desc(kind), array(kind), CD_int, MASK));
        }
    }

    /**
     * {@return the local holding node {@code target} at the current points}, emitting the
     * computation of it and of every node it needs that has no value yet. Arguments precede
     * their users, so emitting the needed nodes in ascending order is a valid order; the walk
     * uses an explicit stack because a loop's chains can be thousands of nodes deep.
     */
    private int value(int target, int p, int j, int mask, Map<Integer, Integer> value) {
        Integer known = value.get(target);
        if (known != null) return known;
        TreeSet<Integer> needed = new TreeSet<>();
        ArrayDeque<Integer> pending = new ArrayDeque<>();
        pending.push(target);
        while (!pending.isEmpty()) {
            int i = pending.pop();
            if (value.containsKey(i) || !needed.add(i)) continue;
            if (f.nodes().get(i) instanceof Node.Apply a && !carriedFromEarlierPass(i, p)) a.args().forEach(pending::push);
        }
        for (int i : needed) value.put(i, emitValue(i, p, j, mask, value));
        return value.get(target);
    }

    private boolean carriedFromEarlierPass(int i, int p) {
        return carried[i] && pass[i] < p;
    }

    /** Emits node {@code i}, whose arguments all have values already. */
    private int emitValue(int i, int p, int j, int mask, Map<Integer, Integer> value) {
        if (carriedFromEarlierPass(i, p)) {
            cb.aload(carryOf.get(i)).iload(j);
            return load(mask, Kind.F32);
        }
        return switch (f.nodes().get(i)) {
            case Node.Load l -> {
                cb.aload(arrayOf.get(l.input())).iload(offsetOf.get(i)).iload(j).iadd();
                yield load(mask, kinds[i]);
            }
            case Node.Apply a -> apply(i, a, value);
            case Node.Constant _, Node.Reduce _ -> throw new IllegalStateException("node " + i + " has no value in pass " + p);
            case Node.Iota _, Node.BoundedLoad _ -> throw new IllegalStateException("node " + i + ": JvmLoops declines iotas and bounded loads");
        };
    }

    private int load(int mask, Kind kind) {
        String method = kind == Kind.MASK ? "loadMask" : "load";
        if (mask < 0) return call(method, desc(kind), array(kind), CD_int);
        cb.aload(mask);
        return call(method, desc(kind), array(kind), CD_int, MASK);
    }

    private int apply(int i, Node.Apply a, Map<Integer, Integer> value) {
        VectorOpcode op = opcodes[i];
        if (op.isIdentity()) return value.get(a.args().head());
        ClassDesc[] params = new ClassDesc[a.args().size()];
        for (int k = 0; k < params.length; k++) {
            cb.aload(value.get(a.args().get(k)));
            params[k] = desc(op.operands().get(k));
        }
        return call(op.method(), desc(op.result()), params);
    }

    private static ClassDesc desc(Kind k) {
        return switch (k) {
            case F32 -> VEC;
            case MASK -> MASK;
        };
    }

    /** Calls {@code VectorOps.method} on the stack's operands, leaving the result on the stack. */
    private CodeBuilder invoke(String method, ClassDesc result, ClassDesc... params) {
        return cb.invokestatic(OPS, method, MethodTypeDesc.of(result, params));
    }

    /** Calls {@code VectorOps.method} on the stack's operands and stores the result in a new local. */
    private int call(String method, ClassDesc result, ClassDesc... params) {
        invoke(method, result, params);
        int slot = cb.allocateLocal(result == CD_double ? TypeKind.DOUBLE : TypeKind.REFERENCE);
        if (result == CD_double) cb.dstore(slot);
        else cb.astore(slot);
        return slot;
    }

    private int slot(Map<Integer, Integer> slots, int node, TypeKind kind) {
        return slots.computeIfAbsent(node, k -> cb.allocateLocal(kind));
    }

    private String kindName(int reduceNode) {
        return switch (((Node.Reduce) f.nodes().get(reduceNode)).kind()) {
            case ReduceSum _ -> "sum";
            case ReduceMax _ -> "max";
            case ReduceMin _ -> "min";
            case ReduceProd _, ReduceAnd _, ReduceOr _ -> throw new IllegalStateException("not generated: " + f.nodes().get(reduceNode));
        };
    }

    private double identity(int reduceNode) {
        Primitive.Reduction kind = ((Node.Reduce) f.nodes().get(reduceNode)).kind();
        return switch (kind) {
            case ReduceSum _ -> 0.0;
            case ReduceMax _ -> Double.NEGATIVE_INFINITY;
            case ReduceMin _ -> Double.POSITIVE_INFINITY;
            case ReduceProd _, ReduceAnd _, ReduceOr _ -> throw new IllegalStateException("not generated: " + kind.name());
        };
    }
}
