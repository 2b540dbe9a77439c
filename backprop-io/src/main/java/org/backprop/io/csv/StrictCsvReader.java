package org.backprop.io.csv;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backprop.io.DataException;

/**
 * Reads a comma-separated file with a header row into a {@link CsvTable}, refusing anything doubtful.
 *
 * <p>Conventions: RFC 4180 quoting (via FastCSV); UTF-8 with or without a byte order mark (invalid
 * UTF-8 is an error naming line and byte offset); LF, CRLF or CR line ends; the last line may lack a
 * line end. Header names are trimmed and must be non-empty and unique. Every row must have exactly
 * as many cells as the header. Blank lines at the end are ignored; a blank line anywhere else is an
 * error. A single-column file whose header or first row contains {@code ;}, tab or {@code |} is refused
 * as probably using another separator. All content problems throw {@link DataException}.
 *
 * <p>The whole file is read into memory.
 */
public final class StrictCsvReader {
    private static final Pattern LINE_IN_MESSAGE = Pattern.compile("line (\\d+)");

    private StrictCsvReader() {
    }

    /** Reads {@code file}; error messages name it as {@code file.toString()}. */
    public static CsvTable read(Path file) throws IOException {
        return parse(file.toString(), Files.readAllBytes(file));
    }

    /** Parses {@code content}; {@code source} is the name used in error messages. */
    public static CsvTable parse(String source, byte[] content) {
        List<CsvRecord> records = withoutTrailingBlankLines(records(source, StrictUtf8.decode(source, content)));
        if (records.isEmpty()) {
            throw DataException.in(source).problem("the file is empty; expected a header line with column names");
        }
        rejectBlankLines(source, records);
        List<String> header = header(source, records.get(0));
        if (records.size() == 1) {
            throw DataException.in(source).line(1).problem("has a header but no data rows");
        }
        if (header.size() == 1) {
            SeparatorCheck.requireCommaSeparated(source, 1, header.get(0), header.get(0));
            CsvRecord first = records.get(1);
            SeparatorCheck.requireCommaSeparated(source, first.getStartingLineNumber(), header.get(0), first.getField(0));
        }
        return table(source, header, records.subList(1, records.size()));
    }

    private static List<CsvRecord> records(String source, String text) {
        List<CsvRecord> records = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .skipEmptyLines(false).allowExtraFields(true).allowMissingFields(true).ofCsvRecord(text)) {
            reader.forEach(records::add);
        } catch (CsvParseException e) {
            throw malformed(source, e);
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string cannot fail", e);
        }
        return records;
    }

    private static DataException malformed(String source, CsvParseException e) {
        Matcher m = LINE_IN_MESSAGE.matcher(String.valueOf(e.getMessage()));
        long line = m.find() ? Long.parseLong(m.group(1)) : 0;
        String detail = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        return DataException.in(source).line(line).problem("malformed CSV: " + detail, e);
    }

    private static boolean isBlank(CsvRecord record) {
        return record.getFieldCount() == 1 && record.getField(0).isBlank();
    }

    private static List<CsvRecord> withoutTrailingBlankLines(List<CsvRecord> records) {
        int end = records.size();
        while (end > 0 && isBlank(records.get(end - 1))) {
            end--;
        }
        return records.subList(0, end);
    }

    private static void rejectBlankLines(String source, List<CsvRecord> records) {
        for (CsvRecord record : records) {
            if (isBlank(record)) {
                throw DataException.in(source).line(record.getStartingLineNumber())
                        .problem("blank line before the end of the data; remove it");
            }
        }
    }

    private static List<String> header(String source, CsvRecord record) {
        List<String> names = new ArrayList<>();
        Map<String, Integer> firstColumn = new HashMap<>();
        for (int c = 0; c < record.getFieldCount(); c++) {
            String name = record.getField(c).trim();
            DataException.Builder at = DataException.in(source).line(1).column(c + 1, name);
            if (name.isEmpty()) {
                throw at.text(record.getField(c)).problem("empty column name in the header");
            }
            Integer previous = firstColumn.putIfAbsent(name, c + 1);
            if (previous != null) {
                throw at.problem("duplicate column name; column " + previous + " has the same name");
            }
            names.add(name);
        }
        return names;
    }

    private static CsvTable table(String source, List<String> header, List<CsvRecord> dataRecords) {
        List<String[]> rows = new ArrayList<>(dataRecords.size());
        long[] lines = new long[dataRecords.size()];
        for (CsvRecord record : dataRecords) {
            requireWidth(source, header.size(), record);
            lines[rows.size()] = record.getStartingLineNumber();
            rows.add(record.getFields().toArray(String[]::new));
        }
        return new CsvTable(source, header, rows, lines);
    }

    private static void requireWidth(String source, int expected, CsvRecord record) {
        int actual = record.getFieldCount();
        if (actual == expected) {
            return;
        }
        boolean spansLines = record.getFields().stream().anyMatch(f -> f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0);
        String hint = spansLines ? " (a quoted cell spans several lines: is a closing quote missing?)" : "";
        throw DataException.in(source).line(record.getStartingLineNumber())
                .problem("expected " + expected + " cells as in the header, found " + actual + hint);
    }
}
