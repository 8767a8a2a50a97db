package dev.jaxj.properties;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.testing.JaxjArbitraries;
import io.vavr.collection.Seq;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The first-order derivative laws of {@link GradProperties} for the storage float types bf16 and
 * f16, over every row of {@link OpCases} that takes any floating dtype ({@link OpCase#storageFloats}),
 * against f64 central differences with the tolerances that {@link StorageFloatCheck} derives from
 * the types' unit roundoff.
 */
class StorageFloatGradProperties {
    @Provide
    Arbitrary<Shape> shapes() { return JaxjArbitraries.shapes(); }

    @Provide
    Arbitrary<DType> dtypes() { return JaxjArbitraries.dtypes(DType.BF16, DType.F16); }

    private static Seq<OpCase> rows() {
        return OpCases.all().filter(OpCase::storageFloats);
    }

    @Property(tries = 15)
    void jvpMatchesCentralDifferences(@ForAll("shapes") Shape s, @ForAll("dtypes") DType d, @ForAll long seed) {
        for (OpCase c : rows()) {
            Seq<Array> x = c.operands(s, d, seed);
            switch (c.reference()) {
                case CENTRAL_DIFFERENCES -> StorageFloatCheck.assertJvpMatchesCentralDifferences(c.name(), c.f(), x, seed);
                case ZERO -> c.check().assertZeroDerivative(x, seed);
            }
        }
    }

    @Property(tries = 15)
    void vjpIsTheTransposeOfJvp(@ForAll("shapes") Shape s, @ForAll("dtypes") DType d, @ForAll long seed) {
        for (OpCase c : rows()) {
            if (!GradProperties.KNOWN_REVERSE_MODE_BUGS.contains(c.name())) {
                StorageFloatCheck.assertVjpIsTransposeOfJvp(c.name(), c.f(), c.operands(s, d, seed), seed);
            }
        }
    }
}
