package dev.jaxj.array;

import dev.jaxj.accel.host.Conversions;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.ir.DType;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.IntFunction;

/**
 * How NumPy's repr writes the elements of one array, with its default options (precision 8,
 * {@code floatmode='maxprec'}): every float gets the fewest digits that identify it in its own
 * dtype (f32 {@code 0.3} prints {@code 0.3}, not {@code 0.30000001}), at most 8 after the point,
 * and all elements share one layout: integer parts padded on the left, fractions padded with
 * spaces on the right, so that the points line up ({@code [1. , 2.5]}). Scientific notation is
 * chosen for the whole array when magnitudes reach 1e8, fall below 1e-4, or span more than
 * three orders (with {@link PrintOptions#suppress}, only when they reach 1e8); its mantissas
 * share one number of digits ({@code [1.0e-05, 1.5e+00]}), the shorter ones continued with the
 * digits of their exact binary value.
 */
final class ElementFormat {
    private final IntFunction<String> format;

    private ElementFormat(IntFunction<String> format) { this.format = format; }

    /** {@return the text of element {@code i}} */
    String format(int i) { return format.apply(i); }

    /** {@return the format for the elements {@code shown} of {@code data}}, sized over those elements only */
    static ElementFormat of(DType dtype, HostData data, int[] shown, PrintOptions options) {
        return switch (dtype) {
            case BOOL -> padded(i -> data.bool()[i] ? "True" : "False", shown);
            case I32, I64, U32, I8, I16, U8, U16 -> padded(i -> Long.toString(data.getLong(i)), shown);
            case U64 -> padded(i -> Long.toUnsignedString(data.getLong(i)), shown);
            case F32, F64, BF16, F16 -> floating(data, shown, dtype, options.precision(), options.suppress());
            case C64, C128 -> complex(data, shown, options);
        };
    }

    /**
     * NumPy's complex layout: the real parts in one float format, the imaginary parts in
     * another with their sign always written and a {@code j} after them ({@code 1.+2.5j}).
     */
    private static ElementFormat complex(HostData data, int[] shown, PrintOptions options) {
        DType part = data.dtype().realType();
        HostData re = HostData.allocate(part, data.size()), im = HostData.allocate(part, data.size());
        for (int i = 0; i < data.size(); i++) {
            re.setDouble(i, data.getDouble(i));
            im.setDouble(i, data.getImag(i));
        }
        ElementFormat real = floating(re, shown, part, options.precision(), options.suppress());
        HostData magnitude = HostData.allocate(part, data.size());
        for (int i = 0; i < data.size(); i++) magnitude.setDouble(i, Math.abs(im.getDouble(i)));
        ElementFormat imag = floating(magnitude, shown, part, options.precision(), options.suppress());
        return new ElementFormat(i -> {
            double v = im.getDouble(i);
            boolean negative = v < 0 || (v == 0 && 1 / v < 0);
            return real.format(i) + (negative && !Double.isNaN(v) ? "-" : "+") + imag.format(i).strip() + "j";
        });
    }

    /** Right-aligned to the widest shown element. */
    private static ElementFormat padded(IntFunction<String> text, int[] shown) {
        int width = 0;
        for (int i : shown) width = Math.max(width, text.apply(i).length());
        int w = width;
        return new ElementFormat(i -> pad(text.apply(i), w));
    }

