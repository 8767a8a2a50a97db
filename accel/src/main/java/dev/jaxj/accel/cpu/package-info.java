/**
 * The pure-Java CPU backend, the reference implementation of every primitive.
 * {@snippet lang=text :
 * HostData ::= float[] | double[] | int[] (i32, u32) | long[] | boolean[]
 * kernel     ::= (Primitive, HostData*) -> HostData*     one static method per family
 * }
 * Kernels write only the buffers they allocate, which is what lets arrays share storage
 * (reshape is free). Large loops split across the one shared {@link dev.jaxj.accel.cpu.Parallel} pool.
 */
package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;
