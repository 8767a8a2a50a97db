package dev.jaxj.train;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;

import java.awt.Color;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * Charts of training as PNG files, drawn with Java2D (headless; no display needed): the loss
 * and accuracy of each epoch, and the decision regions of a classifier of 2-d inputs.
 * {@snippet :
 * Plots.history(fit.history(), Path.of("target/iris-loss.png"));
 * Plots.decisionRegions(x -> trainer.predict(fit.state(), x), features, labels, Path.of("target/iris-regions.png"),
 *         "petal length", "petal width", "setosa", "versicolor", "virginica");
 * }
 */
public final class Plots {
    private static final int GRID = 200;

    private Plots() {}

    /**
     * Writes the {@code loss} (and {@code val_loss}) per epoch, and beside it {@code accuracy}
     * (and {@code val_accuracy}) when they were recorded.
     *
     * @return {@code png}
     * @throws java.io.UncheckedIOException when the file cannot be written
     */
    public static Path history(History history, Path png) {
        requireNonNull(png, "png is null");
        boolean acc = history.has("accuracy");
        var canvas = new Canvas(acc ? 1000 : 560, 420);
        curves(canvas, history, "loss", 70, "Loss", true);
        if (acc) curves(canvas, history, "accuracy", 570, "Accuracy", false);
        return canvas.write(png);
    }

    private static void curves(Canvas canvas, History history, String name, int left, String title, boolean legendAtTop) {
        var train = history.get(name);
        var val = history.has("val_" + name) ? history.get("val_" + name) : null;
        int n = train.size();
        double lo = train.min().get(), hi = train.max().get();
        if (val != null) {
            lo = Math.min(lo, val.min().get());
            hi = Math.max(hi, val.max().get());
        }
        double pad = Math.max(hi - lo, 1e-3) * 0.08;
        var p = canvas.panel(left, 40, 400, 320, 1, Math.max(n, 2), lo - pad, hi + pad);
        p.axes(title, "epoch", name, true);
        double[] epochs = new double[n];
        for (int i = 0; i < n; i++) epochs[i] = i + 1;
        p.line(epochs, train.toJavaStream().mapToDouble(Double::doubleValue).toArray(), Canvas.PALETTE[0], n < 40);
        if (val != null) {
            p.line(epochs, val.toJavaStream().mapToDouble(Double::doubleValue).toArray(), Canvas.PALETTE[1], n < 40);
            // Losses fall and accuracies rise, so the legend goes where the curves are not.
            p.legend(new String[] {"train", "validation"}, new Color[] {Canvas.PALETTE[0], Canvas.PALETTE[1]}, legendAtTop ? 0 : 1);
        }
    }

    /**
     * Writes the classes {@code classify} gives over the plane around {@code x}, shaded, with
     * the examples on top coloured by their label.
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
        if (x.ndim() != 2 || x.shape().dim(1) != 2)
            throw new ShapeError("decision_regions", "needs 2-d inputs [n, 2], got " + x.aval());
        if (labels.ndim() != 1 || labels.shape().dim(0) != x.shape().dim(0))
            throw new ShapeError("decision_regions", "needs one label per example, got inputs " + x.aval() + " and labels " + labels.aval());
        double[] xy = x.astype(DType.F64).toDoubleArray();
        int[] cls = labels.astype(DType.I32).toIntArray();
        double[] box = bounds(xy);
        // The grid's cell centres, classified in one call.
        float[] grid = new float[GRID * GRID * 2];
        for (int j = 0; j < GRID; j++)
            for (int i = 0; i < GRID; i++) {
                grid[2 * (j * GRID + i)] = (float) (box[0] + (i + 0.5) * (box[1] - box[0]) / GRID);
                grid[2 * (j * GRID + i) + 1] = (float) (box[2] + (j + 0.5) * (box[3] - box[2]) / GRID);
            }
        Array out = classify.apply(Jnp.array(grid, DType.F32, GRID * GRID, 2));
        int[] region = (out.ndim() == 2 ? out.argmax(-1) : out).astype(DType.I32).toIntArray();

        var canvas = new Canvas(640, 560);
        var p = canvas.panel(80, 40, 520, 440, box[0], box[1], box[2], box[3]);
        double cw = (box[1] - box[0]) / GRID, ch = (box[3] - box[2]) / GRID;
        for (int j = 0; j < GRID; j++)
            for (int i = 0; i < GRID; i++)
                p.cell(box[0] + i * cw, box[0] + (i + 1) * cw, box[2] + j * ch, box[2] + (j + 1) * ch,
                        Canvas.light(color(region[j * GRID + i]), 0.3));
        p.axes("Decision regions", xLabel, yLabel, false);
        for (int k = 0; k < cls.length; k++) p.point(xy[2 * k], xy[2 * k + 1], color(cls[k]));
        if (classNames.length > 0) {
            Color[] colors = new Color[classNames.length];
            for (int c = 0; c < colors.length; c++) colors[c] = color(c);
            p.legend(classNames, colors, emptiestCorner(p, p.legendSize(classNames), xy));
        }
        return canvas.write(png);
    }

    /** {@return the corner (as {@code Canvas.Panel.legend} numbers them) whose legend-sized box covers the fewest points} */
    private static int emptiestCorner(Canvas.Panel p, int[] size, double[] xy) {
        int best = 0, fewest = Integer.MAX_VALUE;
        for (int corner = 0; corner < 4; corner++) {
            double l = corner < 2 ? p.left + p.width - size[0] - 8 : p.left + 8, t = corner % 2 == 0 ? p.top + 8 : p.top + p.height - size[1] - 8;
            int n = 0;
            for (int k = 0; k < xy.length; k += 2) {
                double px = p.px(xy[k]), py = p.py(xy[k + 1]);
                if (px >= l - 6 && px <= l + size[0] + 6 && py >= t - 6 && py <= t + size[1] + 6) n++;
            }
            if (n < fewest) {
                fewest = n;
                best = corner;
            }
        }
        return best;
    }

    private static Color color(int c) { return Canvas.PALETTE[Math.floorMod(c, Canvas.PALETTE.length)]; }

    /** {@return {@code [xmin, xmax, ymin, ymax]} of the points, widened by a margin of 10 %} */
    private static double[] bounds(double[] xy) {
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
}
