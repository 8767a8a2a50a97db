package dev.jaxj.examples;

import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The LSTM forecaster, trained briefly with its fixed seeds, beats the trivial predictors on held-out waves. */
class SineForecastTest {
    @Test
    void shouldPredictTheNextValueBetterThanPersistence() {
        var r = SineForecast.run(EPOCHS, new PrintStream(OutputStream.nullOutputStream()));
        // LSTM(1 -> 32): 1·128 + 32·128 + 128; Dense(32 -> 1): 33.
        assertEquals(4352 + 33, r.summary().totalParams());
        assertEquals(EPOCHS, r.fit().history().epochs());
        // The baselines come from the data alone: s[t+1] - s[t] and s[t+1] over the 80 held-out waves.
        assertTrue(r.persistenceMse() > 0.05 && r.zeroMse() > 0.3, () -> "baselines " + r.persistenceMse() + ", " + r.zeroMse());
        assertTrue(r.heldOutMse() < r.persistenceMse() / 5, () -> "held-out MSE " + r.heldOutMse() + " vs persistence " + r.persistenceMse());
        assertTrue(r.fit().history().last("loss") < r.fit().history().get("loss").head());
    }

    static final int EPOCHS = 10;
}
