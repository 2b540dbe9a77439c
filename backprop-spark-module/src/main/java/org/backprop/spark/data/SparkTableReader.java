package org.backprop.spark.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.backprop.io.DataException;
import org.backprop.io.csv.ColumnarCsvReader;
import org.backprop.io.csv.ColumnarReadOptions;
import org.backprop.io.csv.ColumnarTable;
import org.backprop.io.csv.CsvTable;

/**
 * Reads training data on the executors: a CSV file through Spark's text reader, each partition's
 * lines parsed by backprop's {@link ColumnarCsvReader} (the values are exactly those of
 * {@code backprop train}); Parquet (a {@code .parquet} file or a directory) or a table of the
 * session's catalog through Spark, each value turned into text that parses back to the same double.
 * Any location Spark reads ({@code file://}, {@code hdfs://}, {@code s3a://}, a plain local path).
 * Nothing is collected to the driver but the CSV header line.
 *
 * <p>A CSV file is split by lines, so a quoted cell holding a line break is refused (use Parquet).
 */
public final class SparkTableReader {
    private SparkTableReader() {
    }

    /** The data at {@code location}, read with {@code options}, one cached {@link TablePart} per partition. */
    public static SparkTable read(SparkSession spark, String location, ColumnarReadOptions options) {
        Kind kind = kind(spark, location);
        ReadSettings settings = ReadSettings.of(options);
        String source = location;
        JavaRDD<TablePart> parts;
        List<String> columns;
        if (kind == Kind.CSV) {
            JavaRDD<String> lines = spark.read().textFile(location).javaRDD();
            String header;
            try {
                header = lines.first();
            } catch (UnsupportedOperationException empty) {
                throw DataException.in(source).problem("the file is empty; expected a header line with column names");
            }
            columns = ColumnarCsvReader.header(source, (header + "\n").getBytes(StandardCharsets.UTF_8),
                    options.separator());
            parts = lines.mapPartitionsWithIndex((p, it) -> Collections.singletonList(
                    csvPart(p, it, header, source, settings)).iterator(), true);
        } else {
            Dataset<Row> data = kind == Kind.PARQUET ? spark.read().parquet(location) : spark.table(location);
            columns = List.of(data.columns());
            parts = data.javaRDD().mapPartitionsWithIndex((p, it) -> Collections.singletonList(
                    rowPart(p, it, columns, source, settings)).iterator(), true);
        }
        boolean csv = kind == Kind.CSV;
        return new SparkTable(source, columns, parts.persist(StorageLevel.MEMORY_AND_DISK()), csv ? 1 : 0,
                csv ? options.separator() : ',', csv ? options.decimal() : '.');
    }

    /**
     * Checks, before any work, that {@code location} is something {@link #read} can read (a file, a
     * directory or a catalog table).
     *
     * @throws java.io.UncheckedIOException naming the location if it is none of them
     */
    public static void requireReadable(SparkSession spark, String location) {
        kind(spark, location);
    }

    private enum Kind { CSV, PARQUET, TABLE }

    private static Kind kind(SparkSession spark, String location) {
        try {
            Path path = new Path(location);
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (fs.exists(path)) {
                return location.endsWith(".parquet") || fs.getFileStatus(path).isDirectory() ? Kind.PARQUET : Kind.CSV;
            }
        } catch (IOException | IllegalArgumentException e) {
            if (!isTableName(location)) {
                throw new java.io.UncheckedIOException(new IOException("cannot read " + location + ": "
                        + e.getMessage(), e));
            }
        }
        if (isTableName(location) && spark.catalog().tableExists(location)) {
            return Kind.TABLE;
        }
        throw new java.io.UncheckedIOException(new java.io.FileNotFoundException("cannot read " + location
                + ": no such file, directory or table"));
    }

    private static boolean isTableName(String location) {
        return location.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    }

    /** Partition {@code p}'s lines (partition 0 starts with the header) read as a CSV file with {@code header}. */
    static TablePart csvPart(int p, Iterator<String> lines, String header, String source, ReadSettings settings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] newline = {'\n'};
        bytes.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(newline);
        long count = 0;
        if (p == 0 && lines.hasNext()) {
            lines.next();
        }
        while (lines.hasNext()) {
            bytes.writeBytes(lines.next().getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(newline);
            count++;
        }
        if (count == 0) {
            return new TablePart(p, null, null);
        }
        try {
            ColumnarTable table = ColumnarCsvReader.parse(source, bytes.toByteArray(), settings.options());
            for (int r = 0; r < table.rowCount(); r++) {
                if (table.line(r) != r + 2) {
                    return new TablePart(p, null, DataException.in(source).line(r + 2).problem("a quoted cell "
                            + "holds a line break, which backprop-spark's line-split CSV reader cannot read; "
                            + "convert the file to Parquet"));
                }
            }
            return new TablePart(p, table, null);
        } catch (DataException e) {
            return new TablePart(p, null, e);
        }
    }

    /** Partition {@code p}'s rows as text cells, row r at local line r + 1. */
    static TablePart rowPart(int p, Iterator<Row> rows, List<String> columns, String source, ReadSettings settings) {
        List<String[]> cells = new ArrayList<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            String[] text = new String[row.length()];
            for (int j = 0; j < text.length; j++) {
                text[j] = text(row.get(j));
            }
            cells.add(text);
        }
        if (cells.isEmpty()) {
            return new TablePart(p, null, null);
        }
        try {
            // Spark writes a Parquet or table row's numbers with '.', whatever the CSV files' decimal mark
            return new TablePart(p, ColumnarTable.of(CsvTable.of(source, columns, cells),
                    settings.options().withDecimal('.')), null);
        } catch (DataException e) {
            return new TablePart(p, null, e);
        }
    }

    /** A value as text that backprop's number reader turns back into the same double; null: an empty cell. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            return Double.toString(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }
}
