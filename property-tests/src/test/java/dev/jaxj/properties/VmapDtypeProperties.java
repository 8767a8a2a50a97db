package dev.jaxj.properties;

import dev.jaxj.Jax;
import dev.jaxj.array.Array;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.ir.DType;
import dev.jaxj.properties.VmapCase.Draw;
import dev.jaxj.properties.VmapCase.Instance;
import dev.jaxj.properties.VmapCase.Operand;
import io.vavr.Tuple2;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.Random;
import java.util.function.Function;

import static dev.jaxj.properties.VmapLoops.assertClose;
import static dev.jaxj.properties.VmapLoops.take;
import static dev.jaxj.properties.VmapLoops.stack;
import static dev.jaxj.properties.VmapLoops.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vmap and jit laws of every row of {@link VmapProperties#TABLE} in the dtypes beyond the
 * ones the table draws: a row's f32 operands become f64, bf16, f16, c64 or c128, and the i32
 * operands of rows on integers alone become i64, i8, u8, i16 or u16 (jit is checked in the
 * table's own f32 too). A row is drawn with a
 * dtype only where its primitives accept it (orderings, rem and the real-only functions refuse
 * complex numbers; bitwise ops refuse floats), as the row's abstract evaluation says.
 * {@code vmap(f)} equals stacking {@code f} over the examples (mapped along axis 0), and
 * {@code jit(f)} equals {@code f} bit for bit: both compile the same kernels, and storage types
 * round once after every primitive in either.
 */
class VmapDtypeProperties {
    private static final Seq<DType> FLOATS = Vector.of(DType.F32, DType.F64, DType.BF16, DType.F16, DType.C64, DType.C128);
    private static final Seq<DType> INTEGERS = Vector.of(DType.I64, DType.I8, DType.U8, DType.I16, DType.U16, DType.U64);

    /** A row of the vmap table retyped to {@code dtype}. */
    record Typed(VmapCase row, DType dtype) {
        Instance draw(Random r) {
            Instance inst = row.draw().apply(new Draw(r));
            DType from = dtype.isInteger() ? DType.I32 : DType.F32;
            return new Instance(inst.operands().map(o -> o.dtype() == from ? new Operand(dtype, o.shape(), o.lo(), o.hi()) : o), inst.f());
        }

        @Override public String toString() { return row.name() + " in " + dtype; }
    }

    /** Every (row, dtype) pair whose retyped instance the row's primitives accept. */
    static final Seq<Typed> ACCEPTED = VmapProperties.TABLE.flatMap(c -> FLOATS.appendAll(INTEGERS).map(d -> new Typed(c, d)))
            .filter(VmapDtypeProperties::accepts);

    /**
     * {@return whether the retyped row applies and is accepted}: some operand is retyped (for
     * integers: every operand is i32, so that no index operand changes type) and tracing one
     * example raises no dtype error.
     */
    private static boolean accepts(Typed t) {
        Instance original = t.row().draw().apply(new Draw(new Random(0)));
        Seq<Operand> ops = original.operands();
        boolean applies = t.dtype().isInteger() ? !ops.isEmpty() && ops.forAll(o -> o.dtype() == DType.I32) : ops.exists(o -> o.dtype() == DType.F32);
        if (!applies) return false;
        Instance inst = t.draw(new Random(0));
        try {
            Jax.evalShape((Seq<Array> xs) -> inst.f().apply(xs), inst.operands().map(o -> values(o, o.shape(), new Random(1))));
            return true;
        } catch (DTypeError refused) {
            return false;
        }
    }

    /** Every accepted pair, the table's own f32 included (for jit, which the table does not check). */
    @Provide
    Arbitrary<Typed> typed() { return Arbitraries.of(ACCEPTED.toJavaList()); }

    /** The accepted pairs in dtypes other than f32 (whose vmap laws {@link VmapProperties} checks with every in-axis). */
    @Provide
    Arbitrary<Typed> retyped() { return Arbitraries.of(ACCEPTED.filter(t -> t.dtype() != DType.F32).toJavaList()); }

    /**
     * {@return how far a batched result may be from the stacked one}: batched and per-example runs
     * use the same kernels, but a batched reduction or product may add in another order (1e-5 in
     * f32's accumulators, as {@link VmapProperties} allows); a storage float computes in f32 and
     * rounds once, so that difference may move a result by one ulp of the storage type, its
     * machine epsilon relative to the value.
     */
    private static double tolerance(DType d) {
        return switch (d) {
            case BF16 -> 0x1p-7;
            case F16 -> 0x1p-10;
            case F32, F64, C64, C128, I32, I64, U32, U64, BOOL, I8, I16, U8, U16 -> 1e-5;
        };
    }

    /** {@return the draw's instance, its batched operands (axis 0) and outputs of one example}; rejected where this draw is refused */
    private static Tuple2<Instance, Seq<Array>> batch(Typed t, int size, Random r) {
        Instance inst = t.draw(r);
        Seq<Array> args = inst.operands().map(o -> values(o, o.shape().insert(0, size), r));
        try {
            Jax.evalShape((Seq<Array> xs) -> inst.f().apply(xs), inst.operands().map(o -> values(o, o.shape(), r)));
        } catch (DTypeError refused) {
            Assume.that(false);
        }
        return new Tuple2<>(inst, args);
    }

    @Property(tries = 250)
    void vmapEqualsStackingTheSlices(@ForAll("retyped") Typed t, @ForAll @IntRange(max = 3) int size, @ForAll long seed) {
        Random r = new Random(seed);
        var b = batch(t, size, r);
        Instance inst = b._1;
        Seq<Array> args = b._2;
        String text = t + " on " + args.map(Array::aval).mkString(", ") + ", seed " + seed;
        Seq<Array> got = Jax.vmap((Vector<Array> xs) -> Vector.ofAll(inst.f().apply(xs))).apply(Vector.ofAll(args));
        Seq<Array> one = inst.f().apply(inst.operands().map(o -> values(o, o.shape(), r)));
        Seq<Seq<Array>> perExample = Vector.range(0, size).map(i -> inst.f().apply(args.map(x -> take(x, 0, i))));
        assertEquals(one.size(), got.size(), text);
        for (int j = 0; j < one.size(); j++) {
            int out = j;
            assertClose(stack(perExample.map(o -> o.get(out)), 0, one.get(j).aval()), got.get(j), tolerance(one.get(j).dtype()), "output " + j + " of " + text);
        }
    }

    @Property(tries = 400)
    void jitEqualsEagerBitForBit(@ForAll("typed") Typed t, @ForAll long seed) {
        Random r = new Random(seed);
        var b = batch(t, 1, r);
        Seq<Array> args = b._2.map(x -> take(x, 0, 0));
        Function<Vector<Array>, Vector<Array>> f = xs -> Vector.ofAll(b._1.f().apply(xs));
        Seq<Array> eager = f.apply(Vector.ofAll(args)), jitted = Jax.jit(f).apply(Vector.ofAll(args));
        String text = t + " on " + args.map(Array::aval).mkString(", ") + ", seed " + seed;
        assertEquals(eager.size(), jitted.size(), text);
        for (int j = 0; j < eager.size(); j++) assertClose(eager.get(j), jitted.get(j), 0, "output " + j + " of " + text);
    }
}
