package org.backprop.cli;

import java.io.FileDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import java.io.PrintWriter;
import java.util.List;

import org.backprop.io.AtomicFiles;
import org.backprop.io.csv.ColumnarCsvReader;
import org.backprop.io.csv.ColumnarReadOptions;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.preprocess.EncodeWarnings;
import org.backprop.io.preprocess.RowIdentifiers;
import org.backprop.io.table.LabeledRows;

import picocli.CommandLine;
import org.backprop.io.model.Model;
import org.backprop.io.model.ModelFile;
import org.backprop.network.NeuralNetwork;

/**
 * The commands' file access, with I/O failures turned into one-line {@link UserError}s (exit 5);
 * data errors ({@link org.backprop.io.DataException}, exit 3) and model format errors (exit 6)
 * pass through to {@link ErrorHandler}.
 */
final class CliFiles {
    private CliFiles() {
    }

    /**
     * Reads a model command's --data, as {@link #readColumns(Path, ColumnarReadOptions)}; an error that
     * names the separator or decimal flags gets {@code formatNote} appended (see
     * {@link CsvFormatOption#storedFormatNote}), if not null.
     */
    static ColumnarTable readColumns(Path file, ColumnarReadOptions options, String formatNote) {
        requireRegularFile(file, "cannot read ");
        try {
            return ColumnarCsvReader.read(file, options);
        } catch (IOException e) {
            throw ioError("cannot read " + file, e);
        } catch (org.backprop.io.DataException e) {
            String message = e.getMessage();
            if (!(message.contains("--separator") || message.contains("--decimal"))) {
                throw e;
            }
            String fixed = options.decimal() == ',' ? COMMA_SEPARATOR.matcher(message).replaceAll(
                    java.util.regex.Matcher.quoteReplacement(COMMA_SEPARATOR_POINT_DECIMAL)) : message;
            if (fixed.equals(message) && formatNote == null) {
                throw e;
            }
            throw new UserError(ExitCodes.DATA, fixed + (formatNote == null ? "" : " (" + formatNote + ")"), e);
        }
    }

    /**
     * Reads a CSV file in one streaming pass into columns. A hint to read the file with
     * {@code --separator ','} while {@code options} have a decimal comma becomes
     * {@code --separator ',' --decimal '.'}: commas cannot be both.
     */
    static ColumnarTable readColumns(Path file, ColumnarReadOptions options) {
        return readColumns(file, options, null);
    }

    /** {@code --separator ','} in a reader's hint, not followed by a --decimal flag already. */
    private static final java.util.regex.Pattern COMMA_SEPARATOR = java.util.regex.Pattern.compile(
            "--separator ','(?! --decimal)");
    private static final String COMMA_SEPARATOR_POINT_DECIMAL = "--separator ',' --decimal '.'";

