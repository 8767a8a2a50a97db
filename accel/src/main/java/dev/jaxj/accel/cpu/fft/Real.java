package dev.jaxj.accel.cpu.fft;

/**
 * Real-input transforms and their inverses. An even length {@code n = 2h} runs as one complex
 * transform of length {@code h} of {@code z[j] = x[2j] + i x[2j+1]} (for a contiguous axis that
 * is the real array itself, read as complex), unfolded by
 * {@code X[k] = E[k] + w^k O[k]}, {@code E[k] = (Z[k] + conj Z[h-k]) / 2},
 * {@code O[k] = (Z[k] - conj Z[h-k]) / 2i}, {@code w = exp(-2 pi i / n)}; the inverse folds the
 * other way. An odd length goes through the complex transform of length {@code n}.
 */
final class Real {
    private Real() {}

    static <A> A rfft(PanelKernel<A> k, A x, int outer, int n, int inner) {
        FftEngine.check(n, outer, inner);
        int h = n / 2, nOut = h + 1;
        A y = k.alloc(2 * outer * nOut * inner);
        if (outer * inner == 0) return y;
        Cplx cx = k.view(x), cy = k.view(y);
        if (n % 2 == 1) {
            A z = k.alloc(2 * outer * n * inner), zf = k.alloc(2 * outer * n * inner);
            Cplx cz = k.view(z);
            FftEngine.rows(outer * n, inner, (lo, hi) -> {
                for (int i = lo * inner; i < hi * inner; i++) cz.set(i, cx.get(i), 0);
            });
            FftEngine.transform(k, z, 0, zf, 0, outer, n, inner, false, false, 1.0);
            Cplx cf = k.view(zf);
            FftEngine.rows(outer * nOut, inner, (lo, hi) -> {
                for (int row = lo, o = lo / nOut, kk = lo % nOut; row < hi; row++, kk++) {
                    if (kk == nOut) {
                        kk = 0;
                        o++;
                    }
                    int src = (o * n + kk) * inner;
                    for (int c = 0; c < inner; c++) cy.set(row * inner + c, cf.re(src + c), cf.im(src + c));
                }
            });
            return y;
        }
        A z = x;
        if (inner > 1) {
            z = k.alloc(outer * n * inner);
            Cplx cz = k.view(z);
            FftEngine.rows(outer * h, inner, (lo, hi) -> {
                for (int row = lo, o = lo / h, j = lo % h; row < hi; row++, j++) {
                    if (j == h) {
                        j = 0;
                        o++;
                    }
                    int src = (o * n + 2 * j) * inner;
                    for (int c = 0; c < inner; c++) cz.set(row * inner + c, cx.get(src + c), cx.get(src + inner + c));
                }
            });
        }
        A zf = k.alloc(outer * n * inner);
        FftEngine.transform(k, z, 0, zf, 0, outer, h, inner, false, false, 1.0);
        var w = FftPlan.realTwiddles(n, k.f64());
        FftEngine.rows(outer * nOut, inner, (lo, hi) -> k.unfoldReal(zf, y, w, h, inner, lo, hi));
        return y;
    }

    static <A> A irfft(PanelKernel<A> k, A x, int outer, int n, int inner) {
        FftEngine.check(n, outer, inner);
        int h = n / 2, nIn = h + 1;
        A y = k.alloc(outer * n * inner);
        if (outer * inner == 0) return y;
        Cplx cx = k.view(x), cy = k.view(y);
        if (n % 2 == 1) {
            A full = k.alloc(2 * outer * n * inner), out = k.alloc(2 * outer * n * inner);
            Cplx cf = k.view(full);
            FftEngine.rows(outer * n, inner, (lo, hi) -> {
                for (int row = lo, o = lo / n, kk = lo % n; row < hi; row++, kk++) {
                    if (kk == n) {
                        kk = 0;
                        o++;
                    }
                    boolean mirrored = kk > h;
                    int src = (o * nIn + (mirrored ? n - kk : kk)) * inner;
                    for (int c = 0; c < inner; c++)
                        cf.set(row * inner + c, cx.re(src + c), mirrored ? -cx.im(src + c) : cx.im(src + c));
                }
            });
            FftEngine.transform(k, full, 0, out, 0, outer, n, inner, true, false, 1.0 / n);
            Cplx co = k.view(out);
            FftEngine.rows(outer * n, inner, (lo, hi) -> {
                for (int i = lo * inner; i < hi * inner; i++) cy.put(i, co.re(i));
            });
            return y;
        }
        var w = FftPlan.realTwiddles(n, k.f64());
        A z = k.alloc(outer * n * inner);
        FftEngine.rows(outer * h, inner, (lo, hi) -> k.foldReal(x, z, w, h, inner, lo, hi));
        if (inner == 1) {
            // the complex result z[j] = x[2j] + i x[2j+1] is the real output, interleaved
            FftEngine.transform(k, z, 0, y, 0, outer, h, 1, true, true, 1.0 / n);
            return y;
        }
        A zt = k.alloc(outer * n * inner);
        FftEngine.transform(k, z, 0, zt, 0, outer, h, inner, true, true, 1.0 / n);
        Cplx ct = k.view(zt);
        FftEngine.rows(outer * h, inner, (lo, hi) -> {
            for (int row = lo, o = lo / h, j = lo % h; row < hi; row++, j++) {
                if (j == h) {
                    j = 0;
                    o++;
                }
                int dst = (o * n + 2 * j) * inner;
                for (int c = 0; c < inner; c++) {
                    cy.put(dst + c, ct.re(row * inner + c));
                    cy.put(dst + inner + c, ct.im(row * inner + c));
                }
            }
        });
        return y;
    }
}
