package dev.jaxj.dtypes;

import dev.jaxj.Jax;
import dev.jaxj.MiscReference;
import dev.jaxj.MiscReference.Entry;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.ShapedArray;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The cases of {@code dtypes/dtypes_reference.txt}, written by {@code dtypes_reference.py} beside
 * it with NumPy (torch for bfloat16). Each line's kind is the NumPy name of its dtype; inputs are
 * built on a host buffer, so that they do not depend on the conversions under test.
 */
final class DTypesReference {
    private static final Map<String, Entry> ENTRIES = MiscReference.load("dtypes/dtypes_reference.txt");

    private DTypesReference() {}

    static Entry get(String name) {
        Entry e = ENTRIES.get(name);
        assertNotNull(e, () -> "no case '" + name + "' in dtypes_reference.txt");
        return e;
    }

    /** {@return the names of the expected results (not inputs) that start with {@code prefix}, sorted} */
    static List<String> results(String prefix) {
        return ENTRIES.keySet().stream().filter(n -> n.startsWith(prefix)).sorted().toList();
    }

    static DType dtype(String name) { return DType.parse(get(name).kind()); }

    /** {@return the input {@code in.name}, in its own dtype} */
    static Array input(String name) { return array(get("in." + name)); }

    /** {@return the stored result {@code name}, in its own dtype} */
    static Array expected(String name) { return array(get(name)); }

    private static Array array(Entry e) {
        DType d = DType.parse(e.kind());
        int n = e.shape().size();
        HostData b = HostData.allocate(d, n);
        String[] v = e.values();
        for (int i = 0; i < n; i++) {
            if (d.isComplex()) b.setComplex(i, parse(v[2 * i]), parse(v[2 * i + 1]));
            else if (d.isFloating()) b.setDouble(i, parse(v[i]));
            else b.setLong(i, Long.parseLong(v[i]));
        }
        return Array.fromHost(ShapedArray.of(d, e.shape()), b);
    }

    private static double parse(String s) { return dev.jaxj.ReferenceFile.parse(s); }

    /** Checks {@code f(x)} eagerly and under jit against result {@code name}. */
    static void checkUnary(String name, Function<Array, Array> f, Array x, int ulps) {
        check(name, f.apply(x), ulps);
        check(name + " (jit)", name, Jax.jit(f).apply(x), ulps);
    }

    /** Checks {@code f(x, y)} eagerly and under jit against result {@code name}. */
    static void checkBinary(String name, BiFunction<Array, Array, Array> f, Array x, Array y, int ulps) {
        check(name, f.apply(x, y), ulps);
        check(name + " (jit)", name, Jax.jit(f, Jax.JitOptions.DEFAULT).apply(x, y), ulps);
    }

    /**
     * Checks dtype, shape and values against result {@code name}: integers and bools exactly,
     * floats within {@code ulps} units in the last place of the expected value in its dtype
     * (a complex number's parts within {@code ulps} of its modulus), exactly when {@code ulps} is 0.
     * NaN matches NaN and infinities match exactly; a zero expected and got exactly must have the
     * same sign, which is what tells the two sides of a branch cut apart.
     */
    static void check(String name, Array actual, int ulps) { check(name, name, actual, ulps); }

    private static void check(String label, String name, Array actual, int ulps) {
        Entry e = get(name);
        DType d = DType.parse(e.kind());
        assertEquals(d, actual.dtype(), () -> label + ": dtype of " + actual.aval());
        assertEquals(e.shape(), actual.shape(), () -> label + ": shape of " + actual.aval());
        if (!d.isInexact()) {
            long[] want = e.longs(), got = actual.toLongArray();
            for (int i = 0; i < want.length; i++) {
                if (want[i] != got[i]) fail(label + "[" + i + "]: expected " + want[i] + ", got " + got[i] + " in " + actual);
            }
            return;
        }
        double[] want = e.doubles(), got = d.isComplex() ? actual.toComplexArray() : actual.toDoubleArray();
        DType part = d.realType();
        for (int i = 0; i < want.length; i++) {
            double scale = d.isComplex() ? Math.hypot(want[i & ~1], want[i | 1]) : want[i];
            if (!close(want[i], got[i], ulps * ulp(scale, part))) {
                fail(label + "[" + (d.isComplex() ? (i / 2) + (i % 2 == 0 ? ".re" : ".im") : i) + "]: expected "
                        + want[i] + ", got " + got[i] + (ulps > 0 ? " (" + ulps + " ulp allowed)" : "") + " in " + actual);
            }
        }
    }

    private static boolean close(double want, double got, double tol) {
        if (Double.isNaN(want) || Double.isNaN(got)) return Double.isNaN(want) && Double.isNaN(got);
        if (Double.isInfinite(want) || Double.isInfinite(got)) return want == got;
        if (want == 0 && got == 0) return Double.compare(want, got) == 0;
        return Math.abs(want - got) <= tol;
    }

    /** {@return one unit in the last place of {@code v} in {@code dtype}, subnormals included} */
    static double ulp(double v, DType dtype) {
        if (!Double.isFinite(v)) return 0;
        int e = Math.getExponent(v);
        return switch (dtype) {
            case F16 -> Math.scalb(1.0, Math.max(e, -14) - 10);
            case BF16 -> Math.scalb(1.0, Math.max(e, -126) - 7);
            case F32 -> Math.ulp((float) v);
            case F64 -> Math.ulp(v);
            case I32, I64, U32, U64, BOOL, I8, I16, U8, U16, C64, C128 -> throw new IllegalArgumentException("no ulp for " + dtype);
        };
    }
}
