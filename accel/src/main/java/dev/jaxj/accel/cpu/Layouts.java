package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.host.HeapArrays;

/** Row-major index arithmetic shared by the contraction kernels. */
final class Layouts {
    private Layouts() {}

    static int product(int[] dims) {
        int p = 1;
        for (int d : dims) p *= d;
        return p;
    }

    static int[] strides(int[] dims) {
        int[] s = new int[dims.length];
        int acc = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= dims[i];
        }
        return s;
    }

    static boolean isIdentity(int[] perm) {
        for (int i = 0; i < perm.length; i++) if (perm[i] != i) return false;
        return true;
    }

    /** {@return the inverse permutation} */
    static int[] inverse(int[] perm) {
        int[] inv = new int[perm.length];
        for (int i = 0; i < perm.length; i++) inv[perm[i]] = i;
        return inv;
    }

    /**
     * {@return {@code x} (row-major with {@code dims}) with its axes permuted: result axis
     * {@code i} is axis {@code perm[i]} of {@code x}} Returns {@code x} itself when nothing moves.
     */
    static HostData permute(HostData x, int[] dims, int[] perm) {
        if (isIdentity(perm)) return x;
        int rank = perm.length;
        int[] src = strides(dims);
        int[] pd = new int[rank], ps = new int[rank];
        for (int i = 0; i < rank; i++) {
            pd[i] = dims[perm[i]];
            ps[i] = src[perm[i]];
        }
        int n = product(dims);
        int[] index = HeapArrays.ints(n);
        int[] counter = new int[rank];
        int off = 0;
        for (int i = 0; i < n; i++) {
            index[i] = off;
            for (int d = rank - 1; d >= 0; d--) {           // odometer step over the permuted dims
                if (++counter[d] < pd[d]) {
                    off += ps[d];
                    break;
                }
                off -= ps[d] * (pd[d] - 1);
                counter[d] = 0;
            }
        }
        return x.gather(index);
    }
}
