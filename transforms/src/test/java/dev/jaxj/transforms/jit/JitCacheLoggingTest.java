package dev.jaxj.transforms.jit;

import dev.jaxj.ir.DType;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code -Djaxj.log_compiles=true} reports through {@link System.Logger} {@code dev.jaxj.compile}
 * (the JDK hands it to {@code java.util.logging} unless an application installs another
 * backend), one INFO line per compilation, never on the standard output.
 */
class JitCacheLoggingTest {
    /** A logger that keeps what it is given. */
    private static final class Recording implements System.Logger {
        final List<String> lines = new ArrayList<>();

        @Override public String getName() { return "recording"; }
        @Override public boolean isLoggable(Level level) { return true; }
        @Override public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) { lines.add(level + " " + msg); }
        @Override public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(level + " " + MessageFormat.format(format, params));
        }
        @Override public void log(Level level, Supplier<String> msg) { lines.add(level + " " + msg.get()); }
    }

    @Test
    void shouldLogOneInfoLinePerCompilation() {
        var log = new Recording();
        var cache = new JitCache("logged", 4, Option.some(log));
        var compiled = new Compiled(null, Vector.empty(), "out");
        var f32 = new JitCache.Key("tree", Vector.of(ShapedArray.of(DType.F32)), Vector.empty());
        var f64 = new JitCache.Key("tree", Vector.of(ShapedArray.of(DType.F64)), Vector.empty());
        cache.get(f32, () -> compiled);
        cache.get(f32, () -> compiled);
        cache.get(f64, () -> compiled);
        assertEquals(2, log.lines.size(), "a hit logs nothing: " + log.lines);
        assertTrue(log.lines.get(0).startsWith("INFO jit logged: compiling #1 because "), log.lines.get(0));
        assertTrue(log.lines.get(1).startsWith("INFO jit logged: compiling #2 because "), log.lines.get(1));
    }

    @Test
    void shouldNameTheLoggerAfterItsSubsystem() {
        assertEquals("dev.jaxj.compile", JitCache.LOG.getName());
    }
}
