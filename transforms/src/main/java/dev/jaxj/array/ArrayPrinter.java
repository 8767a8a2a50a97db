package dev.jaxj.array;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.ir.ShapedArray;

import java.util.stream.IntStream;

/**
 * NumPy's repr with its default options, as JAX prints arrays:
 * {@code Array([[1., 2.],\n       [3., 4.]], dtype=float32)}. Elements are laid out by
 * {@link ElementFormat}; rows wrap at 75 characters; an array of more than 1000 elements is
 * summarised to its first and last 3 entries along every longer axis ({@code [0, 1, 2, ..., 7, 8, 9]}),
 * so that printing a large array (which debuggers do) stays short. {@link PrintOptions} changes
 * these numbers.
 */
final class ArrayPrinter {
    private static final String PREFIX = "Array(";
    private static final String SEPARATOR = ", ";
    private static final String ELLIPSIS = "...";

    private ArrayPrinter() {}

    static String print(ShapedArray aval, HostData data) {
        PrintOptions o = PrintOptions.current();
        String dtype = "dtype=" + aval.dtype().numpyName();
        String tail = (aval.weakType() ? ", weak_type=True" : "") + ")";
        if (aval.size() == 0) return PREFIX + "[], " + dtype + (aval.rank() != 1 ? ", shape=" + aval.shape() : "") + tail;
        // NumPy reserves room for the suffix "," on the last line, so rows wrap one character earlier.
        String body = body(aval, data, o, PREFIX.length(), SEPARATOR, o.lineWidth() - 1);
        // JAX's placement of the dtype, measured its way: past the line width it is set off by the prefix's width.
        int lastLine = body.length() - body.lastIndexOf('\n') + 1;
        String spacer = lastLine + dtype.length() + tail.length() + 1 > o.lineWidth() ? " ".repeat(PREFIX.length()) : " ";
        return PREFIX + body + "," + spacer + dtype + tail;
    }

    /** NumPy's {@code str} of an array ({@code array_str}): the nested lists alone, elements apart by spaces. */
    static String printStr(ShapedArray aval, HostData data) {
        PrintOptions o = PrintOptions.current();
        if (aval.size() == 0) return "[]";
        return body(aval, data, o, 0, " ", o.lineWidth());
    }

    private static String body(ShapedArray aval, HostData data, PrintOptions o, int prefix, String separator, int width) {
        int[] dims = aval.shape().toArray();
        boolean summarise = aval.size() > o.threshold();
        ElementFormat format = ElementFormat.of(aval.dtype(), data, shownElements(dims, summarise, o.edgeItems()), o);
        return new Layout(dims, format, summarise, o.edgeItems(), width, prefix, separator).render();
    }

    /** {@return the flat offsets of the elements that will be shown}, which alone size the format */
    private static int[] shownElements(int[] dims, boolean summarise, int edgeItems) {
        IntStream offsets = IntStream.of(0);
        for (int dim : dims) {
            int[] idx = shownIndices(dim, summarise, edgeItems);
            offsets = offsets.flatMap(o -> IntStream.of(idx).map(i -> o * dim + i));
        }
        return offsets.toArray();
    }

    private static int[] shownIndices(int dim, boolean summarise, int edgeItems) {
        if (!summarise || dim <= 2 * edgeItems) return IntStream.range(0, dim).toArray();
        return IntStream.concat(IntStream.range(0, edgeItems), IntStream.range(dim - edgeItems, dim)).toArray();
    }

    /** NumPy's {@code _formatArray}: nested brackets, hanging indents, wrapping of the last axis. */
    private record Layout(int[] dims, ElementFormat format, boolean summarise, int edgeItems, int lineWidth, int prefix, String separator) {
        String render() {
            return nest(0, 0, " ".repeat(prefix + 1), lineWidth);
        }

        private String nest(int axis, int offset, String indent, int width) {
            if (axis == dims.length) return format.format(offset);
            int n = dims[axis], stride = 1;
            for (int a = axis + 1; a < dims.length; a++) stride *= dims[a];
            boolean elide = summarise && n > 2 * edgeItems;
            int[] items = shownIndices(n, summarise, edgeItems);
            String next = indent + " ";
            int nextWidth = width - 1;
            var s = new StringBuilder();
            if (axis == dims.length - 1) {
                int elementWidth = width - 1;
                StringBuilder line = new StringBuilder(indent);
                for (int k = 0; k < items.length; k++) {
                    if (elide && k == edgeItems) {
                        line = extend(s, line, ELLIPSIS, elementWidth, indent).append(separator);
                    }
                    line = extend(s, line, nest(axis + 1, offset + items[k] * stride, next, nextWidth), elementWidth, indent);
                    if (k < items.length - 1) line.append(separator);
                }
                s.append(line);
            } else {
                String lineSeparator = separator.strip() + "\n".repeat(dims.length - 1 - axis);
                for (int k = 0; k < items.length; k++) {
                    if (elide && k == edgeItems) s.append(indent).append(ELLIPSIS).append(lineSeparator);
                    s.append(indent).append(nest(axis + 1, offset + items[k] * stride, next, nextWidth));
                    if (k < items.length - 1) s.append(lineSeparator);
                }
            }
            return "[" + s.substring(indent.length()) + "]";
        }

        /** Appends {@code word} to {@code line}, first moving to a new line when it would not fit (and a new line helps). */
        private static StringBuilder extend(StringBuilder s, StringBuilder line, String word, int width, String indent) {
            boolean wrap = line.length() + word.length() > width && line.length() > indent.length();
            if (!wrap) return line.append(word);
            s.append(line.toString().stripTrailing()).append('\n');
            return new StringBuilder(indent).append(word);
        }
    }
}
