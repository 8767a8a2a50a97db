package dev.jaxj.train;

import io.vavr.collection.Map;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keras's per-epoch progress line:
 * {@snippet lang=text :
 * Epoch 3/10
 * 12/12 [==============================] - 0s 4ms/step - loss: 0.4127 - accuracy: 0.8917 - val_loss: 0.3904 - val_accuracy: 0.9333
 * }
 * On a terminal the line is redrawn in place as steps complete (at most every 50 ms), with the
 * steps done, the time left and the running means:
 * {@snippet lang=text :
 *  5/12 [===========>..................] - ETA: 1s - loss: 0.5210 - accuracy: 0.8400
 * }
 * Elsewhere (a pipe, a log file, an IDE's console) only the finished line is printed, so logs
 * stay clean, as Keras prints one line per epoch there.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 50_000_000L;

    private final boolean enabled, live;
    private final PrintStream out;
    private final LongSupplier clock;
    private final int steps;
    private final long start;
    private long lastDraw, afterFirstStep = -1, lastStep = -1;
    private int drawnWidth;

    /** A bar on {@code out}, drawn live when {@code out} is the standard output and that is a terminal. */
    ProgressBar(boolean enabled, PrintStream out, int epoch, int epochs, int steps) {
        this(enabled, out, enabled && out == System.out && onTerminal(), System::nanoTime, epoch, epochs, steps);
    }

    /** A bar that reads the time from {@code clock} (nanoseconds) and redraws in place when {@code live}. */
    ProgressBar(boolean enabled, PrintStream out, boolean live, LongSupplier clock, int epoch, int epochs, int steps) {
        this.enabled = enabled;
        this.out = out;
        this.live = enabled && live;
        this.clock = clock;
        this.steps = steps;
        this.start = clock.getAsLong();
        this.lastDraw = start - REDRAW_NANOS;
        if (enabled) out.printf("Epoch %d/%d%n", epoch, epochs);
    }

    /** Shows that {@code done} of the epoch's steps have run, with the running means (made only when the bar is redrawn). */
    void step(int done, Supplier<Map<String, Double>> values) {
        long now = clock.getAsLong();
        // The first step of the first epoch includes compiling; the ETA leaves it out, as Keras does.
        if (done == 1) afterFirstStep = now;
        if (done == steps) lastStep = now;
        if (!live) return;
        if (done < steps && now - lastDraw < REDRAW_NANOS) return;
        lastDraw = now;
        draw(line(done, values.get(), now), "");
    }

    /** Prints the epoch's final line, with the validation results; its times are the training steps' alone. */
    void finish(Map<String, Double> values) {
        if (!enabled) return;
        String line = line(steps, values, lastStep >= 0 ? lastStep : clock.getAsLong());
        if (live) draw(line, System.lineSeparator());
        else out.print(line + System.lineSeparator());
        out.flush();
    }

    /** Overwrites the line drawn last, blanking what a shorter line would leave of it. */
    private void draw(String line, String end) {
        out.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())) + end);
        out.flush();
        drawnWidth = end.isEmpty() ? line.length() : 0;
    }

    String line(int done, Map<String, Double> values, long now) {
        int filled = (int) ((long) WIDTH * done / steps);
        String bar = done == steps ? "=".repeat(WIDTH)
                : "=".repeat(Math.max(0, filled - 1)) + (filled > 0 ? ">" : "") + ".".repeat(WIDTH - filled);
        String timing = done == steps
                ? String.format(Locale.ROOT, "%ds %s", Math.round((now - start) / 1e9), perStep(secondsPerStep(done, now)))
                : "ETA: " + eta(secondsPerStep(done, now) * (steps - done));
        var sb = new StringBuilder();
        String count = String.valueOf(steps);
        sb.append(" ".repeat(count.length() - String.valueOf(done).length())).append(done).append('/').append(count)
                .append(" [").append(bar).append("] - ").append(timing);
        for (var e : values) sb.append(" - ").append(e._1).append(": ").append(metric(e._2));
        return sb.toString();
    }

    private double secondsPerStep(int done, long now) {
        if (done <= 0) return 0;
        if (afterFirstStep >= 0 && done > 1) return (now - afterFirstStep) / 1e9 / (done - 1);
        return (now - start) / 1e9 / done;
    }

    /**
     * {@return whether the standard streams are a terminal that interprets a carriage return}:
     * Java's console says so (under {@code mvn exec:exec}, because the plugin hands the program
     * Maven's own streams), and {@code TERM} is not {@code dumb}.
     */
    private static boolean onTerminal() {
        var console = System.console();
        return console != null && console.isTerminal() && !"dumb".equals(System.getenv("TERM"));
    }

    /** Keras's time left: {@code 42s}, {@code 3:07}, {@code 1:02:03}. */
    static String eta(double seconds) {
        long s = (long) seconds;
        if (s > 3600) return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
        if (s > 60) return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        return s + "s";
    }

    /** Keras's time per step, in the unit that leaves a whole number: {@code 2s/step}, {@code 4ms/step}, {@code 830us/step}. */
    static String perStep(double seconds) {
        if (seconds >= 1 || seconds == 0) return String.format(Locale.ROOT, "%.0fs/step", seconds);
        if (seconds >= 1e-3) return String.format(Locale.ROOT, "%.0fms/step", seconds * 1e3);
        return String.format(Locale.ROOT, "%.0fus/step", seconds * 1e6);
    }

    /** Keras's metric value: four decimals, or four significant digits in scientific notation below 1e-3; {@code nan} as Python writes it. */
    static String metric(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (Math.abs(v) > 1e-3 || v == 0) return String.format(Locale.ROOT, "%.4f", v);
        return String.format(Locale.ROOT, "%.4e", v);
    }
}
