package dev.jaxj.array;

import dev.jaxj.accel.cpu.HostBuffer;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.ShapedArray;

import java.math.BigDecimal;

/**
 * NumPy's repr, as JAX prints arrays: {@code Array([[1., 2.],\n       [3., 4.]], dtype=float32)}.
 * Elements are right-aligned to a common width; floats use up to 8 significant digits, and
 * switch to scientific notation when the magnitudes span too wide a range, as NumPy does.
 */
final class ArrayPrinter {
    private static final String PREFIX = "Array(";

    private ArrayPrinter() {}

    static String print(ShapedArray aval, HostBuffer data) {
        String[] cells = new String[data.size()];
        boolean sci = aval.dtype().isFloating() && useScientific(data);
        int width = 0;
        for (int i = 0; i < cells.length; i++) {
            cells[i] = format(aval.dtype(), data, i, sci);
            width = Math.max(width, cells[i].length());
        }
        var sb = new StringBuilder(PREFIX);
        if (aval.size() == 0) {
            sb.append("[]");
        } else {
            nest(sb, aval.shape().toArray(), 0, 0, cells, width, PREFIX.length());
        }
        sb.append(", dtype=").append(aval.dtype().numpyName());
        if (aval.size() == 0 && aval.rank() != 1) sb.append(", shape=").append(aval.shape());
        if (aval.weakType()) sb.append(", weak_type=True");
        return sb.append(')').toString();
    }

    private static int nest(StringBuilder sb, int[] dims, int axis, int offset, String[] cells, int width, int indent) {
        if (axis == dims.length) {
            sb.append(" ".repeat(width - cells[offset].length())).append(cells[offset]);
            return offset + 1;
        }
        sb.append('[');
        for (int i = 0; i < dims[axis]; i++) {
            if (i > 0) {
                sb.append(',');
                if (axis == dims.length - 1) {
                    sb.append(' ');
                } else {
                    sb.append("\n".repeat(dims.length - 1 - axis)).append(" ".repeat(indent + axis + 1));
                }
            }
            offset = nest(sb, dims, axis + 1, offset, cells, width, indent);
        }
        sb.append(']');
        return offset;
    }

    private static boolean useScientific(HostBuffer data) {
        double max = 0, min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < data.size(); i++) {
            double a = Math.abs(data.getDouble(i));
            if (!Double.isFinite(a) || a == 0) continue;
            max = Math.max(max, a);
            min = Math.min(min, a);
        }
        return max >= 1e8 || (min < 1e-4 && max > 0) || (min > 0 && max / min > 1e3 && min < 1e-3);
    }

    private static String format(DType dtype, HostBuffer data, int i, boolean sci) {
        return switch (dtype) {
            case BOOL -> data.bool()[i] ? "True" : "False";
            case I32, I64, U32 -> Long.toString(data.getLong(i));
            case F32 -> floating(data.f32()[i], sci, 8);
            case F64 -> floating(data.f64()[i], sci, 8);
        };
    }

    private static String floating(double v, boolean sci, int digits) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (sci) {
            String s = String.format("%." + (digits - 1) + "e", v);
            String mant = s.substring(0, s.indexOf('e')).replaceAll("0+$", "");
            String exp = s.substring(s.indexOf('e') + 1);
            int e = Integer.parseInt(exp);
            return mant + "e" + (e < 0 ? "-" : "+") + String.format("%02d", Math.abs(e));
        }
        BigDecimal d = new BigDecimal(v).round(new java.math.MathContext(digits)).stripTrailingZeros();
        String s = d.toPlainString();
        if (v == 0 && 1 / v < 0) return "-0.";
        return s.contains(".") ? s : s + ".";
    }
}
