package org.backprop.io.csv;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a comma-separated file with a header row into a {@link CsvTable} of text cells, refusing
 * anything doubtful.
 *
 * <p>Conventions: RFC 4180 quoting; UTF-8 with or without a byte order mark (invalid UTF-8 is an
 * error naming line and byte offset); LF, CRLF or CR line ends; the last line may lack a line end.
 * Header names are trimmed and must be non-empty and unique. Every row must have exactly as many
 * cells as the header. Blank lines at the end are ignored; a blank line anywhere else is an error.
 * A single-column file whose header or first row contains {@code ;}, tab or {@code |} is refused as
 * probably using another separator. All content problems throw {@link org.backprop.io.DataException}.
 *
 * <p>The whole table is kept as one {@code String} per cell: fine for small files and tests. To
 * train on large files use {@link ColumnarCsvReader}, which applies the same checks in one
 * streaming pass and keeps no object per cell.
 */
public final class StrictCsvReader {
    private StrictCsvReader() {
    }

    /** Reads {@code file}; error messages name it as {@code file.toString()}. */
    public static CsvTable read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(file.toString(), in);
        }
    }

    /** Parses {@code content}; {@code source} is the name used in error messages. */
    public static CsvTable parse(String source, byte[] content) {
        try {
            return read(source, new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
    }

    private static CsvTable read(String source, InputStream in) throws IOException {
        List<String> header = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        CsvRows.read(source, in, ',', new CsvRows.Consumer() {
            @Override
            public void header(List<String> names) {
                header.addAll(names);
            }

            @Override
            public void row(int index, RawRecord record) {
                String[] cells = new String[record.cellCount()];
                for (int c = 0; c < cells.length; c++) {
                    cells[c] = record.text(c);
                }
                rows.add(cells);
                lines.add(record.line());
            }
        });
        return new CsvTable(source, header, rows, lines.stream().mapToLong(Long::longValue).toArray());
    }
}
