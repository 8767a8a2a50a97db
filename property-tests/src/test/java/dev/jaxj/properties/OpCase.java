package dev.jaxj.properties;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.testing.Domain;
import dev.jaxj.testing.GradCheck;
import dev.jaxj.testing.Tol;
import io.vavr.collection.HashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;

import java.util.SplittableRandom;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * One row of the gradient table: a differentiable primitive as a function of its
 * differentiable operands (static parameters and integer operands, such as gather indices, are
 * fixed inside {@code f} from the operands' shapes), where to draw its inputs, and what to check.
 *
 * @param name      the primitive's name (with a qualifier when a primitive has several rows)
 * @param f         the primitive applied to {@code arity} floating operands
 * @param arity     how many operands {@code f} takes
 * @param domain    where the operands' values are drawn
 * @param dtypes    the floating dtypes to check
 * @param order     2 when the rule is itself differentiable and second order is checked, else 1
 * @param tol       tolerance overrides
 * @param shapes    the operands' shapes for a drawn shape
 * @param reference what the derivative is compared with
 */
record OpCase(String name, Function<Seq<Array>, Array> f, int arity, Domain domain, Set<DType> dtypes, int order, Tol tol,
              OperandShapes shapes, Reference reference) {

    static final Set<DType> FLOATS = HashSet.of(DType.F32, DType.F64);

    /** The derivative's reference: central differences, or zero for ops whose derivative is zero by definition. */
    enum Reference { CENTRAL_DIFFERENCES, ZERO }

    /** The operand shapes for a drawn shape; rows that need structure (rank, matching axes) build it from the drawn dimensions. */
    @FunctionalInterface
    interface OperandShapes {
        Seq<Shape> of(Shape drawn);
    }

    OpCase {
        requireNonNull(name, "name is null");
        requireNonNull(f, "f is null");
        requireNonNull(domain, "domain is null");
        requireNonNull(dtypes, "dtypes is null");
        requireNonNull(tol, "tol is null");
        requireNonNull(shapes, "shapes is null");
        requireNonNull(reference, "reference is null");
    }

    /** {@return a row of {@code arity} operands all shaped as drawn, checked in f32 and f64 to second order} */
    static OpCase of(String name, int arity, Domain domain, Function<Seq<Array>, Array> f) {
        return new OpCase(name, f, arity, domain, FLOATS, 2, Tol.DEFAULT, s -> Vector.fill(arity, s), Reference.CENTRAL_DIFFERENCES);
    }

    OpCase withOrder(int o) { return new OpCase(name, f, arity, domain, dtypes, o, tol, shapes, reference); }

    OpCase withTol(Tol t) { return new OpCase(name, f, arity, domain, dtypes, order, t, shapes, reference); }

    OpCase withDtypes(Set<DType> d) { return new OpCase(name, f, arity, domain, d, order, tol, shapes, reference); }

    OpCase withShapes(OperandShapes s) { return new OpCase(name, f, arity, domain, dtypes, order, tol, s, reference); }

    OpCase withReference(Reference r) { return new OpCase(name, f, arity, domain, dtypes, order, tol, shapes, r); }

    /**
     * {@return whether the row also runs in the storage float types bf16 and f16}: rows generic in
     * the floating dtype do; rows pinned to f32 or f64 (conversions between them) do not.
     */
    boolean storageFloats() {
        return dtypes.equals(FLOATS);
    }

    /** {@return the dtype to check for a drawn dtype}: the drawn one when supported, else the row's first */
    DType dtypeFor(DType drawn) {
        return dtypes.contains(drawn) || storageFloats() && (drawn == DType.BF16 || drawn == DType.F16) ? drawn : dtypes.toSortedSet().head();
    }

    /** {@return operands for a drawn shape, dtype and seed} */
    Seq<Array> operands(Shape drawn, DType dtype, long seed) {
        return domain.arrays(new SplittableRandom(seed), shapes.of(drawn), dtypeFor(dtype));
    }

    /** {@return whether {@code f} takes operands of shape {@code s} unchanged}: the row then composes in random programs. */
    boolean acceptsAsIs(Shape s) {
        Seq<Shape> in = shapes.of(s);
        return in.size() == arity && in.forAll(s::equals);
    }

    GradCheck check() {
        return GradCheck.of(name, f).withTol(tol);
    }

    @Override
    public String toString() { return name; }
}
