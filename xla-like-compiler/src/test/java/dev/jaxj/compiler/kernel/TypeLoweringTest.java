package dev.jaxj.compiler.kernel;

import dev.jaxj.ir.DType;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive.Complex;
import dev.jaxj.ir.Primitive.Neg;
import dev.jaxj.ir.Primitive.ViewAsComplex;
import dev.jaxj.ir.Primitive.ViewAsReal;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.Var;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TypeLoweringTest {
    private static final ShapedArray X = ShapedArray.of(DType.F64, Shape.of(3));

    /** A complex value known only by its parts (made by complex) is assembled before a view of its storage reads it. */
    @Test
    void viewAsRealOfAComplexKnownByItsPartsReadsDefinedStorage() {
        Jaxpr j = Jaxpr.build(Vector.of(X), b -> {
            Var z = b.add(new Complex(), b.in(0), b.add(new Neg(), b.in(0)).head()).head();
            return b.add(new ViewAsReal(), z);
        });
        Jaxpr lowered = TypeLowering.lower(j);
        lowered.typecheck();
        assertEquals(ShapedArray.of(DType.F64, Shape.of(3, 2)), lowered.outs().head().aval());
    }

    @Test
    void viewAsComplexOfAViewAsRealRoundTrips() {
        Jaxpr j = Jaxpr.build(Vector.of(X), b -> {
            Var z = b.add(new Complex(), b.in(0), b.in(0)).head();
            return b.add(new ViewAsComplex(), b.add(new ViewAsReal(), z).head());
        });
        Jaxpr lowered = TypeLowering.lower(j);
        lowered.typecheck();
        assertEquals(ShapedArray.of(DType.C128, Shape.of(3)), lowered.outs().head().aval());
    }
}
