package dev.jaxj.train;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.array.Index;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.collection.LinkedHashMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.*;

/** The charts, read back as images, and their structure. */
class PlotsTest {
    /** tab10's blue and orange at 30 % over white, worked out by hand: 255 + 0.3 (c - 255), truncated. */
    private static final int LEFT = new Color(187, 214, 232).getRGB(), RIGHT = new Color(255, 216, 182).getRGB();
    private static final int BLUE = new Color(0x1f, 0x77, 0xb4).getRGB(), ORANGE = new Color(0xff, 0x7f, 0x0e).getRGB();

    @TempDir
    Path dir;

    /** Class 1 right of x0 = 0, class 0 left of it; the examples lie symmetrically about x0 = 0. */
    private Path boundaryAtZero(Path png) {
        Array x = arr(DType.F32, Shape.of(4, 2), -1, -1, -1, 1, 1, -1, 1, 1);
        Array y = arr(DType.I32, Shape.of(4), 0, 0, 1, 1);
        return Plots.decisionRegions(p -> Jnp.greater(p.get(Index.all(), 0), 0.0).astype(DType.I32), x, y, png,
                "x0", "x1", "left", "right");
    }

    @Test
    void shouldShadeEachSideOfABoundaryInItsClassColourWithoutSeams() throws IOException {
        BufferedImage img = ImageIO.read(boundaryAtZero(dir.resolve("sub/regions.png")).toFile());
        assertEquals(640, img.getWidth());
        assertEquals(560, img.getHeight());
        int rows = 0, left = 0, right = 0, widest = -1, widestSpan = 0;
        for (int py = 0; py < img.getHeight(); py++) {
            int minL = Integer.MAX_VALUE, maxL = -1, minR = Integer.MAX_VALUE, maxR = -1;
            for (int px = 0; px < img.getWidth(); px++) {
                int rgb = img.getRGB(px, py);
                if (rgb == LEFT) { minL = Math.min(minL, px); maxL = px; left++; }
                if (rgb == RIGHT) { minR = Math.min(minR, px); maxR = px; right++; }
            }
            if (maxL < 0 || maxR < 0) continue;
            rows++;
            assertTrue(maxL < minR, "row " + py + ": the left class must lie wholly left of the right class");
            // The box is symmetric about 0, so the boundary halves the shaded span.
            assertEquals((minL + maxR) / 2.0, (maxL + minR) / 2.0, 2.0, "row " + py + ": boundary off centre");
            if (maxR - minL > widestSpan) {
                widestSpan = maxR - minL;
                widest = py;
            }
        }
        assertTrue(rows > 300, "rows shaded in both colours: " + rows);
        assertTrue(left > 50_000 && right > 50_000, "pixels left " + left + ", right " + right);
        // A row between the examples is shaded end to end: no seams between the grid's blocks.
        int from = -1, to = -1;
        for (int px = 0; px < img.getWidth(); px++) {
            int rgb = img.getRGB(px, widest);
            if (rgb == LEFT || rgb == RIGHT) { if (from < 0) from = px; to = px; }
        }
        for (int px = from; px <= to; px++) {
            int rgb = img.getRGB(px, widest);
            assertTrue(rgb == LEFT || rgb == RIGHT, String.format("row %d, column %d: 0x%06X between the shades", widest, px, rgb & 0xFFFFFF));
        }
    }

    @Test
    void shouldDrawTheExamplesOverTheRegionsInTheirClassColours() throws IOException {
        BufferedImage img = ImageIO.read(boundaryAtZero(dir.resolve("regions.png")).toFile());
        int blue = 0, orange = 0;
        for (int py = 0; py < img.getHeight(); py++)
            for (int px = 0; px < img.getWidth(); px++) {
                if (img.getRGB(px, py) == BLUE) blue++;
                if (img.getRGB(px, py) == ORANGE) orange++;
            }
        // Two dots of about 8 pixels across per class, and one more in the legend.
        assertTrue(blue > 60 && orange > 60, "blue " + blue + ", orange " + orange);
    }

