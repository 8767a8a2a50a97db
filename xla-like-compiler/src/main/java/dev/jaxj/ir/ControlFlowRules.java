package dev.jaxj.ir;

import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * The type rules of the control-flow primitives: their programs must fit each other (a loop's
 * carry keeps its avals, branches agree) and the operands must fit the programs. Weak types
 * are not compared here: the tracing front end unifies them before it builds a primitive.
 */
final class ControlFlowRules {
    private ControlFlowRules() {}

    static void checkCond(Seq<Jaxpr> branches) {
        if (branches.isEmpty()) throw new ArgumentError("cond", "needs at least one branch");
        Jaxpr first = branches.head();
        for (Jaxpr b : branches) {
            closed("cond", b);
            matchAll("cond", "branch inputs", first.inAvals(), b.inAvals());
            matchAll("cond", "branch outputs", first.outAvals(), b.outAvals());
        }
    }

    static Seq<ShapedArray> cond(Primitive.Cond p, Seq<ShapedArray> in) {
        ShapeRules.minArity(p, in, 1);
        ShapedArray index = in.head();
        ShapeRules.scalar(p, index, "the branch index");
        ShapeRules.dtype(p, index, DType::isInteger, "an integer branch index and other");
        matchAll("cond", "operands", p.branches().head().inAvals(), in.tail());
        return strongWhereBranchesDiffer(p.branches());
    }

    private static Seq<ShapedArray> strongWhereBranchesDiffer(Seq<Jaxpr> branches) {
        Seq<ShapedArray> first = branches.head().outAvals();
        return Vector.range(0, first.size()).map(i -> branches.forAll(b -> b.outAvals().get(i).equals(first.get(i))) ? first.get(i) : first.get(i).strong());
    }

    static void checkScan(Jaxpr body, int length, int numConsts, int numCarry, int unroll) {
        closed("scan", body);
        if (length < 0) throw new ArgumentError("scan", "length must be >= 0, got " + length);
        if (unroll < 1) throw new ArgumentError("scan", "unroll must be >= 1, got " + unroll);
        if (numConsts < 0 || numCarry < 0 || numConsts + numCarry > body.inVars().size() || numCarry > body.outs().size()) {
            throw new ArgumentError("scan", "the body takes " + body.inVars().size() + " inputs and returns " + body.outs().size()
                    + ", which cannot hold " + numConsts + " constants and " + numCarry + " carried values");
        }
        matchAll("scan", "carry (body input vs body output)", body.inAvals().slice(numConsts, numConsts + numCarry), body.outAvals().take(numCarry));
    }

    static Seq<ShapedArray> scan(Primitive.Scan p, Seq<ShapedArray> in) {
        Jaxpr body = p.body();
        ShapeRules.arity(p, in, body.inVars().size());
        int fixed = p.numConsts() + p.numCarry();
        matchAll("scan", "constants and initial carry", body.inAvals().take(fixed), in.take(fixed));
        for (int i = fixed; i < in.size(); i++) {
            ShapedArray xs = in.get(i);
            if (xs.rank() == 0 || xs.shape().dim(0) != p.length()) {
                throw new ShapeError("scan", "scanned operands need a leading axis of the scan's length " + p.length() + ", got " + xs);
            }
            match("scan", "scanned operand " + (i - fixed), body.inAvals().get(i), xs.withShape(xs.shape().without(0)));
        }
        Seq<ShapedArray> outs = body.outAvals();
        return outs.take(p.numCarry()).map(ShapedArray::strong)
                .appendAll(outs.drop(p.numCarry()).map(y -> y.strong().withShape(y.shape().insert(0, p.length()))));
    }

    static void checkWhile(Jaxpr cond, Jaxpr body, int condConsts, int bodyConsts, int maxSteps) {
        closed("while", cond);
        closed("while", body);
        if (maxSteps < Primitive.While.UNBOUNDED) throw new ArgumentError("while", "max_steps must be >= 0 (or unbounded), got " + maxSteps);
        int carry = body.outs().size();
        if (condConsts < 0 || bodyConsts < 0 || cond.inVars().size() != condConsts + carry || body.inVars().size() != bodyConsts + carry) {
            throw new ArgumentError("while", "cond takes " + cond.inVars().size() + " inputs and body " + body.inVars().size()
                    + ", which do not fit " + condConsts + " and " + bodyConsts + " constants and " + carry + " carried values");
        }
        if (cond.outs().size() != 1 || cond.outAvals().head().rank() != 0 || !cond.outAvals().head().dtype().isBool()) {
            throw new DTypeError("while", "cond must return one bool scalar, got " + cond.outAvals().mkString(", "));
        }
        matchAll("while", "carry (body input vs body output)", body.inAvals().drop(bodyConsts), body.outAvals());
        matchAll("while", "carry (cond input vs body output)", cond.inAvals().drop(condConsts), body.outAvals());
    }

    static Seq<ShapedArray> whileLoop(Primitive.While p, Seq<ShapedArray> in) {
        ShapeRules.arity(p, in, p.condConsts() + p.bodyConsts() + p.numCarry());
        matchAll("while", "cond constants", p.cond().inAvals().take(p.condConsts()), in.take(p.condConsts()));
        matchAll("while", "body constants and initial carry", p.body().inAvals(), in.drop(p.condConsts()));
        return p.body().outAvals().map(ShapedArray::strong);
    }

    /** A call of a closed program on the operands: its outputs. */
    static Seq<ShapedArray> call(Primitive p, Jaxpr fun, Seq<ShapedArray> in) {
        closed(p.name(), fun);
        matchAll(p.name(), "operands", fun.inAvals(), in);
        return fun.outAvals().map(ShapedArray::strong);
    }

    private static void closed(String op, Jaxpr j) {
        if (!j.constVars().isEmpty()) throw new ArgumentError(op, "programs of control flow are closed (constants are operands), got " + j.constVars().size() + " constants");
    }

    private static void matchAll(String op, String what, Seq<ShapedArray> expected, Seq<ShapedArray> actual) {
        if (expected.size() != actual.size()) {
            throw new ArgumentError(op, what + ": expected " + expected.size() + " values, got " + actual.size());
        }
        for (int i = 0; i < expected.size(); i++) match(op, what + " " + i, expected.get(i), actual.get(i));
    }

    private static void match(String op, String what, ShapedArray expected, ShapedArray actual) {
        if (expected.dtype() != actual.dtype()) throw new DTypeError(op, what + " must be " + expected + ", got " + actual);
        if (!expected.shape().equals(actual.shape())) throw new ShapeError(op, what + " must be " + expected + ", got " + actual);
    }
}
