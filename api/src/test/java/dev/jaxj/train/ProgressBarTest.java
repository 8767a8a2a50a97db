package dev.jaxj.train;

import io.vavr.collection.LinkedHashMap;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The progress line's layout and redrawing, on a clock the test sets and a string sink. */
class ProgressBarTest {
    private static final long MS = 1_000_000L;

    /** A clock the test moves, in nanoseconds. */
    private static final class Clock {
        long now;
    }

    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
    private final Clock clock = new Clock();

    private String printed() {
        return sink.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    @Test
    void shouldPrintOneLinePerEpochWhenNotOnATerminal() {
        var bar = new ProgressBar(true, out, false, () -> clock.now, 2, 5, 10);
        // The first step takes 2 s (compiling), the nine others 4 ms each.
        for (int s = 1; s <= 10; s++) {
            clock.now = 2000 * MS + (s - 1) * 4 * MS;
            bar.step(s, () -> LinkedHashMap.of("loss", 0.5));
        }
        clock.now += 5000 * MS;  // validation: not part of the time per step
        bar.finish(LinkedHashMap.of("loss", 0.5, "val_loss", 0.25));
        assertEquals("Epoch 2/5\n10/10 [==============================] - 2s 4ms/step - loss: 0.5000 - val_loss: 0.2500\n", printed());
    }

    @Test
    void shouldRedrawInPlaceAtMostEvery50Milliseconds() {
        var bar = new ProgressBar(true, out, true, () -> clock.now, 1, 1, 4);
        clock.now = 1000 * MS;
        bar.step(1, () -> LinkedHashMap.of("loss", 2.0));   // drawn: the first step ends
        clock.now = 1010 * MS;
        bar.step(2, () -> LinkedHashMap.of("loss", 1.5));   // 10 ms later: skipped
        clock.now = 1060 * MS;
        bar.step(3, () -> LinkedHashMap.of("loss", 1.0));   // 60 ms after the last draw: drawn
        clock.now = 1090 * MS;
        bar.step(4, () -> LinkedHashMap.of("loss", 0.75));  // the last step is always drawn
        bar.finish(LinkedHashMap.of("loss", 0.75));
        // The time left counts from the end of the first step (30 ms per step after it): 30 ms left is 0s.
        assertEquals("Epoch 1/1\n"
                + "\r1/4 [======>.......................] - ETA: 3s - loss: 2.0000"
                + "\r3/4 [=====================>........] - ETA: 0s - loss: 1.0000"
                + "\r4/4 [==============================] - 1s 30ms/step - loss: 0.7500"
                + "\r4/4 [==============================] - 1s 30ms/step - loss: 0.7500\n", printed());
    }

    @Test
    void shouldBlankWhatAShorterLineLeavesBehind() {
        var bar = new ProgressBar(true, out, true, () -> clock.now, 1, 1, 100);
        clock.now = 1000 * MS;
        bar.step(1, () -> LinkedHashMap.of("loss", 123.0));
        String first = "  1/100 [..............................] - ETA: 1:39 - loss: 123.0000";
        clock.now = 3000 * MS;
        bar.step(2, () -> LinkedHashMap.of("loss", 1.0));
        String second = "  2/100 [..............................] - ETA: 3:16 - loss: 1.0000";
        assertEquals("Epoch 1/1\n\r" + first + "\r" + second + " ".repeat(first.length() - second.length()), printed());
    }

    @Test
    void shouldLeaveTheFirstStepOutOfTheTimeLeft() {
        var bar = new ProgressBar(true, out, false, () -> clock.now, 1, 1, 10);
        clock.now = 5000 * MS;
        bar.step(1, () -> LinkedHashMap.empty());
        clock.now = 7000 * MS;
        bar.step(3, () -> LinkedHashMap.empty());
        // One second per step after the first: seven steps left are 7 s (counting the first, 16 s).
        assertEquals(" 3/10 [========>.....................] - ETA: 7s", bar.line(3, LinkedHashMap.empty(), clock.now));
    }

    @Test
    void shouldFormatTimesAndValuesAsKerasDoes() {
        assertEquals("42s", ProgressBar.eta(42.9));
        assertEquals("3:07", ProgressBar.eta(187));
        assertEquals("1:02:03", ProgressBar.eta(3723));
        assertEquals("2s/step", ProgressBar.perStep(2.0));
        assertEquals("4ms/step", ProgressBar.perStep(0.0042));
        assertEquals("830us/step", ProgressBar.perStep(0.00083));
        assertEquals("0.4127", ProgressBar.metric(0.41271));
        assertEquals("-3.5000", ProgressBar.metric(-3.5));
        // Python: f"{0.00012345:.4e}" == '1.2345e-04'
        assertEquals("1.2345e-04", ProgressBar.metric(0.00012345));
        assertEquals("nan", ProgressBar.metric(Double.NaN));
        assertEquals("-inf", ProgressBar.metric(Double.NEGATIVE_INFINITY));
    }
    @Test
    void shouldDrawTheArrowAtTheFractionDone() {
        var bar = new ProgressBar(false, new PrintStream(new ByteArrayOutputStream()), 1, 1, 10);
        String line = bar.line(3, LinkedHashMap.of("loss", 0.5), System.nanoTime());
        assertTrue(line.startsWith(" 3/10 [========>.....................] - ETA: "), line);
        assertTrue(line.endsWith(" - loss: 0.5000"), line);
    }

    @Test
    void shouldPrintNothingWhenSilent() {
        var buffer = new ByteArrayOutputStream();
        var bar = new ProgressBar(false, new PrintStream(buffer), 1, 3, 10);
        bar.step(10, () -> LinkedHashMap.empty());
        bar.finish(LinkedHashMap.of("loss", 1.0));
        assertEquals("", buffer.toString());
    }

    @Test
    void shouldJudgeImprovementByTheMonitoredQuantity() {
        var onLoss = EarlyStopping.onValLoss(3).withMinDelta(0.1);
        assertTrue(onLoss.improves(0.5, 0.7));
        assertTrue(!onLoss.improves(0.65, 0.7));
        var onAccuracy = new EarlyStopping("val_accuracy", 3, 0, false);
        assertTrue(onAccuracy.improves(0.9, 0.8));
        assertTrue(!onAccuracy.improves(0.7, 0.8));
        assertEquals(Double.NEGATIVE_INFINITY, onAccuracy.worst());
    }
}
