package org.backprop.spark;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.IntegralType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.backprop.io.preprocess.LabelEncoder;

/**
 * A class label column (strings or integers): its classes, found by one distributed
 * {@code distinct} pass and ordered on the driver by {@link LabelEncoder} (integers by value, other
 * labels by text), and the one-hot target columns the network trains on.
 */
final class LabelColumn {
    private static final String ONE_HOT = "__backprop_class_";

    private LabelColumn() {
    }

    /** Refuses a missing label column or one that is neither string nor integral. */
    static void checkSchema(StructType schema, String label) {
        if (!List.of(schema.fieldNames()).contains(label)) {
            throw new IllegalArgumentException("no column '" + label + "'; the columns are " + List.of(schema.fieldNames()));
        }
        DataType type = schema.apply(label).dataType();
        if (!(type instanceof StringType) && !(type instanceof IntegralType)) {
            throw new IllegalArgumentException("label column '" + label + "' must hold strings or integers, but it is "
                    + type.simpleString());
        }
    }

    /** True if the label column holds integers (predictions are then longs). */
    static boolean isIntegral(StructType schema, String label) {
        return schema.apply(label).dataType() instanceof IntegralType;
    }

    /**
     * The classes of {@code label} in {@code data}.
     *
     * @throws IllegalArgumentException for a null label or fewer than 2 classes
     */
    static LabelEncoder fit(Dataset<Row> data, String label) {
        List<Row> distinct = data.select(data.col(label).cast("string")).distinct().collectAsList();
        String[] labels = new String[distinct.size()];
        for (int i = 0; i < labels.length; i++) {
            if (distinct.get(i).isNullAt(0)) {
                throw new IllegalArgumentException("label column '" + label + "' has null values");
            }
            labels[i] = distinct.get(i).getString(0);
        }
        LabelEncoder classes = LabelEncoder.fit(labels);
        if (classes.classCount() < 2) {
            throw new IllegalArgumentException("classification needs at least 2 classes, column '" + label
                    + "' has only " + classes.classes());
        }
        return classes;
    }

    /** The names of the one-hot columns {@link #withOneHot} adds. */
    static List<String> oneHotNames(int classes) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add(ONE_HOT + c);
        }
        return names;
    }

    /** {@code data} plus one 0/1 column per class (1 where the label is that class). */
    static Dataset<Row> withOneHot(Dataset<Row> data, String label, LabelEncoder classes) {
        Column text = data.col(label).cast("string");
        List<String> names = oneHotNames(classes.classCount());
        Dataset<Row> out = data;
        for (int c = 0; c < names.size(); c++) {
            out = out.withColumn(names.get(c), functions.when(text.equalTo(classes.decode(c)), 1.0).otherwise(0.0));
        }
        return out;
    }
}
