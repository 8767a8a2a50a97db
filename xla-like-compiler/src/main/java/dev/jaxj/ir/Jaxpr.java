package dev.jaxj.ir;

import dev.jaxj.errors.JaxjException;
import dev.jaxj.errors.JaxprTypeError;
import io.vavr.collection.HashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;

import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * A program in A-normal form: constants and inputs bound to variables, a list of equations,
 * and the output atoms.
 * {@snippet lang=text :
 * { lambda ; a:f32[3]. let
 *     b:f32[3] = sin a
 *   in (b) }
 * }
 *
 * @param constVars variables bound to closed-over constants (supplied by a closed jaxpr)
 * @param inVars    the inputs
 * @param eqns      the equations, each variable assigned once
 * @param outs      the results
 */
public record Jaxpr(Seq<Var> constVars, Seq<Var> inVars, Seq<Eqn> eqns, Seq<Atom> outs) {
    public Jaxpr {
        constVars = Vector.ofAll(requireNonNull(constVars, "constVars is null"));
        inVars = Vector.ofAll(requireNonNull(inVars, "inVars is null"));
        eqns = Vector.ofAll(requireNonNull(eqns, "eqns is null"));
        outs = Vector.ofAll(requireNonNull(outs, "outs is null"));
    }

    /**
     * Builds a program by handing a {@link Builder} to {@code body}.
     * {@snippet :
     * Jaxpr j = Jaxpr.build(Vector.of(ShapedArray.of(DType.F32, 3)),
     *         b -> b.add(new Primitive.Sin(), b.in(0)));
     * }
     */
    public static Jaxpr build(Seq<ShapedArray> inAvals, Function<Builder, Seq<? extends Atom>> body) {
        Builder b = new Builder(inAvals);
        Seq<? extends Atom> outs = body.apply(b);
        return new Jaxpr(Vector.empty(), b.inVars, b.eqns, Vector.ofAll(outs));
    }

    /** Appends equations to a program under construction; each {@code add} runs the primitive's shape rule. */
    public static final class Builder {
        private int nextId;
        private final Vector<Var> inVars;
        private Vector<Eqn> eqns = Vector.empty();

        private Builder(Seq<ShapedArray> inAvals) {
            this.inVars = Vector.ofAll(inAvals).map(this::fresh);
        }

        /** {@return input {@code i}} */
        public Var in(int i) { return inVars.get(i); }

        /** {@return a new variable of the given aval} */
        public Var fresh(ShapedArray aval) { return new Var(nextId++, aval); }

        /** Adds {@code prim in…} and returns its outputs. */
        public Seq<Var> addAll(Primitive prim, Atom... in) {
            Seq<Atom> ins = Vector.of(in);
            Seq<Var> outs = prim.abstractEval(ins.map(Atom::aval)).map(this::fresh);
            eqns = eqns.append(new Eqn(prim, ins, outs, SourceInfo.capture()));
            return outs;
        }

        /** Adds a single-output {@code prim in…} and returns its output. */
        public Seq<Var> add(Primitive prim, Atom... in) {
            return addAll(prim, in);
        }
    }

    /**
     * Checks that every variable is bound once before use and that every equation's output
     * avals equal its primitive's shape rule, in the programs of control-flow equations too.
     *
     * @return this program
     * @throws JaxprTypeError naming the first offending equation
     */
    public Jaxpr typecheck() {
        Set<Var> env = HashSet.empty();
        for (Var v : constVars.appendAll(inVars)) {
            if (env.contains(v)) throw new JaxprTypeError("typecheck", "variable bound twice: " + v.aval() + " #" + v.id(), SourceInfo.UNKNOWN, null);
            env = env.add(v);
        }
        for (Eqn e : eqns) {
            for (Atom a : e.in()) {
                if (a instanceof Var v && !env.contains(v)) {
                    throw new JaxprTypeError("typecheck", "unbound variable used by " + e.prim().name(), e.where(), null);
                }
            }
            Seq<ShapedArray> expected;
            try {
                expected = e.prim().abstractEval(e.in().map(Atom::aval));
            } catch (JaxjException ex) {
                throw new JaxprTypeError("typecheck", "equation " + e.prim().name() + " is ill-typed: " + ex.detail(), e.where(), ex);
            }
            Seq<ShapedArray> actual = e.out().map(Var::aval);
            if (!expected.map(ShapedArray::strong).equals(actual.map(ShapedArray::strong))) {
                throw new JaxprTypeError("typecheck", "equation " + e.prim().name() + " declares outputs " + JaxjException.avals(actual)
                        + " but its rule gives " + JaxjException.avals(expected), e.where(), null);
            }
            if (e.prim() instanceof Primitive.ControlFlow cf) typecheckPrograms(e, cf);
            for (Var v : e.out()) {
                if (env.contains(v)) throw new JaxprTypeError("typecheck", "variable assigned twice by " + e.prim().name(), e.where(), null);
                env = env.add(v);
            }
        }
        for (Atom a : outs) {
            if (a instanceof Var v && !env.contains(v)) throw new JaxprTypeError("typecheck", "unbound output variable " + v.aval(), SourceInfo.UNKNOWN, null);
        }
        return this;
    }

    /** The programs of a loop or branch are checked too; a failure names the primitive and which program. */
    private static void typecheckPrograms(Eqn e, Primitive.ControlFlow cf) {
        for (int i = 0; i < cf.jaxprs().size(); i++) {
            try {
                cf.jaxprs().get(i).typecheck();
            } catch (JaxprTypeError ex) {
                throw new JaxprTypeError("typecheck", "program " + i + " of " + cf.name() + " is ill-typed: " + ex.detail(), e.where(), ex);
            }
        }
    }

    /** {@return the largest variable id this program binds (-1 for none)}: new variables numbered above it stay unique */
    public int maxVarId() {
        int m = -1;
        for (Var v : constVars.appendAll(inVars)) m = Math.max(m, v.id());
        for (Eqn e : eqns) for (Var v : e.out()) m = Math.max(m, v.id());
        return m;
    }

    /** {@return the avals of the inputs} */
    public Seq<ShapedArray> inAvals() { return inVars.map(Var::aval); }

    /** {@return the avals of the outputs} */
    public Seq<ShapedArray> outAvals() { return outs.map(Atom::aval); }

    @Override
    public String toString() {
        return JaxprPrinter.print(this);
    }
}
