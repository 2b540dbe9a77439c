package org.backprop.spark.ml;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.backprop.io.model.Task;
import org.backprop.spark.data.InputColumns;
import org.backprop.spark.score.ClassScores;
import org.backprop.spark.score.ModelBytes;
import org.backprop.spark.score.Scorer;

/**
 * The model a {@link BackpropClassifier} fits. {@code transform} appends, as Spark MLlib's
 * probabilistic classifiers do, {@code rawPrediction} (log-probabilities), {@code probability} (a
 * {@code Vector} in the order of {@link #classes()}) and {@code prediction}, the {@code double}
 * index of the most probable class; the prediction column's nominal metadata names the classes.
 *
 * <p>{@code write().save(dir)} (and so {@code PipelineModel.save}) writes a directory whose
 * {@code data/model.safetensors} is the project's classification model file (the classes are its
 * labels, the label column its target); {@link #load} reads it back. {@link #saveModelFile} and
 * {@link #loadModelFile} write and read the single local file.
 */
public final class BackpropClassificationModel extends BackpropModel<BackpropClassificationModel> {
    private static final long serialVersionUID = 1L;
    private final List<String> classes;
    private final ClassifierColumns columns;

    /** @param file a classification model file */
    BackpropClassificationModel(String uid, ModelBytes file) {
        super(uid, file);
        if (model().task() != Task.CLASSIFICATION) {
            throw new IllegalArgumentException("a regression model; use BackpropRegressionModel");
        }
        this.classes = model().labels().classes();
        this.columns = new ClassifierColumns(this);
    }

    @Override
    protected BackpropClassificationModel self() {
        return this;
    }

    /** Spark ML's reader of a saved model directory. */
    public static MLReader<BackpropClassificationModel> read() {
        return new NetworkModelReader<>(BackpropClassificationModel.class,
                (uid, file) -> of(uid, file, "a model directory"));
    }

    /** Loads a model directory saved with {@code write().save(path)}. */
    public static BackpropClassificationModel load(String path) {
        return read().load(path);
    }

    @Override
    public MLWriter write() {
        return new NetworkModelWriter(this, modelFile());
    }

    public Param<String> probabilityCol() {
        return columns.probabilityCol();
    }

    public Param<String> rawPredictionCol() {
        return columns.rawPredictionCol();
    }

    public BackpropClassificationModel setProbabilityCol(String value) {
        set(columns.probabilityCol(), value);
        return this;
    }

    public BackpropClassificationModel setRawPredictionCol(String value) {
        set(columns.rawPredictionCol(), value);
        return this;
    }

    /** The class labels in index (probability vector) order. */
    public List<String> classes() {
        return classes;
    }

    /**
     * Loads a classification model file (from {@link #saveModelFile} or {@code backprop train}); the
     * label column param is set to the file's target.
     *
     * @throws IllegalArgumentException if the file holds a regression model
     */
    public static BackpropClassificationModel loadModelFile(Path file) throws IOException {
        return of(Identifiable$.MODULE$.randomUID("backpropClassifier"), ModelBytes.read(file), file.toString());
    }

    private static BackpropClassificationModel of(String uid, ModelBytes file, String source) {
        BackpropClassificationModel model;
        try {
            model = new BackpropClassificationModel(uid, file);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " holds " + e.getMessage(), e);
        }
        return model.setLabelCol(model.model().target());
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        Dataset<Row> rows = dataset.toDF();
        int at = Arrays.asList(rows.schema().fieldNames()).indexOf(getFeaturesCol());
        InputColumns features = InputColumns.vector(getFeaturesCol(), List.of(getLabelCol()));
        Dataset<Row> scored = rows.mapPartitions(new Scorer(modelFile(), features, at, new ClassScores()),
                Encoders.row(out));
        String prediction = getPredictionCol();
        // the row encoder drops column metadata: put the class labels back on the prediction column
        return scored.withColumn(prediction, scored.col(prediction).as(prediction, out.apply(prediction).metadata()));
    }

    @Override
    public StructType transformSchema(StructType schema) {
        InputColumns.vector(getFeaturesCol(), List.of(getLabelCol())).checkSchemaFeatures(schema);
        return columns.withScores(schema, getPredictionCol(), classes);
    }

    @Override
    public BackpropClassificationModel copy(ParamMap extra) {
        BackpropClassificationModel copy = new BackpropClassificationModel(uid(), modelFile());
        copy.setParent(parent());
        return copyValues(copy, extra);
    }
}
