package org.backprop.spark.data;

import java.util.List;

import org.apache.spark.api.java.JavaRDD;

/**
 * An input table read on the executors ({@link SparkTableReader}): its name for messages, its
 * column names, and one cached {@link TablePart} per Spark partition.
 *
 * @param source  the location as given, used in error messages
 * @param columns the header names, in file order
 * @param parts   one part per partition, persisted in executor memory
 * @param headerLines 1 for a CSV file (data row r is on line r + 2), 0 for Parquet or a table (row r is "line" r + 1)
 * @param separator the CSV file's cell separator (a comma for Parquet or a table)
 * @param decimal   the CSV file's decimal mark (a point for Parquet or a table)
 */
public record SparkTable(String source, List<String> columns, JavaRDD<TablePart> parts, int headerLines,
                         char separator, char decimal) implements AutoCloseable {

    /** Drops the cached parts. */
    @Override
    public void close() {
        parts.unpersist(false);
    }
}
