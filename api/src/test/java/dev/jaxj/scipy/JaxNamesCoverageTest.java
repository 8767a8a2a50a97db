package dev.jaxj.scipy;

import dev.jaxj.nn.Activations;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code jax_names.txt} lists every public name of {@code jax.nn} and {@code jax.scipy.special}
 * with the Java name that provides it, or why it is left out. A name claimed must exist as a
 * public static method of {@link Activations} or {@link Special}; the counts are printed.
 */
class JaxNamesCoverageTest {
    record Name(String module, String jax, String java) {}

    private static List<Name> names() throws IOException {
        try (InputStream in = JaxNamesCoverageTest.class.getResourceAsStream("jax_names.txt")) {
            List<Name> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split(" ", 4);
                out.add(new Name(f[0], f[1], f[2]));
            }
            return out;
        }
    }

    private static boolean has(Class<?> c, String name) {
        return Arrays.stream(c.getMethods()).anyMatch(m -> m.getName().equals(name) && Modifier.isStatic(m.getModifiers()));
    }

    @Test
    void shouldProvideEveryClaimedName() throws IOException {
        List<Name> all = names();
        int nn = 0, nnTotal = 0, special = 0, specialTotal = 0;
        for (Name n : all) {
            boolean claimed = !n.java().equals("-");
            Class<?> home = n.module().equals("nn") ? Activations.class : Special.class;
            if (claimed) assertTrue(has(home, n.java()), () -> n.module() + "." + n.jax() + " is claimed as " + home.getSimpleName() + "." + n.java() + ", which does not exist");
            if (n.module().equals("nn")) { nnTotal++; if (claimed) nn++; } else { specialTotal++; if (claimed) special++; }
        }
        assertEquals(35, nnTotal, "jax.nn has 35 names");
        assertEquals(51, specialTotal, "jax.scipy.special has 51 names in the documentation the list was taken from");
        System.out.printf("jax.nn: %d of %d; jax.scipy.special: %d of %d%n", nn, nnTotal, special, specialTotal);
        assertTrue(special >= 40, "at least 40 of jax.scipy.special");
    }

    @Test
    void shouldListEveryPublicSpecialFunction() throws IOException {
        List<String> listed = names().stream().filter(n -> n.module().equals("special")).map(Name::java).toList();
        for (Method m : Special.class.getMethods())
            if (Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == Special.class)
                assertTrue(listed.contains(m.getName()), () -> "Special." + m.getName() + " is missing from jax_names.txt");
    }
}
