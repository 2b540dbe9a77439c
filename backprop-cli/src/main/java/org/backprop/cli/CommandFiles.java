package org.backprop.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.backprop.io.AtomicFiles;

/**
 * The files one command reads and writes, checked together before the command does any work.
 *
 * <ul>
 *   <li>No output is an input, and no two outputs are one file: a usage error (exit 2). Paths are
 *       compared as files, not as text: {@code d.csv} and {@code ./d.csv}, a symbolic link and its
 *       target, and two hard links of one file (same device and inode) are the same file.
 *       Existing devices and FIFOs (e.g. {@code /dev/null} given twice) are exempt: writing them
 *       destroys nothing.</li>
 *   <li>Every output can be written: it is not a directory and its directory exists and is
 *       writable (after following symbolic links), tested by creating and deleting a temporary file
 *       there as the atomic write will (permission bits do not tell: root passes them on a read-only
 *       or pseudo file system such as {@code /sys}); otherwise an I/O error (exit 5).</li>
 * </ul>
 * Every input must exist and must not be a FIFO, device or socket (else exit 5, before any work: a
 * missing {@code --test} is not found after training, and a FIFO is never opened, so nothing waits
 * for a writer); inputs are checked for being regular files when they are read ({@link CliFiles}),
 * where an extension may accept a directory (a Parquet data set).
 */
public final class CommandFiles {
    /** No files yet; add them with {@link #input} and {@link #output}, then {@link #check}. */
    public CommandFiles() {
    }

    private record Named(String option, Path path) {
    }

    private final List<Named> inputs = new ArrayList<>();
    private final List<Named> outputs = new ArrayList<>();

    /** Adds an input file given with {@code option}; a null path (option not given) is ignored. */
    public CommandFiles input(String option, Path path) {
        if (path != null) {
            inputs.add(new Named(option, path));
        }
        return this;
    }

    /** Adds an output file given with {@code option}; a null path (option not given) is ignored. */
    public CommandFiles output(String option, Path path) {
        if (path != null) {
            outputs.add(new Named(option, path));
        }
        return this;
    }

    /**
     * Runs the checks of the class comment.
     *
     * @throws UserError exit 2 if an output would overwrite an input or another output, exit 5 if an
     *                   input is missing or an output cannot be written
     */
    public void check() {
        for (Named in : inputs) {
            if (!Files.exists(in.path())) {
                throw new UserError(ExitCodes.IO, "cannot read " + in.option() + " " + in.path()
                        + ": no such file or directory");
            }
            if (!Files.isRegularFile(in.path()) && !Files.isDirectory(in.path())) {
                throw new UserError(ExitCodes.IO, "cannot read " + in.option() + " " + in.path()
                        + ": not a regular file (a FIFO, device or socket); give a file (standard input is not read)");
            }
        }
        for (int i = 0; i < outputs.size(); i++) {
            Named out = outputs.get(i);
            if (!isReplaceable(out.path())) {
                continue;
            }
            for (Named in : inputs) {
                if (sameFile(out.path(), in.path())) {
                    throw clobber(out, in, "input");
                }
            }
            for (int j = 0; j < i; j++) {
                if (isReplaceable(outputs.get(j).path()) && sameFile(out.path(), outputs.get(j).path())) {
                    throw clobber(out, outputs.get(j), "output");
                }
            }
        }
        outputs.forEach(CommandFiles::checkWritable);
    }

    private static UserError clobber(Named out, Named other, String role) {
        return new UserError(ExitCodes.USAGE, out.option() + " " + out.path() + " is the same file as the " + role
                + " " + other.option() + " " + other.path() + "; choose another path for " + out.option());
    }

    /** True for outputs written through a temporary file and rename: not standard streams, devices or FIFOs. */
    private static boolean isReplaceable(Path path) {
        return AtomicFiles.standardStream(path) == null && (!Files.exists(path) || Files.isRegularFile(path));
    }

    /** True if both paths name one file (see the class comment). */
    static boolean sameFile(Path a, Path b) {
        Object keyA = fileKey(a);
        Object keyB = fileKey(b);
        if (keyA != null && keyB != null) {
            return keyA.equals(keyB);
        }
        return canonical(a).equals(canonical(b));
    }

    private static Object fileKey(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** The path with symbolic links followed as far as they lead and the directories resolved. */
    private static Path canonical(Path path) {
        try {
            return Files.exists(path) ? path.toRealPath() : AtomicFiles.resolveLinks(path.toAbsolutePath().normalize());
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static void checkWritable(Named out) {
        Path path = out.path();
        if (Files.isDirectory(path)) {
            throw cannotWrite(out, "it is a directory");
        }
        if (!isReplaceable(path)) {
            return;
        }
        Path target = canonical(path);
        Path dir = Objects.requireNonNullElse(target.getParent(), target.toAbsolutePath().getRoot());
        if (!Files.isDirectory(dir)) {
            throw cannotWrite(out, "directory " + dir + " does not exist");
        }
        try {
            Files.delete(Files.createTempFile(dir, ".backprop-check-", ".tmp"));
        } catch (IOException | UnsupportedOperationException e) {
            throw cannotWrite(out, "directory " + dir + " is not writable (" + (e instanceof AccessDeniedException
                    ? "permission denied" : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + ")");
        }
    }

    private static UserError cannotWrite(Named out, String why) {
        return new UserError(ExitCodes.IO, "cannot write " + out.option() + " " + out.path() + ": " + why);
    }
}