    private static ElementFormat floating(HostData data, int[] shown, DType f32, int precision, boolean suppress) {
        double max = 0, min = Double.POSITIVE_INFINITY;
        boolean nonFinite = false, negativeInfinity = false;
        for (int i : shown) {
            double v = data.getDouble(i), a = Math.abs(v);
            nonFinite |= !Double.isFinite(v);
            negativeInfinity |= v == Double.NEGATIVE_INFINITY;
            if (!Double.isFinite(a) || a == 0) continue;
            max = Math.max(max, a);
            min = Math.min(min, a);
        }
        // NumPy's rule; suppress keeps small and widely spread values positional, but not huge ones.
        boolean scientific = max >= 1e8 || (!suppress && max > 0 && (min < 1e-4 || max / min > 1e3));
        // Split every shown finite value into the parts NumPy pads: integer part, fraction, exponent.
        int left = 0, right = 0, exponent = 2;
        for (int i : shown) {
            double v = data.getDouble(i);
            if (!Double.isFinite(v)) continue;
            Parts p = Parts.of(v, f32, scientific, precision);
            left = Math.max(left, p.integer().length());
            right = Math.max(right, p.fraction().length());
            exponent = Math.max(exponent, p.exponent().length() - 1);
        }
        // A nan or inf is right-aligned in the full width, which grows to hold it.
        int expWidth = scientific ? exponent + 2 : 0;
        if (nonFinite) left = Math.max(left, (negativeInfinity ? 4 : 3) - right - 1 - expWidth);
        int l = left, r = right, e = exponent;
        return new ElementFormat(i -> {
            double v = data.getDouble(i);
            int width = l + 1 + r + (scientific ? e + 2 : 0);
            if (Double.isNaN(v)) return pad("nan", width);
            if (Double.isInfinite(v)) return pad(v > 0 ? "inf" : "-inf", width);
            Parts p = Parts.of(v, f32, scientific, precision);
            // Positional fractions are padded with spaces, so points align; scientific ones all get r digits, as NumPy.
            if (!scientific) return pad(p.integer(), l) + "." + p.fraction() + " ".repeat(r - p.fraction().length());
            Parts w = p.widened(r, v);
            String digits = w.exponent().substring(1);
            return pad(w.integer(), l) + "." + w.fraction() + "e" + w.exponent().charAt(0) + "0".repeat(e - digits.length()) + digits;
        });
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /**
     * One float as NumPy's dragon4 writes it: the integer part with its sign, the fraction
     * without trailing zeros, and for scientific notation the exponent with its sign.
     */
    record Parts(String integer, String fraction, String exponent) {
        static Parts of(double v, DType f32, boolean scientific, int precision) {
            String sign = v < 0 || (v == 0 && 1 / v < 0) ? "-" : "";
            // Zero first: no decimal rounds to -0 in bf16 or f16, so the shortest search would not end.
            if (v == 0) return new Parts(sign + "0", "", scientific ? "+0" : "");
            BigDecimal a = shortest(v, f32).abs();
            if (!scientific) {
                if (a.scale() > precision) a = new BigDecimal(Math.abs(v)).setScale(precision, RoundingMode.HALF_EVEN);
                a = a.stripTrailingZeros();
                String plain = a.toPlainString();
                int dot = plain.indexOf('.');
                return dot < 0 ? new Parts(sign + plain, "", "") : new Parts(sign + plain.substring(0, dot), plain.substring(dot + 1), "");
            }
            int exp = a.precision() - a.scale() - 1;
            BigDecimal mantissa = a.movePointLeft(exp);
            if (mantissa.scale() > precision) {
                mantissa = new BigDecimal(Math.abs(v)).movePointLeft(exp).setScale(precision, RoundingMode.HALF_EVEN);
                if (mantissa.compareTo(BigDecimal.TEN) >= 0) {
                    exp++;
                    mantissa = mantissa.movePointLeft(1).setScale(precision, RoundingMode.HALF_EVEN);
                }
            }
            String plain = mantissa.stripTrailingZeros().toPlainString();
            int dot = plain.indexOf('.');
            String integer = dot < 0 ? plain : plain.substring(0, dot), fraction = dot < 0 ? "" : plain.substring(dot + 1);
            return new Parts(sign + integer, fraction, (exp < 0 ? "-" : "+") + Math.abs(exp));
        }

        /**
         * {@return these scientific parts with {@code digits} fraction digits}: a shortest
         * mantissa with fewer digits continues with the digits of the exact binary value
         * {@code v}, rounded, as NumPy's dragon4 does ({@code 5e-324} beside wider mantissas is
         * {@code 4.94065646e-324}, not {@code 5.00000000e-324})
         */
        Parts widened(int digits, double v) {
            if (fraction.length() >= digits) return this;
            String plain = new BigDecimal(Math.abs(v)).movePointLeft(Integer.parseInt(exponent))
                    .setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
            int dot = plain.indexOf('.');
            String sign = integer.startsWith("-") ? "-" : "";
            return dot < 0 ? new Parts(sign + plain, "", exponent) : new Parts(sign + plain.substring(0, dot), plain.substring(dot + 1), exponent);
        }

        /**
         * {@return the fewest decimal digits that read back as {@code v} in its own type}. Java's
         * {@code toString} gives them, except that it always writes two digits where one may do
         * ({@code 4.9E-324} for what NumPy writes as {@code 5e-324}).
         */
        private static BigDecimal shortest(double v, DType dtype) {
            if (dtype == DType.BF16 || dtype == DType.F16) return shortestNarrow(v, dtype);
            boolean f32 = dtype == DType.F32;
            BigDecimal d = new BigDecimal(f32 ? Float.toString((float) v) : Double.toString(v));
            if (d.precision() != 2) return d;
            BigDecimal one = d.round(new MathContext(1, RoundingMode.HALF_EVEN));
            boolean readsBack = f32 ? Float.parseFloat(one.toString()) == (float) v : Double.parseDouble(one.toString()) == v;
            return readsBack ? one : d;
        }

        /** The fewest significant digits that round to {@code v} in bf16 or f16 (ml_dtypes prints them so). */
        private static BigDecimal shortestNarrow(double v, DType dtype) {
            double target = v;
            for (int digits = 1; ; digits++) {
                BigDecimal d = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN));
                double f = d.doubleValue();
                boolean same = dtype == DType.BF16 ? Conversions.toBf16(f) == Conversions.toBf16(target) : Conversions.toF16(f) == Conversions.toF16(target);
                if (same) return d.stripTrailingZeros();
            }
        }
    }
}
