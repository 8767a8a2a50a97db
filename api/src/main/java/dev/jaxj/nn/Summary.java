package dev.jaxj.nn;

import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * A model's layers with their output shapes and parameter counts: what Keras's
 * {@code model.summary()} prints. {@link #toString()} renders the table, e.g. for the classic
 * 2-64-3 MLP:
 * {@snippet lang=text :
 * Model: "sequential"
 * ┌────────────────────────────┬──────────────────────┬─────────────┐
 * │ Layer (type)               │ Output Shape         │     Param # │
 * ├────────────────────────────┼──────────────────────┼─────────────┤
 * │ dense (Dense)              │ (None, 64)           │         192 │
 * │ activation (Activation)    │ (None, 64)           │           0 │
 * │ dense_1 (Dense)            │ (None, 3)            │         195 │
 * └────────────────────────────┴──────────────────────┴─────────────┘
 *  Total params: 387 (1.51 KB)
 *  Trainable params: 387 (1.51 KB)
 *  Non-trainable params: 0 (0.00 B)
 * }
 * As in Keras, the leading (batch) axis is shown as {@code None}, and state such as batch
 * statistics counts as non-trainable parameters.
 *
 * @param model the model's name
 * @param rows  one row per layer, named as Keras names them ({@code dense}, {@code dense_1}, ...)
 */
public record Summary(String model, Seq<Row> rows) {
    public Summary {
        requireNonNull(model, "model is null");
        rows = Vector.ofAll(rows);
    }

    /**
     * One layer.
     *
     * @param name        the layer's name; {@link Summary#of} numbers repeated types
     * @param type        the layer's type
     * @param output      the aval of the layer's output
     * @param params      the number of trainable scalars
     * @param state       the number of non-trainable scalars
     * @param paramBytes  the bytes of the trainable scalars
     * @param stateBytes  the bytes of the non-trainable scalars
     */
    public record Row(String name, String type, ShapedArray output, long params, long state, long paramBytes, long stateBytes) {
        public Row {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
            requireNonNull(output, "output is null");
        }

        /** {@return the row of a layer of {@code type}}, counting its variables */
        public static Row of(String type, ShapedArray output, Variables<?, ?> variables) {
            return new Row(snakeCase(type), type, output, variables.paramCount(), variables.stateCount(),
                    Variables.bytes(variables.params()), Variables.bytes(variables.state()));
        }

        /** {@return all scalars of the layer, trainable or not}, the number in Keras's {@code Param #} column */
        public long total() { return params + state; }

        Row named(String newName) { return new Row(newName, type, output, params, state, paramBytes, stateBytes); }
    }

    /** {@return the summary of {@code rows}, renaming repeated layer names {@code name_1}, {@code name_2}, ... as Keras does} */
    public static Summary of(String type, Seq<Row> rows) {
        Map<String, Integer> seen = HashMap.empty();
        Vector<Row> named = Vector.empty();
        for (Row r : rows) {
            int n = seen.get(r.name()).getOrElse(0);
            seen = seen.put(r.name(), n + 1);
            named = named.append(n == 0 ? r : r.named(r.name() + "_" + n));
        }
        return new Summary(snakeCase(type), named);
    }

    /** {@return the number of trainable scalars} */
    public long trainableParams() { return rows.map(Row::params).fold(0L, Long::sum); }

    /** {@return the number of non-trainable scalars} */
    public long nonTrainableParams() { return rows.map(Row::state).fold(0L, Long::sum); }

    /** {@return all scalars} */
    public long totalParams() { return trainableParams() + nonTrainableParams(); }

    @Override
    public String toString() {
        String[] head = {"Layer (type)", "Output Shape", "Param #"};
        var cells = rows.map(r -> new String[] {r.name() + " (" + r.type() + ")", shapeText(r.output()), String.format(Locale.ROOT, "%,d", r.total())});
        int[] w = new int[3];
        for (int c = 0; c < 3; c++) {
            final int col = c;
            w[c] = Math.max(head[c].length(), cells.map(x -> x[col].length()).max().getOrElse(0)) + 2;
        }
        w[0] = Math.max(w[0], 28);
        w[1] = Math.max(w[1], 22);
        w[2] = Math.max(w[2], 13);
        var sb = new StringBuilder("Model: \"").append(model).append("\"\n");
        sb.append(rule('┌', '┬', '┐', w)).append(line(head, w)).append(rule('├', '┼', '┤', w));
        for (String[] c : cells) sb.append(line(c, w));
        sb.append(rule('└', '┴', '┘', w));
        long pb = rows.map(Row::paramBytes).fold(0L, Long::sum), sbytes = rows.map(Row::stateBytes).fold(0L, Long::sum);
        sb.append(" Total params: ").append(count(totalParams())).append(" (").append(bytes(pb + sbytes)).append(")\n");
        sb.append(" Trainable params: ").append(count(trainableParams())).append(" (").append(bytes(pb)).append(")\n");
        sb.append(" Non-trainable params: ").append(count(nonTrainableParams())).append(" (").append(bytes(sbytes)).append(")\n");
        return sb.toString();
    }

    private static String line(String[] c, int[] w) {
        return "│ " + pad(c[0], w[0] - 2, false) + " │ " + pad(c[1], w[1] - 2, false) + " │ " + pad(c[2], w[2] - 2, true) + " │\n";
    }

    private static String rule(char l, char m, char r, int[] w) {
        return l + "─".repeat(w[0]) + m + "─".repeat(w[1]) + m + "─".repeat(w[2]) + r + "\n";
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }

    private static String count(long n) { return String.format(Locale.ROOT, "%,d", n); }

    /** Keras's byte sizes: B, KB, MB, GB in steps of 1024, two decimals. */
    private static String bytes(long b) {
        String[] units = {"B", "KB", "MB", "GB"};
        double v = b;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.2f %s", v, units[u]);
    }

    /** {@return the output shape with the batch axis as {@code None}}: {@code (None, 64)} */
    static String shapeText(ShapedArray a) {
        var dims = a.shape().toSeq().map(String::valueOf);
        if (!dims.isEmpty()) dims = dims.update(0, "None");
        return "(" + dims.mkString(", ") + (dims.size() == 1 ? ",)" : ")");
    }

    /** {@code MultiHeadAttention} to {@code multi_head_attention}, {@code MLP} to {@code mlp}, as Keras names layers. */
    static String snakeCase(String type) {
        var sb = new StringBuilder();
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            boolean boundary = Character.isUpperCase(c) && i > 0
                    && (Character.isLowerCase(type.charAt(i - 1)) || (i + 1 < type.length() && Character.isLowerCase(type.charAt(i + 1))));
            if (boundary) sb.append('_');
            sb.append(Character.toLowerCase(c));
        }
        return sb.toString();
    }
}
