package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.autodiff.GradChecks.Mode;
import dev.jaxj.errors.NotDifferentiable;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.HashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link LaxImplicit}: solutions satisfy their equations, and derivatives, in the captured arrays and
 * the right-hand side, match f64 central differences of the same functions in both modes. The
 * solvers end in {@code stop_gradient} where the derivative must not come from them.
 */
class LaxImplicitTest {
    private static final Array A = arr(DType.F64, Shape.of(3, 3), 4, 1, -0.5, 0.3, 3, 1, -1, 0.2, 5);
    private static final Array SPD = arr(DType.F64, Shape.of(3, 3), 4, 1, 0.5, 1, 3, -0.2, 0.5, -0.2, 5);

    private static final LaxImplicit.Solver DIRECT_A = (mv, rhs) -> Linalg.solve(A, rhs);

    /** Richardson iterations x += (b - A x)/5 on a diagonally dominant system: a solver built only from matvec. */
    private static final LaxImplicit.Solver ITERATIVE = (mv, rhs) -> {
        Array x = Lax.fullLike(rhs, 0);
        for (int i = 0; i < 200; i++) x = Lax.add(x, Lax.mul(Lax.sub(rhs, mv.apply(x)), Lax.fullLike(x, 0.2)));
        return Lax.stopGradient(x);
    };

    private static Array matvec(Array m, Array x) { return Lax.dot(m, x); }

    @Test
    void linearSolveShouldSolveAndDifferentiateInTheMatrixAndRightHandSide() {
        Array b = f64(1, -2, 0.5);
        Array x = LaxImplicit.customLinearSolve(v -> matvec(SPD, v), b, ITERATIVE, Option.none(), true);
        assertNear(matvec(SPD, x), DType.F64, Shape.of(3), 1e-12, 1, -2, 0.5);
        Array w = f64(0.7, -1.1, 0.4);
        // The matrix enters only through matvec, captured: derivatives reach it by the implicit rule.
        Function<Seq<Array>, Array> f = a -> Jnp.sum(Lax.mul(w, LaxImplicit.customLinearSolve(
                v -> matvec(Lax.add(SPD, Lax.mul(a.get(0), Jnp.transpose(a.get(0)))), v), a.get(1), ITERATIVE, Option.none(), true)));
        Jax.checkGrads(f, Vector.of(Jnp.zeros(Shape.of(3, 3), DType.F64), b), 1, HashSet.of(Mode.FWD, Mode.REV));
    }

    /** The operator as a dense matrix, its columns the images of the unit vectors: a solver needs nothing but the function it is given. */
    private static Array dense(java.util.function.UnaryOperator<Array> op, Array like) {
        int n = like.shape().dim(0);
        return Jnp.transpose(Jax.vmap((Array e) -> op.apply(e)).apply(Jnp.eye(n, n, 0, like.dtype())));
    }

    private static final LaxImplicit.Solver DENSE = (op, rhs) -> Lax.stopGradient(Linalg.solve(dense(op, rhs), rhs));

    @Test
    void linearSolveShouldTransposeWithTheTransposeSolve() {
        Array b = f64(1, -2, 0.5), w = f64(0.7, -1.1, 0.4);
        Function<Seq<Array>, Array> f = a -> Jnp.sum(Lax.mul(w, LaxImplicit.customLinearSolve(
                v -> matvec(Lax.mul(A, a.get(0)), v), a.get(1), DENSE, Option.some(DENSE), false)));
        Jax.checkGrads(f, Vector.of(Jnp.ones(Shape.of(3, 3), DType.F64), b), 1, HashSet.of(Mode.FWD, Mode.REV));
        // d(w·A⁻¹b)/db = A⁻ᵀw, the transpose solve's answer.
        Array g = Jax.grad((Array bb) -> Jnp.sum(Lax.mul(w, LaxImplicit.customLinearSolve(v -> matvec(A, v), bb, DIRECT_A,
                Option.some((vm, rhs) -> Linalg.solve(Jnp.transpose(A), rhs)), false)))).apply(b);
        assertClose(g.toDoubleArray(), Linalg.solve(Jnp.transpose(A), w).toDoubleArray(), 1e-13);
    }

