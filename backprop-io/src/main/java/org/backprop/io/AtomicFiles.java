package org.backprop.io;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
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
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

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
 *
 * <p>Special targets:
 * <ul>
 *   <li>A target that exists and is not a regular file (a device such as {@code /dev/null} or
 *       {@code /dev/stdout}, a FIFO, a socket) is written directly, never replaced: there is
 *       nothing to keep atomic.</li>
 *   <li>A symbolic link (or a chain of them) is resolved and the file it points to is replaced;
 *       the link stays a link. A dangling link creates the file it points to.</li>
 *   <li>A replaced regular file keeps its POSIX permissions (e.g. 600 stays 600).</li>
 *   <li>Temporary files of this naming left by a killed process for the same target, untouched
 *       for {@link #STALE_TEMP_AGE} or longer, are deleted by the next write of that target.</li>
 * </ul>
 */
public final class AtomicFiles {
    /**
     * Age (time since the last modification) from which a leftover {@code .<name>.<hex>.tmp} file
     * is considered abandoned: a live writer modifies its temporary file continuously and renames it
     * as soon as it is complete.
     */
    public static final Duration STALE_TEMP_AGE = Duration.ofHours(1);
    private static final int MAX_NAME_ATTEMPTS = 100;
    private static final int MAX_SYMLINKS = 40;

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
        if (Files.isDirectory(target)) {
            throw new IOException(target + " is a directory");
        }
        FileDescriptor standard = standardStream(target);
        if (standard != null) {
            System.out.flush();
            System.err.flush();
            writeTo(new FileOutputStream(standard), false, content);
            return;
        }
        if (Files.exists(target) && (!Files.isRegularFile(target) || isSpecialFileSystem(target))) {
            writeTo(Files.newOutputStream(target, StandardOpenOption.WRITE), true, content);
            return;
        }
        Path absolute = resolveLinks(target.toAbsolutePath());
        Path dir = absolute.getParent();
        String name = absolute.getFileName().toString();
        removeStaleTemps(dir, name);
        Path temp = createTemp(dir, name);
        try {
            writeAndSync(temp, content);
            keepPermissions(absolute, temp);
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

    /**
     * The file {@code path} stands for after following symbolic links (to any depth), with every
     * directory on the way resolved; {@code path} itself when it is no link. The file need not exist.
     *
     * @param path an absolute path
     * @throws IOException if a link cannot be read or the chain is longer than 40 links
     */
    public static Path resolveLinks(Path path) throws IOException {
        Path current = path;
        for (int depth = 0; Files.isSymbolicLink(current); depth++) {
            if (depth >= MAX_SYMLINKS) {
                throw new IOException(path + ": too many levels of symbolic links");
            }
            current = current.getParent().resolve(Files.readSymbolicLink(current)).toAbsolutePath().normalize();
        }
        Path parent = current.getParent();
        return Files.isDirectory(parent) ? parent.toRealPath().resolve(current.getFileName()) : current;
    }

    /**
     * The process's own standard output or error when {@code target} names it
     * ({@code /dev/stdout}, {@code /dev/fd/1}, {@code /proc/self/fd/1}, and the same for 2), else null.
     */
    public static FileDescriptor standardStream(Path target) {
        String path = target.toAbsolutePath().normalize().toString();
        if (path.equals("/dev/stdout") || path.equals("/dev/fd/1") || path.equals("/proc/self/fd/1")) {
            return FileDescriptor.out;
        }
        if (path.equals("/dev/stderr") || path.equals("/dev/fd/2") || path.equals("/proc/self/fd/2")) {
            return FileDescriptor.err;
        }
        return null;
    }

    /** Files under /dev and /proc are written in place even when they look regular. */
    private static boolean isSpecialFileSystem(Path target) {
        Path path = target.toAbsolutePath().normalize();
        return path.startsWith("/dev") || path.startsWith("/proc");
    }

    /** Writes a device, FIFO or other non-regular file in place (no temporary file, no rename). */
    private static void writeTo(OutputStream file, boolean close, Content content) throws IOException {
        OutputStream out = new BufferedOutputStream(file, 1 << 16);
        try {
            content.writeTo(unclosable(out));
            out.flush();
        } finally {
            if (close) {
                file.close();
            }
        }
    }

    /** Gives the temporary file the POSIX permissions of the file it replaces, if there is one. */
    private static void keepPermissions(Path target, Path temp) throws IOException {
        if (!Files.isRegularFile(target) || Files.getFileAttributeView(target, PosixFileAttributeView.class) == null) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(target);
        Files.setPosixFilePermissions(temp, permissions);
    }

    /** Deletes {@code .<name>.<hex>.tmp} files in {@code dir} untouched for {@link #STALE_TEMP_AGE}. */
    private static void removeStaleTemps(Path dir, String name) {
        Pattern ours = Pattern.compile("\\." + Pattern.quote(name) + "\\.[0-9a-f]{1,16}\\.tmp");
        FileTime staleBefore = FileTime.from(Instant.now().minus(STALE_TEMP_AGE));
        try (var entries = Files.newDirectoryStream(dir, p -> ours.matcher(p.getFileName().toString()).matches())) {
            for (Path p : entries) {
                if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(p).compareTo(staleBefore) < 0) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a leftover temporary file never affects the target
        }
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
            content.writeTo(unclosable(out));
            out.flush();
            channel.force(true);
        }
    }

    /** {@code out}, where {@code close()} only flushes (the caller closes the file). */
    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
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
