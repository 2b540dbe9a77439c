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
import org.backprop.io.model.Model;
import org.backprop.io.model.Task;
import org.backprop.spark.data.InputColumns;
import org.backprop.spark.score.ModelBytes;
import org.backprop.spark.score.Scorer;
import org.backprop.tensor.Matrix;

/**
 * The model a {@link BackpropRegressor} fits: {@code transform} appends the {@code prediction}
 * column (a double, in target units), computed by the trained network from the features
 * standardized as in training. {@link #model()} is io's regression {@link Model}.
 *
 * <p>{@code write().save(dir)} (and so {@code PipelineModel.save}) writes a directory whose
 * {@code data/model.safetensors} is the project's model file ({@code backprop predict --model
 * dir/data/model.safetensors} reads it); {@link #load} reads it back. {@link #saveModelFile} and
 * {@link #loadModelFile} write and read the single local file.
 */
public final class BackpropRegressionModel extends BackpropModel<BackpropRegressionModel> {
    private static final long serialVersionUID = 1L;

    /** @param file a regression model file */
    BackpropRegressionModel(String uid, ModelBytes file) {
        super(uid, file);
    }

    @Override
    protected BackpropRegressionModel self() {
        return this;
    }

    /** Spark ML's reader of a saved model directory. */
    public static MLReader<BackpropRegressionModel> read() {
        return new NetworkModelReader<>(BackpropRegressionModel.class, (uid, file) -> of(uid, file, "a model directory"));
    }

    /** Loads a model directory saved with {@code write().save(path)}. */
    public static BackpropRegressionModel load(String path) {
        return read().load(path);
    }

    @Override
    public MLWriter write() {
        return new NetworkModelWriter(this, modelFile());
    }

    /**
     * Loads a regression model file written by {@link #saveModelFile} or by {@code backprop train}
     * (a standardized target is mapped back to its units, as {@code backprop predict} does); the
     * label column param is set to the file's target.
     *
     * @throws IllegalArgumentException if the file holds a classification model
     */
    public static BackpropRegressionModel loadModelFile(Path file) throws IOException {
        return of(Identifiable$.MODULE$.randomUID("backpropRegressor"), ModelBytes.read(file), file.toString());
    }

    private static BackpropRegressionModel of(String uid, ModelBytes file, String source) {
        BackpropRegressionModel model = new BackpropRegressionModel(uid, file);
        if (model.model().task() != Task.REGRESSION) {
            throw new IllegalArgumentException(source + " holds a classification model; use BackpropClassificationModel");
        }
        return model.setLabelCol(model.model().target());
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        Dataset<Row> rows = dataset.toDF();
        int at = Arrays.asList(rows.schema().fieldNames()).indexOf(getFeaturesCol());
        InputColumns columns = InputColumns.vector(getFeaturesCol(), List.of(getLabelCol()));
        return rows.mapPartitions(new Scorer(modelFile(), columns, at, BackpropRegressionModel::predictions),
                Encoders.row(out));
    }

    /** The network's single output in target units, one value per row. */
    private static Object[][] predictions(Model model, Matrix x) {
        double[] prediction = model.targetScaler().inverseTransform(model.network().predict(x).toArray());
        Object[][] values = new Object[x.rows()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = new Object[] {prediction[i]};
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
        BackpropRegressionModel copy = new BackpropRegressionModel(uid(), modelFile());
        copy.setParent(parent());
        return copyValues(copy, extra);
    }
}
