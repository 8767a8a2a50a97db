/**
 * The pure-Java CPU backend, the reference implementation of every primitive.
 * {@snippet lang=text :
 * HostBuffer ::= float[] | double[] | int[] (i32, u32) | long[] | boolean[]
 * kernel     ::= (Primitive, HostBuffer*) -> HostBuffer*     one static method per family
 * }
 * Kernels write only the buffers they allocate, which is what lets arrays share storage
 * (reshape is free). Large loops split across the one shared {@link dev.jaxj.accel.cpu.Parallel} pool.
 */
package dev.jaxj.accel.cpu;
