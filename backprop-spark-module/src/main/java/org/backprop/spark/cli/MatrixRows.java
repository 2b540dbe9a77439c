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
 * which fixes the order), {@code x0…} and {@code y0…}.
 */
final class MatrixRows {
    private static final String ROW = "row";

    private MatrixRows() {
    }

    /** A config builder naming the columns of {@link #dataset} (row order by the {@code row} column). */
    static SparkTrainConfig.Builder columns(Matrix x, Matrix y) {
        return SparkTrainConfig.builder().features(names("x", x.cols())).label(names("y", y.cols())).idColumn(ROW);
    }

    /** The rows of {@code x} and {@code y} with their indices. */
    static Dataset<Row> dataset(SparkSession spark, Matrix x, Matrix y) {
        List<Row> rows = new ArrayList<>(x.rows());
        for (int i = 0; i < x.rows(); i++) {
            Object[] values = new Object[1 + x.cols() + y.cols()];
            values[0] = (long) i;
            for (int j = 0; j < x.cols(); j++) {
                values[1 + j] = x.get(i, j);
            }
            for (int j = 0; j < y.cols(); j++) {
                values[1 + x.cols() + j] = y.get(i, j);
            }
            rows.add(RowFactory.create(values));
        }
        return spark.createDataFrame(rows, schema(x.cols(), y.cols()));
    }

    private static StructType schema(int inputs, int outputs) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(ROW, DataTypes.LongType, false));
        for (String name : names("x", inputs)) {
            fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, false));
        }
        for (String name : names("y", outputs)) {
            fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, false));
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
