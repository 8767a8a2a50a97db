package dev.jaxj.accel.device.library;

import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.accel.device.Nvcc;
import dev.jaxj.accel.device.library.DotGeneralKernels.Tiling;
import dev.jaxj.accel.device.library.LibraryChecks1.Draw;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.opencl.PoCl;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.DotDimensionNumbers;
import dev.jaxj.ir.Primitive.DotGeneral;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.jaxj.accel.device.library.LibraryChecks1.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The GEMM's loading variants: four f32 at a time where the loading axis is the operand's last
 * and divisible by 4, one at a time at ragged lengths and other layouts, and large tiles. Each
 * case names the kernel it must get (tile side, then {@code v}ector or {@code s}calar loads of
 * lhs and rhs), so that a change of the choice cannot leave a path untested.
 */
class DotGeneralVectorTest {
    /**
     * @param kernel the expected kernel name before its hash, e.g. {@code dot_f32_f32_f32_64vs}
     * @param tiling the tiles to force, or none for the choice by size
     */
    record Gemm(String kernel, DotGeneral p, Seq<ShapedArray> in, Option<Tiling> tiling) {
        Seq<ShapedArray> out() { return p.abstractEval(in); }

        DeviceCall lower() { return DotGeneralKernels.lower(p, in, out(), tiling); }

        @Override public String toString() { return kernel + ": " + p + " of " + in.mkString(", ") + " (" + tiling + ")"; }
    }

    private static Gemm gemm(String kernel, Option<Tiling> tiling, List<Integer> lc, List<Integer> rc, List<Integer> lb, List<Integer> rb,
                             ShapedArray lhs, ShapedArray rhs) {
        var dn = new DotDimensionNumbers(Vector.ofAll(lc), Vector.ofAll(rc), Vector.ofAll(lb), Vector.ofAll(rb));
        return new Gemm(kernel, new DotGeneral(dn, Option.none()), Vector.of(lhs, rhs), tiling);
    }

    private static Gemm matmul(String kernel, Option<Tiling> tiling, ShapedArray lhs, ShapedArray rhs) {
        return gemm(kernel, tiling, List.of(1), List.of(0), List.of(), List.of(), lhs, rhs);
    }

    private static ShapedArray f32(int... dims) { return ShapedArray.of(DType.F32, dims); }

    static List<Gemm> cases() {
        Option<Tiling> auto = Option.none(), large = Option.of(Tiling.LARGE);
        List<Gemm> cs = new ArrayList<>();
        // A·B: lhs in fours along k, rhs in fours along n; m ragged (130), which a group of four along k never straddles.
        cs.add(matmul("dot_f32_f32_f32_64vv", auto, f32(130, 36), f32(36, 68)));
        // Ragged k (45) and n (70): one element at a time on both sides.
        cs.add(matmul("dot_f32_f32_f32_64ss", auto, f32(67, 45), f32(45, 70)));
        // k divisible, n ragged (66 % 4 = 2): only the lhs in fours.
        cs.add(matmul("dot_f32_f32_f32_64vs", auto, f32(33, 40), f32(40, 66)));
        // x·Wᵀ: both load along their last axis k.
        cs.add(gemm("dot_f32_f32_f32_64vv", auto, List.of(1), List.of(1), List.of(), List.of(), f32(130, 36), f32(65, 36)));
        // Aᵀ·B: both load along their free axis; m = 130 is ragged, n = 68 is not.
        cs.add(gemm("dot_f32_f32_f32_64sv", auto, List.of(0), List.of(0), List.of(), List.of(), f32(36, 130), f32(36, 68)));
        // Batched over the leading axis: in fours on both sides, the batch stride (20·50, 20·44) a multiple of four.
        cs.add(gemm("dot_f32_f32_f32_64vv", auto, List.of(2), List.of(1), List.of(0), List.of(0), f32(6, 50, 20), f32(6, 20, 44)));
        // The rhs's batch axis last (stride 1): no axis to load in fours on that side.
        cs.add(gemm("dot_f32_f32_f32_64vs", auto, List.of(2), List.of(0), List.of(0), List.of(2), f32(6, 50, 20), f32(20, 44, 6)));
        // Two contracting axes: walked (1, 2) the fastest is the last axis (length 4), walked (2, 1) it is the strided one.
        cs.add(gemm("dot_f32_f32_f32_64vv", auto, List.of(1, 2), List.of(0, 1), List.of(), List.of(), f32(40, 3, 4), f32(3, 4, 24)));
        cs.add(gemm("dot_f32_f32_f32_64sv", auto, List.of(2, 1), List.of(1, 0), List.of(), List.of(), f32(40, 3, 4), f32(3, 4, 24)));
        // A trailing length-1 axis leaves k the contiguous one.
        cs.add(gemm("dot_f32_f32_f32_64vv", auto, List.of(1, 2), List.of(0, 1), List.of(), List.of(), f32(40, 12, 1), f32(12, 1, 24)));
        // Large tiles, forced: in fours, ragged, Aᵀ·Bᵀ (m = 138 ragged), and the dtypes that load one at a time.
        cs.add(matmul("dot_f32_f32_f32_128vv", large, f32(200, 68), f32(68, 260)));
        cs.add(matmul("dot_f32_f32_f32_128ss", large, f32(130, 45), f32(45, 131)));
        cs.add(gemm("dot_f32_f32_f32_128sv", large, List.of(0), List.of(1), List.of(), List.of(), f32(52, 138), f32(129, 52)));
        cs.add(matmul("dot_f64_f64_f64_128ss", large, ShapedArray.of(DType.F64, 130, 20), ShapedArray.of(DType.F64, 20, 132)));
        cs.add(matmul("dot_i32_i32_i32_128ss", large, ShapedArray.of(DType.I32, 130, 20), ShapedArray.of(DType.I32, 20, 132)));
        // Large tiles by size: 32 batches of 2×3 tiles of 128 reach LARGE_FROM; 32 batches of 2×1 do not.
        cs.add(gemm("dot_f32_f32_f32_128vv", auto, List.of(2), List.of(1), List.of(0), List.of(0), f32(32, 130, 20), f32(32, 20, 260)));
        cs.add(gemm("dot_f32_f32_f32_64vv", auto, List.of(2), List.of(1), List.of(0), List.of(0), f32(32, 130, 20), f32(32, 20, 120)));
        return cs;
    }

