package org.backprop.io.csv;

import java.util.List;
import java.util.Objects;
import org.backprop.io.DataException;
import org.backprop.io.DoubleTable;

/**
 * The text cells of a CSV file with a header row, as produced by {@link StrictCsvReader}: every row
 * has exactly one cell per column, and each row remembers the line it started on so that later
 * conversions ({@link #doubleColumns}, {@link #labelColumn}) can report errors by file, line and
 * column. Rows and columns are 0-based in this API; error messages use 1-based numbers.
 */
public final class CsvTable {
    private final String source;
    private final List<String> columnNames;
    private final List<String[]> rows;
    private final long[] lines;

    CsvTable(String source, List<String> columnNames, List<String[]> rows, long[] lines) {
        this.source = source;
        this.columnNames = List.copyOf(columnNames);
        this.rows = List.copyOf(rows);
        this.lines = lines.clone();
    }

    /**
     * A table of text cells from another source than a CSV file (e.g. a Parquet file read by Spark):
     * numbers must be written so that {@link StrictNumbers} reads them ({@link Double#toString} is),
     * and row r is reported as "line r + 1" in errors.
     *
     * @throws IllegalArgumentException if a row does not have one cell per column
     */
    public static CsvTable of(String source, List<String> columnNames, List<String[]> rows) {
        long[] lines = new long[rows.size()];
        for (int r = 0; r < lines.length; r++) {
            if (rows.get(r).length != columnNames.size()) {
                throw new IllegalArgumentException("row " + r + " has " + rows.get(r).length + " cells for "
                        + columnNames.size() + " columns");
            }
            lines[r] = r + 1L;
        }
        return new CsvTable(source, columnNames, rows, lines);
    }

    /** The file name used in error messages. */
    public String source() {
        return source;
    }

    /** Header names (trimmed of surrounding whitespace), in file order; unique and non-empty. */
    public List<String> columnNames() {
        return columnNames;
    }

    /** Number of data rows (the header is not counted). */
    public int rowCount() {
        return rows.size();
    }

    /** The raw text of a cell, exactly as in the file after CSV unquoting. */
    public String cell(int row, int column) {
        return rows.get(row)[Objects.checkIndex(column, columnNames.size())];
    }

    /** The 1-based line on which data row {@code row} starts. */
    public long line(int row) {
        Objects.checkIndex(row, lines.length);
        return lines[row];
    }

    /**
     * Index of the column called {@code name}.
     *
     * @throws DataException if there is no such column; the message lists the available ones
     */
    public int columnIndex(String name) {
        return ColumnSelection.requireColumn(source, columnNames, name);
    }

    /** The named column parsed with {@link StrictNumbers}; errors name file, line and column. */
    public double[] doubleColumn(String name) {
        int c = columnIndex(name);
        double[] out = new double[rows.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = number(r, c);
        }
        return out;
    }

    /** The named columns, in the given order, parsed with {@link StrictNumbers} into a row-major table. */
    public DoubleTable doubleColumns(List<String> names) {
        int[] indices = names.stream().mapToInt(this::columnIndex).toArray();
        double[] data = new double[rows.size() * indices.length];
        for (int r = 0; r < rows.size(); r++) {
            for (int j = 0; j < indices.length; j++) {
                data[r * indices.length + j] = number(r, indices[j]);
            }
        }
        return new DoubleTable(data, rows.size(), indices.length, names);
    }

    /**
     * The named column as class labels, trimmed of surrounding whitespace.
     *
     * @throws DataException on an empty (or whitespace-only) label
     */
    public String[] labelColumn(String name) {
        int c = columnIndex(name);
        String[] out = new String[rows.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = cell(r, c).trim();
            if (out[r].isEmpty()) {
                throw at(r, c).problem("missing value (empty cell)");
            }
        }
        return out;
    }

    private double number(int r, int c) {
        try {
            return StrictNumbers.parse(cell(r, c));
        } catch (NumberFormatException e) {
            throw at(r, c).problem(e.getMessage());
        }
    }

    private DataException.Builder at(int r, int c) {
        return DataException.in(source).line(lines[r]).column(c + 1, columnNames.get(c)).text(cell(r, c));
    }
}