    /** Richardson iterations until the residual is below 1e-12, returning the iteration count (i32) and the residual norm (f64) as auxiliary results. */
    private static final LaxImplicit.AuxSolver<Seq<Array>> COUNTING = (mv, rhs) -> {
        Array x = Lax.fullLike(rhs, 0);
        int steps = 0;
        double residual = Double.POSITIVE_INFINITY;
        while (residual > 1e-12 && steps < 500) {
            x = Lax.add(x, Lax.mul(Lax.sub(rhs, mv.apply(x)), Lax.fullLike(x, 0.2)));
            residual = Math.sqrt(Jnp.sum(Lax.square(Lax.sub(rhs, mv.apply(x)))).doubleValue());
            steps++;
        }
        return new LaxImplicit.Solved<>(Lax.stopGradient(x), Vector.of(Jnp.array(new int[] {steps}, DType.I32).reshape(),
                Jnp.array(new double[] {residual}, DType.F64).reshape()));
    };

    @Test
    void linearSolveWithAuxShouldReturnTheSolversResultsAndDifferentiateOnlyTheSolution() {
        Array b = f64(1, -2, 0.5), w = f64(0.7, -1.1, 0.4);
        LaxImplicit.Solved<Seq<Array>> r = LaxImplicit.customLinearSolveWithAux(v -> matvec(SPD, v), b, COUNTING, Option.none(), true);
        assertNear(matvec(SPD, r.x()), DType.F64, Shape.of(3), 1e-11, 1, -2, 0.5);
        int steps = r.aux().get(0).intValue();
        assertEquals(DType.I32, r.aux().get(0).dtype());
        assertTrue(steps > 1 && steps < 500, "iterations " + steps);
        assertTrue(r.aux().get(1).doubleValue() <= 1e-12);
        Function<Seq<Array>, Array> f = a -> Jnp.sum(Lax.mul(w, LaxImplicit.customLinearSolveWithAux(
                v -> matvec(Lax.add(SPD, Lax.mul(a.get(0), Jnp.transpose(a.get(0)))), v), a.get(1), COUNTING, Option.none(), true).x()));
        Jax.checkGrads(f, Vector.of(Jnp.zeros(Shape.of(3, 3), DType.F64), b), 1, HashSet.of(Mode.FWD, Mode.REV));
        // The auxiliary results are constants to differentiation: the gradient of a function of them alone is zero.
        Array g = Jax.grad((Array bb) -> LaxImplicit.customLinearSolveWithAux(v -> matvec(SPD, v), bb, COUNTING, Option.none(), true)
                .aux().get(1).add(Jnp.sum(bb).mul(0.0))).apply(b);
        assertClose(new double[] {0, 0, 0}, g.toDoubleArray(), 0);
    }

    @Test
    void rootWithAuxShouldReturnTheIterationCountBesideTheRoot() {
        Array a = Jnp.array(new double[] {2.0}, DType.F64).reshape();
        LaxImplicit.AuxSolver<Array> newton = (fn, x0) -> {
            Array x = x0;
            int steps = 0;
            while (Math.abs(fn.apply(x).doubleValue()) > 1e-14 && steps < 60) {
                x = x.sub(fn.apply(x).div(x.mul(2.0)));
                steps++;
            }
            return new LaxImplicit.Solved<>(Lax.stopGradient(x), Jnp.array(new int[] {steps}, DType.I32).reshape());
        };
        LaxImplicit.Solver scalar = (g, y) -> y.div(g.apply(Lax.fullLike(y, 1)));
        Function<Array, LaxImplicit.Solved<Array>> sqrt = aa -> LaxImplicit.customRootWithAux(x -> x.mul(x).sub(aa), Lax.fullLike(aa, 1), newton, scalar);
        LaxImplicit.Solved<Array> r = sqrt.apply(a);
        assertEquals(Math.sqrt(2), r.x().doubleValue(), 1e-15);
        assertTrue(r.aux().intValue() >= 3, "Newton from 1 takes a few steps, took " + r.aux().intValue());
        // d sqrt(a) / da = 1 / (2 sqrt a), from the equation x² = a.
        assertEquals(1 / (2 * Math.sqrt(2)), Jax.grad((Array aa) -> sqrt.apply(aa).x()).apply(a).doubleValue(), 1e-14);
        assertEquals(1 / (2 * Math.sqrt(2)), Jax.jvp((Array aa) -> sqrt.apply(aa).x(), a, Lax.fullLike(a, 1)).tangent().doubleValue(), 1e-14);
    }

