package dev.jaxj.io;

/**
 * A checkpoint file is not a well-formed safetensors file, or holds something jaxj cannot
 * represent. The message says what the format requires, what the file has instead and, where
 * it applies, the byte offset in the file:
 * {@snippet lang=text :
 * model.safetensors: tensor 'w' needs 48 bytes (f32, shape [3, 4]), got data_offsets [0, 40] spanning 40 bytes, at byte offset 20
 * }
 * Failures of the file system itself are {@link java.io.UncheckedIOException}s instead.
 */
public final class CheckpointError extends RuntimeException {
    /** @param message what was required and what was found, with the source and byte offset */
    public CheckpointError(String message) { super(message); }

    /** @param message what was required and what was found; @param cause the underlying failure */
    public CheckpointError(String message, Throwable cause) { super(message, cause); }
}
