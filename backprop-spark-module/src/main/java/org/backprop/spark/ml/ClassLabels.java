package org.backprop.spark.ml;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.backprop.io.preprocess.LabelEncoder;

/**
 * The classes of a label column, as Spark MLlib's classifiers read them, and the one-hot columns
 * the network trains on.
 *
 * <ul>
 *   <li>A numeric column holds class indices 0, 1, …, K−1 (a {@code StringIndexer}'s output, or
 *       integers); other values are refused. K is one more than the largest index, or the number of
 *       values in the column's nominal attribute metadata if that is larger, and the class labels are
 *       those metadata values (a {@code StringIndexer} keeps the original labels there), else "0", "1"….</li>
 *   <li>A string column holds the labels themselves, ordered as {@code backprop train} orders them
 *       ({@link LabelEncoder}: integers by value, other labels by text).</li>
 * </ul>
 * The classes are found with one distributed {@code distinct} pass; the prediction is the index
 * into them.
 */
final class ClassLabels {
    private static final String ONE_HOT = "__backprop_class_";

    private ClassLabels() {
    }

    /** Refuses a missing label column or one that is neither numeric nor string. */
    static void checkSchema(StructType schema, String label) {
        if (!List.of(schema.fieldNames()).contains(label)) {
            throw new IllegalArgumentException("no column '" + label + "'; the columns are " + List.of(schema.fieldNames()));
        }
        DataType type = schema.apply(label).dataType();
        if (!(type instanceof StringType) && !(type instanceof NumericType)) {
            throw new IllegalArgumentException("label column '" + label + "' must hold class indices (numbers) or "
                    + "strings, but it is " + type.simpleString());
        }
    }

    /**
     * The class labels of {@code label} in {@code data}, in index order.
     *
     * @throws IllegalArgumentException for a null label, a numeric label that is not an index, or
     *                                  fewer than 2 classes
     */
    static List<String> fit(Dataset<Row> data, String label) {
        StructField field = data.schema().apply(label);
        boolean numeric = field.dataType() instanceof NumericType;
        Column column = numeric ? data.col(label).cast("double") : data.col(label);
        List<Row> distinct = data.select(column).distinct().collectAsList();
        List<String> classes = numeric ? indexClasses(distinct, label, field) : textClasses(distinct, label);
        if (classes.size() < 2) {
            throw new IllegalArgumentException("classification needs at least 2 classes, column '" + label
                    + "' has only " + classes);
        }
        return classes;
    }

    private static List<String> textClasses(List<Row> distinct, String label) {
        String[] labels = new String[distinct.size()];
        for (int i = 0; i < labels.length; i++) {
            if (distinct.get(i).isNullAt(0)) {
                throw new IllegalArgumentException("label column '" + label + "' has null values");
            }
            labels[i] = distinct.get(i).getString(0);
        }
        return LabelEncoder.fit(labels).classes();
    }

    private static List<String> indexClasses(List<Row> distinct, String label, StructField field) {
        int count = 0;
        for (Row r : distinct) {
            if (r.isNullAt(0)) {
                throw new IllegalArgumentException("label column '" + label + "' has null values");
            }
            double v = r.getDouble(0);
            if (!(v >= 0) || v != Math.rint(v) || v >= Integer.MAX_VALUE) {
                throw new IllegalArgumentException("label column '" + label + "' holds " + v + ", but a numeric label "
                        + "must be a class index 0, 1, 2, … (as Spark MLlib expects); index string labels with a "
                        + "StringIndexer, or give a string column");
            }
            count = Math.max(count, (int) v + 1);
        }
        String[] named = nominalValues(field);
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < Math.max(count, named == null ? 0 : named.length); c++) {
            classes.add(named != null && c < named.length ? named[c] : Integer.toString(c));
        }
        return classes;
    }

    /** The labels in a column's nominal attribute metadata (a {@code StringIndexer}'s), or null. */
    private static String[] nominalValues(StructField field) {
        Attribute attribute = Attribute.fromStructField(field);
        if (attribute instanceof NominalAttribute nominal && nominal.values().isDefined()) {
            return nominal.values().get();
        }
        return null;
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
    static Dataset<Row> withOneHot(Dataset<Row> data, String label, List<String> classes) {
        boolean numeric = data.schema().apply(label).dataType() instanceof NumericType;
        List<String> names = oneHotNames(classes.size());
        Dataset<Row> out = data;
        for (int c = 0; c < names.size(); c++) {
            Column is = numeric ? data.col(label).cast("double").equalTo((double) c) : data.col(label).equalTo(classes.get(c));
            out = out.withColumn(names.get(c), functions.when(is, 1.0).otherwise(0.0));
        }
        return out;
    }
}
