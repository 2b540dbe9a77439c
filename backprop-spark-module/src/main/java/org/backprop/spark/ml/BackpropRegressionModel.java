package org.backprop.spark.ml;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.backprop.network.NeuralNetwork;
import org.backprop.spark.ModelFiles;
import org.backprop.spark.TrainedNetwork;
import org.backprop.spark.data.InputColumns;
import org.backprop.spark.score.Scorer;
import org.backprop.tensor.Matrix;

/**
 * The model a {@link BackpropRegressor} fits: {@code transform} appends the {@code prediction}
 * column (a double, in target units), computed by the trained network from the features
 * standardized as in training. {@link #network()} exposes the architecture, parameters and scalers.
 *
 * <p>{@code write().save(dir)} (and so {@code PipelineModel.save}) writes a directory whose
 * {@code data/model.safetensors} is the project's model file ({@code backprop predict --model
 * dir/data/model.safetensors} reads it); {@link #load} reads it back. {@link #saveModelFile} and
 * {@link #loadModelFile} write and read the single local file.
 */
public final class BackpropRegressionModel extends BackpropModel<BackpropRegressionModel> {
    private static final long serialVersionUID = 1L;

    /** @param training the training record (settings and epoch losses) as JSON, or null */
    BackpropRegressionModel(String uid, TrainedNetwork network, String training, long seed) {
        super(uid, network, training, seed);
    }

    @Override
    protected BackpropRegressionModel self() {
        return this;
    }

    /** Spark ML's reader of a saved model directory. */
    public static MLReader<BackpropRegressionModel> read() {
        return new NetworkModelReader<>(BackpropRegressionModel.class, (uid, loaded) -> of(uid, loaded, "a model directory"));
    }

    /** Loads a model directory saved with {@code write().save(path)}. */
    public static BackpropRegressionModel load(String path) {
        return read().load(path);
    }

    @Override
    public MLWriter write() {
        return new NetworkModelWriter(this, network(), getLabelCol(), null, training(), seed());
    }

    /**
     * Saves the model as one local model file (regression, target = the label column, features named
     * as in training); {@code backprop predict --model FILE} reads it.
     */
    public void saveModelFile(Path file) throws IOException {
        ModelFiles.save(file, network(), getLabelCol(), null, training(), seed());
    }

    /**
     * Loads a regression model file written by {@link #saveModelFile} or by {@code backprop train}
     * (a standardized target is mapped back to its units, as {@code backprop predict} does); the
     * label column param is set to the file's target.
     *
     * @throws IllegalArgumentException if the file holds a classification model
     */
    public static BackpropRegressionModel loadModelFile(Path file) throws IOException {
        return of(Identifiable$.MODULE$.randomUID("backpropRegressor"), ModelFiles.load(file), file.toString());
    }

    private static BackpropRegressionModel of(String uid, ModelFiles.Loaded loaded, String source) {
        if (loaded.classes() != null) {
            throw new IllegalArgumentException(source + " holds a classification model; use BackpropClassificationModel");
        }
        BackpropRegressionModel model = new BackpropRegressionModel(uid, loaded.network(),
                loaded.metadata().training(), loaded.metadata().seed());
        return model.setLabelCol(loaded.target());
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        Dataset<Row> rows = dataset.toDF();
        int at = Arrays.asList(rows.schema().fieldNames()).indexOf(getFeaturesCol());
        InputColumns columns = InputColumns.vector(getFeaturesCol(), List.of(getLabelCol()));
        TrainedNetwork trained = network();
        return rows.mapPartitions(new Scorer(trained, columns, at, (net, x) -> predictions(trained, net, x)),
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
        InputColumns.vector(getFeaturesCol(), List.of(getLabelCol())).checkSchemaFeatures(schema);
        return withPrediction(schema, getPredictionCol());
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
        BackpropRegressionModel copy = new BackpropRegressionModel(uid(), network(), training(), seed());
        copy.setParent(parent());
        return copyValues(copy, extra);
    }
}
