package dev.jaxj.train;

import io.vavr.collection.Map;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Keras's per-epoch progress line:
 * {@snippet lang=text :
 * Epoch 3/10
 * 12/12 [==============================] - 0s 4ms/step - loss: 0.4127 - accuracy: 0.8917 - val_loss: 0.3904 - val_accuracy: 0.9333
 * }
 * On a terminal the line is redrawn in place as steps complete (at most every 50 ms); elsewhere
 * (a pipe, a log file, Maven's output) only the finished line is printed, so logs stay clean.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 50_000_000L;

    private final boolean enabled, live;
    private final PrintStream out;
    private final int steps;
    private final long start = System.nanoTime();
    private long lastDraw;

    ProgressBar(boolean enabled, PrintStream out, int epoch, int epochs, int steps) {
        this.enabled = enabled;
        this.out = out;
        this.steps = steps;
        // Redraw in place only where a terminal will interpret the carriage return.
        var console = System.console();
        this.live = enabled && out == System.out && console != null && console.isTerminal();
        if (enabled) out.printf("Epoch %d/%d%n", epoch, epochs);
    }

    /** Shows that {@code done} of the epoch's steps have run, with the running means. */
    void step(int done, Map<String, Double> values) {
        if (!live) return;
        long now = System.nanoTime();
        if (done < steps && now - lastDraw < REDRAW_NANOS) return;
        lastDraw = now;
        out.print("\r" + line(done, values, now));
        out.flush();
    }

    /** Prints the epoch's final line, with the validation results. */
    void finish(Map<String, Double> values) {
        if (!enabled) return;
        out.print((live ? "\r" : "") + line(steps, values, System.nanoTime()) + System.lineSeparator());
        out.flush();
    }

    String line(int done, Map<String, Double> values, long now) {
        int filled = (int) ((long) WIDTH * done / steps);
        String bar = done == steps ? "=".repeat(WIDTH)
                : "=".repeat(Math.max(0, filled - 1)) + (filled > 0 ? ">" : "") + ".".repeat(WIDTH - filled);
        double seconds = (now - start) / 1e9;
        String timing = done == steps
                ? String.format(Locale.ROOT, "%ds %dms/step", Math.round(seconds), Math.round(1000 * seconds / steps))
                : String.format(Locale.ROOT, "ETA: %ds", Math.round(seconds / done * (steps - done)));
        var sb = new StringBuilder();
        String count = String.valueOf(steps);
        sb.append(" ".repeat(count.length() - String.valueOf(done).length())).append(done).append('/').append(count)
                .append(" [").append(bar).append("] - ").append(timing);
        for (var e : values) sb.append(String.format(Locale.ROOT, " - %s: %.4f", e._1, e._2));
        return sb.toString();
    }
}
