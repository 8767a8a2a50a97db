/**
 * Fused loops of a kernel program rendered as C-style device kernels, in either
 * {@link dev.jaxj.accel.device.Dialect} (OpenCL C, CUDA C), by one renderer:
 * {@link dev.jaxj.accel.device.render.LoopRenderer}.
 * {@snippet lang=text :
 * kernel   := helper* "KERNEL void" name "(" in_i* out_s* ")" "{" body "}"
 * helper   := "#ifndef JX_DEFINED_<f>" definition "#endif"          (macros of the dialect, then C functions)
 * body     := point | row+                                            (no reduction | one sweep per pass)
 * point    := "g = GID0" value* store*                                (one work-item per domain point)
 * row      := acc* "for k in row" "{" value* fold* store* "}" tree? reduced*
 * value    := "const T v_i =" (in_j[offset] | literal | operator(v_a, …))
 * offset   := "g" | sum over axes d with stride != 0 of "(g / S_d % D_d) * stride_d"
 * }
 * The operator table is one exhaustive switch over the elementwise primitives, so a new
 * primitive does not compile until every backend that renders C has a row for it; what the
 * dialects spell differently (bit casts, f32 operations that must not be contracted) is a
 * handful of macros, and functions C lacks (NaN-propagating max, integer division by zero,
 * saturating conversions, erf, lgamma, …) are helpers whose text every kernel that calls them
 * carries under an include guard, so a program of many kernels defines each once. The
 * semantics are the CPU backend's, which the tests hold the device to.
 */
package dev.jaxj.accel.device.render;
