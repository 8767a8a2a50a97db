/**
 * The runtime's service interface: a {@link dev.jaxj.accel.Backend} owns a
 * {@link dev.jaxj.accel.Device}, holds {@link dev.jaxj.accel.Buffer}s on it, and compiles
 * kernel programs into {@link dev.jaxj.accel.Executable}s.
 * {@snippet lang=text :
 * Backend    ::= name Device  upload(HostData) -> Buffer  download(Buffer) -> HostData
 *                compile(BufferPlan) -> Executable
 * Executable ::= run(consts Buffer*, args Buffer*, owned int*) -> Buffer*
 * }
 * Eager operations are one-equation programs compiled the same way, so each primitive has one
 * implementation per backend. The runtime knows primitives and shapes but nothing of
 * transforms: by the time a program reaches a backend, tracing is over and its shape rules
 * have passed.
 */
package dev.jaxj.accel;
