package dev.jaxj.transforms.vmap;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.core.CustomRules;
import dev.jaxj.core.TraceStack;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.NotDifferentiable;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.DotDimensionNumbers;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.transforms.ad.Ad;
import dev.jaxj.transforms.ad.Linearized;
import dev.jaxj.transforms.jvp.Jvp;
import dev.jaxj.transforms.jvp.Tangents;
import dev.jaxj.transforms.partial.PartialEvalTrace;
import dev.jaxj.transforms.partial.PeTracer;
import dev.jaxj.transforms.partial.Staged;
import dev.jaxj.transforms.transpose.BackwardPass;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.Function;

import static dev.jaxj.transforms.vmap.Stacking.*;
import static org.junit.jupiter.api.Assertions.*;

/** The flat entry point: axes, sizes and their errors, nesting, and composition with differentiation and custom rules. */
class VmapTest {
    private final Random r = new Random(5);

    private static final DotDimensionNumbers VECTOR_DOT = new DotDimensionNumbers(Vector.of(0), Vector.of(0), Vector.empty(), Vector.empty());

    private static Function<Seq<Array>, Seq<Array>> vmap(Function<Seq<Array>, Seq<Array>> f, Seq<Option<Integer>> in, Option<Integer> out) {
        return Vmap.vmap(f, in, Vmap.OutAxes.all(out), Option.none());
    }

    /** {@code sum(sin(x) * w)}: one scalar per example. */
    private static Array loss(Array x, Array w) {
        return Lax.reduceSum(Lax.mul(Lax.sin(x), w), 0);
    }

    @Test
    void shouldBroadcastOrKeepOutputsThatDoNotDependOnMappedInputs() {
        Array w = f32(r, 3);
        Seq<Array> out = Vmap.vmap(xs -> Vector.of(Lax.exp(xs.get(1)), Lax.exp(xs.get(1))), Vector.of(at(0), UNMAPPED),
                n -> Vector.of(at(1), UNMAPPED), Option.none()).apply(Vector.of(f32(r, 4, 2), w));
        assertEquals(Shape.of(3, 4), out.get(0).shape());
        assertClose(Lax.exp(w), take(out.get(0), 1, 3));
        assertClose(Lax.exp(w), out.get(1));
    }

    @Test
    void shouldUseTheGivenAxisSizeWhenNoArgumentIsMapped() {
        Array w = f32(r, 3);
        Seq<Array> out = Vmap.vmap(xs -> Vector.of(Lax.neg(xs.head())), Vector.of(UNMAPPED), Vmap.OutAxes.all(at(-1)), Option.some(2))
                .apply(Vector.of(w));
        assertEquals(Shape.of(3, 2), out.head().shape());
        assertClose(Lax.neg(w), take(out.head(), 1, 1));
    }

    @Test
    void shouldListEveryArgumentSizeWhenMappedSizesDisagree() {
        var f = vmap(xs -> xs, Vector.of(at(0), UNMAPPED, at(-1)), at(0));
        var e = assertThrows(ShapeError.class, () -> f.apply(Vector.of(f32(r, 2, 3), f32(r, 4), f32(r, 3, 5))));
        assertTrue(e.getMessage().contains("argument 0 of type f32[2,3] has size 2 along axis 0"), e.getMessage());
        assertTrue(e.getMessage().contains("argument 1 of type f32[4] is not mapped"), e.getMessage());
        assertTrue(e.getMessage().contains("argument 2 of type f32[3,5] has size 5 along axis 1"), e.getMessage());
        assertTrue(e.getMessage().contains("at VmapTest.lambda$shouldListEveryArgumentSizeWhenMappedSizesDisagree"), e.getMessage());
        var sized = Vmap.vmap(xs -> xs, Vector.of(at(0)), Vmap.OutAxes.all(at(0)), Option.some(3));
        assertTrue(assertThrows(ShapeError.class, () -> sized.apply(Vector.of(f32(r, 2)))).getMessage().contains("axis_size is 3"));
    }

