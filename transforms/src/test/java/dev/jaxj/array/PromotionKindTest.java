package dev.jaxj.array;

import dev.jaxj.array.Promotion.Kind;
import dev.jaxj.array.Promotion.Typed;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The dtype families of JAX's {@code promote_args_numeric} (bools become int32) and
 * {@code promote_args_inexact} (bools and integers become float32, a weak type staying weak),
 * applied after the lattice join; written out by hand from those definitions.
 */
class PromotionKindTest {
    private static Typed of(Kind k, ShapedArray... avals) { return Promotion.resultType(k, Vector.of(avals)); }

    private static ShapedArray strong(DType d) { return ShapedArray.of(d); }

    private static ShapedArray weak(DType d) { return new ShapedArray(Shape.SCALAR, d, true); }

    @Test
    void numericTurnsBoolsIntoI32AndLeavesTheRest() {
        assertEquals(new Typed(DType.I32, false), of(Kind.NUMERIC, strong(DType.BOOL), strong(DType.BOOL)));
        assertEquals(new Typed(DType.I32, true), of(Kind.NUMERIC, strong(DType.BOOL), weak(DType.I32)));
        assertEquals(new Typed(DType.U32, false), of(Kind.NUMERIC, strong(DType.U32), weak(DType.I32)));
        assertEquals(new Typed(DType.F32, true), of(Kind.NUMERIC, strong(DType.I64), weak(DType.F32)));
    }

    @Test
    void inexactTurnsBoolsAndIntegersIntoF32KeepingWeakness() {
        assertEquals(new Typed(DType.F32, false), of(Kind.INEXACT, strong(DType.I32), strong(DType.I64)));
        assertEquals(new Typed(DType.F32, false), of(Kind.INEXACT, strong(DType.I32), weak(DType.I32)));
        assertEquals(new Typed(DType.F32, true), of(Kind.INEXACT, strong(DType.BOOL), weak(DType.I32)));
        assertEquals(new Typed(DType.F32, true), of(Kind.INEXACT, weak(DType.I32), weak(DType.I32)));
        assertEquals(new Typed(DType.F64, false), of(Kind.INEXACT, strong(DType.F64), weak(DType.F32)));
        assertEquals(new Typed(DType.BOOL, false), of(Kind.ANY, strong(DType.BOOL), strong(DType.BOOL)));
    }
}
