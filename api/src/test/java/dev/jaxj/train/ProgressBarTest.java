package dev.jaxj.train;

import io.vavr.collection.LinkedHashMap;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The progress line's layout. */
class ProgressBarTest {
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
        bar.step(10, LinkedHashMap.empty());
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
