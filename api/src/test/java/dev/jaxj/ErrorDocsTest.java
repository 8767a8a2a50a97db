package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.errors.JaxjException;
import dev.jaxj.io.CheckpointError;
import dev.jaxj.io.Checkpoints;
import dev.jaxj.io.Safetensors;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.SourceInfo;
import dev.jaxj.ir.Var;
import dev.jaxj.nn.Dense;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * docs/errors.md against the code: a section for every exception class jaxj throws, whose
 * example is the message the code really produces, and every function a message or the page
 * names as a remedy exists.
 */
class ErrorDocsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path DOC = ROOT.resolve("docs/errors.md");

    record Holder(Array w, Array b) {}

    /** A user error per exception class, raising the message its section shows. */
    private static Map<Class<? extends Exception>, Runnable> triggers(Path dir) {
        var t = new LinkedHashMap<Class<? extends Exception>, Runnable>();
        t.put(dev.jaxj.errors.ShapeError.class, () -> {
            var dense = Dense.of(3);
            dense.apply(dense.init(Random.key(0), Jnp.zeros(2, 4)), Jnp.zeros(2, 5));
        });
        t.put(dev.jaxj.errors.DTypeError.class, () -> Random.uniform(Random.key(0), Shape.of(2), DType.I32));
        t.put(dev.jaxj.errors.ConcretizationError.class,
                () -> Jax.jit((Array x) -> x.doubleValue() > 0 ? x : x.neg()).apply(Jnp.ones(3).sum()));
        t.put(dev.jaxj.errors.TracerLeakError.class, () -> {
            Array[] kept = new Array[1];
            Jax.grad((Array x) -> {
                kept[0] = x;
                return x.sum();
            }).apply(Jnp.ones(3));
            kept[0].add(1.0);
        });
        t.put(dev.jaxj.errors.NotDifferentiable.class, () -> Jax.grad((Array x) -> x.mul(2.0)).apply(Jnp.ones(3)));
        t.put(dev.jaxj.errors.BackendError.class, () -> Bind.bind(
                new Primitive.CustomVjpLinear("rule", 0, Vector.of(ShapedArray.of(DType.F32, 3))), Vector.of(Jnp.ones(3))));
        t.put(dev.jaxj.errors.TreeError.class, () -> Jax.grad((Holder h) -> h.w().sum()).apply(new Holder(Jnp.zeros(2), null)));
        t.put(dev.jaxj.errors.JaxprTypeError.class, () -> {
            Var in = new Var(0, ShapedArray.of(DType.F32, 3)), out = new Var(1, ShapedArray.of(DType.F32, 4));
            new Jaxpr(Vector.empty(), Vector.of(in), Vector.of(new Eqn(new Primitive.Sin(), Vector.of(in), Vector.of(out), SourceInfo.UNKNOWN)),
                    Vector.of(out)).typecheck();
        });
        t.put(dev.jaxj.errors.ArgumentError.class, () -> Jnp.arange(0.0, Double.NaN, 1.0));
        t.put(dev.jaxj.errors.DeletedArrayError.class, () -> {
            var twice = Jax.jit((Array x) -> x.mul(2.0), Jax.JitOptions.donateArgnums(0));
            Array x = Jnp.ones(3);
            twice.apply(x);
            x.add(1.0);
        });
        t.put(dev.jaxj.errors.FloatingPointError.class,
                () -> Jax.withDebugNans(true, () -> Jnp.log(Jnp.array(new float[] {1, -1}))));
        t.put(dev.jaxj.errors.ControlFlowTypeError.class, () -> dev.jaxj.lax.Lax.scan(
                (io.vavr.Tuple2<Array, Array> c, Array x) -> io.vavr.Tuple.of(io.vavr.Tuple.of(c._1, Jnp.concatenate(c._2, x)), x),
                io.vavr.Tuple.of(Jnp.zeros(2), Jnp.zeros(3)), Jnp.ones(4, 1)));
        t.put(CheckpointError.class, () -> Safetensors.fromBytes(new byte[] {4, 0, 0, 0, 0, 0, 0, 0, '[', ']', ' ', ' '}));
        t.put(UncheckedIOException.class, () -> {
            try {
                Path blocker = Files.writeString(dir.resolve("run"), "a file, not a folder");
                Checkpoints.save(blocker.resolve("model.safetensors"), Jnp.ones(3));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        t.put(NullPointerException.class, () -> Dense.of(3).withInit(null, null));
        return t;
    }

    /** {@return the text of each {@code ## Name} or {@code ### Name} section, by name} */
    private static Map<String, String> sections() throws IOException {
        var out = new LinkedHashMap<String, String>();
        String text = Files.readString(DOC);
        Matcher m = Pattern.compile("(?m)^#{2,3} (\\w+)\\s*$").matcher(text);
        List<int[]> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(), m.end()});
            names.add(m.group(1));
        }
        for (int i = 0; i < names.size(); i++)
            out.put(names.get(i), text.substring(starts.get(i)[1], i + 1 < names.size() ? starts.get(i + 1)[0] : text.length()));
        return out;
    }

    /** {@return the lines of the first fenced block of a section} */
    private static List<String> example(String section) {
        Matcher m = Pattern.compile("(?s)```[a-z]*\\n(.*?)\\n```").matcher(section);
        return m.find() ? List.of(m.group(1).split("\n")) : List.of();
    }

    @Test
    void everyJaxjExceptionHasASectionWithAnExample() throws IOException {
        var sections = sections();
        for (Class<?> c : JaxjException.class.getPermittedSubclasses()) {
            String name = c.getSimpleName();
            assertTrue(sections.containsKey(name), "docs/errors.md has no section '## " + name + "'");
            List<String> ex = example(sections.get(name));
            assertFalse(ex.isEmpty(), "section " + name + " shows no example message");
            assertEquals("See https://jaxj.dev/docs/errors#" + name + " (docs/errors.md, section " + name + ")", ex.getLast(),
                    "the example of " + name + " ends with its pointer");
        }
    }

    @Test
    void everyExampleIsTheMessageTheCodeProduces(@TempDir Path dir) throws IOException {
        var sections = sections();
        for (var row : triggers(dir).entrySet()) {
            String name = row.getKey().getSimpleName();
            Exception e = assertThrows(row.getKey(), row.getValue()::run, name);
            assertTrue(sections.containsKey(name), "docs/errors.md has no section for " + name);
            String firstLine = e.getMessage().split("\n")[0];
            List<String> ex = example(sections.get(name));
            assertFalse(ex.isEmpty(), "section " + name + " shows no example message");
            String shown = ex.getFirst().replace("<temp>", dir.toString());
            assertEquals(firstLine.replace(dir.toString(), "<temp>"), shown.replace(dir.toString(), "<temp>"),
                    "the example of " + name + " is not what the code says");
        }
        for (Class<?> c : JaxjException.class.getPermittedSubclasses())
            assertTrue(triggers(dir).containsKey(c), () -> c.getSimpleName() + " has no trigger here, so its example is unchecked");
    }

    // Remedies name functions that exist ---------------------------------------------------------

    /** The classes whose members messages and the page may name, by the name they are written with. */
    private static final Map<String, Class<?>> NAMED = Map.ofEntries(
            Map.entry("Jax", Jax.class), Map.entry("Jnp", Jnp.class), Map.entry("Lax", dev.jaxj.lax.Lax.class),
            Map.entry("Random", Random.class), Map.entry("JitOptions", Jax.JitOptions.class), Map.entry("Axes", Axes.class),
            Map.entry("Index", dev.jaxj.array.Index.class), Map.entry("Tree", dev.jaxj.tree.Tree.class),
            Map.entry("Context", dev.jaxj.nn.Context.class), Map.entry("Losses", dev.jaxj.nn.Losses.class),
            Map.entry("Activations", dev.jaxj.nn.Activations.class), Map.entry("Optim", dev.jaxj.optim.Optim.class),
            Map.entry("Checkpoints", Checkpoints.class), Map.entry("Safetensors", Safetensors.class),
            Map.entry("FitConfig", dev.jaxj.train.FitConfig.class), Map.entry("DType", DType.class),
            Map.entry("Option", io.vavr.control.Option.class));

    private static final Pattern REFERENCE = Pattern.compile("\\b(" + String.join("|", NAMED.keySet()) + ")\\.([A-Za-z_]\\w*)");

    private static boolean exists(Class<?> c, String member) {
        return Stream.of(c.getMethods()).anyMatch(m -> m.getName().equals(member) && Modifier.isPublic(m.getModifiers()))
                || Stream.of(c.getFields()).anyMatch(f -> f.getName().equals(member))
                || Stream.of(c.getClasses()).anyMatch(k -> k.getSimpleName().equals(member));
    }

    /** {@return "where: Class.member" for each reference in {@code text} to a member that does not exist} */
    private static List<String> missing(String where, String text) {
        var out = new ArrayList<String>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) if (!exists(NAMED.get(m.group(1)), m.group(2))) out.add(where + ": " + m.group());
        return out;
    }

    @Test
    void theRemediesTheErrorPageNamesExist() throws IOException {
        assertEquals(List.of(), missing("docs/errors.md", Files.readString(DOC)));
    }

    /** Every string literal of the main sources: messages are built from them, remedies included. */
    @Test
    void theRemediesMessagesNameExist() throws IOException {
        Pattern literal = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
        var problems = new ArrayList<String>();
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(ROOT)) {
            sources = walk.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")).toList();
        }
        assertTrue(sources.size() > 100, "the sources were not found from " + ROOT);
        for (Path p : sources) {
            String[] lines = Files.readString(p).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].strip().startsWith("*") || lines[i].strip().startsWith("//")) continue;
                Matcher m = literal.matcher(lines[i]);
                while (m.find()) problems.addAll(missing(ROOT.relativize(p) + ":" + (i + 1), m.group()));
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theCheckIsAbleToFail() {
        assertEquals(List.of("x: Lax.condition"), missing("x", "use Lax.condition or Lax.select"));
        assertEquals(List.of(), missing("x", "Axes.NOT_MAPPED, Jax.JitOptions, Jax.jitStatic, Option.none()"));
    }
}
