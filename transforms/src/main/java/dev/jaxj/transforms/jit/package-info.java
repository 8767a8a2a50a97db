/**
 * Staging and caching for {@code jit}.
 * {@snippet lang=text :
 * Key      ::= (input TreeDef, avals with weak types, static values, donated inputs)
 * Compiled ::= (BufferPlan of the kernel program, constants, output TreeDef)
 * }
 * A function is traced once per key with every input unknown; the cache compiles each key
 * once even under concurrent calls. Buffers are planned at compile time, so a call only
 * allocates what the plan could not reuse.
 */
package dev.jaxj.transforms.jit;
