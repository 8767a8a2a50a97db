package dev.jaxj.random;

import dev.jaxj.array.Array;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.tree.Static;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.Arrays;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * A typed PRNG key, or an array of them: JAX's {@code key<fry>} element type. The key data is
 * a u32 array whose last axis holds the two words of each key, so a single key overlays
 * {@code u32[2]} and {@code split(key, 3)} gives a key array of shape {@code (3)} over
 * {@code u32[3,2]}. As a pytree the key has one leaf, {@code data}; the {@link ThreefryMode}
 * is static structure, so {@code jit} traces the data and compiles once per mode.
 * {@snippet :
 * Key key = Random.key(0);                    // shape (), data u32[2] = [0, 0]
 * Key keys = Random.split(key, 3);            // shape (3)
 * Key second = keys.get(1);
 * }
 *
 * @param data the key words, u32 of shape {@code (*shape, 2)}
 * @param mode which Threefry stream every operation on this key uses
 */
public record Key(Array data, @Static ThreefryMode mode) {
    public Key {
        requireNonNull(data, "data is null");
        requireNonNull(mode, "mode is null");
        if (data.dtype() != DType.U32) throw new DTypeError("random.wrap_key_data", "key data must be u32, got " + data.aval());
        if (data.ndim() == 0 || data.shape().dim(-1) != 2) {
            throw new ShapeError("random.wrap_key_data", "key data needs a trailing axis of size 2 (the two Threefry words), got " + data.aval());
        }
    }

    /** {@return the shape of the key array: the data's shape without its trailing axis of 2} */
    public Shape shape() { return data.shape().without(data.ndim() - 1); }

    /** {@return the number of axes of the key array (0 for a single key)} */
    public int ndim() { return data.ndim() - 1; }

    /**
     * {@return the key at index {@code i} of axis 0}
     * @throws ShapeError for a single key or an index out of range
     */
    public Key get(int i) {
        if (ndim() == 0) throw new ShapeError("key.get", "cannot index a single key, got key data " + data.aval());
        int n = data.shape().dim(0);
        if (i < 0 || i >= n) throw new ShapeError("key.get", "index " + i + " is out of range for " + n + " keys");
        int[] start = new int[data.ndim()], limit = data.shape().toArray(), strides = new int[data.ndim()];
        start[0] = i;
        limit[0] = i + 1;
        Arrays.fill(strides, 1);
        Array row = Lax.slice(data, Vector.ofAll(start), Vector.ofAll(limit), Vector.ofAll(strides));
        return new Key(Lax.reshape(row, data.shape().without(0)), mode);
    }

    /** {@return the keys along axis 0, as {@code k1, k2 = split(key)} unpacks them in JAX} */
    public Seq<Key> unstack() {
        if (ndim() == 0) throw new ShapeError("key.unstack", "cannot unstack a single key, got key data " + data.aval());
        return Vector.range(0, data.shape().dim(0)).map(this::get);
    }

    @Override
    public String toString() {
        return "Key(shape=" + shape() + ", " + mode.name().toLowerCase(Locale.ROOT) + ") overlaying:\n" + data;
    }
}
