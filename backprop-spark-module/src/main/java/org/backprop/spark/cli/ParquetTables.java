package org.backprop.spark.cli;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.backprop.cli.ExitCodes;
import org.backprop.cli.UserError;
import org.backprop.io.csv.CsvTable;

/**
 * Reads a Parquet file or directory through Spark into the table that {@code backprop train}
 * reads from CSV, on the driver. Numbers become text that parses back to the same double
 * ({@link Double#toString}); a null cell becomes an empty cell, which the table reports as missing.
 */
final class ParquetTables {
    private ParquetTables() {
    }

    /** True for a {@code .parquet} file or a directory (Spark's output layout). */
    static boolean isParquet(Path file) {
        return file.toString().endsWith(".parquet") || Files.isDirectory(file);
    }

    /** All rows of the Parquet data at {@code file}, in Spark's read order. */
    static CsvTable read(SparkSession spark, Path file) {
        if (!Files.exists(file)) {
            throw new UserError(ExitCodes.IO, "cannot read " + file + ": no such file or directory");
        }
        Dataset<Row> data = spark.read().parquet(file.toString());
        List<String[]> rows = new ArrayList<>();
        for (Row row : data.collectAsList()) {
            String[] cells = new String[row.length()];
            for (int j = 0; j < cells.length; j++) {
                cells[j] = text(row.get(j));
            }
            rows.add(cells);
        }
        return CsvTable.of(file.toString(), List.of(data.columns()), rows);
    }

    private static String text(Object value) {
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
