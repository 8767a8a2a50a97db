package dev.jaxj.transforms.jvp;

import dev.jaxj.array.Array;
import dev.jaxj.errors.NotDifferentiable;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.Eig;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static dev.jaxj.transforms.jvp.OrthogonalJvp.colVector;
import static dev.jaxj.transforms.jvp.OrthogonalJvp.diagonal;
import static dev.jaxj.transforms.jvp.OrthogonalJvp.eye;
import static dev.jaxj.transforms.jvp.OrthogonalJvp.mT;
import static dev.jaxj.transforms.jvp.OrthogonalJvp.mm;
import static dev.jaxj.transforms.jvp.OrthogonalJvp.rowVector;
import static dev.jaxj.transforms.jvp.Tangents.like;

/**
 * The JVP of {@code eig}, JAX's {@code eig_jvp_rule} written with {@link Lax}, over leading
 * batch axes. With {@code P = V^{-1} dA V} ({@code V} the right eigenvectors):
 * <ul>
 * <li>eigenvalues: {@code dw = diag(P)} (first-order perturbation theory, exact for distinct
 * eigenvalues);
 * <li>right eigenvectors: {@code dV = U + V diag(c)} with {@code U = V (F ∘ P)},
 * {@code F_ij = 1/(w_j - w_i)} off the diagonal, and {@code c} the multiple of each eigenvector
 * that keeps LAPACK's normalization (unit norm, largest component real):
 * {@code c_j = -Re(v_j^H u_j) - i Im(u_{k j}) / v_{k j}} with {@code k} the row of
 * {@code v_j}'s largest modulus;
 * <li>left eigenvectors: the same rule for {@code A^H}, whose right eigenvectors they are, with
 * eigenvalues {@code conj(w)}.
 * </ul>
 * As in JAX, eigenvector derivatives need {@code enableEigvecDerivs}: they are valid only for
 * distinct eigenvalues and untied largest components, which cannot be checked when tracing.
 */
final class EigJvp {
    private EigJvp() {}

    static JvpRules.Result jvp(Eig p, Array a, Array da) {
        boolean vectors = p.computeLeftEigenvectors() || p.computeRightEigenvectors();
        if (vectors && !p.enableEigvecDerivs()) {
            throw new NotDifferentiable("eig", "derivatives of non-symmetric eigenvectors hold only for distinct eigenvalues, which "
                    + "cannot be checked when tracing; pass enable_eigvec_derivs=True (Lax.eig(x, left, right, true)) to opt in, or "
                    + "differentiate the eigenvalues only, got " + a.aval());
        }
        Seq<Array> out = Lax.eig(a, p.computeLeftEigenvectors(), true, p.enableEigvecDerivs());
        Array w = out.get(0), vr = out.last();
        Seq<Array> primal = p.computeRightEigenvectors() ? out : out.init();
        if (a.size() == 0) return new JvpRules.Result(primal, primal.map(Tangents::zerosLike));
        Array dac = Lax.convertElementType(da, vr.dtype());
        if (!vectors) {
            // diag(V^{-1} dA V) without forming the product: sum_j (V^{-1} dA)_kj V_jk.
            Array dw = Lax.reduceSum(Lax.mul(solve(vr, dac), mT(vr)), a.ndim() - 1);
            return new JvpRules.Result(primal, Vector.of(dw));
        }
        Array[] right = vectorJvp(w, vr, dac);
        Seq<Array> tangents = Vector.of(right[0]);
        if (p.computeLeftEigenvectors()) tangents = tangents.append(vectorJvp(Lax.conj(w), out.get(1), Lax.conj(mT(dac)))[1]);
        if (p.computeRightEigenvectors()) tangents = tangents.append(right[1]);
        return new JvpRules.Result(primal, tangents);
    }

    /** {@code {dw, dV}} for eigenvalues {@code w} and unit, largest-component-real eigenvectors {@code v} of a matrix moving by {@code da}. */
    private static Array[] vectorJvp(Array w, Array v, Array da) {
        int n = w.shape().dim(-1), r = v.ndim();
        Array eye = eye(v);
        Array f = Lax.sub(Lax.div(like(v, 1), Lax.sub(Lax.add(eye, rowVector(w, n)), colVector(w, n))), eye);
        Array pm = mm(solve(v, da), v);
        Array u = mm(v, Lax.mul(f, pm));
        // The row of each column's largest modulus (the first of ties, as the kernel chose it).
        Array k = Lax.argmax(Lax.abs(v), r - 2, DType.I32);
        Array rows = Lax.iota(DType.I32, v.shape(), r - 2);
        Array mask = Lax.convertElementType(Lax.eq(rows, rowVector(k, n)), v.dtype());
        Array vu = Lax.reduceSum(Lax.mul(Lax.conj(v), u), r - 2);
        Array uk = Lax.reduceSum(Lax.mul(mask, u), r - 2), vk = Lax.reduceSum(Lax.mul(mask, v), r - 2);
        Array c = Lax.complex(Lax.neg(Lax.real(vu)), Lax.neg(Lax.div(Lax.imag(uk), Lax.real(vk))));
        return new Array[] {diagonal(pm), Lax.add(u, Lax.mul(v, rowVector(c, n)))};
    }

    /**
     * {@code x} solving {@code v x = b} for complex {@code v [..., n, n]} and {@code b [..., n, m]}
     * through the real system {@code [[Re v, -Im v], [Im v, Re v]] [Re x; Im x] = [Re b; Im b]},
     * since the LU primitive is real; linear in {@code b}, so it transposes for reverse mode.
     */
    static Array solve(Array v, Array b) {
        int r = v.ndim(), n = v.shape().dim(-1);
        Array vr = Lax.real(v), vi = Lax.imag(v);
        Array m = Lax.concatenate(Vector.of(Lax.concatenate(Vector.of(vr, Lax.neg(vi)), r - 1),
                Lax.concatenate(Vector.of(vi, vr), r - 1)), r - 2);
        Array rhs = Lax.concatenate(Vector.of(Lax.real(b), Lax.imag(b)), r - 2);
        Seq<Array> lu = Lax.lu(m);
        Array perm = Lax.broadcastInDim(lu.get(2), rhs.shape(), Vector.range(0, r - 1));
        Array x = Composites.takeAlongAxis(rhs, perm, r - 2);
        x = Lax.triangularSolve(lu.get(0), x, true, true, false, false, true);
        x = Lax.triangularSolve(lu.get(0), x, true, false, false, false, false);
        return Lax.complex(rows(x, 0, n), rows(x, n, 2 * n));
    }

    /** Rows {@code [from, to)} of the second-to-last axis. */
    private static Array rows(Array x, int from, int to) {
        int r = x.ndim();
        Vector<Integer> start = Vector.fill(r, 0).update(r - 2, from), limit = Vector.ofAll(x.shape().toArray()).update(r - 2, to);
        return Lax.slice(x, start, limit, Vector.fill(r, 1));
    }
}
