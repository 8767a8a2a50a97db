package dev.jaxj.scipy;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;

import static dev.jaxj.scipy.Terms.*;

/**
 * Bessel functions of the first kind J_0 … J_v of a real argument, by Miller's backward
 * recurrence as JAX's {@code bessel_jn} runs it (Zhang and Jin, Computation of Special
 * Functions, 1996, routine BJNDD): start at order {@code nIter + 1} from (0, 1e-16), recur
 * J_k = 2(k + 1)/z J_(k+1) - J_(k+2) down to order 0, and normalise with the sum
 * J_0 + 2 (J_2 + J_4 + …) = 1. Written in primitives, so it differentiates, batches and compiles.
 */
final class BesselJ {
    private BesselJ() {}

    static Array besselJn(Array z, int v, int nIter) {
        if (z.dtype().isComplex()) throw new DTypeError("bessel_jn", "z must be real (complex input is not supported), got " + z.aval());
        Array x = inexact(z);
        if (v < 0) throw new ArgumentError("bessel_jn", "the order v must be >= 0, got v = " + v + " for z " + x.aval());
        if (nIter < 0) throw new ArgumentError("bessel_jn", "n_iter must be >= 0, got n_iter = " + nIter + " for z " + x.aval());
        Array f0 = c(x, 0), f1 = c(x, 1e-16), evenSum = c(x, 0);
        Array[] values = new Array[nIter + 1];
        for (int k = nIter; k >= 0; k--) {
            Array f = Lax.sub(Lax.div(mul(f1, 2.0 * (k + 1)), x), f0);
            if (k % 2 == 0) evenSum = Lax.add(evenSum, mul(f, 2));
            values[k] = f;
            f0 = f1;
            f1 = f;
        }
        // The sum counted J_0 twice; JAX keeps orders up to v, at most n_iter of them.
        Array norm = Lax.sub(evenSum, values[0]);
        Vector<Array> rows = Vector.empty();
        for (int k = 0; k <= Math.min(v, nIter); k++)
            rows = rows.append(Lax.expandDims(Lax.div(values[k], norm), Vector.of(0)));
        return Lax.concatenate(rows, 0);
    }
}
