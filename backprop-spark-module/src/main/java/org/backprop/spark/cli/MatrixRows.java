package org.backprop.spark.cli;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.backprop.spark.train.SparkTrainConfig;
import org.backprop.tensor.Matrix;

/**
 * A driver-side matrix pair as a Spark {@code Dataset<Row>}: columns {@code row} (the row's index,
 * which fixes the order), {@code x0…}, {@code y0…} and, with row weights, {@code w}.
 */
final class MatrixRows {
    private static final String ROW = "row";
    private static final String WEIGHT = "w";

    private MatrixRows() {
    }

    /**
     * A config builder naming the columns of {@link #dataset} (row order by the {@code row} column;
     * {@code weighted}: the weight column too).
     */
    static SparkTrainConfig.Builder columns(Matrix x, Matrix y, boolean weighted) {
        return SparkTrainConfig.builder().features(names("x", x.cols())).label(names("y", y.cols())).idColumn(ROW)
                .weightColumn(weighted ? WEIGHT : null);
    }

    /** The rows of {@code x}, {@code y} and the row weights {@code w} (n×1, or null for none) with their indices. */
    static Dataset<Row> dataset(SparkSession spark, Matrix x, Matrix y, Matrix w) {
        List<Row> rows = new ArrayList<>(x.rows());
        for (int i = 0; i < x.rows(); i++) {
            Object[] values = new Object[1 + x.cols() + y.cols() + (w == null ? 0 : 1)];
            values[0] = (long) i;
            for (int j = 0; j < x.cols(); j++) {
                values[1 + j] = x.get(i, j);
            }
            for (int j = 0; j < y.cols(); j++) {
                values[1 + x.cols() + j] = y.get(i, j);
            }
            if (w != null) {
                values[values.length - 1] = w.get(i, 0);
            }
            rows.add(RowFactory.create(values));
        }
        return spark.createDataFrame(rows, schema(x.cols(), y.cols(), w != null));
    }

    private static StructType schema(int inputs, int outputs, boolean weighted) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(ROW, DataTypes.LongType, false));
        for (String name : names("x", inputs)) {
            fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, false));
        }
        for (String name : names("y", outputs)) {
            fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, false));
        }
        if (weighted) {
            fields.add(DataTypes.createStructField(WEIGHT, DataTypes.DoubleType, false));
        }
        return DataTypes.createStructType(fields);
    }

    private static String[] names(String prefix, int count) {
        String[] names = new String[count];
        for (int j = 0; j < count; j++) {
            names[j] = prefix + j;
        }
        return names;
    }
}
