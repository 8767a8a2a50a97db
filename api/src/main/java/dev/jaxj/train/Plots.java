package dev.jaxj.train;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * Charts of training as PNG files, drawn with JFreeChart (headless; no display needed): the
 * loss and accuracy of each epoch, and the decision regions of a classifier of 2-d inputs.
 * {@snippet :
 * Plots.history(fit.history(), Path.of("target/iris-loss.png"));
 * Plots.decisionRegions(x -> trainer.predict(fit.state(), x), features, labels, Path.of("target/iris-regions.png"),
 *         "petal length", "petal width", "setosa", "versicolor", "virginica");
 * }
 */
public final class Plots {
    static {
        // Rendering to an image needs no display; without this, AWT may look for one.
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    /** The cells per side of the grid the classifier is evaluated on. */
    static final int GRID = 200;

    /** Matplotlib's "tab10" colours, which most readers know from Python plots. */
    static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    /** The strength of a region's colour over white, light enough for the points to stand out. */
    private static final double REGION_ALPHA = 0.3;

    /** Whether this JDK can draw text: one without any font file cannot, and the charts are still worth writing. */
    private static final boolean TEXT = canDrawText();

    private Plots() {}

    /**
     * Writes the {@code loss} (and {@code val_loss}) per epoch, and beside it {@code accuracy}
     * (and {@code val_accuracy}) when they were recorded: 560×420 pixels, or 1000×420 with
     * accuracy.
     *
     * @return {@code png}
     * @throws java.io.UncheckedIOException when the file cannot be written
     */
    public static Path history(History history, Path png) {
        requireNonNull(history, "history is null");
        requireNonNull(png, "png is null");
        boolean acc = history.has("accuracy");
        var charts = acc
                ? Vector.of(curves(history, "loss", "Loss", TEXT), curves(history, "accuracy", "Accuracy", TEXT))
                : Vector.of(curves(history, "loss", "Loss", TEXT));
        return write(charts, acc ? 1000 : 560, 420, png);
    }

    /** {@return the chart of {@code name} and {@code val_name} per epoch, with a legend naming train and validation} */
    static JFreeChart curves(History history, String name, String title, boolean text) {
        var data = new XYSeriesCollection();
        data.addSeries(series("train", history.get(name)));
        if (history.has("val_" + name)) data.addSeries(series("validation", history.get("val_" + name)));
        var epochs = new NumberAxis(text ? "epoch" : null);
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        epochs.setAutoRangeIncludesZero(false);
        var values = new NumberAxis(text ? name : null);
        values.setAutoRangeIncludesZero(false);
        // Markers show single epochs while there are few enough to tell apart.
        var lines = new XYLineAndShapeRenderer(true, history.get(name).size() < 40);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            lines.setSeriesPaint(s, PALETTE[s]);
            lines.setSeriesStroke(s, new BasicStroke(2f));
            lines.setSeriesShape(s, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        return chart(new XYPlot(data, epochs, values, lines), title, text);
    }

    private static XYSeries series(String key, Seq<Double> values) {
        var s = new XYSeries(key, false, true);
        for (int i = 0; i < values.size(); i++) s.add(i + 1, values.get(i));
        return s;
    }

    /**
     * Writes the classes {@code classify} gives over the plane around {@code x}, shaded, with
     * the examples on top coloured by their label; 640×560 pixels.
     *
     * @param classify   maps points {@code f32[m, 2]} to logits {@code [m, k]} or to class indices {@code [m]}
     * @param x          the examples, {@code [n, 2]}
     * @param labels     their integer classes, {@code [n]}
     * @param xLabel     the name of feature 0
     * @param yLabel     the name of feature 1
     * @param classNames the classes' names for the legend (may be fewer than the classes)
     * @return {@code png}
     * @throws ShapeError when {@code x} is not {@code [n, 2]} or the labels are not {@code [n]}
     */
    public static Path decisionRegions(UnaryOperator<Array> classify, Array x, Array labels, Path png,
                                       String xLabel, String yLabel, String... classNames) {
        requireNonNull(classify, "classify is null");
        requireNonNull(png, "png is null");
        if (x.ndim() != 2 || x.shape().dim(1) != 2)
            throw new ShapeError("decision_regions", "needs 2-d inputs [n, 2], got " + x.aval());
        if (labels.ndim() != 1 || labels.shape().dim(0) != x.shape().dim(0))
            throw new ShapeError("decision_regions", "needs one label per example, got inputs " + x.aval() + " and labels " + labels.aval());
        double[] xy = x.astype(DType.F64).toDoubleArray();
        double[] box = bounds(xy);
        // The grid's cell centres, row by row from the bottom, classified in one call.
        float[] grid = new float[GRID * GRID * 2];
        for (int j = 0; j < GRID; j++)
            for (int i = 0; i < GRID; i++) {
                grid[2 * (j * GRID + i)] = (float) centre(box[0], box[1], i);
                grid[2 * (j * GRID + i) + 1] = (float) centre(box[2], box[3], j);
            }
        Array out = classify.apply(Jnp.array(grid, DType.F32, GRID * GRID, 2));
        int[] region = (out.ndim() == 2 ? out.argmax(-1) : out).astype(DType.I32).toIntArray();
        var chart = regions(box, region, xy, labels.astype(DType.I32).toIntArray(), xLabel, yLabel, classNames, TEXT);
        return write(Vector.of(chart), 640, 560, png);
    }

    /**
     * {@return the decision-region chart}: one plot whose first dataset is the grid of classes,
     * drawn as blocks, and whose second is the examples, one series per class, drawn on top
     */
    static JFreeChart regions(double[] box, int[] region, double[] xy, int[] cls, String xLabel, String yLabel,
                              String[] classNames, boolean text) {
        double[][] cells = new double[3][GRID * GRID];
        int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
        for (int j = 0; j < GRID; j++)
            for (int i = 0; i < GRID; i++) {
                int k = j * GRID + i;
                cells[0][k] = centre(box[0], box[1], i);
                cells[1][k] = centre(box[2], box[3], j);
                cells[2][k] = region[k];
                lo = Math.min(lo, region[k]);
                hi = Math.max(hi, region[k]);
            }
        var grid = new DefaultXYZDataset();
        grid.addSeries("regions", cells);
        var shades = new LookupPaintScale(lo, hi + 1, Color.WHITE);
        for (int c = lo; c <= hi; c++) shades.add(c, regionColor(c));
        var blocks = new XYBlockRenderer();
        blocks.setPaintScale(shades);
        blocks.setBlockWidth((box[1] - box[0]) / GRID);
        blocks.setBlockHeight((box[3] - box[2]) / GRID);
        blocks.setDefaultSeriesVisibleInLegend(false);

        var xAxis = new NumberAxis(text ? xLabel : null);
        xAxis.setRange(box[0], box[1]);
        var yAxis = new NumberAxis(text ? yLabel : null);
        yAxis.setRange(box[2], box[3]);
        var plot = new XYPlot(grid, xAxis, yAxis, blocks);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);

        // One series per class, named ones first so that the legend lists them in order.
        int classes = Math.max(classNames.length, cls.length == 0 ? 0 : Arrays.stream(cls).max().getAsInt() + 1);
        var points = new XYSeriesCollection();
        var dots = new XYLineAndShapeRenderer(false, true);
        dots.setUseFillPaint(true);
        dots.setDrawOutlines(true);
        dots.setUseOutlinePaint(true);
        dots.setDefaultOutlinePaint(Color.DARK_GRAY);
        dots.setDefaultOutlineStroke(new BasicStroke(0.8f));
        for (int c = 0; c < classes; c++) {
            var s = new XYSeries(c < classNames.length ? classNames[c] + uniqueSuffix(classNames, c) : "class " + c, false, true);
            for (int k = 0; k < cls.length; k++) if (cls[k] == c) s.add(xy[2 * k], xy[2 * k + 1]);
            points.addSeries(s);
            dots.setSeriesPaint(c, pointColor(c));
            dots.setSeriesFillPaint(c, pointColor(c));
            dots.setSeriesShape(c, new Ellipse2D.Double(-4, -4, 8, 8));
        }
        // Labels outside 0..classes-1 (negative ones) still show, in the colour of their class.
        var others = new XYSeries("other", false, true);
        for (int k = 0; k < cls.length; k++) if (cls[k] < 0) others.add(xy[2 * k], xy[2 * k + 1]);
        if (!others.isEmpty()) {
            points.addSeries(others);
            dots.setSeriesPaint(classes, Color.BLACK);
            dots.setSeriesFillPaint(classes, Color.BLACK);
        }
        plot.setDataset(1, points);
        plot.setRenderer(1, dots);
        // Blocks first, points over them.
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return chart(plot, "Decision regions", text);
    }

    /** {@return a space and the class index when an earlier class has the same name, for the legend's unique keys} */
    private static String uniqueSuffix(String[] names, int c) {
        for (int d = 0; d < c; d++) if (names[d].equals(names[c])) return " (" + c + ")";
        return "";
    }

    /** {@return the colour of class {@code c}'s examples} */
    static Color pointColor(int c) { return PALETTE[Math.floorMod(c, PALETTE.length)]; }

    /** {@return the colour of class {@code c}'s region: its point colour, light over white} */
    static Color regionColor(int c) {
        Color p = pointColor(c);
        return new Color(over(p.getRed()), over(p.getGreen()), over(p.getBlue()));
    }

    private static int over(int channel) { return (int) (255 + REGION_ALPHA * (channel - 255)); }

    private static double centre(double lo, double hi, int i) { return lo + (i + 0.5) * (hi - lo) / GRID; }

    private static JFreeChart chart(XYPlot plot, String title, boolean text) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setOutlinePaint(Color.GRAY);
        for (var axis : new NumberAxis[] {(NumberAxis) plot.getDomainAxis(), (NumberAxis) plot.getRangeAxis()}) {
            axis.setTickLabelsVisible(text);
            axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        }
        var chart = new JFreeChart(text ? title : null, new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, text);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setRenderingHints(new RenderingHints(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON));
        return chart;
    }

