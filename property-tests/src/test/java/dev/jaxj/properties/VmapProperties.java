package dev.jaxj.properties;

import dev.jaxj.Axes;
import dev.jaxj.Jax;
import dev.jaxj.array.Array;
import dev.jaxj.autodiff.Vectorize;
import dev.jaxj.errors.JaxjException;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import dev.jaxj.properties.VmapCase.Draw;
import dev.jaxj.properties.VmapCase.Instance;
import dev.jaxj.properties.VmapCase.Operand;
import io.vavr.Tuple;
import io.vavr.collection.HashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import net.jqwik.api.*;
import net.jqwik.api.constraints.IntRange;

import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;

import static dev.jaxj.properties.VmapLoops.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The laws of {@code vmap} over every primitive, for random shapes (scalars and zero-size arrays
 * included), batch sizes 0 to 3 and in-axes 0, 1, -1 and not-mapped in every mix: {@code vmap(f)}
 * equals stacking {@code f} over the slices, nested vmaps equal the double loop, and gradients
 * compose with vmap in either order.
 */
class VmapProperties {
    static final Seq<VmapCase> TABLE = VmapElementwiseCases.all().appendAll(VmapStructuralCases.all()).appendAll(VmapContractionCases.all())
            .appendAll(VmapControlFlowCases.all()).appendAll(VmapEliminationCases.all())
            // QR, symmetric eigendecomposition, SVD
            .appendAll(VmapOrthogonalCases.all())
            .appendAll(VmapComplexCases.all())
            // Fast Fourier transforms
            .appendAll(VmapFftCases.all());

    /** Batched and per-example runs use the same kernels, but a batched reduction or product may add in another order. */
    private static final double VALUE_TOL = 1e-5;
    /** Gradients go through more such sums (transposed reductions and products) than values do. */
    private static final double GRAD_TOL = 1e-4;

    @Provide
    Arbitrary<VmapCase> cases() {
        return Arbitraries.of(TABLE.toJavaList());
    }

    /** An instance with batched operands: in-axes per operand (normalised; none for not mapped). */
    private record Batch(Instance inst, Seq<Option<Integer>> axes, Seq<Array> args, int size, String text) {}

    private static Batch batch(VmapCase c, int size, long seed) {
        Random r = new Random(seed);
        Instance inst = c.draw().apply(new Draw(r));
        Seq<Operand> ops = inst.operands();
        Seq<Option<Integer>> axes = drawAxes(ops.map(o -> o.shape().rank()), r);
        Seq<Array> args = ops.zipWith(axes, (o, a) -> values(o, a.map(x -> o.shape().insert(x, size)).getOrElse(o.shape()), r));
        String text = c.name() + " on " + args.map(Array::aval).mkString(", ") + " with in_axes " + axes.map(a -> a.map(String::valueOf).getOrElse("NOT_MAPPED")).mkString("(", ", ", ")")
                + ", seed " + seed;
        return new Batch(inst, axes, args, size, text);
    }

    /** In-axes 0, 1, -1 (as the equivalent non-negative axis) or not mapped, at least one mapped. */
    private static Seq<Option<Integer>> drawAxes(Seq<Integer> ranks, Random r) {
        Seq<Option<Integer>> axes = ranks.map(rank -> switch (r.nextInt(4)) {
            case 0 -> Option.some(0);
            case 1 -> Option.some(rank >= 1 ? 1 : 0);
            case 2 -> Option.some(rank);
            default -> Option.<Integer>none();
        });
        return axes.exists(Option::isDefined) ? axes : axes.update(r.nextInt(axes.size()), Option.some(0));
    }

    /** The in-axes as a pytree for {@link Vectorize}, using -1 for the last axis so that negative axes are exercised. */
    private static Seq<Object> inAxes(Seq<Option<Integer>> axes, Seq<Integer> ranks) {
        return axes.zipWith(ranks, (a, rank) -> a.<Object>map(i -> i == rank - 1 && i > 0 ? -1 : i).getOrElse(Axes.NOT_MAPPED));
    }

    private static Seq<Object> inAxes(Batch b) {
        return inAxes(b.axes(), b.args().map(Array::ndim));
    }

    private static Function<Vector<Array>, Vector<Array>> vmapped(Function<Seq<Array>, Seq<Array>> f, Seq<Object> inAxes, Object outAxes) {
        return Vectorize.vmap((Vector<Array> xs) -> Vector.ofAll(f.apply(xs)), Vector.ofAll(inAxes), outAxes);
    }

    /** {@return the operands of example {@code i}} */
    private static Seq<Array> example(Seq<Array> args, Seq<Option<Integer>> axes, int i) {
        return args.zipWith(axes, (x, a) -> a.map(ax -> take(x, ax, i)).getOrElse(x));
    }

