package org.backprop.spark.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.IntegralType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Which columns of a {@code Dataset<Row>} hold the features (several numeric columns, or one
 * Spark ML {@code Vector} column), the labels and, optionally, a stable row ID. Checks the schema on
 * the driver and turns rows into {@link LabeledRow}s, naming the column and row of any null, NaN or
 * infinite cell.
 */
public final class InputColumns implements Serializable {
    private static final long serialVersionUID = 1L;
    private final List<String> features;
    private final String vector;
    private final List<String> labels;
    private final String id;
    private final String weight;

    private InputColumns(List<String> features, String vector, List<String> labels, String id, String weight) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("name at least one label column");
        }
        this.features = List.copyOf(features);
        this.vector = vector;
        this.labels = List.copyOf(labels);
        this.id = id;
        this.weight = weight;
    }

    /** Features in the named numeric columns, labels in {@code labels}. */
    public static InputColumns named(List<String> features, List<String> labels) {
        if (features.isEmpty()) {
            throw new IllegalArgumentException("name at least one feature column");
        }
        return new InputColumns(features, null, labels, null, null);
    }

    /** Features in one Spark ML {@code Vector} column, labels in {@code labels}. */
    public static InputColumns vector(String vectorColumn, List<String> labels) {
        return new InputColumns(List.of(), vectorColumn, labels, null, null);
    }

    /**
     * The same columns, with rows ordered by the unique integral column {@code idColumn} instead of
     * by input order.
     */
    public InputColumns withId(String idColumn) {
        return new InputColumns(features, vector, labels, idColumn, weight);
    }

    /**
     * The same columns plus a numeric column of per-row weights (each finite and ≥ 0): the loss of
     * every batch is then the weighted mean Σwℓ/Σw, as with the local trainer's row weights; null
     * for none.
     */
    public InputColumns withWeight(String weightColumn) {
        return new InputColumns(features, vector, labels, id, weightColumn);
    }

    /** The weight column, or null if every row weighs 1. */
    public String weightColumn() {
        return weight;
    }

    /** The ID column, or null for input order. */
    public String idColumn() {
        return id;
    }

    /** The label column names. */
    public List<String> labels() {
        return labels;
    }

    /**
     * Names of the feature values: the named columns; for a vector column the names in its Spark ML
     * attribute metadata (a {@code VectorAssembler} names each value after its input column), or
     * {@code vector[j]} for j &lt; width when the metadata does not name every value.
     */
    public List<String> featureNames(StructType schema, int width) {
        if (vector == null) {
            return features;
        }
        List<String> named = attributeNames(field(schema, vector));
        if (named != null && named.size() == width) {
            return named;
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            names.add(vector + "[" + j + "]");
        }
        return names;
    }

    /** The names of a vector column's values from its ML attribute metadata, or null if any is unnamed. */
    public static List<String> attributeNames(StructField vectorField) {
        AttributeGroup group = AttributeGroup.fromStructField(vectorField);
        if (group.attributes().isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (Attribute a : group.attributes().get()) {
            if (a.name().isEmpty()) {
                return null;
            }
            names.add(a.name().get());
        }
        return names;
    }

    /** The number of values of a vector column according to its ML attribute metadata, or -1 if unknown. */
    public static int attributeWidth(StructField vectorField) {
        return AttributeGroup.fromStructField(vectorField).size();
    }

    /** Refuses a schema with a missing, non-numeric (or non-vector) column, naming it. */
    public void checkSchema(StructType schema) {
        checkSchemaFeatures(schema);
        for (String name : labels) {
            require(schema, name, NumericType.class, "numeric");
        }
        if (id != null) {
            require(schema, id, IntegralType.class, "integral");
        }
        if (weight != null) {
            require(schema, weight, NumericType.class, "numeric");
        }
    }

    /** As {@link #checkSchema}, for the feature columns only (labels are checked elsewhere). */
    public void checkSchemaFeatures(StructType schema) {
        for (String name : features) {
            require(schema, name, NumericType.class, "numeric");
        }
        if (vector != null && !(field(schema, vector).dataType() instanceof VectorUDT)) {
            throw new IllegalArgumentException("column '" + vector + "' must be a Spark ML Vector, but it is "
                    + field(schema, vector).dataType().simpleString());
        }
    }

    /** The dataset reduced to [id?, features…, labels…, weight?] in that order. */
    public Dataset<Row> select(Dataset<Row> data) {
        checkSchema(data.schema());
        List<Column> columns = new ArrayList<>();
        if (id != null) {
            columns.add(data.col(id));
        }
        (vector == null ? features : List.of(vector)).forEach(c -> columns.add(data.col(c)));
        labels.forEach(c -> columns.add(data.col(c)));
        if (weight != null) {
            columns.add(data.col(weight));
        }
        return data.select(columns.toArray(new Column[0]));
    }

    /** The stable sort key of a selected row: its ID. */
    long id(Row selected) {
        return ((Number) selected.get(0)).longValue();
    }

    /** Parses a selected row; {@code inputs} is the number of feature values the network expects. */
    LabeledRow parse(Row row, long index, int inputs) {
        int at = id == null ? 0 : 1;
        if (id != null && row.isNullAt(0)) {
            return LabeledRow.bad(index, "column '" + id + "' is null at " + where(row, index));
        }
        double[] x = new double[inputs];
        String problem = vector == null ? readNamed(row, at, x, index) : readVector(row, at, x, index);
        at += vector == null ? features.size() : 1;
        double[] y = new double[labels.size()];
        for (int j = 0; problem == null && j < y.length; j++) {
            problem = read(row, at + j, labels.get(j), y, j, index);
        }
        double[] w = {1.0};
        if (problem == null && weight != null) {
            problem = read(row, at + y.length, weight, w, 0, index);
            if (problem == null && !(w[0] >= 0)) {
                problem = "column '" + weight + "' is " + w[0] + " at " + where(row, index)
                        + "; weights must be finite and at least 0";
            }
        }
        return problem == null ? new LabeledRow(index, x, y, w[0], null) : LabeledRow.bad(index, problem);
    }

    /**
     * Reads the features of a row holding them at positions from {@code at} on into {@code x} (for
     * scoring); returns null, or what is wrong with the row (a negative {@code index} means "a row
     * being scored").
     */
    public String readFeatures(Row row, int at, double[] x, long index) {
        return vector == null ? readNamed(row, at, x, index) : readVector(row, at, x, index);
    }

    /** The feature columns to read for scoring: the named columns or the vector column. */
    List<String> featureColumns() {
        return vector == null ? features : List.of(vector);
    }

    private String readNamed(Row row, int at, double[] x, long index) {
        if (features.size() != x.length) {
            return features.size() + " feature columns but the network has " + x.length + " inputs";
        }
        for (int j = 0; j < x.length; j++) {
            String problem = read(row, at + j, features.get(j), x, j, index);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private String readVector(Row row, int at, double[] x, long index) {
        if (row.isNullAt(at)) {
            return "column '" + vector + "' is null at " + where(row, index);
        }
        Vector v = (Vector) row.get(at);
        if (v.size() != x.length) {
            return "column '" + vector + "' has " + v.size() + " values at " + where(row, index)
                    + " but the network has " + x.length + " inputs";
        }
        for (int j = 0; j < x.length; j++) {
            x[j] = v.apply(j);
            if (!Double.isFinite(x[j])) {
                return "column '" + vector + "' element " + j + " is " + x[j] + " at " + where(row, index);
            }
        }
        return null;
    }

    private String read(Row row, int position, String name, double[] out, int j, long index) {
        if (row.isNullAt(position)) {
            return "column '" + name + "' is null at " + where(row, index);
        }
        out[j] = ((Number) row.get(position)).doubleValue();
        return Double.isFinite(out[j]) ? null : "column '" + name + "' is " + out[j] + " at " + where(row, index);
    }

    private String where(Row row, long index) {
        if (index < 0) {
            return "a row being scored";
        }
        if (id != null && !row.isNullAt(0)) {
            return "the row with " + id + " = " + row.get(0);
        }
        return "row " + index + " (0-based, input order)";
    }

    private static StructField field(StructType schema, String name) {
        if (!Arrays.asList(schema.fieldNames()).contains(name)) {
            throw new IllegalArgumentException("no column '" + name + "'; the columns are "
                    + Arrays.toString(schema.fieldNames()));
        }
        return schema.apply(name);
    }

    private static void require(StructType schema, String name, Class<? extends DataType> type, String what) {
        DataType actual = field(schema, name).dataType();
        if (!type.isInstance(actual)) {
            throw new IllegalArgumentException("column '" + name + "' must be " + what + ", but it is "
                    + actual.simpleString());
        }
    }

    @Override
    public String toString() {
        return "features " + (vector == null ? features : vector) + ", labels " + labels
                + (id == null ? "" : ", id " + id) + (weight == null ? "" : ", weight " + weight);
    }
}
