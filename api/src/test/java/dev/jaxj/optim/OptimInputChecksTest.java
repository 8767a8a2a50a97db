package dev.jaxj.optim;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.collection.Vector;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static dev.jaxj.ArrayAssertions.*;

/** Updates whose leaves do not match the params' shapes are named by the optimizer, not broadcast or left to an inner add. */
class OptimInputChecksTest {

    @Property(tries = 30)
    void shouldNameTheOptimizerAndBothAvalsWhenALeafDiffersInShape(@ForAll @IntRange(min = 1, max = 4) int n, @ForAll @IntRange(min = 1, max = 3) int extra,
                                                                   @ForAll boolean scalarUpdate) {
        Array param = random(1, DType.F32, Shape.of(n), -1, 1);
        // A scalar would broadcast silently and a longer vector would fail inside add: both are named here.
        Array grad = scalarUpdate ? arr(DType.F32, Shape.of(), 0.5) : random(2, DType.F32, Shape.of(n + extra), -1, 1);
        var params = Vector.of(param);
        assertError(ShapeError.class, "apply_updates", () -> Optim.applyUpdates(params, Vector.of(grad)), param.aval().toString(), grad.aval().toString());
        var adam = Optim.adam(0.1);
        var state = adam.init(params);
        assertError(ShapeError.class, "scale_by_adam", () -> adam.update(Vector.of(grad), state, params), param.aval().toString(), grad.aval().toString());
        var adamw = Optim.adamw(0.1);
        var stateW = adamw.init(params);
        assertError(ShapeError.class, "scale_by_adam", () -> adamw.update(Vector.of(grad), stateW, params), grad.aval().toString());
    }
}
