package dev.jaxj.train;

import dev.jaxj.errors.ArgumentError;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A small Java2D chart renderer: panels with data coordinates, axes with round tick values,
 * lines, points, filled cells and a legend, written as PNG. Works headless.
 */
final class Canvas {
    static {
        // Rendering to an image needs no display; without this, AWT may look for one.
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    private final BufferedImage image;
    private final Graphics2D g;
    private boolean textWorks = true;

    Canvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    }

    /** {@return {@code c} at {@code alpha} of its strength over white} */
    static Color light(Color c, double alpha) {
        return new Color((int) (255 + alpha * (c.getRed() - 255)), (int) (255 + alpha * (c.getGreen() - 255)), (int) (255 + alpha * (c.getBlue() - 255)));
    }

    /** Writes the image as PNG, creating missing parent folders. */
    Path write(Path png) {
        g.dispose();
        try {
            if (png.toAbsolutePath().getParent() != null) Files.createDirectories(png.toAbsolutePath().getParent());
            if (!ImageIO.write(image, "png", png.toFile())) throw new ArgumentError("plot", "no PNG writer is available");
        } catch (IOException e) {
            throw new UncheckedIOException("plot: cannot write " + png, e);
        }
        return png;
    }

    /** Draws text with its left end at {@code (x, y)}, centred when {@code centred}. */
    void text(String s, double x, double y, boolean centred, Color color, int size, boolean bold) {
        if (!textWorks) return;
        try {
            g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size));
            g.setColor(color);
            int w = g.getFontMetrics().stringWidth(s);
            g.drawString(s, (float) (centred ? x - w / 2.0 : x), (float) y);
        } catch (RuntimeException | Error e) {
            // A JDK without any font files cannot draw text; the chart itself is still worth writing.
            textWorks = false;
        }
    }

    /** A rectangle of the image with data coordinates {@code [x0, x1] × [y0, y1]}. */
    final class Panel {
        final int left, top, width, height;
        final double x0, x1, y0, y1;

        Panel(int left, int top, int width, int height, double x0, double x1, double y0, double y1) {
            this.left = left;
            this.top = top;
            this.width = width;
            this.height = height;
            this.x0 = x0;
            this.x1 = x1 > x0 ? x1 : x0 + 1;
            this.y0 = y0;
            this.y1 = y1 > y0 ? y1 : y0 + 1;
        }

        double px(double x) { return left + (x - x0) / (x1 - x0) * width; }

        double py(double y) { return top + height - (y - y0) / (y1 - y0) * height; }

        /** Fills the cell {@code [xa, xb] × [ya, yb]}. */
        void cell(double xa, double xb, double ya, double yb, Color c) {
            g.setColor(c);
            int l = (int) Math.floor(px(xa)), r = (int) Math.ceil(px(xb)), t = (int) Math.floor(py(yb)), b = (int) Math.ceil(py(ya));
            g.fillRect(l, t, r - l, b - t);
        }

        void line(double[] xs, double[] ys, Color c, boolean markers) {
            g.setColor(c);
            g.setStroke(new BasicStroke(2f));
            var path = new Path2D.Double();
            for (int i = 0; i < xs.length; i++) {
                if (i == 0) path.moveTo(px(xs[i]), py(ys[i]));
                else path.lineTo(px(xs[i]), py(ys[i]));
            }
            g.draw(path);
            if (markers) for (int i = 0; i < xs.length; i++) g.fillOval((int) px(xs[i]) - 3, (int) py(ys[i]) - 3, 7, 7);
        }

        void point(double x, double y, Color fill) {
            int cx = (int) Math.round(px(x)), cy = (int) Math.round(py(y));
            g.setColor(fill);
            g.fillOval(cx - 4, cy - 4, 9, 9);
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new BasicStroke(1f));
            g.drawOval(cx - 4, cy - 4, 9, 9);
        }

        /** Draws the frame, grid lines at round values, tick labels, the title and the axis labels. */
        void axes(String title, String xLabel, String yLabel, boolean integerX) {
            g.setStroke(new BasicStroke(1f));
            for (double t : ticks(x0, x1, integerX)) {
                g.setColor(new Color(0xe6e6e6));
                g.drawLine((int) px(t), top, (int) px(t), top + height);
                text(label(t), px(t), top + height + 16, true, Color.DARK_GRAY, 11, false);
            }
            for (double t : ticks(y0, y1, false)) {
                g.setColor(new Color(0xe6e6e6));
                g.drawLine(left, (int) py(t), left + width, (int) py(t));
                text(label(t), left - 6 - 6 * label(t).length(), py(t) + 4, false, Color.DARK_GRAY, 11, false);
            }
            g.setColor(Color.GRAY);
            g.drawRect(left, top, width, height);
            text(title, left + width / 2.0, top - 10, true, Color.BLACK, 14, true);
            text(xLabel, left + width / 2.0, top + height + 34, true, Color.BLACK, 12, false);
            if (!textWorks) return;
            var saved = g.getTransform();
            g.rotate(-Math.PI / 2);
            text(yLabel, -(top + height / 2.0), left - 48, true, Color.BLACK, 12, false);
            g.setTransform(saved);
        }

        /** {@return the legend's width and height in pixels} */
        int[] legendSize(String[] names) {
            return new int[] {20 + 8 * java.util.Arrays.stream(names).mapToInt(String::length).max().orElse(0), 18 * names.length + 8};
        }

        /** Draws a legend box in a corner: 0 top right, 1 bottom right, 2 top left, 3 bottom left. */
        void legend(String[] names, Color[] colors, int corner) {
            int w = legendSize(names)[0], h = legendSize(names)[1];
            int l = corner < 2 ? left + width - w - 8 : left + 8, t = corner % 2 == 0 ? top + 8 : top + height - h - 8;
            g.setColor(new Color(255, 255, 255, 220));
            g.fillRect(l, t, w, h);
            g.setColor(Color.LIGHT_GRAY);
            g.drawRect(l, t, w, h);
            for (int i = 0; i < names.length; i++) {
                g.setColor(colors[i]);
                g.fillRect(l + 6, t + 8 + 18 * i, 10, 10);
                text(names[i], l + 22, t + 17 + 18 * i, false, Color.BLACK, 11, false);
            }
        }
    }

    Panel panel(int left, int top, int width, int height, double x0, double x1, double y0, double y1) {
        return new Panel(left, top, width, height, x0, x1, y0, y1);
    }

    /** {@return about five round tick values (1, 2 or 5 times a power of ten) within {@code [lo, hi]}} */
    static double[] ticks(double lo, double hi, boolean integers) {
        double span = hi - lo;
        if (!(span > 0)) return new double[] {lo};
        double raw = span / 5, magnitude = Math.pow(10, Math.floor(Math.log10(raw))), step;
        double r = raw / magnitude;
        step = (r < 1.5 ? 1 : r < 3.5 ? 2 : r < 7.5 ? 5 : 10) * magnitude;
        if (integers) step = Math.max(1, Math.round(step));
        double first = Math.ceil(lo / step) * step;
        int n = (int) Math.floor((hi - first) / step + 1e-9) + 1;
        double[] t = new double[Math.max(n, 0)];
        for (int i = 0; i < t.length; i++) t[i] = first + i * step;
        return t;
    }

    static String label(double v) {
        if (Math.abs(v) < 1e-12) return "0";
        if (v == Math.rint(v) && Math.abs(v) < 1e6) return String.valueOf((long) v);
        if (Math.abs(v) < 0.01 || Math.abs(v) >= 1e4) return String.format(Locale.ROOT, "%.2e", v);
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
