package dev.jaxj.properties;

import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.properties.VmapCase.Draw;
import dev.jaxj.properties.VmapCase.Instance;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static dev.jaxj.properties.VmapCase.Operand.real;

/**
 * Rows of the vmap table for qr, eigh, svd and eig: matrices {@code [..., m, n]} with up to one batch
 * axis of their own and sides 0 to 4, every combination of static params.
 */
final class VmapOrthogonalCases {
    private VmapOrthogonalCases() {}

    static Seq<VmapCase> all() {
        return Vector.of(
                new VmapCase("qr", VmapOrthogonalCases::qr),
                new VmapCase("eigh", VmapOrthogonalCases::eigh),
                new VmapCase("svd", VmapOrthogonalCases::svd),
                new VmapCase("eig", VmapOrthogonalCases::eig));
    }

    private static Shape matrices(Draw d, int m, int n) {
        return d.coin() ? Shape.of(m, n) : Shape.of(d.between(0, 2), m, n);
    }

    private static Instance qr(Draw d) {
        boolean full = d.coin();
        return new Instance(Vector.of(real(matrices(d, d.between(0, 4), d.between(0, 4)))), xs -> Lax.qr(xs.head(), full));
    }

    private static Instance eigh(Draw d) {
        int n = d.between(0, 4);
        boolean lower = d.coin(), sort = d.coin();
        return new Instance(Vector.of(real(matrices(d, n, n))), xs -> Lax.eigh(xs.head(), lower, sort));
    }

    private static Instance eig(Draw d) {
        int n = d.between(0, 4);
        boolean left = d.coin(), right = d.coin();
        return new Instance(Vector.of(real(matrices(d, n, n))), xs -> Lax.eig(xs.head(), left, right, false));
    }

    private static Instance svd(Draw d) {
        boolean full = d.coin(), uv = d.coin();
        return new Instance(Vector.of(real(matrices(d, d.between(0, 4), d.between(0, 4)))), xs -> Lax.svd(xs.head(), full, uv));
    }
}
