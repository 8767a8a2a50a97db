package dev.jaxj.nn;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import io.vavr.control.Option;

import static java.util.Objects.requireNonNull;

/**
 * How {@link Activations#scaledDotGeneral} quantises one operand ({@code jax.nn}'s
 * {@code BlockScaleConfig}): blocks of {@code blockSize} consecutive elements along the
 * contracting axis share one scale of {@code scaleType}; the elements are rounded to
 * {@code dataType}. jaxj has no 8- or 4-bit float types: the formats are emulated exactly in f32,
 * each value rounded (to nearest, ties to even, saturating) to one the format can hold.
 *
 * @param mode        the scheme, which fixes how scales are computed
 * @param blockSize   elements per scale (32 for mxfp8, 16 for nvfp4)
 * @param dataType    the element format
 * @param scaleType   the scale format
 * @param globalScale nvfp4's f32 scalar dividing every block scale (so that the e4m3 scales stay in range); none for mxfp8
 * @param inferOnly   JAX's flag for configurations used only in inference; carried, not acted on
 */
public record BlockScaleConfig(Mode mode, int blockSize, Format dataType, Format scaleType, Option<Array> globalScale, boolean inferOnly) {

    /** The block-scaling schemes JAX supports. */
    public enum Mode { MXFP8, NVFP4 }

    /**
     * The narrow float formats, by their JAX names: mantissa bits, the smallest normal exponent and
     * the largest finite value (OCP Microscaling Formats v1.0; e8m0fnu is a bare power of two).
     */
    public enum Format {
        E4M3FN(3, -6, 448), E2M1FN(1, 0, 6), E8M0FNU(0, -127, 0x1p127);

        final int mantissaBits, minExponent;
        final double max;

        Format(int mantissaBits, int minExponent, double max) {
            this.mantissaBits = mantissaBits;
            this.minExponent = minExponent;
            this.max = max;
        }
    }

    public BlockScaleConfig {
        requireNonNull(mode, "mode is null");
        requireNonNull(dataType, "dataType is null");
        requireNonNull(scaleType, "scaleType is null");
        requireNonNull(globalScale, "globalScale is null");
        if (blockSize < 1) throw new ArgumentError("BlockScaleConfig", "blockSize must be >= 1, got " + blockSize);
        if (mode == Mode.NVFP4 && globalScale.isEmpty())
            throw new ArgumentError("BlockScaleConfig", "nvfp4 needs a global scale, got none");
    }
}