    /**
     * True if the header of {@code file}, cells separated by {@code separator}, starts with an empty
     * name: the row names of R's {@code write.csv} and pandas' {@code to_csv}. Reads the first line
     * only, of a regular file only; a line that does not parse is not a header with row names (the
     * file's real reading reports it).
     */
    static boolean hasRowNames(Path file, char separator) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        String first;
        try (java.io.BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            first = reader.readLine();
        } catch (IOException e) {
            return false;
        }
        if (first == null) {
            return false;
        }
        try {
            List<String> names = ColumnarCsvReader.header(file.toString(), (first + "\n").getBytes(
                    StandardCharsets.UTF_8), separator);
            return RowIdentifiers.isRowNames(names.get(0));
        } catch (org.backprop.io.DataException e) {
            return false;
        }
    }

    /** Prints each encoding warning as {@code backprop: warning: FILE: …} on {@code err}. */
    static void warn(PrintWriter err, Path file, EncodeWarnings warnings) {
        for (String message : warnings.messages()) {
            err.println("backprop: warning: " + file + ": " + message);
        }
        err.flush();
    }

    /**
     * {@code model}'s network inputs and target in every row of {@code file}, with their lines;
     * warnings to stderr. The inputs are encoded from the table's input columns when they are read
     * (a batch at a time); the other columns' cells are released. With {@code dropMissingTarget}
     * the rows whose target is missing are left out, and a line on standard output counts them.
     */
    static LocatedRows labeledRows(CommandLine.Model.CommandSpec spec, Path file, CsvFormatOption format,
                                   Model model, boolean dropMissingTarget) {
        return labeledRows(spec, file, format, model, dropMissingTarget, false);
    }

    /**
     * As {@link #labeledRows(CommandLine.Model.CommandSpec, Path, CsvFormatOption, Model, boolean)}; with
     * {@code keepUnknownClasses} a class label the model does not know is kept as the row's label
     * ({@link UnknownClasses}) instead of being an error.
     */
    static LocatedRows labeledRows(CommandLine.Model.CommandSpec spec, Path file, CsvFormatOption format,
                                   Model model, boolean dropMissingTarget, boolean keepUnknownClasses) {
        return warnAboutEncoding(spec, file, read(spec, file, format, model, dropMissingTarget, keepUnknownClasses));
    }

    /**
     * As {@link #labeledRows(CommandLine.Model.CommandSpec, Path, CsvFormatOption, Model, boolean)} without
     * the encoding warnings, for a command that uses some of the rows only (inspect and gradcheck's
     * --rows): {@link #warnAboutEncoding} then warns about those.
     */
    static LocatedRows labeledRowsWithoutEncodingWarnings(CommandLine.Model.CommandSpec spec, Path file,
                                                          CsvFormatOption format, Model model,
                                                          boolean dropMissingTarget) {
        return read(spec, file, format, model, dropMissingTarget, false);
    }

    /** As {@link #labeledRows(CommandLine.Model.CommandSpec, Path, CsvFormatOption, Model, boolean)} for {@code file} read as {@code table}. */
    static LocatedRows labeledRows(CommandLine.Model.CommandSpec spec, Path file, ColumnarTable table, Model model,
                                   boolean dropMissingTarget) {
        return warnAboutEncoding(spec, file, read(spec, file, table, model, dropMissingTarget, false));
    }

    /**
     * Encodes {@code rows} of {@code file} once and prints what the encoding met without failing
     * (levels not seen in training, missing cells in a column that had none) as warnings; returns
     * {@code rows}.
     */
    static LocatedRows warnAboutEncoding(CommandLine.Model.CommandSpec spec, Path file, LocatedRows rows) {
        EncodeWarnings warnings = new EncodeWarnings();
        rows.rows().features().countWarnings(warnings);
        warn(spec.commandLine().getErr(), file, warnings);
        return rows;
    }

    private static LocatedRows read(CommandLine.Model.CommandSpec spec, Path file, CsvFormatOption format,
                                    Model model, boolean dropMissingTarget, boolean keepUnknownClasses) {
        ColumnarReadOptions stored = model.preprocessor().readOptions(List.of(model.target()));
        return read(spec, file, readColumns(file, format.apply(stored), format.storedFormatNote(stored)), model,
                dropMissingTarget, keepUnknownClasses);
    }

    /** The rows of {@code table}, not yet encoded (see {@link #warnAboutEncoding}). */
    private static LocatedRows read(CommandLine.Model.CommandSpec spec, Path file, ColumnarTable table,
                                    Model model, boolean dropMissingTarget, boolean keepUnknownClasses) {
        LabeledRows rows = LabeledRows.of(table, model, null, dropMissingTarget, keepUnknownClasses);
        int dropped = table.rowCount() - rows.size();
        if (dropped > 0) {
            spec.commandLine().getOut().println(file + ": dropped " + dropped + (dropped == 1 ? " row" : " rows")
                    + " with a missing target (--drop-missing-target)");
        }
        table.releaseCellsExcept(model.preprocessor().columns());
        return new LocatedRows(rows, RowOrigin.of(table, rows.features().tableRows()));
    }

    /** Loads and validates a model file. */
    static Model loadModel(Path file, int threads) {
        return readModelFile(file, f -> ModelFile.load(f, threads));
    }

    /**
     * The network of a file written by {@code ModelFile.save(Path, NeuralNetwork)}, or null if
     * {@code file} holds a whole model; problems as {@link #loadModel}.
     */
    static NeuralNetwork loadNetworkOnly(Path file) {
        return readModelFile(file, f -> ModelFile.holdsNetworkOnly(f) ? ModelFile.loadNetwork(f) : null);
    }

    /** What a model file read gives. */
    private interface ModelFileRead<T> {
        T read(Path file) throws IOException;
    }

    /** {@code read} on {@code file}, its problems as exit codes: an invalid file 6, a failed read 4. */
    private static <T> T readModelFile(Path file, ModelFileRead<T> read) {
        requireRegularFile(file, "cannot read model ");
        try {
            return read.read(file);
        } catch (org.backprop.io.model.ModelFormatException | org.backprop.io.safetensors.SafetensorsFormatException e) {
            throw new UserError(ExitCodes.MODEL, "invalid model file " + e.getMessage(), e);
        } catch (IOException e) {
            throw ioError("cannot read model " + file, e);
        }
    }

    /**
     * Flushes {@code stdout} before a model is saved to {@code target} (as messages name it); if a
     * write to it failed (a full disk, {@code /dev/full}, a closed pipe) that is exit 5 saying that no
     * model was written, so that no model is saved by a run whose output was lost.
     */
    static void checkOutputBeforeSaving(Object target, PrintWriter stdout) {
        try {
            StandardOutput.check(stdout);
        } catch (UserError e) {
            boolean pipe = e.getMessage().contains("Broken pipe");
            throw new UserError(e.exitCode(), e.getMessage() + "; no model was written to " + target + (pipe
                    ? " (the command reading the output, such as head, exited first: send the output to a file or "
                    + "through tee)" : ""), e);
        }
    }

    /** Saves a model atomically (see {@link #checkOutputBeforeSaving} for what comes first). */
    static void saveModel(Path file, Model model) {
        try {
            ModelFile.save(file, model);
        } catch (IOException e) {
            throw ioError("cannot write model " + file, e);
        }
    }

    /**
     * Writes UTF-8 text atomically: readers see the old file or the whole new one. A {@code file}
     * naming standard output ({@code /dev/stdout}) prints the text to {@code stdout} instead.
     */
    static void writeText(Path file, String text, PrintWriter stdout) {
        if (AtomicFiles.standardStream(file) == FileDescriptor.out) {
            stdout.print(text);
            StandardOutput.check(stdout);
            return;
        }
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)), stdout);
    }

    /**
     * Writes a file atomically with {@link AtomicFiles}; {@code stdout} is flushed first, so that a
     * {@code file} naming standard output follows what was printed before.
     */
    static void write(Path file, AtomicFiles.Content content, PrintWriter stdout) {
        stdout.flush();
        try {
            AtomicFiles.write(file, content);
        } catch (IOException e) {
            throw ioError("cannot write " + file, e);
        }
    }

    /**
     * Refuses a FIFO, device or directory as an input (reading a FIFO would block until someone
     * writes it); a missing file is reported by the reader.
     */
    private static void requireRegularFile(Path file, String what) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new UserError(ExitCodes.IO, what + file + ": not a regular file"
                    + (Files.isDirectory(file) ? " (a directory)" : " (a FIFO, device or socket)"));
        }
    }

    private static UserError ioError(String what, IOException e) {
        String why = e instanceof NoSuchFileException ? "no such file or directory"
                : e instanceof AccessDeniedException ? "permission denied"
                : e.getMessage();
        return new UserError(ExitCodes.IO, what + ": " + why, e);
    }
}