    @Test
    void linearSolveShouldRefuseReverseModeWithoutATransposeSolve() {
        Array b = f64(1, -2, 0.5);
        Function<Array, Array> f = bb -> Jnp.sum(LaxImplicit.customLinearSolve(v -> matvec(A, v), bb, DIRECT_A, Option.none(), false));
        assertError(NotDifferentiable.class, "custom_linear_solve", () -> Jax.grad(f).apply(b), "transpose_solve", "f64[3]");
        // Forward mode needs only solve: the tangent is A⁻¹ b'.
        Array t = Jax.jvp(f, b, f64(1, 0, 0)).tangent();
        assertEquals(Jnp.sum(Linalg.solve(A, f64(1, 0, 0))).toDoubleArray()[0], t.toDoubleArray()[0], 1e-13);
    }

    /** Newton's method for f, with the derivative estimated by a difference (so no derivative of f is needed), ended by stop_gradient. */
    private static final LaxImplicit.Solver NEWTON = (fn, x0) -> {
        Array x = x0;
        for (int i = 0; i < 40; i++) {
            Array h = Lax.fullLike(x, 1e-7);
            Array slope = Lax.div(Lax.sub(fn.apply(Lax.add(x, h)), fn.apply(x)), h);
            x = Lax.sub(x, Lax.div(fn.apply(x), slope));
        }
        return Lax.stopGradient(x);
    };

    private static final LaxImplicit.Solver DIAGONAL = (g, y) -> Lax.div(y, g.apply(Lax.fullLike(y, 1)));

    @Test
    void rootShouldHaveTheImplicitFunctionTheoremsDerivative() {
        Array a = f64(0.5, 2, 9);
        Function<Array, Array> sqrt = aa -> LaxImplicit.customRoot(x -> Lax.sub(Lax.mul(x, x), aa), Lax.fullLike(aa, 1), NEWTON, DIAGONAL);
        assertNear(sqrt.apply(a), DType.F64, Shape.of(3), 1e-14, Math.sqrt(0.5), Math.sqrt(2), 3);
        // d sqrt(a)/da = 1/(2 sqrt a), though the solver's result carries no derivative at all.
        Array g = Jax.grad((Array aa) -> Jnp.sum(sqrt.apply(aa))).apply(a);
        assertNear(g, DType.F64, Shape.of(3), 1e-12, 0.5 / Math.sqrt(0.5), 0.5 / Math.sqrt(2), 1.0 / 6);
        Jax.checkGrads(v -> Jnp.sum(Lax.mul(sqrt.apply(v.get(0)), v.get(0))), Vector.of(a), 1, HashSet.of(Mode.FWD, Mode.REV));
        // The initial guess does not move the root.
        Array g0 = Jax.grad((Array x0) -> Jnp.sum(LaxImplicit.customRoot(x -> Lax.sub(Lax.mul(x, x), a), x0, NEWTON, DIAGONAL))).apply(f64(1, 1, 1));
        assertNear(g0, DType.F64, Shape.of(3), 0, 0, 0, 0);
    }

    @Test
    void solvesShouldRunUnderJitAndVmap() {
        Function<Array, Array> sqrt = aa -> LaxImplicit.customRoot(x -> Lax.sub(Lax.mul(x, x), aa), Lax.fullLike(aa, 1), NEWTON, DIAGONAL);
        assertClose(Jax.jit(sqrt).apply(f64(4, 16)).toDoubleArray(), new double[] {2, 4}, 1e-14);
        Function<Array, Array> solve = bb -> LaxImplicit.customLinearSolve(v -> matvec(SPD, v), bb, ITERATIVE, Option.none(), true);
        Array bs = arr(DType.F64, Shape.of(2, 3), 1, 0, 0, 0, 1, 0);
        Array xs = Jax.vmap(solve).apply(bs);
        assertClose(Lax.dot(xs, Jnp.transpose(SPD)).toDoubleArray(), bs.toDoubleArray(), 1e-12);
    }
}
