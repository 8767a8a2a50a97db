package dev.jaxj.transforms.transpose;

import dev.jaxj.array.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/** The transpose of a user-defined linear map (a custom VJP's backward rule, bound to its residuals). */
@FunctionalInterface
public interface CustomTranspose {
    /** {@return cotangents per operand (empty for residuals)} for cotangents of the outputs */
    Seq<Option<Array>> transpose(Seq<Array> cts, Seq<LinearArg> args);
}
