/**
 * Checkpoints: pytrees of arrays saved as safetensors files and restored into a template.
 *
 * {@snippet lang=text :
 * save(path, tree)          tree leaves -> tensors named by dotted key path, written atomically
 * restore(path, template)   tensors -> the template's structure, names/shapes/dtypes checked
 * file     ::= N:u64-le  JSON header (N bytes, space-padded to 8)  data
 * header   ::= {"__metadata__": {...}?, name: {"dtype", "shape", "data_offsets"}, ...}
 * }
 *
 * <p>Why safetensors: it is the format PyTorch, JAX and Hugging Face users already exchange,
 * it holds nothing executable, and its layout (a bounded header, then raw little-endian data at
 * declared offsets) can be checked completely before anything is allocated, so a truncated,
 * oversized or hostile file fails with a precise {@link dev.jaxj.io.CheckpointError} instead
 * of running out of memory. Writes go to a temporary file renamed over the target, so a crash
 * mid-save never leaves a half-written checkpoint.
 */
package dev.jaxj.io;
