package org.backprop.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that readers see either the complete old content or the complete new content,
 * never a partial file, even if the process is killed mid-write.
 *
 * <p>Protocol: write to a new temporary file {@code .<name>.<random>.tmp} in the target's directory
 * (created with default permissions), flush and fsync it, then rename it over the target with
 * {@link StandardCopyOption#ATOMIC_MOVE} and {@link StandardCopyOption#REPLACE_EXISTING}, then fsync
 * the directory (best effort). On any failure the temporary file is deleted and an existing target
 * is left untouched. A process killed mid-write can leave the temporary file behind, never a
 * damaged target. Fails if the file system cannot rename atomically.
 */
public final class AtomicFiles {
    private static final int MAX_NAME_ATTEMPTS = 100;

    private AtomicFiles() {
    }

    /** Writes the file content to the given stream; closing the stream is allowed but not needed. */
    @FunctionalInterface
    public interface Content {
        /** Writes all content to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Atomically replaces (or creates) {@code target} with what {@code content} writes.
     *
     * @throws IOException if writing, syncing or renaming fails; {@code target} is then unchanged
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = createTemp(dir, absolute.getFileName().toString());
        try {
            writeAndSync(temp, content);
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(temp, e);
            if (e instanceof AtomicMoveNotSupportedException) {
                throw new IOException("cannot replace " + target + " atomically on this file system", e);
            }
            throw e;
        }
        syncDirectory(dir);
    }

    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
            Path temp = dir.resolve("." + name + "." + suffix + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= MAX_NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static void writeAndSync(Path temp, Content content) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            content.writeTo(new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    out.flush();
                }
            });
            out.flush();
            channel.force(true);
        }
    }

    private static void deleteQuietly(Path temp, Throwable failure) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** Makes the rename durable; not all platforms allow opening a directory, so failures are ignored. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the rename itself is already atomic
        }
    }
}
