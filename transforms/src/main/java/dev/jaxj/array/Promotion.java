package dev.jaxj.array;

import dev.jaxj.ir.DType;
import dev.jaxj.ir.ShapedArray;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * JAX's type promotion: the result dtype of a binary operation is the join (least upper bound)
 * of the operands' types on JAX's promotion lattice. Weakly typed values (Java scalars) enter
 * as {@code i*} or {@code f*} and give way to strongly typed operands.
 * {@snippet lang=text :
 * b1 -> i*          i* -> u1, i1     f* -> c*, f2, bf
 * u1 -> u2, i2      i1 -> i2         bf -> f4   f2 -> f4
 * u2 -> u4, i4      i2 -> i4         f4 -> f8, c8
 * u4 -> u8, i8      i4 -> i8         f8 -> c16
 * u8 -> f*          i8 -> f*         c* -> c8   c8 -> c16
 * }
 * The weak results {@code i*}/{@code f*}/{@code c*} become the defaults {@code i32}/{@code f32}/{@code c64},
 * weakly typed, except that two integers joining at {@code f*} (u64 with a signed integer, which
 * no integer type holds) give f64, weakly typed, as JAX does with 64-bit types enabled: an f32
 * would keep 24 of the 64 bits.
 */
public final class Promotion {
    private enum Node { B1, U1, U2, U4, U8, IW, I1, I2, I4, I8, FW, BF, F2, F4, F8, CW, C8, C16 }

    private static final Map<Node, List<Node>> EDGES = Map.ofEntries(
            Map.entry(Node.B1, List.of(Node.IW)),
            Map.entry(Node.U1, List.of(Node.U2, Node.I2)), Map.entry(Node.U2, List.of(Node.U4, Node.I4)),
            Map.entry(Node.U4, List.of(Node.U8, Node.I8)), Map.entry(Node.U8, List.of(Node.FW)),
            Map.entry(Node.IW, List.of(Node.U1, Node.I1)), Map.entry(Node.I1, List.of(Node.I2)),
            Map.entry(Node.I2, List.of(Node.I4)), Map.entry(Node.I4, List.of(Node.I8)), Map.entry(Node.I8, List.of(Node.FW)),
            Map.entry(Node.FW, List.of(Node.CW, Node.F2, Node.BF)), Map.entry(Node.BF, List.of(Node.F4)),
            Map.entry(Node.F2, List.of(Node.F4)), Map.entry(Node.F4, List.of(Node.C8, Node.F8)), Map.entry(Node.F8, List.of(Node.C16)),
            Map.entry(Node.CW, List.of(Node.C8)), Map.entry(Node.C8, List.of(Node.C16)), Map.entry(Node.C16, List.of()));

    private static final Map<Node, EnumSet<Node>> UPPER = upperSets();

    private Promotion() {}

    /** A dtype with its weak flag: the type of a promotion result. */
    public record Typed(DType dtype, boolean weak) {}

    /** The dtype family an operation computes in, as JAX's {@code promote_args*} helpers choose it. */
    public enum Kind {
        /** The promoted dtype as is ({@code promote_args}). */
        ANY,
        /** Bools become i32 ({@code promote_args_numeric}). */
        NUMERIC,
        /** Bools and integers become f32, a weak type staying weak ({@code promote_args_inexact}). */
        INEXACT
    }

    /** {@return the promoted type of two (possibly weak) types} */
    public static Typed join(Typed a, Typed b) {
        Node n = join(node(a), node(b));
        return switch (n) {
            case IW -> new Typed(DType.I32, true);
            case FW -> new Typed(integral(a) && integral(b) ? DType.F64 : DType.F32, true);
            case B1 -> new Typed(DType.BOOL, false);
            case U4 -> new Typed(DType.U32, false);
            case I4 -> new Typed(DType.I32, false);
            case I8 -> new Typed(DType.I64, false);
            case F4 -> new Typed(DType.F32, false);
            case F8 -> new Typed(DType.F64, false);
            case CW -> new Typed(DType.C64, true);
            case U1 -> new Typed(DType.U8, false);
            case U2 -> new Typed(DType.U16, false);
            case I1 -> new Typed(DType.I8, false);
            case I2 -> new Typed(DType.I16, false);
            case BF -> new Typed(DType.BF16, false);
            case F2 -> new Typed(DType.F16, false);
            case C8 -> new Typed(DType.C64, false);
            case C16 -> new Typed(DType.C128, false);
            case U8 -> new Typed(DType.U64, false);
        };
    }

    private static boolean integral(Typed t) {
        return t.dtype().isInteger() || t.dtype().isBool();
    }

    /** {@return JAX's {@code promote_types} for two strongly typed dtypes} */
    public static DType promoteTypes(DType a, DType b) {
        return join(new Typed(a, false), new Typed(b, false)).dtype();
    }

    /** {@return the promoted type of several avals} */
    public static Typed resultType(Iterable<ShapedArray> avals) {
        Typed t = null;
        for (ShapedArray a : avals) {
            Typed u = new Typed(a.dtype(), a.weakType());
            t = t == null ? u : join(t, u);
        }
        if (t == null) throw new IllegalArgumentException("resultType needs at least one operand");
        return t;
    }

    /** {@return the promoted type of several avals, moved into the family {@code kind}} */
    public static Typed resultType(Kind kind, Iterable<ShapedArray> avals) {
        Typed t = resultType(avals);
        return switch (kind) {
            case ANY -> t;
            case NUMERIC -> t.dtype().isBool() ? new Typed(DType.I32, false) : t;
            case INEXACT -> t.dtype().isInexact() ? t : new Typed(DType.F32, t.weak());
        };
    }

    private static Node node(Typed t) {
        return switch (t.dtype()) {
            case BOOL -> Node.B1;
            case U32 -> t.weak() ? Node.IW : Node.U4;
            case I32 -> t.weak() ? Node.IW : Node.I4;
            case I64 -> t.weak() ? Node.IW : Node.I8;
            case F32 -> t.weak() ? Node.FW : Node.F4;
            case F64 -> t.weak() ? Node.FW : Node.F8;
            case U8 -> t.weak() ? Node.IW : Node.U1;
            case U16 -> t.weak() ? Node.IW : Node.U2;
            case U64 -> t.weak() ? Node.IW : Node.U8;
            case I8 -> t.weak() ? Node.IW : Node.I1;
            case I16 -> t.weak() ? Node.IW : Node.I2;
            case BF16 -> t.weak() ? Node.FW : Node.BF;
            case F16 -> t.weak() ? Node.FW : Node.F2;
            case C64 -> t.weak() ? Node.CW : Node.C8;
            case C128 -> t.weak() ? Node.CW : Node.C16;
        };
    }

    private static Node join(Node a, Node b) {
        EnumSet<Node> common = EnumSet.copyOf(UPPER.get(a));
        common.retainAll(UPPER.get(b));
        // The least upper bound is the common upper bound below all the others.
        for (Node n : common) {
            if (UPPER.get(n).containsAll(common)) return n;
        }
        throw new IllegalStateException("no join for " + a + " and " + b);
    }

    private static Map<Node, EnumSet<Node>> upperSets() {
        var m = new java.util.EnumMap<Node, EnumSet<Node>>(Node.class);
        for (Node n : Node.values()) {
            EnumSet<Node> up = EnumSet.of(n);
            var todo = new java.util.ArrayDeque<>(EDGES.get(n));
            while (!todo.isEmpty()) {
                Node x = todo.pop();
                if (up.add(x)) todo.addAll(EDGES.get(x));
            }
            m.put(n, up);
        }
        return Map.copyOf(m);
    }
}
