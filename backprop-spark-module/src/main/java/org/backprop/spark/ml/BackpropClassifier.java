package org.backprop.spark.ml;

import java.util.List;

import java.util.HashMap;
import java.util.Map;

import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.backprop.io.preprocess.LabelEncoder;
import org.backprop.io.table.ClassWeights;
import org.backprop.spark.data.InputColumns;
import org.backprop.spark.score.ModelBytes;
import org.backprop.spark.train.FitResult;
import org.backprop.spark.train.SparkTrainConfig;
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
 * Params beyond {@link BackpropEstimator}'s: {@code probabilityCol} ("probability"),
 * {@code rawPredictionCol} ("rawPrediction") and {@code classWeight} (unset: every class 1):
 * {@code backprop train --class-weight}'s weights, {@code "balanced"} (class c weighs n / (k · n_c)
 * over the n training rows and k classes) or {@code "LABEL=W,…"} pairs (labels as the model names
 * the classes, other classes 1); each row's weight is its {@code weightCol} value (1 without one)
 * times its class's weight, and every batch's loss is the weighted mean Σwℓ/Σw. Like every param it
 * is saved with the estimator and can be tuned ({@code addGrid(classifier.classWeight(), …)}).
 */
public final class BackpropClassifier extends BackpropEstimator<BackpropClassifier, BackpropClassificationModel> {
    private static final long serialVersionUID = 1L;
    /** The column of row weights the fit adds when {@code classWeight} is set. */
    static final String CLASS_WEIGHTED = "__backprop_weight";
    private final ClassifierColumns columns;
    private final org.apache.spark.ml.param.Param<String> classWeight;

    public BackpropClassifier() {
        this(Identifiable$.MODULE$.randomUID("backpropClassifier"));
    }

    /** An estimator with this uid (Spark ML's readers and {@code copy} use this constructor). */
    public BackpropClassifier(String uid) {
        super(uid, "label column: class indices (numeric) or labels (string)");
        columns = new ClassifierColumns(this);
        classWeight = new org.apache.spark.ml.param.Param<>(this, "classWeight", "class weights of the loss: 'balanced' or LABEL=W pairs "
                + "separated by commas (other classes 1); unset: every class 1");
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

    /** The class weights param (see the class comment); Spark ML finds params through these accessors. */
    public org.apache.spark.ml.param.Param<String> classWeight() {
        return classWeight;
    }

    /**
     * Weighs each class's rows: "balanced" or "LABEL=W,…" pairs, as {@code backprop train --class-weight}.
     *
     * @throws IllegalArgumentException for a malformed value (a label that is no class is refused by fit)
     */
    public BackpropClassifier setClassWeight(String value) {
        ClassWeights.check(value);
        set(classWeight, value);
        return this;
    }

    /** The class weights, or null when unset (every class 1). */
    public String getClassWeight() {
        return isDefined(classWeight) ? $(classWeight) : null;
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
        Dataset<Row> labeled = ClassLabels.withOneHot(rows, getLabelCol(), classes);
        SparkTrainConfig.Builder config = configBuilder(oneHot.toArray(String[]::new));
        if (getClassWeight() != null) {
            labeled = withClassWeights(labeled, classes, oneHot);
            config.weightColumn(CLASS_WEIGHTED);
        }
        FitResult result = SparkTrainer.fit(labeled, network(featureWidth(rows), classes.size(), "softmax_ce"),
                newOptimizer(), config.build());
        ModelBytes file;
        try (org.backprop.io.model.Model trained = result.classification(getLabelCol(), LabelEncoder.of(classes),
                metadata(TrainingJson.of(trainingJson(), result.epochLosses())))) {
            file = ModelBytes.of(trained);
        }
        BackpropClassificationModel model = new BackpropClassificationModel(uid(), file);
        model.setParent(this);
        return copyValues(model, ParamMap.empty());
    }

    /**
     * {@code data} plus the {@value #CLASS_WEIGHTED} column: the weight column's value (1 without one)
     * times the row's class weight; "balanced" counts the classes in one job.
     */
    private Dataset<Row> withClassWeights(Dataset<Row> data, List<String> classes, List<String> oneHot) {
        Map<String, Long> counts = new HashMap<>();
        if (ClassWeights.isBalanced(getClassWeight())) {
            Column[] sums = oneHot.stream().map(c -> functions.sum(c)).toArray(Column[]::new);
            Row row = data.agg(sums[0], java.util.Arrays.copyOfRange(sums, 1, sums.length)).first();
            for (int c = 0; c < classes.size(); c++) {
                counts.put(classes.get(c), (long) row.getDouble(c));
            }
        }
        Map<String, Double> weights = ClassWeights.of(getClassWeight(), classes, counts);
        Column byClass = functions.lit(1.0);
        for (int c = classes.size() - 1; c >= 0; c--) {
            byClass = functions.when(functions.col(oneHot.get(c)).equalTo(1.0), weights.get(classes.get(c)))
                    .otherwise(byClass);
        }
        Column rowWeight = getWeightCol() == null ? byClass
                : functions.col(getWeightCol()).cast("double").multiply(byClass);
        return data.withColumn(CLASS_WEIGHTED, rowWeight);
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
