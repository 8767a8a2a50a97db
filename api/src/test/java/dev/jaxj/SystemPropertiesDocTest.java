package dev.jaxj;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's table of {@code -Djaxj.*} properties against the code: every property the main
 * code of any module reads has a row, and every row names a property that the code or a POM
 * reads, so the table neither misses one nor keeps a stale one.
 */
class SystemPropertiesDocTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    /** A property read: the literal in a getProperty/getBoolean/getInteger/getLong call, or a constant named ...PROPERTY. */
    private static final Pattern READ = Pattern.compile(
            "(?:getProperty|getBoolean|getInteger|getLong)\\(\\s*\"(jaxj\\.[a-z0-9_.]+)\"|PROPERTY\\s*=\\s*\"(jaxj\\.[a-z0-9_.]+)\"");
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `-D(jaxj\\.[a-z0-9_.]+)=");

    @Test
    void shouldDocumentEveryPropertyTheCodeReadsInOneTable() throws IOException {
        Set<String> read = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/"))
                    .forEach(p -> {
                        Matcher m = READ.matcher(text(p));
                        while (m.find()) read.add(m.group(1) != null ? m.group(1) : m.group(2));
                    });
        }
        assertTrue(read.contains("jaxj.cpu.threads") && read.size() >= 10, "the scan found the properties: " + read);
        Set<String> documented = new TreeSet<>();
        Matcher rows = ROW.matcher(text(ROOT.resolve("README.md")));
        while (rows.find()) documented.add(rows.group(1));
        Set<String> missing = new TreeSet<>(read);
        missing.removeAll(documented);
        assertEquals(Set.of(), missing, "properties read by the code without a README row");
        String poms = text(ROOT.resolve("pom.xml")) + text(ROOT.resolve("examples/pom.xml"));
        for (String d : documented) {
            assertTrue(read.contains(d) || poms.contains("${" + d + "}"), "README row for " + d + ", which nothing reads");
        }
    }

    private static String text(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
