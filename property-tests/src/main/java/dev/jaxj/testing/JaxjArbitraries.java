package dev.jaxj.testing;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.Tuple;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.SplittableRandom;

/**
 * jqwik arbitraries for jaxj values, as {@link Arbitraries} gives them for Java's: shapes (scalars
 * and zero-size shapes included), dtypes, arrays whose values lie in a {@link Domain}, and
 * pytrees of arrays. Shapes shrink towards rank 0 and small dimensions, so a failing property
 * reports a small case.
 * {@snippet :
 * // a jqwik @Provide method
 * Arbitrary<Array> inputs() {
 *     return JaxjArbitraries.arrays(JaxjArbitraries.shapes(), JaxjArbitraries.floatDtypes(), Domain.POSITIVE);
 * }
 * }
 */
public final class JaxjArbitraries {
    private JaxjArbitraries() {}

    /** The most axes {@link #shapes()} draws. */
    public static final int MAX_RANK = 3;
    /** The largest dimension {@link #shapes()} draws. */
    public static final int MAX_DIM = 4;

    /** {@return shapes of rank 0–3 with dimensions 0–4} */
    public static Arbitrary<Shape> shapes() {
        return shapes(0, MAX_RANK, 0, MAX_DIM);
    }

    /**
     * {@return shapes of rank {@code minRank..maxRank} with dimensions {@code minDim..maxDim}}:
     * a list of dimensions, which jqwik shrinks by dropping any axis (towards {@code minRank})
     * and by shrinking each dimension (towards {@code minDim}), so a failure that needs one long
     * axis shrinks to that axis alone.
     */
    public static Arbitrary<Shape> shapes(int minRank, int maxRank, int minDim, int maxDim) {
        if (minRank < 0 || maxRank < minRank || minDim < 0 || maxDim < minDim) {
            throw new IllegalArgumentException("need 0 <= minRank <= maxRank and 0 <= minDim <= maxDim, got ranks "
                    + minRank + ".." + maxRank + " and dims " + minDim + ".." + maxDim);
        }
        return Arbitraries.integers().between(minDim, maxDim).list().ofMinSize(minRank).ofMaxSize(maxRank).map(Shape::of);
    }

    /** {@return f32 or f64} */
    public static Arbitrary<DType> floatDtypes() {
        return Arbitraries.of(DType.F32, DType.F64);
    }

    /** {@return one of {@code dtypes}} */
    public static Arbitrary<DType> dtypes(DType... dtypes) {
        return Arbitraries.of(dtypes);
    }

    /** {@return every dtype} */
    public static Arbitrary<DType> dtypes() {
        return Arbitraries.of(DType.class);
    }

    /**
     * {@return arrays of {@code shape} and {@code dtype} with values drawn from {@code domain}}
     * Values come from a seeded draw of the domain, so that every shrunk array still lies in
     * the domain (a shrunk value would drift onto the kink or tie the domain avoids).
     */
    public static Arbitrary<Array> arrays(Shape shape, DType dtype, Domain domain) {
        return operands(Vector.of(shape), dtype, domain).map(Seq::head);
    }

    /** {@return arrays of drawn shapes and dtypes with values in {@code domain}} */
    public static Arbitrary<Array> arrays(Arbitrary<Shape> shapes, Arbitrary<DType> dtypes, Domain domain) {
        return Combinators.combine(shapes, dtypes, seeds())
                .as((s, d, seed) -> domain.arrays(new SplittableRandom(seed), Vector.of(s), d).head());
    }

    /** {@return operands of the given shapes, drawn together from {@code domain}} (so that the domain can relate them) */
    public static Arbitrary<Seq<Array>> operands(Seq<Shape> shapes, DType dtype, Domain domain) {
        return seeds().map(seed -> domain.arrays(new SplittableRandom(seed), shapes, dtype));
    }

    /** Seeds of value draws: no edge cases, since no seed is more special than another. */
    private static Arbitrary<Long> seeds() {
        return Arbitraries.longs().withoutEdgeCases();
    }

    /**
     * {@return pytrees of arrays up to {@code maxDepth} containers deep}: leaves from
     * {@code leaves}, containers drawn from Vavr vectors, tuples, string-keyed maps and
     * options (empty containers included). Shrinks towards a single leaf.
     */
    public static Arbitrary<Object> pytrees(Arbitrary<Array> leaves, int maxDepth) {
        return Arbitraries.recursive(() -> leaves.map(a -> (Object) a), JaxjArbitraries::container, 0, maxDepth);
    }

    private static Arbitrary<Object> container(Arbitrary<Object> child) {
        return Arbitraries.oneOf(
                child.list().ofMaxSize(3).map(l -> (Object) Vector.ofAll(l)),
                Combinators.combine(child, child).as((a, b) -> (Object) Tuple.of(a, b)),
                child.list().ofMaxSize(3).map(l -> (Object) LinkedHashMap.ofEntries(
                        Vector.range(0, l.size()).map(i -> Tuple.of("k" + i, l.get(i))))),
                child.optional(0.7).map(o -> (Object) Option.ofOptional(o)));
    }
}