    @Test
    void shouldBuildOnePlotOfBlocksUnderPointsWithAClassLegend() {
        double[] xy = {-1, -1, -1, 1, 1, -1, 1, 1};
        int[] region = new int[Plots.GRID * Plots.GRID];
        for (int k = 0; k < region.length; k++) region[k] = k % Plots.GRID < Plots.GRID / 2 ? 0 : 1;
        JFreeChart chart = Plots.regions(Plots.bounds(xy), region, xy, new int[] {0, 0, 1, 2}, "x0", "x1",
                new String[] {"setosa", "versicolor"}, true);
        XYPlot plot = chart.getXYPlot();
        assertEquals(2, plot.getDatasetCount());
        assertInstanceOf(XYBlockRenderer.class, plot.getRenderer(0));
        assertEquals(DatasetRenderingOrder.FORWARD, plot.getDatasetRenderingOrder());
        assertEquals("x0", plot.getDomainAxis().getLabel());
        assertEquals("x1", plot.getRangeAxis().getLabel());
        assertEquals(-1.2, plot.getDomainAxis().getLowerBound(), 1e-12);
        assertEquals(1.2, plot.getRangeAxis().getUpperBound(), 1e-12);
        // The third class has no name: it is listed by number; the grid has no legend entry.
        List<String> legend = new ArrayList<>();
        var items = plot.getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) legend.add(items.get(i).getLabel());
        assertEquals(List.of("setosa", "versicolor", "class 2"), legend);
        var points = (XYSeriesCollection) plot.getDataset(1);
        assertEquals(2, points.getItemCount(0));
        assertEquals(1, points.getItemCount(1));
        assertEquals(1.0, points.getXValue(2, 0));
        assertEquals(1.0, points.getYValue(2, 0));
    }

    @Test
    void shouldDrawWithoutTextWhereTheJdkHasNoFonts() {
        double[] xy = {-1, -1, 1, 1};
        int[] region = new int[Plots.GRID * Plots.GRID];
        JFreeChart chart = Plots.regions(Plots.bounds(xy), region, xy, new int[] {0, 0}, "x0", "x1", new String[] {"a"}, false);
        assertNull(chart.getTitle());
        assertNull(chart.getLegend());
        assertNull(chart.getXYPlot().getDomainAxis().getLabel());
        assertFalse(chart.getXYPlot().getDomainAxis().isTickLabelsVisible());
        assertEquals(LEFT, chart.createBufferedImage(300, 300).getRGB(150, 150));
    }

    @Test
    void shouldChartEachMetricPerEpochWithItsValidationCurve() {
        var h = History.empty()
                .append(LinkedHashMap.of("loss", 1.0, "val_loss", 1.5))
                .append(LinkedHashMap.of("loss", 0.5, "val_loss", 0.75));
        JFreeChart chart = Plots.curves(h, "loss", "Loss", true);
        assertEquals("Loss", chart.getTitle().getText());
        XYPlot plot = chart.getXYPlot();
        assertEquals("epoch", plot.getDomainAxis().getLabel());
        assertEquals("loss", plot.getRangeAxis().getLabel());
        var data = (XYSeriesCollection) plot.getDataset();
        assertEquals(List.of("train", "validation"), List.of(data.getSeriesKey(0), data.getSeriesKey(1)));
        assertEquals(List.of(1.0, 2.0), List.of(data.getXValue(0, 0), data.getXValue(0, 1)));
        assertEquals(List.of(1.0, 0.5), List.of(data.getYValue(0, 0), data.getYValue(0, 1)));
        assertEquals(List.of(1.5, 0.75), List.of(data.getYValue(1, 0), data.getYValue(1, 1)));
    }

    @Test
    void shouldDrawTheLossAndAccuracyPanels() throws IOException {
        var h = History.empty()
                .append(LinkedHashMap.of("loss", 1.0, "accuracy", 0.5, "val_loss", 1.2, "val_accuracy", 0.4))
                .append(LinkedHashMap.of("loss", 0.5, "accuracy", 0.8, "val_loss", 0.7, "val_accuracy", 0.7))
                .append(LinkedHashMap.of("loss", 0.25, "accuracy", 0.9, "val_loss", 0.5, "val_accuracy", 0.8));
        BufferedImage img = ImageIO.read(Plots.history(h, dir.resolve("h.png")).toFile());
        assertEquals(1000, img.getWidth());
        assertEquals(420, img.getHeight());
        // Each half holds a chart with the train (blue) and validation (orange) curves.
        for (int half = 0; half < 2; half++) {
            assertTrue(count(img, half * 500, half * 500 + 500, BLUE) > 100, "train curve in panel " + half);
            assertTrue(count(img, half * 500, half * 500 + 500, ORANGE) > 100, "validation curve in panel " + half);
        }
        var lossOnly = History.empty().append(LinkedHashMap.of("loss", 1.0));
        BufferedImage one = ImageIO.read(Plots.history(lossOnly, dir.resolve("l.png")).toFile());
        assertEquals(560, one.getWidth());
        assertTrue(count(one, 0, 560, BLUE) > 10, "a single epoch is a marker");
        assertEquals(0, count(one, 0, 560, ORANGE));
    }

    /** {@return how many pixels of colour {@code rgb} lie in the columns {@code [from, to)}} */
    private static int count(BufferedImage img, int from, int to, int rgb) {
        int n = 0;
        for (int px = from; px < to; px++)
            for (int py = 0; py < img.getHeight(); py++) if (img.getRGB(px, py) == rgb) n++;
        return n;
    }

    @Test
    void shouldColourRegionsAsTheirClassesLightOverWhite() {
        assertEquals(LEFT, Plots.regionColor(0).getRGB());
        assertEquals(RIGHT, Plots.regionColor(1).getRGB());
        // Ten colours, then again from the first.
        assertEquals(BLUE, Plots.pointColor(10).getRGB());
    }

    @Test
    void shouldRejectInputsThatAreNotPoints() {
        Array x = arr(DType.F32, Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        assertError(ShapeError.class, "decision_regions",
                () -> Plots.decisionRegions(p -> p, x, i32(0, 1), dir.resolve("x.png"), "a", "b"), "f32[2,3]");
    }
}
