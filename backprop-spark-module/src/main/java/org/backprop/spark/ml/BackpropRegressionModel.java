package org.backprop.spark.ml;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
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
public final class BackpropRegressionModel extends Model<BackpropRegressionModel> implements MLWritable {
    private static final long serialVersionUID = 1L;
    private final String uid;
    private final TrainedNetwork network;
    private final String training;
    private final long seed;
    private final Param<String> featuresCol;
    private final Param<String> labelCol;
    private final Param<String> predictionCol;

    /** @param training the training record (settings and epoch losses) as JSON, or null */
    BackpropRegressionModel(String uid, TrainedNetwork network, String training, long seed) {
        this.uid = uid;
        this.network = network;
        this.training = training;
        this.seed = seed;
        this.featuresCol = new Param<>(this, "featuresCol", "features column (Vector)");
        this.labelCol = new Param<>(this, "labelCol", "label column (numeric): the model file's target name");
        this.predictionCol = new Param<>(this, "predictionCol", "prediction column name");
        setDefault(featuresCol, "features");
        setDefault(labelCol, "label");
        setDefault(predictionCol, "prediction");
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
        return new NetworkModelWriter(this, network, $(labelCol), null, training, seed);
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

    public BackpropRegressionModel setFeaturesCol(String value) {
        set(featuresCol, value);
        return this;
    }

    public BackpropRegressionModel setPredictionCol(String value) {
        set(predictionCol, value);
        return this;
    }

    /** The trained network: architecture, flat parameters, feature and target scalers, feature names. */
    public TrainedNetwork network() {
        return network;
    }

    /** The mean training loss of every epoch (in standardized target units if the target was standardized). */
    public List<Double> epochLosses() {
        return TrainingJson.epochLosses(training);
    }

    /**
     * Saves the model as one local model file (regression, target = the label column, features named
     * as in training); {@code backprop predict --model FILE} reads it.
     */
    public void saveModelFile(Path file) throws IOException {
        ModelFiles.save(file, network, $(labelCol), null, training, seed);
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
        InputColumns.vector($(featuresCol), List.of($(labelCol))).checkSchemaFeatures(schema);
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
        BackpropRegressionModel copy = new BackpropRegressionModel(uid, network, training, seed);
        copy.setParent(parent());
        return copyValues(copy, extra);
    }
}
