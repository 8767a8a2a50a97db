package dev.jaxj.tree;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component as static data rather than a child: it is kept in the
 * {@link TreeDef} (so it is part of the structure, compared with {@code equals}) and is not a leaf.
 * As part of the {@code jit} cache key it must compare by value: {@code jit} rejects a static
 * component holding a Java array, an {@code Array} or another value compared by identity.
 *
 * <p>This is JAX's {@code register_dataclass(meta_fields=...)} and Equinox's
 * {@code field(static=True)}: a layer's hyperparameters stay out of {@code Tree.map} and out of
 * the arrays a transform traces, and a change in them is a change of structure.
 * {@snippet :
 * record Dense(Array w, Array b, @Static int features) {}
 * // Tree.structure(dense) prints Dense(w=*, b=*, features=3)
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Static {}
