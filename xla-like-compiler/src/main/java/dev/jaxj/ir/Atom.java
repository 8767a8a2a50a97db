package dev.jaxj.ir;

/** An equation operand: a variable or a scalar literal. */
public sealed interface Atom permits Var, Lit {
    ShapedArray aval();
}