    /** {@return the per-example output avals}, from one fresh example (there may be none in the batch) */
    private static Seq<ShapedArray> outAvals(Instance inst, long seed) {
        Random r = new Random(seed);
        return inst.f().apply(inst.operands().map(o -> values(o, o.shape(), r))).map(Array::aval);
    }

    private static Seq<Array> loop(Instance inst, Seq<Array> args, Seq<Option<Integer>> axes, int size, int outAxis, long seed) {
        Seq<Seq<Array>> results = Vector.range(0, size).map(i -> inst.f().apply(example(args, axes, i)));
        Seq<ShapedArray> avals = outAvals(inst, seed);
        return Vector.range(0, avals.size()).map(j -> stack(results.map(o -> o.get(j)), outAxis < 0 ? avals.get(j).rank() + 1 + outAxis : outAxis, avals.get(j)));
    }

    @Property(tries = 800)
    void vmapEqualsStackingTheSlices(@ForAll("cases") VmapCase c, @ForAll @IntRange(max = 3) int size, @ForAll long seed) {
        Batch b = batch(c, size, seed);
        int outAxis = (seed & 1) == 0 ? 0 : -1;
        Seq<Array> got = vmapped(b.inst().f(), inAxes(b), outAxis).apply(Vector.ofAll(b.args()));
        Seq<Array> want = loop(b.inst(), b.args(), b.axes(), size, outAxis, seed);
        assertEquals(want.size(), got.size(), b.text());
        for (int j = 0; j < want.size(); j++) assertClose(want.get(j), got.get(j), VALUE_TOL, "output " + j + " of " + b.text());
    }

    @Property(tries = 300)
    void nestedVmapEqualsTheDoubleLoop(@ForAll("cases") VmapCase c, @ForAll @IntRange(max = 2) int outer, @ForAll @IntRange(max = 2) int inner,
                                       @ForAll long seed) {
        Random r = new Random(seed);
        Instance inst = c.draw().apply(new Draw(r));
        Seq<Operand> ops = inst.operands();
        Seq<Option<Integer>> innerAxes = drawAxes(ops.map(o -> o.shape().rank()), r);
        Seq<Integer> innerRanks = ops.zipWith(innerAxes, (o, a) -> o.shape().rank() + (a.isDefined() ? 1 : 0));
        Seq<Option<Integer>> outerAxes = drawAxes(innerRanks, r);
        Seq<Array> args = Vector.range(0, ops.size()).map(k -> {
            var s = ops.get(k).shape();
            s = innerAxes.get(k).isDefined() ? s.insert(innerAxes.get(k).get(), inner) : s;
            s = outerAxes.get(k).isDefined() ? s.insert(outerAxes.get(k).get(), outer) : s;
            return values(ops.get(k), s, r);
        });
        Seq<Object> innerTree = inAxes(innerAxes, innerRanks);
        Function<Vector<Array>, Vector<Array>> twice = vmapped(xs -> vmapped(inst.f(), innerTree, 0).apply(Vector.ofAll(xs)),
                inAxes(outerAxes, args.map(Array::ndim)), 0);
        Seq<Array> got = twice.apply(Vector.ofAll(args));
        Seq<ShapedArray> avals = outAvals(inst, seed);
        Seq<Seq<Seq<Array>>> results = Vector.range(0, outer).map(i -> {
            Seq<Array> ofI = example(args, outerAxes, i);
            return Vector.range(0, inner).map(j -> inst.f().apply(example(ofI, innerAxes, j)));
        });
        String text = c.name() + " on " + args.map(Array::aval).mkString(", ") + ", seed " + seed;
        for (int o = 0; o < avals.size(); o++) {
            int out = o;
            ShapedArray innerAval = avals.get(o).withShape(avals.get(o).shape().insert(0, inner));
            Array want = stack(results.map(row -> stack(row.map(x -> x.get(out)), 0, avals.get(out))), 0, innerAval);
            assertClose(want, got.get(o), VALUE_TOL, "output " + o + " of " + text);
        }
    }

    /** {@code sum(sin(out))} over the floating outputs: a scalar whose gradient depends on the values. */
    private static Array loss(Seq<Array> outs) {
        return outs.filter(o -> o.dtype().isFloating()).map(o -> Lax.reduceSum(Lax.sin(o), Vector.range(0, o.ndim())))
                .foldLeft(Array.scalar(0, DType.F32), Lax::add);
    }