    @Test
    void eachCaseGetsTheKernelItNames() {
        for (Gemm c : cases()) {
            KernelSource k = c.lower().launches().head().kernel();
            assertEquals(c.kernel(), k.name().substring(0, k.name().lastIndexOf('_')), c.toString());
            // The operands' pointers are ab and bp in the kernel (LOAD4 from local memory reads the staged slices).
            String sides = c.kernel().substring(c.kernel().length() - 2);
            assertEquals(sides.charAt(0) == 'v', k.code().contains("LOAD4(ab,"), "lhs loaded in fours exactly when named so: " + c);
            assertEquals(sides.charAt(1) == 'v', k.code().contains("LOAD4(bp,"), "rhs loaded in fours exactly when named so: " + c);
        }
    }

    @Test
    void everyVariantCompilesAsCuda() {
        var kernels = new ArrayList<KernelSource>();
        for (Gemm c : cases()) kernels.add(c.lower().launches().head().kernel());
        String ptx = Nvcc.compile(kernels);
        for (KernelSource k : kernels) org.junit.jupiter.api.Assertions.assertTrue(ptx.contains(".entry " + k.name() + "("), k.name());
    }

    /**
     * Against the CPU backend on random operands (NaN among them). Both sides accumulate f32 in
     * f32, in different orders: each may be off by K·eps·(|A|·|B|), so they may differ by twice
     * that; f64 likewise with its eps; integer products are exact.
     */
    @Test
    void matchesTheCpuBackendOnOpenCl() {
        PoCl.assumeAvailable();
        var rnd = new Random(23);
        for (Gemm c : cases()) {
            var p = c.p();
            var ops = List.of(random(c.in().get(0), rnd, Draw.SPREAD), random(c.in().get(1), rnd, Draw.SPREAD));
            HostData expected = cpu(p, c.in(), ops, c.out()), scale = null;
            DType out = c.out().head().dtype();
            double factor = 0;
            if (out.isFloating()) {
                // |A|·|B|, summed in f64, bounds the rounding error of either sum.
                var wide = c.in().map(a -> a.withDType(DType.F64));
                scale = cpu(new DotGeneral(p.dimensionNumbers(), Option.of(DType.F64)), wide, List.of(absF64(ops.get(0)), absF64(ops.get(1))),
                        c.out().map(a -> a.withDType(DType.F64)));
                long k = 1;
                for (int axis : p.dimensionNumbers().lhsContracting()) k *= c.in().get(0).shape().dim(axis);
                factor = 2.0 * k * (out == DType.F32 ? 0x1p-24 : 0x1p-53);
            }
            assertMatches(c.toString(), expected, device(c.lower(), ops, c.out()), scale, factor);
        }
    }

    private static HostData absF64(HostData x) {
        HostData r = HostData.allocate(DType.F64, x.size());
        for (int i = 0; i < x.size(); i++) r.setDouble(i, Math.abs(x.getDouble(i)));
        return r;
    }
}
