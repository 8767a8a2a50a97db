package dev.jaxj.nn;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.ReferenceFile;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.DotDimensionNumbers;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Activations#scaledDotGeneral} against {@code scaled_dot_general_reference.txt}, which
 * {@code scaled_dot_general_reference.py} (beside it) computes by decoding the fp8/fp4 formats from
 * their bit layouts and quantising by nearest table entry: an implementation independent of the
 * binade arithmetic here.
 */
class ScaledDotGeneralTest {
    private static final ReferenceFile REF = ReferenceFile.load(ScaledDotGeneralTest.class, "scaled_dot_general_reference.txt");
    private static final int M = 32, K = 64, N = 32;
    private static final DotDimensionNumbers MATMUL = new DotDimensionNumbers(Vector.of(1), Vector.of(0), Vector.empty(), Vector.empty());

    private static Array lhs() { return arr(DType.F32, Shape.of(M, K), REF.get("lhs")); }

    private static Array rhs() { return arr(DType.F32, Shape.of(K, N), REF.get("rhs")); }

    private static Option<Seq<BlockScaleConfig>> three(BlockScaleConfig c) { return Option.some(Vector.of(c, c, c)); }

    private static BlockScaleConfig config(String mode) {
        return mode.equals("mxfp8") ? Activations.getScaledDotGeneralConfig(BlockScaleConfig.Mode.MXFP8, Option.none())
                : Activations.getScaledDotGeneralConfig(BlockScaleConfig.Mode.NVFP4, Option.some(Array.scalar(0.5, DType.F32)));
    }

    /** Within f32 accumulation error of the largest term's size. */
    private static void assertMatches(Array got, String name, Shape shape) {
        double[] e = REF.get(name);
        double scale = 0;
        for (double v : e) scale = Math.max(scale, Math.abs(v));
        assertEquals(shape, got.shape());
        double[] a = got.toDoubleArray();
        for (int i = 0; i < e.length; i++)
            assertEquals(e[i], a[i], 1e-5 * scale, name + " element " + i);
    }

    @Test
    void shouldRoundToTheNarrowFormatsAsTheirBitLayoutsDefine() {
        assertClose(BlockQuantize.round(f32(REF.get("round_e4m3.x")), BlockScaleConfig.Format.E4M3FN).toDoubleArray(), REF.get("round_e4m3"), 0);
        assertClose(BlockQuantize.round(f32(REF.get("round_e2m1.x")), BlockScaleConfig.Format.E2M1FN).toDoubleArray(), REF.get("round_e2m1"), 0);
        // e8m0 scales round up to a power of two; an f32 subnormal at most 2^-127 stays at 2^-127 (the byte 0).
        assertClose(BlockQuantize.e8m0RoundingUp(f32(0.3, 0.25, 3e-39, 0)).toDoubleArray(), new double[] {0.5, 0.25, 0x1p-127, 0x1p-127}, 0);
    }

    @Test
    void shouldMatchTheReferenceQuantisedProducts() {
        for (String mode : new String[] {"mxfp8", "nvfp4"}) {
            Array out = Activations.scaledDotGeneral(lhs(), rhs(), MATMUL, DType.F32, three(config(mode)));
            assertEquals(DType.F32, out.dtype());
            assertMatches(out, mode + ".out", Shape.of(M, N));
        }
    }

    @Test
    void shouldTakeJaxsCustomVjpWithGradientsQuantisedByTheThirdConfig() {
        for (String mode : new String[] {"mxfp8", "nvfp4"}) {
            Array g = arr(DType.F32, Shape.of(M, N), REF.get("g"));
            var pullback = Jax.vjp((Seq<Array> ab) -> Activations.scaledDotGeneral(ab.get(0), ab.get(1), MATMUL, DType.F32, three(config(mode))),
                    Vector.of(lhs(), rhs()));
            Seq<Array> cts = pullback.pullback().apply(g);
            assertMatches(cts.get(0), mode + ".dlhs", Shape.of(M, K));
            assertMatches(cts.get(1), mode + ".drhs", Shape.of(K, N));
        }
    }

    @Test
    void shouldFallBackToDotGeneralWithoutConfigsAndHandleBatchAxes() {
        Array a = random(1, DType.F32, Shape.of(2, 3, 4), -1, 1), b = random(2, DType.F32, Shape.of(2, 4, 5), -1, 1);
        DotDimensionNumbers batched = new DotDimensionNumbers(Vector.of(2), Vector.of(1), Vector.of(0), Vector.of(0));
        assertClose(Activations.scaledDotGeneral(a, b, batched, DType.F32, Option.none()).toDoubleArray(),
                Lax.dotGeneral(a, b, batched).toDoubleArray(), 0);
        // With configs, batch axes lead and the layout is dot_general's: contracting axis 0 of lhs, batch axis 1.
        Array x = Lax.transpose(Jnp.reshape(lhs(), 2, 16, K), Vector.of(2, 0, 1)); // [K, 2, 16]
        Array w = Jnp.reshape(rhs(), 1, K, N);
        Array w2 = Jnp.concatenate(Vector.of(w, w), 0); // [2, K, N]
        DotDimensionNumbers dn = new DotDimensionNumbers(Vector.of(0), Vector.of(1), Vector.of(1), Vector.of(0));
        Array out = Activations.scaledDotGeneral(x, w2, dn, DType.F32, three(config("mxfp8")));
        assertEquals(Shape.of(2, 16, N), out.shape());
        assertMatches(Jnp.reshape(out, M, N), "mxfp8.out", Shape.of(M, N));
    }

    @Test
    void shouldNameTheBlockSizeWhenTheContractingSizeDoesNotFit() {
        assertError(ShapeError.class, "scaled_dot_general", () -> Activations.scaledDotGeneral(f32(1, 2, 3).reshape(1, 3), f32(1, 2, 3).reshape(3, 1),
                MATMUL, DType.F32, three(config("mxfp8"))), "block size 32", "f32[1,1,3]");
        assertError(ArgumentError.class, "scaled_dot_general", () -> Activations.scaledDotGeneral(lhs(), rhs(), MATMUL, DType.F32,
                Option.some(Vector.of(config("mxfp8")))), "got 1");
        assertError(ArgumentError.class, "BlockScaleConfig", () -> new BlockScaleConfig(BlockScaleConfig.Mode.NVFP4, 16,
                BlockScaleConfig.Format.E2M1FN, BlockScaleConfig.Format.E4M3FN, Option.none(), false), "global scale");
    }

    @Test
    void shouldAgreeUnderJit() {
        var f = Jax.jit((Seq<Array> ab) -> Activations.scaledDotGeneral(ab.get(0), ab.get(1), MATMUL, DType.F32, three(config("nvfp4"))));
        assertMatches(f.apply(Vector.of(lhs(), rhs())), "nvfp4.out", Shape.of(M, N));
    }
}
