package org.backprop.io.csv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backprop.io.DataException;

/**
 * A table read column by column into primitive storage (see {@link Column}); rows are 0-based,
 * lines (for messages) 1-based. Columns not asked for when reading are absent. Serializable, so
 * that Spark can keep a partition's table on an executor's disk when memory is short.
 */
public final class ColumnarTable implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final List<String> columnNames;
    /** The position of each name in {@link #columnNames} (the first, were a name repeated). */
    private final Map<String, Integer> positions;
    private final Column[] columns;
    private final int rows;
    private final LineIndex lines;
    private final char separator;
    private final char decimal;

    ColumnarTable(String source, List<String> columnNames, Column[] columns, int rows, LineIndex lines,
                  ColumnarReadOptions format) {
        this.source = source;
        this.columnNames = List.copyOf(columnNames);
        this.positions = positionsOf(this.columnNames);
        this.columns = columns;
        this.rows = rows;
        this.lines = lines;
        this.separator = format.separator();
        this.decimal = format.decimal();
        for (Column column : columns) {
            if (column != null) {
                column.settleNumberTokens(format.missing());
            }
        }
    }

    /** Each name's first position in {@code names}: a table of thousands of columns finds one at once. */
    private static Map<String, Integer> positionsOf(List<String> names) {
        Map<String, Integer> positions = new HashMap<>(2 * names.size());
        for (int i = 0; i < names.size(); i++) {
            positions.putIfAbsent(names.get(i), i);
        }
        return positions;
    }

    /**
     * The cells of a {@link CsvTable} (e.g. a Parquet file read as text) stored like a CSV file read
     * with {@code options}.
     */
    public static ColumnarTable of(CsvTable table, ColumnarReadOptions options) {
        Column[] columns = ColumnarCsvReader.columns(table.source(), table.columnNames(), options);
        LineIndex lines = new LineIndex();
        for (int r = 0; r < table.rowCount(); r++) {
            lines.add(r, table.line(r));
            for (Column column : columns) {
                if (column != null) {
                    byte[] bytes = table.cell(r, column.position()).getBytes(StandardCharsets.UTF_8);
                    column.add(bytes, 0, bytes.length, options.missing());
                }
            }
        }
        return new ColumnarTable(table.source(), table.columnNames(), columns, table.rowCount(), lines, options);
    }

    /** The file name used in messages. */
    public String source() {
        return source;
    }

    /** Every header name, in file order (also those of columns not kept). */
    public List<String> columnNames() {
        return columnNames;
    }

    /** The cell separator the table was read with (see {@link ColumnarReadOptions#separator()}). */
    public char separator() {
        return separator;
    }

    /** The decimal mark the table's numbers were read with (see {@link ColumnarReadOptions#decimal()}). */
    public char decimal() {
        return decimal;
    }

    /** Number of data rows. */
    public int rowCount() {
        return rows;
    }

    /** The 1-based line on which row {@code row} starts. */
    public long line(int row) {
        return lines.line(java.util.Objects.checkIndex(row, rows));
    }

    /** True if the file has a column called {@code name}. */
    public boolean hasColumn(String name) {
        return positions.containsKey(name);
    }

    /** The column called {@code name} if the file has it and it was kept when reading, else null. */
    public Column kept(String name) {
        Integer index = positions.get(name);
        return index == null ? null : columns[index];
    }

    /**
     * The column called {@code name}.
     *
     * @throws DataException            if the file has no such column (the message lists the columns)
     * @throws IllegalArgumentException if the column was not kept when reading
     */
    public Column column(String name) {
        Integer index = positions.get(name);
        if (index == null) {
            throw noColumn(source, name, columnNames);
        }
        if (columns[index] == null) {
            throw new IllegalArgumentException("column \"" + name + "\" was not kept when reading " + source);
        }
        return columns[index];
    }

    /** The columns kept, in file order. */
    public List<Column> columns() {
        List<Column> kept = new ArrayList<>();
        for (Column c : columns) {
            if (c != null) {
                kept.add(c);
            }
        }
        return kept;
    }

    /** Bytes the kept columns' cells hold (the sum of {@link Column#storedBytes()}). */
    public long storedBytes() {
        long bytes = 0;
        for (Column c : columns) {
            bytes += c == null ? 0 : c.storedBytes();
        }
        return bytes;
    }

    /**
     * Drops every column's cells (numbers and text codes) once they have been turned into something
     * else, e.g. the network's inputs; names, counts and row lines stay. Reading a cell afterwards
     * is an {@link IllegalStateException}.
     */
    public void releaseCells() {
        for (Column c : columns) {
            if (c != null) {
                c.releaseCells();
            }
        }
    }

    /**
     * As {@link #releaseCells()} for every column but those named in {@code keep} (e.g. the columns a
     * preprocessing still encodes from).
     */
    public void releaseCellsExcept(java.util.Collection<String> keep) {
        Set<String> kept = new HashSet<>(keep);
        for (Column c : columns) {
            if (c != null && !kept.contains(c.name())) {
                c.releaseCells();
            }
        }
    }

    /** The location of a cell, to build a {@link DataException}. */
    public DataException.Builder at(int row, Column column) {
        return DataException.in(source).line(line(row)).column(column.position() + 1, column.name());
    }

    /**
     * The column as numbers, every cell required: e.g. a weight column.
     *
     * @throws DataException naming the first missing or non-number cell and how many there are
     */
    public double[] requireNumbers(String name) {
        Column c = column(name);
        if (!c.hasNumbers()) {
            throw new IllegalArgumentException("column \"" + name + "\" was read as text only");
        }
        if (c.nonNumberCount() > 0) {
            throw at(c.firstNonNumberRow(), c).text(c.firstNonNumberText()).problem(
                    whyNotNumber(c.firstNonNumberText()) + count(c.nonNumberCount() + c.missingCount(), "bad cell"));
        }
        if (c.missingCount() > 0) {
            throw at(c.firstMissingRow(), c).problem("missing value" + count(c.missingCount(), "missing cell"));
        }
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = c.number(r);
        }
        return out;
    }

    /** Why {@code text} is not a number, as {@link StrictNumbers} says it. */
    public static String whyNotNumber(String text) {
        try {
            StrictNumbers.parse(text);
            return "not a number";
        } catch (NumberFormatException e) {
            return e.getMessage();
        }
    }

    /** {@code " (N <what>s in the column)"}, or empty for one. */
    public static String count(int n, String what) {
        return n <= 1 ? "" : " (" + n + " " + what + "s in this column)";
    }

    /**
     * The error for columns {@code absent} (at least one) missing from header {@code names}: the
     * first in {@code absent} named (with a guess at the name meant), the others counted and listed.
     */
    static DataException noColumn(String source, List<String> absent, List<String> names) {
        DataException first = noColumn(source, absent.get(0), names);
        if (absent.size() == 1) {
            return first;
        }
        List<String> others = absent.subList(1, absent.size());
        String more = "; " + others.size() + " more column" + (others.size() == 1 ? " is" : "s are") + " missing too: \""
                + String.join("\", \"", others) + "\"";
        String guess = ClosestName.among(absent.get(0), names).map(n -> " (did you mean \"" + n + "\"?)").orElse("");
        return DataException.in(source).line(1).column(0, absent.get(0))
                .problem("no column named \"" + absent.get(0) + "\"" + guess + more + "; available columns: " + names);
    }

    static DataException noColumn(String source, String name, List<String> names) {
        String guess = ClosestName.among(name, names).map(n -> " (did you mean \"" + n + "\"?)").orElse("");
        return DataException.in(source).line(1).column(0, name)
                .problem("no column named \"" + name + "\"" + guess + "; available columns: " + names);
    }
}
