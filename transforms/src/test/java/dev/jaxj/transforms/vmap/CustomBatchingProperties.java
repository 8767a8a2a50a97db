package dev.jaxj.transforms.vmap;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.core.CustomRules;
import dev.jaxj.core.TraceStack;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import dev.jaxj.transforms.ad.Ad;
import dev.jaxj.transforms.ad.Linearized;
import dev.jaxj.transforms.jvp.Tangents;
import dev.jaxj.transforms.partial.PartialEvalTrace;
import dev.jaxj.transforms.partial.PeTracer;
import dev.jaxj.transforms.partial.Staged;
import dev.jaxj.transforms.transpose.BackwardPass;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.Random;

import static dev.jaxj.transforms.vmap.Stacking.*;

/**
 * A custom VJP's staged linear map ({@code custom_vjp_linear}) under vmap, over random sizes
 * (no examples and empty vectors included): staged and transposed, the batched map runs the
 * user's backward rule on each example.
 */
class CustomBatchingProperties {
    /** {@code f(x) = x * x} whose backward rule is {@code 5 * ct * x}, on purpose not the true derivative. */
    private static final CustomRules.Vjp SQUARE = new CustomRules.Vjp(x -> Vector.of(Lax.mul(x.head(), x.head())),
            x -> new CustomRules.OutputsResiduals(Vector.of(Lax.mul(x.head(), x.head())), Vector.of(x.head())),
            (res, ct) -> Vector.of(Lax.mul(Lax.mul(ct.head(), res.head()), Tangents.like(ct.head(), 5))));

    @Property(tries = 40)
    void batchedCustomVjpLinearMapsTransposeByTheirRule(@ForAll @IntRange(max = 3) int size, @ForAll @IntRange(max = 3) int n, @ForAll long seed) {
        Random r = new Random(seed);
        Array x = f32(r, n), cts = f32(r, size, n);
        Linearized lin = Ad.linearize(a -> Bind.bindCustomVjp(SQUARE, a), Vector.of(x));
        // Stage the vmapped linear map, so that its custom_vjp_linear equation is batched, then transpose it.
        Staged staged = TraceStack.with(PartialEvalTrace::new, pe -> {
            PeTracer t = pe.newArg(ShapedArray.of(DType.F32, size, n));
            Seq<Array> out = Vmap.vmap(lin::jvp, Vector.of(at(0)), Vmap.OutAxes.all(at(0)), Option.none()).apply(Vector.of(t));
            return Staged.fromTracers(Vector.of(t), out.map(pe::instantiate));
        });
        Array got = BackwardPass.transpose(staged.jaxpr(), staged.consts(), Vector.of(cts)).head();
        Seq<Array> perExample = Vector.range(0, size).map(i -> Lax.mul(Lax.mul(take(cts, 0, i), x), Tangents.like(x, 5)));
        assertClose(stack(perExample, 0, x.aval()), got);
    }
}
