package org.backprop.spark.ml;

import java.util.List;

import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.backprop.io.preprocess.LabelEncoder;
import org.backprop.spark.data.InputColumns;
import org.backprop.spark.score.ModelBytes;
import org.backprop.spark.train.FitResult;
import org.backprop.spark.train.SparkTrainer;

/**
 * A Spark ML estimator that trains a backprop classifier with {@link SparkTrainer}: the hidden
 * layers plus one linear output per class under softmax cross-entropy (a mean over rows, so the
 * distributed gradient is exact). It follows MLlib's classifier conventions: the label column holds
 * class indices as numbers (e.g. a {@code StringIndexer}'s {@code double}s; a string column is
 * indexed as {@code backprop train} does, see {@link ClassLabels}), and the model appends
 * {@code rawPrediction}, {@code probability} and {@code prediction} (a {@code double} class index),
 * so {@code MulticlassClassificationEvaluator}, {@code BinaryClassificationEvaluator} and
 * {@code CrossValidator} work. The class labels are kept in the model and in the prediction
 * column's metadata ({@code IndexToString} maps indices back).
 *
 * <pre>{@code
 * BackpropClassifier classifier = new BackpropClassifier().setLabelCol("indexed").setLayers(16)
 *         .setOptimizer("adam").setLearningRate(0.01).setEpochs(50).setBatchSize(256).setPartitions(4);
 * }</pre>
 *
 * Params beyond {@link BackpropEstimator}'s: {@code probabilityCol} ("probability") and
 * {@code rawPredictionCol} ("rawPrediction").
 */
public final class BackpropClassifier extends BackpropEstimator<BackpropClassifier, BackpropClassificationModel> {
    private static final long serialVersionUID = 1L;
    private final ClassifierColumns columns;

    public BackpropClassifier() {
        this(Identifiable$.MODULE$.randomUID("backpropClassifier"));
    }

    /** An estimator with this uid (Spark ML's readers and {@code copy} use this constructor). */
    public BackpropClassifier(String uid) {
        super(uid, "label column: class indices (numeric) or labels (string)");
        columns = new ClassifierColumns(this);
    }

    /** Spark ML's reader of a saved estimator. */
    public static MLReader<BackpropClassifier> read() {
        return new DefaultParamsReader<>();
    }

    /** Loads an estimator saved with {@code write().save(path)}. */
    public static BackpropClassifier load(String path) {
        return read().load(path);
    }

    @Override
    protected BackpropClassifier self() {
        return this;
    }

    public org.apache.spark.ml.param.Param<String> probabilityCol() {
        return columns.probabilityCol();
    }

    public org.apache.spark.ml.param.Param<String> rawPredictionCol() {
        return columns.rawPredictionCol();
    }

    public BackpropClassifier setProbabilityCol(String value) {
        set(columns.probabilityCol(), value);
        return this;
    }

    public BackpropClassifier setRawPredictionCol(String value) {
        set(columns.rawPredictionCol(), value);
        return this;
    }

    @Override
    public BackpropClassificationModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Dataset<Row> rows = dataset.toDF();
        List<String> classes = ClassLabels.fit(rows, getLabelCol());
        List<String> oneHot = ClassLabels.oneHotNames(classes.size());
        FitResult result = SparkTrainer.fit(ClassLabels.withOneHot(rows, getLabelCol(), classes),
                network(featureWidth(rows), classes.size(), "softmax_ce"), newOptimizer(),
                configBuilder(oneHot.toArray(String[]::new)).build());
        ModelBytes file;
        try (org.backprop.io.model.Model trained = result.classification(getLabelCol(), LabelEncoder.of(classes),
                metadata(TrainingJson.of(trainingJson(), result.epochLosses())))) {
            file = ModelBytes.of(trained);
        }
        BackpropClassificationModel model = new BackpropClassificationModel(uid(), file);
        model.setParent(this);
        return copyValues(model, ParamMap.empty());
    }

    @Override
    public StructType transformSchema(StructType schema) {
        InputColumns.vector(getFeaturesCol(), List.of(getLabelCol())).withWeight(getWeightCol())
                .checkSchemaFeatures(schema);
        ClassLabels.checkSchema(schema, getLabelCol());
        return columns.withScores(schema, getPredictionCol(), null);
    }

    @Override
    public BackpropClassifier copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
