package dev.jaxj.accel.cpu.fft;

/**
 * The precision-specific half of the engine: moving lanes between an interleaved array and a
 * split panel, and the Stockham stages on the panel. A panel holds {@code B} independent
 * sequences of length {@code n} as two arrays (real, imaginary parts) laid out {@code [n][B]},
 * so that each butterfly works on whole vectors of lanes; {@code B} is a multiple of
 * {@link #lanes()} and lanes past the last sequence are zeros.
 *
 * <p>Lanes are addressed by their first complex element ({@code bases[b]}) and the distance
 * between their elements ({@code stride}), in complex elements.
 *
 * @param <A> the storage array, {@code float[]} or {@code double[]}
 */
sealed interface PanelKernel<A> permits Panels32, Panels64 {
    boolean f64();

    /** {@return the vector length in this precision} */
    int lanes();

    /** {@return a zero-filled array}, allocated through {@code HeapArrays} so that a request the heap cannot hold fails by name */
    A alloc(int length);

    Cplx view(A a);

    /**
     * {@code re/im[j B + b] = x[bases[b] + j stride]} for {@code b < count}, times
     * {@code tw} at the same index when {@code tw} is not null, conjugated when {@code conj}; zeros for the other lanes.
     */
    void gather(A x, int[] bases, int count, int stride, int n, FftPlan.Tables tw, boolean conj, A re, A im, int width);

    /** {@code y[bases[b] + j stride] = scale * re/im[j B + b]} for {@code b < count}, conjugated when {@code conj}. */
    void scatter(A re, A im, int width, int[] bases, int count, int stride, int n, boolean conj, double scale, A y);

    /**
     * The unnormalised forward transform of every lane of the panel, {@code sr/si} the stages'
     * other buffer; {@return whether the result ended there} rather than in {@code re/im}
     */
    boolean stockham(FftPlan plan, A re, A im, A sr, A si, int width);

    /**
     * Rows {@code [lo, hi)} of {@code [outer, h + 1, inner]} of a real transform of length {@code 2h}
     * from {@code z}, the complex transform ({@code [outer, h, inner]}) of its even and odd samples as
     * real and imaginary parts: {@code y[k] = E[k] + w^k O[k]} with {@code E}, {@code O} the halves'
     * transforms unfolded from {@code Z[k]} and {@code conj Z[h - k]}.
     */
    void unfoldReal(A z, A y, FftPlan.Tables w, int h, int inner, int lo, int hi);

    /**
     * Rows {@code [lo, hi)} of {@code [outer, h, inner]}: the inverse of {@link #unfoldReal} up to a
     * factor 2, {@code z[k] = (X[k] + conj X[h-k]) + i conj(w^k) (X[k] - conj X[h-k])} from the
     * {@code [outer, h + 1, inner]} spectrum {@code x}, without the imaginary parts of its first and last terms.
     */
    void foldReal(A x, A z, FftPlan.Tables w, int h, int inner, int lo, int hi);
}