    @Test
    void shouldRejectAxesOutOfRange() {
        var e = assertThrows(ArgumentError.class, () -> vmap(xs -> xs, Vector.of(at(2)), at(0)).apply(Vector.of(f32(r, 2, 3))));
        assertTrue(e.getMessage().contains("along axis 2, which is out of range for rank 2"), e.getMessage());
        assertThrows(ArgumentError.class, () -> vmap(xs -> xs, Vector.of(at(-3)), at(0)).apply(Vector.of(f32(r, 2, 3))));
        var out = assertThrows(ArgumentError.class, () -> vmap(xs -> xs, Vector.of(at(0)), at(3)).apply(Vector.of(f32(r, 2, 3))));
        assertTrue(out.getMessage().contains("out_axes entry 3 for output 0 (per-example type f32[3]) is out of range"), out.getMessage());
        var unmapped = assertThrows(ArgumentError.class, () -> vmap(xs -> xs, Vector.of(at(0)), UNMAPPED).apply(Vector.of(f32(r, 2, 3))));
        assertTrue(unmapped.getMessage().contains("as not mapped, but it varies"), unmapped.getMessage());
        assertThrows(ArgumentError.class, () -> vmap(xs -> xs, Vector.of(UNMAPPED), at(0)).apply(Vector.of(f32(r, 2))));
        assertThrows(ArgumentError.class, () -> vmap(xs -> xs, Vector.of(at(0)), at(0)).apply(Vector.of(f32(r, 2), f32(r, 2))));
    }

