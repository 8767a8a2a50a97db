package dev.jaxj.examples;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * The data sets shipped with the examples, under {@code data/} next to this class; their
 * sources and licences are in {@code data/ATTRIBUTION.md}.
 */
public final class Datasets {
    private Datasets() {}

    /**
     * Labelled examples.
     *
     * @param features   {@code f32[n, d]}
     * @param labels     {@code i32[n]}
     * @param classNames the name of each class index
     */
    public record Labelled(Array features, Array labels, Seq<String> classNames) {}

    /** {@return the 150 irises: the four measurements in cm, and the species 0..2} */
    public static Labelled iris() {
        var lines = lines("iris.csv", false).tail();
        var names = Vector.of("setosa", "versicolor", "virginica");
        float[] x = new float[lines.size() * 4];
        int[] y = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            for (int j = 0; j < 4; j++) x[4 * i + j] = Float.parseFloat(f[j]);
            y[i] = names.indexOf(f[4]);
            if (y[i] < 0) throw new IllegalStateException("iris.csv: unknown species '" + f[4] + "' on row " + (i + 1));
        }
        return new Labelled(Jnp.array(x, DType.F32, y.length, 4), Jnp.array(y), names);
    }

    /** {@return the 1797 hand-written digits: 64 pixel counts 0..16 per image, and the digit} */
    public static Labelled digits() {
        var lines = lines("digits.csv.gz", true);
        float[] x = new float[lines.size() * 64];
        int[] y = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            for (int j = 0; j < 64; j++) x[64 * i + j] = Float.parseFloat(f[j]);
            y[i] = (int) Float.parseFloat(f[64]);
        }
        return new Labelled(Jnp.array(x, DType.F32, y.length, 64), Jnp.array(y), Vector.range(0, 10).map(String::valueOf));
    }

    /**
     * {@return the 400 noisy sine waves {@code f32[400, 41]}}: each row is
     * {@code a·sin(w·t + φ) + noise} at {@code t = 0..40}, made by {@code examples/tools/make_noisy_sines.py}
     * (the recipe is in {@code data/ATTRIBUTION.md})
     */
    public static Array noisySines() {
        var lines = lines("noisy-sines.csv.gz", true).tail();
        int steps = lines.head().split(",").length;
        float[] x = new float[lines.size() * steps];
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            if (f.length != steps) throw new IllegalStateException("noisy-sines.csv.gz: row " + (i + 1) + " has " + f.length + " values, not " + steps);
            for (int j = 0; j < steps; j++) x[steps * i + j] = Float.parseFloat(f[j]);
        }
        return Jnp.array(x, DType.F32, lines.size(), steps);
    }

    /** {@return the text of a UTF-8 resource under {@code data/}} */
    public static String text(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data/" + name, e);
        }
    }

    /** {@return the non-blank lines of a resource, gunzipped when {@code gzip}} */
    private static Seq<String> lines(String name, boolean gzip) {
        try (InputStream raw = open(name); InputStream in = gzip ? new GZIPInputStream(raw) : raw;
             var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return Vector.ofAll(r.lines().filter(l -> !l.isBlank()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data/" + name, e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = Datasets.class.getResourceAsStream("data/" + name);
        if (in == null) throw new IllegalStateException("the resource data/" + name + " is missing from the examples");
        return in;
    }
}