    /**
     * {@return the index of the operand to differentiate: the first f32 one, when some output is
     * floating and {@code grad} works on one example without vmap} The laws compare vmap with a
     * working {@code grad}; where {@code grad} alone fails (a missing transpose or JVP rule), they
     * have nothing to say.
     */
    private static Option<Integer> differentiable(Instance inst, long seed) {
        if (!outAvals(inst, seed).exists(a -> a.dtype().isFloating())) return Option.none();
        Option<Integer> k = Vector.range(0, inst.operands().size()).find(i -> inst.operands().get(i).dtype() == DType.F32);
        if (k.isEmpty()) return k;
        Random r = new Random(seed);
        Vector<Array> one = inst.operands().map(o -> values(o, o.shape(), r)).toVector();
        try {
            gradOf(inst, k.get()).apply(one.get(k.get()), one.removeAt(k.get()));
            return k;
        } catch (JaxjException e) {
            return Option.none();
        }
    }

    /** {@return the gradient of the loss with respect to operand {@code k}, the others passed along} */
    private static BiFunction<Array, Vector<Array>, Array> gradOf(Instance inst, int k) {
        return Jax.grad((Array x, Vector<Array> rest) -> loss(inst.f().apply(rest.insert(k, x))));
    }

    @Property(tries = 300)
    void vmapOfGradEqualsPerExampleGrads(@ForAll("cases") VmapCase c, @ForAll @IntRange(max = 3) int size, @ForAll long seed) {
        Batch b = batch(c, size, seed);
        Option<Integer> wrt = differentiable(b.inst(), seed);
        Assume.that(wrt.isDefined());
        int k = wrt.get();
        BiFunction<Array, Vector<Array>, Array> grad = gradOf(b.inst(), k);
        Seq<Object> axes = inAxes(b);
        Array got = Vectorize.vmap(grad, Tuple.of(axes.get(k), Vector.ofAll(axes.removeAt(k))), 0)
                .apply(b.args().get(k), Vector.ofAll(b.args().removeAt(k)));
        Seq<Array> perExample = Vector.range(0, size).map(i -> {
            Seq<Array> ex = example(b.args(), b.axes(), i);
            return grad.apply(ex.get(k), Vector.ofAll(ex.removeAt(k)));
        });
        ShapedArray aval = ShapedArray.of(DType.F32, b.inst().operands().get(k).shape());
        assertClose(stack(perExample, 0, aval), got, GRAD_TOL, "per-example gradients of " + b.text());
    }

    @Property(tries = 300)
    void gradOfSummedVmapEqualsSummedOrStackedGrads(@ForAll("cases") VmapCase c, @ForAll @IntRange(max = 3) int size, @ForAll long seed) {
        Batch b = batch(c, size, seed);
        Option<Integer> wrt = differentiable(b.inst(), seed);
        Assume.that(wrt.isDefined());
        int k = wrt.get();
        Seq<Object> axes = inAxes(b);
        Function<Vector<Array>, Vector<Array>> batched = vmapped(xs -> Vector.of(loss(b.inst().f().apply(xs))), axes, 0);
        Array got = Jax.grad((Array x) -> Lax.reduceSum(batched.apply(Vector.ofAll(b.args().update(k, x))).head(), 0)).apply(b.args().get(k));
        BiFunction<Array, Vector<Array>, Array> grad = gradOf(b.inst(), k);
        Seq<Array> perExample = Vector.range(0, size).map(i -> {
            Seq<Array> ex = example(b.args(), b.axes(), i);
            return grad.apply(ex.get(k), Vector.ofAll(ex.removeAt(k)));
        });
        ShapedArray aval = ShapedArray.of(DType.F32, b.inst().operands().get(k).shape());
        // A mapped operand gets each example's gradient in its slice; a shared one gets their sum.
        Array want = b.axes().get(k).map(ax -> stack(perExample, ax, aval)).getOrElse(() -> sum(perExample, aval));
        assertClose(want, got, GRAD_TOL, "gradient of the summed vmap of " + b.text());
    }

    /** Names of every primitive record, as {@link Primitive#name()} gives them. */
    private static Set<String> primitiveNames(Class<?> c) {
        if (c.isRecord()) return HashSet.of(snake(c.getSimpleName()));
        return HashSet.of(c.getPermittedSubclasses()).flatMap(VmapProperties::primitiveNames);
    }

    private static String snake(String camel) {
        return camel.replaceAll("(?<=.)([A-Z])", "_$1").toLowerCase();
    }

    @Example
    void everyPrimitiveHasARow() {
        // custom_vjp_linear runs only under a transform below vmap: CustomBatchingProperties (transforms) checks it by transposition.
        Set<String> missing = primitiveNames(Primitive.class).removeAll(TABLE.map(VmapCase::primitive)).remove("custom_vjp_linear");
        assertEquals(HashSet.empty(), missing, "primitives without a vmap row");
    }
}
