package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.core.CustomRules;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.NotDifferentiable;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.Primitive;
import dev.jaxj.lax.Lax;
import dev.jaxj.transforms.control.Programs;
import dev.jaxj.transforms.partial.PeTracer;
import dev.jaxj.transforms.transpose.CustomTranspose;
import dev.jaxj.tree.Tree;
import dev.jaxj.tree.TreeDef;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * {@code jax.lax}'s implicitly differentiated solvers, {@code custom_linear_solve} and
 * {@code custom_root}: the solution's derivative comes from the equation it satisfies, never from
 * the solver's steps, so any solver (iterative, with early exits, not differentiable at all) may be
 * used. The function defining the equation is traced first and what it captured becomes explicit
 * inputs (closure conversion), so derivatives also reach the arrays it closes over. They sit in
 * {@code api} beside {@link Jax}, whose transforms they call.
 * {@snippet :
 * UnaryOperator<Array> matvec = x -> Lax.dot(a, x);                // a f32[3,3], captured
 * Array x = LaxImplicit.customLinearSolve(matvec, b,                // b f32[3] -> x f32[3]
 *         (mv, rhs) -> Linalg.solve(a, rhs), Option.some((vm, rhs) -> Linalg.solve(Jnp.transpose(a), rhs)), false);
 * }
 */
public final class LaxImplicit {
    private LaxImplicit() {}

    /** A solver: given the linear (or nonlinear) function and a right-hand side, the solution. */
    @FunctionalInterface
    public interface Solver extends BiFunction<UnaryOperator<Array>, Array, Array> {}

    /** A solution with auxiliary results, such as a solver's iteration count or residual: a pytree of arrays, not differentiated. */
    public record Solved<X>(Array x, X aux) {}

    /** A solver that also returns auxiliary results ({@code has_aux=True} in JAX). */
    @FunctionalInterface
    public interface AuxSolver<X> extends BiFunction<UnaryOperator<Array>, Array, Solved<X>> {}

    /**
     * {@return {@code x} with {@code matvec(x) = b}, found by {@code solve(matvec, b)}} ({@code lax.custom_linear_solve}).
     * Forward mode: {@code x' = solve(matvec, b' - matvec'(x))}, where {@code matvec'} is the derivative of
     * {@code matvec} in the arrays it captures. Reverse mode transposes that linear solve with
     * {@code transposeSolve(vecmat, ct)} ({@code vecmat} the transpose of {@code matvec}), or with {@code solve}
     * itself when {@code symmetric}. The solver is called on concrete or traced values, never differentiated.
     * Solvers reach the operator through the function they are handed: arrays they capture themselves are
     * not closure-converted (unlike JAX's), so a traced array captured by a solver escapes its transform.
     * With auxiliary results ({@code has_aux}), see {@link #customLinearSolveWithAux}.
     * @throws NotDifferentiable in reverse mode when there is no {@code transposeSolve} and not {@code symmetric}, as in JAX
     * @throws ShapeError when {@code solve} or {@code matvec} returns an aval other than {@code b}'s
     */
    public static Array customLinearSolve(UnaryOperator<Array> matvec, Array b, Solver solve, Option<Solver> transposeSolve, boolean symmetric) {
        return customLinearSolveWithAux(matvec, b, withoutAux(solve), transposeSolve.map(LaxImplicit::withoutAux), symmetric).x();
    }

    /**
     * {@link #customLinearSolve} with solvers that also return auxiliary results
     * ({@code custom_linear_solve(..., has_aux=True)}): the solution and the auxiliary results of
     * {@code solve(matvec, b)}, whose derivatives are zero. The tangent and transpose solves'
     * auxiliary results are dropped, as in JAX.
     * {@snippet :
     * LaxImplicit.AuxSolver<Array> counted = (mv, rhs) -> new LaxImplicit.Solved<>(Linalg.solve(a, rhs), Jnp.scalar(1));
     * LaxImplicit.Solved<Array> r = LaxImplicit.customLinearSolveWithAux(x -> Lax.dot(a, x), b, counted, Option.none(), true);
     * }
     */
    public static <X> Solved<X> customLinearSolveWithAux(UnaryOperator<Array> matvec, Array b, AuxSolver<X> solve,
                                                        Option<AuxSolver<?>> transposeSolve, boolean symmetric) {
        String op = "custom_linear_solve";
        Programs.Closed mv = Programs.trace(in -> Vector.of(matvec.apply(in.head())), Vector.of(b.aval().strong()));
        checkAval(op, "matvec", mv.jaxpr().outs().head().aval(), b);
        Solver plain = solutionOf(solve);
        Option<Solver> plainTranspose = transposeSolve.map(LaxImplicit::solutionOf);
        return implicit(op, mv, solve, b, (consts, x, constTangents, bTangent) -> {
            // b' - (∂matvec/∂consts)(x) along the consts' tangents.
            Array rhs = Lax.sub(bTangent, captured(mv, consts, constTangents, x));
            return linearSolve(op, mv, consts, rhs, plain, plainTranspose, symmetric);
        });
    }