    /** Draws the charts side by side, each as wide as the others, and writes them as one PNG, creating missing folders. */
    private static Path write(Seq<JFreeChart> charts, int width, int height, Path png) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        double w = (double) width / charts.size();
        for (int i = 0; i < charts.size(); i++) charts.get(i).draw(g, new Rectangle2D.Double(i * w, 0, w, height));
        g.dispose();
        try {
            Path dir = png.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            if (!ImageIO.write(image, "png", png.toFile())) throw new ArgumentError("plot", "no PNG writer is available");
        } catch (IOException e) {
            throw new UncheckedIOException("plot: cannot write " + png, e);
        }
        return png;
    }

    /** {@return {@code [xmin, xmax, ymin, ymax]} of the points, widened by a margin of 10 %} */
    static double[] bounds(double[] xy) {
        double[] b = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int k = 0; k < xy.length; k += 2) {
            b[0] = Math.min(b[0], xy[k]);
            b[1] = Math.max(b[1], xy[k]);
            b[2] = Math.min(b[2], xy[k + 1]);
            b[3] = Math.max(b[3], xy[k + 1]);
        }
        double mx = Math.max(b[1] - b[0], 1e-6) * 0.1, my = Math.max(b[3] - b[2], 1e-6) * 0.1;
        return new double[] {b[0] - mx, b[1] + mx, b[2] - my, b[3] + my};
    }

    private static boolean canDrawText() {
        var g = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString("0", 0, 8);
            return true;
        } catch (RuntimeException | Error e) {
            // A JDK without font files fails here in the font configuration, with an Error or an exception.
            return false;
        } finally {
            g.dispose();
        }
    }
}
