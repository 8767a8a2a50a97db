package dev.jaxj.nn;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.core.CustomRules;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.DotDimensionNumbers;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * {@code jax.nn.scaled_dot_general}: both operands are laid out as [B, rows, K] (batch axes, free
 * axes, contracting axes, each group flattened), quantised block-wise along K
 * ({@link BlockQuantize}, configs 0 and 1) and multiplied with {@link ScaledMatmul}; the result is
 * reshaped to {@code dot_general}'s batch, lhs-free, rhs-free order. Its reverse-mode derivative is
 * JAX's custom VJP: each operand cotangent is itself a scaled matmul, the output cotangent quantised
 * with config 2 and the other operand re-quantised along the new contracting axis.
 */
final class ScaledDotGeneral {
    private ScaledDotGeneral() {}

    private static final String OP = "scaled_dot_general";

    static Array apply(Array lhs, Array rhs, DotDimensionNumbers dims, DType preferred, Option<Seq<BlockScaleConfig>> configs) {
        if (configs.isEmpty()) return Lax.dotGeneral(lhs, rhs, dims, Option.some(preferred));
        Seq<BlockScaleConfig> cfg = configs.get();
        if (cfg.size() != 3)
            throw new ArgumentError(OP, "configs must hold three configurations (lhs, rhs, gradient), got " + cfg.size());
        Layout l = Layout.of(lhs, dims.lhsBatch(), dims.lhsContracting()), r = Layout.of(rhs, dims.rhsBatch(), dims.rhsContracting());
        if (l.batch != r.batch || l.contract != r.contract)
            throw new ShapeError(OP, "batch and contracting sizes must agree, got lhs " + lhs.aval() + " and rhs " + rhs.aval() + " with " + dims);
        CustomRules.Vjp rule = new CustomRules.Vjp(
                in -> Vector.of(core(in.get(0), in.get(1), cfg.get(0), cfg.get(1), preferred)),
                in -> new CustomRules.OutputsResiduals(Vector.of(core(in.get(0), in.get(1), cfg.get(0), cfg.get(1), preferred)), in),
                (res, cts) -> {
                    Array a = res.get(0), b = res.get(1), g = cts.head();
                    // d a[B,M,K] = g[B,M,N] · b[B,N,K] over N; d b[B,N,K] = g[B,M,N] · a[B,M,K] over M.
                    Array da = core(g, swapLast(b), cfg.get(2), cfg.get(1), DType.F32);
                    Array db = core(swapLast(g), swapLast(a), cfg.get(2), cfg.get(0), DType.F32);
                    return Vector.of(Lax.convertElementType(da, a.dtype()), Lax.convertElementType(db, b.dtype()));
                });
        Array out = Bind.bindCustomVjp(rule, Vector.of(l.flat, r.flat)).head();
        return Lax.reshape(out, Shape.of(l.batchDims.appendAll(l.freeDims).appendAll(r.freeDims)));
    }

    /** {@return the [B, M, N] scaled matmul of quantised {@code a[B,M,K]} and {@code b[B,N,K]}} */
    private static Array core(Array a, Array b, BlockScaleConfig ca, BlockScaleConfig cb, DType preferred) {
        BlockQuantize.Quantized qa = BlockQuantize.quantize(OP, a, ca), qb = BlockQuantize.quantize(OP, b, cb);
        return ScaledMatmul.apply(qa.values(), qb.values(), qa.scales(), qb.scales(), preferred);
    }

    private static Array swapLast(Array x) { return Lax.transpose(x, Vector.of(0, 2, 1)); }

    /** An operand transposed to (batch, free, contracting) axes and flattened to [B, rows, K]. */
    private record Layout(Array flat, int batch, int contract, Vector<Integer> batchDims, Vector<Integer> freeDims) {
        static Layout of(Array x, Seq<Integer> batchAxes, Seq<Integer> contractAxes) {
            Vector<Integer> free = Vector.range(0, x.ndim()).filter(a -> !batchAxes.contains(a) && !contractAxes.contains(a));
            Vector<Integer> perm = Vector.<Integer>empty().appendAll(batchAxes).appendAll(free).appendAll(contractAxes);
            Vector<Integer> bd = batchAxes.toVector().map(a -> x.shape().dim(a)), fd = free.map(a -> x.shape().dim(a));
            int batch = bd.fold(1, (p, q) -> p * q), rows = fd.fold(1, (p, q) -> p * q);
            int contract = contractAxes.toVector().map(a -> x.shape().dim(a)).fold(1, (p, q) -> p * q);
            Array flat = Lax.reshape(Lax.transpose(x, perm), Shape.of(batch, rows, contract));
            return new Layout(flat, batch, contract, bd, fd);
        }
    }
}
