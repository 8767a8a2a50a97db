package dev.jaxj.properties.special;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.lax.Lax;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.lang.reflect.RecordComponent;

/**
 * One elementwise primitive applied to operands of given dtypes, with the operands' elements:
 * the cartesian product of each dtype's special values, repeated to a length that fills
 * several vectors of any width and leaves a tail.
 */
record Case(Primitive.Elementwise prim, Vector<DType> operands) {
    /** Long enough for full vectors of every species plus a partial one. */
    private static final int MIN_LENGTH = 131;

    /**
     * {@return every case}: each elementwise primitive record (found through the sealed
     * hierarchy) with each operand dtype that kernels compute in; the storage and complex types,
     * which the compiler lowers to these, and the primitives that make or take complex numbers
     * have tests of their own
     */
    static Vector<Case> all() {
        return records(Primitive.Elementwise.class)
                .filter(c -> !Primitive.ComplexUnary.class.isAssignableFrom(c) && c != Primitive.Complex.class)
                .flatMap(Case::instances)
                .flatMap(p -> Vector.ofAll(DType.computeTypes()).flatMap(d -> operandDTypes(p, d).map(ops -> new Case(p, ops))));
    }

    /** {@return the record classes below {@code c}} */
    static Vector<Class<?>> records(Class<?> c) {
        if (c.isRecord()) return Vector.of(c);
        return Vector.of(c.getPermittedSubclasses()).flatMap(Case::records);
    }

    /** {@return instances of a record: the only one without components, else one per interesting parameter} */
    static Seq<Primitive.Elementwise> instances(Class<?> c) {
        RecordComponent[] components = c.getRecordComponents();
        if (components.length == 0) {
            try {
                return List.of((Primitive.Elementwise) c.getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        if (c == IntegerPow.class) return List.of(0, 1, 2, 3, -1, -2).map(IntegerPow::new);
        if (c == Round.class) return List.of(RoundingMethod.values()).map(Round::new);
        if (c == ConvertElementType.class) return List.ofAll(DType.computeTypes()).map(d -> new ConvertElementType(d, false));
        if (c == BitcastConvertType.class) return List.ofAll(DType.computeTypes()).filter(d -> !d.isBool()).map(BitcastConvertType::new);
        throw new IllegalStateException(c.getSimpleName() + " has parameters: give its interesting values in Case.instances");
    }

    private static Seq<Vector<DType>> operandDTypes(Primitive.Elementwise p, DType d) {
        return switch (p) {
            case Unary _ -> List.of(Vector.of(d));
            case Binary _ -> List.of(Vector.of(d, d));
            case SelectN _ -> List.of(Vector.of(DType.BOOL, d, d), Vector.of(DType.I32, d, d));
            case Clamp _ -> List.of(Vector.of(d, d, d));
        };
    }

    /** {@return the operands' elements, column by column} */
    long[][] columns() {
        long[][] values = operands.map(Elements::special).toJavaArray(long[][]::new);
        int product = 1;
        for (long[] v : values) product *= v.length;
        int n = Math.max(MIN_LENGTH, product) | 1;
        long[][] cols = new long[values.length][n];
        for (int i = 0; i < n; i++) {
            int rest = i % product;
            for (int k = values.length - 1; k >= 0; k--) {
                cols[k][i] = values[k][rest % values[k].length];
                rest /= values[k].length;
            }
        }
        return cols;
    }

    /** {@return {@code n} random elements of each operand} */
    long[][] randomColumns(int n, java.util.Random r) {
        long[][] cols = new long[operands.size()][n];
        for (int k = 0; k < cols.length; k++) {
            for (int i = 0; i < n; i++) cols[k][i] = Elements.random(operands.get(k), r);
        }
        return cols;
    }

    /** {@return the primitive applied to {@code args}} */
    Array apply(Vector<Array> args) { return Bind.bind(prim, args).head(); }

    /** {@return the primitive applied between two exact involutions}, so a fused loop holds it among other nodes */
    Array applyBetweenNegations(Vector<Array> negatedArgs) { return negate(apply(negatedArgs.map(Case::negate))); }

    /** Flips floats' signs, negates integers (wrapping), inverts bools: {@link Elements#negated} inside a program. */
    static Array negate(Array a) { return a.dtype().isBool() ? Lax.not(a) : Lax.neg(a); }

    @Override
    public String toString() {
        return prim + " of " + operands.mkString("(", ", ", ")");
    }
}
