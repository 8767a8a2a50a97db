package dev.jaxj.numpy;

import dev.jaxj.Jax;
import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.Shape;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.Arrays;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code jnp.vectorize}: a function of core arrays applied over broadcast leading (batch) axes
 * by nested {@link Jax#vmap}. A NumPy generalized-ufunc signature such as
 * {@code "(m,n),(n)->(m)"} names each argument's core axes (the trailing ones) and the
 * result's; without one, every core is a scalar.
 */
public final class Vectorization {
    private Vectorization() {}

    private static final Pattern GROUP = Pattern.compile("\\(([^()]*)\\)");
    private static final Pattern SIGNATURE = Pattern.compile("^\\s*(\\([^()]*\\)(\\s*,\\s*\\([^()]*\\))*)?\\s*->\\s*(\\([^()]*\\))\\s*$");

    /** A parsed signature: the core axis names of each input and of the output. */
    record Signature(Vector<Vector<String>> inputs, Vector<String> output) {
        static Signature parse(String s) {
            Matcher m = SIGNATURE.matcher(s);
            if (!m.matches()) {
                throw new ArgumentError("vectorize", "not a valid signature (one output, as \"(m,n),(n)->(m)\"), got \"" + s + "\"");
            }
            Vector<Vector<String>> ins = m.group(1) == null ? Vector.empty() : groups(m.group(1));
            return new Signature(ins, groups(m.group(3)).head());
        }

        private static Vector<Vector<String>> groups(String s) {
            Vector<Vector<String>> out = Vector.empty();
            Matcher g = GROUP.matcher(s);
            while (g.find()) {
                String body = g.group(1).strip();
                out = out.append(body.isEmpty() ? Vector.empty() : Vector.of(body.split(",")).map(String::strip));
            }
            return out;
        }
    }

    /** {@return {@code f} vectorized over leading axes, its cores given by {@code signature} (scalars when none)} */
    public static Function<Seq<Array>, Array> vectorize(Function<Seq<Array>, Array> f, Option<String> signature) {
        Option<Signature> sig = signature.map(Signature::parse);
        return args -> apply(f, sig, Vector.ofAll(args));
    }

    private static Array apply(Function<Seq<Array>, Array> f, Option<Signature> sig, Vector<Array> args) {
        String op = "vectorize";
        Vector<Vector<String>> cores = sig.map(Signature::inputs).getOrElse(() -> args.map(a -> Vector.<String>empty()));
        Vector<String> outCore = sig.map(Signature::output).getOrElse(Vector.empty());
        if (cores.size() != args.size()) {
            throw new ArgumentError(op, "the signature has " + cores.size() + " inputs, got " + args.size() + " arguments " + NumpyOps.avals(args));
        }
        Map<String, Integer> sizes = HashMap.empty();
        Vector<Shape> batches = Vector.empty();
        for (int i = 0; i < args.size(); i++) {
            Array a = args.get(i);
            Vector<String> core = cores.get(i);
            if (a.ndim() < core.size()) {
                throw new ShapeError(op, "argument " + i + " needs at least " + core.size() + " axes for its core " + core.mkString("(", ",", ")") + ", got " + a.aval());
            }
            int lead = a.ndim() - core.size();
            for (int k = 0; k < core.size(); k++) {
                int d = a.shape().dim(lead + k);
                Option<Integer> seen = sizes.get(core.get(k));
                if (seen.isDefined() && seen.get() != d) {
                    throw new ShapeError(op, "inconsistent size for core dimension '" + core.get(k) + "': " + seen.get() + " and " + d + ", got " + NumpyOps.avals(args));
                }
                sizes = sizes.put(core.get(k), d);
            }
            batches = batches.append(Shape.of(Arrays.copyOf(a.shape().toArray(), lead)));
        }
        Shape batch = NumpyOps.broadcastShapes(op, batches);
        Map<String, Integer> known = sizes;
        Vector<Array> full = args.zipWith(cores, (a, core) -> {
            int[] dims = Arrays.copyOf(batch.toArray(), batch.rank() + core.size());
            for (int k = 0; k < core.size(); k++) dims[batch.rank() + k] = a.shape().dim(a.ndim() - core.size() + k);
            return Manipulation.broadcastTo(a, Shape.of(dims));
        });
        Function<Seq<Array>, Array> g = xs -> checked(f.apply(xs), outCore, known);
        for (int k = 0; k < batch.rank(); k++) g = Jax.vmap(g);
        return g.apply(full);
    }

    private static Array checked(Array out, Vector<String> core, Map<String, Integer> sizes) {
        if (out.ndim() != core.size()) {
            throw new ShapeError("vectorize", "the function returned " + out.aval() + ", which does not have the output core " + core.mkString("(", ",", ")"));
        }
        for (int k = 0; k < core.size(); k++) {
            Option<Integer> want = sizes.get(core.get(k));
            if (want.isDefined() && want.get() != out.shape().dim(k)) {
                throw new ShapeError("vectorize", "the function returned " + out.aval() + ", but core dimension '" + core.get(k) + "' has size " + want.get());
            }
        }
        return out;
    }
}
