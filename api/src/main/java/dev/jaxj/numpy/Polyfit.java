package dev.jaxj.numpy;

import dev.jaxj.Jnp.PolyfitCovariance;
import dev.jaxj.Jnp.PolyfitDiagnostics;
import dev.jaxj.Linalg.LstsqResult;
import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.array.Promotion;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * Least-squares polynomial fits ({@code polyfit}) as NumPy and JAX compute them: the
 * Vandermonde matrix of {@code x}, rows weighted by {@code w}, columns scaled to unit norm
 * (which keeps high powers of large {@code x} from ruining its condition), solved by
 * {@link LinalgSpectral#lstsq}, and the scale divided back out of the coefficients. Shapes are
 * static and the solve is an SVD, so the fit jits and differentiates.
 */
public final class Polyfit {
    private Polyfit() {}

    /** One solved fit: the coefficients and what the diagnostics and covariance are made of. */
    private record Fit(Array coefficients, LstsqResult lstsq, Array scaledLhs, Array scale, double rcond) {}

    /** {@return the coefficients, highest power first: {@code [deg + 1]} for 1-d {@code y}, {@code [deg + 1, k]} for {@code y [m, k]}} */
    public static Array polyfit(Array x, Array y, int deg, Option<Double> rcond, Option<Array> w) {
        return fit(x, y, deg, rcond, w).coefficients();
    }

    /** {@return the coefficients with lstsq's residuals, rank and singular values of the scaled matrix, and rcond} */
    public static PolyfitDiagnostics polyfitFull(Array x, Array y, int deg, Option<Double> rcond, Option<Array> w) {
        Fit f = fit(x, y, deg, rcond, w);
        return new PolyfitDiagnostics(f.coefficients(), f.lstsq().residuals(), f.lstsq().rank(), f.lstsq().s(), f.rcond());
    }

    /**
     * {@return the coefficients and their covariance {@code inv(A^T A) / outer(scale, scale)}}, times
     * {@code residuals / (m - deg - 1)} unless {@code unscaled}: {@code [deg + 1, deg + 1]}, or
     * {@code [deg + 1, deg + 1, k]} for {@code y [m, k]}.
     * @throws ArgumentError when scaled and there are no more points than coefficients
     */
    public static PolyfitCovariance polyfitCov(Array x, Array y, int deg, Option<Double> rcond, Option<Array> w, boolean unscaled) {
        Fit f = fit(x, y, deg, rcond, w);
        int m = x.shape().dim(0), order = deg + 1;
        Array a = f.scaledLhs();
        Array base = Elementwise.divide(LinalgSolvers.inv(LinalgSpectral.mm(LinalgSpectral.mT(a), a)), Linalg.outer(f.scale(), f.scale()));
        if (y.ndim() == 2) base = Manipulation.expandDims(base, 2);
        if (unscaled) return new PolyfitCovariance(f.coefficients(), base);
        if (m <= order) {
            throw new ArgumentError("polyfit", "the number of data points must exceed the order (deg + 1 = " + order
                    + ") to scale the covariance matrix, got " + Operands.avals(x, y));
        }
        Array fac = Operands.mul(f.lstsq().residuals(), 1.0 / (m - order));
        // A 1-d y has one residual (shape [1]); a 2-d y has one per column, which broadcasts along the last axis.
        Array scaled = y.ndim() == 1 ? Elementwise.multiply(base, Lax.reshape(fac, dev.jaxj.ir.Shape.SCALAR)) : Elementwise.multiply(base, fac);
        return new PolyfitCovariance(f.coefficients(), scaled);
    }

    private static Fit fit(Array x0, Array y0, int deg, Option<Double> rcond, Option<Array> w0) {
        if (deg < 0) throw new ArgumentError("polyfit", "expected deg >= 0, got deg=" + deg + " for " + Operands.avals(x0, y0));
        if (x0.ndim() != 1) throw new ShapeError("polyfit", "expected a 1-d x, got " + Operands.avals(x0, y0));
        if (x0.size() == 0) throw new ShapeError("polyfit", "expected a non-empty x, got " + Operands.avals(x0, y0));
        if (y0.ndim() < 1 || y0.ndim() > 2) throw new ShapeError("polyfit", "expected a 1-d or 2-d y, got " + Operands.avals(x0, y0));
        if (x0.shape().dim(0) != y0.shape().dim(0)) throw new ShapeError("polyfit", "expected x and y of equal length, got " + Operands.avals(x0, y0));
        Vector<Array> xy = NumpyOps.promote("polyfit", Promotion.Kind.INEXACT, Vector.of(x0, y0)).toVector();
        Array x = xy.get(0), y = xy.get(1);
        double rc = rcond.getOrElse(() -> x.size() * TypeInfo.finfo(x.dtype()).eps());
        Array lhs = Products.vander(x, Option.some(deg + 1), false), rhs = y;
        if (w0.isDefined()) {
            Array w = Operands.inexact(w0.get());
            if (w.ndim() != 1 || w.shape().dim(0) != y.shape().dim(0)) {
                throw new ShapeError("polyfit", "expected a 1-d w as long as y, got w " + w0.get().aval() + " for " + Operands.avals(x0, y0));
            }
            Array column = Manipulation.expandDims(w, 1);
            lhs = Elementwise.multiply(lhs, column);
            rhs = Elementwise.multiply(rhs, y.ndim() == 2 ? column : w);
        }
        Array scale = Lax.sqrt(Reductions.sum(Elementwise.multiply(lhs, lhs), false, 0));
        Array scaled = Elementwise.divide(lhs, Manipulation.expandDims(scale, 0));
        LstsqResult r = LinalgSpectral.lstsq(scaled, rhs, rc);
        Array c = Elementwise.divide(r.x(), y.ndim() == 2 ? Manipulation.expandDims(scale, 1) : scale);
        return new Fit(c, r, scaled, scale, rc);
    }
}