    /** {@return {@code solve(a, rhs)}, transposed in reverse mode by the transpose solve}: the tangent of the solution is linear in {@code rhs} */
    private static Array linearSolve(String op, Programs.Closed mv, Seq<Array> consts, Array rhs, Solver solve,
                                     Option<Solver> transposeSolve, boolean symmetric) {
        if (!(rhs instanceof PeTracer)) return solveWith(op, solve, bound(mv, consts), rhs);
        // Reverse mode stages the tangent map for transposition: its transpose is the transpose solve.
        CustomTranspose transpose = (cts, args) -> {
            Seq<Array> cs = args.take(consts.size()).map(a -> a.value());
            UnaryOperator<Array> a = bound(mv, cs);
            Array ct = cts.head();
            Array solved;
            if (symmetric) solved = solveWith(op, solve, a, ct);
            else if (transposeSolve.isDefined()) {
                UnaryOperator<Array> vecmat = y -> Jax.vjp(a, Lax.fullLike(ct, 0)).pullback().apply(y);
                solved = solveWith(op, transposeSolve.get(), vecmat, ct);
            } else throw new NotDifferentiable(op, "reverse mode needs transpose_solve (or symmetric = true), as in JAX; got neither for b "
                    + rhs.aval());
            return cs.map(c -> Option.<Array>none()).append(Option.some(solved));
        };
        var linear = new Primitive.CustomVjpLinear(transpose, consts.size(), Vector.of(rhs.aval().strong()));
        return Bind.bind(linear, Vector.<Array>ofAll(consts).append(rhs)).head();
    }

    /**
     * {@return a root {@code x} of {@code f}, found by {@code solve(f, initialGuess)}} ({@code lax.custom_root}).
     * Its derivative in the arrays {@code f} captures is the implicit function theorem's,
     * {@code x' = -tangentSolve(g, f'(x))} with {@code g(v) = ∂f/∂x(x) v}; {@code tangentSolve(g, y)} solves
     * {@code g(v) = y} (for a scalar, {@code y / g(1)}; for vectors a dense solve of g's Jacobian). The
     * derivative in {@code initialGuess} is zero. Reverse mode differentiates through {@code tangentSolve},
     * which must be linear in {@code y}, as in JAX. With auxiliary results ({@code has_aux}), see {@link #customRootWithAux}.
     * {@snippet :
     * // sqrt(a) as the root of x² - a, by Newton's method; its derivative 1/(2 sqrt a) comes from the equation
     * LaxImplicit.Solver newton = (f, x0) -> { Array x = x0; for (int i = 0; i < 30; i++) x = x.sub(f.apply(x).div(x.mul(2.0))); return x; };
     * Array r = LaxImplicit.customRoot(x -> x.mul(x).sub(a), Jnp.scalar(1f), newton, (g, y) -> y.div(g.apply(Jnp.scalar(1f))));
     * }
     * @throws ShapeError when {@code f} or {@code solve} returns an aval other than {@code initialGuess}'s
     */
    public static Array customRoot(UnaryOperator<Array> f, Array initialGuess, Solver solve, Solver tangentSolve) {
        return customRootWithAux(f, initialGuess, withoutAux(solve), tangentSolve).x();
    }

