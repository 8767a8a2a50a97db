package dev.jaxj.properties;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.ir.Primitive.ViewAsComplex;
import dev.jaxj.ir.Primitive.ViewAsReal;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.properties.VmapCase.Instance;
import dev.jaxj.properties.VmapCase.Operand;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.UnaryOperator;

/**
 * Rows of the vmap table for the primitives that make, take apart and view complex numbers.
 * Each row builds complex values from real operands and returns real ones, so that the table's
 * comparison of batched and stacked results sees every part.
 */
final class VmapComplexCases {
    private VmapComplexCases() {}

    private static VmapCase unary(String name, UnaryOperator<Array> f) {
        return new VmapCase(name, d -> Instance.of(Vector.of(Operand.real(d.shape())), xs -> f.apply(xs.head())));
    }

    static Seq<VmapCase> all() {
        return Vector.of(
                new VmapCase("complex", d -> {
                    Shape s = d.shape();
                    return Instance.of(Vector.of(Operand.real(s), Operand.real(s)),
                            xs -> Lax.real(Lax.mul(Lax.complex(xs.get(0), xs.get(1)), Lax.complex(xs.get(1), xs.get(0)))));
                }),
                unary("real", x -> Lax.real(Lax.exp(Lax.complex(x, Lax.sin(x))))),
                unary("imag", x -> Lax.imag(Lax.exp(Lax.complex(x, Lax.sin(x))))),
                unary("conj", x -> Lax.imag(Lax.mul(Lax.conj(Lax.complex(x, Lax.cos(x))), Lax.complex(Lax.sin(x), x)))),
                unary("view_as_real", x -> Bind.bind1(new ViewAsReal(), Lax.complex(x, Lax.neg(x)))),
                unary("view_as_complex", x -> Lax.imag(Bind.bind1(new ViewAsComplex(), Bind.bind1(new ViewAsReal(), Lax.complex(x, Lax.cos(x)))))));
    }
}
