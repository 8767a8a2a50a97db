package dev.jaxj.train;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.collection.LinkedHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The charts, read back as images. */
class PlotsTest {
    @TempDir
    Path dir;

    @Test
    void shouldShadeEachSideOfABoundaryInItsClassColour() throws IOException {
        // Class 1 right of x0 = 0, class 0 left of it.
        Array x = arr(DType.F32, Shape.of(4, 2), -1, -1, -1, 1, 1, -1, 1, 1);
        Array y = arr(DType.I32, Shape.of(4), 0, 0, 1, 1);
        Path png = Plots.decisionRegions(p -> Jnp.greater(p.get(dev.jaxj.array.Index.all(), 0), 0.0).astype(DType.I32), x, y,
                dir.resolve("sub/regions.png"), "x0", "x1", "left", "right");
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(640, img.getWidth());
        // The panel spans pixels 80..600 horizontally and 40..480 vertically; the boundary is at 340.
        int left = Canvas.light(Canvas.PALETTE[0], 0.3).getRGB(), right = Canvas.light(Canvas.PALETTE[1], 0.3).getRGB();
        assertEquals(0, count(img, 340 + 10, 590, left));
        assertEquals(0, count(img, 90, 340 - 10, right));
        assertTrue(count(img, 90, 340 - 10, left) > 20_000);
        assertTrue(count(img, 340 + 10, 590, right) > 20_000);
    }

    /** {@return how many pixels of colour {@code rgb} lie in the columns {@code [from, to)} of the panel} */
    private static int count(BufferedImage img, int from, int to, int rgb) {
        int n = 0;
        for (int px = from; px < to; px++)
            for (int py = 50; py < 470; py++) if (img.getRGB(px, py) == rgb) n++;
        return n;
    }

    @Test
    void shouldDrawTheLossAndAccuracyPanels() throws IOException {
        var h = History.empty()
                .append(LinkedHashMap.of("loss", 1.0, "accuracy", 0.5))
                .append(LinkedHashMap.of("loss", 0.5, "accuracy", 0.8))
                .append(LinkedHashMap.of("loss", 0.25, "accuracy", 0.9));
        BufferedImage img = ImageIO.read(Plots.history(h, dir.resolve("h.png")).toFile());
        assertEquals(1000, img.getWidth());
        assertEquals(420, img.getHeight());
        // Somewhere in the loss panel there is the train colour of the curve.
        boolean found = false;
        for (int px = 70; px < 470 && !found; px++)
            for (int py = 40; py < 360 && !found; py++) found = img.getRGB(px, py) == Canvas.PALETTE[0].getRGB();
        assertEquals(true, found);
        var lossOnly = History.empty().append(LinkedHashMap.of("loss", 1.0));
        assertEquals(560, ImageIO.read(Plots.history(lossOnly, dir.resolve("l.png")).toFile()).getWidth());
    }

    @Test
    void shouldRejectInputsThatAreNotPoints() {
        Array x = arr(DType.F32, Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        assertError(ShapeError.class, "decision_regions",
                () -> Plots.decisionRegions(p -> p, x, i32(0, 1), dir.resolve("x.png"), "a", "b"), "f32[2,3]");
    }

    @Test
    void shouldPickRoundTicks() {
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1}, Canvas.ticks(0, 1, false), 1e-12);
        assertArrayEquals(new double[] {2, 4, 6, 8, 10}, Canvas.ticks(1, 10, true), 1e-12);
        assertEquals("0.25", Canvas.label(0.25));
        assertEquals("3", Canvas.label(3));
        assertEquals("1.00e-03", Canvas.label(0.001));
        assertEquals(new Color(255, 255, 255), Canvas.light(Color.BLACK, 0));
    }
}
