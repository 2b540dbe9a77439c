package org.backprop.spark;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.backprop.random.RandomSource;
import org.backprop.random.SeedStreams;
import org.backprop.tensor.Matrix;

/** A deterministic regression data set, as matrices and as a Spark {@code Dataset<Row>}. */
public record TestRows(Matrix x, Matrix y) {

    /** n rows of d features uniform in [−1, 1) and y = a smooth function of them plus noise. */
    public static TestRows generate(int n, int d, long seed) {
        RandomSource r = new SeedStreams(seed).stream("data");
        Matrix x = Matrix.zeros(n, d);
        Matrix y = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            double target = 0;
            for (int j = 0; j < d; j++) {
                double v = r.uniform(-1, 1);
                x.set(i, j, v);
                target += Math.sin(1.5 * v * (j + 1)) / (j + 1);
            }
            y.set(i, 0, target + 0.05 * r.nextGaussian());
        }
        return new TestRows(x, y);
    }

    public static String[] featureNames(int d) {
        String[] names = new String[d];
        for (int j = 0; j < d; j++) {
            names[j] = "f" + j;
        }
        return names;
    }

    /** The same rows with the target mapped to {@code offset + scale·y}. */
    public TestRows withTarget(double offset, double scale) {
        Matrix mapped = Matrix.zeros(y.rows(), 1);
        for (int i = 0; i < y.rows(); i++) {
            mapped.set(i, 0, offset + scale * y.get(i, 0));
        }
        return new TestRows(x, mapped);
    }

    /** Writes the rows as a CSV file with the header f0..f(d−1),y (values printed exactly). */
    public void writeCsv(java.nio.file.Path file) throws java.io.IOException {
        StringBuilder sb = new StringBuilder(String.join(",", featureNames(x.cols()))).append(",y\n");
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < x.cols(); j++) {
                sb.append(x.get(i, j)).append(',');
            }
            sb.append(y.get(i, 0)).append('\n');
        }
        java.nio.file.Files.writeString(file, sb.toString());
    }

    /** Columns f0..f(d−1) and y, in row order (Spark splits them into input partitions in order). */
    public Dataset<Row> toDataset(SparkSession spark) {
        return toDataset(spark, null);
    }

    /** As {@link #toDataset(SparkSession)} plus a column {@code w} of row weights (if not null). */
    public Dataset<Row> toDataset(SparkSession spark, double[] weights) {
        List<StructField> fields = new ArrayList<>();
        for (String name : featureNames(x.cols())) {
            fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, true));
        }
        fields.add(DataTypes.createStructField("y", DataTypes.DoubleType, true));
        if (weights != null) {
            fields.add(DataTypes.createStructField("w", DataTypes.DoubleType, true));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < x.rows(); i++) {
            Object[] values = new Object[x.cols() + (weights == null ? 1 : 2)];
            for (int j = 0; j < x.cols(); j++) {
                values[j] = x.get(i, j);
            }
            values[x.cols()] = y.get(i, 0);
            if (weights != null) {
                values[x.cols() + 1] = weights[i];
            }
            rows.add(RowFactory.create(values));
        }
        return spark.createDataFrame(rows, DataTypes.createStructType(fields));
    }
}
