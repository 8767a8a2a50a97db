/**
 * Checkpoints, whole models and PyTorch weights, all as safetensors files.
 *
 * {@snippet lang=text :
 * Checkpoints.save(path, tree)            tree leaves -> tensors named by dotted key path, written atomically
 * Checkpoints.restore(path, template)     tensors -> the template's structure, names/shapes/dtypes checked
 * Models.save(path, module, vars, input)  the variables, plus the module tree's config as JSON in the metadata
 * Models.load(path[, registry])           -> SavedModel(module, variables, input); registered classes only
 * TorchWeights.load(path, module, input)  a PyTorch state_dict -> the module's variables (names and layouts mapped)
 * TorchWeights.save(path, module, vars, input)
 * file     ::= N:u64-le  JSON header (N bytes, space-padded to 8)  data
 * header   ::= {"__metadata__": {...}?, name: {"dtype", "shape", "data_offsets"}, ...}
 * model    ::= header with "__metadata__": {"jaxj.model": config JSON, "jaxj.treedef": ...}
 * }
 *
 * <p>Why safetensors: it is the format PyTorch, JAX and Hugging Face users already exchange,
 * it holds nothing executable, and its layout (a bounded header, then raw little-endian data at
 * declared offsets) can be checked completely before anything is allocated, so a truncated,
 * oversized or hostile file fails with a precise {@link dev.jaxj.io.CheckpointError} instead
 * of running out of memory. Writes go to a temporary file renamed over the target, so a crash
 * mid-save never leaves a half-written checkpoint. A whole model adds a JSON description of
 * its modules, which loading turns back into records only through a
 * {@link dev.jaxj.io.ModelRegistry} (never a class name taken from the file), as Keras's
 * {@code load_model} does with its safe mode.
 */
package dev.jaxj.io;
