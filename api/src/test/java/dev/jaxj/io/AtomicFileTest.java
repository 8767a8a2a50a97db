package dev.jaxj.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Failures part-way through a write leave the old file whole and no temporary file behind. */
class AtomicFileTest {

    private static List<Path> listing(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void shouldReplaceTheTargetInOneStep(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("ckpt");
        Files.writeString(target, "old");
        AtomicFile.write(target, out -> out.write(ByteBuffer.wrap("new content".getBytes())));
        assertEquals("new content", Files.readString(target));
        assertEquals(List.of(target), listing(dir));
    }

    @Test
    void shouldKeepTheOldFileWhenTheWriteFailsMidway(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("ckpt");
        Files.writeString(target, "old");
        var e = assertThrows(UncheckedIOException.class, () -> AtomicFile.write(target, out -> {
            out.write(ByteBuffer.wrap(new byte[4096]));
            throw new IOException("No space left on device");
        }));
        assertTrue(e.getMessage().contains("could not write " + target) && e.getMessage().contains("No space left"), e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), listing(dir), "the temporary file is removed");
    }

    @Test
    void shouldCreateNothingWhenTheFirstWriteFails(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("ckpt");
        var boom = new IllegalStateException("a leaf could not be read");
        var e = assertThrows(IllegalStateException.class, () -> AtomicFile.write(target, out -> {
            out.write(ByteBuffer.wrap(new byte[10]));
            throw boom;
        }));
        assertSame(boom, e, "errors other than I/O pass through unchanged");
        assertEquals(List.of(), listing(dir));
    }

    @Test
    void shouldReportAMissingDirectoryAsAnIoFailure(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("no/such/dir/ckpt");
        var e = assertThrows(UncheckedIOException.class, () -> AtomicFile.write(target, out -> out.write(ByteBuffer.wrap(new byte[1]))));
        assertEquals("could not write " + target + ": the folder " + dir.resolve("no") + " does not exist", e.getMessage());
        assertEquals(List.of(), listing(dir));
    }

    @Test
    void shouldNameAFileStandingWhereTheFolderShouldBe(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        for (Path target : List.of(file.resolve("ckpt"), file.resolve("sub/ckpt"))) {
            var e = assertThrows(UncheckedIOException.class, () -> AtomicFile.write(target, out -> out.write(ByteBuffer.wrap(new byte[1]))));
            assertEquals("could not write " + target + ": " + file + " is a file, not a folder", e.getMessage());
        }
    }
}
