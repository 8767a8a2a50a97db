/**
 * Staging and caching for {@code jit}.
 * {@snippet lang=text :
 * Key      ::= (input TreeDef, avals with weak types, static values, donated inputs)
 *              static data compares by value all the way down (Hashability)
 * Compiled ::= (BufferPlan of the kernel program, constants, output TreeDef)
 * }
 * A function is traced once per key with every input unknown; the cache compiles each key
 * once even under concurrent calls; a failed compilation is not kept, and every caller waiting
 * for it gets its exception as thrown. Buffers are planned at compile time, so a call only
 * allocates what the plan could not reuse.
 */
package dev.jaxj.transforms.jit;
