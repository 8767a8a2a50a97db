package dev.jaxj.nn;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;

/**
 * Block-scaled matrix multiplication, {@code jax.nn.scaled_matmul}: each operand is multiplied
 * by its scales, each scale covering a block of consecutive elements along the contracting
 * (last) axis, and the products are contracted in f32. Quantised weights stored with one scale
 * per block are multiplied this way without dequantising them first.
 * {@snippet :
 * Array c = ScaledMatmul.apply(a, b, aScales, bScales, DType.F32); // a: [B,M,K], b: [B,N,K], aScales: [B,M,K/32] -> [B,M,N]
 * }
 */
public final class ScaledMatmul {
    private ScaledMatmul() {}

    /**
     * {@return {@code einsum('BMK,BNK->BMN', lhs * repeat(lhsScales), rhs * repeat(rhsScales))}}
     * computed in f32 and converted to {@code preferred}.
     * @throws ShapeError when an operand is not rank 3, the batch or contracting sizes disagree,
     *                    a scale's leading axes differ from its operand's, or its last axis does not divide {@code K}
     */
    public static Array apply(Array lhs, Array rhs, Array lhsScales, Array rhsScales, DType preferred) {
        String op = "scaled_matmul";
        String avals = NumpyOps.avals(Vector.of(lhs, rhs, lhsScales, rhsScales));
        if (lhs.ndim() != 3 || rhs.ndim() != 3 || lhsScales.ndim() != 3 || rhsScales.ndim() != 3)
            throw new ShapeError(op, "operands and scales must be rank 3, [B,M,K], [B,N,K], [B,M,K_a], [B,N,K_b], got " + avals);
        if (lhs.shape().dim(0) != rhs.shape().dim(0) || lhs.shape().dim(2) != rhs.shape().dim(2))
            throw new ShapeError(op, "lhs [B,M,K] and rhs [B,N,K] must agree on B and K, got " + avals);
        Array a = scaled(op, lhs, lhsScales, avals), b = scaled(op, rhs, rhsScales, avals);
        return Lax.convertElementType(Jnp.einsum("bmk,bnk->bmn", a, b), preferred);
    }

    private static Array scaled(String op, Array x, Array scales, String avals) {
        int b = x.shape().dim(0), m = x.shape().dim(1), k = x.shape().dim(2), blocks = scales.shape().dim(2);
        if (scales.shape().dim(0) != b || scales.shape().dim(1) != m || blocks == 0 || k % blocks != 0)
            throw new ShapeError(op, "a scale must be [B, rows, K_s] with K_s dividing K = " + k + ", got " + avals);
        Array xb = Jnp.reshape(Lax.convertElementType(x, DType.F32), b, m, blocks, k / blocks);
        Array s = Lax.expandDims(Lax.convertElementType(scales, DType.F32), Vector.of(3));
        return Jnp.reshape(Lax.mul(xb, NumpyOps.broadcastTo(s, xb.shape())), b, m, k);
    }
}
