package dev.jaxj.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see either the old content or the complete new one, never a
 * part: the bytes go to a temporary file in the same directory (so the rename cannot cross file
 * systems), are forced to disk, and the temporary file is then renamed over the target in one
 * atomic step. On any failure the temporary file is deleted and the target left as it was.
 */
final class AtomicFile {

    /** What writes the content. */
    @FunctionalInterface
    interface Body {
        void write(WritableByteChannel out) throws IOException;
    }

    private AtomicFile() {}

    /**
     * Replaces {@code target} with what {@code body} writes. Its folder must exist: the message
     * of a failure names the target and, for a missing folder, the first missing one, never the
     * temporary file.
     *
     * @throws UncheckedIOException when the file system fails, including when it cannot rename atomically
     */
    static void write(Path target, Body body) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        requireFolder(target, dir);
        // Not Files.createTempFile: it creates the file owner-only, and the rename would keep that.
        Path tmp = dir.resolve("." + absolute.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        boolean moved = false;
        try {
            try (var channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                body.write(channel);
                channel.force(true);
            }
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target + ": " + reason(e), e);
        } finally {
            if (!moved) deleteQuietly(tmp);
        }
    }

    /** Fails naming the first missing folder above {@code target}, or a file standing where its folder should be. */
    static void requireFolder(Path target, Path dir) {
        if (Files.isDirectory(dir)) return;
        Path existing = dir, missing = dir;
        while (existing != null && !Files.exists(existing)) {
            missing = existing;
            existing = existing.getParent();
        }
        boolean blocked = existing != null && !Files.isDirectory(existing);
        Path named = blocked ? existing : missing;
        String why = blocked ? existing + " is a file, not a folder" : "the folder " + missing + " does not exist";
        throw new UncheckedIOException("could not write " + target + ": " + why, new NoSuchFileException(named.toString()));
    }

    /** {@return the failure without the file name}, which for most file-system errors is the temporary file's */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file";
        if (e instanceof AccessDeniedException) return "access denied";
        if (e instanceof FileSystemException f) return f.getClass().getSimpleName() + (f.getReason() == null ? "" : " (" + f.getReason() + ")");
        return String.valueOf(e.getMessage());
    }

    /** Makes the rename itself durable where the platform allows opening a directory; best effort. */
    private static void syncDirectory(Path dir) {
        try (var channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms cannot open a directory; the rename has happened regardless.
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            // The original failure is the one to report; a stray temporary file is harmless.
        }
    }
}
