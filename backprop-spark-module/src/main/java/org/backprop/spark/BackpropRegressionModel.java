package org.backprop.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.backprop.network.NeuralNetwork;
import org.backprop.tensor.Matrix;

/**
 * The {@link org.apache.spark.ml.Model} a {@link BackpropRegressor} fits: {@code transform} appends
 * a prediction column computed by the trained network (features standardized as in training).
 * {@link #network()} exposes the architecture, flat parameters and standardizer.
 *
 * <p>{@link #saveModelFile} and {@link #loadModelFile} use the project's model file (safetensors
 * plus metadata, see {@link ModelFiles}), so {@code backprop predict/evaluate/inspect} read a model
 * trained on Spark. (Spark ML's {@code MLWritable} is not implemented: it writes a directory on a
 * Hadoop file system, while the model file is one local file.)
 */
public final class BackpropRegressionModel extends Model<BackpropRegressionModel> {
    private static final long serialVersionUID = 1L;
    private final String uid;
    private final TrainedNetwork network;
    private final List<Double> epochLosses;
    private final Param<String> featuresCol;
    private final Param<String> labelCol;
    private final Param<String> predictionCol;

    BackpropRegressionModel(String uid, TrainedNetwork network, List<Double> epochLosses) {
        this.uid = uid;
        this.network = network;
        this.epochLosses = List.copyOf(epochLosses);
        this.featuresCol = new Param<>(this, "featuresCol", "features column (Vector)");
        this.labelCol = new Param<>(this, "labelCol", "label column (numeric)");
        this.predictionCol = new Param<>(this, "predictionCol", "prediction column name");
        setDefault(featuresCol, "features");
        setDefault(labelCol, "label");
        setDefault(predictionCol, "prediction");
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> featuresCol() {
        return featuresCol;
    }

    public Param<String> labelCol() {
        return labelCol;
    }

    public Param<String> predictionCol() {
        return predictionCol;
    }

    public BackpropRegressionModel setPredictionCol(String value) {
        set(predictionCol, value);
        return this;
    }

    /** The trained network: architecture, flat parameters, standardizer, column names. */
    public TrainedNetwork network() {
        return network;
    }

    /** The mean training loss of every epoch. */
    public List<Double> epochLosses() {
        return epochLosses;
    }

    /**
     * Saves the model as one model file (regression, target = the label column, features named as
     * in training); {@code backprop predict --model FILE} reads it.
     */
    public void saveModelFile(Path file) throws IOException {
        ModelFiles.save(file, network, $(labelCol), null, null, 0L);
    }

    /**
     * Loads a regression model file written by {@link #saveModelFile} or by {@code backprop train}
     * (a standardized target is mapped back to its units, as {@code backprop predict} does); the
     * label column param is set to the file's target.
     *
     * @throws IllegalArgumentException if the file holds a classification model
     */
    public static BackpropRegressionModel loadModelFile(Path file) throws IOException {
        ModelFiles.Loaded loaded = ModelFiles.load(file);
        if (loaded.classes() != null) {
            throw new IllegalArgumentException(file + " holds a classification model; use BackpropClassificationModel");
        }
        BackpropRegressionModel model = new BackpropRegressionModel(
                Identifiable$.MODULE$.randomUID("backpropRegressor"), loaded.network(), List.of());
        model.set(model.labelCol, loaded.target());
        return model;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        Dataset<Row> rows = dataset.toDF();
        int at = Arrays.asList(rows.schema().fieldNames()).indexOf($(featuresCol));
        InputColumns columns = InputColumns.vector($(featuresCol), List.of($(labelCol)));
        TrainedNetwork trained = network;
        return rows.mapPartitions(new Scorer(network, columns, at, (net, x) -> predictions(trained, net, x)),
                Encoders.row(out));
    }

    /** The network's single output in target units, one value per row. */
    private static Object[][] predictions(TrainedNetwork trained, NeuralNetwork network, Matrix x) {
        Matrix prediction = trained.toTargetUnits(network.predict(x));
        Object[][] values = new Object[x.rows()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = new Object[] {prediction.get(i, 0)};
        }
        return values;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        if (!Arrays.asList(schema.fieldNames()).contains($(featuresCol))
                || !BackpropRegressor.isVector(schema, $(featuresCol))) {
            throw new IllegalArgumentException("column '" + $(featuresCol) + "' must exist and be a Spark ML Vector");
        }
        return withPrediction(schema, $(predictionCol));
    }

    /** {@code schema} plus a double column {@code prediction}, refusing a name already taken. */
    static StructType withPrediction(StructType schema, String prediction) {
        if (Arrays.asList(schema.fieldNames()).contains(prediction)) {
            throw new IllegalArgumentException("column '" + prediction + "' already exists");
        }
        return schema.add(prediction, DataTypes.DoubleType, false);
    }

    @Override
    public BackpropRegressionModel copy(ParamMap extra) {
        BackpropRegressionModel copy = new BackpropRegressionModel(uid, network, epochLosses);
        copy.setParent(parent());
        return copyValues(copy, extra);
    }
}