    @Test
    void shouldEqualTheDoubleLoopWhenNested() {
        Array xs = f32(r, 3, 4, 2), ws = f32(r, 4, 3);
        // Outer: x along 1, w along 0; inner: x along 1 (of [3, 2]), w unmapped.
        Function<Seq<Array>, Seq<Array>> inner = vmap(a -> Vector.of(loss(a.get(0), a.get(1))), Vector.of(at(1), UNMAPPED), at(0));
        Seq<Array> got = vmap(inner, Vector.of(at(1), at(0)), at(1)).apply(Vector.of(xs, ws));
        assertEquals(Shape.of(2, 4), got.head().shape());
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 2; j++) {
                Array want = loss(take(take(xs, 1, i), 1, j), take(ws, 0, i));
                assertClose(want, take(take(got.head(), 1, i), 0, j));
            }
        }
    }

    @Test
    void shouldComposeWithForwardModeEitherWay() {
        Array xs = f32(r, 4, 3), ts = f32(r, 4, 3), w = f32(r, 3);
        Function<Seq<Array>, Seq<Array>> f = a -> Vector.of(loss(a.get(0), a.get(1)));
        Seq<Array> outer = vmap(a -> {
            var res = Jvp.jvp(b -> f.apply(b), Vector.of(a.get(0), a.get(2)), Vector.of(a.get(1), Tangents.zerosLike(a.get(2))));
            return res.primals().appendAll(res.tangents());
        }, Vector.of(at(0), at(0), UNMAPPED), at(0)).apply(Vector.of(xs, ts, w));
        var inner = Jvp.jvp(a -> vmap(f, Vector.of(at(0), UNMAPPED), at(0)).apply(a), Vector.of(xs, w), Vector.of(ts, Tangents.zerosLike(w)));
        assertClose(inner.primals().head(), outer.get(0));
        assertClose(inner.tangents().head(), outer.get(1));
        for (int i = 0; i < 4; i++) {
            var one = Jvp.jvp(f, Vector.of(take(xs, 0, i), w), Vector.of(take(ts, 0, i), Tangents.zerosLike(w)));
            assertClose(one.tangents().head(), take(outer.get(1), 0, i));
        }
    }

    @Test
    void shouldGivePerExampleGradientsUnderVmapAndSummedOnesOutside() {
        Array xs = f32(r, 5, 3), w = f32(r, 3);
        Function<Array, Array> grad = x -> Ad.linearize(a -> Vector.of(loss(a.get(0), a.get(1))), Vector.of(x, w))
                .vjp(Vector.of(Array.scalar(1, DType.F32))).get(1);
        Seq<Array> perExample = vmap(a -> Vector.of(grad.apply(a.head())), Vector.of(at(0)), at(0)).apply(Vector.of(xs));
        for (int i = 0; i < 5; i++) assertClose(grad.apply(take(xs, 0, i)), take(perExample.head(), 0, i));
        Linearized outer = Ad.linearize(a -> Vector.of(Lax.reduceSum(vmap(b -> Vector.of(loss(b.get(0), b.get(1))),
                Vector.of(at(0), UNMAPPED), at(0)).apply(a).head(), 0)), Vector.of(xs, w));
        assertClose(Lax.reduceSum(perExample.head(), 0), outer.vjp(Vector.of(Array.scalar(1, DType.F32))).get(1));
    }

    /** {@code f(x) = x * x} whose rules say {@code 3 * t} and {@code 5 * ct}: wrong on purpose, to show they are used. */
    private static final CustomRules.Jvp SQUARE_JVP = new CustomRules.Jvp(x -> Vector.of(Lax.mul(x.head(), x.head())),
            (x, t) -> new CustomRules.PrimalsTangents(Vector.of(Lax.mul(x.head(), x.head())), Vector.of(Lax.mul(t.head(), Tangents.like(t.head(), 3)))));
    private static final CustomRules.Vjp SQUARE_VJP = new CustomRules.Vjp(x -> Vector.of(Lax.mul(x.head(), x.head())),
            x -> new CustomRules.OutputsResiduals(Vector.of(Lax.mul(x.head(), x.head())), Vector.of(x.head())),
            (res, ct) -> Vector.of(Lax.mul(ct.head(), Tangents.like(ct.head(), 5))));

    @Test
    void shouldBatchCustomJvpRulesInsteadOfDroppingThem() {
        Array xs = f32(r, 4, 2), ts = f32(r, 4, 2);
        Function<Seq<Array>, Seq<Array>> f = a -> Bind.bindCustomJvp(SQUARE_JVP, a);
        var outside = Jvp.jvp(vmap(f, Vector.of(at(1)), at(1)), Vector.of(xs), Vector.of(ts));
        assertClose(Lax.mul(xs, xs), outside.primals().head());
        assertClose(Lax.mul(ts, Tangents.like(ts, 3)), outside.tangents().head());
        Seq<Array> inside = vmap(a -> Jvp.jvp(f, a.take(1), a.drop(1)).tangents(), Vector.of(at(0), at(0)), at(0)).apply(Vector.of(xs, ts));
        assertClose(Lax.mul(ts, Tangents.like(ts, 3)), inside.head());
    }

    @Test
    void shouldBatchCustomVjpRulesInsteadOfDroppingThem() {
        Array xs = f32(r, 3, 2), cts = f32(r, 3, 2);
        Function<Seq<Array>, Seq<Array>> f = a -> Bind.bindCustomVjp(SQUARE_VJP, a);
        Linearized outside = Ad.linearize(vmap(f, Vector.of(at(0)), at(0)), Vector.of(xs));
        assertClose(Lax.mul(xs, xs), outside.primalsOut().head());
        assertClose(Lax.mul(cts, Tangents.like(cts, 5)), outside.vjp(Vector.of(cts)).head());
        Seq<Array> inside = vmap(a -> Ad.linearize(f, a.take(1)).vjp(a.drop(1)), Vector.of(at(1), at(1)), at(1)).apply(Vector.of(xs, cts));
        assertClose(Lax.mul(cts, Tangents.like(cts, 5)), inside.head());
    }

    @Test
    void shouldTransposeABatchedCustomVjpLinearMapByItsRule() {
        Array x = f32(r, 2), ts = f32(r, 3, 2);
        Linearized lin = Ad.linearize(a -> Bind.bindCustomVjp(SQUARE_VJP, a), Vector.of(x));
        // Staging the batched linear map and transposing it (a linear_transpose of vmap) runs the backward rule per example.
        Staged batched = TraceStack.with(PartialEvalTrace::new, pe -> {
            PeTracer t = pe.newArg(ts.aval());
            Seq<Array> out = vmap(lin::jvp, Vector.of(at(0)), at(0)).apply(Vector.of(t));
            return Staged.fromTracers(Vector.of(t), out.map(pe::instantiate));
        });
        assertClose(Lax.mul(ts, Tangents.like(ts, 5)), BackwardPass.transpose(batched.jaxpr(), batched.consts(), Vector.of(ts)).head());
        // Forward mode through it stays undefined, with or without vmap.
        var e = assertThrows(NotDifferentiable.class, () -> vmap(a -> Jvp.jvp(b -> Bind.bindCustomVjp(SQUARE_VJP, b), Vector.of(x), a).tangents(),
                Vector.of(at(0)), at(0)).apply(Vector.of(ts)));
        assertTrue(e.getMessage().contains("custom VJP"), e.getMessage());
    }
}
