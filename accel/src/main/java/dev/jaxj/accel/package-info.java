/**
 * The runtime's service interface: a {@link dev.jaxj.accel.Backend} owns a
 * {@link dev.jaxj.accel.Device} and runs primitives on its {@link dev.jaxj.accel.Buffer}s.
 * {@snippet lang=text :
 * Backend ::= name Device  fromHost(HostBuffer) -> Buffer  execute(Primitive, avals, Buffer*) -> Buffer*
 * }
 * The runtime knows primitives and shapes but nothing of transforms: by the time a primitive
 * reaches a backend, tracing is over and its shape rule has passed.
 */
package dev.jaxj.accel;
