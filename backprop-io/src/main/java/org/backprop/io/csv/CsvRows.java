package org.backprop.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backprop.io.DataException;

/**
 * The checks every CSV file gets, on top of {@link CsvScanner}'s records: a header row of
 * non-empty, unique names (trimmed), except that the first of several may be empty (the row names
 * of R's {@code write.csv} and pandas' {@code to_csv}: header {@code "",a,b}; the column is called
 * {@code ""}); exactly as many cells in every row as in the header; blank
 * lines only at the end; a single-column file whose header or first row holds another of the
 * separators ({@code , ; tab |}) is refused as written with that separator; no data row of a
 * file of several columns that repeats the header (two files concatenated); at least one data row.
 */
final class CsvRows implements CsvScanner.Sink {
    /** Receives the header, then each data row with its 0-based index. */
    interface Consumer {
        void header(List<String> names);

        void row(int index, RawRecord record);
    }

    private final String source;
    private final char separator;
    private final Consumer consumer;
    private List<String> header;
    /** The header names in UTF-8, to find a data row that repeats them. */
    private byte[][] headerBytes;
    private int rows;
    private long pendingBlankLine;

    private CsvRows(String source, char separator, Consumer consumer) {
        this.source = source;
        this.separator = separator;
        this.consumer = consumer;
    }

    /**
     * Reads {@code in}, cells separated by {@code separator} (see {@link ColumnarReadOptions#SEPARATORS}),
     * to its end; every problem is a {@link DataException} naming file and line.
     */
    static void read(String source, InputStream in, char separator, Consumer consumer) throws IOException {
        CsvRows rows = new CsvRows(source, separator, consumer);
        CsvScanner.scan(source, in, separator, rows);
        rows.finish();
    }

    @Override
    public void record(RawRecord record) {
        if (record.isBlank() && !record.unterminated()) {
            pendingBlankLine = pendingBlankLine == 0 ? record.line() : pendingBlankLine;
            return;
        }
        if (pendingBlankLine > 0) {
            throw DataException.in(source).line(pendingBlankLine)
                    .problem("blank line before the end of the data; remove it");
        }
        if (header == null) {
            header = header(record);
            headerBytes = header.stream().map(n -> n.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .toArray(byte[][]::new);
            requireTerminated(record);
            if (header.size() == 1) {  // before the consumer looks for its columns in a header of one name
                SeparatorCheck.requireSeparatedBy(separator, source, 1, header.get(0), header.get(0));
            }
            consumer.header(header);
            return;
        }
        requireWidth(record);
        requireTerminated(record);
        if (repeatsHeader(record)) {
            throw DataException.in(source).line(record.line())
                    .problem("repeats the header (files concatenated?): remove it");
        }
        if (rows == 0 && header.size() == 1) {
            SeparatorCheck.requireSeparatedBy(separator, source, record.line(), header.get(0), record.text(0));
        }
        if (rows == Integer.MAX_VALUE) {
            throw DataException.in(source).line(record.line()).problem("more than " + Integer.MAX_VALUE + " data rows");
        }
        consumer.row(rows++, record);
    }

    /**
     * True if {@code record} (as wide as the header) holds the header's names again, each cell
     * trimmed as the names are; a file of one column never does (its values may be its name).
     */
    private boolean repeatsHeader(RawRecord record) {
        if (headerBytes.length < 2) {
            return false;
        }
        byte[] bytes = record.bytes();
        for (int c = 0; c < headerBytes.length; c++) {
            int from = record.start(c);
            int to = record.end(c);
            while (from < to && (bytes[from] & 0xff) <= ' ') {
                from++;
            }
            while (to > from && (bytes[to - 1] & 0xff) <= ' ') {
                to--;
            }
            if (!java.util.Arrays.equals(bytes, from, to, headerBytes[c], 0, headerBytes[c].length)) {
                return false;
            }
        }
        return true;
    }

    private void finish() {
        if (header == null) {
            throw DataException.in(source).problem("the file is empty; expected a header line with column names");
        }
        if (rows == 0) {
            throw DataException.in(source).line(1).problem(ColumnarCsvReader.NO_DATA_ROWS);
        }
    }

    private List<String> header(RawRecord record) {
        String first = record.cellCount() == 0 ? "" : record.text(0).strip();
        if (record.cellCount() <= 2 && first.regionMatches(true, 0, "sep=", 0, 4) && first.length() <= 5) {
            throw DataException.in(source).line(record.line()).column(1, first).text(first)
                    .problem("the first line is Excel's separator hint, not a header; remove the line (and read a "
                            + "file separated by another character than ',' with --separator)");
        }
        List<String> names = new ArrayList<>();
        Map<String, Integer> firstColumn = new HashMap<>();
        for (int c = 0; c < record.cellCount(); c++) {
            String raw = record.text(c);
            String name = HeaderName.of(raw);
            DataException.Builder at = DataException.in(source).line(record.line()).column(c + 1, name);
            if (name.isEmpty() && !(c == 0 && record.cellCount() > 1)) { // a nameless first column: row names
                throw at.text(raw).problem("empty column name in the header" + (c == record.cellCount() - 1 && c > 0
                        ? "; a separator at the end of the header line makes an empty last column: remove the "
                        + "trailing separators (or name the column)" : "; name the column"));
            }
            Integer previous = firstColumn.putIfAbsent(name, c + 1);
            if (previous != null) {
                throw at.problem("duplicate column name; column " + previous + " has the same name");
            }
            names.add(name);
        }
        return names;
    }

    private void requireWidth(RawRecord record) {
        if (record.cellCount() == header.size()) {
            return;
        }
        String hint = record.spansLines() || record.unterminated()
                ? " (a quoted cell spans several lines: is a closing quote missing?)"
                : header.size() == 1 && header.get(0).startsWith("#")
                ? " (the first line, \"" + abbreviate(header.get(0)) + "\", looks like a comment: the header of column "
                + "names must be the first line; remove the comment lines above it)" : "";
        throw DataException.in(source).line(record.line())
                .problem("expected " + header.size() + " cells as in the header, found " + record.cellCount() + hint);
    }

    /** {@code text}, or its first 40 characters and an ellipsis. */
    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private void requireTerminated(RawRecord record) {
        if (record.unterminated()) {
            throw DataException.in(source).line(record.line())
                    .problem("malformed CSV: a quoted cell starting on this line runs to the end of the file "
                            + "(closing quote missing)");
        }
    }
}
