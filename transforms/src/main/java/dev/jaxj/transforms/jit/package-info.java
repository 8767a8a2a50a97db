/**
 * Staging and caching for {@code jit}.
 * {@snippet lang=text :
 * Key      ::= (input TreeDef, avals with weak types, static values)
 * Compiled ::= (typechecked Jaxpr, constants, output TreeDef)
 * }
 * A function is traced once per key with every input unknown; the cache compiles each key
 * once even under concurrent calls.
 */
package dev.jaxj.transforms.jit;
