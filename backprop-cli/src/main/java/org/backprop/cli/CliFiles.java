package org.backprop.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.backprop.io.AtomicFiles;
import org.backprop.io.csv.CsvTable;
import org.backprop.io.csv.StrictCsvReader;
import org.backprop.io.model.Model;
import org.backprop.io.model.ModelFile;

/**
 * The commands' file access, with I/O failures turned into one-line {@link UserError}s (exit 5);
 * data errors ({@link org.backprop.io.DataException}, exit 3) and model format errors (exit 6)
 * pass through to {@link ErrorHandler}.
 */
final class CliFiles {
    private CliFiles() {
    }

    /** Reads a CSV file with a header row. */
    static CsvTable readCsv(Path file) {
        try {
            return StrictCsvReader.read(file);
        } catch (IOException e) {
            throw ioError("cannot read " + file, e);
        }
    }

    /** Loads and validates a model file. */
    static Model loadModel(Path file, int threads) {
        try {
            return ModelFile.load(file, threads);
        } catch (org.backprop.io.model.ModelFormatException | org.backprop.io.safetensors.SafetensorsFormatException e) {
            throw new UserError(ExitCodes.MODEL, "invalid model file " + e.getMessage(), e);
        } catch (IOException e) {
            throw ioError("cannot read model " + file, e);
        }
    }

    /** Saves a model atomically. */
    static void saveModel(Path file, Model model) {
        try {
            ModelFile.save(file, model);
        } catch (IOException e) {
            throw ioError("cannot write model " + file, e);
        }
    }

    /** Writes UTF-8 text atomically: readers see the old file or the whole new one. */
    static void writeText(Path file, String text) {
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes a file atomically with {@link AtomicFiles}. */
    static void write(Path file, AtomicFiles.Content content) {
        try {
            AtomicFiles.write(file, content);
        } catch (IOException e) {
            throw ioError("cannot write " + file, e);
        }
    }

    private static UserError ioError(String what, IOException e) {
        String why = e instanceof NoSuchFileException ? "no such file or directory"
                : e instanceof AccessDeniedException ? "permission denied"
                : e.getMessage();
        return new UserError(ExitCodes.IO, what + ": " + why, e);
    }
}