    /**
     * {@link #customRoot} with a solver that also returns auxiliary results
     * ({@code custom_root(..., has_aux=True)}): the root and the auxiliary results of
     * {@code solve(f, initialGuess)}, whose derivatives are zero.
     */
    public static <X> Solved<X> customRootWithAux(UnaryOperator<Array> f, Array initialGuess, AuxSolver<X> solve, Solver tangentSolve) {
        String op = "custom_root";
        Programs.Closed fc = Programs.trace(in -> Vector.of(f.apply(in.head())), Vector.of(initialGuess.aval().strong()));
        checkAval(op, "f", fc.jaxpr().outs().head().aval(), initialGuess);
        return implicit(op, fc, solve, initialGuess, (consts, x, constTangents, guessTangent) -> {
            UnaryOperator<Array> g = v -> Jax.jvp(bound(fc, consts), x, v).tangent();
            return Lax.neg(tangentSolve.apply(g, captured(fc, consts, constTangents, x)));
        });
    }

    private static AuxSolver<Seq<Array>> withoutAux(Solver s) {
        return (a, rhs) -> new Solved<>(s.apply(a, rhs), Vector.empty());
    }

    private static Solver solutionOf(AuxSolver<?> s) {
        return (a, rhs) -> s.apply(a, rhs).x();
    }

    /** The tangent of a solution {@code x}, from the captured arrays, their tangents and the last input's tangent. */
    @FunctionalInterface
    private interface SolutionTangent {
        Array tangent(Seq<Array> consts, Array x, Seq<Array> constTangents, Array lastTangent);
    }

    /**
     * {@return {@code solve(c bound to its captured arrays, last)}, differentiated by {@code tangent}}:
     * a custom JVP over (captured…, last) whose outputs are the solution and the leaves of the
     * auxiliary results, which get zero tangents. Their structure is recorded by whichever of the
     * rule's functions the binding runs (every binding runs one) and rebuilt afterwards.
     */
    @SuppressWarnings("unchecked")
    private static <X> Solved<X> implicit(String op, Programs.Closed c, AuxSolver<X> solve, Array last, SolutionTangent tangent) {
        int nc = c.numConsts();
        var auxStructure = new AtomicReference<TreeDef>();
        Function<Seq<Array>, Seq<Array>> outputs = in -> {
            Solved<X> s = solve.apply(bound(c, in.take(nc)), in.last());
            checkAval(op, "solve", s.x().aval(), in.last());
            Tree.Flattened aux = Tree.flatten(s.aux());
            auxStructure.set(aux.treeDef());
            return Vector.<Array>of(s.x()).appendAll(aux.leaves().map(leaf -> auxLeaf(op, leaf)));
        };
        CustomRules.Jvp rule = new CustomRules.Jvp(outputs, (p, t) -> {
            Seq<Array> out = outputs.apply(p);
            Array dx = tangent.tangent(p.take(nc), out.head(), t.take(nc), t.last());
            return new CustomRules.PrimalsTangents(out, Vector.of(dx).appendAll(out.tail().map(a -> Lax.fullLike(a, 0))));
        });
        Seq<Array> out = Bind.bindCustomJvp(rule, c.consts().append(last));
        return new Solved<>(out.head(), (X) Tree.unflatten(auxStructure.get(), out.tail()));
    }

    private static Array auxLeaf(String op, Object leaf) {
        if (leaf instanceof Array a) return a;
        throw new ArgumentError(op, "auxiliary results must be a pytree of arrays, got a leaf of " + leaf.getClass().getSimpleName());
    }

    /** {@return the derivative of {@code c(x)} in its captured arrays along their tangents} (zero when it captured none) */
    private static Array captured(Programs.Closed c, Seq<Array> consts, Seq<Array> tangents, Array x) {
        if (consts.isEmpty()) return Lax.fullLike(x, 0);
        return Jax.jvp((Seq<Array> cs) -> Programs.eval(c.jaxpr(), cs.append(x)).head(), consts, tangents).tangent();
    }

    private static UnaryOperator<Array> bound(Programs.Closed c, Seq<Array> consts) {
        return x -> Programs.eval(c.jaxpr(), consts.append(x)).head();
    }

    private static Array solveWith(String op, Solver solve, UnaryOperator<Array> a, Array rhs) {
        Array x = solve.apply(a, rhs);
        checkAval(op, "solve", x.aval(), rhs);
        return x;
    }

    private static void checkAval(String op, String what, dev.jaxj.ir.ShapedArray got, Array like) {
        if (!got.shape().equals(like.shape()) || got.dtype() != like.dtype())
            throw new ShapeError(op, what + " must return " + like.aval().strong() + " like its argument, got " + got);
    }
}
