package org.backprop.io.csv;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.backprop.io.DataException;

/**
 * Reads a CSV file in one streaming pass into a {@link ColumnarTable} (the columns filled on a
 * second thread while the rows are read and checked, see {@link ColumnFiller}): numbers straight into
 * {@code double} chunks and text into dictionary codes, with no {@code String} or other object kept
 * per cell. Memory: 8 bytes per numeric cell (12 while a column of few distinct values also keeps
 * its text codes, 4 per text cell) plus one string per distinct text and a 64 KiB buffer; the
 * file's size does not matter (files over 2 GiB are fine). The checks and messages are
 * {@link StrictCsvReader}'s (same scanner and row checks).
 */
public final class ColumnarCsvReader {
    /** The problem of a file with a header and no data rows (a {@link DataException} on line 1). */
    public static final String NO_DATA_ROWS = "has a header but no data rows";

    private ColumnarCsvReader() {
    }

    /** Reads {@code file}; messages name it as {@code file.toString()}. */
    public static ColumnarTable read(Path file, ColumnarReadOptions options) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(file.toString(), in, options);
        }
    }

    /** Parses {@code content}; {@code source} is the name used in messages. */
    public static ColumnarTable parse(String source, byte[] content, ColumnarReadOptions options) {
        try {
            return read(source, new ByteArrayInputStream(content), options);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
    }

    /**
     * The column names of the header line {@code text} (a file's first line, as bytes), checked as
     * every header is; no data row is needed.
     *
     * @throws DataException for a header that is not one
     */
    public static List<String> header(String source, byte[] text, char separator) {
        List<String> names = new ArrayList<>();
        try {
            CsvRows.read(source, new ByteArrayInputStream(text), separator, new CsvRows.Consumer() {
                @Override
                public void header(List<String> header) {
                    names.addAll(header);
                }

                @Override
                public void row(int index, RawRecord record) {
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        } catch (DataException e) {
            if (names.isEmpty() || !NO_DATA_ROWS.equals(e.getProblem())) {
                throw e;
            }
        }
        return names;
    }

    /** Reads a stream to its end (not closed). */
    public static ColumnarTable read(String source, InputStream in, ColumnarReadOptions options) throws IOException {
        List<String> names = new ArrayList<>();
        Column[][] columns = new Column[1][];
        ColumnFiller[] filler = new ColumnFiller[1];
        LineIndex lines = new LineIndex();
        int[] rows = new int[1];
        try {
            CsvRows.read(source, in, options.separator(), new CsvRows.Consumer() {
                @Override
                public void header(List<String> header) {
                    names.addAll(header);
                    columns[0] = columns(source, header, options);
                    filler[0] = new ColumnFiller(columns[0], options.missing(), lines);
                }

                @Override
                public void row(int index, RawRecord record) {
                    filler[0].row(index, record);
                    rows[0] = index + 1;
                }
            });
            filler[0].finish();
        } finally {
            if (filler[0] != null) {
                filler[0].close();
            }
        }
        return new ColumnarTable(source, names, columns[0], rows[0], lines, options);
    }

    /**
     * One empty column per kept name (null for the others); unknown names are data errors naming the
     * first in alphabetical order (the kept set has no order) and counting and listing the others (a
     * file for a model that lacks several of its columns says so at once).
     */
    static Column[] columns(String source, List<String> header, ColumnarReadOptions options) {
        if (options.columns() != null) {
            Set<String> inHeader = new HashSet<>(header);
            List<String> absent = options.columns().stream().filter(name -> !inHeader.contains(name)).sorted().toList();
            if (!absent.isEmpty()) {
                throw ColumnarTable.noColumn(source, absent, header);
            }
        }
        Column[] columns = new Column[header.size()];
        for (int c = 0; c < columns.length; c++) {
            String name = header.get(c);
            if (options.columns() == null || options.columns().contains(name)) {
                columns[c] = new Column(name, c, options.textColumns().contains(name), options.decimal());
            }
        }
        return columns;
    }
}
